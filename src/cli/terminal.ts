// The pipeline's host on a terminal: stages as progress lines with their times, warnings and
// the report for people, colour only on a TTY and never with NO_COLOR. Progress goes to stderr,
// the result to stdout, so `--json` pipes cleanly.
import { dockerTo } from '../pipeline/host/docker.js'
import type { Runtime } from '../pipeline/host/runtime.js'
import type { PostState } from '../pipeline/host/post-state.js'
import type { OutputName } from '../core/report/outputs.js'
import type { Fingerprint } from '../core/builder/fingerprint.js'
import { layerChart, type Report } from '../core/report/report.js'
import { humanSize, signedPercent } from '../core/report/size.js'
import { verifyFailures } from '../core/builder/verify.js'
import { trendRows, trendText, type History, type Trend } from '../core/registry/history.js'

export interface Paint {
  ok(text: string): string
  bad(text: string): string
  dim(text: string): string
  bold(text: string): string
}

export function paint(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Paint {
  const on = !!stream.isTTY && !env.NO_COLOR && env.TERM !== 'dumb'
  const sgr = (code: number) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text)
  return { ok: sgr(32), bad: sgr(31), dim: sgr(2), bold: sgr(1) }
}

interface TerminalHost {
  rt: Runtime
  outputs: Partial<Record<OutputName, string>>
  state: PostState
}

/** A Runtime that prints to stderr; outputs and post state stay in memory for the caller. */
export function terminalRuntime(colors: Paint, write: (line: string) => void = line => process.stderr.write(`${line}\n`)): TerminalHost {
  const secrets: string[] = []
  const masked = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text)
  const host: TerminalHost = { outputs: {}, state: {}, rt: undefined as unknown as Runtime }
  host.rt = {
    env: process.env,
    docker: dockerTo(process.stderr),
    info: message => write(masked(message)),
    warning: (message, where) =>
      write(colors.bad(`warning: ${where ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}${masked(message)}`)),
    group: async (name, fn) => {
      const started = Date.now()
      write(colors.bold(`▸ ${name}`))
      try {
        const result = await fn()
        write(colors.dim(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`))
        return result
      } catch (e) {
        write(colors.bad(`  ${name}: failed after ${((Date.now() - started) / 1000).toFixed(1)} s`))
        throw e
      }
    },
    setSecret: value => secrets.push(value),
    setOutput: (name, value) => (host.outputs[name] = value),
    remember: addition => Object.assign(host.state, addition),
    postState: () => host.state,
    writeSummary: () => Promise.resolve(),
    now: () => new Date()
  }
  return host
}

const signedBytes = (n: number) => (n > 0 ? `+${humanSize(n)}` : n === 0 ? '0 B' : `-${humanSize(-n)}`)

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].replace(/\x1b\[\d+m/g, '').length)))
  return rows.map(r =>
    r
      .map((cell, c) => cell + ' '.repeat(widths[c] - cell.replace(/\x1b\[\d+m/g, '').length))
      .join('  ')
      .trimEnd()
  )
}

/** The report as the job summary tells it, for a terminal. */
export function renderReport(report: Report, colors: Paint): string {
  const budgets = report.budgets.maxSize || report.budgets.maxLayers || report.budgets.maxGrowth
  const rows = [['platform', 'size', 'Δ size', 'layers', 'Δ layers', ...(budgets ? ['budget'] : [])]]
  for (const p of report.platforms) {
    const broken = report.breaches.filter(b => b.platform === p.platform).map(b => b.budget)
    rows.push([
      p.platform,
      humanSize(p.size),
      p.sizeDelta === undefined ? 'new' : `${signedBytes(p.sizeDelta)} (${signedPercent(p.sizePercent ?? 0)})`,
      String(p.layers),
      p.layerDelta === undefined ? 'new' : p.layerDelta > 0 ? `+${p.layerDelta}` : String(p.layerDelta),
      ...(budgets ? [broken.length ? colors.bad(`over: ${broken.join(', ')}`) : colors.ok('ok')] : [])
    ])
  }
  const lines = [colors.bold(table(rows)[0]), ...table(rows).slice(1), '']
  const b = report.baseline
  if (b.status === 'found')
    lines.push(
      report.changed === false
        ? colors.ok(`Unchanged since ${b.ref}${b.created ? ` (made ${b.created.slice(0, 10)})` : ''}.`)
        : `Compared with ${b.ref}.`
    )
  else if (b.status === 'missing') lines.push(`No published image at ${b.ref} yet: every platform is new.`)
  else if (b.status === 'unavailable') lines.push(colors.bad(`The baseline ${b.ref} could not be read (${b.reason}).`))
  if (report.steps.steps)
    lines.push(
      `Build ${report.buildTime.toFixed(1)} s, cache hit rate ${report.cacheHitRate}% (${report.steps.cached} of ${report.steps.steps} steps cached)`
    )
  for (const breach of report.breaches) lines.push(colors.bad(breach.message))
  if (report.verify) for (const failure of verifyFailures(report.verify)) lines.push(colors.bad(failure))
  const first = report.platforms[0]
  if (first?.breakdown.length)
    lines.push(
      '',
      colors.bold(`Largest layers (${first.platform})`),
      ...layerChart(first)
        .split('\n')
        .filter(l => !l.startsWith('```'))
    )
  if (report.digest) lines.push('', `${colors.dim('digest')} ${report.digest}`)
  for (const tag of report.tags) lines.push(`${colors.dim('tag')}    ${tag}`)
  return lines.join('\n').replace(/\n{3,}/g, '\n\n')
}

/** The recorded builds, oldest first: the trend as text, then one row per build. */
export function renderHistory(history: History, colors: Paint): string {
  const records = history.records
  const newest = records[records.length - 1]
  const trend: Trend = {
    records: records.slice(0, -1),
    current: newest,
    currentPublished: true,
    currentLabel: newest.built.slice(5, 10)
  }
  const [header, ...rows] = trendRows(trend)
  const platform = newest.platforms[0]?.platform ?? ''
  const lines = [colors.bold(`${records.length} builds, ${platform} size`), trendText(trend), '', colors.bold(table([header])[0])]
  lines.push(...table([header, ...rows]).slice(1))
  if (history.note) lines.push('', colors.dim(history.note))
  return lines.join('\n')
}

/** What an image was built from: its bases by digest, the context files read, the Dockerfile, and one digest of the rest. */
export function renderFingerprint(f: Fingerprint): string {
  return [
    'Built from:',
    ...Object.entries(f.bases).map(([ref, digest]) => `  base ${ref} ${digest}`),
    `  context ${f.context.digest} (${f.context.files} file${f.context.files === 1 ? '' : 's'} read)`,
    `  Dockerfile ${f.dockerfile}`,
    ...Object.entries(f.args).map(([name, value]) => `  build arg ${name}=${value}`),
    `  the rest (${Object.keys(f.parts).join(', ')}) ${f.rest}`
  ].join('\n')
}
