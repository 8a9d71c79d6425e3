export const id = 469;
export const ids = [469];
export const modules = {

/***/ 443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ sumOfKey),
/* harmony export */   NY: () => (/* binding */ mountKey),
/* harmony export */   Ou: () => (/* binding */ planMounts),
/* harmony export */   Uz: () => (/* binding */ restoreFromImageDockerfile),
/* harmony export */   Xg: () => (/* binding */ restoreDockerfile),
/* harmony export */   fp: () => (/* binding */ mountKeyPrefix),
/* harmony export */   sA: () => (/* binding */ sumDockerfile),
/* harmony export */   uv: () => (/* binding */ archiveName)
/* harmony export */ });
/* unused harmony exports cacheMountsOf, selectMounts, mountFile, mountsImage, helperFor */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _dockerfile_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5993);
/* harmony import */ var _cache_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9961);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8207);
// Cache mounts kept across runs. `RUN --mount=type=cache` stores (apk, apt, npm, pnpm) live in
// the builder and start empty on every hosted runner: they are carried in and out by small
// builds of their own on the same builder. A restore build unpacks each archive into its mount;
// a sum build lists each mount (names, sizes, times, modes) so that only a mount whose content
// changed is packed and saved. Pure: which mounts, the helper Dockerfiles, the cache keys.




/** The cache mounts a Dockerfile's RUN lines use (continuation lines joined); those based on another stage are left out. */
function cacheMountsOf(dockerfile) {
    const found = new Map();
    for (const line of dockerfile.replace(/\\[ \t]*\r?\n/g, ' ').split(/\r?\n/)) {
        if (!/^\s*RUN\s/i.test(line))
            continue;
        for (const m of line.matchAll(/--mount=(\S+)/g)) {
            const attrs = Object.fromEntries(m[1].split(',').map(kv => (kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, 'true'])));
            if (attrs.type !== 'cache' || attrs.from || attrs.source)
                continue;
            const id = attrs.id ?? attrs.target ?? attrs.dst ?? attrs.destination;
            if (!id || found.has(id))
                continue;
            found.set(id, {
                id,
                ...(attrs.uid ? { uid: attrs.uid } : {}),
                ...(attrs.gid ? { gid: attrs.gid } : {}),
                ...(attrs.mode ? { mode: attrs.mode } : {})
            });
        }
    }
    return [...found.values()];
}
/** `cache-mounts`: `auto` takes every one the Dockerfile uses; otherwise the ids (or targets) named, each of which it must use. */
function selectMounts(wanted, used) {
    if (wanted.includes('auto'))
        return { mounts: used, unknown: [] };
    const byId = new Map(used.map(m => [m.id, m]));
    return { mounts: wanted.filter(w => byId.has(w)).map(w => byId.get(w)), unknown: wanted.filter(w => !byId.has(w)) };
}
/** A file-safe name for a mount: its index keeps two ids that sanitize alike apart. */
const mountFile = (i, mount) => `${i}-${mount.id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+/, '')}`;
const mountFlag = (mount, target) => [
    '--mount=type=cache',
    `id=${mount.id}`,
    `target=${target}`,
    ...['uid', 'gid', 'mode'].filter(k => mount[k]).map(k => `${k}=${mount[k]}`)
].join(',');
/**
 * The helper's first lines. Root whatever the base's USER (the mounts keep the uid, gid and
 * mode the Dockerfile gives them; tar run as root keeps every file's owner), the stage's SHELL.
 */
const helperFrom = (helper, as = '') => [
    `FROM ${helper.image}${as ? ` AS ${as}` : ''}`,
    'USER 0:0',
    ...(helper.shell ? [`SHELL ${helper.shell}`] : []),
    'ARG NONCE'
];
// The listing a sum is made of: every file with its size, time and mode, in a fixed order.
// Directories are left out: unpacking an archive over a mount that already holds it gives its
// directories new times, not new content. busybox and GNU userlands both have these commands;
// NUL-separated so that any file name is safe.
const LISTING = `find . ! -type d -print0 | sort -z | xargs -0 -r stat -c '%n %s %Y %a' | sha256sum | cut -c1-64`;
/** Each mount at its own path in the one helper container. */
const mountPath = (i) => `/cm${i}`;
/** A mount's archive: a tar, gzip'd when that pays (see packArchive). */
const archiveName = (file) => `${file}.archive`;
/**
 * Packs a mount into its archive. A tar; for the GitHub cache, gzip'd when a sample of it
 * shrinks below 70 %: a store of text (npm, pnpm) crosses from the runner into a
 * docker-container builder (about 60 MB/s there) in a third of the bytes, while packages that
 * are compressed already (.deb, .apk) would only cost a gzip and a gunzip. An image layer (the
 * registry store) is compressed by the exporter anyway: never gzip'd there.
 */
const packArchive = (file, gzip) => {
    const out = `/out/${archiveName(file)}`;
    const sample = `head -c 4194304 ${out}`;
    return [
        `tar -cf ${out} .`,
        ...(gzip
            ? [
                `if command -v gzip >/dev/null && [ $(( $(${sample} | gzip -c | wc -c) * 10 )) -lt $(( $(${sample} | wc -c) * 7 )) ]; ` +
                    `then gzip -c ${out} > ${out}.gz && mv ${out}.gz ${out}; fi`
            ]
            : []),
        `stat -c %s ${out} > /out/${file}.size`
    ].join(' && ');
};
/**
 * Unpacks each archive into its mount, gzip'd or not (`gzip`, read from its first bytes by
 * the runner; the registry store's are never gzip'd). `--numeric-owner` where the tar has it (GNU and
 * busybox do): without it busybox's tar reads /etc/passwd and /etc/group for every file, which
 * doubles the time of a store of thousands of small files.
 */
const unpack = (mounts) => [
    'N=$(tar --help 2>&1 | grep -q -e --numeric-owner && echo --numeric-owner || true)',
    ...mounts.map(({ file, gzip }, i) => `tar $N -x${gzip ? 'z' : ''}f /in/${archiveName(file)} -C ${mountPath(i)}`)
].join(' && ');
/**
 * Unpacks each archive in the context (`<file>.archive`) into its mount, all in one step (one
 * container). NONCE keeps BuildKit from skipping it as cached.
 */
function restoreDockerfile(helper, mounts) {
    const flags = mounts.map(({ mount, file }, i) => `${mountFlag(mount, mountPath(i))} --mount=type=bind,source=${archiveName(file)},target=/in/${archiveName(file)}`);
    return [...helperFrom(helper), `RUN ${flags.join(' ')} echo "$NONCE" >/dev/null && ${unpack(mounts)}`, ''].join('\n');
}
/**
 * Lists each mount into `/<file>.sum` and packs it into `/<file>.archive`, in one step: `pack`
 * says which to pack: `all`, `none`, or `changed`: those whose sum's first 16 characters are not
 * the one they were restored with (build arg SUMS, `<file>=<sum> ...`). `gzip`: whether an
 * archive may be gzip'd (packArchive). The output stage holds only those files.
 */
function sumDockerfile(helper, mounts, pack, gzip = true) {
    const flags = mounts.map(({ mount }, i) => mountFlag(mount, mountPath(i)));
    const tar = (file) => packArchive(file, gzip);
    const each = mounts.map(({ file }, i) => {
        const sum = `cd ${mountPath(i)} && s=$(${LISTING}) && echo "$s" > /out/${file}.sum`;
        if (pack === 'none')
            return sum;
        if (pack === 'all')
            return `${sum} && ${tar(file)}`;
        return `${sum} && case " $SUMS " in *" ${file}=$(echo "$s" | cut -c1-16) "*) ;; *) ${tar(file)} ;; esac`;
    });
    return [
        ...helperFrom(helper, 'work'),
        ...(pack === 'changed' ? ['ARG SUMS'] : []),
        `RUN ${flags.join(' ')} echo "$NONCE" >/dev/null && mkdir -p /out && ${each.join(' && ')}`,
        'FROM scratch',
        'COPY --from=work /out/ /',
        ''
    ].join('\n');
}
/** The GitHub cache key of a mount's content: scope, mount, and the sum of what it holds (an entry never changes). */
function mountKey(scope, file, sum) {
    return `${mountKeyPrefix(scope, file)}${sum.slice(0, 16)}`;
}
const mountKeyPrefix = (scope, file) => `ci-base-action-mount-${scope}-${file}-`;
/** The sum a restored entry's key carries ('' for none). */
const sumOfKey = (key, prefix) => (key?.startsWith(prefix) ? key.slice(prefix.length) : '');
/**
 * The restore when the archives are kept in the registry: the saved image is a stage, each
 * archive is bound from it, and the output is the sums it was saved with (a missing image fails
 * the build: nothing saved yet).
 */
function restoreFromImageDockerfile(helper, image, mounts) {
    const flags = mounts.map(({ mount, file }, i) => `${mountFlag(mount, mountPath(i))} --mount=type=bind,from=saved,source=/${archiveName(file)},target=/in/${archiveName(file)}`);
    return [
        `FROM ${image} AS saved`,
        ...helperFrom(helper, 'unpack'),
        `RUN ${flags.join(' ')} echo "$NONCE" >/dev/null && ${unpack(mounts)} && mkdir -p /out && echo "$NONCE" > /out/unpacked`,
        'FROM scratch',
        ...mounts.map(({ file }) => `COPY --from=saved /${file}.sum /${file}.size /`),
        'COPY --from=unpack /out/ /',
        ''
    ].join('\n');
}
/** The image the archives are kept in, next to the registry cache: `r/x:buildcache` → `r/x:buildcache-mounts`. */
const mountsImage = (cacheRef) => (0,_cache_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .withTagSuffix */ .GD)(cacheRef, '-mounts', 'mounts');
/** Whether a stage's RUN lines use the cache mount `id`. */
const usesMount = (stage, id) => stage.runs.some(run => cacheMountsOf(run).some(m => m.id === id));
/**
 * The image the helper builds run in. A cache mount belongs to the builder, not to a stage, so
 * any stage that runs a shell will do: the one that uses the first mount when it runs one (its
 * image is pulled by the build anyway), else the first other that does. A stage runs a shell
 * when it or a stage it starts from has a RUN in shell form and its chain starts from an image
 * (not scratch). None at all (every RUN in exec form: distroless or scratch stages only) is
 * refused before anything runs: the mounts could never be carried.
 */
function helperFor(stages, mounts) {
    const runsShell = (i) => (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .rootImage */ .gK)(stages, i) !== 'scratch' && (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .chainOf */ .dR)(stages, i).some(s => s.runsShell);
    const own = stages.findIndex(s => usesMount(s, mounts[0].id));
    const chosen = own >= 0 && runsShell(own) ? own : stages.findIndex((_, i) => runsShell(i));
    if (chosen < 0) {
        const stage = stages[own >= 0 ? own : 0];
        throw new _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz([
            `Input 'cache-mounts': the cache mount ${mounts[0].id} is used in stage ${stage.name} (FROM ${stage.from}), which runs ` +
                'no shell, and no stage of the Dockerfile runs one (a RUN in shell form on an image) to carry the mounts in and out. ' +
                'Add a stage FROM an image with a shell and tar (it is not built unless a target needs it), or leave cache-mounts empty.'
        ]);
    }
    const shell = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .chainOf */ .dR)(stages, chosen).find(s => s.shell)?.shell;
    return { image: (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .rootImage */ .gK)(stages, chosen), ...(shell ? { shell } : {}) };
}
function planMounts(inputs, f, cache) {
    const { mounts, unknown } = selectMounts(inputs.cacheMounts, cacheMountsOf(f.dockerfile));
    const warnings = unknown.length
        ? [`cache-mounts: the Dockerfile has no RUN --mount=type=cache with id or target ${unknown.join(', ')}`]
        : [];
    const helper = mounts.length ? helperFor((0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .stagesOf */ .ZL)(f.dockerfile, inputs.buildArgs), mounts) : { image: '' };
    const cacheRef = inputs.cacheRef || (inputs.image ? `${inputs.image}:buildcache` : '');
    const store = inputs.cacheMountsStore;
    if (mounts.length && store === 'registry' && !cacheRef)
        warnings.push('cache-mounts-store: registry needs cache-ref or image to keep them next to; they are not carried');
    const carried = store === 'gha' || cacheRef;
    return {
        helper,
        mounts: carried ? mounts.map((mount, i) => ({ mount, file: mountFile(i, mount) })) : [],
        scope: (0,_cache_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .cacheScope */ .ju)(inputs, f.ctx),
        // A fixed path: the GitHub cache files an entry under the paths it was saved from.
        dir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(f.ctx.temp, 'ci-base-action-mounts', (0,_cache_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .cacheScope */ .ju)(inputs, f.ctx)),
        write: cache.write,
        store,
        image: cacheRef ? mountsImage(cacheRef) : '',
        timeoutMs: inputs.cacheTimeoutMs,
        warnings
    };
}


/***/ }),

/***/ 1837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TT: () => (/* binding */ ociLabels),
  SF: () => (/* binding */ releaseVersion),
  nP: () => (/* binding */ tagNames)
});

// UNUSED EXPORTS: formatDate, imageTags, tagSafe

// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
;// CONCATENATED MODULE: ./src/core/registry/semver.ts
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

// EXTERNAL MODULE: ./src/core/registry/annotations.ts
var annotations = __webpack_require__(9709);
// EXTERNAL MODULE: ./src/core/inputs/tag-policy.ts
var tag_policy = __webpack_require__(7964);
;// CONCATENATED MODULE: ./src/core/inputs/tags.ts




/**
 * A value as a tag: every run of characters a tag cannot hold becomes '-', a leading '.' or '-'
 * is dropped, at most 128 characters (the distribution spec's limit).
 */
const tagSafe = (value) => value
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
/** `YYYY`, `YY`, `MM`, `DD`, `HH`, `mm`, `ss` (moment's names, as metadata-action's patterns use) in a time zone. */
function formatDate(date, format, timeZone = 'UTC') {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit'
    })
        .formatToParts(date)
        .map(p => [p.type, p.value]));
    const tokens = {
        YYYY: parts.year,
        YY: parts.year.slice(-2),
        MM: parts.month,
        DD: parts.day,
        HH: parts.hour,
        mm: parts.minute,
        ss: parts.second
    };
    return format.replace(/YYYY|YY|MM|DD|HH|mm|ss/g, t => tokens[t]);
}
/** The commit a run names: on pull requests, the head commit when a `sha:head` rule asks for it. */
function commitOf(inputs, ctx) {
    return inputs.tagPolicy.some(r => r.kind === 'sha' && r.head) && ctx.headSha ? ctx.headSha : ctx.sha;
}
const branchOf = (ref) => (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '');
/** The release a `refs/tags/…` run builds, when `tag-policy` asks for semver; undefined on other events. */
function releaseVersion(inputs, ctx) {
    if (!inputs.tagPolicy.some(r => r.kind === 'semver') || !ctx.ref.startsWith('refs/tags/'))
        return undefined;
    const tag = ctx.ref.slice('refs/tags/'.length);
    const version = parseVersion(tag);
    if (!version)
        throw new Error(`Input 'tag-policy': 'semver' needs a version tag such as v1.2.3 or 1.2.3-rc.1; this run's tag is '${tag}'.`);
    return version;
}
// metadata-action's priorities (date and the explicit tags rank as its raw type): the highest gives the version.
const PRIORITY = { schedule: 1000, semver: 900, edge: 700, ref: 600, date: 200, latest: 150, sha: 100 };
/** The tag names (no repository) one rule gives on this run, unprefixed; none when the rule does not apply. */
function namesOf(rule, ctx, commit, now, release) {
    const branch = branchOf(ctx.ref);
    switch (rule.kind) {
        case 'sha':
            return commit ? [`sha-${commit.slice(0, rule.length ?? 7)}`] : [];
        case 'date':
            return [formatDate(now, 'YYYYMMDD')];
        case 'latest':
            return ctx.defaultBranch && branch === ctx.defaultBranch ? ['latest'] : [];
        case 'semver':
            if (!release)
                return [];
            return release.published ? releaseTags(release.version, release.published) : [release.version.text];
        case 'ref': {
            const pr = /^refs\/pull\/(\d+)\//.exec(ctx.ref)?.[1] ?? (ctx.pullRequest ? String(ctx.pullRequest) : '');
            if (ctx.ref.startsWith('refs/pull/') || (ctx.eventName.startsWith('pull_request') && pr))
                return pr ? [`pr-${pr}`] : [];
            if (branch)
                return [tagSafe(branch)];
            if (ctx.ref.startsWith('refs/tags/'))
                return [tagSafe(ctx.ref.slice('refs/tags/'.length))];
            return [];
        }
        case 'edge':
            return branch && branch === (rule.branch ?? ctx.defaultBranch) ? ['edge'] : [];
        case 'schedule':
            if (ctx.eventName !== 'schedule')
                return [];
            return [
                tagSafe((rule.pattern ?? 'nightly').replace(tag_policy/* EXPRESSION */.N3, (_, expr, format, tz) => expr === 'sha' ? commit.slice(0, 7) : expr === 'branch' ? branch : formatDate(now, format ?? '', tz || 'UTC')))
            ].filter(Boolean);
    }
}
/** The tags a run writes. `release.published`: the repository's tags, for which floating tags (X.Y, X, latest) may move. */
function tagNames(inputs, ctx, now, release) {
    const { image } = inputs;
    const given = inputs.tags.map(t => ((0,reference/* isBareTag */.vA)(t) ? `${image}:${t}` : t));
    const commit = commitOf(inputs, ctx);
    // `latest` carries no prefix or suffix, as metadata-action's flavor (onlatest=false) leaves it.
    const dress = (name) => (name === 'latest' ? name : tagSafe(`${inputs.tagPrefix}${name}${inputs.tagSuffix}`));
    const ruled = image
        ? inputs.tagPolicy.map(rule => ({ priority: PRIORITY[rule.kind], names: namesOf(rule, ctx, commit, now, release).map(dress) }))
        : [];
    // The explicit tags rank as metadata-action's raw ones; `latest` is never the version.
    const candidates = [{ priority: PRIORITY.date, names: inputs.tags.filter(reference/* isBareTag */.vA) }, ...ruled]
        .map(c => ({ ...c, names: c.names.filter(n => n !== 'latest') }))
        .filter(c => c.names.length)
        .sort((a, b) => b.priority - a.priority);
    const tags = [...given, ...ruled.flatMap(r => r.names.map(n => `${image}:${n}`))];
    return { tags: [...new Set(tags)], version: candidates[0]?.names[0] ?? '' };
}
/** Only the references: see tagNames. */
const imageTags = (...args) => tagNames(...args).tags;
/**
 * The OCI labels the action adds; the user's own labels (KEY=VALUE) win over them, and the
 * Dockerfile's own title, description and licenses stay (a --label would replace them).
 */
function ociLabels(inputs, ctx, now, dockerfile = '', version) {
    const named = version || tagNames(inputs, ctx, now).version;
    const fromDockerfile = (0,annotations/* dockerfileLabelKeys */.N3)(dockerfile);
    const describing = {
        'org.opencontainers.image.title': ctx.repository.split('/')[1],
        'org.opencontainers.image.description': ctx.repositoryFacts?.description,
        'org.opencontainers.image.url': ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : '',
        'org.opencontainers.image.licenses': ctx.repositoryFacts?.license
    };
    const ours = {
        ...Object.fromEntries(Object.entries(describing).filter(([k]) => !fromDockerfile.has(k))),
        // As BuildKit writes the config's own time: whole seconds.
        'org.opencontainers.image.created': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'org.opencontainers.image.revision': commitOf(inputs, ctx),
        'org.opencontainers.image.source': ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : '',
        'org.opencontainers.image.version': named || ctx.ref.replace(/^refs\/(heads|tags)\//, '')
    };
    const userKeys = new Set(inputs.labels.map(l => l.slice(0, l.indexOf('='))));
    const added = Object.entries(ours)
        .filter(([k, v]) => v && !userKeys.has(k))
        .map(([k, v]) => `${k}=${v}`);
    return [...added, ...inputs.labels];
}


/***/ }),

/***/ 9709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N3: () => (/* binding */ dockerfileLabelKeys),
/* harmony export */   lM: () => (/* binding */ annotationArgs),
/* harmony export */   nM: () => (/* binding */ indexAnnotations)
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
/** Every OCI key a Dockerfile's LABELs set, with literal values or built from ARGs. */
const dockerfileLabelKeys = (dockerfile) => new Set([...dockerfile.matchAll(/(org\.opencontainers\.image\.[a-z]+)=/g)].map(m => m[1]));
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
/** The index's own annotations among buildx's --annotation values (`index:key=value`), as the index carries them. */
const indexAnnotations = (args) => Object.fromEntries(args
    .filter(a => a.startsWith('index:'))
    .map(a => a.slice('index:'.length))
    .map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));


/***/ }),

/***/ 7877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ planRun)
});

// EXTERNAL MODULE: ./src/core/inputs/tags.ts + 1 modules
var inputs_tags = __webpack_require__(1837);
// EXTERNAL MODULE: ./src/core/builder/cache-plan.ts
var cache_plan = __webpack_require__(9961);
// EXTERNAL MODULE: ./src/core/builder/dockerfile.ts
var dockerfile = __webpack_require__(5993);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/registry/annotations.ts
var annotations = __webpack_require__(9709);
// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
;// CONCATENATED MODULE: ./src/core/build-plan.ts
// The `docker buildx build` a run will do, decided once from the inputs and what setup chose:
// the action runs it, and `ci-base-action build --dry-run` prints it. Pure.




