export const id = 187;
export const ids = [187];
export const modules = {

/***/ 517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ annotationArgs)
/* harmony export */ });
/* unused harmony export dockerfileLabels */
// OCI annotations for the pushed image. Labels live in each platform's config; registries such
// as GHCR describe a multi-platform image from its index's annotations, so the OCI basics go on
// the index too (on the manifest when there is only one platform). Pure.
const INDEX_KEYS = ['title', 'description', 'source', 'revision', 'version', 'created'].map(k => `org.opencontainers.image.${k}`);
/** Literal values of OCI LABELs in a Dockerfile (values built from ARGs are left out: they are not known here). */
function dockerfileLabels(dockerfile) {
    const found = {};
    for (const m of dockerfile.matchAll(/(org\.opencontainers\.image\.[a-z]+)=(?:"([^"$\\]*)"|([^\s"'$\\]+))/g))
        found[m[1]] = m[2] ?? m[3];
    return found;
}
/**
 * buildx --annotation values: the user's (unprefixed ones on the index and on each manifest),
 * then the OCI basics from the labels (or the Dockerfile's literal LABELs) where the user set none.
 */
function annotationArgs(user, labels, dockerfile, multiPlatform) {
    const top = multiPlatform ? 'index' : 'manifest';
    const out = [];
    const userTopKeys = new Set();
    for (const line of user) {
        const prefixed = /^([a-z-]+(?:\[[^\]]*\])?):(.*)$/.exec(line);
        if (prefixed && !prefixed[2].startsWith('//')) {
            out.push(line);
            if (prefixed[1].startsWith(top))
                userTopKeys.add(prefixed[2].split('=')[0]);
        }
        else {
            if (multiPlatform)
                out.push(`index:${line}`);
            out.push(`manifest:${line}`);
            userTopKeys.add(line.split('=')[0]);
        }
    }
    const fromLabels = Object.fromEntries(labels.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const known = { ...dockerfileLabels(dockerfile), ...fromLabels };
    for (const key of INDEX_KEYS)
        if (known[key] && !userTopKeys.has(key))
            out.push(`${top}:${key}=${known[key]}`);
    return out;
}


/***/ }),

/***/ 2343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ makeBuildPlan),
/* harmony export */   o: () => (/* binding */ runNames)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(517);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2558);
// The `docker buildx build` a run will do, decided once from the inputs and what setup chose:
// the action runs it, and `ci-base-action build --dry-run` prints it. Pure.



const safeName = (text) => text.replace(/[^A-Za-z0-9_-]/g, '-');
/** Names of this run's own things: its builder, and the verify containers' label. */
const runNames = (ctx, pid) => ({
    builder: safeName(`ci-base-${ctx.runId}-${ctx.runAttempt}-${pid}`),
    verifyKey: safeName(`ci-base-verify-${ctx.runId}-${ctx.runAttempt}-${pid}`).toLowerCase()
});
function makeBuildPlan(f) {
    const { inputs } = f;
    const labels = (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .ociLabels */ .TT)(inputs, f.ctx, new Date(f.sourceDateEpoch * 1000));
    return {
        inputs,
        builder: f.builder,
        tags: f.tags,
        labels,
        annotations: (0,_annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .annotationArgs */ .l)(inputs.annotations, labels, f.dockerfile, inputs.platforms.length > 1),
        cacheFrom: f.cache.from,
        cacheTo: f.cache.to,
        inlineCache: f.cache.inline,
        metadataFile: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(f.work, 'metadata.json'),
        ociDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(f.work, 'oci'),
        // Builders that can push by digest do; the docker driver cannot, so its layout is pushed by the action.
        pushTo: inputs.push && f.driver !== 'docker' ? f.repositories : [],
        sourceDateEpoch: f.sourceDateEpoch,
        loadTags: [...(inputs.load ? f.tags : []), ...(f.verifyName ? [f.verifyName] : [])]
    };
}


/***/ }),

