// Image references: the tag a reference names (latest when none) and its repository.
import { tagOf, repositoryOf } from '../../../../src/core/registry/reference'

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  describe('references', () => {
    test.each([
      ['ghcr.io/p/ci-base', 'latest'],
      ['localhost:5000/p/ci-base', 'latest'],
      ['ghcr.io/p/ci-base:1.2', '1.2'],
      ['localhost:5000/p/ci-base:weekly', 'weekly']
    ])('tagOf(%s) = %s', (ref, tag) => expect(tagOf(ref)).toBe(tag))
    test.each([
      ['ghcr.io/p/ci-base:1', 'ghcr.io/p/ci-base'],
      ['localhost:5000/p/x:y', 'localhost:5000/p/x'],
      ['localhost:5000/p/x', 'localhost:5000/p/x'],
      ['ghcr.io/p/x@sha256:abc', 'ghcr.io/p/x'],
      ['a:b', 'a']
    ])('repositoryOf(%s) = %s', (ref, repository) => expect(repositoryOf(ref)).toBe(repository))
  })

  test('repositoryOf a bare name keeps it whole (no colon, no slash)', () => {
    expect(repositoryOf('busybox')).toBe('busybox')
  })
})