const safeName = (text) => text.replace(/[^A-Za-z0-9_-]/g, '-');
/** Names of this run's own things: its builder, and the verify containers' label. */
const runNames = (ctx, pid) => ({
    builder: safeName(`ci-base-${ctx.runId}-${ctx.runAttempt}-${pid}`),
    verifyKey: safeName(`ci-base-verify-${ctx.runId}-${ctx.runAttempt}-${pid}`).toLowerCase()
});
/** The registry tags a run writes: none for a per-platform build (its tags are the merge job's). */
const runTags = (inputs, tags) => (inputs.mode === 'platform' ? [] : tags());
/** Where the image is pushed by digest: the tags' repositories, or the image's alone for a per-platform build. */
const pushRepositories = (inputs, tags) => inputs.mode === 'platform' ? [inputs.image] : (0,reference/* repositoriesOf */.Ub)(tags);
const wantsVerify = (inputs) => inputs.verify.length > 0 || inputs.requireNonRoot;
/** The local name a build is loaded under to be verified: only when it is verified and not pushed (a pushed one is pulled by digest). */
const verifyName = (inputs, verifyKey) => wantsVerify(inputs) && !inputs.push ? `${verifyKey}:built` : '';
function makeBuildPlan(f) {
    const { inputs } = f;
    const labels = (0,inputs_tags/* ociLabels */.TT)(inputs, f.ctx, new Date(f.sourceDateEpoch * 1000), f.dockerfile, f.version);
    // Exporting to a layout this machine did not keep writes every layer again: where the engine
    // runs here, it pushes to the action's front instead, which keeps only what the registry lacks.
    // Not with rewrite-timestamp: the engine's image export unpacks, and BuildKit refuses both.
    const front = inputs.push && f.driver === 'docker' && f.layoutKept === false && f.engineHere === true && !inputs.rewriteTimestamp;
    return {
        inputs,
        builder: f.builder,
        tags: f.tags,
        labels,
        annotations: (0,annotations/* annotationArgs */.lM)(inputs.annotations, labels, f.dockerfile, inputs.platforms.length > 1),
        cacheFrom: f.cache.from,
        cacheTo: f.cache.to.filter(c => !f.cache.toIfStale.includes(c)),
        cacheToAfter: f.cache.toIfStale,
        inlineCache: f.cache.inline,
        metadataFile: (0,external_node_path_.join)(f.work, 'metadata.json'),
        ociDir: front ? (0,external_node_path_.join)(f.work, 'engine-push') : f.layoutDir,
        // Builders that can push by digest do; the docker driver cannot, so its layout is pushed by the action.
        pushTo: inputs.push && f.driver !== 'docker' ? f.repositories : [],
        frontTo: front ? f.repositories : [],
        sourceDateEpoch: f.sourceDateEpoch,
        loadTags: [...(inputs.load ? f.tags : []), ...(f.verifyName ? [f.verifyName] : [])]
    };
}

// EXTERNAL MODULE: ./src/core/builder/builder.ts
var builder = __webpack_require__(8300);
// EXTERNAL MODULE: ./src/core/builder/cache-mounts.ts
var cache_mounts = __webpack_require__(443);
;// CONCATENATED MODULE: ./src/core/run-plan.ts






function planRun(f) {
    const { inputs, ctx } = f;
    const named = (0,inputs_tags/* tagNames */.nP)(inputs, ctx, f.now, f.release);
    const tags = runTags(inputs, () => named.tags);
    const repositories = pushRepositories(inputs, tags);
    const cache = (0,cache_plan/* planCache */._s)(inputs, tags, ctx, f.env);
    const names = runNames(ctx, f.pid);
    const driver = f.existingDriver ?? (0,builder/* chooseDriver */.kW)(inputs, f.engine ?? { containerdStore: false }, cache.to);
    // A merge job builds nothing: no builder.
    const create = inputs.mode === 'merge' || inputs.builder || driver === 'docker'
        ? undefined
        : (0,builder/* builderSpec */.xh)(inputs, driver, names.builder, f.work, [...tags, ...cache.registryRefs, ...(0,dockerfile/* baseImages */["if"])(f.dockerfile, inputs.buildArgs)]);
    const localName = verifyName(inputs, names.verifyKey);
    const buildFacts = {
        inputs,
        ctx,
        tags,
        cache,
        builder: inputs.builder || (create ? names.builder : ''),
        driver,
        work: f.work,
        layoutDir: f.layoutDir,
        ...(f.layoutKept !== undefined ? { layoutKept: f.layoutKept } : {}),
        ...(f.engineHere !== undefined ? { engineHere: f.engineHere } : {}),
        dockerfile: f.dockerfile,
        sourceDateEpoch: f.sourceDateEpoch,
        verifyName: localName,
        repositories,
        version: named.version
    };
    const nodes = create ? (0,builder/* createdNodes */.S6)(create) : (f.existingNodes ?? []);
    const groups = (0,builder/* nodeGroups */.f$)(inputs.platforms, nodes);
    const split = groups.length > 1 && inputs.mode === 'build'
        ? groups.map(({ node, platforms }) => {
            // Each node's build is a per-platform build of its platforms: its own cache, the others' read too.
            const own = { ...inputs, platforms };
            const nodeCache = (0,cache_plan/* planCache */._s)({ ...own, mode: 'platform' }, tags, ctx, f.env, inputs.platforms);
            const build = makeBuildPlan({ ...buildFacts, inputs: own, cache: { ...nodeCache, toIfStale: [] } });
            return { node, platforms, build: { ...build, metadataFile: build.metadataFile.replace(/\.json$/, `-${node}.json`) } };
        })
        : undefined;
    const whole = makeBuildPlan(buildFacts);
    // Split, the nodes' builds write the caches: the whole build's plan only names them, for the report.
    const build = split
        ? {
            ...whole,
            cacheFrom: [...new Set(split.flatMap(n => n.build.cacheFrom))],
            cacheTo: split.flatMap(n => n.build.cacheTo),
            cacheToAfter: []
        }
        : whole;
    return {
        mode: inputs.mode,
        tags,
        version: named.version,
        repositories,
        cache,
        names,
        driver,
        create,
        build,
        verify: wantsVerify(inputs) ? { key: names.verifyKey, localName } : undefined,
        ...(inputs.cacheMounts.length && inputs.mode !== 'merge' ? { mounts: (0,cache_mounts/* planMounts */.Ou)(inputs, f, cache) } : {}),
        nodes,
        ...(split ? { split } : {})
    };
}


/***/ }),

/***/ 9402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sb: () => (/* binding */ askEngine),
  Cx: () => (/* binding */ existingBuilderFacts),
  Nh: () => (/* binding */ nodesOf),
  yo: () => (/* binding */ readyBuildx),
  nY: () => (/* binding */ useBuilder)
});

// UNUSED EXPORTS: buildxPlugin, installBuildx

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/inputs/inputs.ts + 1 modules
var inputs_inputs = __webpack_require__(8207);
// EXTERNAL MODULE: ./src/pipeline/host/docker.ts
var docker = __webpack_require__(2897);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/pipeline/host/download.ts
// A release file downloaded to disk, with bounds a user would accept. @actions/tool-cache's own
// download tries three times with 10–20 s pauses whatever the error, and a connection that
// hangs has no limit: a runner that cannot reach GitHub at all (air-gapped, GitHub Enterprise
// Server) waited about 24 s to hear `getaddrinfo ENOTFOUND`. Here a host that does not resolve
// or refuses fails at once, a silent one after `timeoutMs`, and only a server's own trouble
// (5xx, 429, a reset) is tried once more. The runner's proxy settings still apply.


const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const FINAL = new Set(['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
class DownloadError extends Error {
    again;
    constructor(message, again) {
        super(message);
        this.again = again;
        this.name = 'DownloadError';
    }
}
async function downloadOnce(url, dest, timeoutMs) {
    // Loaded only to download: most runs find their tools in the tool cache.
    const { HttpClient } = await __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 4942));
    // Redirects are followed here: GitHub's releases answer with one, and a mirror's may be relative.
    const client = new HttpClient('ci-base-action', [], { socketTimeout: timeoutMs, allowRetries: false, allowRedirects: false });
    try {
        let at = url;
        let res = await client.get(at);
        for (let hops = 0; REDIRECTS.has(res.message.statusCode ?? 0) && res.message.headers.location && hops < 5; hops++) {
            res.message.resume();
            at = new URL(res.message.headers.location, at).toString();
            res = await client.get(at);
        }
        const status = res.message.statusCode ?? 0;
        if (status !== 200) {
            res.message.resume();
            throw new DownloadError(`GET ${url}: HTTP ${status}`, status >= 500 || status === 429);
        }
        await (0,external_node_stream_promises_.pipeline)(res.message, (0,external_node_fs_.createWriteStream)(dest));
    }
    catch (e) {
        if (e instanceof DownloadError)
            throw e;
        const code = e.code ?? '';
        throw new DownloadError(`GET ${url}: ${e.message}`, !FINAL.has(code));
    }
    finally {
        client.dispose();
    }
}
/** Download `url` to `dest`: once more after a pause when the server's trouble may pass. */
async function download(url, dest, timeoutMs = 30_000, pauseMs = 2_000) {
    try {
        await downloadOnce(url, dest, timeoutMs);
    }
    catch (e) {
        if (!(e instanceof DownloadError) || !e.again)
            throw e;
        await new Promise(resolve => setTimeout(resolve, pauseMs));
        await downloadOnce(url, dest, timeoutMs);
    }
}

// EXTERNAL MODULE: ./src/pipeline/github/image-cache.ts
var image_cache = __webpack_require__(2106);
// EXTERNAL MODULE: ./src/core/github/image-cache.ts
var github_image_cache = __webpack_require__(145);
// EXTERNAL MODULE: ./src/core/builder/args.ts
var args = __webpack_require__(9170);
// EXTERNAL MODULE: ./src/core/builder/version.ts
var builder_version = __webpack_require__(9567);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/builder/builder.ts
var builder_builder = __webpack_require__(8300);
// EXTERNAL MODULE: ./src/pipeline/host/docker-config.ts
var docker_config = __webpack_require__(5404);
;// CONCATENATED MODULE: ./src/pipeline/builder/buildx.ts
// buildx: find or install it, and pick (or create) the builder the build runs on.















/** Where the docker CLI looks for its buildx plugin, in its order; undefined when it may look elsewhere. */
function buildxPlugin(env, exists = external_node_fs_.existsSync) {
    if ((0,docker_config/* readDockerConfig */.TO)(env).cliPluginsExtraDirs)
        return undefined;
    const dirs = [
        (0,external_node_path_.join)((0,docker_config/* dockerConfigDir */.kG)(env), 'cli-plugins'),
        ...['/usr/local/lib', '/usr/local/libexec', '/usr/lib', '/usr/libexec'].map(d => `${d}/docker/cli-plugins`)
    ];
    return dirs.map(d => (0,external_node_path_.join)(d, 'docker-buildx')).find(exists);
}
/**
 * The plugin is asked directly when it can be found: a docker CLI start less. Its answer is
 * kept in the tool cache, keyed by the binary's path, size and time, so that a runner whose
 * buildx did not change does not start it again (about 100 ms of every run).
 */
async function installedBuildx(run, env, binary = buildxPlugin(env)) {
    const known = binary ? await versionsKnown(env) : {};
    const key = binary ? await binaryKey(binary) : undefined;
    if (key && known[key])
        return known[key];
    const result = binary ? await run(['version'], { quiet: true, command: binary }) : await run(['buildx', 'version'], { quiet: true });
    const version = result.code === 0 ? (0,builder_version/* parseVersion */.o)(result.stdout) : undefined;
    if (key && version)
        await rememberVersion(env, { ...known, [key]: version });
    return version;
}
const versionsFile = (env) => env.RUNNER_TOOL_CACHE ? (0,external_node_path_.join)(env.RUNNER_TOOL_CACHE, 'ci-base-action', 'buildx-versions.json') : undefined;
async function binaryKey(binary) {
    const info = await (0,promises_.stat)(binary).catch(() => undefined);
    return info && `${binary} ${info.size} ${info.mtimeMs}`;
}
async function versionsKnown(env) {
    const file = versionsFile(env);
    if (!file)
        return {};
    try {
        const known = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return known && typeof known === 'object' ? known : {};
    }
    catch {
        return {};
    }
}
/** Best effort: a tool cache that cannot be written only costs the next run a `buildx version`. */
async function rememberVersion(env, known) {
    const file = versionsFile(env);
    if (!file)
        return;
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true })
        .then(() => (0,promises_.writeFile)(file, JSON.stringify(known)))
        .catch(() => undefined);
}
/**
 * Download (or take from the tool cache) and verify against the release's checksums. The binary
 * is run from the tool cache as it is (buildx runs standalone too), never copied over the
 * runner's own plugin: a self-hosted runner's `docker buildx` is the same after the job.
 */
async function installBuildx(version, baseUrl, env) {
    let dir = toolCacheHit(env, 'docker-buildx', version.slice(1));
    if (!dir) {
        // Loaded only on a miss: the module costs about 200 ms to load.
        const tc = await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(838), __webpack_require__.e(88), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 9805));
        const asset = (0,builder_builder/* buildxAsset */.Ty)(version);
        const url = `${baseUrl}/${version}/${asset}`;
        const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'buildx-download-'));
        const file = (0,external_node_path_.join)(work, asset);
        await download(url, file);
        await download(`${baseUrl}/${version}/checksums.txt`, (0,external_node_path_.join)(work, 'checksums.txt'));
        const sums = await (0,promises_.readFile)((0,external_node_path_.join)(work, 'checksums.txt'), 'utf8');
        const expected = sums
            .split('\n')
            .map(l => l.trim().split(/\s+\*?/))
            .find(([, name]) => name === asset)?.[0];
        const actual = (0,external_node_crypto_.createHash)('sha256')
            .update(await (0,promises_.readFile)(file))
            .digest('hex');
        if (!expected)
            throw new Error(`buildx ${version}: ${asset} is not listed in checksums.txt at ${baseUrl}/${version}`);
        if (expected !== actual)
            throw new Error(`buildx ${version}: checksum mismatch for ${url} (expected ${expected}, got ${actual})`);
        const pinned = builder_builder/* DEFAULT_BUILDX_SHA256 */.l5[asset];
        if (pinned && pinned !== actual)
            throw new Error(`buildx ${version}: ${url} is not the release this action pins (sha256 ${pinned}, got ${actual})`);
        dir = await tc.cacheFile(file, 'docker-buildx', 'docker-buildx', version.slice(1));
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
    const binary = (0,external_node_path_.join)(dir, 'docker-buildx');
    await (0,promises_.chmod)(binary, 0o755); // downloads and cache copies come without the execute bit
    return binary;
}
/** A tool the tool cache holds complete, as @actions/tool-cache lays it out (`<tool>/<version>/<arch>` and `<arch>.complete`). */
function toolCacheHit(env, tool, version, exists = external_node_fs_.existsSync) {
    if (!env.RUNNER_TOOL_CACHE)
        return undefined;
    const dir = (0,external_node_path_.join)(env.RUNNER_TOOL_CACHE, tool, version, process.arch);
    return exists(`${dir}.complete`) ? dir : undefined;
}
async function createBuilder(run, create) {
    const { spec, config, files, appends } = create;
    if (spec.configFile)
        await (0,promises_.writeFile)(spec.configFile, config);
    for (const [path, pem] of Object.entries(files))
        await (0,promises_.writeFile)(path, pem, { mode: 0o600 });
    await (0,docker/* mustRun */.Pv)(run, (0,args/* createBuilderArgs */.R2)(spec), `Creating the ${spec.driver} builder`);
    for (const append of appends)
        await (0,docker/* mustRun */.Pv)(run, append, `Appending the ${append[append.indexOf('--platform') + 1]} node`);
}
/** A builder the user keeps (a warm one on a self-hosted runner): started if it is not, never created or removed here. */
async function existingBuilder(run, name) {
    const inspected = await run(['buildx', 'inspect', '--bootstrap', name], { quiet: true });
    if (inspected.code !== 0) {
        throw new Error(`Input 'builder': '${name}' is not a usable builder (docker buildx ls lists the builders):\n${(0,docker/* lastLines */.w$)(inspected.stderr || inspected.stdout, 5)}`);
    }
    const driver = /^Driver:\s*(\S+)/m.exec(inspected.stdout)?.[1] ?? '';
    return {
        driver: ['docker', 'docker-container', 'remote', 'kubernetes'].find(d => d === driver) ?? 'docker-container',
        nodes: (0,builder_builder/* builderNodes */.$R)(inspected.stdout)
    };
}
/**
 * The `builder` input's driver and nodes, for the plan. A builder of several nodes splits a
 * build of several platforms between them: what such a build cannot do is refused now.
 */
async function existingBuilderFacts(run, inputs) {
    const { driver, nodes } = await existingBuilder(run, inputs.builder);
    const groups = (0,builder_builder/* nodeGroups */.f$)(inputs.platforms, nodes);
    if (groups.length > 1 && inputs.mode === 'build') {
        const problems = (0,builder_builder/* severalNodesProblems */.Co)(inputs, `the builder '${inputs.builder}' builds the platforms on ${groups.length} nodes`);
        if (problems.length)
            throw new inputs_inputs/* InputError */.dz(problems);
    }
    return { existingDriver: driver, existingNodes: nodes };
}
/** The nodes of the builder a build runs on, asked after setup for the report ('' is the current builder). */
async function nodesOf(run, builder) {
    const inspected = await run(['buildx', 'inspect', ...(builder ? [builder] : [])], { quiet: true });
    return inspected.code === 0 ? (0,builder_builder/* builderNodes */.$R)(inspected.stdout) : [];
}
/**
 * The engine is asked only when it may build: `auto` chooses by it, and the docker driver's push
 * depends on whether it runs here. The answer (the engine's /info, tens of milliseconds) is
 * awaited when the plan is made; a caller may ask early, while it reads other things.
 */
function askEngine(rt, inputs) {
    const facts = (inputs.driver === 'auto' || inputs.driver === 'docker') && !inputs.builder ? (0,docker_config/* engineFacts */.Ig)(rt.docker, rt.env) : undefined;
    facts?.catch(() => undefined); // awaited later; an early rejection is not unhandled
    return facts;
}
/**
 * Make buildx usable: the runner's, or the version the inputs need, installed for the job. When
 * only `cache: gha` needs a newer one and it cannot be downloaded (a runner without access to
 * GitHub's releases), the runner's is used and `withoutGha` says why the gha cache is left out.
 */
async function readyBuildx(rt, inputs, plan) {
    // An explicit version is installed whatever the runner has: no need to ask the runner's.
    const installed = inputs.buildxVersion === 'installed' ? await installedBuildx(rt.docker, rt.env) : undefined;
    const need = (0,builder_builder/* buildxNeeded */.q)(plan.cache.types);
    const wanted = (0,builder_builder/* buildxToInstall */.Jj)(inputs.buildxVersion, installed, need);
    let binary;
    let withoutGha;
    if (wanted) {
        rt.info(`Installing buildx ${wanted.version} (${wanted.why})`);
        try {
            binary = await installBuildx(wanted.version, inputs.buildxDownloadUrl, rt.env);
            rt.remember({ buildx: binary });
        }
        catch (e) {
            // Only gha's need can be given up: the build itself runs on what the runner has.
            if (!installed || !(0,builder_version/* atLeast */.j)(installed, (0,builder_builder/* buildxNeeded */.q)([]).version) || !plan.cache.types.includes('gha'))
                throw e;
            withoutGha =
                `buildx ${wanted.version}, which ${need.why} needs, could not be downloaded from ${inputs.buildxDownloadUrl} (${(0,errors/* errorMessage */.g)(e)}); ` +
                    `building with the runner's buildx ${installed}, without the gha cache. Set buildx-download-url to a mirror, or use cache: registry.`;
        }
    }
    const version = (binary ? await installedBuildx(rt.docker, rt.env, binary) : installed) ?? '';
    if (!version)
        throw new Error(`buildx is not usable after setup: \`${binary ?? 'docker buildx'} version\` fails`);
    // The runner's own plugin runs standalone too: each `docker buildx` would first start the
    // docker CLI, which looks the plugin up (about 200 ms a call).
    binary ??= buildxPlugin(rt.env);
    return { version, binary, ...(withoutGha ? { withoutGha } : {}) };
}
/** Use the builder the plan names: the user's, the runner's, or one created now (post removes it). */
async function useBuilder(rt, inputs, plan, { version, binary }, temp) {
    if (inputs.builder) {
        rt.info(`buildx ${version}, the existing builder ${inputs.builder} (${plan.driver} driver), left running after the job`);
    }
    else {
        rt.info(`buildx ${version}, ${plan.driver} driver`);
    }
    // The builder's BuildKit from the GitHub cache when a run before pulled it: no Docker Hub pull.
    if (plan.create?.spec.driverOpts.includes(`image=${(0,github_image_cache/* pinnedLocalName */.Z)(inputs.buildkitImage)}`)) {
        const { save, pullError } = await (0,image_cache/* readyImage */.V)(rt, 'buildkit', inputs.buildkitImage, temp, 'builder image', inputs.cacheTimeoutMs);
        if (pullError)
            throw new Error(`Pulling the builder image ${inputs.buildkitImage} failed: ${pullError}\nSet buildkit-image to a copy your runner can pull (a mirror, with its login), or use driver: docker.`);
        if (save)
            rt.remember({ buildkitCache: save });
    }
    if (plan.create) {
        rt.remember({ builder: plan.create.spec.name });
        await createBuilder((0,docker/* withBuildx */.xG)(rt.docker, binary), plan.create);
        if (plan.create.appends.length)
            for (const line of (0,builder_builder/* placement */.ot)(inputs, plan.create.spec))
                rt.info(`Where it builds: ${line}`);
    }
}


/***/ }),

/***/ 7965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zp: () => (/* binding */ builderOf),
  mP: () => (/* binding */ takeFingerprint)
});

