// The action's entry point for both steps, and the one module that knows its host: the
// runner, spoken to through @actions/core (inputs, outputs, state, summary, masks, annotations,
// groups), the library GitHub keeps in step with the runner's protocol. Post is the step that
// finds main's post state.
import * as core from '@actions/core'
import { INPUT_DEFAULTS, type InputName, type RawInputs } from '../core/inputs/inputs.js'
import { docker } from '../pipeline/host/docker.js'
import type { Runtime } from '../pipeline/host/runtime.js'
import { errorMessage } from '../core/errors.js'
import { POST_STATE_KEY, PostStateRecorder, parsePostState, type PostState } from '../pipeline/host/post-state.js'

/** The runner fills in action.yml's defaults; outside it, an unset input takes the same default. */
function readInputs(): RawInputs {
  const raw = {} as RawInputs
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const envName = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    raw[name] = process.env[envName] === undefined ? INPUT_DEFAULTS[name] : core.getInput(name)
  }
  return raw
}

function actionRuntime(postState: PostState): Runtime {
  const recorder = new PostStateRecorder(core.saveState)
  return {
    env: process.env,
    docker,
    info: core.info,
    warning: (message, where) =>
      core.warning(message, where && { file: where.file, startLine: where.line, endLine: where.endLine, title: where.title }),
    group: core.group,
    setSecret: core.setSecret,
    setOutput: core.setOutput,
    remember: addition => recorder.remember(addition),
    postState: () => postState,
    // The summary file is the runner's; run by hand (no GITHUB_STEP_SUMMARY) there is none to write.
    writeSummary: async markdown => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
    },
    now: () => new Date()
  }
}

async function run(): Promise<void> {
  let postState: PostState | undefined
  try {
    postState = parsePostState(core.getState(POST_STATE_KEY))
  } catch (e) {
    // A post step whose state cannot be read cleans up nothing, and says so.
    core.warning(errorMessage(e))
    return
  }
  const isPost = postState !== undefined
  try {
    const runtime = actionRuntime(postState ?? {})
    // Each step loads only its own code: post (most often nothing to clean) skips main's
    // registry client, TLS and crypto, which cost tens of milliseconds to load.
    if (isPost) await (await import('../pipeline/post.js')).post(runtime)
    else await (await import('../pipeline/main.js')).main(runtime, readInputs())
  } catch (e) {
    // post never fails the job; main fails with the reason.
    if (isPost) core.warning(errorMessage(e))
    else core.setFailed(errorMessage(e))
  }
}

await run()
// The step ends when its own work is done: a GitHub cache call given up on (cache-timeout) may
// still be retrying inside @actions/cache, which cannot be stopped, and would hold the step
// until its retries run out. stdout is written synchronously on Linux, so nothing said is lost.
process.exit()
