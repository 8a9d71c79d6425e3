// The context's files as the fingerprint hashes them: what the build reads (path, mode, content),
// after .dockerignore, and nothing else.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contextDigest } from '../../../../src/pipeline/builder/fingerprint'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fingerprint-'))
  mkdirSync(join(dir, 'src'))
  writeFileSync(join(dir, 'src', 'a.ts'), 'a')
  writeFileSync(join(dir, 'package.json'), '{}')
  writeFileSync(join(dir, 'README.md'), 'readme')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const digestOf = (paths = ['src', 'package.json'], ignore = '') => contextDigest(dir, paths, ignore)

test('the files read, counted, each named with its sum', () => {
  const d = digestOf()
  expect(d.files).toBe(2)
  expect(Object.keys(d.sums ?? {})).toStrictEqual(['package.json', 'src/a.ts'])
})

test.each<[string, () => void]>([
  ['a changed file', () => writeFileSync(join(dir, 'src', 'a.ts'), 'b')],
  ['its mode (chmod +x)', () => chmodSync(join(dir, 'src', 'a.ts'), 0o755)],
  ['a new file under a copied directory', () => writeFileSync(join(dir, 'src', 'b.ts'), 'b')],
  ['a file gone', () => rmSync(join(dir, 'package.json'))],
  ['a symlink', () => symlinkSync('a.ts', join(dir, 'src', 'link.ts'))]
])('%s changes the digest', (_, change) => {
  const before = digestOf().digest
  change()
  expect(digestOf().digest).not.toBe(before)
})

test('a file no instruction reads changes nothing; nor does an ignored one', () => {
  const before = digestOf().digest
  writeFileSync(join(dir, 'README.md'), 'a new readme')
  expect(digestOf().digest).toBe(before)
  const all = digestOf(['.'], 'README.md').digest
  writeFileSync(join(dir, 'README.md'), 'again')
  expect(digestOf(['.'], 'README.md').digest).toBe(all)
  expect(digestOf(['.'], '').digest).not.toBe(all)
})

test('a source outside the context is refused', () => {
  expect(() => digestOf(['../x'])).toThrow(/outside the context/)
})

test('a source named through a link is read where the link points: a change there changes the digest', () => {
  mkdirSync(join(dir, 'real'))
  writeFileSync(join(dir, 'real', 'x.ts'), 'x')
  symlinkSync('real', join(dir, 'linked'))
  const before = digestOf(['linked']).digest
  writeFileSync(join(dir, 'real', 'x.ts'), 'y')
  expect(digestOf(['linked']).digest).not.toBe(before)
})
