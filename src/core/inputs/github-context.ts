// What the run knows about itself, from the runner's environment and its event payload.
import { tmpdir } from 'node:os'
import type { Env } from '../host/env.js'

export interface RunContext {
  sha: string
  ref: string
  eventName: string
  defaultBranch: string
  repository: string
  serverUrl: string
  workflow: string
  /** The job's id in the workflow (GITHUB_JOB). */
  job: string
  runId: string
  runAttempt: string
  workspace: string
  temp: string
  apiUrl: string
  /** The pull request's number on pull_request events. */
  pullRequest?: number
  /** The head commit's timestamp on push events (ISO 8601). */
  headCommitTime?: string
  /** The pull request's head commit (GITHUB_SHA is the merge commit GitHub builds). */
  headSha?: string
  /** What the payload says of the repository: the image's description and license labels. */
  repositoryFacts?: { description?: string; license?: string }
}

/** The parts of the event payload a run reads. */
interface EventPayload {
  repository?: { default_branch?: string; description?: string | null; license?: { spdx_id?: string } | null }
  pull_request?: { number?: number; head?: { sha?: string } }
  head_commit?: { timestamp?: string }
}

/** `readEvent` reads the event payload's file (the caller's I/O: core reads nothing itself). */
export function runContext(env: Env, readEvent: (path: string) => string): RunContext {
  let defaultBranch = ''
  let pullRequest: number | undefined
  let headCommitTime: string | undefined
  let headSha: string | undefined
  let repositoryFacts: RunContext['repositoryFacts']
  if (env.GITHUB_EVENT_PATH) {
    try {
      const event = JSON.parse(readEvent(env.GITHUB_EVENT_PATH)) as EventPayload | null
      defaultBranch = event?.repository?.default_branch ?? ''
      pullRequest = event?.pull_request?.number
      headCommitTime = event?.head_commit?.timestamp
      headSha = event?.pull_request?.head?.sha
      const repo = event?.repository
      // GitHub's NOASSERTION means no license it recognised: no label then.
      const license = repo?.license?.spdx_id && repo.license.spdx_id !== 'NOASSERTION' ? repo.license.spdx_id : undefined
      if (repo?.description || license) repositoryFacts = { description: repo?.description ?? undefined, license }
    } catch {
      // No event payload (local runs): 'latest' then only follows an explicit default branch.
    }
  }
  // A scheduled run's payload may carry no repository, and schedules run on the default branch.
  if (!defaultBranch && env.GITHUB_EVENT_NAME === 'schedule' && env.GITHUB_REF?.startsWith('refs/heads/')) {
    defaultBranch = env.GITHUB_REF.slice('refs/heads/'.length)
  }
  return {
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    defaultBranch,
    repository: env.GITHUB_REPOSITORY ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: env.GITHUB_RUN_ID ?? String(process.pid),
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    temp: env.RUNNER_TEMP ?? tmpdir(),
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    pullRequest,
    headCommitTime,
    ...(headSha ? { headSha } : {}),
    ...(repositoryFacts ? { repositoryFacts } : {})
  }
}
