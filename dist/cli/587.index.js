export const id = 587;
export const ids = [587];
export const modules = {

/***/ 587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dryRun: () => (/* binding */ dryRun),
/* harmony export */   shellQuote: () => (/* binding */ shellQuote)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9114);
/* harmony import */ var _core_github_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5338);
/* harmony import */ var _core_tags_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2558);
/* harmony import */ var _core_cache_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6925);
/* harmony import */ var _core_dockerfile_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1709);
/* harmony import */ var _core_build_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2343);
/* harmony import */ var _core_args_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1038);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5378);
/* harmony import */ var _core_registry_auth_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9495);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7027);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8564);
/* harmony import */ var _source_date_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9533);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7395);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_9___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_9__);
// What `build` would run, decided the way the action decides it (the same functions), printed
// instead of run. Only questions are asked: the engine's facts for the driver, git for the
// commit's time, the registry's tags for a release; nothing is installed, created or pushed.















async function dryRun(rt, raw) {
    const inputs = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__.parseInputs)(raw, rt.env);
    const ctx = (0,_core_github_context_js__WEBPACK_IMPORTED_MODULE_2__/* .runContext */ .p)(rt.env);
    const created = await (0,_source_date_js__WEBPACK_IMPORTED_MODULE_7__/* .sourceDate */ .e)(rt, inputs, ctx);
    const tags = (0,_core_tags_js__WEBPACK_IMPORTED_MODULE_10__/* .imageTags */ .rK)(inputs, ctx, rt.now(), await (0,_release_js__WEBPACK_IMPORTED_MODULE_8__/* .releaseOf */ .l)(rt, inputs, (0,_core_tags_js__WEBPACK_IMPORTED_MODULE_10__/* .releaseVersion */ .SF)(inputs, ctx)));
    const cache = (0,_core_cache_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planCache */ ._s)(inputs, tags, ctx, rt.env);
    const commands = [];
    const notes = [];
    const logins = (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_11__/* .loginsOf */ .Q)(inputs, _core_reference_js__WEBPACK_IMPORTED_MODULE_12__/* .registryOf */ .Fv);
    for (const login of logins)
        commands.push(['docker', ...(0,_core_args_js__WEBPACK_IMPORTED_MODULE_13__/* .loginArgs */ .be)(login.registry, login.username)]);
    if (logins.length)
        notes.push('each password goes to `docker login` on stdin');
    const names = (0,_core_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .runNames */ .o)(ctx, process.pid);
    const work = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(ctx.temp, 'ci-base-action-XXXXXX');
    const dockerfile = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_9__.readFile)(inputs.file, 'utf8').catch(() => '');
    const driver = inputs.builder ? await (0,_buildx_js__WEBPACK_IMPORTED_MODULE_6__/* .existingBuilderDriver */ .NU)(rt.docker, inputs.builder) : (0,_buildx_js__WEBPACK_IMPORTED_MODULE_6__/* .chooseDriver */ .kW)(inputs, await (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_5__/* .engineFacts */ .Ig)(rt.docker, rt.env), cache.to);
    let builder = inputs.builder;
    if (!builder && driver !== 'docker') {
        const { spec, config, files, appends } = (0,_buildx_js__WEBPACK_IMPORTED_MODULE_6__/* .builderSpec */ .xh)(inputs, driver, names.builder, work, [...tags, ...cache.registryRefs, ...(0,_core_dockerfile_js__WEBPACK_IMPORTED_MODULE_14__/* .baseImages */ .i)(dockerfile, inputs.buildArgs)]);
        commands.push(['docker', ...(0,_core_args_js__WEBPACK_IMPORTED_MODULE_13__/* .createBuilderArgs */ .R2)(spec)], ...appends.map(a => ['docker', ...a]));
        if (config)
            notes.push(`${spec.configFile} holds:\n${config.trimEnd()}`);
        for (const path of Object.keys(files))
            notes.push(`${path} holds the PEM from its input (mode 0600)`);
        builder = names.builder;
    }
    const wantsVerify = inputs.verify.length > 0 || inputs.requireNonRoot;
    const plan = (0,_core_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .makeBuildPlan */ .e)({
        inputs, ctx, tags, cache, builder, driver, work, dockerfile, sourceDateEpoch: created.epoch, verifyName: wantsVerify && !inputs.push ? `${names.verifyKey}:built` : '',
        repositories: inputs.mode === 'platform' ? [inputs.image] : (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_12__/* .repositoriesOf */ .Ub)(tags)
    });
    commands.push(['docker', ...(0,_core_args_js__WEBPACK_IMPORTED_MODULE_13__/* .buildArgs */ .CH)(plan)]);
    if (inputs.push && !plan.pushTo.length)
        notes.push('the docker driver cannot push by digest: the action pushes the OCI layout itself, then points the tags at its digest');
    if (plan.pushTo.length)
        notes.push(`then every tag is pointed at the pushed digest: ${tags.join(', ')}`);
    if (plan.loadTags.length)
        commands.push(['docker', ...(0,_core_args_js__WEBPACK_IMPORTED_MODULE_13__/* .buildArgs */ .CH)({ ...plan, loadOnly: true })]);
    return { commands, notes };
}
/** One argument as a POSIX shell reads it: bare when safe, else in single quotes. */
function shellQuote(arg) {
    return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}


/***/ })

};
