export const id = 459;
export const ids = [459];
export const modules = {

/***/ 5696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ restorePaths),
/* harmony export */   Y: () => (/* binding */ savePaths)
/* harmony export */ });
// The GitHub Actions cache service, through @actions/cache: the local build cache and the
// binfmt image both travel through it.
// @actions/cache is large; it is loaded only by runs that use the GitHub cache (start-up time).
const actionsCache = () => Promise.all(/* import() */[__webpack_require__.e(507), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 1691));
/**
 * @actions/cache reports its own failures on stdout (a 5xx as `::error::`, which shows as an
 * error annotation) and then returns as if the cache had missed. While it runs, its warning and
 * error lines are taken aside; a failure becomes an exception, which the caller turns into the
 * action's one warning, so a fault never looks like a miss nor like a failed step.
 */
async function reportingFaults(call) {
    const write = process.stdout.write;
    const said = [];
    process.stdout.write = ((chunk, ...rest) => {
        const command = /^::(?:error|warning)(?: [^:]*)?::(.*)/.exec(String(chunk));
        if (!command)
            return write.call(process.stdout, chunk, ...rest);
        said.push(command[1].trim().replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
        return true;
    });
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
    // saveCache reports most failures by returning -1 rather than throwing.
    if ((await reportingFaults(() => cache.saveCache(paths, key))) === -1)
        throw new Error(`the cache service did not store ${key}`);
}


/***/ }),

/***/ 142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ saveLocalCache),
/* harmony export */   k: () => (/* binding */ restoreLocalCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5696);
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

/***/ 9459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/core/github-context.ts
var github_context = __webpack_require__(5338);
// EXTERNAL MODULE: ./src/core/tags.ts + 1 modules
var core_tags = __webpack_require__(2558);
// EXTERNAL MODULE: ./src/core/cache-plan.ts
var cache_plan = __webpack_require__(6925);
// EXTERNAL MODULE: ./src/pipeline/local-cache.ts
var local_cache = __webpack_require__(142);
// EXTERNAL MODULE: ./src/pipeline/buildx.ts
var pipeline_buildx = __webpack_require__(8564);
// EXTERNAL MODULE: ./src/pipeline/qemu.ts
var qemu = __webpack_require__(7368);
// EXTERNAL MODULE: ./src/core/args.ts
var core_args = __webpack_require__(1038);
// EXTERNAL MODULE: ./src/pipeline/docker.ts
var docker = __webpack_require__(9312);
;// CONCATENATED MODULE: ./src/core/progress.ts
// BuildKit's progress stream (`--progress rawjson`): a readable log for people, and the cache
// hit rate. The JSON stream is authoritative where the plain text is not: a step served from a
// remote cache whose layers must be fetched shows no CACHED line in plain output.
// BuildKit's names for the cache's own steps: `importing cache manifest from <ref>`,
// `exporting cache to <kind>`, `exporting to GitHub Actions Cache`, `preparing build cache for export`.
const CACHE_IMPORT = /^importing cache manifest/;
const CACHE_EXPORT = /^(exporting cache\b|exporting to GitHub Actions Cache|preparing build cache for export|writing cache)/i;
// An import of a cache that does not exist yet is a cold start, not a fault.
const CACHE_MISS = /not found|manifest unknown|404|no such/i;
/** Splits a stream of concatenated JSON objects; text between objects (buildx's own messages) is kept apart. */
class JsonStream {
    onObject;
    onText;
    buffer = '';
    depth = 0;
    inString = false;
    escaped = false;
    start = -1;
    scanned = 0;
    constructor(onObject, onText) {
        this.onObject = onObject;
        this.onText = onText;
    }
    push(chunk) {
        this.buffer += chunk;
        let consumed = 0;
        for (let i = this.scanned; i < this.buffer.length; i++) {
            const c = this.buffer[i];
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (c === '\\')
                    this.escaped = true;
                else if (c === '"')
                    this.inString = false;
            }
            else if (c === '"' && this.depth > 0) {
                this.inString = true;
            }
            else if (c === '{' && (this.depth > 0 || i === consumed)) {
                // At depth 0 only a '{' that opens a line starts an object: buildx's own text has braces too.
                if (this.depth++ === 0)
                    this.start = i;
            }
            else if (c === '}' && this.depth > 0 && --this.depth === 0) {
                const text = this.buffer.slice(this.start, i + 1);
                let value;
                try {
                    value = JSON.parse(text);
                }
                catch {
                    this.onText(text);
                }
                if (value !== undefined)
                    this.onObject(value);
                consumed = i + 1;
            }
            else if (c === '\n' && this.depth === 0) {
                this.onText(this.buffer.slice(consumed, i + 1));
                consumed = i + 1;
            }
        }
        this.buffer = this.buffer.slice(consumed);
        this.scanned = this.buffer.length;
        if (this.depth > 0)
            this.start -= consumed;
    }
    end() {
        if (this.depth === 0 && this.buffer)
            this.onText(this.buffer);
        this.buffer = '';
    }
}
const STEP = /^\[(?:[^\]]*\s)?\d+\/\d+\] (\S+)/;
/** Collects vertices from the stream and prints a plain, numbered log of steps, their output and errors. */
class BuildProgress {
    print;
    vertices = new Map();
    order = new Map();
    printed = new Set();
    text = [];
    stream;
    constructor(print = () => undefined) {
        this.print = print;
        this.stream = new JsonStream(value => this.status(value), text => {
            this.text.push(text);
            if (text.trim())
                this.print(text.trimEnd());
        });
    }
    push(chunk) {
        this.stream.push(chunk);
    }
    end() {
        this.stream.end();
    }
    id(digest) {
        if (!this.order.has(digest))
            this.order.set(digest, this.order.size + 1);
        return this.order.get(digest);
    }
    status(status) {
        for (const update of status.vertexes ?? []) {
            const vertex = { ...this.vertices.get(update.digest), ...update };
            // A later update without the flag does not undo an earlier "cached".
            vertex.cached = this.vertices.get(update.digest)?.cached || update.cached;
            this.vertices.set(update.digest, vertex);
            const n = this.id(update.digest);
            if (vertex.started && !this.printed.has(`s${update.digest}`)) {
                this.printed.add(`s${update.digest}`);
                this.print(`#${n} ${vertex.name}`);
            }
            if (vertex.completed && !this.printed.has(`c${update.digest}`)) {
                this.printed.add(`c${update.digest}`);
                const took = vertex.started ? ((Date.parse(vertex.completed) - Date.parse(vertex.started)) / 1000).toFixed(1) : '0.0';
                this.print(vertex.error ? `#${n} ERROR: ${vertex.error}` : vertex.cached ? `#${n} CACHED` : `#${n} DONE ${took}s`);
            }
        }
        for (const log of status.logs ?? []) {
            const n = this.id(log.vertex);
            for (const line of Buffer.from(log.data, 'base64').toString('utf8').split('\n')) {
                if (line.trim())
                    this.print(`#${n} ${line}`);
            }
        }
    }
    /** Dockerfile steps, each counted once; FROM only resolves a base image, so it is not a step a cache serves. */
    stepStats() {
        let steps = 0;
        let cached = 0;
        for (const v of this.vertices.values()) {
            const step = STEP.exec(v.name);
            if (!step || step[1].toUpperCase() === 'FROM')
                continue;
            steps++;
            if (v.cached)
                cached++;
        }
        return { steps, cached };
    }
    /** Cache imports and exports that failed while BuildKit built on; a cache not there yet is no fault. */
    cacheFaults() {
        return this.failedVertices()
            .filter(v => (CACHE_IMPORT.test(v.name) && !CACHE_MISS.test(v.error)) || CACHE_EXPORT.test(v.name))
            .map(v => ({ step: v.name, error: v.error }));
    }
    /** What buildx said outside the JSON stream (its ERROR lines) plus the failed steps' errors. */
    errorText() {
        const failed = this.failedVertices(true).map(v => `${v.name}: ${v.error}`);
        return [...failed, ...this.text.map(t => t.trimEnd()).filter(Boolean)].join('\n');
    }
    /** Names of the steps that failed (cache imports aside: BuildKit builds on without them). */
    failedSteps() {
        return this.failedVertices(true).map(v => v.name);
    }
    failedVertices(withoutImports = false) {
        return [...this.vertices.values()].filter(v => v.error && !(withoutImports && CACHE_IMPORT.test(v.name)));
    }
    /** buildx's own last ERROR line: why the build failed. */
    cause() {
        return this.text.map(t => t.trim()).filter(t => t.startsWith('ERROR:')).pop() ?? '';
    }
}
/** Percent, one decimal at most; 0 when there was nothing to build. */
function hitRate({ steps, cached }) {
    return steps === 0 ? 0 : Math.round((cached / steps) * 1000) / 10;
}

