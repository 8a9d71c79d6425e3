// What the engine did while a run ran, from its own event log: the containers and volumes it
// created. Other runs may use the same engine at the same time (the suite runs its stacks side
// by side), so what is counted is what carries the run's id.
import { docker } from './stack'

/** Now, once the engine answers: the events after it are the run's. */
export const engineNow = () => docker('version', '--format', '{{.Server.Os}}') && new Date().toISOString()

const eventsSince = (since: string, type: string, event: string) =>
  docker(
    'events',
    '--since',
    since,
    '--until',
    new Date().toISOString(),
    '--filter',
    `type=${type}`,
    '--filter',
    `event=${event}`,
    '--format',
    '{{json .Actor}}'
  )
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as { ID: string; Attributes: Record<string, string> })

/**
 * The containers the engine created between `since` and now for one run: its builder (named
 * after the run id) and its verify containers (labelled with it); a QEMU registration (the binfmt
 * image) is counted whoever started it, since the engine cannot say.
 */
export function containersCreatedSince(since: string, runId: string): string[] {
  return eventsSince(since, 'container', 'create')
    .filter(c => Object.values(c.Attributes).some(v => v.includes(runId)) || /binfmt/.test(c.Attributes.image ?? ''))
    .map(c => c.Attributes.name)
}

/** The volumes that the run's containers (see containersCreatedSince) mounted between `since` and now. */
export function volumesMountedSince(since: string, runId: string): string[] {
  const ours = new Set(
    eventsSince(since, 'container', 'create')
      .filter(c => Object.values(c.Attributes).some(v => v.includes(runId)))
      .map(c => c.ID)
  )
  return [
    ...new Set(
      eventsSince(since, 'volume', 'mount')
        .filter(v => ours.has(v.Attributes.container))
        .map(v => v.ID)
    )
  ]
}
