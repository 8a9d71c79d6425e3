// The main step: the inputs checked and their secrets masked, the logins and the run's facts,
// then the mode's phases (build-phases.ts for build, platform and check; merge.ts for merge).
import { access, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError, type RawInputs, parseInputs, secretLookingBuildArgs } from '../core/inputs/inputs.js'
import { releaseVersion } from '../core/inputs/tags.js'
import { registryOf } from '../core/registry/reference.js'
import { loginsOf } from '../core/inputs/registry-auth.js'
import { askEngine } from './builder/buildx.js'
import { gatherFacts, readRunContext } from './run-facts.js'
import type { Runtime } from './host/runtime.js'
import { sourceDate } from './source-date.js'
import { logIn } from './registry/login.js'
import { setRequestTimeout } from './host/http.js'
import { optionalReadsBudgetMs, OptionalReads } from './host/optional-reads.js'
import { phase, type Given, type Started } from './phases.js'
import { build, check } from './build-phases.js'
import { merge } from './merge.js'

/** The runner masks line by line: a multi-line secret (a PEM key) is masked whole and per line. */
function maskLines(rt: Runtime, secret: string): void {
  rt.setSecret(secret)
  for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 4 && line !== secret) rt.setSecret(line)
}

export async function main(host: Runtime, raw: RawInputs): Promise<void> {
  host.remember({}) // post runs, whatever happens next
  for (const secret of [raw.password, raw['github-token'], raw['tls-key'], raw['tls-cert']])
    if (secret && !secret.startsWith('${{')) maskLines(host, secret)
  const inputs = parseInputs(raw, host.env)
  for (const login of inputs.logins) maskLines(host, login.password)
  // Build secrets travel as environment variables; their values must never show in a log.
  for (const secret of inputs.secrets) if (host.env[secret.env]) maskLines(host, host.env[secret.env]!)
  // A file secret's path must be there: buildx would only say "failed to stat".
  for (const file of inputs.secretFiles) {
    await access(file.path).catch(() => {
      throw new InputError([`Input 'secret-files': the file for secret '${file.id}' (${file.path}) does not exist or cannot be read.`])
    })
  }
  // A scanner's report comes from a step before this one: not there now, it never will be.
  if (inputs.scanReport && inputs.scanReport !== 'trivy')
    await access(inputs.scanReport).catch(() => {
      throw new InputError([
        `Input 'scan-report': ${inputs.scanReport} does not exist or cannot be read; run the scanner in an earlier step (or give trivy to run it here).`
      ])
    })
  for (const name of secretLookingBuildArgs(inputs.buildArgs)) {
    host.warning(
      `Build arg ${name} looks like a secret: a build arg's value stays in the image's history and metadata. Pass it with secrets (${name.toLowerCase()}=${name}) and read it in RUN --mount=type=secret,id=${name.toLowerCase()} instead.`
    )
  }
  setRequestTimeout(inputs.registryTimeoutMs)
  const ctx = readRunContext(host.env)
  releaseVersion(inputs, ctx) // a tag that is not a version is the user's to fix, said before anything runs
  const given: Given = {
    rt: host,
    inputs,
    ctx,
    reads: new OptionalReads(optionalReadsBudgetMs(inputs.registryTimeoutMs), message => host.warning(message)),
    stages: []
  }
  // Asked now, answered while the run logs in and reads its facts; a merge job builds nothing.
  const engine = inputs.mode === 'merge' ? undefined : askEngine(host, inputs)
  // The commit's time is looked up (git) meanwhile too.
  const created = sourceDate(host, inputs, ctx)
  if (loginsOf(inputs, registryOf).length > 0) await phase(given, 'Log in', () => logIn(host, inputs))
  const facts = await gatherFacts(host, inputs, ctx, given.reads, created)
  // The run's own work directory (buildx's metadata file, the builder's config).
  const work = await mkdtemp(join(ctx.temp, 'ci-base-action-'))
  const run: Started = { ...given, facts: { ...facts, work }, ...(engine ? { engine } : {}) }
  await (inputs.mode === 'merge' ? merge(run) : inputs.call === 'check' ? check(run) : build(run))
}
