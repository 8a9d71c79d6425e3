export const id = 368;
export const ids = [368];
export const modules = {

/***/ 1038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ appendNodeArgs),
/* harmony export */   CH: () => (/* binding */ buildArgs),
/* harmony export */   MF: () => (/* binding */ binfmtArgs),
/* harmony export */   R2: () => (/* binding */ createBuilderArgs),
/* harmony export */   WB: () => (/* binding */ buildEnv),
/* harmony export */   ar: () => (/* binding */ checkArgs),
/* harmony export */   be: () => (/* binding */ loginArgs),
/* harmony export */   ey: () => (/* binding */ inspectConfigArgs),
/* harmony export */   iB: () => (/* binding */ helperBuildArgs),
/* harmony export */   m9: () => (/* binding */ logoutArgs),
/* harmony export */   qr: () => (/* binding */ inspectRawArgs),
/* harmony export */   tk: () => (/* binding */ removeBuilderArgs)
/* harmony export */ });
/* unused harmony export gitContextHost */
function buildArgs(plan) {
    const { inputs } = plan;
    const args = ['buildx', 'build'];
    if (plan.builder)
        args.push('--builder', plan.builder);
    args.push('--platform', inputs.platforms.join(','));
    args.push('--file', inputs.file);
    if (inputs.target)
        args.push('--target', inputs.target);
    // Only the local store gets names from the builder; registry tags are set after the push.
    if (plan.loadOnly)
        for (const tag of plan.loadTags)
            args.push('--tag', tag);
    for (const label of plan.labels)
        args.push('--label', label);
    // The local store keeps no annotations (a load would fail on index: ones).
    if (!plan.loadOnly)
        for (const annotation of plan.annotations)
            args.push('--annotation', annotation);
    for (const arg of inputs.buildArgs)
        args.push('--build-arg', arg);
    if (plan.inlineCache)
        args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
    args.push('--build-arg', `SOURCE_DATE_EPOCH=${plan.sourceDateEpoch}`);
    for (const s of inputs.secrets)
        args.push('--secret', `id=${s.id},env=${s.env}`);
    for (const s of inputs.secretFiles)
        args.push('--secret', `id=${s.id},src=${s.path}`);
    for (const s of inputs.ssh)
        args.push('--ssh', s);
    args.push(...gitTokenSecret(inputs));
    if (inputs.network)
        args.push('--network', inputs.network);
    if (inputs.shmSize)
        args.push('--shm-size', inputs.shmSize);
    for (const c of plan.cacheFrom)
        args.push('--cache-from', c);
    for (const c of plan.cacheOnly ? plan.cacheToAfter : plan.cacheTo)
        args.push('--cache-to', c);
    if (inputs.noCache)
        args.push('--no-cache');
    for (const c of inputs.buildContexts)
        args.push('--build-context', c);
    for (const stage of inputs.noCacheFilters)
        args.push('--no-cache-filter', stage);
    for (const host of inputs.addHosts)
        args.push('--add-host', host);
    for (const limit of inputs.ulimits)
        args.push('--ulimit', limit);
    for (const entitlement of inputs.allow)
        args.push('--allow', entitlement);
    if (inputs.pull)
        args.push('--pull');
    // The attestations asked for as referrers are made by the image's own export only.
    const attests = (kind) => inputs.attest.includes(kind) && !plan.loadOnly && !plan.cacheOnly;
    const provenance = attests('provenance') && ['', 'false'].includes(inputs.provenance) ? 'mode=min' : inputs.provenance;
    const sbom = attests('sbom') && ['', 'false'].includes(inputs.sbom) ? 'true' : inputs.sbom;
    if (provenance)
        args.push(`--provenance=${provenance}`);
    if (sbom)
        args.push(`--sbom=${sbom}`);
    // Tags are the action's to set, all at once after the push: the builder gets none. Loading is
    // a pass of its own (BuildKit 0.13 writes an incomplete OCI layout when it also loads).
    if (plan.loadOnly)
        args.push('--load');
    else if (plan.cacheOnly)
        args.push('--output', 'type=cacheonly');
    else if (plan.pushTo.length)
        args.push('--output', imageOutput(plan.pushTo, inputs.rewriteTimestamp));
    else
        args.push('--output', `type=oci,dest=${plan.ociDir},tar=false${rewrite(inputs.rewriteTimestamp)}`);
    args.push('--metadata-file', plan.metadataFile);
    args.push('--progress', 'rawjson');
    args.push(inputs.context);
    return args;
}
/** The Dockerfile's build checks alone (`--call check`), their findings as JSON on stdout: nothing is built. */
function checkArgs(plan) {
    const { inputs } = plan;
    const args = ['buildx', 'build', ...(plan.builder ? ['--builder', plan.builder] : []), '--file', inputs.file];
    if (inputs.target)
        args.push('--target', inputs.target);
    for (const arg of inputs.buildArgs)
        args.push('--build-arg', arg);
    for (const c of inputs.buildContexts)
        args.push('--build-context', c);
    args.push(...gitTokenSecret(inputs));
    args.push('--call', 'check,format=json', inputs.context);
    return args;
}
/** A small build of the action's own (the cache mounts' restore and save) on the run's builder. */
function helperBuildArgs(builder, file, context, output, buildArgs, metadataFile) {
    return [
        'buildx',
        'build',
        ...(builder ? ['--builder', builder] : []),
        '--file',
        file,
        ...buildArgs.flatMap(arg => ['--build-arg', arg]),
        '--provenance=false',
        '--output',
        output,
        ...(metadataFile ? ['--metadata-file', metadataFile] : []),
        '--progress',
        'plain',
        context
    ];
}
/**
 * The environment buildx builds in. buildx reads the context's git repository (about ten `git`
 * calls) for the provenance attestation's source and revision; with provenance off and no git
 * labels asked for, nothing would use it. A user's own BUILDX_GIT_* setting is left alone.
 */
