// A Runtime whose docker is a script: argv in, canned output out. Unit tests of the pipeline
// check what it does with the answers (stages, what post is handed, outputs, warnings), never
// that a mock was called.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PostState } from '../../src/pipeline/host/post-state'
import type { RunOptions, RunResult } from '../../src/pipeline/host/docker'
import type { Runtime } from '../../src/pipeline/host/runtime'

export type Answer = Partial<RunResult> & { write?: (args: string[]) => void }
export type Script = (args: string[], options: RunOptions) => Answer | undefined

export interface Host {
  rt: Runtime
  calls: string[]
  groups: string[]
  warnings: string[]
  infos: string[]
  summaries: string[]
  outputs: Record<string, string>
  remembered: PostState
}

export function host(script: Script, postState: PostState = {}): Host {
  // DOCKER_CONTEXT and cliPluginsExtraDirs keep the action off this machine's daemon socket
  // and plugin dirs: every question goes to the scripted docker.
  const config = mkdtempSync(join(tmpdir(), 'pipeline-docker-'))
  writeFileSync(join(config, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [] }))
  const h: Host = {
    calls: [],
    groups: [],
    warnings: [],
    infos: [],
    summaries: [],
    outputs: {},
    remembered: {},
    rt: undefined as unknown as Runtime
  }
  let clock = Date.parse('2026-11-27T10:00:00Z')
  h.rt = {
    env: {
      DOCKER_CONTEXT: 'scripted',
      DOCKER_CONFIG: config,
      RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'pipeline-temp-')),
      RUNNER_TOOL_CACHE: mkdtempSync(join(tmpdir(), 'pipeline-tools-')),
      GITHUB_SHA: 'a1b2c3d4e5f6',
      SOURCE_DATE_EPOCH: '1732000000'
    },
    docker: async (args, options = {}) => {
      const argv = [options.command ?? 'docker', ...args]
      h.calls.push(argv.join(' '))
      const answer = script(argv, options) ?? {}
      answer.write?.(argv)
      if (answer.stderr && options.onStderr) options.onStderr(answer.stderr)
      return { code: answer.code ?? 0, stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' }
    },
    info: message => h.infos.push(message),
    warning: message => h.warnings.push(message),
    group: async (name, fn) => {
      h.groups.push(name)
      return fn()
    },
    setSecret: () => undefined,
    setOutput: (name, value) => (h.outputs[name] = value),
    remember: addition => Object.assign(h.remembered, addition),
    postState: () => postState,
    writeSummary: async markdown => void h.summaries.push(markdown),
    now: () => new Date((clock += 250))
  }
  return h
}