;// CONCATENATED MODULE: ./src/pipeline/build.ts
// The build itself: run buildx, read its metadata file, and retry once without cache
// import when the cache is what broke it.




// BuildKit's words when an imported cache cannot be read: a broken index, or blobs that are
// truncated or missing (a corrupt local or remote cache). Not "failed to compute cache key"
// alone: a COPY of a missing file says that too, and is the user's to fix.
const CACHE_IMPORT_FAILURE = /unexpected EOF|failed to read expected number of bytes|digest mismatch|(load|import|configure)[^\n]*cache|cache (manifest|index)|(blob|content) [^\n]*not found/i;
const isCacheImportFailure = (cause) => CACHE_IMPORT_FAILURE.test(cause);
// A registry that answers a push with a server error or drops the connection: worth one more
// try, which costs little since every step is cached by then.
const TRANSIENT_PUSH_FAILURE = /unexpected status[^\n]*\b5\d\d\b|\b50[234]\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i;
function isTransientPushFailure(progress) {
    const failed = progress.failedSteps();
    return failed.length > 0 && failed.every(name => /^pushing |^exporting to image/.test(name)) && TRANSIENT_PUSH_FAILURE.test(progress.cause());
}
class BuildError extends Error {
    milliseconds;
    constructor(message, milliseconds) {
        super(message);
        this.milliseconds = milliseconds;
        this.name = 'BuildError';
    }
}
async function buildOnce(rt, plan) {
    const args = (0,core_args/* buildArgs */.CH)(plan);
    rt.info(`docker ${args.join(' ')}`);
    const progress = new BuildProgress(rt.info);
    const { code } = await rt.docker(args, { onStderr: chunk => progress.push(chunk) });
    progress.end();
    return { code, progress };
}
async function runBuild(rt, plan) {
    const started = rt.now().getTime();
    let { code, progress } = await buildOnce(rt, plan);
    if (code !== 0 && plan.cacheFrom.length && isCacheImportFailure(progress.cause())) {
        rt.warning(`The build cache could not be imported; building once more without it.\n${(0,docker/* lastLines */.w$)(progress.errorText(), 5)}`);
        ({ code, progress } = await buildOnce(rt, { ...plan, cacheFrom: [] }));
    }
    // The hit rate is the build's: a second pass that only pushes again is all cache hits.
    const steps = progress.stepStats();
    if (code !== 0 && plan.pushTo.length && isTransientPushFailure(progress)) {
        rt.warning(`The push failed (${progress.cause().replace(/^ERROR: /, '')}); pushing once more.`);
        ({ code, progress } = await buildOnce(rt, plan));
    }
    const milliseconds = rt.now().getTime() - started;
    if (code !== 0)
        throw new BuildError(`docker buildx build failed (exit ${code}):\n${(0,docker/* lastLines */.w$)(progress.errorText())}`, milliseconds);
    const metadataText = await (0,promises_.readFile)(plan.metadataFile, 'utf8').catch(() => '{}');
    await (0,promises_.rm)(plan.metadataFile, { force: true });
    if (plan.inputs.load || plan.loadTags.length) {
        const load = await buildOnce(rt, { ...plan, loadOnly: true });
        if (load.code !== 0)
            throw new BuildError(`Loading the image failed (exit ${load.code}):\n${(0,docker/* lastLines */.w$)(load.progress.errorText())}`, rt.now().getTime() - started);
        await (0,promises_.rm)(plan.metadataFile, { force: true });
    }
    const metadata = JSON.parse(metadataText);
    return {
        digest: String(metadata['containerimage.digest'] ?? ''),
        imageId: String(metadata['containerimage.config.digest'] ?? ''),
        metadataText,
        steps,
        cacheFaults: progress.cacheFaults(),
        milliseconds
    };
}

