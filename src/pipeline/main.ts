// The main step: (login) -> buildx -> QEMU -> cache restore -> build (+push) -> inspect -> outputs + summary.
import { access, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError, type RawInputs, parseInputs, secretLookingBuildArgs } from '../core/inputs.js'
import { runContext } from '../core/github-context.js'
import { releaseVersion } from '../core/tags.js'
import { cacheFaultWarning, cacheSpecAttrs, ghaVersionWarning, staleCaches } from '../core/cache-plan.js'
import { restoreLocalCache } from './local-cache.js'
import { askEngineIfAuto, existingBuilderDriver, setupBuildx } from './buildx.js'
import { gatherFacts } from './run-facts.js'
import { planRun, type RunFacts } from '../core/run-plan.js'
import { setupQemu } from './qemu.js'
import { BuildError, runBuild } from './build.js'
import { ociLayoutSource, readBaseline, readFreshImage, registrySource } from './image-sources.js'
import { readImage } from '../core/image.js'
import { seconds, stageSeconds, type StageTime } from '../core/report.js'
import { withBuildx } from './docker.js'
import type { Runtime } from './runtime.js'
import { errorMessage } from '../core/errors.js'
import { sourceDate } from './source-date.js'
import { publish } from './publish.js'
import { logIn } from './login.js'
import { finish } from './finish.js'
import { wantsVerify } from '../core/build-plan.js'
import { verifyImage } from './verify.js'
import { merge } from './merge.js'
import { setRequestTimeout } from './http.js'
import { handOver } from './handover.js'
import { OPTIONAL_READS_BUDGET_MS, OptionalReads } from './optional-reads.js'
import { keepImagePruneRest, layoutStoreDir } from './layout-store.js'
import { exportCaches, readHeldBlobs } from './cache-export.js'

/** The runner masks line by line: a multi-line secret (a PEM key) is masked whole and per line. */
function maskLines(rt: Runtime, secret: string): void {
  rt.setSecret(secret)
  for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 4 && line !== secret) rt.setSecret(line)
}

