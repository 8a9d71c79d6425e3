// The registry-auth input and the logins a run makes.
import { loginsOf, parseRegistryAuth } from '../../../../src/core/inputs/registry-auth'

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test("registry-auth strips a pair of quotes, even an empty pair; a login goes to the registry named, else the image's, else Docker Hub", () => {
    // An empty pair of quotes is an empty password: a problem, not the two-character password `""`.
    expect(parseRegistryAuth('- registry: r.io\n  username: u\n  password: ""').problems).toStrictEqual(['entry 1 (r.io) has no password'])
    const login = (over: object) =>
      loginsOf({ username: 'u', password: 'p', registry: '', image: '', logins: [], ...over }, ref => ref.split('/')[0])
    expect(login({ registry: 'ghcr.io', image: 'quay.io/x/y' })[0].registry).toBe('ghcr.io')
    expect(login({ image: 'quay.io/x/y' })[0].registry).toBe('quay.io')
    expect(login({})[0].registry).toBe('docker.io')
  })
})