// EXTERNAL MODULE: ./src/pipeline/image-sources.ts
var image_sources = __webpack_require__(6348);
// EXTERNAL MODULE: ./src/core/image.ts
var core_image = __webpack_require__(8906);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(8557);
// EXTERNAL MODULE: ./src/core/dockerfile.ts
var core_dockerfile = __webpack_require__(1709);
// EXTERNAL MODULE: ./src/pipeline/runtime.ts
var runtime = __webpack_require__(4118);
// EXTERNAL MODULE: ./src/pipeline/source-date.ts + 1 modules
var source_date = __webpack_require__(9533);
// EXTERNAL MODULE: ./src/pipeline/registry-client.ts
var registry_client = __webpack_require__(1815);
;// CONCATENATED MODULE: ./src/pipeline/publish.ts
// Publishing in two moves: the whole image goes to the registry by digest (blobs, each
// platform's manifest, the index), and only then is every tag pointed at that digest. A push
// that fails midway moves no tag; tags of one run never point at different images; a tag that
// already points at the digest is left alone, and nothing the registry has is sent again.





// Layers are sent a few at a time: enough to fill a runner's link, few enough for a rate limit.
const PARALLEL_UPLOADS = 4;
async function eachLimited(items, limit, fn) {
    const queue = [...items];
    const worker = async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift())
            await fn(item);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
/**
 * Push an OCI image layout (the one image its index.json names) by digest: children before
 * parents, so the registry never holds a manifest whose parts are missing. What the registry
 * already has is skipped: an unchanged image costs one HEAD request.
 */
async function pushLayout(client, dir) {
    const read = (digest) => (0,promises_.readFile)((0,external_node_path_.join)(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
    const index = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'index.json'), 'utf8'));
    const top = index.manifests?.[0];
    if (!top)
        throw new Error(`OCI layout ${dir} holds no image`);
    const uploads = { blobs: 0, manifests: 0 };
    const sentBlobs = new Set();
    const pushBlob = async (digest) => {
        if (sentBlobs.has(digest))
            return;
        sentBlobs.add(digest);
        if (await client.hasBlob(digest))
            return;
        await client.uploadBlob(digest, await read(digest));
        uploads.blobs++;
    };
    const pushManifest = async (digest, mediaType = '') => {
        if (await client.manifestDigest(digest))
            return;
        const bytes = await read(digest);
        const manifest = JSON.parse(bytes.toString('utf8'));
        if (manifest.manifests)
            await Promise.all(manifest.manifests.map(m => pushManifest(m.digest, m.mediaType)));
        else
            await eachLimited([manifest.config, ...(manifest.layers ?? [])].filter(d => d !== undefined).map(d => d.digest), PARALLEL_UPLOADS, pushBlob);
        await client.putManifest(digest, bytes, manifest.mediaType ?? mediaType);
        uploads.manifests++;
    };
    await pushManifest(top.digest, top.mediaType);
    return { digest: top.digest, uploads };
}
/**
 * Point every tag at `digest`, which must already be complete in each tag's repository. The
 * bytes are the registry's own for that digest, so a tag resolves to exactly what was pushed.
 * All tags are written together, once the image is whole.
 */
async function pointTags(clientOf, digest, tags, warn = () => undefined) {
    const result = { moved: [], unchanged: [] };
    await Promise.all((0,reference/* repositoriesOf */.Ub)(tags).map(async (repository) => {
        const client = clientOf(repository);
        const mine = tags.filter(t => (0,reference/* repositoryOf */._M)(t) === repository);
        const current = await Promise.all(mine.map(t => client.manifestDigest((0,reference/* tagOf */.cO)(t))));
        const moving = mine.filter((_, i) => current[i] !== digest);
        result.unchanged.push(...mine.filter((_, i) => current[i] === digest));
        if (!moving.length)
            return;
        const { bytes, mediaType } = await (0,registry_client/* readBack */.e7)(`${repository}@${digest}`, () => client.manifestBytes(digest), warn);
        await Promise.all(moving.map(t => client.putManifest((0,reference/* tagOf */.cO)(t), bytes, mediaType)));
        result.moved.push(...moving);
    }));
    return result;
}
/**
 * The push of a built image: from the OCI layout when the builder could not push by digest
 * itself (the docker driver), then the tags. Nothing is tagged unless the whole image is there.
 */
async function publish(rt, digest, repositories, tags, layout) {
    // Each request is retried by the client (429 with its Retry-After, 5xx, a dropped connection), with a warning.
    const clientOf = (repository) => (0,registry_client/* clientFor */.$V)(repository, rt.env, message => rt.warning(message));
    let uploads;
    if (layout) {
        uploads = { blobs: 0, manifests: 0 };
        for (const repository of repositories) {
            const pushed = await pushLayout(clientOf(repository), layout).catch(e => {
                throw new Error(`Pushing ${repository}@${digest} failed: ${(0,runtime/* errorMessage */.g)(e)}; no tag was moved.`);
            });
            if (pushed.digest !== digest)
                throw new Error(`The image layout holds ${pushed.digest}, not the built ${digest}`);
            uploads.blobs += pushed.uploads.blobs;
            uploads.manifests += pushed.uploads.manifests;
        }
        rt.info(`Pushed ${digest}: ${uploads.blobs} blobs and ${uploads.manifests} manifests uploaded; the registry had the rest`);
    }
    if (!tags.length)
        return { moved: [], unchanged: [], uploads };
    const tagging = await pointTags(clientOf, digest, tags, message => rt.warning(message)).catch(e => {
        throw new Error(`Tagging ${digest} failed: ${(0,runtime/* errorMessage */.g)(e)}`);
    });
    if (tagging.moved.length)
        rt.info(`Tagged ${digest}: ${tagging.moved.join(', ')}`);
    if (tagging.unchanged.length)
        rt.info(`Already at ${digest}: ${tagging.unchanged.join(', ')}`);
    return { ...tagging, uploads };
}