/***/ 6925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XP: () => (/* binding */ ghaVersionWarning),
/* harmony export */   _s: () => (/* binding */ planCache),
/* harmony export */   h2: () => (/* binding */ cacheFaultWarning),
/* harmony export */   xP: () => (/* binding */ GHA_V2_BUILDX)
/* harmony export */ });
/* unused harmony exports cacheSpecAttrs, cacheScope */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3323);
// Which caches the build imports and exports, and what that asks of buildx and the runner. Pure.


/** A buildx cache spec as its attributes: `type=registry,ref=r/x:c` -> {type, ref}; a bare image reference is a registry cache. */
function cacheSpecAttrs(spec) {
    if (!spec.includes('='))
        return { type: 'registry', ref: spec };
    return Object.fromEntries(spec.split(',').map(kv => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}
const GHA_V2_BUILDX = '0.21.0';
/** A cache export the action derives never fails the build: BuildKit reports it and builds on (main warns). */
const IGNORE_ERROR = 'ignore-error=true';
function cacheScope(inputs, ctx) {
    const scope = inputs.cacheScope || ctx.workflow || 'ci-base';
    return scope.replace(/[^A-Za-z0-9._-]+/g, '-');
}
function planCache(inputs, tags, ctx, env) {
    const from = [];
    const to = [];
    const warnings = [];
    const scope = cacheScope(inputs, ctx);
    let local;
    for (const kind of inputs.cache) {
        switch (kind) {
            case 'gha': {
                const url = env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL;
                if (!url || !env.ACTIONS_RUNTIME_TOKEN) {
                    warnings.push('cache: gha needs the GitHub cache service (ACTIONS_RUNTIME_TOKEN and a cache URL), which this run does not have; building without it.');
                    break;
                }
                // BuildKit retries a cache service that answers 429 or 5xx until the timeout (10m by default).
                from.push(`type=gha,scope=${scope},timeout=${inputs.cacheTimeout}`);
                to.push(`type=gha,scope=${scope},mode=max,timeout=${inputs.cacheTimeout},${IGNORE_ERROR}`);
                break;
            }
            case 'registry': {
                const ref = inputs.cacheRef || `${inputs.image}:buildcache`;
                from.push(`type=registry,ref=${ref}`);
                to.push(`type=registry,ref=${ref},mode=max,${IGNORE_ERROR}`);
                break;
            }
            case 'inline':
                // The image carries its own cache metadata: the published image (the baseline) and
                // this build's first tag are the cache sources.
                for (const ref of new Set([inputs.baseline, tags[0]].filter(Boolean)))
                    from.push(`type=registry,ref=${ref}`);
                break;
            case 'local': {
                const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(ctx.temp, 'ci-base-action-cache', scope);
                local = {
                    dir,
                    nextDir: `${dir}-next`,
                    key: `ci-base-action-${scope}-${ctx.runId}-${ctx.runAttempt}`,
                    restoreKeys: [`ci-base-action-${scope}-`]
                };
                from.push(`type=local,src=${dir}`);
                to.push(`type=local,dest=${local.nextDir},mode=max,${IGNORE_ERROR}`);
                break;
            }
        }
    }
    const plan = {
        from: inputs.noCache ? [] : inputs.cacheFrom.length ? inputs.cacheFrom : from,
        to: inputs.cacheTo.length ? inputs.cacheTo : to
    };
    const attrs = [...plan.from, ...plan.to].map(cacheSpecAttrs);
    return {
        ...plan,
        local,
        // Next to a registry cache (mode=max: every step), inline metadata adds nothing, and the
        // engine's BuildKit writes it differently when steps came from that cache: the same image
        // would get a new digest. The registry cache is the one source then.
        inline: inputs.cache.includes('inline') && !inputs.cache.includes('registry') && !inputs.cacheTo.length,
        types: [...new Set(attrs.map(a => a.type))],
        registryRefs: [...new Set(attrs.filter(a => a.type === 'registry' && a.ref).map(a => a.ref))],
        warnings
    };
}
/** GitHub's cache service (API v2) needs a newer buildx than many runners' distributions ship. */
function ghaVersionWarning(plan, buildxVersion) {
    if (!plan.types.includes('gha') || (0,_version_js__WEBPACK_IMPORTED_MODULE_1__/* .atLeast */ .j)(buildxVersion, GHA_V2_BUILDX))
        return undefined;
    return `cache: gha with buildx ${buildxVersion}: GitHub's cache service (API v2) needs buildx >= ${GHA_V2_BUILDX}; set buildx-version, or use cache: registry.`;
}
/** One warning for the cache steps that failed: which cache, and why; the build went on. */
function cacheFaultWarning(faults) {
    if (!faults.length)
        return undefined;
    const said = faults.map(f => `${f.step} failed: ${f.error}`).join('\n');
    // BuildKit kept retrying a service that answered 429 or 5xx until the limit.
    const why = faults.some(f => /timeout/i.test(f.error)) ? '\n(the cache service did not answer in time: see cache-timeout)' : '';
    return `The build went on without cache: ${said}${why}`;
}


/***/ }),

