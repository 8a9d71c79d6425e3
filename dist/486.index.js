export const id = 486;
export const ids = [486];
export const modules = {

/***/ 5377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zy: () => (/* binding */ parseArgs),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   l1: () => (/* binding */ OWN_FLAGS),
/* harmony export */   me: () => (/* binding */ rawInputs),
/* harmony export */   rx: () => (/* binding */ inFlags)
/* harmony export */ });
/* unused harmony export COMMANDS */
/* harmony import */ var _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8207);
// The command line's flags are the action's inputs (`--platforms`, `--max-size`, ...): their
// names and defaults come from the one table the action reads, so each input has a flag and
// each flag an input. Pure.

const COMMANDS = ['build', 'inspect', 'compare', 'history'];
/** Flags of the command line itself, not inputs. */
const OWN_FLAGS = ['json', 'dry-run', 'help'];
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
const isInput = (name) => name in _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_DEFAULTS */ .WJ;
/** Inputs that are true or false: `--push` alone means true. */
const isSwitch = (name) => _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_DEFAULTS */ .WJ[name] === 'true' || _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_DEFAULTS */ .WJ[name] === 'false';
function nearest(name) {
    const names = [...Object.keys(_core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_DEFAULTS */ .WJ), ...OWN_FLAGS];
    const close = names.filter(n => n.includes(name) || name.includes(n) || n.split('-')[0] === name.split('-')[0]);
    return close.length
        ? ` (did you mean ${close
            .slice(0, 3)
            .map(n => `--${n}`)
            .join(', ')}?)`
        : '';
}
function parseArgs(argv) {
    const inv = { positional: [], inputs: {}, json: false, dryRun: false, help: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '-h' || arg === '--help') {
            inv.help = true;
            continue;
        }
        if (!arg.startsWith('--')) {
            if (!inv.command) {
                if (!COMMANDS.includes(arg))
                    throw new UsageError(`'${arg}' is not a command; use one of ${COMMANDS.join(', ')}`);
                inv.command = arg;
            }
            else
                inv.positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        const inline = eq < 0 ? undefined : arg.slice(eq + 1);
        if (name === 'json' || name === 'dry-run') {
            inv[name === 'json' ? 'json' : 'dryRun'] = inline === undefined || inline === 'true';
            continue;
        }
        if (!isInput(name))
            throw new UsageError(`--${name} is not a flag${nearest(name)}; \`ci-base-action --help\` lists them`);
        let value = inline;
        if (value === undefined) {
            const next = argv[i + 1];
            if (isSwitch(name) && (next === undefined || next.startsWith('--') || !['true', 'false'].includes(next)))
                value = 'true';
            else if (next === undefined)
                throw new UsageError(`--${name} needs a value`);
            else
                value = argv[++i];
        }
        // Repeated flags add lines, as the action's newline-list inputs take them.
        inv.inputs[name] = inv.inputs[name] === undefined ? value : `${inv.inputs[name]}\n${value}`;
    }
    return inv;
}
/** The raw inputs of a command line: its flags over the action's defaults. */
function rawInputs(given) {
    const raw = { ..._core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_DEFAULTS */ .WJ };
    for (const [name, value] of Object.entries(given))
        raw[name] = value;
    return raw;
}
/** The action's message, spoken in flags: `Input 'platforms'` becomes `--platforms`. */
const inFlags = (message) => message.replace(/Inputs? '([a-z-]+)'/g, '--$1').replace(/ and '([a-z-]+)'/g, ' and --$1');


/***/ }),

/***/ 486:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8207);
/* harmony import */ var _pipeline_host_optional_reads_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3393);
/* harmony import */ var _pipeline_registry_image_sources_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8942);
/* harmony import */ var _core_registry_image_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(594);
/* harmony import */ var _core_registry_reference_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7882);
/* harmony import */ var _core_report_compare_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(969);
/* harmony import */ var _core_report_budget_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6133);
/* harmony import */ var _core_report_report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4702);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(4296);
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5377);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1028);
/* harmony import */ var _core_builder_fingerprint_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9691);
/* harmony import */ var _pipeline_registry_history_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(952);
// ci-base-action from a terminal: `build` runs the action's whole pipeline here, `inspect` and
// `compare` read images from their registry without pulling. Exit codes: 0 ok, 1 the work
// failed (a build, a budget, a verify check), 2 the command line is wrong.
















