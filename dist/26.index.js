export const id = 26;
export const ids = [26];
export const modules = {

/***/ 1038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ appendNodeArgs),
/* harmony export */   CH: () => (/* binding */ buildArgs),
/* harmony export */   MF: () => (/* binding */ binfmtArgs),
/* harmony export */   R2: () => (/* binding */ createBuilderArgs),
/* harmony export */   WB: () => (/* binding */ buildEnv),
/* harmony export */   be: () => (/* binding */ loginArgs),
/* harmony export */   ey: () => (/* binding */ inspectConfigArgs),
/* harmony export */   m9: () => (/* binding */ logoutArgs),
/* harmony export */   qr: () => (/* binding */ inspectRawArgs),
/* harmony export */   tk: () => (/* binding */ removeBuilderArgs)
/* harmony export */ });
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
    if (inputs.pull)
        args.push('--pull');
    if (inputs.provenance)
        args.push(`--provenance=${inputs.provenance}`);
    if (inputs.sbom)
        args.push(`--sbom=${inputs.sbom}`);
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
/**
 * The environment buildx builds in. buildx reads the context's git repository (about ten `git`
 * calls) for the provenance attestation's source and revision; with provenance off and no git
 * labels asked for, nothing would use it. A user's own BUILDX_GIT_* setting is left alone.
 */
function buildEnv(inputs, env) {
    const unused = inputs.provenance === 'false' && env.BUILDX_GIT_INFO === undefined && env.BUILDX_GIT_LABELS === undefined;
    return unused ? { BUILDX_GIT_INFO: 'false' } : {};
}
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
    if (b.platforms.length && b.driver === 'kubernetes')
        args.push('--platform', b.platforms.join(','));
    args.push('--bootstrap');
    if (b.endpoint)
        args.push(b.endpoint);
    return args;
}
/** A node for one platform added to a builder: a native machine for it. */
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
    node.endpoint
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

/***/ 9092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xd: () => (/* binding */ saveBinfmtImage),
  yV: () => (/* binding */ setupQemu)
});

// UNUSED EXPORTS: BINFMT_DIR, isRegistered

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/emulation.ts
// QEMU user emulation, decided: which platforms need an emulator, which of them lack one, and
// where the binfmt image is kept between runs. Pure.

/** linux/<arch> names of the machine's own architecture (and what it runs natively). */
function nativePlatforms(arch = process.arch) {
    switch (arch) {
        case 'x64':
            return ['linux/amd64', 'linux/386'];
        case 'arm64':
            return ['linux/arm64', 'linux/arm/v7', 'linux/arm/v6'];
        default:
            return [];
    }
}
/** binfmt_misc entry name for a platform, and tonistiigi/binfmt's name for it. */
function emulatorFor(platform) {
    const arch = platform.split('/')[1];
    const table = {
        amd64: { entry: 'qemu-x86_64', arch: 'amd64' },
        arm64: { entry: 'qemu-aarch64', arch: 'arm64' },
        arm: { entry: 'qemu-arm', arch: 'arm' },
        '386': { entry: 'qemu-i386', arch: '386' },
        riscv64: { entry: 'qemu-riscv64', arch: 'riscv64' },
        ppc64le: { entry: 'qemu-ppc64le', arch: 'ppc64le' },
        s390x: { entry: 'qemu-s390x', arch: 's390x' },
        mips64le: { entry: 'qemu-mips64el', arch: 'mips64le' },
        loong64: { entry: 'qemu-loongarch64', arch: 'loong64' }
    };
    return table[arch];
}
function emulationNeed(platforms, registered, native = nativePlatforms()) {
    const emulated = platforms.filter(p => !native.includes(p));
    const unknown = emulated.filter(p => !emulatorFor(p));
    const missing = emulated.filter(p => {
        const e = emulatorFor(p);
        return e && !registered(e.entry);
    });
    return { emulated, missing, unknown };
}
function unavailableMessage(platforms, image, reason) {
    return (`QEMU: cannot emulate ${platforms.join(', ')} on this ${nativePlatforms()[0] ?? process.arch} runner (${reason}). ` +
        `Remedies: let the action register emulators (qemu: auto, needs docker with --privileged and the image ${image}), ` +
        `set qemu-image to an image your runner can pull, build those platforms on native runners, or drop them from 'platforms'.`);
}
function binfmtCacheFor(image, temp) {
    const name = image.replace(/[^A-Za-z0-9._-]+/g, '-');
    return { image, path: (0,external_node_path_.join)(temp, 'ci-base-action-binfmt', `${name}.tar`), key: `ci-base-action-binfmt-${name}` };
}

