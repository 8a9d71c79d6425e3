// What the engine did while a run ran, from its own event log: the containers it created.
import { docker } from './stack'

/** Now, once the engine answers: the events after it are the run's. */
export const engineNow = () => docker('version', '--format', '{{.Server.Os}}') && new Date().toISOString()

/** The names of the containers the engine created between `since` and now: a docker-container builder is one. */
export const containersCreatedSince = (since: string) =>
  docker(
    'events',
    '--since',
    since,
    '--until',
    new Date().toISOString(),
    '--filter',
    'type=container',
    '--filter',
    'event=create',
    '--format',
    '{{.Actor.Attributes.name}}'
  )
    .split('\n')
    .filter(Boolean)
