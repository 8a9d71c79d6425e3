#!/usr/bin/env bash
# Sets up the local build stack (root) and node modules, then runs the action's main job:
# the CI base image (stand-in) for two platforms, pushed to localhost:5000, with its report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/stack.sh
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
node scripts/run-local.mjs "$@"
