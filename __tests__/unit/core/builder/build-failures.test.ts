// The hint on GHCR's refusal of a push: named permission, login and package access; nowhere else.
import { pushDeniedHint } from '../../../../src/core/builder/build-failures'

test.each([
  'ERROR: failed to push ghcr.io/phialo/ci-base:latest: unexpected status from POST request to https://ghcr.io/v2/phialo/ci-base/blobs/uploads/: 403 Forbidden',
  'denied: permission_denied: write_package',
  'ghcr.io: PUT /v2/phialo/ci-base/manifests/latest answered 403 Forbidden: {"errors":[{"code":"DENIED","message":"permission_denied: write_package"}]}',
  'server message: insufficient_scope: authorization failed'
])('GHCR refusing %s gets the hint', error => {
  const hint = pushDeniedHint(error, ['ghcr.io/phialo/ci-base'])
  expect(hint).toContain('GHCR refused the push to ghcr.io/phialo/ci-base')
  expect(hint).toContain('`permissions: packages: write`')
  expect(hint).toContain('Manage Actions access')
})

test("GitHub's words name it behind another host name; GitHub Enterprise's containers.<host> is GitHub's registry too", () => {
  expect(
    pushDeniedHint('answered 403 Forbidden: {"errors":[{"code":"DENIED","message":"permission_denied: write_package"}]}', ['127.0.0.1:9/a'])
  ).toContain('GHCR refused the push to 127.0.0.1:9/a')
  expect(pushDeniedHint('403 Forbidden', ['containers.github.example.com/team/base'])).toContain('containers.github.example.com/team/base')
})

test('no hint for another registry, or for GHCR failing otherwise', () => {
  expect(pushDeniedHint('403 Forbidden', ['docker.io/phialo/ci-base', 'localhost:5000/a'])).toBe('')
  expect(pushDeniedHint('unexpected status: 500 Internal Server Error', ['ghcr.io/phialo/ci-base'])).toBe('')
  expect(pushDeniedHint('failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2', ['ghcr.io/p/c'])).toBe('')
})
