// A build split over a builder's nodes: each node builds its platforms, side by side, pushed by
// digest into every repository; then the action writes the index of their parts there, as a
// merge job does. No tag moves here: the tags go on the index once it is measured and checked.
import type { NodeBuild } from '../../core/run-plan.js'
import { indexAnnotations } from '../../core/registry/annotations.js'
import { dedupe } from '../../core/builder/build-checks.js'
import { errorMessage } from '../../core/errors.js'
import type { Runtime } from '../host/runtime.js'
import { clientsFor } from '../registry/registry-client.js'
import { makeIndex, nodeEntries, putIndex } from '../registry/image-index.js'
import { BuildError, runBuild, type BuildResult } from './build.js'

/** The log of one node's build, its lines marked with its platforms: two builds write at once. */
const markedFor = (rt: Runtime, node: NodeBuild): Runtime => ({
  ...rt,
  info: message => rt.info(`[${node.platforms.join(',')}] ${message}`),
  warning: (message, where) => rt.warning(`[${node.platforms.join(',')}] ${message}`, where)
})

export async function runSplitBuild(rt: Runtime, split: NodeBuild[], repositories: string[], annotations: string[]): Promise<BuildResult> {
  const started = rt.now().getTime()
  rt.info(`One build per node, side by side: ${split.map(n => `${n.platforms.join(', ')} on ${n.node}`).join('; ')}`)
  const settled = await Promise.allSettled(split.map(node => runBuild(markedFor(rt, node), node.build)))
  const failed = settled.flatMap((s, i) =>
    s.status === 'rejected' ? [`${split[i].platforms.join(', ')} on ${split[i].node}: ${errorMessage(s.reason)}`] : []
  )
  const milliseconds = () => rt.now().getTime() - started
  if (failed.length) throw new BuildError(`${failed.join('\n')}\nNo tag was moved.`, milliseconds())
  const results = settled.map(s => (s as PromiseFulfilledResult<BuildResult>).value)
  const clientOf = clientsFor(rt.env, message => rt.warning(message))
  const warn = (message: string) => rt.warning(message)
  // The parts are read from the first repository: every repository got the same ones.
  const entries = await Promise.all(results.map((r, i) => nodeEntries(clientOf(repositories[0]), split[i].platforms, r.digest, warn)))
  const index = makeIndex(entries.flat(), indexAnnotations(annotations))
  await Promise.all(repositories.map(repository => putIndex(clientOf(repository), index))).catch(e => {
    throw new BuildError(`Writing the index ${index.digest} failed: ${errorMessage(e)}; no tag was moved.`, milliseconds())
  })
  rt.info(`Index ${index.digest}: ${split.map((n, i) => `${n.platforms.join(', ')} ${results[i].digest}`).join(', ')}`)
  const nodes = Object.fromEntries(split.map((n, i) => [n.node, JSON.parse(results[i].metadataText) as unknown]))
  return {
    digest: index.digest,
    imageId: '',
    metadataText: JSON.stringify({ 'containerimage.digest': index.digest, 'ci-base-action.nodes': nodes }, null, 2),
    steps: results.reduce((sum, r) => ({ steps: sum.steps + r.steps.steps, cached: sum.cached + r.steps.cached }), { steps: 0, cached: 0 }),
    cacheFaults: results.flatMap(r => r.cacheFaults),
    cacheSteps: results.flatMap(r => r.cacheSteps),
    checks: dedupe(results.flatMap(r => r.checks)),
    milliseconds: milliseconds()
  }
}
