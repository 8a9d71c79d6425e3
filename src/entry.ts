// The one bundle of the action and the command line. The runner starts dist/index.js: the
// action. dist/cli/index.js, a launcher of two lines, marks the process as a terminal's first.
// Each side loads only its own code (a chunk of its own); what they share is bundled once.
const cli = (globalThis as { ciBaseActionCli?: boolean }).ciBaseActionCli === true
await (cli ? import('./cli/index.js') : import('./action/index.js'))
export {}
