export const id = 218;
export const ids = [218];
export const modules = {

/***/ 218:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6812);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1139);
/* harmony import */ var _pipeline_host_docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2897);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9219);
// The action's entry point for both steps, and the one module that knows its host: the
// runner, through its workflow commands. Post is the step that finds main's post state.





/** The runner fills in action.yml's defaults; outside it, an unset input takes the same default. */
function readInputs() {
    const raw = {};
    for (const name of Object.keys(_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_DEFAULTS */ .WJ)) {
        const envName = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
        raw[name] = process.env[envName] === undefined ? _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_DEFAULTS */ .WJ[name] : _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    }
    return raw;
}
function actionRuntime(postState) {
    const recorder = new _pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .PostStateRecorder */ .uz(_workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ);
    return {
        env: process.env,
        docker: _pipeline_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .docker */ .T3,
        info: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq,
        warning: (message, where) => (where ? _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warningAt */ .MK(message, where) : _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message)),
        group: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os,
        setSecret: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq,
        setOutput: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH,
        remember: addition => recorder.remember(addition),
        postState: () => postState,
        writeSummary: markdown => Promise.resolve(_workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .appendSummary */ .fe(markdown)),
        now: () => new Date()
    };
}
async function run() {
    let postState;
    try {
        postState = (0,_pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePostState */ .lj)(_workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .POST_STATE_KEY */ .lQ));
    }
    catch (e) {
        // A post step whose state cannot be read cleans up nothing, and says so.
        _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e));
        return;
    }
    const isPost = postState !== undefined;
    try {
        const runtime = actionRuntime(postState ?? {});
        // Each step loads only its own code: post (most often nothing to clean) skips main's
        // registry client, TLS and crypto, which cost tens of milliseconds to load.
        if (isPost)
            await (await __webpack_require__.e(/* import() */ 26).then(__webpack_require__.bind(__webpack_require__, 7026))).post(runtime);
        else
            await (await Promise.all(/* import() */[__webpack_require__.e(126), __webpack_require__.e(143)]).then(__webpack_require__.bind(__webpack_require__, 6126))).main(runtime, readInputs());
    }
    catch (e) {
        // post never fails the job; main fails with the reason.
        if (isPost)
            _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e));
        else
            _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e));
    }
}
await run();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   MK: () => (/* binding */ warningAt),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony exports issue, error */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
// The runner's side of a step, spoken directly: workflow commands on stdout (`::warning::`,
// `::group::`, `::add-mask::`) and the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY
// files, as GitHub documents them. @actions/core does the same, but loading it (and the HTTP
// stack it imports for OIDC tokens) cost about 100 ms of every main and every post, more
// than the rest of a no-change rebuild's overhead together.


/** A command's data: the runner reads %, CR and LF as escapes. */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
function issue(command, message = '') {
    process.stdout.write(`::${command}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
const info = (message) => process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
const warning = (message) => issue('warning', message);
/** A warning the runner shows on a file's line: `::warning file=…,line=…,title=…::message`. */
function warningAt(message, where) {
    const props = Object.entries(where)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
    issue(`warning ${props.join(',')}`, message);
}
const error = (message) => issue('error', message);
const setSecret = (secret) => issue('add-mask', secret);
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup');
    }
}
/**
 * `name<<delimiter` blocks, so that any value (several lines included) reads back whole. The
 * delimiter is random (no crypto module needed: a value holding it is refused, not cut short).
 */
function fileCommandBlock(name, value, delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`) {
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`'${name}' holds the delimiter ${delimiter}`);
    return `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`;
}
function fileCommand(variable, command, name, value) {
    const file = process.env[variable];
    if (file)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, fileCommandBlock(name, value), 'utf8');
    else
        process.stdout.write(`${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}::${command} name=${escapeProperty(name)}::${escapeData(value)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
const setOutput = (name, value) => fileCommand('GITHUB_OUTPUT', 'set-output', name, value);
const saveState = (name, value) => fileCommand('GITHUB_STATE', 'save-state', name, value);
const getState = (name) => process.env[`STATE_${name}`] ?? '';
/** An input as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
const getInput = (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
/** Markdown appended to the job summary, when the runner gives it a file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, markdown, 'utf8');
}
/** The step fails with this message. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}


/***/ }),

/***/ 9219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lQ: () => (/* binding */ POST_STATE_KEY),
/* harmony export */   lj: () => (/* binding */ parsePostState),
/* harmony export */   uz: () => (/* binding */ PostStateRecorder)
/* harmony export */ });
const POST_STATE_KEY = 'post-state';
const SHAPE = {
    buildx: 'string',
    builder: 'string',
    localCache: { dir: 'string', nextDir: 'string', key: 'string', restoreKeys: 'string[]' },
    binfmtCache: { image: 'string', path: 'string', key: 'string' },
    buildkitCache: { image: 'string', path: 'string', key: 'string' },
    logouts: 'string[]',
    verifyKey: 'string',
    verifyImage: 'string'
};
function check(value, shape, path) {
    const ok = shape === 'string'
        ? typeof value === 'string'
        : shape === 'string[]'
            ? Array.isArray(value) && value.every(v => typeof v === 'string')
            : typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!ok)
        throw new Error(`post state: ${path} is not a ${typeof shape === 'string' ? shape : 'record'}`);
    if (typeof shape === 'object')
        for (const [field, inner] of Object.entries(shape))
            check(value[field], inner, `${path}.${field}`);
}
/** The record main saved; undefined when main saved none (so this is not the post step). */
function parsePostState(text) {
    if (!text)
        return undefined;
    const value = JSON.parse(text);
    check(value, {}, 'post state');
    for (const [field, shape] of Object.entries(SHAPE))
        if (value[field] !== undefined)
            check(value[field], shape, field);
    return value;
}
/** Holds the record while main runs; every addition is saved at once, so a main that fails midway still leaves post what it needs. */
class PostStateRecorder {
    save;
    state = {};
    constructor(save) {
        this.save = save;
    }
    remember(addition) {
        Object.assign(this.state, addition);
        this.save(POST_STATE_KEY, JSON.stringify(this.state));
    }
}


/***/ })

};