// UNUSED EXPORTS: contextDigest

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/builder/fingerprint.ts
var builder_fingerprint = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/core/builder/dockerignore.ts
// .dockerignore as the builder reads it: one pattern a line (Go's filepath.Match, plus `**` for
// any number of directories), `!` to bring back what an earlier line left out, the last line that
// matches a path deciding; a pattern that matches a directory leaves out what is under it. Pure.
/** A pattern as a regular expression over a path relative to the context, or undefined where it cannot be read. */
function patternRegex(pattern) {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            // `**/` is any number of directories, `**` at the end anything at all.
            if (pattern[i + 2] === '/') {
                out += '(?:.*/)?';
                i += 2;
            }
            else {
                out += '.*';
                i += 1;
            }
        }
        else if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 1);
            if (end < 0)
                return undefined;
            const body = pattern.slice(i + 1, end);
            out += `[${body.startsWith('^') || body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
            i = end;
        }
        else if (c === '\\') {
            if (i + 1 >= pattern.length)
                return undefined;
            out += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        }
        else
            out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    try {
        return new RegExp(`^${out}$`);
    }
    catch {
        return undefined;
    }
}
/** Whether a path is left out of the context; a .dockerignore that cannot be read leaves nothing out (more is taken in, never less). */
function ignoreMatcher(dockerignore) {
    const rules = [];
    for (const raw of dockerignore.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const exclude = !line.startsWith('!');
        const cleaned = (exclude ? line : line.slice(1).trim()).replace(/^(?:\.?\/)+/, '').replace(/\/+$/, '');
        if (!cleaned || cleaned === '.')
            continue;
        const regex = patternRegex(cleaned);
        if (!regex)
            return () => false;
        rules.push({ regex, exclude });
    }
    return path => {
        // A path matches a rule when it or one of its parent directories does; the last rule that matches decides.
        const parts = path.split('/');
        const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
        let excluded = false;
        for (const rule of rules)
            if (prefixes.some(p => rule.regex.test(p)))
                excluded = rule.exclude;
        return excluded;
    };
}

// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
// EXTERNAL MODULE: ./src/core/registry/image.ts
var registry_image = __webpack_require__(594);
// EXTERNAL MODULE: ./src/pipeline/host/docker-config.ts
var docker_config = __webpack_require__(5404);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/pipeline/registry/registry-client.ts
var registry_client = __webpack_require__(7345);
;// CONCATENATED MODULE: ./src/pipeline/builder/fingerprint.ts
// The run's fingerprint (core/builder/fingerprint.ts), taken before any builder is set up: the
// context files the Dockerfile reads are hashed here (path, mode, content; after .dockerignore),
// and each base image is resolved to its digest with a HEAD at its registry, one optional read
// each. What cannot be known this way (an ADD of a URL, a base the registry did not answer for)
// is said, and the fingerprint is then left out: it never claims inputs it could not see.











/**
 * Every file under `path` (a file or a directory) of the context, with its mode and content's
 * sum; ignored ones left out. Read synchronously: one file at a time is the fastest way through
 * thousands of small files, and nothing else waits on this process meanwhile but the reads it started.
 */
function sumsUnder(root, path, ignored, into, named = false) {
    const full = (0,external_node_path_.resolve)(root, path);
    const rel = (0,external_node_path_.relative)(root, full).split(external_node_path_.sep).join('/') || '.';
    if (rel.startsWith('..'))
        throw new Error(`${path} is outside the context`);
    let stat;
    try {
        // The path an instruction names is followed when it is a link (the build copies what it points
        // at); links inside a copied directory are copied as links.
        stat = named ? (0,external_node_fs_.statSync)(full) : (0,external_node_fs_.lstatSync)(full);
    }
    catch {
        // A source that is not there fails the build itself; here it reads as nothing.
        return;
    }
    if (stat.isDirectory()) {
        // An ignored directory is still walked: an exception (`!dir/keep`) may bring a file of it back.
        for (const entry of (0,external_node_fs_.readdirSync)(full))
            sumsUnder(root, rel === '.' ? entry : `${rel}/${entry}`, ignored, into);
        return;
    }
    if (ignored(rel) || into.has(rel))
        return;
    const mode = (stat.mode & 0o7777).toString(8);
    const content = stat.isSymbolicLink() ? `link:${(0,external_node_fs_.readlinkSync)(full)}` : (0,builder_fingerprint/* sha256 */.sc)((0,external_node_fs_.readFileSync)(full));
    into.set(rel, { path: rel, line: `${rel}\0${mode}\0${content}` });
}
/** The context files the build reads, hashed: one digest, how many, and each one's sum where there are few. */
function contextDigest(context, paths, dockerignore) {
    const ignored = ignoreMatcher(dockerignore);
    const sums = new Map();
    for (const path of paths)
        sumsUnder(context, path, ignored, sums, true);
    const files = [...sums.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return {
        digest: (0,builder_fingerprint/* sha256 */.sc)(files.map(f => f.line).join('\n')),
        files: files.length,
        ...(files.length <= builder_fingerprint/* FILES_NAMED */.CT ? { sums: Object.fromEntries(files.map(f => [f.path, (0,builder_fingerprint/* sha256 */.sc)(f.line).slice(7, 19)])) } : {})
    };
}
/** A base image's digest: the one it is pinned to, else its tag's at the registry (a HEAD, an optional read). */
async function resolveBase(rt, reads, ref) {
    if (ref.includes('@'))
        return ref.slice(ref.indexOf('@') + 1);
    const client = (0,registry_client/* clientFor */.$V)((0,reference/* repositoryOf */._M)(ref), rt.env);
    return (await reads.read(`the digest of ${ref}`, () => client.manifestDigest((0,reference/* tagOf */.cO)(ref)))) || undefined;
}
async function builderOf(rt, reads, inputs, engine) {
    const needs = (0,builder_fingerprint/* builderNeeds */.V4)(inputs);
    if ('unknowable' in needs)
        return needs;
    const resolved = {};
    if (needs.engine) {
        const facts = await (engine ?? (0,docker_config/* engineFacts */.Ig)(rt.docker, rt.env)).catch(() => undefined);
        if (!facts?.version)
            return { unknowable: "the engine's version could not be read" };
        resolved.engine = facts.version;
    }
    if (needs.buildkit) {
        const image = inputs.driverOpts.find(o => o.startsWith('image='))?.slice('image='.length) ?? inputs.buildkitImage;
        if (image.includes('@sha256:'))
            resolved.buildkit = image;
        else {
            const local = await rt.docker(['image', 'inspect', '--format', '{{.Id}}', image], { quiet: true });
            const digest = local.code === 0 ? local.stdout.trim() : await resolveBase(rt, reads, image).catch(() => undefined);
            if (!digest)
                return { unknowable: `the BuildKit image ${image} could not be resolved to a digest` };
            resolved.buildkit = `${image}@${digest}`;
        }
    }
    return { identity: (0,builder_fingerprint/* builderIdentity */.aX)(inputs, resolved) };
}
/** Whether a base image's config has ONBUILD triggers (its first platform's; an unreadable one counts as having them). */
async function hasOnbuild(rt, reads, ref, digest) {
    const client = (0,registry_client/* clientFor */.$V)((0,reference/* repositoryOf */._M)(ref), rt.env);
    const found = await reads
        .read(`the config of ${ref}`, async () => {
        let manifest = (0,registry_image/* parseManifest */.Ng)(await client.manifest(digest), ref);
        if ((0,registry_image/* isIndex */.nw)(manifest)) {
            const first = manifest.manifests.find(d => !(0,registry_image/* isAttestation */.H3)(d));
            if (!first)
                return true;
            manifest = (0,registry_image/* parseManifest */.Ng)(await client.manifest(first.digest), ref);
        }
        if ((0,registry_image/* isIndex */.nw)(manifest))
            return true;
        const config = (0,registry_image/* parseImageConfig */.FB)(await client.blob(manifest.config.digest), ref);
        return (config.config?.OnBuild ?? []).length > 0;
    })
        .catch(() => true);
    return found ?? true;
}
/** The .dockerignore the build uses: the Dockerfile's own (`<file>.dockerignore`) first, else the context's. */
async function dockerignoreOf(inputs) {
    const own = await (0,promises_.readFile)(`${inputs.file}.dockerignore`, 'utf8').catch(() => undefined);
    return own ?? (await (0,promises_.readFile)((0,external_node_path_.join)(inputs.context, '.dockerignore'), 'utf8').catch(() => ''));
}
/** `builder`: what the build runs on (the BuildKit image, or the engine's version); `action`: this action's major.minor. */
async function takeFingerprint(rt, reads, inputs, dockerfile, builder, action) {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const named = new Map(inputs.buildContexts.map(c => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]));
    const read = (0,builder_fingerprint/* contextReads */.TT)(dockerfile, inputs.buildArgs, inputs.target, [...named.keys()]);
    const unknowable = [...read.unknowable, ...('unknowable' in builder ? [builder.unknowable] : [])];
    if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(inputs.context))
        unknowable.push(`the context ${inputs.context} is known only by fetching it`);
    try {
        const context = contextDigest(inputs.context, read.paths, await dockerignoreOf(inputs));
        const images = [...read.images];
        const syntax = (0,builder_fingerprint/* syntaxOf */.rS)(dockerfile);
        if (syntax)
            images.push(syntax);
        // A named context is a directory (hashed whole), an image (a base like any other), or something only a fetch can tell.
        const contexts = [];
        for (const name of read.namedContexts) {
            const value = named.get(name) ?? '';
            if (value.startsWith('docker-image://'))
                images.push(value.slice('docker-image://'.length));
            else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
                unknowable.push(`build context ${name}=${value}: what it holds is known only by fetching it`);
            else
                contexts.push(`${name}=${contextDigest(value, ['.'], '').digest}`);
        }
        const bases = {};
        await Promise.all([...new Set(images)].map(async (ref) => {
            const digest = await resolveBase(rt, reads, ref).catch((e) => {
                unknowable.push(`base ${ref} could not be resolved: ${(0,errors/* errorMessage */.g)(e)}`);
                return '';
            });
            if (digest)
                bases[ref] = digest;
            else if (digest === undefined)
                unknowable.push(`base ${ref} could not be resolved in time`);
        }));
        // A base with ONBUILD triggers runs them in this build: a COPY among them reads the context, which is then taken in whole.
        const triggered = await Promise.all(read.bases.filter(ref => bases[ref]).map(ref => hasOnbuild(rt, reads, ref, bases[ref])));
        if (triggered.some(Boolean))
            Object.assign(context, contextDigest(inputs.context, ['.'], await dockerignoreOf(inputs)));
        if (unknowable.length)
            return { unknowable, ms: ms() };
        const fingerprint = (0,builder_fingerprint/* fingerprintOf */.ax)({
            dockerfile: (0,builder_fingerprint/* sha256 */.sc)(dockerfile),
            context: contexts.length ? { ...context, digest: (0,builder_fingerprint/* sha256 */.sc)([context.digest, ...contexts].join('\n')) } : context,
            bases,
            args: (0,builder_fingerprint/* argsOf */.PL)(inputs.buildArgs),
            settings: (0,builder_fingerprint/* settingsOf */.f5)(inputs, 'identity' in builder ? builder.identity : '', action)
        });
        return { fingerprint, ms: ms() };
    }
    catch (e) {
        return { unknowable: [...unknowable, `the context could not be read: ${(0,errors/* errorMessage */.g)(e)}`], ms: ms() };
    }
}


/***/ }),

/***/ 1122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nn: () => (/* binding */ keepImagePruneRest),
/* harmony export */   zE: () => (/* binding */ layoutStoreDir)
/* harmony export */ });
/* unused harmony exports KEEP_UNUSED_MS, imageBlobs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_registry_image_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(594);
// The OCI layout the docker driver's builds are exported to, kept from run to run on the same
// machine. BuildKit writes into it only the blobs it does not hold yet, so an unchanged rebuild
// of a 250 MB image exports in well under a second where a fresh layout costs the whole image
// written to disk again. It holds many images (index.json only names the last one): every read
// and push goes by digest. Blobs no run has used for a while are pruned.




/** Blobs unused for this long go: a weekly rebuild still finds last week's layers. */
const KEEP_UNUSED_MS = 8 * 24 * 3600 * 1000;
/** A machine's layout: in the runner's tool cache (kept between jobs on a self-hosted runner), else in the user's cache. */
function layoutStoreDir(env) {
    const root = env.RUNNER_TOOL_CACHE || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_CACHE_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache'));
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'ci-base-action', 'oci-layout');
}
const blobPath = (dir, digest) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
/** Every blob an image is made of, the image's own manifest included. */
async function imageBlobs(dir, digest) {
    const manifest = (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(blobPath(dir, digest)), `${digest} in the OCI layout`);
    if ((0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_3__/* .isIndex */ .nw)(manifest))
        return [digest, ...(await Promise.all(manifest.manifests.map(m => imageBlobs(dir, m.digest)))).flat()];
    return [digest, manifest.config.digest, ...manifest.layers.map(l => l.digest)];
}
/**
 * Mark the image's blobs as used now (BuildKit leaves a blob it already had untouched) and
 * remove the blobs nobody used within KEEP_UNUSED_MS. Returns how many blobs were removed.
 */
async function keepImagePruneRest(dir, digest, now) {
    const used = new Set(await imageBlobs(dir, digest));
    await Promise.all([...used].map(d => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.utimes)(blobPath(dir, d), now, now)));
    const folder = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'blobs', 'sha256');
    let removed = 0;
    for (const name of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(folder)) {
        if (used.has(`sha256:${name}`))
            continue;
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(folder, name);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).catch(() => undefined);
        if (info && now.getTime() - info.mtimeMs > KEEP_UNUSED_MS) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(file).catch(() => undefined);
            removed++;
        }
    }
    return removed;
}


/***/ }),

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

/***/ 5469:
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
// EXTERNAL MODULE: ./src/core/inputs/inputs.ts + 1 modules
var inputs_inputs = __webpack_require__(8207);
// EXTERNAL MODULE: ./src/core/inputs/tags.ts + 1 modules
var tags = __webpack_require__(1837);
// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
// EXTERNAL MODULE: ./src/core/inputs/registry-auth.ts
var registry_auth = __webpack_require__(1729);
// EXTERNAL MODULE: ./src/pipeline/builder/buildx.ts + 1 modules
var builder_buildx = __webpack_require__(9402);
// EXTERNAL MODULE: ./src/pipeline/run-facts.ts + 2 modules
var run_facts = __webpack_require__(199);
// EXTERNAL MODULE: ./src/pipeline/source-date.ts + 1 modules
var source_date = __webpack_require__(9533);
// EXTERNAL MODULE: ./src/core/builder/args.ts
var builder_args = __webpack_require__(9170);
// EXTERNAL MODULE: ./src/pipeline/host/docker.ts
var docker = __webpack_require__(2897);
;// CONCATENATED MODULE: ./src/pipeline/registry/login.ts




async function logIn(rt, inputs) {
    const loggedIn = [];
    for (const login of (0,registry_auth/* loginsOf */.Q)(inputs, reference/* registryOf */.Fv)) {
        await (0,docker/* mustRun */.Pv)(rt.docker, (0,builder_args/* loginArgs */.be)(login.registry, login.username), `Logging in to ${login.registry}`, { input: login.password });
        loggedIn.push(login.registry);
        rt.remember({ logouts: loggedIn });
    }
}

// EXTERNAL MODULE: ./src/pipeline/host/http.ts
var http = __webpack_require__(1893);
// EXTERNAL MODULE: ./src/pipeline/host/optional-reads.ts
var optional_reads = __webpack_require__(3393);
// EXTERNAL MODULE: ./src/core/report/report.ts
var report_report = __webpack_require__(4702);
;// CONCATENATED MODULE: ./src/pipeline/phases.ts

/** A phase in a log group of its own, timed for the report; `label` names the variant it runs for. */
async function phase(run, name, body, label = '') {
    const titled = label ? `${name} (${label})` : name;
    const started = run.rt.now().getTime();
    try {
        return await run.rt.group(titled, async () => body());
    }
    finally {
        run.stages.push({ stage: titled, seconds: (0,report_report/* stageSeconds */.eR)(run.rt.now().getTime() - started) });
    }
}

// EXTERNAL MODULE: ./src/core/builder/cache-plan.ts
var cache_plan = __webpack_require__(9961);
// EXTERNAL MODULE: ./src/core/run-plan.ts + 1 modules
var run_plan = __webpack_require__(7877);
;// CONCATENATED MODULE: ./src/core/report/cache-use.ts
// What a run did with each cache, for the report: read (imported, none yet, failed) and written
// (layers written, up to date, not written by cache-write, failed), from BuildKit's own cache
// steps. BuildKit names an import by its registry ref, or by `<type>:<hash>`; an export only by
// its kind, so each is matched to the specs of that kind in the order they were given.

const EXPORT_KIND = [
    [/^exporting cache to registry/, 'registry'],
    [/^exporting to GitHub Actions Cache/, 'gha'],
    [/^exporting cache to client directory/, 'local'],
    [/^exporting cache to Amazon S3/, 's3'],
    [/^exporting cache to Azure Blob Storage/, 'azblob']
];
const IMPORT_FROM = 'importing cache manifest from ';
/** A spec as people name it: `registry r/x:buildcache`, `gha scope=main`, `local /path`; `sameAs` joins paths that are one cache. */
function cacheLabel(spec, sameAs = {}) {
    const a = (0,cache_plan/* cacheSpecAttrs */.oq)(spec);
    const path = a.src ?? a.dest;
    const where = a.ref ?? (a.scope ? `scope=${a.scope}` : path ? (sameAs[path] ?? path) : (a.name ?? ''));
    return `${a.type}${where ? ` ${where}` : ''}`;
}
/** Steps matched to specs: by registry ref, else the n-th step of a kind goes to the n-th spec of that type. */
function matchSteps(specs, steps, kindOf) {
    const matched = new Map();
    const unclaimed = [...steps];
    for (const spec of specs) {
        const a = (0,cache_plan/* cacheSpecAttrs */.oq)(spec);
        const i = unclaimed.findIndex(s => kindOf(s) === a.type || (a.ref !== undefined && kindOf(s) === a.ref));
        if (i >= 0)
            matched.set(spec, unclaimed.splice(i, 1)[0]);
    }
    return matched;
}
const importKind = (s) => {
    const id = s.step.slice(IMPORT_FROM.length);
    // `gha:123…` names the type; a registry import is named by its ref.
    return /^[a-z0-9]+:\d+$/.test(id) ? id.slice(0, id.indexOf(':')) : id;
};
const exportKind = (s) => EXPORT_KIND.find(([pattern]) => pattern.test(s.step))?.[1];
const firstLine = (text = '') => text.split('\n')[0].slice(0, 200);
function readText(step) {
    if (!step)
        return 'not looked up (nothing asked for it)';
    if (step.outcome === 'failed')
        return `failed: ${firstLine(step.error)}`;
    return step.outcome === 'none yet' ? 'none yet' : 'imported';
}
function writtenText(spec, step) {
    if (!step)
        return 'exported';
    if (step.outcome === 'failed')
        return `failed: ${firstLine(step.error)}`;
    const layers = `${step.layers} layer${step.layers === 1 ? '' : 's'}`;
    // gha writes only the layers the service lacks; a registry export pushes every layer it lists.
    return (0,cache_plan/* cacheSpecAttrs */.oq)(spec).type === 'gha' ? `${layers} new` : `${layers} exported`;
}
function cacheUses(f) {
    const imports = matchSteps(f.from, f.steps.filter(s => s.kind === 'import'), importKind);
    const exports = new Map([
        ...matchSteps(f.to, f.steps.filter(s => s.kind === 'export'), exportKind),
        ...matchSteps(f.toAfter.filter(spec => !f.upToDate.includes(spec)), f.afterSteps.filter(s => s.kind === 'export'), exportKind)
    ]);
    const rows = new Map();
    const row = (spec) => {
        const cache = cacheLabel(spec, f.sameAs);
        if (!rows.has(cache))
            rows.set(cache, { cache, read: '—', written: '—' });
        return rows.get(cache);
    };
    for (const spec of f.from)
        row(spec).read = readText(imports.get(spec));
    for (const spec of f.unwritten)
        row(spec).written = `not written: ${f.write.why}`;
    for (const spec of [...f.to, ...f.toAfter])
        row(spec).written = f.upToDate.includes(spec) ? 'up to date: not written again' : writtenText(spec, exports.get(spec));
    return [...rows.values()];
}
/** A cache mount's row: bytes restored before the build and saved after it. */
function mountRow(use) {
    return {
        cache: `mount ${use.id}`,
        read: use.restoredSum ? `${use.restoredBytes} bytes restored` : 'none yet',
        written: use.note ?? (use.savedBytes ? `${use.savedBytes} bytes saved` : '—')
    };
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/builder/builder.ts
var builder = __webpack_require__(8300);
// EXTERNAL MODULE: ./src/core/builder/emulation.ts
var emulation = __webpack_require__(1499);
// EXTERNAL MODULE: ./src/core/registry/attestations.ts
var registry_attestations = __webpack_require__(6836);
// EXTERNAL MODULE: ./src/core/registry/image.ts
var registry_image = __webpack_require__(594);
// EXTERNAL MODULE: ./src/core/builder/verify.ts
var verify = __webpack_require__(3626);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/pipeline/github/image-cache.ts
var image_cache = __webpack_require__(2106);
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
    const need = (0,emulation/* emulationNeed */.D6)(inputs.platforms, e => isRegistered(e, dir));
    if (need.unknown.length)
        rt.warning(`QEMU: no emulator is known for ${need.unknown.join(', ')}; the build may fail there.`);
    const toInstall = inputs.qemu === 'true' ? need.emulated.filter(p => (0,emulation/* emulatorFor */.jt)(p)) : need.missing;
    if (inputs.qemu === 'false' || toInstall.length === 0) {
        if (need.missing.length && inputs.qemu === 'false') {
            rt.warning((0,emulation/* unavailableMessage */.mw)(need.missing, inputs.qemuImage, 'qemu is false and no emulator is registered'));
        }
        else {
            rt.info(need.emulated.length ? `QEMU: emulators already registered for ${need.emulated.join(', ')}` : 'QEMU: every platform is native');
        }
        return;
    }
    const image = inputs.qemuImage;
    const { name, save } = await (0,image_cache/* readyImage */.V)(rt, 'binfmt', image, temp, 'binfmt image', inputs.cacheTimeoutMs);
    if (save)
        rt.remember({ binfmtCache: save });
    const arches = [...new Set(toInstall.map(p => (0,emulation/* emulatorFor */.jt)(p).arch))];
    const result = await rt.docker((0,builder_args/* binfmtArgs */.MF)(name, arches));
    const still = (0,emulation/* emulationNeed */.D6)(inputs.platforms, e => isRegistered(e, dir)).missing;
    if (result.code !== 0 || still.length) {
        const said = result.stderr.split('\n').filter(l => l.trim() && !/^(Run 'docker|Unable to find image)/.test(l));
        const reason = result.code !== 0 ? `${image} exited ${result.code}: ${said.pop() ?? 'no output'}` : 'the emulators are still not registered';
        throw new Error((0,emulation/* unavailableMessage */.mw)(still.length ? still : toInstall, image, reason));
    }
    rt.info(`QEMU: registered emulators for ${toInstall.join(', ')}`);
}

// EXTERNAL MODULE: ./src/pipeline/github/local-cache.ts
var local_cache = __webpack_require__(9780);
// EXTERNAL MODULE: ./src/pipeline/registry/registry-client.ts
var registry_client = __webpack_require__(7345);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/pipeline/registry/engine-front.ts
// The docker driver cannot push by digest (buildx refuses push-by-digest there), and exporting
// its image to an OCI layout the runner did not keep writes every layer again (5 s on a 250 MB
// image of two platforms). So the engine pushes to this front instead: a registry on 127.0.0.1
// that this run serves for the length of the build. It tells the engine it has every blob that
// the run's repositories hold already, so the engine sends only what they lack, and keeps what
// it is sent as an OCI layout (blobs by digest). The action then pushes that layout by digest
// as it pushes any layout, and moves the tags itself. The front writes nothing to a registry,
// and the name the engine pushes to is the front's alone.






/** A blob every one of these repositories holds, by its size there. */
const heldByAll = (clientOf, repositories) => async (digest) => {
    const sizes = await Promise.all(repositories.map(r => clientOf(r).blobSize(digest)));
    return sizes.every(size => size !== undefined) ? sizes[0] : undefined;
};
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** Starts the front on a free port of 127.0.0.1, keeping what it is sent in `dir` (blobs/sha256/<hex>). */
async function startEngineFront(dir, heldInRegistry) {
    // The engine asks about each blob more than once (its exporter, then its push): the registry is asked once.
    const asked = new Map();
    const held = digest => {
        if (!asked.has(digest))
            asked.set(digest, heldInRegistry(digest).catch(() => undefined));
        return asked.get(digest);
    };
    const blobs = (0,external_node_path_.join)(dir, 'blobs', 'sha256');
    const partial = (0,external_node_path_.join)(dir, 'uploads');
    await (0,promises_.mkdir)(blobs, { recursive: true });
    await (0,promises_.mkdir)(partial, { recursive: true });
    const blobPath = (digest) => (0,external_node_path_.join)(blobs, digest.slice('sha256:'.length));
    const uploads = new Map();
    const received = { blobs: 0, bytes: 0 };
    // What the engine pushed by tag (the name is the front's own): it reads the index back by it.
    const tagged = new Map();
    const mediaTypes = new Map();
    const kept = async (digest) => (DIGEST.test(digest) ? (await (0,promises_.stat)(blobPath(digest)).catch(() => undefined))?.size : undefined);
    async function serveBlob(req, res, digest) {
        const size = (await kept(digest)) ?? (req.method === 'HEAD' ? await held(digest) : undefined);
        if (size === undefined)
            return void res.writeHead(404).end();
        const headers = { 'Content-Length': String(size), 'Docker-Content-Digest': digest, 'Content-Type': 'application/octet-stream' };
        if (req.method === 'HEAD')
            return void res.writeHead(200, headers).end();
        res.writeHead(200, headers).end(await (0,promises_.readFile)(blobPath(digest)));
    }
    /** A chunk of an upload, appended to its file and to its running digest. */
    async function receive(req, upload) {
        await (0,external_node_stream_promises_.pipeline)(req, async function* (source) {
            for await (const chunk of source) {
                upload.hash.update(chunk);
                upload.size += chunk.length;
                yield chunk;
            }
        }, (0,external_node_fs_.createWriteStream)(upload.path, { flags: 'a' }));
    }
    async function serveUpload(req, res, name, id, url) {
        const upload = uploads.get(id);
        if (!upload)
            return void res.writeHead(404).end();
        await receive(req, upload);
        const location = `/v2/${name}/blobs/uploads/${id}`;
        if (req.method === 'PATCH')
            return void res.writeHead(202, { Location: location, Range: `0-${Math.max(upload.size - 1, 0)}`, 'Docker-Upload-UUID': id }).end();
        uploads.delete(id);
        const digest = url.searchParams.get('digest') ?? '';
        const got = `sha256:${upload.hash.digest('hex')}`;
        if (!DIGEST.test(digest) || got !== digest) {
            await (0,promises_.rm)(upload.path, { force: true });
            return void res.writeHead(400, { 'Content-Type': 'application/json' }).end(errorBody('DIGEST_INVALID', `${got} is not ${digest}`));
        }
        await (0,promises_.rename)(upload.path, blobPath(digest));
        received.blobs++;
        received.bytes += upload.size;
        res.writeHead(201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest }).end();
    }
    async function serveManifest(req, res, name, reference) {
        if (req.method === 'PUT') {
            const chunks = [];
            for await (const chunk of req)
                chunks.push(chunk);
            const bytes = Buffer.concat(chunks);
            const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
            if (DIGEST.test(reference) && reference !== digest)
                return void res
                    .writeHead(400, { 'Content-Type': 'application/json' })
                    .end(errorBody('DIGEST_INVALID', `${digest} is not ${reference}`));
            await writeWhole(blobPath(digest), bytes);
            mediaTypes.set(digest, req.headers['content-type'] ?? OCI_MANIFEST);
            if (!DIGEST.test(reference))
                tagged.set(reference, digest);
            return void res.writeHead(201, { Location: `/v2/${name}/manifests/${digest}`, 'Docker-Content-Digest': digest }).end();
        }
        // Manifests are the engine's to send: the front holds only the ones it was sent, so each is written here.
        const digest = DIGEST.test(reference) ? reference : tagged.get(reference);
        const size = digest && (await kept(digest));
        if (!digest || size === undefined)
            return void res.writeHead(404).end();
        const headers = {
            'Content-Length': String(size),
            'Docker-Content-Digest': digest,
            'Content-Type': mediaTypes.get(digest) ?? OCI_MANIFEST
        };
        if (req.method === 'HEAD')
            return void res.writeHead(200, headers).end();
        res.writeHead(200, headers).end(await (0,promises_.readFile)(blobPath(digest)));
    }
    async function serve(req, res) {
        const url = new URL(req.url ?? '/', 'http://front');
        const path = url.pathname;
        if (path === '/v2/' || path === '/v2')
            return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        let m;
        if ((m = /^\/v2\/(.+)\/blobs\/uploads\/?$/.exec(path)) && req.method === 'POST') {
            // A cross-repository mount is answered as a new upload: the front has no other repository.
            const id = (0,external_node_crypto_.randomUUID)();
            uploads.set(id, { path: (0,external_node_path_.join)(partial, id), hash: (0,external_node_crypto_.createHash)('sha256'), size: 0 });
            const location = `/v2/${m[1]}/blobs/uploads/${id}`;
            return void res.writeHead(202, { Location: location, Range: '0-0', 'Docker-Upload-UUID': id, 'Content-Length': '0' }).end();
        }
        if ((m = /^\/v2\/(.+)\/blobs\/uploads\/([0-9a-f-]+)$/.exec(path)) && (req.method === 'PATCH' || req.method === 'PUT'))
            return serveUpload(req, res, m[1], m[2], url);
        if ((m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(path)) && (req.method === 'HEAD' || req.method === 'GET'))
            return serveBlob(req, res, m[2]);
        if ((m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path)) && ['HEAD', 'GET', 'PUT'].includes(req.method ?? ''))
            return serveManifest(req, res, m[1], m[2]);
        res.writeHead(405, { 'Content-Type': 'application/json' }).end(errorBody('UNSUPPORTED', `${req.method} ${path}`));
    }
    const server = (0,external_node_http_.createServer)((req, res) => {
        serve(req, res).catch((e) => {
            if (!res.headersSent)
                res.writeHead(500, { 'Content-Type': 'application/json' });
            res.end(errorBody('UNKNOWN', e instanceof Error ? e.message : String(e)));
        });
    });
    await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        address: `127.0.0.1:${port}`,
        received: () => ({ ...received }),
        close: async () => {
            server.closeAllConnections();
            await new Promise(resolve => server.close(() => resolve()));
            await (0,promises_.rm)(partial, { recursive: true, force: true });
        }
    };
}
const errorBody = (code, message) => JSON.stringify({ errors: [{ code, message }] });
async function writeWhole(path, bytes) {
    await (0,promises_.writeFile)(`${path}.part`, bytes);
    await (0,promises_.rename)(`${path}.part`, path);
}

// EXTERNAL MODULE: ./src/pipeline/host/docker-config.ts
var docker_config = __webpack_require__(5404);
;// CONCATENATED MODULE: ./src/core/builder/progress.ts
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
    /** Per vertex, the ids of its `writing layer` tasks. */
    layerWrites = new Map();
    order = new Map();
    printed = new Set();
    text = [];
    /** Every warning BuildKit sent, in order. */
    warnings = [];
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
        for (const task of status.statuses ?? []) {
            if (!task.id.startsWith('writing layer '))
                continue;
            const writes = this.layerWrites.get(task.vertex) ?? new Set();
            this.layerWrites.set(task.vertex, writes.add(task.id));
        }
        this.warnings.push(...(status.warnings ?? []));
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
    /** Every cache import and export, in the order BuildKit started them. */
    cacheSteps() {
        return [...this.vertices.values()]
            .filter(v => CACHE_IMPORT.test(v.name) || CACHE_EXPORT.test(v.name))
            .filter(v => !/^preparing build cache/.test(v.name))
            .map(v => ({
            step: v.name,
            kind: CACHE_IMPORT.test(v.name) ? 'import' : 'export',
            outcome: !v.error
                ? 'done'
                : CACHE_IMPORT.test(v.name) && CACHE_MISS.test(v.error)
                    ? 'none yet'
                    : 'failed',
            ...(v.error ? { error: v.error } : {}),
            layers: this.layerWrites.get(v.digest)?.size ?? 0
        }));
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
        return (this.text
            .map(t => t.trim())
            .filter(t => t.startsWith('ERROR:'))
            .pop() ?? '');
    }
}
/** Percent, one decimal at most; 0 when there was nothing to build. */
function hitRate({ steps, cached }) {
    return steps === 0 ? 0 : Math.round((cached / steps) * 1000) / 10;
}

// EXTERNAL MODULE: ./src/core/builder/build-checks.ts
var build_checks = __webpack_require__(149);
;// CONCATENATED MODULE: ./src/core/builder/build-failures.ts
// BuildKit's words when an imported cache cannot be read: a broken index, or blobs that are
// truncated or missing (a corrupt local or remote cache). Not "failed to compute cache key"
// alone: a COPY of a missing file says that too, and is the user's to fix.
const CACHE_IMPORT_FAILURE = /unexpected EOF|failed to read expected number of bytes|digest mismatch|(load|import|configure)[^\n]*cache|cache (manifest|index)|(blob|content) [^\n]*not found/i;
const isCacheImportFailure = (cause) => CACHE_IMPORT_FAILURE.test(cause);
// A registry that answers a push with a server error or a rate limit, or drops the connection:
// worth one more try, which costs little since every step is cached by then.
const TRANSIENT_PUSH_FAILURE = /unexpected status[^\n]*\b(5\d\d|429)\b|429 Too Many Requests|\b50[234]\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i;
function isTransientPushFailure(progress) {
    const failed = progress.failedSteps();
    return (failed.length > 0 && failed.every(name => /^pushing |^exporting to image/.test(name)) && TRANSIENT_PUSH_FAILURE.test(progress.cause()));
}
// GHCR's refusals of a push: a 403, `DENIED`, `permission_denied: write_package` (the most asked
// about push error there), as BuildKit or the registry API words them.
const DENIED = /\b403\b|\bDENIED\b|permission_denied|write_package|insufficient_scope/i;
// GitHub's container registry: ghcr.io, and containers.<host> on GitHub Enterprise Server.
const GITHUB_REGISTRY = /^(ghcr\.io|containers\.[^/]+)\//;
// Words only GitHub's registry says: they name it behind any other host name (a proxy, a mirror).
const GITHUB_WORDS = /permission_denied: write_package/i;
/** What a refused push to GitHub's registry needs, said where the error is; '' for other registries and other errors. */
function pushDeniedHint(error, repositories) {
    const named = repositories.filter(r => GITHUB_REGISTRY.test(r));
    const ghcr = named.length ? named : GITHUB_WORDS.test(error) ? repositories : [];
    if (!ghcr.length || !DENIED.test(error))
        return '';
    return (`\nGHCR refused the push to ${ghcr.join(', ')}. The job needs \`permissions: packages: write\` and a login to ghcr.io ` +
        '(registry: ghcr.io, username: ${{ github.actor }}, password: ${{ secrets.GITHUB_TOKEN }}); a package first pushed ' +
        "from another repository must also give this one write access (the package's settings, Manage Actions access).");
}

