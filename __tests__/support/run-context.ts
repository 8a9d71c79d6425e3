// The run most unit tests plan for: the weekly rebuild on the default branch, run 77, attempt 2.
import { runContext } from '../../src/core/inputs/github-context'

export const weeklyRun = runContext(
  {
    GITHUB_SHA: '0123456789abcdef',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_PATH: '/e.json',
    GITHUB_REPOSITORY: 'phialo/app',
    GITHUB_WORKFLOW: 'Weekly rebuild',
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '2',
    RUNNER_TEMP: '/rt'
  },
  () => JSON.stringify({ repository: { default_branch: 'main' } })
)