// EXTERNAL MODULE: ./src/pipeline/github/github-cache.ts
var github_cache = __webpack_require__(2874);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/args.ts
var args = __webpack_require__(1038);
// EXTERNAL MODULE: ./src/pipeline/host/docker.ts
var docker = __webpack_require__(2897);
;// CONCATENATED MODULE: ./src/pipeline/builder/qemu.ts
// QEMU user emulation: which requested platforms need an emulator, which are already
// registered with binfmt_misc, and registering the missing ones.








const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
function isRegistered(entry, dir = BINFMT_DIR) {
    const file = (0,external_node_path_.join)(dir, entry);
    return (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.readFileSync)(file, 'utf8').startsWith('enabled');
}
/**
 * Register the emulators the build needs. Already-registered ones cost nothing; the binfmt
 * image is kept in the GitHub cache so later runs do not pull it again.
 */
async function setupQemu(rt, inputs, temp, dir = BINFMT_DIR) {
    const need = emulationNeed(inputs.platforms, e => isRegistered(e, dir));
    if (need.unknown.length)
        rt.warning(`QEMU: no emulator is known for ${need.unknown.join(', ')}; the build may fail there.`);
    const toInstall = inputs.qemu === 'true' ? need.emulated.filter(p => emulatorFor(p)) : need.missing;
    if (inputs.qemu === 'false' || toInstall.length === 0) {
        if (need.missing.length && inputs.qemu === 'false') {
            rt.warning(unavailableMessage(need.missing, inputs.qemuImage, 'qemu is false and no emulator is registered'));
        }
        else {
            rt.info(need.emulated.length ? `QEMU: emulators already registered for ${need.emulated.join(', ')}` : 'QEMU: every platform is native');
        }
        return;
    }
    const image = inputs.qemuImage;
    const present = (await rt.docker(['image', 'inspect', image], { quiet: true })).code === 0;
    const cache = binfmtCacheFor(image, temp);
    if (!present && !(await loadCachedImage(rt, cache)))
        rt.remember({ binfmtCache: cache });
    const arches = [...new Set(toInstall.map(p => emulatorFor(p).arch))];
    const result = await rt.docker((0,args/* binfmtArgs */.MF)(image, arches));
    const still = emulationNeed(inputs.platforms, e => isRegistered(e, dir)).missing;
    if (result.code !== 0 || still.length) {
        const said = result.stderr.split('\n').filter(l => l.trim() && !/^(Run 'docker|Unable to find image)/.test(l));
        const reason = result.code !== 0 ? `${image} exited ${result.code}: ${said.pop() ?? 'no output'}` : 'the emulators are still not registered';
        throw new Error(unavailableMessage(still.length ? still : toInstall, image, reason));
    }
    rt.info(`QEMU: registered emulators for ${toInstall.join(', ')}`);
}
async function loadCachedImage(rt, cache) {
    try {
        if (!(await (0,github_cache/* restorePaths */.B)([cache.path], cache.key)))
            return false;
        await (0,docker/* mustRun */.Pv)(rt.docker, ['load', '--input', cache.path], 'Loading the cached binfmt image', { quiet: true });
        return true;
    }
    catch (e) {
        rt.warning(`QEMU: could not restore the binfmt image from cache: ${(0,errors/* errorMessage */.g)(e)}`);
        return false;
    }
}
/** Post: keep the pulled binfmt image for the next run. */
async function saveBinfmtImage(rt, cache) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(cache.path), { recursive: true });
    await (0,docker/* mustRun */.Pv)(rt.docker, ['save', '--output', cache.path, cache.image], 'Saving the binfmt image', { quiet: true });
    await (0,github_cache/* savePaths */.Y)([cache.path], cache.key);
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
async function verifyImage(rt, inputs, targets, pulled, key) {
    const results = [];
    const users = [];
    let n = 0;
    for (const target of targets) {
        if (pulled)
            await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['pull', '--quiet', '--platform', target.platform, target.ref], `Pulling ${target.ref} to verify it`, {
                quiet: true
            });
        if (inputs.requireNonRoot) {
            const named = target.user && !/^\d+(:\d*)?$/.test(target.user) && target.user.split(':')[0] !== 'root';
            const check = (0,_core_verify_js__WEBPACK_IMPORTED_MODULE_1__/* .userCheck */ .w4)(target.platform, target.user, named ? await passwdOf(rt, target) : undefined);
            users.push(check);
            rt.info(`${target.platform}: user '${target.user || '(unset: root)'}'${check.uid === undefined ? '' : `, uid ${check.uid}`}: ${check.passed ? 'not root' : 'FAILED'}`);
        }
        for (const { line, argv } of inputs.verify) {
            const result = await runCommand(rt, target, argv, line, `${key}-${++n}`, key, inputs.verifyTimeoutMs);
            results.push(result);
            const how = result.timedOut ? `stopped after ${result.seconds.toFixed(0)} s` : `exit ${result.exitCode}`;
            rt.info(`${target.platform}: ${line}: ${result.passed ? 'ok' : 'FAILED'} (${how}, ${result.seconds.toFixed(1)} s)${result.output ? `\n${result.output}` : ''}`);
        }
    }
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
/* harmony export */   B: () => (/* binding */ restorePaths),
/* harmony export */   Y: () => (/* binding */ savePaths)
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



const restoreLocalCache = (local) => (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .restorePaths */ .B)([local.dir], local.key, local.restoreKeys);
/** Swap in what this build exported, then save it under the run's key. */
async function saveLocalCache(local) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(local.nextDir))
        return false;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(local.dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(local.nextDir, local.dir);
    await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .savePaths */ .Y)([local.dir], local.key);
    return true;
}