function buildEnv(inputs, env) {
    const unused = inputs.provenance === 'false' &&
        !inputs.attest.includes('provenance') &&
        env.BUILDX_GIT_INFO === undefined &&
        env.BUILDX_GIT_LABELS === undefined;
    // The token reaches BuildKit as a secret read from buildx's environment: never in argv.
    const token = gitTokenSecret(inputs).length ? { [GIT_TOKEN_ENV]: inputs.githubToken } : {};
    return { ...(unused ? { BUILDX_GIT_INFO: 'false' } : {}), ...token };
}
const GIT_TOKEN_ENV = 'CI_BASE_ACTION_GIT_AUTH_TOKEN';
/**
 * The host of a remote git context over HTTPS (https://github.com/owner/repo.git#ref), which
 * BuildKit clones itself; '' for any other context.
 */
function gitContextHost(context) {
    const m = /^https:\/\/([^/\s]+)\/[^#\s]+?(\.git)?(#\S*)?$/.exec(context);
    if (!m)
        return '';
    return m[2] || m[1] === 'github.com' ? m[1] : '';
}
/** build-push-action's git context with a token: BuildKit reads GIT_AUTH_TOKEN.<host> as the clone's credentials. */
const gitTokenSecret = (inputs) => {
    const host = gitContextHost(inputs.context);
    return host && inputs.githubToken ? ['--secret', `id=GIT_AUTH_TOKEN.${host},env=${GIT_TOKEN_ENV}`] : [];
};
// File times in layers clamped to SOURCE_DATE_EPOCH: a layer rebuilt from scratch is
// byte-identical. Only on request: BuildKit then re-reads and re-compresses every layer of the
// image on every export, cached or not (38 s for a 250 MB two-platform image), while a layer
// served from cache is byte-identical anyway.
const rewrite = (on) => (on ? ',rewrite-timestamp=true' : '');
/** buildx's CSV: a value holding commas (several names) is quoted. */
function imageOutput(repositories, rewriteTimestamp) {
    const names = repositories.length > 1 ? `"name=${repositories.join(',')}"` : `name=${repositories[0]}`;
    return `type=image,${names},push-by-digest=true,name-canonical=true,push=true${rewrite(rewriteTimestamp)}`;
}
function createBuilderArgs(b) {
    const args = ['buildx', 'create', '--name', b.name, '--driver', b.driver];
    for (const opt of b.driverOpts)
        args.push('--driver-opt', opt);
    if (b.configFile && b.driver !== 'remote')
        args.push('--config', b.configFile);
    // The first node's own platforms: buildx places a platform on a node whose list names it.
    if (b.platforms.length)
        args.push('--platform', b.platforms.join(','));
    args.push('--bootstrap');
    if (b.endpoint)
        args.push(b.endpoint);
    return args;
}
/** A node for one platform added to a builder: a native machine for it (kubernetes: pods placed by node selector, no endpoint). */
const appendNodeArgs = (builder, driver, node, driverOpts) => [
    'buildx',
    'create',
    '--append',
    '--name',
    builder,
    '--driver',
    driver,
    ...driverOpts.flatMap(o => ['--driver-opt', o]),
    '--platform',
    node.platform,
    '--node',
    `${builder}-${node.platform.replace(/\//g, '-')}`,
    ...(node.endpoint ? [node.endpoint] : [])
];
const removeBuilderArgs = (name) => ['buildx', 'rm', '--force', name];
/** tonistiigi/binfmt's interface: `--install arm64,riscv64`. */
const binfmtArgs = (image, arches) => ['run', '--privileged', '--rm', image, '--install', arches.join(',')];
const loginArgs = (registry, username) => [
    'login',
    '--username',
    username,
    '--password-stdin',
    ...(registry ? [registry] : [])
];
const logoutArgs = (registry) => ['logout', ...(registry ? [registry] : [])];
const inspectRawArgs = (ref) => ['buildx', 'imagetools', 'inspect', '--raw', ref];
const inspectConfigArgs = (ref) => ['buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', ref];


/***/ }),