// stdout is for results (a table, --json). Libraries the pipeline uses (the runner's toolkit)
// print workflow commands to stdout: those go to stderr, and their debug lines nowhere.
const stdoutWrite = process.stdout.write.bind(process.stdout);
const out = (text) => stdoutWrite(`${text}\n`);
process.stdout.write = (chunk, ...rest) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const kept = text
        .split('\n')
        .filter(line => !line.startsWith('::debug::'))
        .join('\n');
    return kept ? process.stderr.write(kept, ...rest) : true;
};
const colors = (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(process.stdout, process.env);
const errColors = (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(process.stderr, process.env);
/** Help from action.yml's own descriptions (read only when asked: start-up stays small). */
async function help() {
    const lines = [
        'Usage: ci-base-action build [--input value ...] [--json] [--dry-run]',
        '       ci-base-action inspect IMAGE [--json]',
        '       ci-base-action compare IMAGE BASELINE [--max-size S] [--max-layers N] [--max-growth G] [--json]',
        '       ci-base-action history IMAGE [--history N] [--json]',
        '',
        'Exit codes: 0 ok, 1 failed (build, budget, verify), 2 usage.',
        '',
        "Flags (the action's inputs; a true/false flag alone means true, a repeated flag adds a line):"
    ];
    let docs = {};
    try {
        const yaml = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
        // The package is CommonJS and ESM at once: the bundle may hand it over as a default export.
        const parse = yaml.parse ?? yaml.default.parse;
        // The bundle's chunk sits one level below action.yml (dist/), src/cli/index.ts two.
        const here = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
        const actionYml = [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', 'action.yml'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', '..', 'action.yml')].find(path => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path)) ?? '';
        docs = parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(actionYml, 'utf8')).inputs ?? {};
    }
    catch {
        // Installed without action.yml next to it: names and defaults still help.
    }
    for (const name of Object.keys(_core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT_DEFAULTS */ .WJ)) {
        const def = _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT_DEFAULTS */ .WJ[name];
        lines.push(`  --${name}${def ? ` (default ${def})` : ''}`, ...(docs[name]?.description ? [`      ${docs[name].description.replace(/\s+/g, ' ').trim()}`] : []));
    }
    lines.push(..._flags_js__WEBPACK_IMPORTED_MODULE_9__/* .OWN_FLAGS */ .l1.map(f => `  --${f}`));
    return lines.join('\n');
}
function imageRef(ref, what) {
    if (!(0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_13__/* .isImageRef */ .rK)(ref))
        throw new _flags_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb(`${what} '${ref}' is not an image reference; use e.g. ghcr.io/phialo/ci-base:latest`);
    return ref;
}
/** Docker's own credentials answer for the registry, as `docker pull` would use them. */
const readRegistryImage = (ref) => (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_6__/* .readImage */ .AM)((0,_pipeline_registry_image_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .registrySource */ .Bf)((0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .terminalRuntime */ .j6)(errColors).rt.docker, (0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_13__/* .repositoryOf */ ._M)(ref), process.env), ref);
function reportOf(parts) {
    return (0,_core_report_report_js__WEBPACK_IMPORTED_MODULE_8__/* .makeReport */ .dO)({
        imageid: '',
        tags: [],
        pushed: true,
        budgets: {},
        buildTime: 0,
        cacheHitRate: 0,
        steps: { steps: 0, cached: 0 },
        stages: [],
        ...parts
    });
}
async function inspect(inv) {
    if (inv.positional.length !== 1)
        throw new _flags_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb('inspect takes one IMAGE, e.g. ci-base-action inspect ghcr.io/phialo/ci-base:latest');
    const [ref] = inv.positional;
    const image = await readRegistryImage(imageRef(ref, 'IMAGE'));
    const report = reportOf({ digest: image.digest, platforms: (0,_core_report_compare_js__WEBPACK_IMPORTED_MODULE_14__/* .compare */ .UD)(image.platforms), baseline: { ref: '', status: 'none' } });
    // What the image was built from, as the build recorded it on the index.
    const fingerprint = (0,_core_builder_fingerprint_js__WEBPACK_IMPORTED_MODULE_11__/* .parseFingerprint */ .sr)(image.annotations);
    if (inv.json)
        out(JSON.stringify({ ...report, ...(fingerprint ? { fingerprint } : {}) }));
    else
        out([(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .renderReport */ .B1)(report, colors), ...(fingerprint ? ['', (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .renderFingerprint */ .xt)(fingerprint)] : [])].join('\n'));
    return 0;
}
async function compareImages(inv) {
    if (inv.positional.length !== 2)
        throw new _flags_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb('compare takes IMAGE and BASELINE, e.g. ci-base-action compare ghcr.io/p/ci-base:pr-7 ghcr.io/p/ci-base:latest');
    const [ref, baselineRef] = inv.positional;
    const stray = Object.keys(inv.inputs).filter(n => !['max-size', 'max-layers', 'max-growth'].includes(n));
    if (stray.length)
        throw new _flags_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb(`compare takes --max-size, --max-layers and --max-growth, not ${stray.map(n => `--${n}`).join(', ')}`);
    // Budgets are parsed as the action parses them: the same forms, the same messages.
    const { budgets } = (0,_core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseInputs */ .TL)((0,_flags_js__WEBPACK_IMPORTED_MODULE_9__/* .rawInputs */ .me)(inv.inputs));
    imageRef(ref, 'IMAGE');
    imageRef(baselineRef, 'BASELINE');
    const [image, base] = await Promise.all([
        readRegistryImage(ref),
        (0,_pipeline_registry_image_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .readBaseline */ .mF)((0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .terminalRuntime */ .j6)(errColors).rt.docker, baselineRef, [], process.env, new _pipeline_host_optional_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .OptionalReads */ .Ot(_pipeline_host_optional_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .OPTIONAL_READS_BUDGET_MS */ .oc, () => undefined))
    ]);
    if (base.status === 'unavailable')
        throw new Error(`BASELINE ${baselineRef} could not be read: ${base.reason}`);
    const platforms = (0,_core_report_compare_js__WEBPACK_IMPORTED_MODULE_14__/* .compare */ .UD)(image.platforms, base.image);
    const breaches = (0,_core_report_budget_js__WEBPACK_IMPORTED_MODULE_7__/* .checkBudgets */ .N)(platforms, budgets);
    const report = reportOf({
        digest: image.digest,
        platforms,
        baseline: { ref: base.ref, status: base.status, reason: base.reason },
        budgets,
        breaches
    });
    out(inv.json ? JSON.stringify(report) : (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .renderReport */ .B1)(report, colors));
    if (breaches.length) {
        process.stderr.write(`${errColors.bad(`Over budget: ${breaches.map(b => b.message).join('; ')}`)}\n`);
        return 1;
    }
    return 0;
}
/** The builds recorded on IMAGE's index and the chain behind it: the trend a report shows, from a terminal. */
async function history(inv) {
    if (inv.positional.length !== 1)
        throw new _flags_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb('history takes one IMAGE, e.g. ci-base-action history ghcr.io/phialo/ci-base:latest [--history 24]');
    const stray = Object.keys(inv.inputs).filter(n => n !== 'history');
    if (stray.length)
        throw new _flags_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb(`history takes --history (how many builds), not ${stray.map(n => `--${n}`).join(', ')}`);
    const ref = imageRef(inv.positional[0], 'IMAGE');
    const { history: count, registryTimeoutMs } = (0,_core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseInputs */ .TL)((0,_flags_js__WEBPACK_IMPORTED_MODULE_9__/* .rawInputs */ .me)(inv.inputs));
    const reads = new _pipeline_host_optional_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .OptionalReads */ .Ot((0,_pipeline_host_optional_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalReadsBudgetMs */ .JZ)(registryTimeoutMs), message => process.stderr.write(`${errColors.bad(message)}\n`));
    const found = await (0,_pipeline_registry_history_js__WEBPACK_IMPORTED_MODULE_12__/* .readHistory */ .Lu)(ref, Math.max(count, 1), process.env, reads);
    if (!found.records.length)
        throw new Error(`${ref} has no recorded builds: it is not in the registry, or was not pushed by this action with history on`);
    if (inv.json) {
        out(JSON.stringify({ image: ref, records: found.records, ...(found.note ? { note: found.note } : {}) }));
        return 0;
    }
    out((0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .renderHistory */ .zs)(found, colors));
    return 0;
}
async function run(argv) {
    try {
        const inv = (0,_flags_js__WEBPACK_IMPORTED_MODULE_9__/* .parseArgs */ .Zy)(argv);
        if (inv.help || !inv.command) {
            out(await help());
            return inv.command || inv.help ? 0 : 2;
        }
        const build = async (i) => (await Promise.all(/* import() */[__webpack_require__.e(469), __webpack_require__.e(624)]).then(__webpack_require__.bind(__webpack_require__, 624))).build(i, out, colors, errColors);
        const commands = { build, inspect, compare: compareImages, history };
        return await commands[inv.command](inv);
    }
    catch (e) {
        const usage = e instanceof _flags_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb || e instanceof _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz;
        process.stderr.write(`${errColors.bad(`error: ${(0,_flags_js__WEBPACK_IMPORTED_MODULE_9__/* .inFlags */ .rx)((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_15__/* .errorMessage */ .g)(e))}`)}\n`);
        return usage ? 2 : 1;
    }
}
process.exitCode = await run(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ renderReport),
/* harmony export */   j6: () => (/* binding */ terminalRuntime),
/* harmony export */   nI: () => (/* binding */ paint),
/* harmony export */   xt: () => (/* binding */ renderFingerprint),
/* harmony export */   zs: () => (/* binding */ renderHistory)
/* harmony export */ });
/* harmony import */ var _pipeline_host_docker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2897);
/* harmony import */ var _core_report_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4702);
/* harmony import */ var _core_report_size_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(329);
/* harmony import */ var _core_builder_verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3626);
/* harmony import */ var _core_registry_history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8615);
// The pipeline's host on a terminal: stages as progress lines with their times, warnings and
// the report for people, colour only on a TTY and never with NO_COLOR. Progress goes to stderr,
// the result to stdout, so `--json` pipes cleanly.