;// CONCATENATED MODULE: ./src/pipeline/builder/build.ts
// The build itself: run buildx, read its metadata file, and retry once without cache
// import when the cache is what broke it.









class BuildError extends Error {
    milliseconds;
    constructor(message, milliseconds) {
        super(message);
        this.milliseconds = milliseconds;
        this.name = 'BuildError';
    }
}
async function buildOnce(rt, plan) {
    const args = (0,builder_args/* buildArgs */.CH)(plan);
    rt.info(`docker ${args.join(' ')}`);
    const progress = new BuildProgress(message => rt.info(message));
    const { code } = await rt.docker(args, { env: (0,builder_args/* buildEnv */.WB)(plan.inputs, rt.env), onStderr: chunk => progress.push(chunk) });
    progress.end();
    return { code, progress };
}
/** The build, with the engine front listening while it runs where the engine pushes to one. */
async function runBuild(rt, plan) {
    if (!plan.frontTo.length)
        return buildAndLoad(rt, plan);
    const clientOf = (0,registry_client/* clientsFor */.US)(rt.env, message => rt.warning(message));
    const front = await startEngineFront(plan.ociDir, heldByAll(clientOf, plan.frontTo));
    try {
        return await buildAndLoad(rt, { ...plan, front: front.address });
    }
    finally {
        await front.close();
        const { blobs, bytes } = front.received();
        rt.info(`The engine sent ${blobs} blob${blobs === 1 ? '' : 's'} (${bytes} bytes) the registry lacked to this run's front`);
        // The engine keeps what it pushed under the front's name, a new one each run. It is kept
        // under one name per repository instead, as a push by tag keeps its tag: removing an image's
        // last name makes the engine collect its content (a second on a 250 MB image), renaming it does not.
        await keepPushed(rt, (0,builder_args/* frontName */.xx)(front.address), (0,builder_args/* keptName */.QQ)(plan.frontTo[0]));
    }
}
/**
 * The engine's image renamed from the front's name to the kept one: over its socket where it is
 * here (milliseconds), else with the CLI. The previous kept image goes first: a name moved to
 * another image leaves the old one dangling with every layer the new one dropped, and an engine
 * that stays between runs (a self-hosted runner) would keep one such image a run. The pushed
 * image holds all the new one needs meanwhile.
 */
async function keepPushed(rt, pushed, kept) {
    const [repo, tag] = [kept.slice(0, kept.lastIndexOf(':')), kept.slice(kept.lastIndexOf(':') + 1)];
    const dropped = await (0,docker_config/* engineCall */.L6)(rt.env, 'DELETE', `/images/${kept}`);
    const tagged = dropped && (await (0,docker_config/* engineCall */.L6)(rt.env, 'POST', `/images/${pushed}/tag?repo=${encodeURIComponent(repo)}&tag=${tag}`));
    if (tagged?.status === 201) {
        await (0,docker_config/* engineCall */.L6)(rt.env, 'DELETE', `/images/${pushed}?noprune=1`);
        return;
    }
    await rt.docker(['image', 'rm', kept], { quiet: true });
    if ((await rt.docker(['tag', pushed, kept], { quiet: true })).code === 0)
        await rt.docker(['image', 'rm', pushed], { quiet: true });
}
async function buildAndLoad(rt, plan) {
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
    if (code !== 0) {
        const errors = (0,docker/* lastLines */.w$)(progress.errorText());
        throw new BuildError(`docker buildx build failed (exit ${code}):\n${errors}${pushDeniedHint(errors, plan.pushTo)}`, milliseconds);
    }
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
        digest: metadata['containerimage.digest'] ?? '',
        imageId: metadata['containerimage.config.digest'] ?? '',
        metadataText,
        steps,
        cacheFaults: progress.cacheFaults(),
        cacheSteps: progress.cacheSteps(),
        checks: (0,build_checks/* dedupe */.Qq)(progress.warnings.flatMap(w => (0,build_checks/* findingOfWarning */.x6)(w, plan.inputs.file) ?? [])),
        milliseconds
    };
}

;// CONCATENATED MODULE: ./src/pipeline/builder/cache-export.ts
// The registry cache the action derives is written after the build, and only when its ref does
// not hold this build already. A no-change rebuild (the weekly rebuild, most PR checks) would
// otherwise export the same cache every run: BuildKit walks every record and asks the registry
// for every blob again, about 0.6 s on a 250 MB image over loopback and more over the network.
// What the ref holds is read while the build runs; a read that fails or runs out of time means
// the cache is written, as before.





async function readHeldBlobs(specs, env, reads) {
    const entries = await Promise.all(specs.map(async (spec) => {
        const ref = (0,cache_plan/* cacheSpecAttrs */.oq)(spec).ref;
        try {
            const text = await reads.read(`the registry cache ${ref}`, signal => (0,registry_client/* clientFor */.$V)((0,reference/* repositoryOf */._M)(ref), env, undefined, signal).manifest((0,reference/* tagOf */.cO)(ref)));
            return [spec, text === undefined ? undefined : (0,cache_plan/* cacheBlobs */.Jf)(text)];
        }
        catch (e) {
            return [spec, e instanceof registry_client/* NotFoundError */.m_ ? [] : undefined];
        }
    }));
    return new Map(entries);
}
/** Export the given caches in one fully cached pass: its faults are the run's warnings, never the step's failure. */
async function exportCaches(rt, plan, specs) {
    const { code, progress } = await buildOnce(rt, { ...plan, cacheOnly: true, cacheToAfter: specs });
    const faults = progress.cacheFaults();
    if (code !== 0 && !faults.length)
        faults.push({ step: 'exporting cache', error: (0,docker/* lastLines */.w$)(progress.errorText(), 5) });
    return { faults, steps: progress.cacheSteps() };
}

// EXTERNAL MODULE: ./src/core/builder/cache-mounts.ts
var cache_mounts = __webpack_require__(443);
;// CONCATENATED MODULE: ./src/pipeline/registry/publish.ts
// Publishing in two moves: the whole image goes to the registry by digest (blobs, each
// platform's manifest, the index), and only then is every tag pointed at that digest. A push
// that fails midway moves no tag; tags of one run never point at different images; a tag that
// already points at the digest is left alone, and nothing the registry has is sent again.








// Layers are sent a few at a time: enough to fill a runner's link, few enough for a rate limit.
const PARALLEL_UPLOADS = 4;
const BLOB_RACE_TRIES = 4;
/** A manifest refused for a blob the registry could not read at that moment. */
const isBlobRace = (e) => e instanceof registry_client/* RegistryError */.gl && e.status === 400 && /MANIFEST_BLOB_UNKNOWN|DIGEST_INVALID/.test(e.message);
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
async function eachLimited(items, limit, fn) {
    const queue = [...items];
    const worker = async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift())
            await fn(item);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
/**
 * A blob of the layout, checked against its digest. The layout is the machine's, kept across
 * runs: another run's build on the same engine may be writing the same blob right now. Bytes
 * that are not (yet) that digest are read again a little later, for a few seconds, and never sent.
 */
async function readWhole(path, digest, waitMs) {
    for (let attempt = 1;; attempt++) {
        const bytes = await (0,promises_.readFile)(path).catch(() => undefined);
        if (bytes && `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}` === digest)
            return bytes;
        if (attempt >= 20)
            throw new Error(`${path} is ${bytes ? `not ${digest}` : 'missing'} in the OCI layout (another build may have changed it)`);
        await new Promise(resolve => setTimeout(resolve, waitMs));
    }
}
/**
 * Push one image of an OCI image layout by its digest: children before
 * parents, so the registry never holds a manifest whose parts are missing. What the registry
 * already has is skipped: an unchanged image costs one HEAD request.
 */