export async function main(rt: Runtime, raw: RawInputs): Promise<void> {
  rt.remember({}) // post runs, whatever happens next
  for (const secret of [raw.password, raw['github-token'], raw['tls-key'], raw['tls-cert']])
    if (secret && !secret.startsWith('${{')) maskLines(rt, secret)
  const inputs = parseInputs(raw, rt.env)
  for (const login of inputs.logins) maskLines(rt, login.password)
  // Build secrets travel as environment variables; their values must never show in a log.
  for (const secret of inputs.secrets) if (rt.env[secret.env]) maskLines(rt, rt.env[secret.env]!)
  // A file secret's path must be there: buildx would only say "failed to stat".
  for (const file of inputs.secretFiles) {
    await access(file.path).catch(() => {
      throw new InputError([`Input 'secret-files': the file for secret '${file.id}' (${file.path}) does not exist or cannot be read.`])
    })
  }
  for (const name of secretLookingBuildArgs(inputs.buildArgs)) {
    rt.warning(
      `Build arg ${name} looks like a secret: a build arg's value stays in the image's history and metadata. Pass it with secrets (${name.toLowerCase()}=${name}) and read it in RUN --mount=type=secret,id=${name.toLowerCase()} instead.`
    )
  }
  setRequestTimeout(inputs.registryTimeoutMs)
  // Asked now, answered while the run reads its context; a merge job builds nothing.
  const engine = inputs.mode === 'merge' ? undefined : askEngineIfAuto(rt, inputs)
  const ctx = runContext(rt.env)
  // The commit's time is looked up (git) while the run logs in.
  const createdSoon = sourceDate(rt, inputs, ctx)
  releaseVersion(inputs, ctx) // a tag that is not a version is the user's to fix, said before anything runs
  const stages: StageTime[] = []
  const stage = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = rt.now().getTime()
    try {
      return await rt.group(name, fn)
    } finally {
      stages.push({ stage: name, seconds: stageSeconds(rt.now().getTime() - started) })
    }
  }

  await logIn(rt, inputs, stage)

  // The baseline and the published releases are optional reads, with one time budget between them.
  const reads = new OptionalReads(OPTIONAL_READS_BUDGET_MS, message => rt.warning(message))
  const facts = await gatherFacts(rt, inputs, ctx, reads, createdSoon)
  const work = await mkdtemp(join(ctx.temp, 'ci-base-action-'))
  const planWith = (builderFacts: Partial<Pick<RunFacts, 'engine' | 'existingDriver'>>) =>
    planRun({ ...facts, ...builderFacts, work, layoutDir: layoutStoreDir(rt.env), pid: process.pid })
  if (inputs.mode === 'merge') {
    const { tags } = planWith({})
    rt.setOutput('tags', tags.join('\n'))
    return merge(rt, inputs, ctx, tags, facts.sourceDateEpoch, stage, stages, reads)
  }
  // The published image is read while the builder is set up and the build runs (before the
  // build when the push replaces it).
  const baseline = readBaseline(rt.docker, inputs.baseline, inputs.platforms, rt.env, reads)
  const { plan, buildx } = await stage('Set up buildx', async () => {
    const existingDriver = inputs.builder ? await existingBuilderDriver(rt.docker, inputs.builder) : undefined
    const plan = planWith({ engine: await engine, existingDriver })
    return { plan, buildx: await setupBuildx(rt, inputs, plan) }
  })
  // A per-platform build is pushed untagged: its tags are the merge job's.
  const { tags, repositories, cache } = plan
  rt.setOutput('tags', tags.join('\n'))
  // From here on, `buildx` is the one setup chose: the runner's plugin or the installed binary.
  rt = { ...rt, docker: withBuildx(rt.docker, buildx.binary) }
  await stage('Set up QEMU', () => setupQemu(rt, inputs, ctx.temp))

  for (const warning of [...cache.warnings, ghaVersionWarning(cache, buildx.version)]) if (warning) rt.warning(warning)
  if (cache.local) {
    const local = cache.local
    rt.remember({ localCache: local })
    await stage('Restore cache', async () => {
      try {
        const hit = await restoreLocalCache(local)
        rt.info(hit ? `Cache restored from ${hit}` : 'No cache found; this build starts cold')
      } catch (e) {
        rt.warning(`Cache restore failed; building without it: ${errorMessage(e)}`)
      }
    })
  }

  // Verify runs what was built: pulled by digest after a push, else loaded under a name of this run's.
  const verifyKey = plan.names.verifyKey
  const localName = plan.verify?.localName ?? ''
  if (plan.verify) rt.remember({ verifyKey, ...(localName ? { verifyImage: localName } : {}) })
  const build = plan.build
  const { ociDir, pushTo } = build
  if (inputs.push && tags.includes(inputs.baseline)) await baseline
  // What the registry cache holds is read while the build runs: it decides whether it is written again.
  const held = readHeldBlobs(build.cacheToAfter, rt.env, reads)
  const built = await stage(pushTo.length ? 'Build and push' : 'Build', () => runBuild(rt, build)).catch(e => {
    if (e instanceof BuildError) rt.setOutput('build-time', seconds(e.milliseconds).toFixed(1))
    throw e
  })
  const digest = built.digest
  // Said now: a push that fails next still tells how long the build took.
  rt.setOutput('build-time', seconds(built.milliseconds).toFixed(1))
  if (inputs.push)
    await stage(pushTo.length ? 'Tag' : 'Push and tag', () => publish(rt, digest, repositories, tags, pushTo.length ? undefined : ociDir))

  const [image, base] = await stage('Inspect', () =>
    Promise.all([
      pushTo.length
        ? readFreshImage(
            registrySource(rt.docker, repositories[0], rt.env, message => rt.warning(message)),
            `${repositories[0]}@${digest}`,
            inputs.platforms,
            message => rt.warning(message)
          )
        : readImage(ociLayoutSource(ociDir), digest, inputs.platforms),
      baseline
    ])
  )
  const layers = image.platforms.flatMap(p => p.breakdown.map(l => l.digest))
  const { stale, upToDate } = staleCaches(build.cacheToAfter, built.steps, layers, await held)
  for (const spec of upToDate)
    rt.info(`${cacheSpecAttrs(spec).ref} already holds this build (every step came from cache, every layer is in it): not written again`)
  const exportFaults = stale.length ? await stage('Export cache', () => exportCaches(rt, build, stale)) : []
  const cacheFaults = cacheFaultWarning([...built.cacheFaults, ...exportFaults])
  if (cacheFaults) rt.warning(cacheFaults)
  if (!pushTo.length) {
    // The layout is kept for the next run: this image's blobs stay, long-unused ones go.
    await keepImagePruneRest(ociDir, digest, rt.now()).catch(e =>
      rt.warning(`Could not prune the OCI layout ${ociDir}: ${errorMessage(e)}`)
    )
  }
  const verification = wantsVerify(inputs)
    ? await stage('Verify', async () => {
        const targets = image.platforms.map(p => ({
          platform: p.platform,
          ref: localName || `${repositories[0]}@${p.digest}`,
          user: p.user ?? ''
        }))
        try {
          return await verifyImage(rt, inputs, targets, !localName, verifyKey)
        } finally {
          if (localName) await rt.docker(['image', 'rm', '--force', localName], { quiet: true })
        }
      })
    : undefined
  if (inputs.mode === 'platform') {
    await stage('Hand over', async () => {
      for (const p of image.platforms) await handOver({ platform: p.platform, repository: inputs.image, digest: p.digest }, ctx)
      rt.info(`Handed over to the merge job: ${image.platforms.map(p => `${p.platform} ${p.digest}`).join(', ')}`)
    })
  }
  await finish(rt, inputs, ctx, {
    digest: digest || image.digest,
    imageid: built.imageId,
    tags,
    image,
    base,
    buildMs: built.milliseconds,
    steps: built.steps,
    stages,
    verification,
    metadataText: built.metadataText
  })
}
