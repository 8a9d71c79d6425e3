export const id = 218;
export const ids = [218];
export const modules = {

/***/ 218:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8207);
/* harmony import */ var _pipeline_host_docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2897);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9219);
// The action's entry point for both steps, and the one module that knows its host: the
// runner, spoken to through @actions/core (inputs, outputs, state, summary, masks, annotations,
// groups), the library GitHub keeps in step with the runner's protocol. Post is the step that
// finds main's post state.





/** The runner fills in action.yml's defaults; outside it, an unset input takes the same default. */
function readInputs() {
    const raw = {};
    for (const name of Object.keys(_core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_DEFAULTS */ .WJ)) {
        const envName = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
        raw[name] = process.env[envName] === undefined ? _core_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_DEFAULTS */ .WJ[name] : _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    }
    return raw;
}
function actionRuntime(postState) {
    const recorder = new _pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .PostStateRecorder */ .uz(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ);
    return {
        env: process.env,
        docker: _pipeline_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .docker */ .T3,
        info: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq,
        warning: (message, where) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, where && { file: where.file, startLine: where.line, endLine: where.endLine, title: where.title }),
        group: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os,
        setSecret: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq,
        setOutput: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH,
        remember: addition => recorder.remember(addition),
        postState: () => postState,
        // The summary file is the runner's; run by hand (no GITHUB_STEP_SUMMARY) there is none to write.
        writeSummary: async (markdown) => {
            if (process.env.GITHUB_STEP_SUMMARY)
                await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown).write();
        },
        now: () => new Date()
    };
}
async function run() {
    let postState;
    try {
        postState = (0,_pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePostState */ .lj)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_pipeline_host_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .POST_STATE_KEY */ .lQ));
    }
    catch (e) {
        // A post step whose state cannot be read cleans up nothing, and says so.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e));
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
            await (await Promise.all(/* import() */[__webpack_require__.e(469), __webpack_require__.e(816)]).then(__webpack_require__.bind(__webpack_require__, 5469))).main(runtime, readInputs());
    }
    catch (e) {
        // post never fails the job; main fails with the reason.
        if (isPost)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e));
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e));
    }
}
await run();
// The step ends when its own work is done: a GitHub cache call given up on (cache-timeout) may
// still be retrying inside @actions/cache, which cannot be stopped, and would hold the step
// until its retries run out. stdout is written synchronously on Linux, so nothing said is lost.
process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

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
    verifyImage: 'string',
    verifyPulled: 'string[]'
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
