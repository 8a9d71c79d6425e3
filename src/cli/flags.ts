// The command line's flags are the action's inputs (`--platforms`, `--max-size`, ...): their
// names and defaults come from the one table the action reads, so each input has a flag and
// each flag an input. Pure.
import { INPUT_DEFAULTS, type InputName, type RawInputs } from '../core/inputs/inputs.js'

export const COMMANDS = ['build', 'inspect', 'compare', 'history'] as const
type Command = (typeof COMMANDS)[number]

/** Flags of the command line itself, not inputs. */
export const OWN_FLAGS = ['json', 'dry-run', 'help'] as const

export interface Invocation {
  command?: Command
  positional: string[]
  inputs: Partial<RawInputs>
  json: boolean
  dryRun: boolean
  help: boolean
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const isInput = (name: string): name is InputName => name in INPUT_DEFAULTS
/** Inputs that are true or false: `--push` alone means true. */
const isSwitch = (name: InputName) => INPUT_DEFAULTS[name] === 'true' || INPUT_DEFAULTS[name] === 'false'

function nearest(name: string): string {
  const names = [...Object.keys(INPUT_DEFAULTS), ...OWN_FLAGS]
  const close = names.filter(n => n.includes(name) || name.includes(n) || n.split('-')[0] === name.split('-')[0])
  return close.length
    ? ` (did you mean ${close
        .slice(0, 3)
        .map(n => `--${n}`)
        .join(', ')}?)`
    : ''
}

export function parseArgs(argv: string[]): Invocation {
  const inv: Invocation = { positional: [], inputs: {}, json: false, dryRun: false, help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '-h' || arg === '--help') {
      inv.help = true
      continue
    }
    if (!arg.startsWith('--')) {
      if (!inv.command) {
        if (!(COMMANDS as readonly string[]).includes(arg))
          throw new UsageError(`'${arg}' is not a command; use one of ${COMMANDS.join(', ')}`)
        inv.command = arg as Command
      } else inv.positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    const inline = eq < 0 ? undefined : arg.slice(eq + 1)
    if (name === 'json' || name === 'dry-run') {
      inv[name === 'json' ? 'json' : 'dryRun'] = inline === undefined || inline === 'true'
      continue
    }
    if (!isInput(name)) throw new UsageError(`--${name} is not a flag${nearest(name)}; \`ci-base-action --help\` lists them`)
    let value = inline
    if (value === undefined) {
      const next = argv[i + 1]
      if (isSwitch(name) && (next === undefined || next.startsWith('--') || !['true', 'false'].includes(next))) value = 'true'
      else if (next === undefined) throw new UsageError(`--${name} needs a value`)
      else value = argv[++i]
    }
    // Repeated flags add lines, as the action's newline-list inputs take them.
    inv.inputs[name] = inv.inputs[name] === undefined ? value : `${inv.inputs[name]}\n${value}`
  }
  return inv
}

/** The raw inputs of a command line: its flags over the action's defaults. */
export function rawInputs(given: Partial<RawInputs>): RawInputs {
  const raw = { ...INPUT_DEFAULTS } as RawInputs
  for (const [name, value] of Object.entries(given)) raw[name as InputName] = value
  return raw
}

/** The action's message, spoken in flags: `Input 'platforms'` becomes `--platforms`. */
export const inFlags = (message: string) => message.replace(/Inputs? '([a-z-]+)'/g, '--$1').replace(/ and '([a-z-]+)'/g, ' and --$1')
