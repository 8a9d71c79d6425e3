// Dotted version numbers compared as tools print them.
import { atLeast } from '../../../../src/core/builder/version'

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test('versions with fewer parts are zero-filled', () => {
    expect(atLeast('0.21', '0.21.0')).toBe(true)
    expect(atLeast('0.21.0', '0.21')).toBe(true)
    expect(atLeast('0.20', '0.21.0')).toBe(false)
  })
})
