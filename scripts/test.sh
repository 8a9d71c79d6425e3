#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine and runs them all:
# the local build stack (root), node modules, type check, lint and format, the dist/ check,
# unit and e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/stack.sh
npm ci --no-audit --no-fund --loglevel=error
# E2E_STACKS picks the stacks (both by default): GitHub's workflow runs the runner stack alone,
# on its own runner's Docker. With one picked, the machine-wide file runs on that one alone.
stacks=${E2E_STACKS:-engine runner}
for stack in $stacks; do
  case $stack in engine | runner) ;; *) echo "E2E_STACKS: unknown stack '$stack' (use engine, runner or both)" >&2; exit 1 ;; esac
done
only=$([ "$(echo $stacks | wc -w)" = 1 ] && echo "$stacks" || true)
# What the engine holds before any end-to-end file: each file removes the images it made.
images() { docker image ls --format '{{.Repository}}:{{.Tag}} {{.ID}}' | sort; }
before=$(images)
# Three things side by side, each of which alone leaves a core idle (jest runs one worker on two
# cores): the static checks, the unit tests, and the file that changes the whole machine (the QEMU
# registration, which must run where nothing else builds: neither of the other two builds).
static_checks() {
  npm run --silent typecheck && npm run --silent lint && npm run --silent format:check && npm run --silent check-dist
}
static_checks &
checks=$!
E2E_REQUIRE_STACK=1 E2E_STACK=$only npm run --silent test:machine-wide -- --ci --runInBand --forceExit 2>&1 | sed -u 's/^/[machine-wide] /' &
machine_wide=$!
# --forceExit: a guard. Test servers close the engine's keep-alive connections themselves
# (__tests__/support/close-server.ts); should anything else linger, CI must not wait for it.
# An incomplete stack fails the end-to-end files naming what is missing, CI set or not.
npm test -- --ci --forceExit __tests__/unit
wait "$checks"
wait "$machine_wide"
# The end-to-end files: one process per stack, side by side. Much of a run is waiting (a builder
# starting, a registry, a fault's bound), and the stacks share nothing a test changes: each
# runner-stack run creates and removes its own builder, and an engine-stack test that needs an
# empty builder starts an engine of its own (__tests__/support/own-engine.ts). Lines are
# prefixed with the stack, each test with its time (--verbose); the step fails when either process does.
e2e() {
  local stack=$1
  shift
  E2E_REQUIRE_STACK=1 E2E_STACK=$stack npm test --silent -- --ci --forceExit --verbose "$@" 2>&1 | sed -u "s/^/[$stack] /"
}
# Each process runs two files at a time (jest's workers), four in all on two cores: much of a file
# is waiting (a builder starting, a fault's bound), and the other files fill it. The runner
# stack's files share nothing (each run has a builder of its own), nor do the engine's (none
# empties the machine's engine). At `d19dd9a`, one file at a time in
# each process took 13 min 13 s; two at a time, 12 min 02 s, the machine 94 % busy.
pids=()
for stack in $stacks; do
  case $stack in
    engine) e2e engine --maxWorkers=2 __tests__/e2e & ;;
    # shellcheck disable=SC2046 # one argument per file
    runner) e2e runner --maxWorkers=2 $(grep -l 'onEveryStack(' __tests__/e2e/*.test.ts) & ;;
  esac
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" = 0 ]
left=$(comm -13 <(echo "$before") <(images))
if [ -n "$left" ]; then
  echo "The end-to-end files left $(echo "$left" | wc -l) image(s) on the engine:" >&2
  echo "$left" >&2
  exit 1
fi
# An engine of a test's own (__tests__/support/own-engine.ts) goes with its bridge when the test ends.
bridges=$(ip -o link show type bridge | awk -F': ' '$2 ~ /^e2e/ {print $2}')
if [ -n "$bridges" ]; then
  echo "The end-to-end files left engines of their own running, on bridges: $bridges" >&2
  exit 1
fi
