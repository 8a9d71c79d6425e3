// Verify after building: commands run in the image just built, on each platform (arm64 under
// QEMU), pushed or not; a failure on one platform names it; a root image fails require-non-root.
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { VerifyResult } from '../../src/core/builder/verify'
import { REGISTRY } from '../support/registry'
import { docker, errorLines, fixture, nonce, onEveryStack, expectGreen } from '../support/stack'
import { engineNow, volumesMountedSince } from '../support/engine-events'

const multistage = fixture('multistage')
const results = (report: string): VerifyResult[] => JSON.parse(report).verify.results

onEveryStack('verify', stack => {
  test("push: false: `uname -m` prints each platform's machine, in the loaded build, which is removed afterwards", async () => {
    const run = await stack.run({
      inputs: { ...multistage, platforms: 'linux/amd64,linux/arm64', cache: 'none', verify: 'uname -m\nsh -c \'echo "$0 as $(id -u)"\' me' }
    })
    expectGreen(run)
    expect(results(run.main.outputs.report).map(r => [r.platform, r.command, r.passed, r.exitCode, r.output])).toEqual([
      ['linux/amd64', 'uname -m', true, 0, 'x86_64'],
      ['linux/amd64', 'sh -c \'echo "$0 as $(id -u)"\' me', true, 0, 'me as 0'],
      ['linux/arm64', 'uname -m', true, 0, 'aarch64'],
      ['linux/arm64', 'sh -c \'echo "$0 as $(id -u)"\' me', true, 0, 'me as 0']
    ])
    expect(run.main.outputs.verified).toBe('true')
    expect(run.main.summary).toContain('| `uname -m` | ✓ | ✓ |')
    const key = JSON.parse(run.main.state['post-state']).verifyKey
    expect(docker('image', 'ls', '--quiet', `${key}:built`).trim()).toBe('')
    expect(docker('ps', '--all', '--quiet', '--filter', `label=ci-base-action.verify=${key}`).trim()).toBe('')
  })

  test('push: true: a command that fails on arm64 only fails the step naming that platform, after outputs and summary', async () => {
    const repo = `e2e/verify-${stack.name}-${nonce()}`
    const command = 'sh -c \'uname -m; test "$(uname -m)" = x86_64\''
    const run = await stack.run({
      inputs: { ...multistage, image: `${REGISTRY}/${repo}`, push: 'true', cache: 'none', 'tag-policy': 'none', tags: '1', verify: command }
    })
    expect(run.main.code).toBe(1)
    expect(errorLines(run.main.stdout)).toEqual([`::error::Verify failed:%0Alinux/arm64: \`${command}\` exited 1:%0Aaarch64`])
    expect(results(run.main.outputs.report).map(r => [r.platform, r.passed])).toEqual([
      ['linux/amd64', true],
      ['linux/arm64', false]
    ])
    expect(run.main.outputs.verified).toBe('false')
    expect(run.main.outputs.digest).toMatch(/^sha256:/)
    expect(run.main.summary).toContain('— verify failed')
    expect(run.main.summary).toContain(`| \`${command}\` | ✓ | ✗ |`)
    expect(run.post.code).toBe(0)
    // The platform images it pulled to verify are gone from the engine again.
    const pulled = JSON.parse(run.main.state['post-state']).verifyPulled as string[]
    expect(pulled).toEqual([expect.stringMatching(/@sha256:/), expect.stringMatching(/@sha256:/)])
    for (const ref of pulled) expect(() => docker('image', 'inspect', ref)).toThrow(/No such image/)
  })

  test('require-non-root: an image whose user is root fails, naming each platform and the user', async () => {
    const context = mkdtempSync(join(tmpdir(), 'root-'))
    cpSync(multistage.context, context, { recursive: true })
    appendFileSync(join(context, 'Dockerfile'), 'USER root\n')
    const run = await stack.run({ inputs: { context, file: `${context}/Dockerfile`, cache: 'none', 'require-non-root': 'true' } })
    expect(run.main.code).toBe(1)
    expect(errorLines(run.main.stdout)).toEqual([
      "::error::Verify failed:%0Alinux/amd64: require-non-root: the image runs as 'root' (uid 0)%0Alinux/arm64: require-non-root: the image runs as 'root' (uid 0)"
    ])
    expect(JSON.parse(run.main.outputs.report).verify.users.map((u: { passed: boolean }) => u.passed)).toEqual([false, false])
  })

  test("require-non-root with a named user: looked up in the image's /etc/passwd, read from a container that leaves no volume behind (the image declares one)", async () => {
    const context = mkdtempSync(join(tmpdir(), 'named-'))
    cpSync(multistage.context, context, { recursive: true })
    appendFileSync(join(context, 'Dockerfile'), 'RUN addgroup -g 1001 app && adduser -D -u 1001 -G app app\nVOLUME /data\nUSER app\n')
    const since = engineNow()
    const run = await stack.run({
      inputs: { context, file: `${context}/Dockerfile`, cache: 'none', 'require-non-root': 'true', 'build-args': `NONCE=${nonce()}` }
    })
    expectGreen(run)
    expect(JSON.parse(run.main.outputs.report).verify.users.map((u: { passed: boolean }) => u.passed)).toEqual([true, true])
    // The verify containers mounted the image's volume (so this can fail), and none of those volumes is left.
    const mounted = volumesMountedSince(since, run.runId)
    expect(mounted.length).toBeGreaterThan(0)
    const left = docker('volume', 'ls', '--quiet').split('\n')
    expect(mounted.filter(v => left.includes(v))).toStrictEqual([])
  })

  test('a command that hangs is stopped at verify-timeout and its container removed', async () => {
    const run = await stack.run({
      inputs: { ...multistage, platforms: 'linux/amd64', cache: 'none', verify: 'sleep 60', 'verify-timeout': '3s' }
    })
    expect(run.main.code).toBe(1)
    const [result] = results(run.main.outputs.report)
    expect(result).toMatchObject({ platform: 'linux/amd64', command: 'sleep 60', passed: false, timedOut: true })
    expect(result.seconds).toBeGreaterThanOrEqual(3)
    expect(result.seconds).toBeLessThan(30)
    expect(errorLines(run.main.stdout)[0]).toMatch(/^::error::Verify failed:%0Alinux\/amd64: `sleep 60` was stopped after \d+ s/)
    const key = JSON.parse(run.main.state['post-state']).verifyKey
    expect(docker('ps', '--all', '--quiet', '--filter', `label=ci-base-action.verify=${key}`).trim()).toBe('')
  })
})