/***/ 1709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ baseImages)
/* harmony export */ });
// What can be read from a Dockerfile before it is built: the images its stages start FROM.
// A builder the action creates runs in its own network namespace, so loopback registries among
// them must be known before the builder is created.
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
/** The images named by FROM lines, with global ARG defaults and build-args substituted; stages and scratch left out. */
function baseImages(dockerfile, buildArgs) {
    const given = new Map(buildArgs.map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    const globals = new Map();
    const stages = new Set();
    const images = [];
    const expand = (text) => text.replace(new RegExp(`\\$\\{(${NAME})(?::?-([^}]*))?\\}|\\$(${NAME})`, 'g'), (_, braced, fallback, bare) => globals.get(braced ?? bare) || fallback || '');
    let seenFrom = false;
    // Continuation lines joined first: a FROM may be split over several.
    for (const line of dockerfile.replace(/\\[ \t]*\r?\n/g, ' ').split(/\r?\n/).map(l => l.trim())) {
        const arg = new RegExp(`^ARG\\s+(${NAME})(?:=(?:"([^"]*)"|'([^']*)'|(\\S*)))?`, 'i').exec(line);
        // Only ARGs before the first FROM are in scope for FROM lines.
        if (arg && !seenFrom)
            globals.set(arg[1], given.get(arg[1]) ?? arg[2] ?? arg[3] ?? arg[4] ?? '');
        const from = /^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
        if (!from)
            continue;
        seenFrom = true;
        const image = expand(from[1]);
        if (image && image !== 'scratch' && !stages.has(image.toLowerCase()))
            images.push(image);
        if (from[2])
            stages.add(from[2].toLowerCase());
    }
    return [...new Set(images)];
}


/***/ }),

/***/ 5338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ runContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
// What the run knows about itself, read once from the runner's environment.


function runContext(env, readEvent = p => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8')) {
    let defaultBranch = '';
    let pullRequest;
    let headCommitTime;
    if (env.GITHUB_EVENT_PATH) {
        try {
            const event = JSON.parse(readEvent(env.GITHUB_EVENT_PATH));
            defaultBranch = event?.repository?.default_branch ?? '';
            pullRequest = event?.pull_request?.number;
            headCommitTime = event?.head_commit?.timestamp;
        }
        catch {
            // No event payload (local runs): 'latest' then only follows an explicit default branch.
        }
    }
    // A scheduled run's payload may carry no repository, and schedules run on the default branch.
    if (!defaultBranch && env.GITHUB_EVENT_NAME === 'schedule' && env.GITHUB_REF?.startsWith('refs/heads/')) {
        defaultBranch = env.GITHUB_REF.slice('refs/heads/'.length);
    }
    return {
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        eventName: env.GITHUB_EVENT_NAME ?? '',
        defaultBranch,
        repository: env.GITHUB_REPOSITORY ?? '',
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        runId: env.GITHUB_RUN_ID ?? String(process.pid),
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
        temp: env.RUNNER_TEMP ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(),
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        pullRequest,
        headCommitTime
    };
}


/***/ }),

/***/ 2558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rK: () => (/* binding */ imageTags),
  TT: () => (/* binding */ ociLabels),
  SF: () => (/* binding */ releaseVersion)
});

// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
;// CONCATENATED MODULE: ./src/core/semver.ts
// Release tags from a git tag, the way images are released: v1.2.3 gives 1.2.3, 1.2 and 1, and
// latest; a floating tag only moves forward (releasing 1.2.5 after 1.3.0 leaves 1 and latest on
// 1.3.0); a pre-release gets its full version only. Pure.
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;
function parseVersion(text) {
    const m = SEMVER.exec(text);
    if (!m)
        return undefined;
    const [major, minor, patch] = [m[1], m[2], m[3]].map(Number);
    const pre = m[4] ?? '';
    return { major, minor, patch, pre, text: `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}` };
}
/** Semver precedence: numbers first; a pre-release sorts before its release; identifiers compare numerically when both are numbers. */
function compareVersions(a, b) {
    for (const key of ['major', 'minor', 'patch'])
        if (a[key] !== b[key])
            return a[key] - b[key];
    if (a.pre === b.pre)
        return 0;
    if (!a.pre)
        return 1;
    if (!b.pre)
        return -1;
    const [x, y] = [a.pre.split('.'), b.pre.split('.')];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] === y[i])
            continue;
        const [nx, ny] = [/^\d+$/.test(x[i]), /^\d+$/.test(y[i])];
        if (nx && ny)
            return Number(x[i]) - Number(y[i]);
        if (nx !== ny)
            return nx ? -1 : 1;
        return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
}
/**
 * The tags a release gets, given the versions already published (the repository's tags): the
 * full version always; `X.Y`, `X` and `latest` for a stable release that is the highest of its
 * minor series, major series and of all, respectively.
 */
function releaseTags(version, published) {
    const tags = [version.text];
    if (version.pre)
        return tags;
    const stable = published.map(parseVersion).filter((v) => !!v && !v.pre);
    const highest = (series) => stable.filter(series).every(v => compareVersions(version, v) >= 0);
    if (highest(v => v.major === version.major && v.minor === version.minor))
        tags.push(`${version.major}.${version.minor}`);
    if (highest(v => v.major === version.major))
        tags.push(`${version.major}`);
    if (highest(() => true))
        tags.push('latest');
    return tags;
}

;// CONCATENATED MODULE: ./src/core/tags.ts


/**
 * The release a `refs/tags/…` run builds, when `tag-policy` asks for semver; undefined on other
 * events. A tag that is not a version is the user's to fix, said before anything runs.
 */
function releaseVersion(inputs, ctx) {
    if (!inputs.tagPolicy.includes('semver') || !ctx.ref.startsWith('refs/tags/'))
        return undefined;
    const tag = ctx.ref.slice('refs/tags/'.length);
    const version = parseVersion(tag);
    if (!version)
        throw new Error(`Input 'tag-policy': 'semver' needs a version tag such as v1.2.3 or 1.2.3-rc.1; this run's tag is '${tag}'.`);
    return version;
}
/** `published`: the repository's tags, for which floating tags (X.Y, X, latest) may move; undefined when unknown. */
function imageTags(inputs, ctx, now, release) {
    const { image } = inputs;
    const tags = inputs.tags.map(t => ((0,reference/* isBareTag */.vA)(t) ? `${image}:${t}` : t));
    if (image) {
        for (const policy of inputs.tagPolicy) {
            if (policy === 'sha' && ctx.sha)
                tags.push(`${image}:sha-${ctx.sha.slice(0, 7)}`);
            if (policy === 'date')
                tags.push(`${image}:${now.toISOString().slice(0, 10).replace(/-/g, '')}`);
            if (policy === 'latest' && ctx.defaultBranch && ctx.ref === `refs/heads/${ctx.defaultBranch}`) {
                tags.push(`${image}:latest`);
            }
            if (policy === 'semver' && release) {
                const floating = release.published ? releaseTags(release.version, release.published) : [release.version.text];
                tags.push(...floating.map(t => `${image}:${t}`));
            }
        }
    }
    return [...new Set(tags)];
}
/** The OCI labels the action adds; the user's own labels (KEY=VALUE) win over them. */
function ociLabels(inputs, ctx, now) {
    const version = inputs.tags.find(reference/* isBareTag */.vA) ?? ctx.ref.replace(/^refs\/(heads|tags)\//, '');
    const ours = {
        // As BuildKit writes the config's own time: whole seconds.
        'org.opencontainers.image.created': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'org.opencontainers.image.revision': ctx.sha,
        'org.opencontainers.image.source': ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : '',
        'org.opencontainers.image.version': version
    };
    const userKeys = new Set(inputs.labels.map(l => l.slice(0, l.indexOf('='))));
    const added = Object.entries(ours)
        .filter(([k, v]) => v && !userKeys.has(k))
        .map(([k, v]) => `${k}=${v}`);
    return [...added, ...inputs.labels];
}


/***/ }),

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ atLeast),
/* harmony export */   o: () => (/* binding */ parseVersion)
/* harmony export */ });
// Dotted version numbers as tools print them ("0.13.1+ds1", "v0.23.0").
function parseVersion(text) {
    return /\bv?(\d+\.\d+\.\d+)/.exec(text)?.[1];
}
function atLeast(version, minimum) {
    const a = version.split('.').map(Number);
    const b = minimum.split('.').map(Number);
    for (let i = 0; i < 3; i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0))
            return (a[i] ?? 0) > (b[i] ?? 0);
    }
    return true;
}


