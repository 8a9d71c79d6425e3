// The run's GitHub context, read from the runner's environment and event file.
import { runContext } from '../../../../src/core/inputs/github-context'

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test("a run context from a bare environment: strings with GitHub's defaults, never undefined", () => {
    expect(runContext({ GITHUB_EVENT_PATH: '/e.json' }, () => '{}')).toMatchObject({
      sha: '',
      workflow: '',
      job: '',
      ref: '',
      eventName: '',
      defaultBranch: '',
      repository: '',
      serverUrl: 'https://github.com',
      runAttempt: '1',
      apiUrl: 'https://api.github.com'
    })
    // Only a schedule's own branch stands in for an unknown default branch.
    expect(runContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature' }, () => '{}').defaultBranch).toBe('')
    expect(runContext({ GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main' }, () => '{}').defaultBranch).toBe('main')
  })
})
