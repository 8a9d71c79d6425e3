// A release run's tags: the version a `refs/tags/v…` run builds and the versions already
// published, read from the registry (floating tags only move forward).
import type { Inputs } from '../core/inputs.js'
import type { Version } from '../core/semver.js'
import { clientFor } from './registry-client.js'
import { errorMessage, type Runtime } from './runtime.js'

/** The release a version tag builds, with the versions already published (floating tags only move forward). */
export async function releaseOf(rt: Runtime, inputs: Inputs, version?: Version) {
  if (!inputs.image) return undefined
  if (!version || version.pre) return version && { version, published: [] }
  try {
    return { version, published: await clientFor(inputs.image, rt.env).tags() }
  } catch (e) {
    rt.warning(`Could not list the tags of ${inputs.image} (${errorMessage(e)}): only ${version.text} is tagged; ${version.major}.${version.minor}, ${version.major} and latest stay where they are.`)
    return { version }
  }
}

