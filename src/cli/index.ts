// ci-base-action from a terminal: `build` runs the action's whole pipeline here, `inspect` and
// `compare` read images from their registry without pulling. Exit codes: 0 ok, 1 the work
// failed (a build, a budget, a verify check), 2 the command line is wrong.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError, INPUT_DEFAULTS, parseInputs, type InputName } from '../core/inputs/inputs.js'
import { OPTIONAL_READS_BUDGET_MS, optionalReadsBudgetMs, OptionalReads } from '../pipeline/host/optional-reads.js'
import { readBaseline, registrySource } from '../pipeline/registry/image-sources.js'
import { readImage } from '../core/registry/image.js'
import { isImageRef, repositoryOf } from '../core/registry/reference.js'
import { compare } from '../core/report/compare.js'
import { checkBudgets } from '../core/report/budget.js'
import { makeReport, type Report } from '../core/report/report.js'
import { errorMessage } from '../core/errors.js'
import { COMMANDS, inFlags, OWN_FLAGS, parseArgs, rawInputs, UsageError, type Invocation } from './flags.js'
import { paint, renderFingerprint, renderHistory, renderReport, terminalRuntime } from './terminal.js'
import { parseFingerprint } from '../core/builder/fingerprint.js'
import { readHistory } from '../pipeline/registry/history.js'

// stdout is for results (a table, --json). Libraries the pipeline uses (the runner's toolkit)
// print workflow commands to stdout: those go to stderr, and their debug lines nowhere.
const stdoutWrite = process.stdout.write.bind(process.stdout)
const out = (text: string) => stdoutWrite(`${text}\n`)
process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
  const kept = text
    .split('\n')
    .filter(line => !line.startsWith('::debug::'))
    .join('\n')
  return kept ? process.stderr.write(kept, ...(rest as [])) : true
}
const colors = paint(process.stdout, process.env)
const errColors = paint(process.stderr, process.env)

/** Help from action.yml's own descriptions (read only when asked: start-up stays small). */
async function help(): Promise<string> {
  const lines = [
    'Usage: ci-base-action build [--input value ...] [--json] [--dry-run]',
    '       ci-base-action inspect IMAGE [--json]',
    '       ci-base-action compare IMAGE BASELINE [--max-size S] [--max-layers N] [--max-growth G] [--json]',
    '       ci-base-action history IMAGE [--history N] [--json]',
    '',
    'Exit codes: 0 ok, 1 failed (build, budget, verify), 2 usage.',
    '',
    "Flags (the action's inputs; a true/false flag alone means true, a repeated flag adds a line):"
  ]
  let docs: Record<string, { description?: string }> = {}
  try {
    const yaml = await import('yaml')
    // The package is CommonJS and ESM at once: the bundle may hand it over as a default export.
    const parse = yaml.parse ?? (yaml as unknown as { default: typeof yaml }).default.parse
    // The bundle's chunk sits one level below action.yml (dist/), src/cli/index.ts two.
    const here = dirname(fileURLToPath(import.meta.url))
    const actionYml = [join(here, '..', 'action.yml'), join(here, '..', '..', 'action.yml')].find(path => existsSync(path)) ?? ''
    docs = (parse(readFileSync(actionYml, 'utf8')) as { inputs?: typeof docs }).inputs ?? {}
  } catch {
    // Installed without action.yml next to it: names and defaults still help.
  }
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const def = INPUT_DEFAULTS[name]
    lines.push(
      `  --${name}${def ? ` (default ${def})` : ''}`,
      ...(docs[name]?.description ? [`      ${docs[name].description.replace(/\s+/g, ' ').trim()}`] : [])
    )
  }
  lines.push(...OWN_FLAGS.map(f => `  --${f}`))
  return lines.join('\n')
}

function imageRef(ref: string, what: string): string {
  if (!isImageRef(ref)) throw new UsageError(`${what} '${ref}' is not an image reference; use e.g. ghcr.io/phialo/ci-base:latest`)
  return ref
}

/** Docker's own credentials answer for the registry, as `docker pull` would use them. */
const readRegistryImage = (ref: string) =>
  readImage(registrySource(terminalRuntime(errColors).rt.docker, repositoryOf(ref), process.env), ref)

function reportOf(parts: Partial<Report> & Pick<Report, 'platforms' | 'baseline' | 'digest'>): Report {
  return makeReport({
    imageid: '',
    tags: [],
    pushed: true,
    budgets: {},
    buildTime: 0,
    cacheHitRate: 0,
    steps: { steps: 0, cached: 0 },
    stages: [],
    ...parts
  })
}

