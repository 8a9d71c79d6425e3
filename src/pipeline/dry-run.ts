// What `build` would run, decided the way the action decides it (the same functions), printed
// instead of run. Only questions are asked: the engine's facts for the driver, git for the
// commit's time, the registry's tags for a release; nothing is installed, created or pushed.
import { layoutStoreDir } from './layout-store.js'
import { OPTIONAL_READS_BUDGET_MS, OptionalReads } from './optional-reads.js'
import { join } from 'node:path'
import { parseInputs, type RawInputs } from '../core/inputs.js'
import { runContext } from '../core/github-context.js'
import { imageTags, releaseVersion } from '../core/tags.js'
import { planCache } from '../core/cache-plan.js'
import { baseImages } from '../core/dockerfile.js'
import { makeBuildPlan, pushRepositories, runNames, runTags, verifyName } from '../core/build-plan.js'
import { buildArgs, createBuilderArgs, loginArgs } from '../core/args.js'
import { registryOf } from '../core/reference.js'
import { loginsOf } from '../core/registry-auth.js'
import { engineFacts } from './docker-config.js'
import { existingBuilderDriver } from './buildx.js'
import { builderSpec, chooseDriver } from '../core/builder.js'
import { sourceDate } from './source-date.js'
import { releaseOf } from './release.js'
import { readFile } from 'node:fs/promises'
import type { Runtime } from './runtime.js'

export interface DryRun {
  /** Each command as argv, `docker` first. */
  commands: string[][]
  /** What a reader needs besides the commands (what goes through stdin, what is left out). */
  notes: string[]
}

export async function dryRun(rt: Runtime, raw: RawInputs): Promise<DryRun> {
  const inputs = parseInputs(raw, rt.env)
  const ctx = runContext(rt.env)
  const created = await sourceDate(rt, inputs, ctx)
  const release = await releaseOf(
    rt,
    inputs,
    new OptionalReads(OPTIONAL_READS_BUDGET_MS, message => rt.warning(message)),
    releaseVersion(inputs, ctx)
  )
  const tags = runTags(inputs, () => imageTags(inputs, ctx, rt.now(), release))
  const cache = planCache(inputs, tags, ctx, rt.env)
  const commands: string[][] = []
  const notes: string[] = []
  const logins = loginsOf(inputs, registryOf)
  for (const login of logins) commands.push(['docker', ...loginArgs(login.registry, login.username)])
  if (logins.length) notes.push('each password goes to `docker login` on stdin')
  const names = runNames(ctx, process.pid)
  const work = join(ctx.temp, 'ci-base-action-XXXXXX')
  const dockerfile = await readFile(inputs.file, 'utf8').catch(() => '')
  const driver = inputs.builder
    ? await existingBuilderDriver(rt.docker, inputs.builder)
    : chooseDriver(inputs, await engineFacts(rt.docker, rt.env), cache.to)
  let builder = inputs.builder
  if (!builder && driver !== 'docker') {
    const { spec, config, files, appends } = builderSpec(inputs, driver, names.builder, work, [
      ...tags,
      ...cache.registryRefs,
      ...baseImages(dockerfile, inputs.buildArgs)
    ])
    commands.push(['docker', ...createBuilderArgs(spec)], ...appends.map(a => ['docker', ...a]))
    if (config) notes.push(`${spec.configFile} holds:\n${config.trimEnd()}`)
    for (const path of Object.keys(files)) notes.push(`${path} holds the PEM from its input (mode 0600)`)
    builder = names.builder
  }
  const plan = makeBuildPlan({
    inputs,
    ctx,
    tags,
    cache,
    builder,
    driver,
    work,
    layoutDir: layoutStoreDir(rt.env),
    dockerfile,
    sourceDateEpoch: created.epoch,
    verifyName: verifyName(inputs, names.verifyKey),
    repositories: pushRepositories(inputs, tags)
  })
  commands.push(['docker', ...buildArgs(plan)])
  if (inputs.push && !plan.pushTo.length)
    notes.push('the docker driver cannot push by digest: the action pushes the OCI layout itself, then points the tags at its digest')
  if (plan.pushTo.length) notes.push(`then every tag is pointed at the pushed digest: ${tags.join(', ')}`)
  if (plan.loadTags.length) commands.push(['docker', ...buildArgs({ ...plan, loadOnly: true })])
  if (plan.cacheToAfter.length) {
    commands.push(['docker', ...buildArgs({ ...plan, cacheOnly: true })])
    notes.push('the registry cache is exported by that last pass only when a step ran or the cache lacks a layer of the image')
  }
  return { commands, notes }
}

/** One argument as a POSIX shell reads it: bare when safe, else in single quotes. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}