async function pushLayout(client, dir, digest, waitMs = 250) {
    const read = (blob) => readWhole((0,external_node_path_.join)(dir, 'blobs', 'sha256', blob.slice('sha256:'.length)), blob, waitMs);
    const uploads = { blobs: 0, manifests: 0 };
    // Platforms share blobs (a layer that is the same on every architecture). The first push of a
    // blob is the one every platform waits for: a manifest is written only once each of its blobs
    // is really in the registry, however long that blob's upload (or its 429) takes.
    const blobsInFlight = new Map();
    const sendBlob = async (digest) => {
        if (await client.hasBlob(digest))
            return;
        await client.uploadBlob(digest, await read(digest));
        uploads.blobs++;
    };
    const pushBlob = (digest) => {
        if (!blobsInFlight.has(digest))
            blobsInFlight.set(digest, sendBlob(digest));
        return blobsInFlight.get(digest);
    };
    const pushManifest = async (digest, mediaType = '') => {
        if (await client.manifestDigest(digest))
            return;
        const bytes = await read(digest);
        const manifest = (0,registry_image/* parseManifest */.Ng)(bytes, `${digest} in the OCI layout`);
        const blobs = (0,registry_image/* isIndex */.nw)(manifest) ? [] : [manifest.config.digest, ...manifest.layers.map(l => l.digest)];
        if ((0,registry_image/* isIndex */.nw)(manifest))
            await Promise.all(manifest.manifests.map(m => pushManifest(m.digest, m.mediaType)));
        else
            await eachLimited(blobs, PARALLEL_UPLOADS, pushBlob);
        for (let attempt = 1;; attempt++) {
            try {
                await client.putManifest(digest, bytes, manifest.mediaType ?? mediaType);
                break;
            }
            catch (e) {
                // Another run pushing the same blob into this repository at this moment: the registry
                // rewrites the blob's link then, and a manifest checked meanwhile finds it unreadable
                // (DIGEST_INVALID with MANIFEST_BLOB_UNKNOWN). The blob is there once that run is done:
                // wait, make sure of each blob, and write the manifest again.
                if (attempt >= BLOB_RACE_TRIES || !isBlobRace(e))
                    throw e;
                await sleep(waitMs * attempt);
                for (const blob of blobs)
                    if (!(await client.hasBlob(blob)))
                        await client.uploadBlob(blob, await read(blob));
            }
        }
        uploads.manifests++;
    };
    await pushManifest(digest);
    return uploads;
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
    // One client per repository: the push and the tags share its token.
    const clientOf = (0,registry_client/* clientsFor */.US)(rt.env, message => rt.warning(message));
    let uploads;
    if (layout) {
        uploads = { blobs: 0, manifests: 0 };
        for (const repository of repositories) {
            const pushed = await pushLayout(clientOf(repository), layout, digest).catch(e => {
                throw new Error(`Pushing ${repository}@${digest} failed: ${(0,errors/* errorMessage */.g)(e)}; no tag was moved.${pushDeniedHint((0,errors/* errorMessage */.g)(e), [repository])}`);
            });
            uploads.blobs += pushed.blobs;
            uploads.manifests += pushed.manifests;
        }
        rt.info(`Pushed ${digest}: ${uploads.blobs} blobs and ${uploads.manifests} manifests uploaded; the registry had the rest`);
    }
    if (!tags.length)
        return { moved: [], unchanged: [], uploads };
    const tagging = await pointTags(clientOf, digest, tags, message => rt.warning(message)).catch(e => {
        throw new Error(`Tagging ${digest} failed: ${(0,errors/* errorMessage */.g)(e)}${pushDeniedHint((0,errors/* errorMessage */.g)(e), (0,reference/* repositoriesOf */.Ub)(tags))}`);
    });
    if (tagging.moved.length)
        rt.info(`Tagged ${digest}: ${tagging.moved.join(', ')}`);
    if (tagging.unchanged.length)
        rt.info(`Already at ${digest}: ${tagging.unchanged.join(', ')}`);
    return { ...tagging, uploads };
}

// EXTERNAL MODULE: ./src/pipeline/github/github-cache.ts
var github_cache = __webpack_require__(2874);
;// CONCATENATED MODULE: ./src/pipeline/builder/cache-mounts.ts
// Cache mounts carried across runs through the GitHub cache: each mount's archive is restored
// and unpacked into the builder before the build, in one helper build; after it, one helper
// build lists every mount and packs only one whose listing changed, which is saved under a key
// that carries its new sum. Every fault
// here is a warning: the build runs with whatever the mounts hold.










/** Whether a file starts with gzip's magic bytes. */
async function isGzip(path) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const { buffer, bytesRead } = await file.read(Buffer.alloc(2), 0, 2, 0);
        return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
    }
    finally {
        await file.close();
    }
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const size = async (path) => (await (0,promises_.stat)(path).catch(() => undefined))?.size ?? 0;
/** One helper build; `context` is what its RUN lines bind (the archives to unpack), else an empty directory. */
async function helperBuild(rt, builder, plan, dockerfile, output, options = {}) {
    await (0,promises_.mkdir)(plan.dir, { recursive: true });
    const file = (0,external_node_path_.join)(plan.dir, `helper-${Date.now()}.Dockerfile`);
    await (0,promises_.writeFile)(file, dockerfile);
    const empty = (0,external_node_path_.join)(plan.dir, 'empty');
    await (0,promises_.mkdir)(empty, { recursive: true });
    const buildArgs = [`NONCE=${Date.now()}`, ...(options.buildArgs ?? [])];
    const args = (0,builder_args/* helperBuildArgs */.iB)(builder, file, options.context ?? empty, output, buildArgs, options.metadataFile);
    const { code, stderr } = await rt.docker(args, { quiet: true });
    await (0,promises_.rm)(file, { force: true });
    // With step debug logging on (RUNNER_DEBUG), the helper build's own progress, to see where it spends its time.
    if (rt.env.RUNNER_DEBUG === '1')
        rt.info(stderr);
    if (code !== 0)
        throw new Error((0,docker/* lastLines */.w$)(stderr, 5) || `docker buildx build exited ${code}`);
}
/** The archives, alone in a directory: it is the restore's build context, sent whole to the builder. */
const archivesDir = (plan) => (0,external_node_path_.join)(plan.dir, 'archives');
/** Restore each mount's newest archive of this scope (all at once) and unpack them all into the builder in one step. */
async function restoreMounts(rt, plan, builder) {
    const uses = plan.mounts.map(({ mount }) => ({ id: mount.id, restoredSum: '', restoredBytes: 0, savedBytes: 0 }));
    if (!plan.mounts.length)
        return uses;
    try {
        if (plan.store === 'registry')
            return await restoreFromImage(rt, plan, builder, uses);
        if (!(await (0,github_cache/* githubCacheAvailable */.Fl)())) {
            rt.info('cache-mounts: this run has no GitHub cache service; the mounts start as the builder has them');
            return uses;
        }
        const dir = archivesDir(plan);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await (0,promises_.mkdir)(dir, { recursive: true });
        const started = Date.now();
        const keys = await Promise.all(plan.mounts.map(entry => {
            const prefix = (0,cache_mounts/* mountKeyPrefix */.fp)(plan.scope, entry.file);
            return (0,github_cache/* restorePaths */.Bb)([(0,external_node_path_.join)(dir, (0,cache_mounts/* archiveName */.uv)(entry.file))], prefix, [prefix], plan.timeoutMs);
        }));
        const restored = [];
        for (const [i, entry] of plan.mounts.entries()) {
            if (!keys[i])
                continue;
            const archive = (0,external_node_path_.join)(dir, (0,cache_mounts/* archiveName */.uv)(entry.file));
            uses[i].restoredSum = (0,cache_mounts/* sumOfKey */.Ed)(keys[i], (0,cache_mounts/* mountKeyPrefix */.fp)(plan.scope, entry.file));
            uses[i].restoredBytes = await size(archive);
            restored.push({ ...entry, gzip: await isGzip(archive) });
        }
        const downloaded = Date.now();
        if (restored.length)
            await helperBuild(rt, builder, plan, (0,cache_mounts/* restoreDockerfile */.Xg)(plan.helper, restored), 'type=cacheonly', { context: dir });
        // The archives were sent to the builder: the runner's disk needs them no more.
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        for (const use of uses)
            rt.info(use.restoredSum ? `cache mount ${use.id}: restored ${use.restoredBytes} bytes` : `cache mount ${use.id}: nothing saved yet`);
        if (restored.length)
            rt.info(`cache mounts: downloaded in ${seconds(downloaded - started)}, unpacked in the builder in ${seconds(Date.now() - downloaded)}`);
    }
    catch (e) {
        rt.warning(`cache-mounts: restoring failed; the build runs with what the mounts hold, and they are not saved this run: ${(0,errors/* errorMessage */.g)(e)}`);
        for (const use of uses)
            Object.assign(use, { restoredSum: '', restoredBytes: 0, serviceFailed: true, note: 'not saved: the restore failed' });
    }
    return uses;
}
/** The registry store: one build unpacks every archive from the saved image and hands back their sums and sizes. */
async function restoreFromImage(rt, plan, builder, uses) {
    const out = (0,external_node_path_.join)(plan.dir, 'restored');
    try {
        await helperBuild(rt, builder, plan, (0,cache_mounts/* restoreFromImageDockerfile */.Uz)(plan.helper, plan.image, plan.mounts), `type=local,dest=${out}`);
    }
    catch (e) {
        // No image yet, or one saved before this mount was added: a cold start, not a fault.
        if (!/not found|manifest unknown|no such file|404/i.test((0,errors/* errorMessage */.g)(e)))
            throw e;
        rt.info(`cache-mounts: ${plan.image} holds none of them yet`);
        return uses;
    }
    for (const [i, { file }] of plan.mounts.entries()) {
        uses[i].restoredSum = (await (0,promises_.readFile)((0,external_node_path_.join)(out, `${file}.sum`), 'utf8')).trim().slice(0, 16);
        uses[i].restoredBytes = Number((await (0,promises_.readFile)((0,external_node_path_.join)(out, `${file}.size`), 'utf8')).trim()) || 0;
        rt.info(`cache mount ${uses[i].id}: restored ${uses[i].restoredBytes} bytes from ${plan.image}`);
    }
    return uses;
}
/** The registry store: every mount packed into one image, pushed as the action pushes a layout, then tagged. */
async function saveToImage(rt, plan, builder, uses) {
    const layout = (0,external_node_path_.join)(plan.dir, 'layout');
    const metadataFile = (0,external_node_path_.join)(plan.dir, 'packed.json');
    await (0,promises_.rm)(layout, { recursive: true, force: true });
    await helperBuild(rt, builder, plan, (0,cache_mounts/* sumDockerfile */.sA)(plan.helper, plan.mounts, 'all', false), `type=oci,dest=${layout},tar=false`, {
        metadataFile
    });
    const digest = JSON.parse(await (0,promises_.readFile)(metadataFile, 'utf8'))['containerimage.digest'];
    await publish(rt, digest, [(0,reference/* repositoryOf */._M)(plan.image)], [plan.image], layout);
    // One image holds every mount: its layer's size is what was saved, for all of them together.
    const index = (0,registry_image/* parseIndex */.A1)(await (0,promises_.readFile)((0,external_node_path_.join)(layout, 'index.json')), 'the mounts image layout');
    const blob = (digest) => (0,external_node_path_.join)(layout, 'blobs', 'sha256', digest.slice('sha256:'.length));
    const manifest = (0,registry_image/* parseManifest */.Ng)(await (0,promises_.readFile)(blob(index.manifests[0].digest)), 'the mounts image');
    const bytes = (0,registry_image/* isIndex */.nw)(manifest) ? 0 : (0,registry_image/* layerTotals */.Lv)(manifest).size;
    return uses.map(u => ({ ...u, note: `saved to ${plan.image}: ${bytes} bytes (compressed), every mount in one image` }));
}
/**
 * List every mount and pack the ones whose listing changed since they were restored, in one
 * build (an unchanged mount is listed only), then save each packed one under its new sum.
 */
async function saveMounts(rt, plan, builder, uses) {
    if (!plan.mounts.length)
        return uses;
    if (!plan.write.write)
        return uses.map(u => ({ ...u, note: `not written: ${plan.write.why}` }));
    if (uses.some(u => u.serviceFailed))
        return uses;
    try {
        if (plan.store === 'gha' && !(await (0,github_cache/* githubCacheAvailable */.Fl)()))
            return uses;
        const packed = (0,external_node_path_.join)(plan.dir, 'packed');
        await (0,promises_.rm)(packed, { recursive: true, force: true });
        // The registry keeps every mount in one image: it is packed whole, and only when one changed.
        const pack = plan.store === 'registry' ? 'none' : 'changed';
        const sums = plan.mounts.map(({ file }, i) => `${file}=${uses[i].restoredSum}`).join(' ');
        await helperBuild(rt, builder, plan, (0,cache_mounts/* sumDockerfile */.sA)(plan.helper, plan.mounts, pack), `type=local,dest=${packed}`, {
            buildArgs: [`SUMS=${sums}`]
        });
        const changed = [];
        for (const [i, entry] of plan.mounts.entries()) {
            const sum = (await (0,promises_.readFile)((0,external_node_path_.join)(packed, `${entry.file}.sum`), 'utf8')).trim();
            if (sum.slice(0, 16) === uses[i].restoredSum)
                uses[i] = { ...uses[i], note: 'unchanged: not saved' };
            else
                changed.push({ i, entry, sum });
        }
        if (!changed.length)
            return uses;
        if (plan.store === 'registry') {
            const saved = await saveToImage(rt, plan, builder, uses);
            rt.info(`cache mounts: ${saved[0].note}`);
            return saved;
        }
        await (0,promises_.mkdir)(archivesDir(plan), { recursive: true });
        for (const { i, entry, sum } of changed) {
            const archive = (0,external_node_path_.join)(archivesDir(plan), (0,cache_mounts/* archiveName */.uv)(entry.file));
            await (0,promises_.rm)(archive, { force: true });
            await (0,promises_.rename)((0,external_node_path_.join)(packed, (0,cache_mounts/* archiveName */.uv)(entry.file)), archive);
            try {
                await (0,github_cache/* savePaths */.YV)([archive], (0,cache_mounts/* mountKey */.NY)(plan.scope, entry.file, sum), plan.timeoutMs);
                uses[i] = { ...uses[i], savedBytes: await size(archive) };
                rt.info(`cache mount ${entry.mount.id}: saved ${uses[i].savedBytes} bytes`);
            }
            catch (e) {
                uses[i] = { ...uses[i], note: `failed: ${(0,errors/* errorMessage */.g)(e)}` };
                rt.warning(`cache-mounts: saving ${entry.mount.id} failed: ${(0,errors/* errorMessage */.g)(e)}`);
            }
        }
        await (0,promises_.rm)(packed, { recursive: true, force: true });
    }
    catch (e) {
        rt.warning(`cache-mounts: saving failed; the next run starts from what was saved before: ${(0,errors/* errorMessage */.g)(e)}`);
    }
    return uses;
}

;// CONCATENATED MODULE: ./src/pipeline/github/handover.ts





const safe = (platform) => platform.replace(/[^A-Za-z0-9]/g, '-');
/** The image, run and platform a hand-over is for: its key's stem, and its directory's name. */
const handoverName = (repository, ctx, platform) => `${(0,external_node_crypto_.createHash)('sha256').update(repository).digest('hex').slice(0, 12)}-${ctx.runId}-${safe(platform)}`;
const keyPrefix = (repository, ctx, platform) => `ci-base-action-handover-${handoverName(repository, ctx, platform)}-`;
// Relative to the workspace: the cache's version hashes the path as written, and runners of
// different kinds (amd64, arm64) agree on it only when it is relative. Named after the image and
// the run as well as the platform: jobs of other runs or images sharing a workspace (self-hosted
// runners) hand over the same platform at the same time.
const dirFor = (repository, ctx, platform) => (0,external_node_path_.join)('.ci-base-action-handover', handoverName(repository, ctx, platform));
async function handOver(h, ctx) {
    const dir = dirFor(h.repository, ctx, h.platform);
    await (0,promises_.mkdir)((0,external_node_path_.join)(ctx.workspace, dir), { recursive: true });
    await (0,promises_.writeFile)((0,external_node_path_.join)(ctx.workspace, dir, 'handover.json'), JSON.stringify(h));
    try {
        await (0,github_cache/* savePaths */.YV)([dir], `${keyPrefix(h.repository, ctx, h.platform)}${ctx.runAttempt}`);
    }
    catch (e) {
        const why = /already exists|another job may be creating/i.test((0,errors/* errorMessage */.g)(e))
            ? `another job of this run already built ${h.platform}; each platform belongs to one job`
            : (0,errors/* errorMessage */.g)(e);
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
            const dir = dirFor(repository, ctx, platform);
            const prefix = keyPrefix(repository, ctx, platform);
            const hit = await (0,github_cache/* restorePaths */.Bb)([dir], `${prefix}${ctx.runAttempt}`, [prefix]);
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
            await cleanUp(ctx.workspace, dirFor(repository, ctx, platform));
    }
    if (missing.length) {
        throw new Error(`merge: no per-platform job of run ${ctx.runId} handed over ${missing.join(', ')}; each platform in 'platforms' needs a job with mode: platform for it, which must succeed before the merge.`);
    }
    return found;
}

;// CONCATENATED MODULE: ./src/pipeline/builder/checks.ts
// The Dockerfile's build checks on the run's builder: a build's findings shown on their lines,
// and `call: check`, which runs the checks alone and fails on any finding without building.



/** Each finding as a warning on its file and line. */
function annotateChecks(rt, findings) {
    for (const f of findings)
        rt.warning((0,build_checks/* findingMessage */.pG)(f), {
            file: f.file,
            ...(f.line ? { line: f.line } : {}),
            ...(f.endLine ? { endLine: f.endLine } : {}),
            title: f.rule
        });
}
// A frontend from before the checks (Dockerfile 1.7, BuildKit 0.13) does not know the request.
const NO_CHECKS = /unsupported request|not supported|unknown request|frontend\.lint|requestid/i;
async function runChecks(rt, plan) {
    const args = (0,builder_args/* checkArgs */.ar)(plan);
    rt.info(`docker ${args.join(' ')}`);
    const { code, stdout, stderr } = await rt.docker(args, { quiet: true, env: (0,builder_args/* buildEnv */.WB)(plan.inputs, rt.env) });
    let parsed;
    try {
        parsed = (0,build_checks/* parseLintResults */.d0)(stdout, plan.inputs.file);
    }
    catch {
        const why = (0,docker/* lastLines */.w$)(stderr || stdout, 8);
        if (/unknown flag: --call/.test(why))
            throw new Error(`Input 'call': check needs buildx 0.15 or later, and this one has no --call; set buildx-version (e.g. v0.30.0) to install one.`);
        if (NO_CHECKS.test(why))
            throw new Error(`Input 'call': check needs a builder whose Dockerfile frontend runs build checks (BuildKit 0.14 / Dockerfile 1.8 or later); this one does not:\n${why}`);
        throw new Error(`docker buildx build --call check failed (exit ${code}):\n${why}`);
    }
    annotateChecks(rt, parsed.findings);
    await rt.writeSummary((0,build_checks/* checksMarkdown */.pW)(parsed.findings, true));
    if (parsed.error)
        throw new Error(`The Dockerfile does not build: ${parsed.error}`);
    if (parsed.findings.length)
        throw new Error(`Build checks: ${parsed.findings.length} finding${parsed.findings.length === 1 ? '' : 's'} in ${plan.inputs.file}; nothing was built:\n` +
            parsed.findings.map(f => `${f.file}${f.line ? `:${f.line}` : ''} ${(0,build_checks/* findingText */.NK)(f)}`).join('\n'));
    rt.info(`Build checks: no findings in ${plan.inputs.file}`);
}

// EXTERNAL MODULE: ./src/core/registry/annotations.ts
var registry_annotations = __webpack_require__(9709);
;// CONCATENATED MODULE: ./src/pipeline/registry/image-index.ts
// An index made by the action from images already in the registry: a merge job's platforms,
// or the parts a builder of several nodes pushed. The same parts, in the same order, give the
// same digest.




/** Reads a pushed part, read again (with a warning) while the registry does not serve it yet. */
async function readPart(client, digest, what, warn) {
    const { bytes, mediaType } = await (0,registry_client/* readBack */.e7)(`${what} ${digest}`, () => client.manifestBytes(digest), warn);
    return { bytes, mediaType, manifest: (0,registry_image/* parseManifest */.Ng)(bytes, `${what} ${digest}`) };
}
/** One platform's image manifest as an index entry, its platform checked against its config's. */
async function platformEntry(client, platform, digest, warn) {
    const { bytes, mediaType, manifest } = await readPart(client, digest, platform, warn);
    if ((0,registry_image/* isIndex */.nw)(manifest))
        throw new Error(`${platform}: ${digest} is an index; a per-platform job must push one platform's manifest (provenance off)`);
    const config = (0,registry_image/* parseImageConfig */.FB)(await client.blob(manifest.config.digest), `${platform} ${digest}'s config`);
    const [os, architecture, variant] = platform.split('/');
    if (config.os !== os || config.architecture !== architecture)
        throw new Error(`${platform}: ${digest} is an image for ${config.os}/${config.architecture}`);
    return {
        mediaType: manifest.mediaType ?? mediaType,
        digest,
        size: bytes.length,
        platform: { os, architecture, ...(variant ? { variant } : {}) }
    };
}
/**
 * The entries a node's build adds to the image's index: the entries of the index it pushed
 * (its platforms' manifests and their attestations), or its one manifest.
 */
