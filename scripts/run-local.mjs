// Runs the bundled action here the way the weekly rebuild runs it on GitHub: the CI base image
// (its stand-in on the local two-arch base) for linux/amd64 + linux/arm64, pushed to the local
// registry. Extra inputs as name=value arguments, e.g. `platforms=linux/amd64 push=false`.
import { execFileSync } from 'node:child_process'
import { runAction } from './lib/runner.mjs'

const overrides = Object.fromEntries(
  process.argv.slice(2).map(arg => {
    const at = arg.indexOf('=')
    if (at < 1) throw new Error(`expected name=value, got '${arg}'`)
    return [arg.slice(0, at), arg.slice(at + 1)]
  })
)
const context = '__tests__/fixtures/ci-base-standin'
const run = await runAction({
  echo: true,
  inputs: {
    context,
    file: `${context}/Dockerfile`,
    image: 'localhost:5000/phialo/ci-base',
    push: 'true',
    'tag-policy': 'sha,date',
    cache: 'registry,inline',
    'build-args': `PACKAGES_MONTH=${new Date().toISOString().slice(0, 7)}`,
    // The BuildKit scripts/stack.sh loads (Docker Hub is not needed): for driver=docker-container.
    'buildkit-image': 'moby/buildkit:buildx-stable-1',
    ...overrides
  },
  env: { GITHUB_WORKFLOW: 'local', GITHUB_SHA: execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim() }
})
console.log('\n--- outputs')
for (const [name, value] of Object.entries(run.main.outputs)) if (name !== 'metadata' && name !== 'report') console.log(`${name}: ${value}`)
console.log('\n--- job summary\n' + run.main.summary)
process.exit(run.main.code || run.post.code)
