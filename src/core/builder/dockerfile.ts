// What can be read from a Dockerfile before it is built: the images its stages start FROM, and
// what each stage runs. A builder the action creates runs in its own network namespace, so
// loopback registries among the images must be known before the builder is created; the cache
// mounts' helper builds need a stage that runs a shell.

const NAME = '[A-Za-z_][A-Za-z0-9_]*'

/** One stage: where it starts, whether it runs a shell, and the SHELL it sets. */
export interface Stage {
  /** `AS name`, lower-cased, or its index. */
  name: string
  /** The FROM reference, build args substituted. */
  from: string
  /** The stage it starts from, when FROM names an earlier stage. */
  parent?: number
  /** A RUN in shell form: the stage has a shell when it runs. */
  runsShell: boolean
  /** The last `SHELL [...]` of the stage (JSON text), if any. */
  shell?: string
  /** The RUN lines (continuation lines joined), in order. */
  runs: string[]
  /** Every instruction after FROM (continuation lines joined), in order. */
  lines: string[]
}

/** Continuation lines joined and trimmed: one instruction a line. */
const instructions = (dockerfile: string) =>
  dockerfile
    .replace(/\\[ \t]*\r?\n/g, ' ')
    .split(/\r?\n/)
    .map(l => l.trim())

/** RUN in exec form (`RUN [--flag...] ["cmd", ...]`) needs no shell; every other RUN does. */
const isShellForm = (run: string) => !/^RUN\s+(?:--\S+\s+)*\[/i.test(run)

/** The stages of a Dockerfile, global ARG defaults and build-args substituted in FROM. */
export function stagesOf(dockerfile: string, buildArgs: string[]): Stage[] {
  const given = new Map(buildArgs.map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]))
  const globals = new Map<string, string>()
  const expand = (text: string) =>
    text.replace(
      new RegExp(`\\$\\{(${NAME})(?::?-([^}]*))?\\}|\\$(${NAME})`, 'g'),
      (_, braced: string | undefined, fallback: string | undefined, bare: string | undefined) =>
        globals.get(braced ?? bare ?? '') || fallback || ''
    )
  const stages: Stage[] = []
  for (const line of instructions(dockerfile)) {
    const arg = new RegExp(`^ARG\\s+(${NAME})(?:=(?:"([^"]*)"|'([^']*)'|(\\S*)))?`, 'i').exec(line)
    // Only ARGs before the first FROM are in scope for FROM lines.
    if (arg && !stages.length) globals.set(arg[1], given.get(arg[1]) ?? arg[2] ?? arg[3] ?? arg[4] ?? '')
    const from = /^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line)
    if (from) {
      const image = expand(from[1])
      const parent = stages.findIndex(s => s.name === image.toLowerCase())
      stages.push({
        name: from[2]?.toLowerCase() ?? String(stages.length),
        from: image,
        ...(parent >= 0 ? { parent } : {}),
        runsShell: false,
        runs: [],
        lines: []
      })
      continue
    }
    const stage = stages[stages.length - 1]
    if (!stage) continue
    if (line && !line.startsWith('#')) stage.lines.push(line)
    if (/^RUN\s/i.test(line)) {
      stage.runs.push(line)
      stage.runsShell ||= isShellForm(line)
    }
    const shell = /^SHELL\s+(\[.*\])\s*$/i.exec(line)
    if (shell) stage.shell = shell[1]
  }
  return stages
}

/** The image a stage's chain starts from ('scratch' included). */
export function rootImage(stages: Stage[], i: number): string {
  let stage = stages[i]
  while (stage.parent !== undefined) stage = stages[stage.parent]
  return stage.from
}

/** The stage and its ancestors, nearest first. */
export function chainOf(stages: Stage[], i: number): Stage[] {
  const chain = [stages[i]]
  while (chain[chain.length - 1].parent !== undefined) chain.push(stages[chain[chain.length - 1].parent!])
  return chain
}

/** The images named by FROM lines, with global ARG defaults and build-args substituted; stages and scratch left out. */
export function baseImages(dockerfile: string, buildArgs: string[]): string[] {
  const images = stagesOf(dockerfile, buildArgs)
    .filter(s => s.parent === undefined)
    .map(s => s.from)
    .filter(image => image && image !== 'scratch')
  return [...new Set(images)]
}