async function nodeEntries(client, platforms, digest, warn) {
    const { manifest } = await readPart(client, digest, platforms.join(', '), warn);
    if (!(0,registry_image/* isIndex */.nw)(manifest))
        return [await platformEntry(client, platforms[0], digest, warn)];
    const made = manifest.manifests
        .filter(m => m.platform?.os !== 'unknown')
        .map(m => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/'));
    const stray = made.filter(p => !platforms.includes(p));
    if (stray.length)
        throw new Error(`the build of ${platforms.join(', ')} made ${stray.join(', ')} too (${digest})`);
    return manifest.manifests;
}
function makeIndex(manifests, annotations) {
    const index = { schemaVersion: 2, mediaType: registry_attestations/* OCI_INDEX */.$p, manifests, ...(Object.keys(annotations).length ? { annotations } : {}) };
    const bytes = new TextEncoder().encode(JSON.stringify(index));
    return { digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`, bytes };
}
/** Writes the index by digest where the registry lacks it: its parts are there already. */
async function putIndex(client, index) {
    if (!(await client.manifestDigest(index.digest)))
        await client.putManifest(index.digest, index.bytes, registry_attestations/* OCI_INDEX */.$p);
}

;// CONCATENATED MODULE: ./src/pipeline/builder/split-build.ts






/** The log of one node's build, its lines marked with its platforms: two builds write at once. */
const markedFor = (rt, node) => ({
    ...rt,
    info: message => rt.info(`[${node.platforms.join(',')}] ${message}`),
    warning: (message, where) => rt.warning(`[${node.platforms.join(',')}] ${message}`, where)
});
async function runSplitBuild(rt, split, repositories, annotations) {
    const started = rt.now().getTime();
    rt.info(`One build per node, side by side: ${split.map(n => `${n.platforms.join(', ')} on ${n.node}`).join('; ')}`);
    const settled = await Promise.allSettled(split.map(node => runBuild(markedFor(rt, node), node.build)));
    const failed = settled.flatMap((s, i) => s.status === 'rejected' ? [`${split[i].platforms.join(', ')} on ${split[i].node}: ${(0,errors/* errorMessage */.g)(s.reason)}`] : []);
    const milliseconds = () => rt.now().getTime() - started;
    if (failed.length)
        throw new BuildError(`${failed.join('\n')}\nNo tag was moved.`, milliseconds());
    const results = settled.map(s => s.value);
    const clientOf = (0,registry_client/* clientsFor */.US)(rt.env, message => rt.warning(message));
    const warn = (message) => rt.warning(message);
    // The parts are read from the first repository: every repository got the same ones.
    const entries = await Promise.all(results.map((r, i) => nodeEntries(clientOf(repositories[0]), split[i].platforms, r.digest, warn)));
    const index = makeIndex(entries.flat(), (0,registry_annotations/* indexAnnotations */.nM)(annotations));
    await Promise.all(repositories.map(repository => putIndex(clientOf(repository), index))).catch(e => {
        throw new BuildError(`Writing the index ${index.digest} failed: ${(0,errors/* errorMessage */.g)(e)}; no tag was moved.`, milliseconds());
    });
    rt.info(`Index ${index.digest}: ${split.map((n, i) => `${n.platforms.join(', ')} ${results[i].digest}`).join(', ')}`);
    const nodes = Object.fromEntries(split.map((n, i) => [n.node, JSON.parse(results[i].metadataText)]));
    return {
        digest: index.digest,
        imageId: '',
        metadataText: JSON.stringify({ 'containerimage.digest': index.digest, 'ci-base-action.nodes': nodes }, null, 2),
        steps: results.reduce((sum, r) => ({ steps: sum.steps + r.steps.steps, cached: sum.cached + r.steps.cached }), { steps: 0, cached: 0 }),
        cacheFaults: results.flatMap(r => r.cacheFaults),
        cacheSteps: results.flatMap(r => r.cacheSteps),
        checks: (0,build_checks/* dedupe */.Qq)(results.flatMap(r => r.checks)),
        milliseconds: milliseconds()
    };
}

// EXTERNAL MODULE: ./src/pipeline/registry/image-sources.ts
var image_sources = __webpack_require__(8942);
// EXTERNAL MODULE: ./src/pipeline/builder/layout-store.ts
var layout_store = __webpack_require__(1122);
// EXTERNAL MODULE: ./src/pipeline/builder/verify.ts
var builder_verify = __webpack_require__(1);
;// CONCATENATED MODULE: ./src/pipeline/image-phases.ts
// The phases every built image goes through, the main image and each variant alike, each on its
// own plan: the build (and push by digest), the image read back, the layout tidied, verify.













/** buildx pushes the image itself (a split build, or one that pushes by digest): no separate push. */
const pushesItself = (plan) => plan.build.pushTo.length > 0;
/** The image is read back from the registry: the builder pushed it, or the engine front kept only what the registry lacked. */
const readFromRegistry = (plan) => pushesItself(plan) || plan.build.frontTo.length > 0;
/** The build, and the push by digest where buildx did not push: the tags move only once the image is measured and checked. */
async function buildImage(run, plan, reads, label = '') {
    const { rt, inputs } = run;
    const { verify, build, tags, split, repositories } = plan;
    // Verify runs what was built: pulled by digest after a push, else loaded under a name of this run's.
    if (verify)
        rt.remember({ verifyKey: verify.key, ...(verify.localName ? { verifyImage: verify.localName } : {}) });
    // A push that replaces the baseline waits for it to be read first.
    if (inputs.push && tags.includes(inputs.baseline))
        await reads.baseline;
    const held = readHeldBlobs(build.cacheToAfter, rt.env, run.reads);
    const result = await phase(run, pushesItself(plan) ? 'Build and push' : 'Build', async () => {
        const building = split ? runSplitBuild(rt, split, repositories, build.annotations) : runBuild(rt, build);
        const built = await building.catch(e => {
            if (e instanceof BuildError)
                rt.setOutput('build-time', (0,report_report/* seconds */.YA)(e.milliseconds).toFixed(1));
            throw e;
        });
        // Said now: a push that fails next still tells how long the build took.
        rt.setOutput('build-time', (0,report_report/* seconds */.YA)(built.milliseconds).toFixed(1));
        return built;
    }, label);
    if (inputs.push && !pushesItself(plan))
        await phase(run, 'Push', () => publish(rt, result.digest, repositories, [], build.ociDir), label);
    return { result, digest: result.digest, held };
}
function inspect(run, plan, built, reads, label = '') {
    return phase(run, 'Inspect', async () => {
        const { rt, inputs } = run;
        const { repositories, build } = plan;
        const warn = (message) => rt.warning(message);
        const [image, base] = await Promise.all([
            readFromRegistry(plan)
                ? (0,image_sources/* readFreshImage */.MP)((0,image_sources/* registrySource */.Bf)(rt.docker, repositories[0], rt.env, warn), `${repositories[0]}@${built.digest}`, inputs.platforms, warn)
                : (0,registry_image/* readImage */.AM)((0,image_sources/* ociLayoutSource */.pM)(build.ociDir), built.digest, inputs.platforms),
            reads.baseline
        ]);
        const layers = image.platforms.flatMap(p => p.breakdown.map(l => l.digest));
        const { stale, upToDate } = (0,cache_plan/* staleCaches */.fB)(build.cacheToAfter, built.result.steps, layers, await built.held);
        for (const spec of upToDate)
            rt.info(`${(0,cache_plan/* cacheSpecAttrs */.oq)(spec).ref} already holds this build (every step came from cache, every layer is in it): not written again`);
        return { image, base, stale, upToDate };
    }, label);
}
/** The cache faults said once; the OCI layout kept for the next run with this image's blobs (long-unused ones go). */
async function tidy(run, plan, built, exportFaults) {
    const faults = (0,cache_plan/* cacheFaultWarning */.h2)([...built.result.cacheFaults, ...exportFaults]);
    if (faults)
        run.rt.warning(faults);
    const { ociDir, frontTo } = plan.build;
    // The front's layout is this run's alone; the machine's is kept for the next run.
    if (frontTo.length)
        await (0,promises_.rm)(ociDir, { recursive: true, force: true });
    else if (!pushesItself(plan))
        await (0,layout_store/* keepImagePruneRest */.nn)(ociDir, built.digest, run.rt.now()).catch(e => run.rt.warning(`Could not prune the OCI layout ${ociDir}: ${(0,errors/* errorMessage */.g)(e)}`));
}
/** Verify's commands and require-non-root in the built image, when asked for. */
async function image_phases_verify(run, plan, image, label = '') {
    if (!plan.verify)
        return undefined;
    const { key, localName } = plan.verify;
    return phase(run, 'Verify', async () => {
        const targets = image.platforms.map(p => ({
            platform: p.platform,
            ref: localName || `${plan.repositories[0]}@${p.digest}`,
            user: p.user ?? ''
        }));
        try {
            return await (0,builder_verify/* verifyImage */.Z)(run.rt, run.inputs, targets, !localName, key);
        }
        finally {
            if (localName)
                await run.rt.docker(['image', 'rm', '--force', localName], { quiet: true });
        }
    }, label);
}
/** A built image as publishing takes it. */
const measuredOf = (built, inspected, verification) => ({
    digest: built.digest,
    image: inspected.image,
    base: inspected.base,
    buildMs: built.result.milliseconds,
    steps: built.result.steps,
    ...(verification ? { verification } : {})
});

// EXTERNAL MODULE: ./src/core/report/compare.ts
var compare = __webpack_require__(969);
// EXTERNAL MODULE: ./src/core/registry/history.ts
var registry_history = __webpack_require__(8615);
// EXTERNAL MODULE: ./src/core/builder/fingerprint.ts
var builder_fingerprint = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/pipeline/registry/history.ts
var pipeline_registry_history = __webpack_require__(952);
;// CONCATENATED MODULE: ./src/pipeline/registry/referrers.ts
// Attestations attached to the published index as OCI 1.1 referrers: through the registry's
// referrers API where it has one (it answers the manifest's PUT with OCI-Subject), else through
// the referrers tag schema (an index of referrers under the tag sha256-<hex>), as the OCI
// distribution spec says a client does for registries from before it (distribution 2.8, ...).



/** Every referrer of a manifest, from the API or from the tag schema. */
async function listReferrers(client, digest) {
    const viaApi = await client.referrers(digest);
    if (viaApi?.length)
        return viaApi;
    return (await tagIndex(client, digest))?.manifests ?? viaApi ?? [];
}
/** An attestation manifest: one image manifest (its layers are the statements). */
function statementsManifest(text, digest) {
    const manifest = (0,registry_image/* parseManifest */.Ng)(text, `the attestation manifest ${digest}`);
    if ((0,registry_image/* isIndex */.nw)(manifest))
        throw new Error(`the attestation manifest ${digest} is an index`);
    return manifest;
}
async function tagIndex(client, digest) {
    try {
        return (0,registry_image/* parseIndex */.A1)(await client.manifest((0,registry_attestations/* referrersTag */.LN)(digest)), `the referrers tag of ${digest}`);
    }
    catch (e) {
        if (e instanceof registry_client/* NotFoundError */.m_)
            return undefined;
        throw e;
    }
}
/**
 * Attaches each attestation to `subject` in every repository; an image the subject's referrers
 * already attest (an unchanged rebuild's) gets no second one. Returns the referrers written.
 */
async function attachAttestations(clientOf, source, repositories, subject, attestations, created) {
    const from = clientOf(source);
    // Each statement manifest read once, whatever the number of repositories.
    const statementsOf = new Map(await Promise.all(attestations.map(async (a) => [a.manifest, statementsManifest(await from.manifest(a.manifest), a.manifest)])));
    const written = [];
    let kept = 0;
    for (const repository of repositories) {
        const client = clientOf(repository);
        const attested = (0,registry_attestations/* attestedImages */.Tk)(await listReferrers(client, subject.digest));
        const todo = attestations.filter(a => !attested.has(a.image));
        kept = attestations.length - todo.length;
        if (todo.length && !(await client.hasBlob(registry_attestations/* EMPTY_CONFIG */.$v.digest)))
            await client.uploadBlob(registry_attestations/* EMPTY_CONFIG */.$v.digest, registry_attestations/* EMPTY_CONFIG_BYTES */.pA);
        for (const attestation of todo) {
            const statements = statementsOf.get(attestation.manifest);
            // The statements' blobs, where the builder pushed them to another repository.
            if (repository !== source)
                for (const layer of statements.layers ?? [])
                    if (!(await client.hasBlob(layer.digest)))
                        await client.uploadBlob(layer.digest, Buffer.from(await from.blob(layer.digest), 'utf8'));
            const referrer = (0,registry_attestations/* referrerManifest */.Dq)(attestation, statements, subject, created);
            const taken = await client.putManifest(referrer.digest, referrer.bytes, registry_attestations/* OCI_MANIFEST */.EG);
            if (taken !== subject.digest) {
                const next = (0,registry_attestations/* withReferrer */.Me)(await tagIndex(client, subject.digest), referrer.descriptor);
                if (next.changed)
                    await client.putManifest((0,registry_attestations/* referrersTag */.LN)(subject.digest), next.bytes, registry_attestations/* OCI_INDEX */.$p);
            }
            written.push(`${repository}@${referrer.digest}`);
        }
    }
    return { written, kept };
}

// EXTERNAL MODULE: ./src/core/report/vulnerabilities.ts
var vulnerabilities = __webpack_require__(3088);
;// CONCATENATED MODULE: ./src/pipeline/report/scan.ts
// The vulnerability scan of the built image: a scanner's report file the workflow made, or
// `trivy image` run here on the pushed (or loaded) image. Read, then counted by severity.




/** `target` is asked only when trivy runs here: a report file needs no image. */
async function scanImage(rt, inputs, target, temp) {
    const path = inputs.scanReport === 'trivy' ? await runTrivy(rt, target(), temp) : inputs.scanReport;
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        throw new Error(`Input 'scan-report': ${path} could not be read (${(0,errors/* errorMessage */.g)(e)}); run the scanner on the image before this step and give its JSON or SARIF report.`);
    }
    let scan;
    try {
        scan = (0,vulnerabilities/* countVulnerabilities */.Sf)(text);
    }
    catch (e) {
        throw new Error(`Input 'scan-report': ${path} is ${(0,errors/* errorMessage */.g)(e)}.`);
    }
    rt.info(`Vulnerabilities (${scan.format} report): ${(0,vulnerabilities/* countsText */.WN)(scan.counts)}`);
    return scan;
}
async function runTrivy(rt, target, temp) {
    const output = (0,external_node_path_.join)(temp, 'trivy-report.json');
    const args = ['image', '--format', 'json', '--output', output, '--quiet', '--platform', target.platform, target.ref];
    const result = await rt.docker(args, { command: 'trivy' }).catch(e => {
        throw new Error(/ENOENT/.test((0,errors/* errorMessage */.g)(e))
            ? "Input 'scan-report': trivy is not on PATH; install it in an earlier step (aquasecurity/setup-trivy), or give your scanner's report file."
            : `trivy could not start: ${(0,errors/* errorMessage */.g)(e)}`);
    });
    if (result.code !== 0)
        throw new Error(`trivy image ${target.ref} failed (exit ${result.code}): ${result.stderr.trim().split('\n').pop()}`);
    return output;
}

// EXTERNAL MODULE: ./src/core/report/budget.ts
var budget = __webpack_require__(6133);
// EXTERNAL MODULE: ./src/core/host/http-headers.ts
var http_headers = __webpack_require__(4723);
;// CONCATENATED MODULE: ./src/pipeline/github/comment.ts
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
            const wait = (0,http_headers/* retryAfterMs */.V)(res.headers.get('retry-after'));
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
    const body = (0,report_report/* fitMarkdown */.DJ)(`${marker}\n${markdown}`, text => text.length <= report_report/* COMMENT_LIMIT */.W$, "GitHub's 65,536-character comment limit");
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

// EXTERNAL MODULE: ./src/core/report/size.ts
var report_size = __webpack_require__(329);
;// CONCATENATED MODULE: ./src/core/report/outputs.ts



const keyValue = (line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)];
/** Every output of a finished run, from its report. */
function outputs(report, metadata, markdown, meta) {
    const first = report.platforms[0];
    return {
        version: meta.version,
        labels: meta.labels.join('\n'),
        annotations: meta.annotations.join('\n'),
        json: JSON.stringify({ tags: report.tags, labels: Object.fromEntries(meta.labels.map(keyValue)), annotations: meta.annotations }),
        digest: report.digest,
        imageid: report.imageid,
        metadata,
        tags: report.tags.join('\n'),
        size: first ? String(first.size) : '',
        'size-human': first ? (0,report_size/* humanSize */.Xe)(first.size) : '',
        layers: first ? String(first.layers) : '',
        'size-delta': first?.sizeDelta === undefined ? '' : String(first.sizeDelta),
        changed: report.changed === undefined ? '' : String(report.changed),
        built: String(!report.nothingToBuild),
        'rebuild-reason': report.rebuildReasons?.join('\n') ?? '',
        report: JSON.stringify(report),
        markdown,
        'build-time': report.buildTime.toFixed(1),
        'cache-hit-rate': String(report.cacheHitRate),
        verified: report.verify
            ? String((0,verify/* verified */.zr)(report.verify))
            : report.nothingToBuild?.verify
                ? String(report.nothingToBuild.verify === 'passed')
                : '',
        vulnerabilities: report.vulnerabilities ? JSON.stringify(report.vulnerabilities.counts) : '',
        variants: report.variants
            ? JSON.stringify(report.variants.map(v => ({
                name: v.name,
                target: v.target,
                digest: v.digest,
                tags: v.tags,
                size: v.platforms[0]?.size,
                layers: v.platforms[0]?.layers,
                sizeVsMain: v.sizeVsMain
            })))
            : ''
    };
}
/** GitHub keeps at most 1 MB of a job's outputs, all of them together; a margin stays for the rest of the job's steps. */
const OUTPUTS_LIMIT = 900_000;
const bytes = (values) => Object.values(values).reduce((sum, v) => sum + Buffer.byteLength(v), 0);
/**
 * Every output of a finished run, cut to fit GitHub's job output limit. The large ones go
 * first, each with a note of what was left out: buildx's metadata (its provenance can be
 * large), then the report's per-layer parts and trend, then the Markdown, as the summary is cut.
 */
function fittedOutputs(report, metadata, markdown, meta, limit = OUTPUTS_LIMIT) {
    let values = outputs(report, metadata, markdown, meta);
    const cut = [];
    if (bytes(values) > limit && Buffer.byteLength(metadata) > 1024) {
        values = outputs(report, JSON.stringify({ truncated: "buildx's metadata, over GitHub's job output limit" }), markdown, meta);
        cut.push('metadata');
    }
    if (bytes(values) > limit) {
        const lean = {
            ...report,
            platforms: report.platforms.map(p => ({ ...p, breakdown: [] })),
            variants: report.variants?.map(v => ({ ...v, platforms: v.platforms.map(p => ({ ...p, breakdown: [] })) })),
            trend: undefined,
            growth: undefined
        };
        values = { ...values, report: JSON.stringify({ ...lean, truncated: 'layer breakdowns, trend and growth, over the job output limit' }) };
        cut.push('report');
    }
    if (bytes(values) > limit) {
        const room = limit - (bytes(values) - Buffer.byteLength(values.markdown));
        values = {
            ...values,
            markdown: (0,report_report/* fitMarkdown */.DJ)(values.markdown, text => Buffer.byteLength(text) <= room - 200, "GitHub's 1 MB job output limit")
        };
        cut.push('markdown');
    }
    return { values, cut };
}

;// CONCATENATED MODULE: ./src/pipeline/report/publish-report.ts




async function publishReport(rt, inputs, ctx, report, metadata, meta) {
    const markdown = (0,report_report/* summaryMarkdown */.eH)(report);
    const { values, cut } = fittedOutputs(report, metadata, markdown, meta);
    for (const [name, value] of Object.entries(values))
        rt.setOutput(name, value);
    if (cut.length)
        rt.warning(`Outputs ${cut.join(', ')} were cut to stay under GitHub's 1 MB limit for a job's outputs; the job summary has the whole report.`);
    for (const p of report.platforms) {
        const delta = p.sizeDelta === undefined ? 'new' : `${p.sizeDelta >= 0 ? '+' : ''}${p.sizeDelta} bytes`;
        rt.info(`${p.platform}: ${p.size} bytes (${delta}) in ${p.layers} layers`);
    }
    rt.info(`cache hit rate ${report.cacheHitRate}%, build ${report.buildTime.toFixed(1)} s`);
    if (inputs.summary)
        await rt.writeSummary((0,report_report/* fitMarkdown */.DJ)(markdown, text => Buffer.byteLength(text) <= report_report/* SUMMARY_LIMIT */.Jt - 1024, "GitHub's 1 MiB job summary limit"));
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
        const why = e instanceof CommentPermissionError
            ? ' (the token may not write to pull requests, as on pull requests from forks; give the job `pull-requests: write`)'
            : '';
        rt.warning(`Could not comment on pull request #${ctx.pullRequest}: ${(0,errors/* errorMessage */.g)(e)}${why}. The report is in the job summary and the markdown output.`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/report/finish.ts








async function finish(rt, inputs, ctx, f) {
    const { base, image, verification } = f;
    if (base.status === 'unavailable' && !base.warned)
        rt.warning(`Baseline ${base.ref} could not be read: ${base.reason}`);
    const platforms = (0,compare/* compare */.UD)(image.platforms, base.image);
    const breaches = (0,budget/* checkBudgets */.N)(platforms, inputs.budgets);
    if (f.scan && inputs.maxVulnerabilities)
        for (const message of (0,vulnerabilities/* vulnerabilityBreaches */.SY)(f.scan.counts, inputs.maxVulnerabilities))
            breaches.push({ platform: 'image', budget: 'max-vulnerabilities', message });
    const { record, history, oldest } = f;
    const trend = record && history?.records.length
        ? { records: history.records, current: record, currentPublished: !!f.published, ...(history.note ? { note: history.note } : {}) }
        : undefined;
    const oldestFirst = oldest?.platforms.find(p => p.platform === image.platforms[0]?.platform);
    const report = (0,report_report/* makeReport */.dO)({
        digest: f.digest,
        imageid: f.imageid,
        tags: f.tags,
        pushed: inputs.push,
        platforms,
        baseline: { ref: base.ref, status: base.status, reason: base.reason, created: (0,registry_image/* createdOf */.YC)(base.image) },
        changed: (0,compare/* changedSince */.$A)(image, base.image),
        ...(f.rebuildReasons ? { rebuildReasons: f.rebuildReasons } : {}),
        ...(f.nothingToBuild ? { nothingToBuild: f.nothingToBuild } : {}),
        budgets: inputs.budgets,
        breaches,
        buildTime: (0,report_report/* seconds */.YA)(f.buildMs),
        cacheHitRate: hitRate(f.steps),
        steps: f.steps,
        stages: f.stages,
        ...(f.builtOn ? { builtOn: f.builtOn } : {}),
        caches: f.caches,
        ...(verification ? { verify: verification } : {}),
        ...(trend ? { trend } : {}),
        ...(trend && oldestFirst
            ? { growth: { since: trend.records[0].built.slice(0, 10), layers: (0,compare/* compareLayers */.yN)(image.platforms[0], oldestFirst) } }
            : {}),
        ...(f.scan ? { vulnerabilities: f.scan } : {}),
        ...(f.variants?.length ? { variants: f.variants } : {}),
        ...(f.checks?.length ? { checks: f.checks } : {})
    });
    await publishReport(rt, inputs, ctx, report, f.metadataText, f.meta);
    // Budgets and verify fail the step only after outputs, summary and comment are written.
    const failures = [
        ...(breaches.length ? [`Image over budget:\n${breaches.map(b => b.message).join('\n')}`] : []),
        ...(verification && (0,verify/* verifyFailures */.$)(verification).length ? [`Verify failed:\n${(0,verify/* verifyFailures */.$)(verification).join('\n')}`] : []),
        ...(f.variants ?? []).flatMap(v => v.verify && (0,verify/* verifyFailures */.$)(v.verify).length ? [`Verify failed on variant ${v.name}:\n${(0,verify/* verifyFailures */.$)(v.verify).join('\n')}`] : [])
    ];
    if (failures.length)
        throw new Error(failures.join('\n'));
}

;// CONCATENATED MODULE: ./src/pipeline/publish-phases.ts
// The phases that publish what a run measured, shared by a build, each variant and a merge: the
// reads of the baseline and its history, the vulnerability scan, the tags (which go to an index
// that records this build's metrics and names its baseline), and the oldest build of the trend.




















function startBaselineReads(run) {
    const { rt, inputs } = run;
    const baseline = (0,image_sources/* readBaseline */.mF)(rt.docker, inputs.baseline, inputs.platforms, rt.env, run.reads);
    if (inputs.history <= 0)
        return { baseline };
    const started = performance.now();
    const history = (0,pipeline_registry_history/* readHistory */.Lu)(inputs.baseline, inputs.history, rt.env, run.reads).then(h => {
        if (h.records.length)
            rt.info(`History: ${h.records.length} builds read in ${Math.round(performance.now() - started)} ms`);
        return h;
    });
    return { baseline, history };
}
/** This build as the history records it. */
function recordOf(run, m, scan, published = '') {
    const { base } = m;
    return {
        digest: published,
        built: run.rt.now().toISOString(),
        ...(base.image ? { previous: `${(0,reference/* repositoryOf */._M)(base.ref)}@${base.image.digest}` } : {}),
        platforms: m.image.platforms.map(p => ({ platform: p.platform, size: p.size, layers: p.layers })),
        buildSeconds: (0,report_report/* seconds */.YA)(m.buildMs),
        cacheHitRate: hitRate(m.steps),
        ...(m.verification ? { verify: (0,verify/* verified */.zr)(m.verification) ? 'passed' : 'failed' } : {}),
        ...(scan ? { vulnerabilities: scan.counts } : {})
    };
}
/** Scan, then tag: the tail every image shares. `label` names the variant it publishes. */
async function publishImage(run, plan, reads, m, label = '') {
    const scan = run.inputs.scanReport !== '' ? await phase(run, 'Scan', () => scanOf(run, plan, m), label) : undefined;
    if (!run.inputs.push || run.inputs.mode === 'platform')
        return scan ? { scan } : {};
    return { ...(scan ? { scan } : {}), ...(await phase(run, 'Tag', () => tag(run, plan, reads, m, scan), label)) };
}
function scanOf(run, plan, m) {
    const { repositories, tags } = plan;
    // What trivy scans: the pushed image by digest, or the loaded one by its tag.
    const target = () => {
        const ref = run.inputs.push ? `${repositories[0]}@${m.digest}` : tags[0];
        if (!ref)
            throw new Error("Input 'scan-report': trivy finds a loaded image by its tag; give 'tags' or 'image'.");
        return { ref, platform: m.image.platforms[0].platform };
    };
    return scanImage(run.rt, run.inputs, target, run.ctx.temp);
}
async function tag(run, plan, reads, m, scan) {
    const { rt, inputs } = run;
    const { repositories, tags } = plan;
    // A tag that replaces the baseline moves only once the history behind it is read.
    await reads.history;
    const clientOf = (0,registry_client/* clientsFor */.US)(rt.env, message => rt.warning(message));
    let target = m.digest;
    let recorded;
    const attest = inputs.attest.length > 0;
    const platform = m.image.platforms[0].platform;
    if (inputs.history > 0) {
        const { base } = m;
        if (base.image && (0,compare/* changedSince */.$A)(m.image, base.image) === false) {
            // An unchanged rebuild keeps the published digest: it is no new build in the history.
            target = base.image.digest;
            await (0,pipeline_registry_history/* copyIndex */.UZ)(clientOf, `${(0,reference/* repositoryOf */._M)(base.ref)}@${target}`, repositories);
            rt.info(`Unchanged since ${base.ref}: the tags stay on its index ${target}; the history gains no entry`);
        }
        else {
            const record = recordOf(run, m, scan);
            const annotations = { ...(0,registry_history/* recordAnnotations */._j)(record), ...(m.fingerprint ? (0,builder_fingerprint/* fingerprintAnnotations */.Jn)(m.fingerprint) : {}) };
            target = await (0,pipeline_registry_history/* writeRecordedIndex */.ML)(clientOf, repositories, m.digest, annotations, platform, w => rt.warning(w), attest);
            rt.info(`Recorded this build's metrics on index ${target} (the build's own is ${m.digest})`);
            recorded = { ...record, digest: target };
        }
    }
    else if (attest)
        target = await (0,pipeline_registry_history/* writeRecordedIndex */.ML)(clientOf, repositories, m.digest, {}, platform, w => rt.warning(w), true);
    // Attached before any tag moves: a tag never points at an index whose attestations failed.
    if (attest)
        await attachRunAttestations(run, plan, m, clientOf, target);
    await publish(rt, target, repositories, tags);
    return { published: target, ...(recorded ? { recorded } : {}) };
}
/** The build's attestations (a merge's: its platform jobs'), attached to the index the tags will point at. */
async function attachRunAttestations(run, plan, m, clientOf, target) {
    const { rt, inputs } = run;
    const { repositories } = plan;
    const source = inputs.mode === 'merge' ? inputs.image : repositories[0];
    const attestations = m.handedOver ?? (0,registry_attestations/* attestationsOf */.xz)((0,registry_image/* parseManifest */.Ng)(await clientOf(source).manifest(m.digest)));
    if (!attestations.length) {
        rt.warning(`attest: the builder made no attestation for ${target}; nothing attached (does it support ${inputs.attest.join(' and ')}?)`);
        return;
    }
    const { bytes } = await clientOf(repositories[0]).manifestBytes(target);
    const created = new Date(run.facts.sourceDateEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { written, kept } = await attachAttestations(clientOf, source, repositories, { mediaType: registry_attestations/* OCI_INDEX */.$p, digest: target, size: bytes.length }, attestations, created);
    if (written.length)
        rt.info(`Attested ${target}: ${written.length} referrer${written.length === 1 ? '' : 's'} (${written.join(', ')})`);
    if (kept)
        rt.info(`Attested ${target} already: ${kept} platform image${kept === 1 ? '' : 's'} keep${kept === 1 ? 's' : ''} the attestation attached before`);
}
/** The oldest build of the trend, read for which step grew over the window (an optional read). */
async function readOldest(run, reads) {
    if (!reads.history)
        return undefined;
    const { oldest } = await reads.history;
    if (!oldest)
        return undefined;
    const { rt, inputs } = run;
    try {
        return await run.reads.read(`the oldest build ${oldest}`, signal => (0,registry_image/* readImage */.AM)((0,image_sources/* registrySource */.Bf)(rt.docker, (0,reference/* repositoryOf */._M)(oldest), rt.env, undefined, signal), oldest, inputs.platforms));
    }
    catch (e) {
        rt.warning(`The oldest build of the trend, ${oldest}, could not be read: ${(0,errors/* errorMessage */.g)(e)}; no growth since then`);
        return undefined;
    }
}
/** The end of every run: the oldest build read, then compare, budgets, outputs, summary and comment; then fail on a budget or verify. */
async function report(run, plan, reads, m, p, b) {
    const { rt, inputs, ctx } = run;
    const oldest = await readOldest(run, reads);
    // Here, once: a variant builds the same Dockerfile and finds the same.
    annotateChecks(rt, b.built?.checks ?? []);
    return finish(rt, inputs, ctx, {
        digest: p.published || m.digest,
        imageid: b.built?.imageId ?? '',
        tags: plan.tags,
        image: m.image,
        base: m.base,
        buildMs: m.buildMs,
        steps: m.steps,
        // The record as written on the index, when one was; else this run's, made now.
        record: p.recorded ?? recordOf(run, m, p.scan, p.published),
        published: p.published !== undefined,
        ...(reads.history ? { history: await reads.history } : {}),
        ...(oldest ? { oldest } : {}),
        ...(p.scan ? { scan: p.scan } : {}),
        ...(b.variants ? { variants: b.variants } : {}),
        ...(b.rebuildReasons ? { rebuildReasons: b.rebuildReasons } : {}),
        ...(b.nothingToBuild ? { nothingToBuild: b.nothingToBuild } : {}),
        stages: run.stages,
        ...(b.builtOn ? { builtOn: b.builtOn } : {}),
        verification: m.verification,
        caches: b.caches ?? [],
        metadataText: b.built?.metadataText ?? '{}',
        ...(b.built?.checks.length ? { checks: b.built.checks } : {}),
        meta: { version: plan.version, labels: plan.build.labels, annotations: plan.build.annotations }
    });
}

;// CONCATENATED MODULE: ./src/core/variants.ts

/** `repo:tag` -> `repo:tag-name`: the variant's tag beside each of the main image's. */
const variantTag = (ref, name) => `${(0,reference/* repositoryOf */._M)(ref)}:${(0,reference/* tagOf */.cO)(ref)}-${name}`;
/**
 * The inputs of one variant: its target, the main image's tags with its suffix (so `sha`,
 * `date`, `latest` and semver tags all have theirs), its own baseline and so its own history,
 * the main image's builder and cache (read only: the main build wrote it), the same checks.
 */
function variantInputs(inputs, variant, mainTags, builder) {
    const trivy = inputs.scanReport === 'trivy';
    return {
        ...inputs,
        target: variant.target,
        tags: mainTags.map(t => variantTag(t, variant.name)),
        tagPolicy: [],
        baseline: inputs.baseline && !inputs.baseline.includes('@') ? variantTag(inputs.baseline, variant.name) : '',
        builder,
        cacheWrite: 'never',
        cacheMounts: [],
        // A report file describes the main image; trivy scans each image itself.
        scanReport: trivy ? 'trivy' : '',
        maxVulnerabilities: trivy ? inputs.maxVulnerabilities : undefined,
        variants: []
    };
}
/**
 * A variant leaves things out by design (a slim image has no compiler): a check whose program
 * is not in it, exit 127 as shells have it, does not apply there. Any other failure counts.
 */
function checksThatApply(v) {
    return {
        ...v,
        results: v.results.map(r => (!r.passed && r.exitCode === 127 ? { ...r, passed: true, output: `not in this variant (exit 127)` } : r))
    };
}

// EXTERNAL MODULE: ./src/pipeline/builder/fingerprint.ts + 1 modules
var fingerprint = __webpack_require__(7965);
;// CONCATENATED MODULE: ./src/pipeline/variants.ts
// The variants of a build (`variants: slim=runtime`): after the main image, each variant's
// target is built on the same builder from the same cache, and goes through the same phases as
// the main image on a plan of its own (build and push, inspect, verify, scan, record and tag),
// with its own baseline and history. What it made is reported beside the main image.







/** A variant's inputs and plan: the main image's, with its target and tags, on the main image's builder. */
function variantPlan(run, variant, mainPlan, planFacts) {
    const inputs = variantInputs(run.inputs, variant, mainPlan.tags, mainPlan.build.builder);
    return { inputs, plan: (0,run_plan/* planRun */.n)({ ...planFacts, inputs, existingDriver: mainPlan.driver, existingNodes: mainPlan.nodes }) };
}
/**
 * Each variant in turn, on the main image's builder and plan facts; `main` is the main image's
 * first platform; `builder` what the main image's fingerprint took the builder to be.
 */
async function buildVariants(run, setup, main, builder) {
    const made = [];
    for (const variant of run.inputs.variants) {
        const { inputs, plan } = variantPlan(run, variant, setup.plan, setup.planFacts);
        const sub = { ...run, inputs };
        run.rt.info(`Variant ${variant.name}: target ${variant.target}, tags ${plan.tags.join(', ') || '(none)'}`);
        const reads = startBaselineReads(sub);
        const built = await buildImage(sub, plan, reads, variant.name);
        const inspected = await inspect(sub, plan, built, reads, variant.name);
        await tidy(sub, plan, built, []);
        const verification = await image_phases_verify(sub, plan, inspected.image, variant.name);
        const checks = verification ? checksThatApply(verification) : undefined;
        // Its own fingerprint (its target reads its own stages), recorded as the main image's is: a later run may find it unchanged.
        const taken = await (0,fingerprint/* takeFingerprint */.mP)(run.rt, run.reads, inputs, run.facts.dockerfile, await builder, builder_fingerprint/* ACTION_MAJOR_MINOR */.Tm);
        const measured = { ...measuredOf(built, inspected, checks), ...('fingerprint' in taken ? { fingerprint: taken.fingerprint } : {}) };
        const { published } = await publishImage(sub, plan, reads, measured, variant.name);
        const platforms = (0,compare/* compare */.UD)(inspected.image.platforms, inspected.base.image);
        made.push({
            name: variant.name,
            target: variant.target,
            digest: published ?? built.digest,
            tags: plan.tags,
            platforms,
            sizeVsMain: (platforms[0]?.size ?? 0) - (main?.size ?? 0),
            ...(checks ? { verify: checks } : {})
        });
    }
    return made;
}
/**
 * Whether every variant, too, was built from the inputs it has now (each its own fingerprint
 * against its own baseline): they all are, or the run builds, and says why.
 */
async function unchangedVariants(run, mainPlan, planFacts, builder) {
    const found = [];
    for (const variant of run.inputs.variants) {
        const { inputs, plan } = variantPlan(run, variant, mainPlan, planFacts);
        const [taken, base] = await Promise.all([
            (0,fingerprint/* takeFingerprint */.mP)(run.rt, run.reads, inputs, run.facts.dockerfile, builder, builder_fingerprint/* ACTION_MAJOR_MINOR */.Tm),
            startBaselineReads({ ...run, inputs }).baseline
        ]);
        const decision = (0,builder_fingerprint/* skipDecision */.q0)(inputs, taken, base);
        const reasons = 'fingerprint' in taken ? (0,builder_fingerprint/* whyBuild */.T8)(inputs, taken, base) : taken.unknowable;
        if (!decision.skip || !base.image) {
            run.rt.info(`skip-unchanged: variant ${variant.name} ${decision.skip ? 'has no image' : `builds (${(decision.note ? [decision.note] : reasons).join('; ')})`}; building`);
            return undefined;
        }
        found.push({ name: variant.name, target: variant.target, plan, base: { ...base, image: base.image }, record: decision.record });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/pipeline/nothing-to-build.ts
// Nothing to build (skip-unchanged): the image the tags point at was built from the same
// inputs as this run's, so nothing is built. A build moves its tags to that image and reports
// from its record; a per-platform job hands the recorded platform over to the merge job.












/**
 * The image the tags point at was built from the same inputs: the tags move to it (every
 * repository must hold it already), and the run reports from its record. False, and nothing
 * done, when a repository lacks it: the run builds.
 */
async function nothingToBuild(run, reads, base, record, builder) {
    const { rt, inputs } = run;
    const facts = await (0,run_facts/* planFacts */.pE)(rt, run.facts, run.engine);
    const plan = (0,run_plan/* planRun */.n)(facts);
    // Every variant must be unchanged too: the run builds them all, or none.
    const variants = inputs.variants.length ? await unchangedVariants(run, plan, facts, builder) : [];
    if (!variants)
        return false;
    const images = [{ plan, digest: base.image.digest }, ...variants.map(v => ({ plan: v.plan, digest: v.base.image.digest }))];
    const clientOf = (0,registry_client/* clientsFor */.US)(rt.env, message => rt.warning(message));
    for (const { plan: p, digest } of images) {
        const without = await (0,pipeline_registry_history/* lacking */.gP)(clientOf, p.repositories, digest);
        if (without.length) {
            rt.info(`skip-unchanged: ${without.join(', ')} does not hold ${digest} yet; building`);
            return false;
        }
    }
    const { digest } = base.image;
    rt.setOutput('tags', plan.tags.join('\n'));
    rt.info(`Nothing to build: the same inputs as ${base.ref} (${digest}, built ${record.built})`);
    await phase(run, 'Tag', async () => {
        for (const { plan: p, digest: d } of images)
            await publish(rt, d, p.repositories, p.tags);
    });
    const measured = { digest, image: base.image, base, buildMs: record.buildSeconds * 1000, steps: { steps: 0, cached: 0 } };
    const nothing = (0,report_report/* nothingToBuildOf */.Yb)(record, digest);
    const main = base.image.platforms[0];
    const variantReports = variants.map(v => {
        const platforms = (0,compare/* compare */.UD)(v.base.image.platforms, v.base.image);
        return {
            name: v.name,
            target: v.target,
            digest: v.base.image.digest,
            tags: v.plan.tags,
            platforms,
            sizeVsMain: (platforms[0]?.size ?? 0) - (main?.size ?? 0)
        };
    });
    await report(run, plan, reads, measured, { published: digest, recorded: record }, { rebuildReasons: [], nothingToBuild: nothing, ...(inputs.variants.length ? { variants: variantReports } : {}) });
    return true;
}
/**
 * A per-platform job whose platform was built from the same inputs: the platform's image in the
 * published index (its entry records the fingerprint its job had) is handed over to the merge
 * job instead of a build. False, and nothing done, when the job's repository lacks it.
 */
async function handOverUnchanged(run, reads, base, record, fingerprint) {
    const { rt, inputs } = run;
    const platform = inputs.platforms[0];
    const recorded = base.image.platforms.find(p => p.platform === platform);
    if (!recorded)
        return false;
    const clientOf = (0,registry_client/* clientsFor */.US)(rt.env, message => rt.warning(message));
    if ((await (0,pipeline_registry_history/* lacking */.gP)(clientOf, [inputs.image], recorded.digest)).length) {
        rt.info(`skip-unchanged: ${inputs.image} does not hold ${platform} ${recorded.digest}; building`);
        return false;
    }
    rt.setOutput('tags', '');
    rt.info(`Nothing to build: ${platform} has the same inputs as in ${base.ref} (${recorded.digest}, built ${record.built})`);
    const verify = (0,builder_fingerprint/* recordedVerify */.Gg)(inputs, base.image, record) === 'passed' ? 'passed' : undefined;
    const buildMs = record.buildSeconds * 1000;
    const steps = { steps: 0, cached: 0 };
    await phase(run, 'Hand over', () => handOver({
        platform,
        repository: inputs.image,
        digest: recorded.digest,
        buildMs,
        steps,
        fingerprint,
        ...(verify ? { verify } : {}),
        unchanged: true
    }, run.ctx));
    rt.info(`Handed over to the merge job: ${platform} ${recorded.digest} (unchanged)`);
    const plan = (0,run_plan/* planRun */.n)(await (0,run_facts/* planFacts */.pE)(rt, run.facts, run.engine));
    const image = { digest: recorded.digest, platforms: [recorded] };
    const nothingToBuild = (0,report_report/* nothingToBuildOf */.Yb)(record, recorded.digest, verify);
    await report(run, plan, reads, { digest: recorded.digest, image, base, buildMs, steps }, {}, { rebuildReasons: [], nothingToBuild });
    return true;
}

;// CONCATENATED MODULE: ./src/pipeline/build-phases.ts
// A build (mode: build) and a per-platform build (mode: platform), phase by phase: buildx and
// QEMU, the caches restored, the image built, pushed by digest, read back and verified, the
// registry cache and the cache mounts written, the variants, then the image published (scan,
// record and tags) and reported; a per-platform build hands its image over to the merge job.


























async function setUpBuildx(run) {
    const { rt, inputs } = run;
    const facts = await (0,run_facts/* planFacts */.pE)(rt, run.facts, run.engine);
    const { withoutGha, ...buildx } = await (0,builder_buildx/* readyBuildx */.yo)(rt, inputs, (0,run_plan/* planRun */.n)(facts));
    // A buildx too old for the GitHub cache plans again without it.
    const plannedFrom = withoutGha ? { ...facts, inputs: (0,cache_plan/* inputsWithoutGha */.KL)(inputs) } : facts;
    if (withoutGha)
        rt.warning(withoutGha);
    const plan = withoutGha ? (0,run_plan/* planRun */.n)(plannedFrom) : (0,run_plan/* planRun */.n)(facts);
    await (0,builder_buildx/* useBuilder */.nY)(rt, inputs, plan, buildx, run.ctx.temp);
    const nodes = (0,builder_buildx/* nodesOf */.Nh)((0,docker/* withBuildx */.xG)(rt.docker, buildx.binary), plan.build.builder).catch(() => []);
    return { planFacts: plannedFrom, plan, buildx, nodes };
}
/** The run after setup: its docker runs the buildx setup chose (the runner's plugin, or one it installed). */
const onBuilder = (run, setup) => ({
    ...run,
    rt: { ...run.rt, docker: (0,docker/* withBuildx */.xG)(run.rt.docker, setup.buildx.binary) }
});
/** Setup, and the caches restored: what every build starts from. */
async function setUp(started) {
    const setup = await phase(started, 'Set up buildx', () => setUpBuildx(started));
    const run = onBuilder(started, setup);
    const { rt } = run;
    const { cache, tags, mounts, build } = setup.plan;
    // A per-platform build is pushed untagged: its tags are the merge job's.
    rt.setOutput('tags', tags.join('\n'));
    for (const warning of [...cache.warnings, (0,cache_plan/* ghaVersionWarning */.XP)(cache, setup.buildx.version)])
        if (warning)
            rt.warning(warning);
    if (cache.from.length || cache.local)
        rt.info((0,cache_plan/* cacheWriteLine */.QW)(cache));
    for (const warning of mounts?.warnings ?? [])
        rt.warning(warning);
    await phase(run, 'Set up QEMU', () => setupQemu(rt, run.inputs, run.ctx.temp));
    const local = cache.local;
    if (local)
        await phase(run, 'Restore cache', async () => {
            rt.remember({ localCache: local });
            try {
                const hit = await (0,local_cache/* restoreLocalCache */.k)(local);
                rt.info(hit ? `Cache restored from ${hit}` : 'No cache found; this build starts cold');
            }
            catch (e) {
                rt.warning(`Cache restore failed; building without it: ${(0,errors/* errorMessage */.g)(e)}`);
            }
        });
    if (!mounts?.mounts.length)
        return { run, setup };
    const mountUses = await phase(run, 'Restore cache mounts', () => restoreMounts(rt, mounts, build.builder));
    return { run, setup, mountUses };
}
/** `call: check`: the Dockerfile's build checks alone, on the builder a build would use. */
async function check(started) {
    const setup = await phase(started, 'Set up buildx', () => setUpBuildx(started));
    const run = onBuilder(started, setup);
    await phase(run, 'Build checks', () => runChecks(run.rt, setup.plan.build));
}
async function build(started) {
    // The published image, and the builds behind it, are read while the builder is set up and the build runs.
    const reads = startBaselineReads(started);
    // Taken while the builder is set up, unless skip-unchanged waits for it: only then is it on the way to the build.
    const builder = (0,fingerprint/* builderOf */.zp)(started.rt, started.reads, started.inputs, started.engine).catch((e) => ({
        unknowable: (0,errors/* errorMessage */.g)(e)
    }));
    const fingerprinting = build_phases_fingerprint(started, builder).catch((e) => ({ unknowable: [(0,errors/* errorMessage */.g)(e)], ms: 0 }));
    if (started.inputs.skipUnchanged) {
        const taken = said(started, await fingerprinting);
        // Nothing to build: decided before any builder or QEMU, on the image the tags point at now.
        if ('fingerprint' in taken) {
            const base = await reads.baseline;
            const decision = (0,builder_fingerprint/* skipDecision */.q0)(started.inputs, taken, base);
            const unchanged = decision.skip && base.image ? { ...base, image: base.image } : undefined;
            if (decision.skip &&
                unchanged &&
                (started.inputs.mode === 'platform'
                    ? await handOverUnchanged(started, reads, unchanged, decision.record, taken.fingerprint)
                    : await nothingToBuild(started, reads, unchanged, decision.record, await builder)))
                return;
            if (!decision.skip && decision.note)
                started.rt.info(decision.note);
        }
    }
    const { run, setup, mountUses: restored } = await setUp(started);
    const { plan } = setup;
    const { rt } = run;
    const built = await buildImage(run, plan, reads);
    const inspected = await inspect(run, plan, built, reads);
    const taken = started.inputs.skipUnchanged ? await fingerprinting : said(run, await fingerprinting);
    const rebuildReasons = (0,builder_fingerprint/* whyBuild */.T8)(run.inputs, taken, inspected.base);
    rt.info(rebuildReasons.length ? `Built because: ${rebuildReasons.join('; ')}` : `The same inputs as ${inspected.base.ref}`);
    const exported = inspected.stale.length
        ? await phase(run, 'Export cache', () => exportCaches(rt, plan.build, inspected.stale))
        : undefined;
    const mountUses = restored && (await phase(run, 'Save cache mounts', () => saveMounts(rt, plan.mounts, plan.build.builder, restored)));
    await tidy(run, plan, built, exported?.faults ?? []);
    const verification = await image_phases_verify(run, plan, inspected.image);
    const measured = { ...measuredOf(built, inspected, verification), ...('fingerprint' in taken ? { fingerprint: taken.fingerprint } : {}) };
    // Before the main image's tags move: a variant that fails leaves every tag where it was.
    const variants = run.inputs.variants.length ? await buildVariants(run, setup, inspected.image.platforms[0], builder) : undefined;
    const published = await publishImage(run, plan, reads, measured);
    const builtOn = await builtOnOf(run, setup);
    if (run.inputs.mode === 'platform')
        await phase(run, 'Hand over', () => handOverPlatforms(run, measured, built, builtOn));
    const caches = cachesOf(plan, built, inspected, exported?.steps ?? [], mountUses ?? []);
    await report(run, plan, reads, measured, published, {
        built: built.result,
        caches,
        ...(builtOn ? { builtOn } : {}),
        variants,
        rebuildReasons
    });
}
/** What the image is built from, before any builder is set up: the fingerprint, or why there is none. */
async function build_phases_fingerprint(run, builder) {
    return (0,fingerprint/* takeFingerprint */.mP)(run.rt, run.reads, run.inputs, run.facts.dockerfile, await builder, builder_fingerprint/* ACTION_MAJOR_MINOR */.Tm);
}
/** The fingerprint said in the log, once it is awaited (not in the middle of another phase's group). */
function said(run, taken) {
    if ('fingerprint' in taken) {
        const { context, bases } = taken.fingerprint;
        const named = Object.entries(bases).map(([ref, digest]) => `${ref} ${digest.slice(0, 19)}…`);
        run.rt.info(`Fingerprint: ${context.files} context files read (${context.digest.slice(0, 19)}…); bases: ${named.join(', ') || 'none'} (${taken.ms} ms)`);
    }
    else
        run.rt.info(`No fingerprint this run: ${taken.unknowable.join('; ')}`);
    return taken;
}
/** Each platform handed over to the merge job: its digest, its build's figures, its attestations, where it was built, and what from. */
async function handOverPlatforms(run, m, built, placed) {
    const { platforms } = m.image;
    const { milliseconds: buildMs, steps } = built.result;
    // The pushed index holds the platforms' attestations; the merge attaches them to its own.
    const attestations = run.inputs.attest.length
        ? (0,registry_attestations/* attestationsOf */.xz)((0,registry_image/* parseManifest */.Ng)(await (0,registry_client/* clientFor */.$V)(run.inputs.image, run.rt.env).manifest(m.digest)))
        : [];
    for (const p of platforms) {
        const own = attestations.filter(a => a.image === p.digest);
        const builtOn = placed?.find(b => b.platform === p.platform);
        await handOver({
            platform: p.platform,
            repository: run.inputs.image,
            digest: p.digest,
            buildMs,
            steps,
            ...(own.length ? { attestations: own } : {}),
            ...(builtOn ? { builtOn } : {}),
            ...(m.fingerprint ? { fingerprint: m.fingerprint } : {}),
            ...(m.verification ? { verify: (0,verify/* verified */.zr)(m.verification) ? 'passed' : 'failed' } : {})
        }, run.ctx);
    }
    run.rt.info(`Handed over to the merge job: ${platforms.map(p => `${p.platform} ${p.digest}`).join(', ')}`);
}
/** Where each platform of this run's build was built, from its builder's nodes (asked after setup). */
async function builtOnOf(run, setup) {
    const nodes = await setup.nodes;
    if (!nodes.length)
        return undefined;
    const { create, split } = setup.plan;
    // The docker-container builder the action creates runs on the runner: its machine is the runner's.
    const onRunner = create?.spec.driver === 'docker-container' ? { node: `${create.spec.name}0`, platform: (0,emulation/* runnerPlatform */.GQ)() } : undefined;
    return (0,builder/* placements */.DD)(split ?? (0,builder/* nodeGroups */.f$)(run.inputs.platforms, nodes), nodes, onRunner);
}
/** What the run read from and wrote to each cache. */
function cachesOf(plan, built, inspected, exportSteps, mountUses) {
    const { cache, build } = plan;
    return cacheUses({
        from: build.cacheFrom,
        to: build.cacheTo,
        toAfter: build.cacheToAfter,
        upToDate: inspected.upToDate,
        unwritten: cache.unwritten,
        write: cache.write,
        steps: built.result.cacheSteps,
        afterSteps: exportSteps,
        ...(cache.local ? { sameAs: { [cache.local.dir]: 'GitHub cache', [cache.local.nextDir]: 'GitHub cache' } } : {})
    }).concat(mountUses.map(mountRow));
}

;// CONCATENATED MODULE: ./src/pipeline/merge.ts
// Merge mode: no build. The platforms the per-platform jobs pushed by digest become one index,
// written by digest and then tagged all at once, and reported like any build (sizes, layers,
// baseline, budgets, summary, comment).













/** The index of the handed-over platforms, in the order `platforms` names them: the same inputs give the same digest. */
async function indexOf(client, handovers, annotations, warn) {
    const entries = await Promise.all(handovers.map(async (h) => {
        const entry = await platformEntry(client, h.platform, h.digest, warn);
        const recorded = (0,builder_fingerprint/* platformEntryAnnotations */.QH)(h);
        return Object.keys(recorded).length ? { ...entry, annotations: recorded } : entry;
    }));
    return makeIndex(entries, annotations);
}
async function merge(run) {
    const { rt, inputs, ctx, facts } = run;
    // A merge job builds nothing: its plan is its tags.
    const plan = (0,run_plan/* planRun */.n)({ ...facts, layoutDir: '', pid: process.pid });
    rt.setOutput('tags', plan.tags.join('\n'));
    const reads = startBaselineReads(run);
    const handovers = await phase(run, 'Collect platforms', () => collectHandovers(inputs.image, inputs.platforms, ctx));
    // A tag that replaces the baseline waits for it to be read first.
    if (plan.tags.includes(inputs.baseline))
        await reads.baseline;
    const digest = await phase(run, 'Create index', async () => {
        const labels = (0,tags/* ociLabels */.TT)(inputs, ctx, new Date(facts.sourceDateEpoch * 1000), facts.dockerfile, plan.version);
        const annotations = (0,registry_annotations/* indexAnnotations */.nM)((0,registry_annotations/* annotationArgs */.lM)(inputs.annotations, labels, '', true));
        const client = (0,registry_client/* clientFor */.$V)(inputs.image, rt.env, message => rt.warning(message));
        const index = await indexOf(client, handovers, annotations, message => rt.warning(message));
        await putIndex(client, index);
        rt.info(`Index ${index.digest}: ${handovers.map(h => `${h.platform} ${h.digest}`).join(', ')}`);
        return index.digest;
    });
    const [image, base] = await phase(run, 'Inspect', () => Promise.all([(0,registry_image/* readImage */.AM)((0,image_sources/* registrySource */.Bf)(rt.docker, inputs.image, rt.env), `${inputs.image}@${digest}`, inputs.platforms), reads.baseline]));
    const measured = {
        digest,
        image,
        base,
        // The platform jobs' builds: the slowest one's time, and all their steps.
        buildMs: Math.max(0, ...handovers.map(h => h.buildMs ?? 0)),
        steps: handovers.reduce((sum, h) => ({ steps: sum.steps + (h.steps?.steps ?? 0), cached: sum.cached + (h.steps?.cached ?? 0) }), {
            steps: 0,
            cached: 0
        }),
        handedOver: handovers.flatMap(h => h.attestations ?? [])
    };
    const published = await publishImage(run, plan, reads, measured);
    // The platforms were built where their jobs said.
    const builtOn = handovers.flatMap(h => (h.builtOn ? [h.builtOn] : []));
    // No platform was built, and the tags stayed on the published index: the same image, reported from its record.
    const kept = base.image && published.published === base.image.digest ? (0,registry_history/* parseRecord */.Hh)(base.image.digest, base.image.annotations) : undefined;
    const record = kept && handovers.every(h => h.unchanged) ? kept : undefined;
    await report(run, plan, reads, measured, record ? { ...published, recorded: record } : published, {
        ...(builtOn.length ? { builtOn } : {}),
        ...(record ? { nothingToBuild: (0,report_report/* nothingToBuildOf */.Yb)(record) } : {})
    });
}

;// CONCATENATED MODULE: ./src/pipeline/main.ts
// The main step: the inputs checked and their secrets masked, the logins and the run's facts,
// then the mode's phases (build-phases.ts for build, platform and check; merge.ts for merge).















/** The runner masks line by line: a multi-line secret (a PEM key) is masked whole and per line. */
function maskLines(rt, secret) {
    rt.setSecret(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim().length >= 4 && line !== secret)
            rt.setSecret(line);
}
async function main(host, raw) {
    host.remember({}); // post runs, whatever happens next
    for (const secret of [raw.password, raw['github-token'], raw['tls-key'], raw['tls-cert']])
        if (secret && !secret.startsWith('${{'))
            maskLines(host, secret);
    const inputs = (0,inputs_inputs/* parseInputs */.TL)(raw, host.env);
    for (const login of inputs.logins)
        maskLines(host, login.password);
    // Build secrets travel as environment variables; their values must never show in a log.
    for (const secret of inputs.secrets)
        if (host.env[secret.env])
            maskLines(host, host.env[secret.env]);
    // A file secret's path must be there: buildx would only say "failed to stat".
    for (const file of inputs.secretFiles) {
        await (0,promises_.access)(file.path).catch(() => {
            throw new inputs_inputs/* InputError */.dz([`Input 'secret-files': the file for secret '${file.id}' (${file.path}) does not exist or cannot be read.`]);
        });
    }
    // A scanner's report comes from a step before this one: not there now, it never will be.
    if (inputs.scanReport && inputs.scanReport !== 'trivy')
        await (0,promises_.access)(inputs.scanReport).catch(() => {
            throw new inputs_inputs/* InputError */.dz([
                `Input 'scan-report': ${inputs.scanReport} does not exist or cannot be read; run the scanner in an earlier step (or give trivy to run it here).`
            ]);
        });
    for (const name of (0,inputs_inputs/* secretLookingBuildArgs */.rE)(inputs.buildArgs)) {
        host.warning(`Build arg ${name} looks like a secret: a build arg's value stays in the image's history and metadata. Pass it with secrets (${name.toLowerCase()}=${name}) and read it in RUN --mount=type=secret,id=${name.toLowerCase()} instead.`);
    }
    (0,http/* setRequestTimeout */.T)(inputs.registryTimeoutMs);
    const ctx = (0,run_facts/* readRunContext */.$p)(host.env);
    (0,tags/* releaseVersion */.SF)(inputs, ctx); // a tag that is not a version is the user's to fix, said before anything runs
    const given = {
        rt: host,
        inputs,
        ctx,
        reads: new optional_reads/* OptionalReads */.Ot((0,optional_reads/* optionalReadsBudgetMs */.JZ)(inputs.registryTimeoutMs), message => host.warning(message)),
        stages: []
    };
    // Asked now, answered while the run logs in and reads its facts; a merge job builds nothing.
    const engine = inputs.mode === 'merge' ? undefined : (0,builder_buildx/* askEngine */.sb)(host, inputs);
    // The commit's time is looked up (git) meanwhile too.
    const created = (0,source_date/* sourceDate */.e)(host, inputs, ctx);
    if ((0,registry_auth/* loginsOf */.Q)(inputs, reference/* registryOf */.Fv).length > 0)
        await phase(given, 'Log in', () => logIn(host, inputs));
    const facts = await (0,run_facts/* gatherFacts */.pc)(host, inputs, ctx, given.reads, created);
    // The run's own work directory (buildx's metadata file, the builder's config).
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.temp, 'ci-base-action-'));
    const run = { ...given, facts: { ...facts, work }, ...(engine ? { engine } : {}) };
    await (inputs.mode === 'merge' ? merge(run) : inputs.call === 'check' ? check(run) : build(run));
}


/***/ }),

/***/ 199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pc: () => (/* binding */ gatherFacts),
  pE: () => (/* binding */ planFacts),
  $p: () => (/* binding */ readRunContext)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/core/inputs/github-context.ts
// What the run knows about itself, from the runner's environment and its event payload.

/** `readEvent` reads the event payload's file (the caller's I/O: core reads nothing itself). */
function runContext(env, readEvent) {
    let defaultBranch = '';
    let pullRequest;
    let headCommitTime;
    let headSha;
    let repositoryFacts;
    if (env.GITHUB_EVENT_PATH) {
        try {
            const event = JSON.parse(readEvent(env.GITHUB_EVENT_PATH));
            defaultBranch = event?.repository?.default_branch ?? '';
            pullRequest = event?.pull_request?.number;
            headCommitTime = event?.head_commit?.timestamp;
            headSha = event?.pull_request?.head?.sha;
            const repo = event?.repository;
            // GitHub's NOASSERTION means no license it recognised: no label then.
            const license = repo?.license?.spdx_id && repo.license.spdx_id !== 'NOASSERTION' ? repo.license.spdx_id : undefined;
            if (repo?.description || license)
                repositoryFacts = { description: repo?.description ?? undefined, license };
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
        temp: env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(),
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        pullRequest,
        headCommitTime,
        ...(headSha ? { headSha } : {}),
        ...(repositoryFacts ? { repositoryFacts } : {})
    };
}

// EXTERNAL MODULE: ./src/core/inputs/tags.ts + 1 modules
var tags = __webpack_require__(1837);
// EXTERNAL MODULE: ./src/pipeline/registry/registry-client.ts
var registry_client = __webpack_require__(7345);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/pipeline/registry/release.ts


/** The release a version tag builds, with the versions already published (floating tags only move forward). */
async function releaseOf(rt, inputs, reads, version) {
    if (!inputs.image)
        return undefined;
    if (!version || version.pre)
        return version && { version, published: [] };
    const onlyFull = `only ${version.text} is tagged; ${version.major}.${version.minor}, ${version.major} and latest stay where they are`;
    try {
        const published = await reads.read(`the tags of ${inputs.image}`, signal => (0,registry_client/* clientFor */.$V)(inputs.image, rt.env, undefined, signal).tags());
        if (published)
            return { version, published };
        rt.info(`The published releases are unknown: ${onlyFull}.`);
    }
    catch (e) {
        rt.warning(`Could not list the tags of ${inputs.image} (${(0,errors/* errorMessage */.g)(e)}): ${onlyFull}.`);
    }
    return { version };
}

// EXTERNAL MODULE: ./src/pipeline/source-date.ts + 1 modules
var source_date = __webpack_require__(9533);
// EXTERNAL MODULE: ./src/pipeline/builder/buildx.ts + 1 modules
var buildx = __webpack_require__(9402);
// EXTERNAL MODULE: ./src/pipeline/builder/layout-store.ts
var layout_store = __webpack_require__(1122);
;// CONCATENATED MODULE: ./src/pipeline/run-facts.ts
// What a run finds out before it plans, gathered the same way by the action and by the dry run:
// the commit's time (git), the versions already published (the registry's tags), the Dockerfile.










/** The run's GitHub context: the runner's environment and the event payload it names. */
const readRunContext = (env) => runContext(env, path => (0,external_node_fs_.readFileSync)(path, 'utf8'));
/** `created`: the commit-time lookup, when the caller started it earlier (it runs while the action logs in). */
async function gatherFacts(rt, inputs, ctx, reads, created = (0,source_date/* sourceDate */.e)(rt, inputs, ctx)) {
    const [release, date, dockerfile] = await Promise.all([
        releaseOf(rt, inputs, reads, (0,tags/* releaseVersion */.SF)(inputs, ctx)),
        created,
        (0,promises_.readFile)(inputs.file, 'utf8').catch(() => '')
    ]);
    return { inputs, ctx, env: rt.env, now: rt.now(), release, sourceDateEpoch: date.epoch, dockerfile };
}
/** The facts a build plans from: the common ones and its work directory, the engine's, a named builder's driver and nodes, and this machine's layout. */
async function planFacts(rt, common, engine) {
    const { inputs } = common;
    const layoutDir = (0,layout_store/* layoutStoreDir */.zE)(rt.env);
    const facts = await engine;
    return {
        ...common,
        engine: facts,
        ...(inputs.builder ? await (0,buildx/* existingBuilderFacts */.Cx)(rt.docker, inputs) : {}),
        layoutDir,
        layoutKept: (0,external_node_fs_.existsSync)((0,external_node_path_.join)(layoutDir, 'index.json')),
        engineHere: facts?.name !== undefined && facts.name === (0,external_node_os_.hostname)(),
        pid: process.pid
    };
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


/**
 * The committer time of `sha` in `dir`, or undefined where there is no checkout (or no git).
 * node's execFile rather than @actions/exec: it bounds the wait (a git held by a lock).
 */
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