/***/ }),

/***/ 8564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ setupBuildx),
/* harmony export */   NU: () => (/* binding */ existingBuilderDriver),
/* harmony export */   kW: () => (/* binding */ chooseDriver),
/* harmony export */   xh: () => (/* binding */ builderSpec)
/* harmony export */ });
/* unused harmony exports MIN_BUILDX, DEFAULT_BUILDX, buildxNeeded, buildxPlugin, installedBuildx, buildxToInstall, buildxAsset, installBuildx, loopbackRegistries, buildkitdConfig, createBuilder */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9312);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5378);
/* harmony import */ var _core_cache_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6925);
/* harmony import */ var _core_args_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1038);
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3323);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7027);
// buildx: find or install it, and pick (or create) the builder the build runs on.










/** Older buildx lacks what the action relies on (multi-platform docker driver, rawjson-era flags). */
const MIN_BUILDX = '0.13.0';
/** Installed when the runner's buildx cannot do what the inputs ask and no version was asked for. */
const DEFAULT_BUILDX = 'v0.30.0';
/** The oldest buildx that can do what the build asks of it. */
function buildxNeeded(cacheTypes) {
    if (cacheTypes.includes('gha'))
        return { version: _core_cache_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .GHA_V2_BUILDX */ .xP, why: "cache: gha (v2 of GitHub's cache service)" };
    return { version: MIN_BUILDX, why: 'the action' };
}
/** Where the docker CLI looks for its buildx plugin, in its order; undefined when it may look elsewhere. */
function buildxPlugin(env, exists = node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync) {
    if ((0,_docker_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readDockerConfig */ .TO)(env).cliPluginsExtraDirs)
        return undefined;
    const dirs = [(0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,_docker_config_js__WEBPACK_IMPORTED_MODULE_6__/* .dockerConfigDir */ .kG)(env), 'cli-plugins'), ...['/usr/local/lib', '/usr/local/libexec', '/usr/lib', '/usr/libexec'].map(d => `${d}/docker/cli-plugins`)];
    return dirs.map(d => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(d, 'docker-buildx')).find(exists);
}
/** The plugin is asked directly when it can be found: a docker CLI start less. */
async function installedBuildx(run, env, binary = buildxPlugin(env)) {
    const result = binary ? await run(['version'], { quiet: true, command: binary }) : await run(['buildx', 'version'], { quiet: true });
    return result.code === 0 ? (0,_core_version_js__WEBPACK_IMPORTED_MODULE_7__/* .parseVersion */ .o)(result.stdout) : undefined;
}
/** The version to install and why, or undefined to use the runner's own. */
function buildxToInstall(wanted, installed, need = buildxNeeded([])) {
    if (wanted !== 'installed')
        return { version: wanted.startsWith('v') ? wanted : `v${wanted}`, why: 'as buildx-version asks' };
    if (!installed)
        return { version: DEFAULT_BUILDX, why: 'the runner has none' };
    if ((0,_core_version_js__WEBPACK_IMPORTED_MODULE_7__/* .atLeast */ .j)(installed, need.version))
        return undefined;
    return { version: DEFAULT_BUILDX, why: `the runner's ${installed} is older than ${need.version}, which ${need.why} needs` };
}
function buildxAsset(version, platform = process.platform, arch = process.arch) {
    const archName = { x64: 'amd64', arm64: 'arm64', arm: 'arm-v7', s390x: 's390x', ppc64: 'ppc64le', riscv64: 'riscv64' }[arch] ?? arch;
    return `buildx-${version}.${platform}-${archName}${platform === 'win32' ? '.exe' : ''}`;
}
/**
 * Download (or take from the tool cache) and verify against the release's checksums. The binary
 * is run from the tool cache as it is (buildx runs standalone too), never copied over the
 * runner's own plugin: a self-hosted runner's `docker buildx` is the same after the job.
 */
