export const id = 624;
export const ids = [624];
export const modules = {

/***/ 624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  build: () => (/* binding */ build)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/pipeline/main.ts + 28 modules
var main = __webpack_require__(5469);
// EXTERNAL MODULE: ./src/pipeline/post.ts
var post = __webpack_require__(7026);
// EXTERNAL MODULE: ./src/pipeline/host/optional-reads.ts
var optional_reads = __webpack_require__(3393);
// EXTERNAL MODULE: ./src/core/inputs/inputs.ts + 1 modules
var inputs_inputs = __webpack_require__(8207);
// EXTERNAL MODULE: ./src/core/run-plan.ts + 1 modules
var run_plan = __webpack_require__(7877);
// EXTERNAL MODULE: ./src/core/builder/args.ts
var args = __webpack_require__(9170);
// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
// EXTERNAL MODULE: ./src/core/inputs/registry-auth.ts
var registry_auth = __webpack_require__(1729);
// EXTERNAL MODULE: ./src/pipeline/builder/buildx.ts + 1 modules
var buildx = __webpack_require__(9402);
// EXTERNAL MODULE: ./src/pipeline/run-facts.ts + 2 modules
var run_facts = __webpack_require__(199);
// EXTERNAL MODULE: ./src/pipeline/registry/image-sources.ts
var image_sources = __webpack_require__(8942);
// EXTERNAL MODULE: ./src/pipeline/builder/fingerprint.ts + 1 modules
var fingerprint = __webpack_require__(7965);
// EXTERNAL MODULE: ./src/core/builder/fingerprint.ts
var builder_fingerprint = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/pipeline/dry-run.ts
// What `build` would run, printed instead of run: the same facts gathered the same way
// (gatherFacts), the same plan (planRun) main carries out. Only questions are asked: the engine's
// facts for the driver, git for the commit's time, the registry's tags for a release; nothing is
// installed, created or pushed.












async function dryRun(rt, raw) {
    const inputs = (0,inputs_inputs/* parseInputs */.TL)(raw, rt.env);
    const ctx = (0,run_facts/* readRunContext */.$p)(rt.env);
    const reads = new optional_reads/* OptionalReads */.Ot((0,optional_reads/* optionalReadsBudgetMs */.JZ)(inputs.registryTimeoutMs), message => rt.warning(message));
    const facts = await (0,run_facts/* gatherFacts */.pc)(rt, inputs, ctx, reads);
    const plan = (0,run_plan/* planRun */.n)(await (0,run_facts/* planFacts */.pE)(rt, { ...facts, work: (0,external_node_path_.join)(ctx.temp, 'ci-base-action-XXXXXX') }, (0,buildx/* askEngine */.sb)(rt, inputs)));
    const commands = [];
    const notes = [];
    // Whether it would build and why: the fingerprint against the one on the image it would replace.
    const builder = await (0,fingerprint/* builderOf */.zp)(rt, reads, inputs, undefined);
    const [taken, base] = await Promise.all([
        (0,fingerprint/* takeFingerprint */.mP)(rt, reads, inputs, facts.dockerfile, builder, builder_fingerprint/* ACTION_MAJOR_MINOR */.Tm),
        (0,image_sources/* readBaseline */.mF)(rt.docker, inputs.baseline, inputs.platforms, rt.env, reads)
    ]);
    const why = (0,builder_fingerprint/* whyBuild */.T8)(inputs, taken, base);
    const files = 'fingerprint' in taken ? `${taken.fingerprint.context.files} context files read, ` : '';
    notes.push(why.length
        ? `builds because: ${why.join('; ')} (fingerprint: ${files}${taken.ms} ms)`
        : `the same inputs as ${base.ref}: nothing the image is built from has changed (fingerprint: ${files}${taken.ms} ms)`);
    const logins = (0,registry_auth/* loginsOf */.Q)(inputs, reference/* registryOf */.Fv);
    for (const login of logins)
        commands.push(['docker', ...(0,args/* loginArgs */.be)(login.registry, login.username)]);
    if (logins.length)
        notes.push('each password goes to `docker login` on stdin');
    if (plan.create) {
        const { spec, config, files, appends } = plan.create;
        commands.push(['docker', ...(0,args/* createBuilderArgs */.R2)(spec)], ...appends.map(a => ['docker', ...a]));
        if (config)
            notes.push(`${spec.configFile} holds:\n${config.trimEnd()}`);
        for (const path of Object.keys(files))
            notes.push(`${path} holds the PEM from its input (mode 0600)`);
    }
    const build = plan.build;
    if (plan.split) {
        for (const node of plan.split)
            commands.push(['docker', ...(0,args/* buildArgs */.CH)(node.build)]);
        notes.push(`one build per node (${plan.split.map(n => `${n.platforms.join(', ')} on ${n.node}`).join('; ')}), side by side; then the action writes their index`);
    }
    else
        commands.push(['docker', ...(0,args/* buildArgs */.CH)(build)]);
    if (build.frontTo.length)
        notes.push("the docker driver cannot push by digest, and this machine kept no OCI layout: the engine pushes to the action's own registry on 127.0.0.1 (PORT is chosen when it listens), which keeps only what the registry lacks; the action pushes that by digest, then points the tags at it");
    else if (inputs.push && !build.pushTo.length)
        notes.push('the docker driver cannot push by digest: the action pushes the OCI layout itself, then points the tags at its digest');
    if (build.pushTo.length)
        notes.push(`then every tag is pointed at the pushed digest: ${plan.tags.join(', ')}`);
    if (build.loadTags.length)
        commands.push(['docker', ...(0,args/* buildArgs */.CH)({ ...build, loadOnly: true })]);
    if (build.cacheToAfter.length) {
        commands.push(['docker', ...(0,args/* buildArgs */.CH)({ ...build, cacheOnly: true })]);
        notes.push('the registry cache is exported by that last pass only when a step ran or the cache lacks a layer of the image');
    }
    return { commands, notes };
}
/** One argument as a POSIX shell reads it: bare when safe, else in single quotes. */
function shellQuote(arg) {
    return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

// EXTERNAL MODULE: ./src/cli/flags.ts
var flags = __webpack_require__(5377);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/build.ts
// `ci-base-action build`: the action's pipeline on a terminal, main then post. Loaded only for
// a build, as one chunk: inspect and compare never load the pipeline or the runner's toolkit.








/** Where a runner keeps its tool cache and temp files; a terminal gets lasting ones of its own. */
function runnerDirs(env) {
    const cache = (0,external_node_path_.join)(env.XDG_CACHE_HOME ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache'), 'ci-base-action');
    env.RUNNER_TOOL_CACHE ??= (0,external_node_path_.join)(cache, 'tool-cache');
    env.RUNNER_TEMP ??= (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ci-base-action');
    (0,external_node_fs_.mkdirSync)(env.RUNNER_TEMP, { recursive: true });
}
async function build(inv, out, colors, errColors) {
    runnerDirs(process.env);
    const raw = (0,flags/* rawInputs */.me)({ summary: 'false', ...inv.inputs });
    const host = (0,terminal/* terminalRuntime */.j6)(errColors);
    if (inv.dryRun) {
        const plan = await dryRun(host.rt, raw);
        for (const note of plan.notes)
            out(`# ${note.replace(/\n/g, '\n# ')}`);
        for (const command of plan.commands)
            out(command.map(shellQuote).join(' '));
        return 0;
    }
    let failed;
    try {
        await (0,main.main)(host.rt, raw);
    }
    catch (e) {
        failed = e instanceof Error ? e : new Error(String(e));
    }
    // What main set up (a builder, logins) is undone here, as the post step does on a runner.
    await (0,post.post)({ ...host.rt, postState: () => host.state });
    if (host.outputs.report) {
        const report = JSON.parse(host.outputs.report);
        out(inv.json ? host.outputs.report : (0,terminal/* renderReport */.B1)(report, colors));
    }
    if (failed)
        throw failed;
    return 0;
}


/***/ }),

/***/ 7026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _github_local_cache_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9780);
/* harmony import */ var _github_image_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2106);
/* harmony import */ var _core_builder_args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9170);
/* harmony import */ var _host_docker_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2897);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _builder_verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1);
// The post step: save cache, remove the builder main created, log out. Every cleanup is
// its own try; a failure is a warning, never a failed job.






