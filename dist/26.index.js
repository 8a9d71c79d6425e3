export const id = 26;
export const ids = [26];
export const modules = {

/***/ 1:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ verifyImage),
/* harmony export */   u: () => (/* binding */ removeVerifyLeftovers)
/* harmony export */ });
/* harmony import */ var _core_builder_verify_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3626);
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
        // With the anonymous volumes an image's VOLUME gives the container: a runner keeps nothing of it.
        await rt.docker(['rm', '--force', '--volumes', id], { quiet: true });
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
    // Each platform's image is pulled, and the user checked, first; then the commands run a few
    // at a time (a container's start is mostly the engine's waiting), reported in their order.
    // What this run pulled is removed afterwards (post removes it if main is cut short): an engine
    // that stays between runs would otherwise keep every image it verified. One already here stays.
    const toPull = pulled ? await notHere(rt, targets) : [];
    if (toPull.length)
        rt.remember({ verifyPulled: toPull.map(t => t.ref) });
    try {
        await Promise.all(toPull.map(target => (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['pull', '--quiet', '--platform', target.platform, target.ref], `Pulling ${target.ref} to verify it`, {
            quiet: true
        })));
        return await runChecks(rt, inputs, targets, key);
    }
    finally {
        for (const target of toPull)
            await rt.docker(['image', 'rm', target.ref], { quiet: true });
    }
}
/** The targets the engine does not hold yet. */
async function notHere(rt, targets) {
    const held = await Promise.all(targets.map(async (t) => (await rt.docker(['image', 'inspect', '--format', '{{.Id}}', t.ref], { quiet: true })).code === 0));
    return targets.filter((_, i) => !held[i]);
}
async function runChecks(rt, inputs, targets, key) {
    const users = [];
    for (const target of targets) {
        if (!inputs.requireNonRoot)
            continue;
        const named = target.user && !/^\d+(:\d*)?$/.test(target.user) && target.user.split(':')[0] !== 'root';
        const check = (0,_core_builder_verify_js__WEBPACK_IMPORTED_MODULE_1__/* .userCheck */ .w4)(target.platform, target.user, named ? await passwdOf(rt, target) : undefined);
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
async function removeVerifyLeftovers(rt, key, images) {
    const listed = await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['ps', '--all', '--quiet', '--filter', `label=${VERIFY_LABEL}=${key}`], 'Listing verify containers', { quiet: true });
    const ids = listed.stdout
        .split('\n')
        .map(s => s.trim())
        .filter(Boolean);
    if (ids.length)
        await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['rm', '--force', ...ids], 'Removing verify containers', { quiet: true });
    const removed = [];
    for (const image of images)
        if ((await rt.docker(['image', 'rm', '--force', image], { quiet: true })).code === 0)
            removed.push(image);
    rt.info(`Removed ${ids.length} verify container(s)${removed.length ? ` and ${removed.join(', ')}` : ''}`);
}


/***/ }),

/***/ 2874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ restorePaths),
/* harmony export */   Fl: () => (/* binding */ githubCacheAvailable),
/* harmony export */   YV: () => (/* binding */ savePaths)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
// The GitHub Actions cache service, through @actions/cache: the local build cache and the
// binfmt image both travel through it.

// @actions/cache is large; it is loaded only by runs that use the GitHub cache (start-up time).
const actionsCache = () => Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(838), __webpack_require__.e(88), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 1691));
const callOf = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
let calls = 0;
// The stream's own method, put back when no call is in flight (called with the stream as `this`).
// eslint-disable-next-line @typescript-eslint/unbound-method
let write = process.stdout.write;
/**
 * stdout while a call is in flight: lines written from inside a call (its async context) are the
 * library's, everything else passes as it is. Calls may run side by side (one per cache mount).
 */