async function installBuildx(version, baseUrl) {
    const tc = await Promise.all(/* import() */[__webpack_require__.e(507), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 9805)); // loaded only when installing (start-up time)
    let dir = tc.find('docker-buildx', version.slice(1));
    if (!dir) {
        const asset = buildxAsset(version);
        const url = `${baseUrl}/${version}/${asset}`;
        const file = await tc.downloadTool(url);
        const sums = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(await tc.downloadTool(`${baseUrl}/${version}/checksums.txt`), 'utf8');
        const expected = sums.split('\n').map(l => l.trim().split(/\s+\*?/)).find(([, name]) => name === asset)?.[0];
        const actual = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file)).digest('hex');
        if (!expected)
            throw new Error(`buildx ${version}: ${asset} is not listed in checksums.txt at ${baseUrl}/${version}`);
        if (expected !== actual)
            throw new Error(`buildx ${version}: checksum mismatch for ${url} (expected ${expected}, got ${actual})`);
        dir = await tc.cacheFile(file, 'docker-buildx', 'docker-buildx', version.slice(1));
    }
    const binary = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'docker-buildx');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(binary, 0o755); // downloads and cache copies come without the execute bit
    return binary;
}
/**
 * `auto`: the runner's own docker builder when it can do the job (containerd store, or a single
 * platform with at most inline cache and no builder options), else a docker-container builder.
 */
function chooseDriver(inputs, facts, cacheTo) {
    if (inputs.driver !== 'auto')
        return inputs.driver;
    if (inputs.driverOpts.length || inputs.buildkitdConfig.trim() || inputs.endpoint)
        return 'docker-container';
    if (facts.containerdStore)
        return 'docker';
    const onlyInline = cacheTo.every(c => c === 'type=inline');
    return inputs.platforms.length === 1 && onlyInline && !inputs.load ? 'docker' : 'docker-container';
}
/** Registries on the runner's loopback (a `services:` registry) that a builder must reach over plain HTTP. */
function loopbackRegistries(refs) {
    return [...new Set(refs.map(_core_reference_js__WEBPACK_IMPORTED_MODULE_8__/* .registryOf */ .Fv).filter(_core_reference_js__WEBPACK_IMPORTED_MODULE_8__/* .isLoopbackHost */ .cW))];
}
function buildkitdConfig(userConfig, plainHttp) {
    const extra = plainHttp
        // buildx's TOML parser rejects `]` in a table key, so `[::1]` gets no entry: BuildKit speaks
        // plain HTTP to loopback addresses by itself, network=host is what it needs.
        .filter(h => !h.startsWith('[') && !userConfig.includes(`[registry."${h}"]`))
        .map(h => `[registry."${h}"]\n  http = true\n  insecure = true`);
    return [userConfig.trim(), ...extra].filter(Boolean).join('\n\n') + '\n';
}
/**
 * The builder the action would create: its spec, the files it needs (buildkitd config; the
 * remote driver's TLS material, which buildx only takes as paths), and the nodes to append.
 */