async function post(rt) {
    const state = rt.postState();
    // The builder is removed with the buildx that created it.
    rt = { ...rt, docker: (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .withBuildx */ .xG)(rt.docker, state.buildx) };
    const cleanup = async (what, fn) => {
        try {
            await rt.group(what, fn);
        }
        catch (e) {
            rt.warning(`${what} failed: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(e)}`);
        }
    };
    const local = state.localCache;
    if (local?.noSave)
        rt.info(`Cache not saved: ${local.noSave}`);
    else if (local) {
        await cleanup('Save cache', async () => rt.info((await (0,_github_local_cache_js__WEBPACK_IMPORTED_MODULE_0__/* .saveLocalCache */ .j)(local)) ? `Cache saved as ${local.key}` : 'The build exported no cache; nothing to save'));
    }
    const binfmt = state.binfmtCache;
    if (binfmt)
        await cleanup('Save binfmt image', () => (0,_github_image_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .saveCachedImage */ .P)(rt, binfmt, 'binfmt image'));
    const buildkit = state.buildkitCache;
    if (buildkit)
        await cleanup('Save builder image', () => (0,_github_image_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .saveCachedImage */ .P)(rt, buildkit, 'builder image'));
    const verifyKey = state.verifyKey;
    if (verifyKey)
        await cleanup('Remove verify containers', () => (0,_builder_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .removeVerifyLeftovers */ .u)(rt, verifyKey, [...(state.verifyImage ? [state.verifyImage] : []), ...(state.verifyPulled ?? [])]));
    const builder = state.builder;
    if (builder)
        await cleanup(`Remove builder ${builder}`, () => (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .mustRun */ .Pv)(rt.docker, (0,_core_builder_args_js__WEBPACK_IMPORTED_MODULE_2__/* .removeBuilderArgs */ .tk)(builder), 'Removing the builder'));
    for (const registry of state.logouts ?? [])
        await cleanup(`Log out of ${registry}`, () => (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .mustRun */ .Pv)(rt.docker, (0,_core_builder_args_js__WEBPACK_IMPORTED_MODULE_2__/* .logoutArgs */ .m9)(registry), 'Logging out'));
}


/***/ })

};
