#!/usr/bin/env node
// ci-base-action from a terminal: the one bundle (../index.js), told it runs as the command line.
globalThis.ciBaseActionCli = true
await import('../index.js')
