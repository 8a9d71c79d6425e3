// Merge mode: no build. The platforms the per-platform jobs pushed by digest become one index,
// written by digest and then tagged all at once, and reported like any build (sizes, layers,
// baseline, budgets, summary, comment).
import { createHash } from 'node:crypto'
import type { Inputs } from '../core/inputs.js'
import type { RunContext } from '../core/github-context.js'
import type { Descriptor, ImageConfig, Manifest } from '../core/image.js'
import { readImage } from '../core/image.js'
import { annotationArgs } from '../core/annotations.js'
import { ociLabels } from '../core/tags.js'
import type { StageTime } from '../core/report.js'
import { clientFor, readBack, type RegistryClient } from './registry-client.js'
import { collectHandovers, type Handover } from './handover.js'
import { publish } from './publish.js'
import type { OptionalReads } from './optional-reads.js'
import { readBaseline, registrySource } from './image-sources.js'
import { finish } from './finish.js'
import type { Runtime, Stage } from './runtime.js'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

/** The index of the handed-over platforms, in the order `platforms` names them: the same inputs give the same digest. */
export async function indexOf(
  client: RegistryClient,
  handovers: Handover[],
  annotations: Record<string, string>,
  warn: (message: string) => void
): Promise<{ digest: string; bytes: Uint8Array }> {
  const manifests: Descriptor[] = await Promise.all(
    handovers.map(async h => {
      const { bytes, mediaType } = await readBack(`${h.platform} ${h.digest}`, () => client.manifestBytes(h.digest), warn)
      const manifest = JSON.parse(Buffer.from(bytes).toString('utf8')) as Manifest
      if (manifest.manifests)
        throw new Error(`${h.platform}: ${h.digest} is an index; a per-platform job must push one platform's manifest (provenance off)`)
      const config = JSON.parse(await client.blob(manifest.config!.digest)) as ImageConfig & {
        os?: string
        architecture?: string
        variant?: string
      }
      const [os, architecture, variant] = h.platform.split('/')
      if (config.os !== os || config.architecture !== architecture)
        throw new Error(`${h.platform}: ${h.digest} is an image for ${config.os}/${config.architecture}`)
      return {
        mediaType: manifest.mediaType ?? mediaType,
        digest: h.digest,
        size: bytes.length,
        platform: { os, architecture, ...(variant ? { variant } : {}) }
      }
    })
  )
  const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests, ...(Object.keys(annotations).length ? { annotations } : {}) }
  const bytes = new TextEncoder().encode(JSON.stringify(index))
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes }
}

export async function merge(
  rt: Runtime,
  inputs: Inputs,
  ctx: RunContext,
  tags: string[],
  sourceDateEpoch: number,
  stage: Stage,
  stages: StageTime[],
  reads: OptionalReads
): Promise<void> {
  const repository = inputs.image
  const client = clientFor(repository, rt.env, message => rt.warning(message))
  // Only `platforms` is checked against what was handed over: a duplicate cannot be handed over twice.
  const duplicates = inputs.platforms.filter((p, i) => inputs.platforms.indexOf(p) !== i)
  if (duplicates.length) throw new Error(`Input 'platforms': ${duplicates.join(', ')} named twice`)
  const handovers = await stage('Collect platforms', () => collectHandovers(repository, inputs.platforms, ctx))
  const labels = ociLabels(inputs, ctx, new Date(sourceDateEpoch * 1000))
  const annotations = Object.fromEntries(
    annotationArgs(inputs.annotations, labels, '', true)
      .filter(a => a.startsWith('index:'))
      .map(a => a.slice('index:'.length))
      .map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)])
  )
  const baseline = readBaseline(rt.docker, inputs.baseline, inputs.platforms, rt.env, reads)
  if (tags.includes(inputs.baseline)) await baseline
  const digest = await stage('Create index', async () => {
    const index = await indexOf(client, handovers, annotations, message => rt.warning(message))
    if (!(await client.manifestDigest(index.digest))) await client.putManifest(index.digest, index.bytes, OCI_INDEX)
    rt.info(`Index ${index.digest}: ${handovers.map(h => `${h.platform} ${h.digest}`).join(', ')}`)
    return index.digest
  })
  await stage('Tag', () => publish(rt, digest, [repository], tags))
  const [image, base] = await stage('Inspect', () =>
    Promise.all([readImage(registrySource(rt.docker, repository, rt.env), `${repository}@${digest}`, inputs.platforms), baseline])
  )
  await finish(rt, inputs, ctx, {
    digest,
    imageid: '',
    tags,
    image,
    base,
    buildMs: 0,
    steps: { steps: 0, cached: 0 },
    stages,
    metadataText: '{}'
  })
}