// EXTERNAL MODULE: ./src/core/registry-auth.ts
var registry_auth = __webpack_require__(9495);
;// CONCATENATED MODULE: ./src/pipeline/login.ts




async function logIn(rt, inputs, stage) {
    const logins = (0,registry_auth/* loginsOf */.Q)(inputs, reference/* registryOf */.Fv);
    if (!logins.length)
        return;
    await stage('Log in', async () => {
        const loggedIn = [];
        for (const login of logins) {
            await (0,docker/* mustRun */.Pv)(rt.docker, (0,core_args/* loginArgs */.be)(login.registry, login.username), `Logging in to ${login.registry}`, { input: login.password });
            loggedIn.push(login.registry);
            rt.remember({ logouts: loggedIn });
        }
    });
}

// EXTERNAL MODULE: ./src/core/compare.ts
var compare = __webpack_require__(3164);
// EXTERNAL MODULE: ./src/core/budget.ts
var budget = __webpack_require__(4782);
// EXTERNAL MODULE: ./src/core/verify.ts
var verify = __webpack_require__(7190);
;// CONCATENATED MODULE: ./src/pipeline/comment.ts
// One PR comment with the report, created once and updated on later pushes: found again by a
// hidden marker. GitHub's REST API through fetch; the token never leaves the headers.


class CommentPermissionError extends Error {
}
const commentMarker = (key) => `<!-- ci-base-action report: ${key} -->`;
async function upsertComment(target, marker, markdown, request = fetch, sleep = (ms) => new Promise(r => setTimeout(r, ms))) {
    const api = target.apiUrl.replace(/\/+$/, '');
    // GitHub's API answers 5xx and secondary rate limits (429, or 403 with Retry-After) now and then: three tries.
    const call = async (method, path, body) => {
        for (let attempt = 1;; attempt++) {
            const res = await send(method, path, body);
            const wait = (0,registry_client/* retryAfterMs */.Vs)(res.headers.get('retry-after'));
            const passing = res.status >= 500 || res.status === 429 || (res.status === 403 && wait !== undefined);
            if (!passing || attempt === 3)
                return answer(res, method, path);
            await sleep(Math.min(wait ?? 1000 * attempt, 30_000));
        }
    };
    const send = (method, path, body) => request(`${api}${path}`, {
        method,
        headers: {
            Authorization: `Bearer ${target.token}`,
            Accept: 'application/vnd.github+json',
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'ci-base-action',
            ...(body ? { 'Content-Type': 'application/json' } : {})
        },
        body: body ? JSON.stringify(body) : undefined
    });
    const answer = async (res, method, path) => {
        if (res.status === 401 || res.status === 403 || res.status === 404) {
            throw new CommentPermissionError(`${method} ${path}: ${res.status} ${res.statusText}`);
        }
        if (!res.ok)
            throw new Error(`${method} ${path}: ${res.status} ${res.statusText} ${await res.text()}`);
        return res.json();
    };
    const body = (0,core_report/* fitMarkdown */.DJ)(`${marker}\n${markdown}`, text => text.length <= core_report/* COMMENT_LIMIT */.W$, "GitHub's 65,536-character comment limit");
    const issuePath = `/repos/${target.repository}/issues/${target.issue}/comments`;
    for (let page = 1;; page++) {
        const comments = (await call('GET', `${issuePath}?per_page=100&page=${page}`));
        // Ours: written by a bot (the workflow's token) and opening with this job's marker. A person's
        // comment, even one that quotes or copies the marker, is never edited.
        const mine = comments.find(c => c.body?.startsWith(marker) && c.user?.type === 'Bot');
        if (mine) {
            const updated = (await call('PATCH', `/repos/${target.repository}/issues/comments/${mine.id}`, { body }));
            return { action: 'updated', url: updated.html_url };
        }
        if (comments.length < 100)
            break;
    }
    const created = (await call('POST', issuePath, { body }));
    return { action: 'created', url: created.html_url };
}

// EXTERNAL MODULE: ./src/core/size.ts
var size = __webpack_require__(3910);
;// CONCATENATED MODULE: ./src/core/outputs.ts


const OUTPUTS = {
    digest: 'Digest of the image (the index for multi-platform).',
    imageid: 'Image id where the builder gives one.',
    metadata: 'buildx metadata JSON.',
    tags: 'The tags applied, newline list.',
    size: 'Compressed size in bytes of the first platform (sum of its layer blobs).',
    'size-human': 'The same, for people (231.4 MB, decimal units).',
    layers: 'Layer count of the first platform.',
    'size-delta': 'Bytes vs the baseline for the first platform (signed); empty when there is no baseline.',
    changed: 'false when the image is the baseline, digest for digest (an unchanged rebuild); true when it differs; empty when there is no baseline.',
    report: 'JSON: per platform size, layers, deltas and layer breakdown; totals, baseline, budgets, build time, cache hit rate, stage timings.',
    markdown: 'The report as Markdown (the job summary and PR comment text), to post your own way.',
    'build-time': 'Seconds the build took, one decimal.',
    'cache-hit-rate': 'Percent of Dockerfile steps served from cache, 0-100.',
    verified: 'true when every verify command passed on every platform (and the user is not root, with require-non-root); false otherwise; empty when nothing was asked.'
};
/** Every output of a finished run, from its report. */
function outputs(report, metadata, markdown) {
    const first = report.platforms[0];
    return {
        digest: report.digest,
        imageid: report.imageid,
        metadata,
        tags: report.tags.join('\n'),
        size: first ? String(first.size) : '',
        'size-human': first ? (0,size/* humanSize */.Xe)(first.size) : '',
        layers: first ? String(first.layers) : '',
        'size-delta': first?.sizeDelta === undefined ? '' : String(first.sizeDelta),
        changed: report.changed === undefined ? '' : String(report.changed),
        report: JSON.stringify(report),
        markdown,
        'build-time': report.buildTime.toFixed(1),
        'cache-hit-rate': String(report.cacheHitRate),
        verified: report.verify ? String((0,verify/* verified */.zr)(report.verify)) : ''
    };
}

