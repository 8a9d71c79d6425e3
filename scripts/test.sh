#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine and runs them all:
# the local build stack (root), node modules, type check, the dist/ check, unit and e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/stack.sh
npm ci --no-audit --no-fund --loglevel=error
npm run --silent typecheck
npm run --silent check-dist
# --forceExit: a server socket that the engine still holds open must not keep CI waiting.
npm test -- --ci --runInBand --forceExit
