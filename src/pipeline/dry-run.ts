// What `build` would run, printed instead of run: the same facts gathered the same way
// (gatherFacts), the same plan (planRun) main carries out. Only questions are asked: the engine's
// facts for the driver, git for the commit's time, the registry's tags for a release; nothing is
// installed, created or pushed.
import { join } from 'node:path'
import { optionalReadsBudgetMs, OptionalReads } from './host/optional-reads.js'
import { parseInputs, type RawInputs } from '../core/inputs/inputs.js'
import { planRun } from '../core/run-plan.js'
import { buildArgs, createBuilderArgs, loginArgs } from '../core/builder/args.js'
import { registryOf } from '../core/registry/reference.js'
import { loginsOf } from '../core/inputs/registry-auth.js'
import { askEngine } from './builder/buildx.js'
import { gatherFacts, planFacts, readRunContext } from './run-facts.js'
import type { Runtime } from './host/runtime.js'
import { readBaseline } from './registry/image-sources.js'
import { builderOf, takeFingerprint } from './builder/fingerprint.js'
import { ACTION_MAJOR_MINOR, whyBuild } from '../core/builder/fingerprint.js'

interface DryRun {
  /** Each command as argv, `docker` first. */
  commands: string[][]
  /** What a reader needs besides the commands (what goes through stdin, what is left out). */
  notes: string[]
}

export async function dryRun(rt: Runtime, raw: RawInputs): Promise<DryRun> {
  const inputs = parseInputs(raw, rt.env)
  const ctx = readRunContext(rt.env)
  const reads = new OptionalReads(optionalReadsBudgetMs(inputs.registryTimeoutMs), message => rt.warning(message))
  const facts = await gatherFacts(rt, inputs, ctx, reads)
  const plan = planRun(await planFacts(rt, { ...facts, work: join(ctx.temp, 'ci-base-action-XXXXXX') }, askEngine(rt, inputs)))
  const commands: string[][] = []
  const notes: string[] = []
  // Whether it would build and why: the fingerprint against the one on the image it would replace.
  const builder = await builderOf(rt, reads, inputs, undefined)
  const [taken, base] = await Promise.all([
    takeFingerprint(rt, reads, inputs, facts.dockerfile, builder, ACTION_MAJOR_MINOR),
    readBaseline(rt.docker, inputs.baseline, inputs.platforms, rt.env, reads)
  ])
  const why = whyBuild(inputs, taken, base)
  const files = 'fingerprint' in taken ? `${taken.fingerprint.context.files} context files read, ` : ''
  notes.push(
    why.length
      ? `builds because: ${why.join('; ')} (fingerprint: ${files}${taken.ms} ms)`
      : `the same inputs as ${base.ref}: nothing the image is built from has changed (fingerprint: ${files}${taken.ms} ms)`
  )
  const logins = loginsOf(inputs, registryOf)
  for (const login of logins) commands.push(['docker', ...loginArgs(login.registry, login.username)])
  if (logins.length) notes.push('each password goes to `docker login` on stdin')
  if (plan.create) {
    const { spec, config, files, appends } = plan.create
    commands.push(['docker', ...createBuilderArgs(spec)], ...appends.map(a => ['docker', ...a]))
    if (config) notes.push(`${spec.configFile} holds:\n${config.trimEnd()}`)
    for (const path of Object.keys(files)) notes.push(`${path} holds the PEM from its input (mode 0600)`)
  }
  const build = plan.build
  if (plan.split) {
    for (const node of plan.split) commands.push(['docker', ...buildArgs(node.build)])
    notes.push(
      `one build per node (${plan.split.map(n => `${n.platforms.join(', ')} on ${n.node}`).join('; ')}), side by side; then the action writes their index`
    )
  } else commands.push(['docker', ...buildArgs(build)])
  if (build.frontTo.length)
    notes.push(
      "the docker driver cannot push by digest, and this machine kept no OCI layout: the engine pushes to the action's own registry on 127.0.0.1 (PORT is chosen when it listens), which keeps only what the registry lacks; the action pushes that by digest, then points the tags at it"
    )
  else if (inputs.push && !build.pushTo.length)
    notes.push('the docker driver cannot push by digest: the action pushes the OCI layout itself, then points the tags at its digest')
  if (build.pushTo.length) notes.push(`then every tag is pointed at the pushed digest: ${plan.tags.join(', ')}`)
  if (build.loadTags.length) commands.push(['docker', ...buildArgs({ ...build, loadOnly: true })])
  if (build.cacheToAfter.length) {
    commands.push(['docker', ...buildArgs({ ...build, cacheOnly: true })])
    notes.push('the registry cache is exported by that last pass only when a step ran or the cache lacks a layer of the image')
  }
  return { commands, notes }
}

/** One argument as a POSIX shell reads it: bare when safe, else in single quotes. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}