;// CONCATENATED MODULE: ./src/pipeline/publish-report.ts




async function publishReport(rt, inputs, ctx, report, metadata) {
    const markdown = (0,core_report/* summaryMarkdown */.eH)(report);
    for (const [name, value] of Object.entries(outputs(report, metadata, markdown)))
        rt.setOutput(name, value);
    for (const p of report.platforms) {
        const delta = p.sizeDelta === undefined ? 'new' : `${p.sizeDelta >= 0 ? '+' : ''}${p.sizeDelta} bytes`;
        rt.info(`${p.platform}: ${p.size} bytes (${delta}) in ${p.layers} layers`);
    }
    rt.info(`cache hit rate ${report.cacheHitRate}%, build ${report.buildTime.toFixed(1)} s`);
    if (inputs.summary)
        await rt.writeSummary((0,core_report/* fitMarkdown */.DJ)(markdown, text => Buffer.byteLength(text) <= core_report/* SUMMARY_LIMIT */.Jt - 1024, "GitHub's 1 MiB job summary limit"));
    if (inputs.comment)
        await comment(rt, inputs, ctx, markdown);
}
async function comment(rt, inputs, ctx, markdown) {
    if (!ctx.pullRequest) {
        rt.info('comment: not a pull_request event; the report is in the job summary');
        return;
    }
    if (!inputs.githubToken) {
        rt.warning('comment: no github-token; the report is in the job summary and the markdown output');
        return;
    }
    // One comment per job and matrix entry: the workflow, the job and what it builds name it.
    const marker = commentMarker([ctx.workflow, ctx.job, inputs.file, inputs.image, inputs.target, inputs.platforms.join(',')].filter(Boolean).join(' '));
    try {
        const target = { apiUrl: ctx.apiUrl, repository: ctx.repository, issue: ctx.pullRequest, token: inputs.githubToken };
        const done = await upsertComment(target, marker, markdown);
        rt.info(`comment ${done.action}: ${done.url}`);
    }
    catch (e) {
        const why = e instanceof CommentPermissionError ? ' (the token may not write to pull requests, as on pull requests from forks; give the job `pull-requests: write`)' : '';
        rt.warning(`Could not comment on pull request #${ctx.pullRequest}: ${(0,runtime/* errorMessage */.g)(e)}${why}. The report is in the job summary and the markdown output.`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/finish.ts







async function finish(rt, inputs, ctx, f) {
    const { base, image, verification } = f;
    if (base.status === 'unavailable')
        rt.warning(`Baseline ${base.ref} could not be read: ${base.reason}`);
    const platforms = (0,compare/* compare */.UD)(image.platforms, base.image);
    const breaches = (0,budget/* checkBudgets */.N)(platforms, inputs.budgets);
    const report = (0,core_report/* makeReport */.dO)({
        digest: f.digest,
        imageid: f.imageid,
        tags: f.tags,
        pushed: inputs.push,
        platforms,
        baseline: { ref: base.ref, status: base.status, reason: base.reason, created: (0,core_image/* createdOf */.YC)(base.image) },
        changed: (0,compare/* changedSince */.$A)(image, base.image),
        budgets: inputs.budgets,
        breaches,
        buildTime: (0,core_report/* seconds */.YA)(f.buildMs),
        cacheHitRate: hitRate(f.steps),
        steps: f.steps,
        stages: f.stages,
        ...(verification ? { verify: verification } : {})
    });
    await publishReport(rt, inputs, ctx, report, f.metadataText);
    // Budgets and verify fail the step only after outputs, summary and comment are written.
    const failures = [
        ...(breaches.length ? [`Image over budget:\n${breaches.map(b => b.message).join('\n')}`] : []),
        ...(verification && (0,verify/* verifyFailures */.$)(verification).length ? [`Verify failed:\n${(0,verify/* verifyFailures */.$)(verification).join('\n')}`] : [])
    ];
    if (failures.length)
        throw new Error(failures.join('\n'));
}

// EXTERNAL MODULE: ./src/pipeline/release.ts
var pipeline_release = __webpack_require__(7395);
// EXTERNAL MODULE: ./src/core/build-plan.ts
var build_plan = __webpack_require__(2343);
// EXTERNAL MODULE: ./src/pipeline/verify.ts
var pipeline_verify = __webpack_require__(9073);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/annotations.ts
var core_annotations = __webpack_require__(517);
// EXTERNAL MODULE: ./src/pipeline/github-cache.ts
var github_cache = __webpack_require__(5696);
;// CONCATENATED MODULE: ./src/pipeline/handover.ts
// Per-platform jobs hand their image to the merge job through the GitHub cache service: one
// small entry per platform and run, which the merge job of the same run finds by key. A matrix
// keeps only one job's outputs; the cache keeps each. A re-run's newer entry wins; a platform
// handed over twice in one attempt is an error at the second job.





const safe = (platform) => platform.replace(/[^A-Za-z0-9]/g, '-');
const keyPrefix = (repository, ctx, platform) => `ci-base-action-handover-${(0,external_node_crypto_.createHash)('sha256').update(repository).digest('hex').slice(0, 12)}-${ctx.runId}-${safe(platform)}-`;
// Relative to the workspace: the cache's version hashes the path as written, and runners of
// different kinds (amd64, arm64) agree on it only when it is relative.
const dirFor = (platform) => (0,external_node_path_.join)('.ci-base-action-handover', safe(platform));
async function handOver(h, ctx) {
    const dir = dirFor(h.platform);
    await (0,promises_.mkdir)((0,external_node_path_.join)(ctx.workspace, dir), { recursive: true });
    await (0,promises_.writeFile)((0,external_node_path_.join)(ctx.workspace, dir, 'handover.json'), JSON.stringify(h));
    try {
        await (0,github_cache/* savePaths */.Y)([dir], `${keyPrefix(h.repository, ctx, h.platform)}${ctx.runAttempt}`);
    }
    catch (e) {
        const why = /already exists|another job may be creating/i.test((0,runtime/* errorMessage */.g)(e)) ? `another job of this run already built ${h.platform}; each platform belongs to one job` : (0,runtime/* errorMessage */.g)(e);
        throw new Error(`Handing ${h.platform} over to the merge job failed: ${why}`);
    }
    finally {
        await cleanUp(ctx.workspace, dir);
    }
}
/** Only this platform's directory: jobs sharing a workspace (self-hosted) may be handing over others. */
async function cleanUp(workspace, dir) {
    await (0,promises_.rm)((0,external_node_path_.join)(workspace, dir), { recursive: true, force: true });
    await (0,promises_.rmdir)((0,external_node_path_.join)(workspace, '.ci-base-action-handover')).catch(() => undefined);
}
/** Every platform's hand-over, or one error naming each platform no job handed over. */
async function collectHandovers(repository, platforms, ctx) {
    const found = [];
    const missing = [];
    try {
        for (const platform of platforms) {
            const dir = dirFor(platform);
            const prefix = keyPrefix(repository, ctx, platform);
            const hit = await (0,github_cache/* restorePaths */.B)([dir], `${prefix}${ctx.runAttempt}`, [prefix]);
            if (!hit) {
                missing.push(platform);
                continue;
            }
            const h = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(ctx.workspace, dir, 'handover.json'), 'utf8'));
            await cleanUp(ctx.workspace, dir);
            if (h.platform !== platform || h.repository !== repository)
                throw new Error(`the hand-over for ${platform} names ${h.repository} ${h.platform}`);
            found.push(h);
        }
    }
    finally {
        for (const platform of platforms)
            await cleanUp(ctx.workspace, dirFor(platform));
    }
    if (missing.length) {
        throw new Error(`merge: no per-platform job of run ${ctx.runId} handed over ${missing.join(', ')}; each platform in 'platforms' needs a job with mode: platform for it, which must succeed before the merge.`);
    }
    return found;
}

;// CONCATENATED MODULE: ./src/pipeline/merge.ts
// Merge mode: no build. The platforms the per-platform jobs pushed by digest become one index,
// written by digest and then tagged all at once, and reported like any build (sizes, layers,
// baseline, budgets, summary, comment).









const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** The index of the handed-over platforms, in the order `platforms` names them: the same inputs give the same digest. */
async function indexOf(client, handovers, annotations, warn) {
    const manifests = await Promise.all(handovers.map(async (h) => {
        const { bytes, mediaType } = await (0,registry_client/* readBack */.e7)(`${h.platform} ${h.digest}`, () => client.manifestBytes(h.digest), warn);
        const manifest = JSON.parse(Buffer.from(bytes).toString('utf8'));
        if (manifest.manifests)
            throw new Error(`${h.platform}: ${h.digest} is an index; a per-platform job must push one platform's manifest (provenance off)`);
        const config = JSON.parse(await client.blob(manifest.config.digest));
        const [os, architecture, variant] = h.platform.split('/');
        if (config.os !== os || config.architecture !== architecture)
            throw new Error(`${h.platform}: ${h.digest} is an image for ${config.os}/${config.architecture}`);
        return { mediaType: manifest.mediaType ?? mediaType, digest: h.digest, size: bytes.length, platform: { os, architecture, ...(variant ? { variant } : {}) } };
    }));
    const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests, ...(Object.keys(annotations).length ? { annotations } : {}) };
    const bytes = new TextEncoder().encode(JSON.stringify(index));
    return { digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`, bytes };
}
async function merge(rt, inputs, ctx, tags, sourceDateEpoch, stage, stages) {
    const repository = inputs.image;
    const client = (0,registry_client/* clientFor */.$V)(repository, rt.env, message => rt.warning(message));
    // Only `platforms` is checked against what was handed over: a duplicate cannot be handed over twice.
    const duplicates = inputs.platforms.filter((p, i) => inputs.platforms.indexOf(p) !== i);
    if (duplicates.length)
        throw new Error(`Input 'platforms': ${duplicates.join(', ')} named twice`);
    const handovers = await stage('Collect platforms', () => collectHandovers(repository, inputs.platforms, ctx));
    const labels = (0,core_tags/* ociLabels */.TT)(inputs, ctx, new Date(sourceDateEpoch * 1000));
    const annotations = Object.fromEntries((0,core_annotations/* annotationArgs */.l)(inputs.annotations, labels, '', true)
        .filter(a => a.startsWith('index:'))
        .map(a => a.slice('index:'.length))
        .map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    const baseline = (0,image_sources/* readBaseline */.mF)(rt.docker, inputs.baseline, inputs.platforms, rt.env);
    if (tags.includes(inputs.baseline))
        await baseline;
    const digest = await stage('Create index', async () => {
        const index = await indexOf(client, handovers, annotations, message => rt.warning(message));
        if (!(await client.manifestDigest(index.digest)))
            await client.putManifest(index.digest, index.bytes, OCI_INDEX);
        rt.info(`Index ${index.digest}: ${handovers.map(h => `${h.platform} ${h.digest}`).join(', ')}`);
        return index.digest;
    });
    await stage('Tag', () => publish(rt, digest, [repository], tags));
    const [image, base] = await stage('Inspect', () => Promise.all([(0,core_image/* readImage */.AM)((0,image_sources/* registrySource */.Bf)(rt.docker, repository, rt.env), `${repository}@${digest}`, inputs.platforms), baseline]));
    await finish(rt, inputs, ctx, { digest, imageid: '', tags, image, base, buildMs: 0, steps: { steps: 0, cached: 0 }, stages, metadataText: '{}' });
}

// EXTERNAL MODULE: ./src/pipeline/http.ts
var http = __webpack_require__(3760);
;// CONCATENATED MODULE: ./src/pipeline/main.ts
// The main step: (login) -> buildx -> QEMU -> cache restore -> build (+push) -> inspect -> outputs + summary.



























/** The runner masks line by line: a multi-line secret (a PEM key) is masked whole and per line. */
function maskLines(rt, secret) {
    rt.setSecret(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim().length >= 4 && line !== secret)
            rt.setSecret(line);
}
async function main(rt, raw) {
    rt.remember({}); // post runs, whatever happens next
    for (const secret of [raw.password, raw['github-token'], raw['tls-key'], raw['tls-cert']])
        if (secret && !secret.startsWith('${{'))
            maskLines(rt, secret);
    const inputs = (0,core_inputs.parseInputs)(raw, rt.env);
    for (const login of inputs.logins)
        maskLines(rt, login.password);
    // Build secrets travel as environment variables; their values must never show in a log.
    for (const secret of inputs.secrets)
        if (rt.env[secret.env])
            maskLines(rt, rt.env[secret.env]);
    // A file secret's path must be there: buildx would only say "failed to stat".
    for (const file of inputs.secretFiles) {
        await (0,promises_.access)(file.path).catch(() => {
            throw new core_inputs/* InputError */.dz([`Input 'secret-files': the file for secret '${file.id}' (${file.path}) does not exist or cannot be read.`]);
        });
    }
    for (const name of (0,core_inputs/* secretLookingBuildArgs */.rE)(inputs.buildArgs)) {
        rt.warning(`Build arg ${name} looks like a secret: a build arg's value stays in the image's history and metadata. Pass it with secrets (${name.toLowerCase()}=${name}) and read it in RUN --mount=type=secret,id=${name.toLowerCase()} instead.`);
    }
    (0,http/* setRequestTimeout */.T)(inputs.registryTimeoutMs);
    const ctx = (0,github_context/* runContext */.p)(rt.env);
    const created = await (0,source_date/* sourceDate */.e)(rt, inputs, ctx);
    const version = (0,core_tags/* releaseVersion */.SF)(inputs, ctx);
    const now = rt.now();
    const stages = [];
    const stage = async (name, fn) => {
        const started = rt.now().getTime();
        try {
            return await rt.group(name, fn);
        }
        finally {
            stages.push({ stage: name, seconds: (0,core_report/* stageSeconds */.eR)(rt.now().getTime() - started) });
        }
    };
    await logIn(rt, inputs, stage);
    const release = await (0,pipeline_release/* releaseOf */.l)(rt, inputs, version);
    // A per-platform build is pushed untagged: its tags are the merge job's.
    const tags = inputs.mode === 'platform' ? [] : (0,core_tags/* imageTags */.rK)(inputs, ctx, now, release);
    rt.setOutput('tags', tags.join('\n'));
    if (inputs.mode === 'merge')
        return merge(rt, inputs, ctx, tags, created.epoch, stage, stages);
    const repositories = inputs.mode === 'platform' ? [inputs.image] : (0,reference/* repositoriesOf */.Ub)(tags);
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.temp, 'ci-base-action-'));
    const cache = (0,cache_plan/* planCache */._s)(inputs, tags, ctx, rt.env);
    const names = (0,build_plan/* runNames */.o)(ctx, process.pid);
    const dockerfile = await (0,promises_.readFile)(inputs.file, 'utf8').catch(() => '');
    const bases = (0,core_dockerfile/* baseImages */.i)(dockerfile, inputs.buildArgs);
    const buildx = await stage('Set up buildx', () => (0,pipeline_buildx/* setupBuildx */.Gr)(rt, inputs, { builder: names.builder, temp: work }, cache, [...tags, ...cache.registryRefs, ...bases]));
    // From here on, `buildx` is the one setup chose: the runner's plugin or the installed binary.
    rt = { ...rt, docker: (0,docker/* withBuildx */.xG)(rt.docker, buildx.binary) };
    await stage('Set up QEMU', () => (0,qemu/* setupQemu */.yV)(rt, inputs, ctx.temp));
    for (const warning of [...cache.warnings, (0,cache_plan/* ghaVersionWarning */.XP)(cache, buildx.version)])
        if (warning)
            rt.warning(warning);
    if (cache.local) {
        const local = cache.local;
        rt.remember({ localCache: local });
        await stage('Restore cache', async () => {
            try {
                const hit = await (0,local_cache/* restoreLocalCache */.k)(local);
                rt.info(hit ? `Cache restored from ${hit}` : 'No cache found; this build starts cold');
            }
            catch (e) {
                rt.warning(`Cache restore failed; building without it: ${(0,runtime/* errorMessage */.g)(e)}`);
            }
        });
    }
    // Verify runs what was built: pulled by digest after a push, else loaded under a name of this run's.
    const wantsVerify = inputs.verify.length > 0 || inputs.requireNonRoot;
    const verifyKey = names.verifyKey;
    const localName = wantsVerify && !inputs.push ? `${verifyKey}:built` : '';
    if (wantsVerify)
        rt.remember({ verifyKey, ...(localName ? { verifyImage: localName } : {}) });
    const plan = (0,build_plan/* makeBuildPlan */.e)({
        inputs, ctx, tags, cache, builder: buildx.builder, driver: buildx.driver, work, dockerfile, sourceDateEpoch: created.epoch, verifyName: localName, repositories
    });
    const { ociDir, pushTo } = plan;
    // The published image is read while the build runs, or before it when the push replaces it.
    const baseline = (0,image_sources/* readBaseline */.mF)(rt.docker, inputs.baseline, inputs.platforms, rt.env);
    if (inputs.push && tags.includes(inputs.baseline))
        await baseline;
    const built = await stage(pushTo.length ? 'Build and push' : 'Build', () => runBuild(rt, plan)).catch(e => {
        if (e instanceof BuildError)
            rt.setOutput('build-time', (0,core_report/* seconds */.YA)(e.milliseconds).toFixed(1));
        throw e;
    });
    const digest = built.digest;
    // Said now: a push that fails next still tells how long the build took.
    rt.setOutput('build-time', (0,core_report/* seconds */.YA)(built.milliseconds).toFixed(1));
    if (inputs.push)
        await stage(pushTo.length ? 'Tag' : 'Push and tag', () => publish(rt, digest, repositories, tags, pushTo.length ? undefined : ociDir));
    const cacheFaults = (0,cache_plan/* cacheFaultWarning */.h2)(built.cacheFaults);
    if (cacheFaults)
        rt.warning(cacheFaults);
    const [image, base] = await stage('Inspect', () => Promise.all([
        pushTo.length
            ? (0,image_sources/* readFreshImage */.MP)((0,image_sources/* registrySource */.Bf)(rt.docker, repositories[0], rt.env, message => rt.warning(message)), `${repositories[0]}@${digest}`, inputs.platforms, message => rt.warning(message))
            : (0,core_image/* readImage */.AM)((0,image_sources/* ociLayoutSource */.pM)(ociDir), 'index', inputs.platforms),
        baseline
    ]));
    // The exported layout was only there to be measured (it is as large as the image).
    await (0,promises_.rm)(ociDir, { recursive: true, force: true });
    const verification = wantsVerify
        ? await stage('Verify', async () => {
            const targets = image.platforms.map(p => ({ platform: p.platform, ref: localName || `${repositories[0]}@${p.digest}`, user: p.user ?? '' }));
            try {
                return await (0,pipeline_verify/* verifyImage */.ZG)(rt, inputs, targets, !localName, verifyKey);
            }
            finally {
                if (localName)
                    await rt.docker(['image', 'rm', '--force', localName], { quiet: true });
            }
        })
        : undefined;
    if (inputs.mode === 'platform') {
        await stage('Hand over', async () => {
            for (const p of image.platforms)
                await handOver({ platform: p.platform, repository: inputs.image, digest: p.digest }, ctx);
            rt.info(`Handed over to the merge job: ${image.platforms.map(p => `${p.platform} ${p.digest}`).join(', ')}`);
        });
    }
    await finish(rt, inputs, ctx, {
        digest: digest || image.digest,
        imageid: built.imageId,
        tags,
        image,
        base,
        buildMs: built.milliseconds,
        steps: built.steps,
        stages,
        verification,
        metadataText: built.metadataText
    });
}


/***/ }),

/***/ 7368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xd: () => (/* binding */ saveBinfmtImage),
/* harmony export */   yV: () => (/* binding */ setupQemu)
/* harmony export */ });
/* unused harmony exports BINFMT_DIR, nativePlatforms, emulatorFor, isRegistered, emulationNeed, unavailableMessage, binfmtCacheFor */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _github_cache_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5696);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4118);
/* harmony import */ var _core_args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1038);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9312);
// QEMU user emulation: which requested platforms need an emulator, which are already
// registered with binfmt_misc, and registering the missing ones.







const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
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
function isRegistered(entry, dir = BINFMT_DIR) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').startsWith('enabled');
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
    return { image, path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(temp, 'ci-base-action-binfmt', `${name}.tar`), key: `ci-base-action-binfmt-${name}` };
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
    const result = await rt.docker((0,_core_args_js__WEBPACK_IMPORTED_MODULE_4__/* .binfmtArgs */ .MF)(image, arches));
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
        if (!(await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .restorePaths */ .B)([cache.path], cache.key)))
            return false;
        await (0,_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .mustRun */ .Pv)(rt.docker, ['load', '--input', cache.path], 'Loading the cached binfmt image', { quiet: true });
        return true;
    }
    catch (e) {
        rt.warning(`QEMU: could not restore the binfmt image from cache: ${(0,_runtime_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(e)}`);
        return false;
    }
}
/** Post: keep the pulled binfmt image for the next run. */
async function saveBinfmtImage(rt, cache) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(cache.path), { recursive: true });
    await (0,_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .mustRun */ .Pv)(rt.docker, ['save', '--output', cache.path, cache.image], 'Saving the binfmt image', { quiet: true });
    await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .savePaths */ .Y)([cache.path], cache.key);
}


/***/ }),

/***/ 9073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZG: () => (/* binding */ verifyImage),
/* harmony export */   u4: () => (/* binding */ removeVerifyLeftovers)
/* harmony export */ });
/* unused harmony export VERIFY_LABEL */
/* harmony import */ var _core_verify_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7190);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9312);


/** The label every verify container carries: post removes whatever main left behind. */
const VERIFY_LABEL = 'ci-base-action.verify';
/** /etc/passwd out of the image without running anything in it (it may have no shell). */
async function passwdOf(rt, target) {
    const created = await (0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['create', '--platform', target.platform, target.ref], 'Creating a container to read /etc/passwd', { quiet: true });
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
        const output = (0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .lastLines */ .w$)(`${run.stdout}${run.stderr ? `\n${run.stderr}` : ''}`.trim(), 10);
        return { platform: target.platform, command: line, passed: !timedOut && run.code === 0, ...(timedOut ? {} : { exitCode: run.code }), timedOut, seconds, output };
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
            await (0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['pull', '--quiet', '--platform', target.platform, target.ref], `Pulling ${target.ref} to verify it`, { quiet: true });
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
    const listed = await (0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['ps', '--all', '--quiet', '--filter', `label=${VERIFY_LABEL}=${key}`], 'Listing verify containers', { quiet: true });
    const ids = listed.stdout.split('\n').map(s => s.trim()).filter(Boolean);
    if (ids.length)
        await (0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .mustRun */ .Pv)(rt.docker, ['rm', '--force', ...ids], 'Removing verify containers', { quiet: true });
    if (image)
        await rt.docker(['image', 'rm', '--force', image], { quiet: true });
    rt.info(`Removed ${ids.length} verify container(s)${image ? ` and ${image}` : ''}`);
}


/***/ })

};