async function inspect(inv: Invocation): Promise<number> {
  if (inv.positional.length !== 1)
    throw new UsageError('inspect takes one IMAGE, e.g. ci-base-action inspect ghcr.io/phialo/ci-base:latest')
  const [ref] = inv.positional
  const image = await readRegistryImage(imageRef(ref, 'IMAGE'))
  const report = reportOf({ digest: image.digest, platforms: compare(image.platforms), baseline: { ref: '', status: 'none' } })
  // What the image was built from, as the build recorded it on the index.
  const fingerprint = parseFingerprint(image.annotations)
  if (inv.json) out(JSON.stringify({ ...report, ...(fingerprint ? { fingerprint } : {}) }))
  else out([renderReport(report, colors), ...(fingerprint ? ['', renderFingerprint(fingerprint)] : [])].join('\n'))
  return 0
}

async function compareImages(inv: Invocation): Promise<number> {
  if (inv.positional.length !== 2)
    throw new UsageError('compare takes IMAGE and BASELINE, e.g. ci-base-action compare ghcr.io/p/ci-base:pr-7 ghcr.io/p/ci-base:latest')
  const [ref, baselineRef] = inv.positional
  const stray = Object.keys(inv.inputs).filter(n => !['max-size', 'max-layers', 'max-growth'].includes(n))
  if (stray.length)
    throw new UsageError(`compare takes --max-size, --max-layers and --max-growth, not ${stray.map(n => `--${n}`).join(', ')}`)
  // Budgets are parsed as the action parses them: the same forms, the same messages.
  const { budgets } = parseInputs(rawInputs(inv.inputs))
  imageRef(ref, 'IMAGE')
  imageRef(baselineRef, 'BASELINE')
  const [image, base] = await Promise.all([
    readRegistryImage(ref),
    readBaseline(
      terminalRuntime(errColors).rt.docker,
      baselineRef,
      [],
      process.env,
      new OptionalReads(OPTIONAL_READS_BUDGET_MS, () => undefined)
    )
  ])
  if (base.status === 'unavailable') throw new Error(`BASELINE ${baselineRef} could not be read: ${base.reason}`)
  const platforms = compare(image.platforms, base.image)
  const breaches = checkBudgets(platforms, budgets)
  const report = reportOf({
    digest: image.digest,
    platforms,
    baseline: { ref: base.ref, status: base.status, reason: base.reason },
    budgets,
    breaches
  })
  out(inv.json ? JSON.stringify(report) : renderReport(report, colors))
  if (breaches.length) {
    process.stderr.write(`${errColors.bad(`Over budget: ${breaches.map(b => b.message).join('; ')}`)}\n`)
    return 1
  }
  return 0
}

/** The builds recorded on IMAGE's index and the chain behind it: the trend a report shows, from a terminal. */
async function history(inv: Invocation): Promise<number> {
  if (inv.positional.length !== 1)
    throw new UsageError('history takes one IMAGE, e.g. ci-base-action history ghcr.io/phialo/ci-base:latest [--history 24]')
  const stray = Object.keys(inv.inputs).filter(n => n !== 'history')
  if (stray.length) throw new UsageError(`history takes --history (how many builds), not ${stray.map(n => `--${n}`).join(', ')}`)
  const ref = imageRef(inv.positional[0], 'IMAGE')
  const { history: count, registryTimeoutMs } = parseInputs(rawInputs(inv.inputs))
  const reads = new OptionalReads(optionalReadsBudgetMs(registryTimeoutMs), message => process.stderr.write(`${errColors.bad(message)}\n`))
  const found = await readHistory(ref, Math.max(count, 1), process.env, reads)
  if (!found.records.length)
    throw new Error(`${ref} has no recorded builds: it is not in the registry, or was not pushed by this action with history on`)
  if (inv.json) {
    out(JSON.stringify({ image: ref, records: found.records, ...(found.note ? { note: found.note } : {}) }))
    return 0
  }
  out(renderHistory(found, colors))
  return 0
}

async function run(argv: string[]): Promise<number> {
  try {
    const inv = parseArgs(argv)
    if (inv.help || !inv.command) {
      out(await help())
      return inv.command || inv.help ? 0 : 2
    }
    const build = async (i: Invocation) => (await import('./build.js')).build(i, out, colors, errColors)
    const commands = { build, inspect, compare: compareImages, history } satisfies Record<
      (typeof COMMANDS)[number],
      (inv: Invocation) => Promise<number>
    >
    return await commands[inv.command](inv)
  } catch (e) {
    const usage = e instanceof UsageError || e instanceof InputError
    process.stderr.write(`${errColors.bad(`error: ${inFlags(errorMessage(e))}`)}\n`)
    return usage ? 2 : 1
  }
}

process.exitCode = await run(process.argv.slice(2))
