// docker.ts (the exec seam) and publish-report.ts without the docker engine.
import { Writable } from 'node:stream'
import { dockerTo, mustRun, withBuildx, type Docker } from '../../../../src/pipeline/host/docker'
import { publishReport } from '../../../../src/pipeline/report/publish-report'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { runContext } from '../../../../src/core/inputs/github-context'
import { makeReport } from '../../../../src/core/report/report'
import { host } from '../../../support/scripted-host'

describe('the exec seam', () => {
  const into = () => {
    let text = ''
    return { stream: new Writable({ write: (chunk, _, done) => ((text += String(chunk)), done()) }), text: () => text }
  }

  test('argv straight to the process (no shell), echoed with its output; stdin only when given', async () => {
    const out = into()
    const run = dockerTo(out.stream)
    const r = await run(['-e', 'process.stdin.on("data", d => console.log("got " + d + " $HOME"))'], {
      command: process.execPath,
      input: 'pw'
    })
    expect(r).toEqual({ code: 0, stdout: 'got pw $HOME\n', stderr: '' })
    expect(out.text()).toContain('got pw $HOME')
    const quiet = into()
    await dockerTo(quiet.stream)(['-e', 'console.log("hidden")'], { command: process.execPath, quiet: true })
    expect(quiet.text()).toBe('')
  })

  test('a command that cannot start is an error naming it', async () => {
    await expect(dockerTo(into().stream)([], { command: '/nonexistent/docker' })).rejects.toThrow(
      /\/nonexistent\/docker could not be started/
    )
  })

  test('buildx goes to the binary setup chose, standalone; everything else to docker', async () => {
    const calls: string[] = []
    const run: Docker = async (args, options = {}) => (
      calls.push([options.command ?? 'docker', ...args].join(' ')),
      { code: 0, stdout: '', stderr: '' }
    )
    const routed = withBuildx(run, '/tools/docker-buildx')
    await routed(['buildx', 'build', '.'])
    await routed(['image', 'inspect', 'x'])
    expect(calls).toEqual(['/tools/docker-buildx build .', 'docker image inspect x'])
    expect(withBuildx(run, undefined)).toBe(run)
  })

  test('mustRun: a failure says what failed, its exit code and its last lines', async () => {
    const run: Docker = async () => ({ code: 2, stdout: '', stderr: Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') })
    await expect(mustRun(run, ['x'], 'Doing x')).rejects.toThrow(/^Doing x failed \(exit 2\):\nline 5\n[\s\S]*line 19$/)
  })
})

describe('publishReport', () => {
  const report = makeReport({
    digest: 'sha256:d',
    imageid: '',
    tags: ['r/x:1'],
    pushed: true,
    platforms: [{ platform: 'linux/amd64', digest: 'sha256:p', size: 1000, layers: 2, breakdown: [] }],
    baseline: { ref: '', status: 'none' },
    budgets: {},
    breaches: [],
    buildTime: 1.5,
    cacheHitRate: 50,
    steps: { steps: 2, cached: 1 },
    stages: []
  })
  const inputs = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, ...over })

  test('outputs and the summary always; a comment only on a pull request, and only with a token', async () => {
    const push = runContext({ GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' }, () => '{}')
    const h = host(() => ({ code: 0 }))
    await publishReport(h.rt, inputs({ comment: 'true' }), push, report, '{"m":1}', { version: '', labels: [], annotations: [] })
    expect(h.outputs).toMatchObject({ digest: 'sha256:d', size: '1000', metadata: '{"m":1}', 'cache-hit-rate': '50' })
    expect(h.summaries).toHaveLength(1)
    expect(h.infos).toContain('comment: not a pull_request event; the report is in the job summary')

    const pr = runContext({ GITHUB_REF: 'refs/pull/7/merge', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/e.json' }, () =>
      JSON.stringify({ pull_request: { number: 7 } })
    )
    const noToken = host(() => ({ code: 0 }))
    await publishReport(noToken.rt, inputs({ comment: 'true', summary: 'false' }), pr, report, '{}', {
      version: '',
      labels: [],
      annotations: []
    })
    expect(noToken.summaries).toEqual([])
    expect(noToken.warnings).toEqual(['comment: no github-token; the report is in the job summary and the markdown output'])
  })
})