/***/ }),

/***/ 7026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _github_local_cache_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9780);
/* harmony import */ var _builder_qemu_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9092);
/* harmony import */ var _core_args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1038);
/* harmony import */ var _host_docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2897);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _builder_verify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1);
// The post step: save cache, remove the builder main created, log out. Every cleanup is
// its own try; a failure is a warning, never a failed job.






async function post(rt) {
    const state = rt.postState();
    // The builder is removed with the buildx that created it.
    rt = { ...rt, docker: (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .withBuildx */ .xG)(rt.docker, state.buildx) };
    const cleanup = async (what, fn) => {
        try {
            await rt.group(what, fn);
        }
        catch (e) {
            rt.warning(`${what} failed: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e)}`);
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
        await cleanup('Save binfmt image', () => (0,_builder_qemu_js__WEBPACK_IMPORTED_MODULE_1__/* .saveBinfmtImage */ .Xd)(rt, binfmt));
    const verifyKey = state.verifyKey;
    if (verifyKey)
        await cleanup('Remove verify containers', () => (0,_builder_verify_js__WEBPACK_IMPORTED_MODULE_3__/* .removeVerifyLeftovers */ .u4)(rt, verifyKey, state.verifyImage));
    const builder = state.builder;
    if (builder)
        await cleanup(`Remove builder ${builder}`, () => (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .mustRun */ .Pv)(rt.docker, (0,_core_args_js__WEBPACK_IMPORTED_MODULE_5__/* .removeBuilderArgs */ .tk)(builder), 'Removing the builder'));
    for (const registry of state.logouts ?? [])
        await cleanup(`Log out of ${registry}`, () => (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .mustRun */ .Pv)(rt.docker, (0,_core_args_js__WEBPACK_IMPORTED_MODULE_5__/* .logoutArgs */ .m9)(registry), 'Logging out'));
}


/***/ })

};