function divertedWrite(chunk, ...rest) {
    const call = callOf.getStore();
    const text = String(chunk);
    if (call?.abandoned)
        return true;
    const command = call && /^::(?:error|warning)(?: [^:]*)?::(.*)/.exec(text);
    // Debug lines are shown as they are, and kept: some failures are told only there.
    if (call && text.startsWith('::debug::'))
        call.debug.push(text.slice('::debug::'.length).trim());
    const retry = call && /^Attempt \d+ of \d+ failed with error: (.*?)\.? Retrying/.exec(text);
    if (retry)
        call.retrying = retry[1];
    if (!command)
        return write.call(process.stdout, chunk, ...rest);
    call.said.push(command[1].trim().replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
    return true;
}
const diverted = divertedWrite;
/**
 * @actions/cache reports its own failures on stdout (a 5xx as `::error::`, which shows as an
 * error annotation) and then returns as if the cache had missed. While it runs, its warning and
 * error lines are taken aside; a failure becomes an exception, which the caller turns into the
 * action's one warning, so a fault never looks like a miss nor like a failed step. With a bound
 * (cache-timeout), a call still retrying then is given up on: it throws, and says nothing more
 * (the library retries a 5xx for about 25 s, and has no way to be stopped).
 */
async function reportingFaults(call, timeoutMs, debugSaid = []) {
    const told = { said: [], debug: debugSaid, abandoned: false };
    calls++;
    // Installed unless it is in place already (whoever replaced stdout since is written through).
    if (process.stdout.write !== diverted) {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        write = process.stdout.write;
        process.stdout.write = diverted;
    }
    const done = callOf.run(told, call).finally(() => {
        if (--calls === 0 && process.stdout.write === diverted)
            process.stdout.write = write;
    });
    let timer;
    const gaveUp = new Promise((_, reject) => {
        if (timeoutMs)
            timer = setTimeout(() => {
                told.abandoned = true;
                const why = told.retrying ? `; its last attempt failed: ${told.retrying}` : '';
                reject(new Error(`the GitHub cache service did not finish in ${timeoutMs / 1000} s (cache-timeout)${why}`));
            }, timeoutMs);
    });
    let result;
    try {
        result = await Promise.race([done, gaveUp]);
    }
    finally {
        clearTimeout(timer);
    }
    if (told.said.length)
        throw new Error(told.said.join('; '));
    return result;
}
/** Restore paths from the GitHub cache service. Returns the key restored from, or undefined on a miss; throws on a fault. */
async function restorePaths(paths, key, restoreKeys = [], timeoutMs) {
    const cache = await actionsCache();
    if (!cache.isFeatureAvailable())
        throw new Error('the GitHub cache service is not available to this run');
    return reportingFaults(() => cache.restoreCache(paths, key, restoreKeys), timeoutMs);
}
/** Whether this run has the GitHub cache service (a runner's job does; a terminal does not). */
async function githubCacheAvailable() {
    return (await actionsCache()).isFeatureAvailable();
}
/** Save paths to the GitHub cache service under key; throws on a fault, or when timeoutMs passes first. */
async function savePaths(paths, key, timeoutMs) {
    const cache = await actionsCache();
    if (!cache.isFeatureAvailable())
        throw new Error('the GitHub cache service is not available to this run');
    // saveCache reports most failures by returning -1 rather than throwing, and says why (an entry
    // of that key already there, say) only in a debug line.
    const debug = [];
    if ((await reportingFaults(() => cache.saveCache(paths, key), timeoutMs, debug)) === -1) {
        const why = debug.find(line => /^Failed to (reserve|save)/i.test(line));
        throw new Error(`the cache service did not store ${key}${why ? ` (${why})` : ''}`);
    }
}


/***/ }),

/***/ 2106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ saveCachedImage),
/* harmony export */   V: () => (/* binding */ readyImage)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_github_image_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(145);
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
        if (!(await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .restorePaths */ .Bb)([cache.path], cache.key, [], cache.timeoutMs)))
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
async function readyImage(rt, kind, image, temp, what, timeoutMs) {
    const name = (0,_core_github_image_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .pinnedLocalName */ .Z)(image);
    if (await hasImage(rt, name))
        return { name };
    // Without the cache service (a terminal) there is nothing to load, and post keeps nothing.
    const cache = (await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .githubCacheAvailable */ .Fl)()) ? (0,_core_github_image_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .cachedImageFor */ .H)(kind, name, temp, timeoutMs) : undefined;
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
    await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .savePaths */ .YV)([cache.path], cache.key, cache.timeoutMs);
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



const restoreLocalCache = (local) => (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .restorePaths */ .Bb)([local.dir], local.key, local.restoreKeys, local.timeoutMs);
/** Swap in what this build exported, then save it under the run's key. */
async function saveLocalCache(local) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(local.nextDir))
        return false;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(local.dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(local.nextDir, local.dir);
    await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .savePaths */ .YV)([local.dir], local.key, local.timeoutMs);
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
