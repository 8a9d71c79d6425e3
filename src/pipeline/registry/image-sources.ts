// Where image manifests are read from: the registry after a push (or the published baseline),
// or the OCI layout the build wrote.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Docker, mustRun } from '../host/docker.js'
import { inspectConfigArgs, inspectRawArgs } from '../../core/builder/args.js'
import { type Baseline, type ImageInfo, parseImageConfig, readImage, type ImageSource } from '../../core/registry/image.js'
import { clientFor, NotFoundError, readBack } from './registry-client.js'
import { errorMessage } from '../../core/errors.js'
import type { Env } from '../../core/host/env.js'
import { repositoryOf, tagOf } from '../../core/registry/reference.js'
import type { OptionalReads } from '../host/optional-reads.js'

/**
 * Images in a registry: over its HTTP API with docker's credentials, and through buildx's
 * imagetools (which knows every registry setup docker does) when that cannot answer.
 */
export function registrySource(
  run: Docker,
  repository: string,
  env: Env,
  onRetry?: (message: string) => void,
  signal?: AbortSignal
): ImageSource {
  const http = clientFor(repository, env, onRetry, signal)
  const at = (refOrDigest: string) => (refOrDigest.startsWith('sha256:') ? `${repository}@${refOrDigest}` : refOrDigest)
  const either = async <T>(fast: () => Promise<T>, slow: () => Promise<T>): Promise<T> => {
    try {
      return await fast()
    } catch (e) {
      // A read whose time ran out is over: imagetools would wait on the same silent registry.
      if (e instanceof NotFoundError || signal?.aborted) throw e
      return slow()
    }
  }
  return {
    manifest: refOrDigest =>
      either(
        () => http.manifest(tagOf(refOrDigest)),
        async () => (await mustRun(run, inspectRawArgs(at(refOrDigest)), `Reading manifest ${at(refOrDigest)}`, { quiet: true })).stdout
      ),
    config: (manifestDigest, manifest) =>
      either(
        async () => parseImageConfig(await http.blob(manifest.config.digest)),
        async () =>
          parseImageConfig(
            (await mustRun(run, inspectConfigArgs(at(manifestDigest)), `Reading image config ${at(manifestDigest)}`, { quiet: true }))
              .stdout
          )
      )
  }
}

/** An OCI image layout on disk, read by digest: the layout is kept across runs and holds many images. */
export function ociLayoutSource(dir: string): ImageSource {
  const blob = (digest: string) => readFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), 'utf8')
  return {
    manifest: async digest => {
      if (!digest.startsWith('sha256:')) throw new Error(`An OCI layout is read by digest, not by '${digest}'`)
      return blob(digest)
    },
    config: async (_digest, manifest) => parseImageConfig(await blob(manifest.config.digest))
  }
}

/** The published image to compare with, an optional read. Not there yet is no error: the report says "new". */
export async function readBaseline(run: Docker, ref: string, order: string[], env: Env, reads: OptionalReads): Promise<Baseline> {
  if (!ref) return { ref, status: 'none' }
  try {
    const image = await reads.read(`the baseline ${ref}`, signal =>
      readImage(registrySource(run, repositoryOf(ref), env, undefined, signal), ref, order)
    )
    return image
      ? { ref, status: 'found', image }
      : { ref, status: 'unavailable', reason: 'the registry did not answer in time', warned: true }
  } catch (e) {
    const reason = errorMessage(e)
    if (e instanceof NotFoundError || /not found|manifest unknown|404/i.test(reason)) return { ref, status: 'missing' }
    return { ref, status: 'unavailable', reason: reason.split('\n').filter(Boolean).pop() }
  }
}

/** An image just pushed, read back (see readBack: a registry's reads may lag its writes). */
export const readFreshImage = (source: ImageSource, ref: string, order: string[], warn: (message: string) => void): Promise<ImageInfo> =>
  readBack(ref, () => readImage(source, ref, order), warn)