function builderSpec(inputs, driver, name, tempDir, refs) {
    const loopback = loopbackRegistries(refs);
    const driverOpts = [...inputs.driverOpts];
    if (driver === 'docker-container' && loopback.length && !driverOpts.some(o => o.startsWith('network='))) {
        driverOpts.push('network=host');
    }
    const files = {};
    const tlsOpts = [];
    for (const [opt, pem] of [['cacert', inputs.tls.ca], ['cert', inputs.tls.cert], ['key', inputs.tls.key]]) {
        if (!pem || driver !== 'remote')
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempDir, `${name}-${opt}.pem`);
        files[path] = `${pem}\n`;
        tlsOpts.push(`${opt}=${path}`);
    }
    driverOpts.push(...tlsOpts);
    const config = buildkitdConfig(inputs.buildkitdConfig, loopback);
    const configFile = config.trim() ? (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempDir, `${name}-buildkitd.toml`) : '';
    const appends = inputs.appendNodes.map(node => (0,_core_args_js__WEBPACK_IMPORTED_MODULE_9__/* .appendNodeArgs */ .C6)(name, driver, node, driver === 'remote' ? tlsOpts : []));
    return { spec: { name, driver, endpoint: inputs.endpoint, driverOpts, configFile, platforms: inputs.platforms }, config: configFile ? config : '', files, appends };
}
async function createBuilder(run, inputs, driver, name, tempDir, refs) {
    const { spec, config, files, appends } = builderSpec(inputs, driver, name, tempDir, refs);
    if (spec.configFile)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(spec.configFile, config);
    for (const [path, pem] of Object.entries(files))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(path, pem, { mode: 0o600 });
    await (0,_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .mustRun */ .Pv)(run, (0,_core_args_js__WEBPACK_IMPORTED_MODULE_9__/* .createBuilderArgs */ .R2)(spec), `Creating the ${driver} builder`);
    for (const append of appends)
        await (0,_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .mustRun */ .Pv)(run, append, `Appending the ${append[append.indexOf('--platform') + 1]} node`);
}
/** A builder the user keeps (a warm one on a self-hosted runner): started if it is not, never created or removed here. */
async function existingBuilderDriver(run, name) {
    const inspected = await run(['buildx', 'inspect', '--bootstrap', name], { quiet: true });
    if (inspected.code !== 0) {
        throw new Error(`Input 'builder': '${name}' is not a usable builder (docker buildx ls lists the builders):\n${(0,_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(inspected.stderr || inspected.stdout, 5)}`);
    }
    const driver = /^Driver:\s*(\S+)/m.exec(inspected.stdout)?.[1] ?? '';
    return ['docker', 'docker-container', 'remote', 'kubernetes'].find(d => d === driver) ?? 'docker-container';
}
/** Make buildx usable and decide where the build runs; a builder it creates is removed in post. */
async function setupBuildx(rt, inputs, names, cache, refs) {
    const cacheTo = cache.to;
    // Both questions at once: each is a process start.
    const facts = (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_6__/* .engineFacts */ .Ig)(rt.docker, rt.env);
    facts.catch(() => undefined); // awaited below; an early rejection is not unhandled
    const installed = await installedBuildx(rt.docker, rt.env);
    const wanted = buildxToInstall(inputs.buildxVersion, installed, buildxNeeded(cache.types));
    let binary;
    if (wanted) {
        rt.info(`Installing buildx ${wanted.version} (${wanted.why})`);
        binary = await installBuildx(wanted.version, inputs.buildxDownloadUrl);
        rt.remember({ buildx: binary });
    }
    const version = (binary ? await installedBuildx(rt.docker, rt.env, binary) : installed) ?? '';
    if (!version)
        throw new Error(`buildx is not usable after setup: \`${binary ?? 'docker buildx'} version\` fails`);
    if (inputs.builder) {
        facts.catch(() => undefined);
        const driver = await existingBuilderDriver((0,_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .withBuildx */ .xG)(rt.docker, binary), inputs.builder);
        rt.info(`buildx ${version}, the existing builder ${inputs.builder} (${driver} driver), left running after the job`);
        return { version, binary, driver, builder: inputs.builder };
    }
    const driver = chooseDriver(inputs, await facts, cacheTo);
    rt.info(`buildx ${version}, ${driver} driver`);
    if (driver === 'docker')
        return { version, binary, driver, builder: '' };
    rt.remember({ builder: names.builder });
    await createBuilder((0,_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .withBuildx */ .xG)(rt.docker, binary), inputs, driver, names.builder, names.temp, refs);
    return { version, binary, driver, builder: names.builder };
}