/***/ 5273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ cachedImageFor),
/* harmony export */   Z: () => (/* binding */ pinnedLocalName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
// Images the action needs on the runner that it keeps in the GitHub cache: the binfmt image that
// registers QEMU, and the BuildKit image of a builder it creates. A runner starts without them,
// and each pull from Docker Hub counts against its anonymous rate limit. Pure.

function cachedImageFor(kind, image, temp) {
    const name = image.replace(/[^A-Za-z0-9._-]+/g, '-');
    return { image, path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(temp, `ci-base-action-${kind}`, `${name}.tar`), key: `ci-base-action-${kind}-${name}` };
}
/**
 * The local name of an image pinned by digest. A digest cannot be a local tag, and an image
 * loaded from a saved archive keeps only its tags, so a pinned image is run under a tag that
 * carries its digest: `moby/buildkit:v0.31.2@sha256:2f5a…` runs as `moby/buildkit:v0.31.2-2f5a…`.
 * It is only ever made from a pull by that digest, or from the archive of one. Unpinned: as it is.
 */
function pinnedLocalName(image) {
    const at = image.indexOf('@sha256:');
    if (at < 0)
        return image;
    const hex = image.slice(at + '@sha256:'.length);
    const named = image.slice(0, at);
    const colon = named.lastIndexOf(':');
    const hasTag = colon > named.lastIndexOf('/');
    return hasTag ? `${named}-${hex}` : `${named}:sha256-${hex}`;
}


/***/ }),

/***/ 1:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZG: () => (/* binding */ verifyImage),
/* harmony export */   u4: () => (/* binding */ removeVerifyLeftovers)
/* harmony export */ });
/* unused harmony export VERIFY_LABEL */
/* harmony import */ var _core_verify_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7190);
/* harmony import */ var _host_docker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2897);