function paint(stream, env) {
    const on = !!stream.isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
    const sgr = (code) => (text) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
    return { ok: sgr(32), bad: sgr(31), dim: sgr(2), bold: sgr(1) };
}
/** A Runtime that prints to stderr; outputs and post state stay in memory for the caller. */
function terminalRuntime(colors, write = line => process.stderr.write(`${line}\n`)) {
    const secrets = [];
    const masked = (text) => secrets.reduce((t, s) => t.split(s).join('***'), text);
    const host = { outputs: {}, state: {}, rt: undefined };
    host.rt = {
        env: process.env,
        docker: (0,_pipeline_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .dockerTo */ .Ej)(process.stderr),
        info: message => write(masked(message)),
        warning: (message, where) => write(colors.bad(`warning: ${where ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}${masked(message)}`)),
        group: async (name, fn) => {
            const started = Date.now();
            write(colors.bold(`▸ ${name}`));
            try {
                const result = await fn();
                write(colors.dim(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`));
                return result;
            }
            catch (e) {
                write(colors.bad(`  ${name}: failed after ${((Date.now() - started) / 1000).toFixed(1)} s`));
                throw e;
            }
        },
        setSecret: value => secrets.push(value),
        setOutput: (name, value) => (host.outputs[name] = value),
        remember: addition => Object.assign(host.state, addition),
        postState: () => host.state,
        writeSummary: () => Promise.resolve(),
        now: () => new Date()
    };
    return host;
}
const signedBytes = (n) => (n > 0 ? `+${(0,_core_report_size_js__WEBPACK_IMPORTED_MODULE_2__/* .humanSize */ .Xe)(n)}` : n === 0 ? '0 B' : `-${(0,_core_report_size_js__WEBPACK_IMPORTED_MODULE_2__/* .humanSize */ .Xe)(-n)}`);
function table(rows) {
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].replace(/\x1b\[\d+m/g, '').length)));
    return rows.map(r => r
        .map((cell, c) => cell + ' '.repeat(widths[c] - cell.replace(/\x1b\[\d+m/g, '').length))
        .join('  ')
        .trimEnd());
}
/** The report as the job summary tells it, for a terminal. */
function renderReport(report, colors) {
    const budgets = report.budgets.maxSize || report.budgets.maxLayers || report.budgets.maxGrowth;
    const rows = [['platform', 'size', 'Δ size', 'layers', 'Δ layers', ...(budgets ? ['budget'] : [])]];
    for (const p of report.platforms) {
        const broken = report.breaches.filter(b => b.platform === p.platform).map(b => b.budget);
        rows.push([
            p.platform,
            (0,_core_report_size_js__WEBPACK_IMPORTED_MODULE_2__/* .humanSize */ .Xe)(p.size),
            p.sizeDelta === undefined ? 'new' : `${signedBytes(p.sizeDelta)} (${(0,_core_report_size_js__WEBPACK_IMPORTED_MODULE_2__/* .signedPercent */ .wu)(p.sizePercent ?? 0)})`,
            String(p.layers),
            p.layerDelta === undefined ? 'new' : p.layerDelta > 0 ? `+${p.layerDelta}` : String(p.layerDelta),
            ...(budgets ? [broken.length ? colors.bad(`over: ${broken.join(', ')}`) : colors.ok('ok')] : [])
        ]);
    }
    const lines = [colors.bold(table(rows)[0]), ...table(rows).slice(1), ''];
    const b = report.baseline;
    if (b.status === 'found')
        lines.push(report.changed === false
            ? colors.ok(`Unchanged since ${b.ref}${b.created ? ` (made ${b.created.slice(0, 10)})` : ''}.`)
            : `Compared with ${b.ref}.`);
    else if (b.status === 'missing')
        lines.push(`No published image at ${b.ref} yet: every platform is new.`);
    else if (b.status === 'unavailable')
        lines.push(colors.bad(`The baseline ${b.ref} could not be read (${b.reason}).`));
    if (report.steps.steps)
        lines.push(`Build ${report.buildTime.toFixed(1)} s, cache hit rate ${report.cacheHitRate}% (${report.steps.cached} of ${report.steps.steps} steps cached)`);
    for (const breach of report.breaches)
        lines.push(colors.bad(breach.message));
    if (report.verify)
        for (const failure of (0,_core_builder_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyFailures */ .$)(report.verify))
            lines.push(colors.bad(failure));
    const first = report.platforms[0];
    if (first?.breakdown.length)
        lines.push('', colors.bold(`Largest layers (${first.platform})`), ...(0,_core_report_report_js__WEBPACK_IMPORTED_MODULE_1__/* .layerChart */ .Ic)(first)
            .split('\n')
            .filter(l => !l.startsWith('```')));
    if (report.digest)
        lines.push('', `${colors.dim('digest')} ${report.digest}`);
    for (const tag of report.tags)
        lines.push(`${colors.dim('tag')}    ${tag}`);
    return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
/** The recorded builds, oldest first: the trend as text, then one row per build. */
function renderHistory(history, colors) {
    const records = history.records;
    const newest = records[records.length - 1];
    const trend = {
        records: records.slice(0, -1),
        current: newest,
        currentPublished: true,
        currentLabel: newest.built.slice(5, 10)
    };
    const [header, ...rows] = (0,_core_registry_history_js__WEBPACK_IMPORTED_MODULE_3__/* .trendRows */ .Pz)(trend);
    const platform = newest.platforms[0]?.platform ?? '';
    const lines = [colors.bold(`${records.length} builds, ${platform} size`), (0,_core_registry_history_js__WEBPACK_IMPORTED_MODULE_3__/* .trendText */ .td)(trend), '', colors.bold(table([header])[0])];
    lines.push(...table([header, ...rows]).slice(1));
    if (history.note)
        lines.push('', colors.dim(history.note));
    return lines.join('\n');
}
/** What an image was built from: its bases by digest, the context files read, the Dockerfile, and one digest of the rest. */
function renderFingerprint(f) {
    return [
        'Built from:',
        ...Object.entries(f.bases).map(([ref, digest]) => `  base ${ref} ${digest}`),
        `  context ${f.context.digest} (${f.context.files} file${f.context.files === 1 ? '' : 's'} read)`,
        `  Dockerfile ${f.dockerfile}`,
        ...Object.entries(f.args).map(([name, value]) => `  build arg ${name}=${value}`),
        `  the rest (${Object.keys(f.parts).join(', ')}) ${f.rest}`
    ].join('\n');
}


/***/ })

};
