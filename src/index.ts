// The action's entry point for both steps: main, and post (which main flags through state).
import * as core from '@actions/core'
import { INPUT_DEFAULTS, type InputName, type RawInputs } from './inputs.js'
import { docker } from './docker.js'
import { main } from './main.js'
import { post } from './post.js'
import { STATE, errorMessage, type Runtime } from './runtime.js'

/** The runner fills in action.yml's defaults; outside it, an unset input takes the same default. */
function readInputs(): RawInputs {
  const raw = {} as RawInputs
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const envName = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    raw[name] = process.env[envName] === undefined ? INPUT_DEFAULTS[name] : core.getInput(name)
  }
  return raw
}

const runtime: Runtime = {
  env: process.env,
  docker,
  info: core.info,
  warning: message => core.warning(message),
  group: core.group,
  setSecret: core.setSecret,
  setOutput: core.setOutput,
  saveState: core.saveState,
  getState: core.getState,
  writeSummary: async markdown => {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
  },
  now: () => new Date()
}

async function run(): Promise<void> {
  const isPost = core.getState(STATE.isPost) === 'true'
  try {
    await (isPost ? post(runtime) : main(runtime, readInputs()))
  } catch (e) {
    // post never fails the job; main fails with the reason.
    if (isPost) core.warning(errorMessage(e))
    else core.setFailed(errorMessage(e))
  }
}

await run()