/** The label every verify container carries: post removes whatever main left behind. */
const VERIFY_LABEL = 'ci-base-action.verify';
/** /etc/passwd out of the image without running anything in it (it may have no shell). */
async function passwdOf(rt, target) {
    const created = await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['create', '--platform', target.platform, target.ref], 'Creating a container to read /etc/passwd', { quiet: true });
    const id = created.stdout.trim();
    try {
        const copied = await rt.docker(['cp', `${id}:/etc/passwd`, '-'], { quiet: true });
        return copied.code === 0 ? tarFileText(copied.stdout) : undefined;
    }
    finally {
        await rt.docker(['rm', '--force', id], { quiet: true });
    }
}
/** The one file of a tar stream `docker cp … -` writes: the size is in the header, the text follows. */
function tarFileText(tar) {
    const size = parseInt(tar.slice(124, 136).replace(/\0.*$/, '').trim() || '0', 8);
    return tar.slice(512, 512 + size);
}
async function runCommand(rt, target, argv, line, name, key, timeoutMs) {
    const started = rt.now().getTime();
    let timedOut = false;
    // The client does not stop the container when it is killed: the container is removed instead.
    const timer = setTimeout(() => {
        timedOut = true;
        void rt.docker(['rm', '--force', name], { quiet: true });
    }, timeoutMs);
    try {
        const run = await rt.docker(['run', '--rm', '--name', name, '--label', `${VERIFY_LABEL}=${key}`, '--platform', target.platform, target.ref, ...argv], { quiet: true });
        const seconds = (rt.now().getTime() - started) / 1000;
        const output = (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .lastLines */ .w$)(`${run.stdout}${run.stderr ? `\n${run.stderr}` : ''}`.trim(), 10);
        return {
            platform: target.platform,
            command: line,
            passed: !timedOut && run.code === 0,
            ...(timedOut ? {} : { exitCode: run.code }),
            timedOut,
            seconds,
            output
        };
    }
    finally {
        clearTimeout(timer);
    }
}
/** Verify commands run at once: enough to overlap containers' start-up, few enough for a 2-core runner. */
const PARALLEL_CHECKS = 4;
async function verifyImage(rt, inputs, targets, pulled, key) {
    const users = [];
    // Each platform's image is pulled, and the user checked, first; then the commands run a few
    // at a time (a container's start is mostly the engine's waiting), reported in their order.
    await Promise.all(targets.map(async (target) => {
        if (pulled)
            await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['pull', '--quiet', '--platform', target.platform, target.ref], `Pulling ${target.ref} to verify it`, {
                quiet: true
            });
    }));
    for (const target of targets) {
        if (!inputs.requireNonRoot)
            continue;
        const named = target.user && !/^\d+(:\d*)?$/.test(target.user) && target.user.split(':')[0] !== 'root';
        const check = (0,_core_verify_js__WEBPACK_IMPORTED_MODULE_1__/* .userCheck */ .w4)(target.platform, target.user, named ? await passwdOf(rt, target) : undefined);
        users.push(check);
        rt.info(`${target.platform}: user '${target.user || '(unset: root)'}'${check.uid === undefined ? '' : `, uid ${check.uid}`}: ${check.passed ? 'not root' : 'FAILED'}`);
    }
    const work = targets.flatMap(target => inputs.verify.map(command => ({ target, ...command })));
    const results = new Array(work.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < work.length; i = next++) {
            const { target, argv, line } = work[i];
            const result = await runCommand(rt, target, argv, line, `${key}-${i + 1}`, key, inputs.verifyTimeoutMs);
            results[i] = result;
            const how = result.timedOut ? `stopped after ${result.seconds.toFixed(0)} s` : `exit ${result.exitCode}`;
            rt.info(`${target.platform}: ${line}: ${result.passed ? 'ok' : 'FAILED'} (${how}, ${result.seconds.toFixed(1)} s)${result.output ? `\n${result.output}` : ''}`);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_CHECKS, work.length) }, worker));
    return { results, users };
}
/** Containers of this run's verification that are still there (a cancelled or crashed main). */
async function removeVerifyLeftovers(rt, key, image) {
    const listed = await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['ps', '--all', '--quiet', '--filter', `label=${VERIFY_LABEL}=${key}`], 'Listing verify containers', { quiet: true });
    const ids = listed.stdout
        .split('\n')
        .map(s => s.trim())
        .filter(Boolean);
    if (ids.length)
        await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['rm', '--force', ...ids], 'Removing verify containers', { quiet: true });
    if (image)
        await rt.docker(['image', 'rm', '--force', image], { quiet: true });
    rt.info(`Removed ${ids.length} verify container(s)${image ? ` and ${image}` : ''}`);
}


/***/ }),

/***/ 2874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ restorePaths),
/* harmony export */   Fl: () => (/* binding */ githubCacheAvailable),
/* harmony export */   YV: () => (/* binding */ savePaths)
/* harmony export */ });
// The GitHub Actions cache service, through @actions/cache: the local build cache and the
// binfmt image both travel through it.
// @actions/cache is large; it is loaded only by runs that use the GitHub cache (start-up time).
const actionsCache = () => Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(507), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 1691));
/**
 * @actions/cache reports its own failures on stdout (a 5xx as `::error::`, which shows as an
 * error annotation) and then returns as if the cache had missed. While it runs, its warning and
 * error lines are taken aside; a failure becomes an exception, which the caller turns into the
 * action's one warning, so a fault never looks like a miss nor like a failed step.
 */
async function reportingFaults(call, debugSaid = []) {
    // The stream's own method, put back as it was afterwards (called with the stream as `this`).
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const write = process.stdout.write;
    const said = [];
    process.stdout.write = (chunk, ...rest) => {
        const command = /^::(?:error|warning)(?: [^:]*)?::(.*)/.exec(String(chunk));
        // Debug lines are shown as they are, and kept: some failures are told only there.
        if (String(chunk).startsWith('::debug::'))
            debugSaid.push(String(chunk).slice('::debug::'.length).trim());
        if (!command)
            return write.call(process.stdout, chunk, ...rest);
        said.push(command[1].trim().replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
        return true;
    };
    let result;
    try {
        result = await call();
    }
    finally {
        process.stdout.write = write;
    }
    if (said.length)
        throw new Error(said.join('; '));
    return result;
}
/** Restore paths from the GitHub cache service. Returns the key restored from, or undefined on a miss; throws on a fault. */
async function restorePaths(paths, key, restoreKeys = []) {
    const cache = await actionsCache();
    if (!cache.isFeatureAvailable())
        throw new Error('the GitHub cache service is not available to this run');
    return reportingFaults(() => cache.restoreCache(paths, key, restoreKeys));
}
/** Whether this run has the GitHub cache service (a runner's job does; a terminal does not). */
async function githubCacheAvailable() {
    return (await actionsCache()).isFeatureAvailable();
}
async function savePaths(paths, key) {
    const cache = await actionsCache();
    if (!cache.isFeatureAvailable())
        throw new Error('the GitHub cache service is not available to this run');
    // saveCache reports most failures by returning -1 rather than throwing, and says why (an entry
    // of that key already there, say) only in a debug line.
    const debug = [];
    if ((await reportingFaults(() => cache.saveCache(paths, key), debug)) === -1) {
        const why = debug.find(line => /^Failed to (reserve|save)/i.test(line));
        throw new Error(`the cache service did not store ${key}${why ? ` (${why})` : ''}`);
    }
}


/***/ }),

