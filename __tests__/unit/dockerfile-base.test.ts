// Dockerfile.base cannot be built on the development machines (no Docker Hub, no Alpine
// mirrors); the project's workflows build it. Here every point of its design is checked with
// a real Dockerfile parser, and the local stand-in is held to the same shape.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DockerfileParser, type Instruction } from 'dockerfile-ast'
import { ROOT } from '../support/runner'

const parse = (path: string) => DockerfileParser.parse(readFileSync(join(ROOT, path), 'utf8'))
const dockerfile = parse('Dockerfile.base')
const instructions = dockerfile.getInstructions()
const args = (i: Instruction) => i.getArgumentsContent() ?? ''
const index = (pred: (i: Instruction) => boolean) => instructions.findIndex(pred)
const runs = instructions.filter(i => i.getKeyword() === 'RUN')
const argDefault = (name: string) =>
  dockerfile
    .getARGs()
    .find(a => a.getProperty()?.getName() === name)
    ?.getProperty()
    ?.getValue()
const envs = Object.fromEntries(dockerfile.getENVs().flatMap(e => e.getProperties().map(p => [p.getName(), p.getValue()])))

const froms = dockerfile.getFROMs()
const stageStart = (name: string) => instructions.indexOf(froms.find(f => args(f).endsWith(` AS ${name}`))!)

test('base: node 20 on alpine, pinned by a literal tag that Dependabot can bump (no build args in FROM)', () => {
  expect(args(froms[0])).toMatch(/^node:20\.\d+\.\d+-alpine3\.\d+ AS runtime$/)
  expect(instructions.indexOf(froms[0])).toBe(0)
})

test('two targets on the same layers: slim (no build tools) and ci, the default, last', () => {
  expect(froms.map(args)).toStrictEqual([expect.stringMatching(/ AS runtime$/), 'runtime AS slim', 'runtime AS ci'])
  const slim = instructions.slice(stageStart('slim'), stageStart('ci'))
  expect(slim.map(i => i.getKeyword())).not.toContain('RUN')
  expect(slim[slim.length - 1].getKeyword()).toBe('USER')
  // The weekly rebuild builds the slim variant beside the default target.
  const weekly = readFileSync(join(ROOT, '.github/workflows/weekly-rebuild.yml'), 'utf8')
  expect(weekly).toMatch(/variants: slim=slim/)
})

test('system dependencies: one apk layer, in the ci target only, with exactly the build tools, no package cache', () => {
  const apk = runs.filter(r => args(r).includes('apk'))
  expect(apk).toHaveLength(1)
  expect(instructions.indexOf(apk[0])).toBeGreaterThan(stageStart('ci'))
  const command = args(apk[0])
  expect(command).toMatch(/apk add --no-cache /)
  expect(command).not.toMatch(/apk (update|upgrade)/)
  const packages = command.split('apk add --no-cache')[1].trim().split(/\s+/)
  expect(packages.sort()).toEqual(['bash', 'curl', 'g++', 'git', 'libc6-compat', 'make', 'netcat-openbsd', 'python3'])
})

test('the monthly build arg sits just before the packages layer and is used by it', () => {
  const apkAt = index(i => i.getKeyword() === 'RUN' && args(i).includes('apk add'))
  expect(instructions[apkAt - 1].getKeyword()).toBe('ARG')
  expect(args(instructions[apkAt - 1])).toMatch(/^PACKAGES_MONTH(=|$)/)
  expect(args(instructions[apkAt])).toContain('${PACKAGES_MONTH}')
})

test('pnpm through corepack, version as a build arg, a central store set through the environment', () => {
  expect(argDefault('PNPM_VERSION')).toBe('9.15.2')
  const pnpm = runs.find(r => args(r).includes('corepack'))!
  expect(args(pnpm)).toContain('corepack enable')
  expect(args(pnpm)).toContain('corepack prepare pnpm@${PNPM_VERSION} --activate')
  expect(envs.npm_config_store_dir).toBe('/pnpm/store')
  expect(envs.PNPM_HOME).toBe('/pnpm')
  // Shared corepack home: the non-root user must not download pnpm again.
  expect(envs.COREPACK_HOME).toBe('/usr/local/share/corepack')
})

test('CI environment: CI on, telemetry off for the common tools, colour on', () => {
  expect(envs).toMatchObject({
    CI: 'true',
    DO_NOT_TRACK: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    NUXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    GATSBY_TELEMETRY_DISABLED: '1',
    STORYBOOK_DISABLE_TELEMETRY: '1',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_update_notifier: 'false',
    FORCE_COLOR: '1'
  })
})

test('security: nodejs 1001:1001 owns the store and work dir; root only while building; USER 1001 last', () => {
  const user = runs.find(r => args(r).includes('adduser'))!
  expect(args(user)).toMatch(/addgroup -g 1001 -S nodejs/)
  expect(args(user)).toMatch(/adduser -S -u 1001 -G nodejs/)
  expect(args(user)).toMatch(/chown -R nodejs:nodejs \/pnpm \/app/)
  const users = instructions.filter(i => i.getKeyword() === 'USER')
  expect(users.map(args)).toEqual(['1001', '1001'])
  expect(instructions[stageStart('ci') - 1].getKeyword()).toBe('USER')
  expect(instructions[instructions.length - 1].getKeyword()).toBe('USER')
  expect(args(instructions.find(i => i.getKeyword() === 'WORKDIR')!)).toBe('/app')
})

test('OCI labels fed by build args, after every layer of each target', () => {
  const labels = instructions.filter(i => i.getKeyword() === 'LABEL')
  expect(labels).toHaveLength(2)
  for (const label of labels)
    for (const [key, arg] of [
      ['source', 'SOURCE'],
      ['revision', 'REVISION'],
      ['created', 'CREATED'],
      ['version', 'VERSION']
    ])
      expect(args(label)).toContain(`org.opencontainers.image.${key}="\${${arg}}"`)
  const lastLayerBefore = (end: number) =>
    Math.max(...instructions.slice(0, end).map((i, n) => (['RUN', 'COPY', 'ADD'].includes(i.getKeyword()) ? n : -1)))
  const [slimLabel, ciLabel] = labels.map(l => instructions.indexOf(l))
  expect(slimLabel).toBeGreaterThan(lastLayerBefore(stageStart('ci')))
  expect(ciLabel).toBeGreaterThan(lastLayerBefore(instructions.length))
})

test('layers are ordered by how often they change', () => {
  const at = (needle: string) => index(i => args(i).includes(needle))
  const order = [at('corepack enable'), at('CI=true'), at('adduser'), at('apk add'), instructions.length - 1]
  expect([...order].sort((a, b) => a - b)).toEqual(order)
  expect(order.every(n => n >= 0)).toBe(true)
})

test('.dockerignore keeps the build context to the Dockerfile alone', () => {
  const lines = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .filter(l => l && !l.startsWith('#'))
  expect(lines).toEqual(['*', '!Dockerfile.base'])
})

test('the local stand-in has the same shape: same instructions in order, same env, user, labels', () => {
  const shape = (path: string) =>
    parse(path)
      .getInstructions()
      .filter(i => !(i.getKeyword() === 'ARG' && args(i).startsWith('BASE=')))
      .map(i => {
        const k = i.getKeyword()
        if (k === 'RUN') return args(i).includes('adduser') ? `RUN ${args(i)}` : 'RUN'
        if (k === 'FROM') return 'FROM'
        return `${k} ${args(i)}`
      })
  expect(shape('__tests__/fixtures/ci-base-standin/Dockerfile')).toEqual(shape('Dockerfile.base'))
})