/***/ }),

/***/ 7395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ releaseOf)
/* harmony export */ });
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1815);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4118);


/** The release a version tag builds, with the versions already published (floating tags only move forward). */
async function releaseOf(rt, inputs, version) {
    if (!inputs.image)
        return undefined;
    if (!version || version.pre)
        return version && { version, published: [] };
    try {
        return { version, published: await (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_0__/* .clientFor */ .$V)(inputs.image, rt.env).tags() };
    }
    catch (e) {
        rt.warning(`Could not list the tags of ${inputs.image} (${(0,_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(e)}): only ${version.text} is tagged; ${version.major}.${version.minor}, ${version.major} and latest stay where they are.`);
        return { version };
    }
}


/***/ }),

/***/ 9533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ sourceDate)
});

// UNUSED EXPORTS: commitTime

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/core/source-date.ts
// The one time an image carries: SOURCE_DATE_EPOCH. From the commit, a rebuild of the same
// commit on the same base stamps the same times and so gets the same digest. Pure.
const seconds = (date) => Math.floor(date.getTime() / 1000);
/** A step's SOURCE_DATE_EPOCH must be whole seconds; anything else is a mistake worth naming. */
function parseEpoch(text) {
    return /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
function chooseSourceDate(f) {
    const given = f.env?.trim() ? parseEpoch(f.env) : undefined;
    if (f.env?.trim() && given === undefined)
        throw new Error(`SOURCE_DATE_EPOCH '${f.env}' is not a time: use whole seconds since 1970, e.g. $(git log -1 --format=%ct)`);
    if (given !== undefined)
        return { epoch: given, from: 'SOURCE_DATE_EPOCH' };
    if (f.created === 'now')
        return { epoch: seconds(f.now), from: 'build time' };
    // git's time first: a scheduled run (no head commit in its payload) then agrees with the push of the same commit.
    if (f.commitTime !== undefined)
        return { epoch: f.commitTime, from: 'commit' };
    const event = f.eventTime ? Date.parse(f.eventTime) : NaN;
    if (!Number.isNaN(event))
        return { epoch: Math.floor(event / 1000), from: 'event' };
    return { epoch: seconds(f.now), from: 'build time' };
}
const isoSeconds = (epoch) => new Date(epoch * 1000).toISOString().replace(/\.000Z$/, 'Z');

;// CONCATENATED MODULE: ./src/pipeline/source-date.ts
// Finding the commit's time for SOURCE_DATE_EPOCH: git in the checkout, else the event.


/** The committer time of `sha` in `dir`, or undefined where there is no checkout (or no git). */
function commitTime(dir, sha) {
    return new Promise(resolve => {
        (0,external_node_child_process_.execFile)('git', ['-C', dir, 'log', '-1', '--format=%ct', sha || 'HEAD', '--'], { timeout: 10_000 }, (error, stdout) => {
            const epoch = Number(stdout.trim());
            resolve(error || !stdout.trim() || !Number.isInteger(epoch) ? undefined : epoch);
        });
    });
}
async function sourceDate(rt, inputs, ctx) {
    const date = chooseSourceDate({
        env: rt.env.SOURCE_DATE_EPOCH,
        created: inputs.created,
        commitTime: inputs.created === 'commit' && !rt.env.SOURCE_DATE_EPOCH ? await commitTime(ctx.workspace, ctx.sha) : undefined,
        eventTime: ctx.headCommitTime,
        now: rt.now()
    });
    if (date.from === 'build time' && inputs.created === 'commit') {
        rt.warning(`No commit time found (no git checkout of ${ctx.sha || 'HEAD'} in ${ctx.workspace}): the image is stamped with the build time, so a rebuild of the same commit gets a new digest. Check the repository out first (actions/checkout), or set SOURCE_DATE_EPOCH.`);
    }
    else {
        rt.info(`Image timestamps: ${isoSeconds(date.epoch)} (${date.from})`);
    }
    return date;
}


/***/ })

};