/***/ 2106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PQ: () => (/* binding */ saveCachedImage),
/* harmony export */   Vo: () => (/* binding */ readyImage)
/* harmony export */ });
/* unused harmony exports hasImage, loadCachedImage */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_image_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5273);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _host_docker_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2897);
/* harmony import */ var _github_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2874);
// An image kept in the GitHub cache: loaded into the engine on a hit, saved by post after a
// pull. Either failing is a warning: the image is pulled as it would have been without it.






/** Whether the engine has the image under this name. */
const hasImage = async (rt, image) => (await rt.docker(['image', 'inspect', image], { quiet: true })).code === 0;
/** Load the image from the GitHub cache; false on a miss, and on a fault after a warning. */
async function loadCachedImage(rt, cache, what) {
    try {
        if (!(await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .restorePaths */ .Bb)([cache.path], cache.key)))
            return false;
        await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .mustRun */ .Pv)(rt.docker, ['load', '--input', cache.path], `Loading the cached ${what}`, { quiet: true });
        return true;
    }
    catch (e) {
        rt.warning(`Could not restore the ${what} ${cache.image} from the GitHub cache; pulling it: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(e)}`);
        return false;
    }
}
/**
 * Make the image ready on the engine, and say the name to run it under: already there, loaded
 * from the GitHub cache, or pulled (then `save` is what post keeps for the next run). A pinned
 * image is pulled here by its digest and tagged with it (see pinnedLocalName); an unpinned one
 * is left to whatever runs it to pull, as before. A pull that fails here is left to that too,
 * so that its own error is the one the run reports.
 */
async function readyImage(rt, kind, image, temp, what) {
    const name = (0,_core_image_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .pinnedLocalName */ .Z)(image);
    if (await hasImage(rt, name))
        return { name };
    // Without the cache service (a terminal) there is nothing to load, and post keeps nothing.
    const cache = (await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .githubCacheAvailable */ .Fl)()) ? (0,_core_image_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .cachedImageFor */ .H)(kind, name, temp) : undefined;
    if (cache && (await loadCachedImage(rt, cache, what)) && (await hasImage(rt, name))) {
        rt.info(`The ${what} ${image} was loaded from the GitHub cache (${cache.key}): nothing pulled`);
        return { name };
    }
    const saved = cache ? { save: cache } : {};
    if (name === image)
        return { name, ...saved };
    const pulled = await rt.docker(['pull', '--quiet', image], { quiet: true });
    if (pulled.code !== 0)
        return { name: image, pullError: (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLines */ .w$)(pulled.stderr, 3) || `docker pull exited ${pulled.code}` };
    await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .mustRun */ .Pv)(rt.docker, ['tag', image, name], `Naming the ${what}`, { quiet: true });
    return { name, ...saved };
}
/** Post: keep an image main pulled for the next run. */
async function saveCachedImage(rt, cache, what) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(cache.path), { recursive: true });
    await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .mustRun */ .Pv)(rt.docker, ['save', '--output', cache.path, cache.image], `Saving the ${what}`, { quiet: true });
    await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .savePaths */ .YV)([cache.path], cache.key);
    rt.info(`The ${what} ${cache.image} is kept in the GitHub cache as ${cache.key}`);
}


/***/ }),

/***/ 9780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ saveLocalCache),
/* harmony export */   k: () => (/* binding */ restoreLocalCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2874);
// The local cache directory's round trip through the GitHub cache: restored before the build,
// rotated and saved in post.



const restoreLocalCache = (local) => (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .restorePaths */ .Bb)([local.dir], local.key, local.restoreKeys);
/** Swap in what this build exported, then save it under the run's key. */
async function saveLocalCache(local) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(local.nextDir))
        return false;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(local.dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(local.nextDir, local.dir);
    await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .savePaths */ .YV)([local.dir], local.key);
    return true;
}


/***/ })

};
