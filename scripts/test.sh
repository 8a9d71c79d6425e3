#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine and runs them all:
# the local build stack (root), node modules, type check, lint and format, the dist/ check,
# unit and e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/stack.sh
npm ci --no-audit --no-fund --loglevel=error
npm run --silent typecheck
npm run --silent lint
npm run --silent format:check
npm run --silent check-dist
# --forceExit: a guard. Test servers close the engine's keep-alive connections themselves
# (__tests__/support/close-server.ts); should anything else linger, CI must not wait for it.
# An incomplete stack fails the end-to-end files naming what is missing, CI set or not.
E2E_REQUIRE_STACK=1 npm test -- --ci --runInBand --forceExit
# Then, alone, what changes the whole machine (the QEMU registration): nothing else builds meanwhile.
E2E_REQUIRE_STACK=1 npm run --silent test:machine-wide -- --ci --runInBand --forceExit
