// A release run's tags: the version a `refs/tags/v…` run builds and the versions already
// published, read from the registry (floating tags only move forward).
import type { Inputs } from '../../core/inputs/inputs.js'
import type { Version } from '../../core/registry/semver.js'
import { clientFor } from './registry-client.js'
import type { Runtime } from '../host/runtime.js'
import { errorMessage } from '../../core/errors.js'
import type { OptionalReads } from '../host/optional-reads.js'

/** The release a version tag builds, with the versions already published (floating tags only move forward). */
export async function releaseOf(rt: Runtime, inputs: Pick<Inputs, 'image'>, reads: OptionalReads, version?: Version) {
  if (!inputs.image) return undefined
  if (!version || version.pre) return version && { version, published: [] }
  const onlyFull = `only ${version.text} is tagged; ${version.major}.${version.minor}, ${version.major} and latest stay where they are`
  try {
    const published = await reads.read(`the tags of ${inputs.image}`, signal => clientFor(inputs.image, rt.env, undefined, signal).tags())
    if (published) return { version, published }
    rt.info(`The published releases are unknown: ${onlyFull}.`)
  } catch (e) {
    rt.warning(`Could not list the tags of ${inputs.image} (${errorMessage(e)}): ${onlyFull}.`)
  }
  return { version }
}
