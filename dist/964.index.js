export const id = 964;
export const ids = [964];
export const modules = {

/***/ 9170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ appendNodeArgs),
/* harmony export */   CH: () => (/* binding */ buildArgs),
/* harmony export */   MF: () => (/* binding */ binfmtArgs),
/* harmony export */   QQ: () => (/* binding */ keptName),
/* harmony export */   R2: () => (/* binding */ createBuilderArgs),
/* harmony export */   WB: () => (/* binding */ buildEnv),
/* harmony export */   ar: () => (/* binding */ checkArgs),
/* harmony export */   be: () => (/* binding */ loginArgs),
/* harmony export */   ey: () => (/* binding */ inspectConfigArgs),
/* harmony export */   iB: () => (/* binding */ helperBuildArgs),
/* harmony export */   m9: () => (/* binding */ logoutArgs),
/* harmony export */   qr: () => (/* binding */ inspectRawArgs),
/* harmony export */   tk: () => (/* binding */ removeBuilderArgs),
/* harmony export */   xx: () => (/* binding */ frontName)
/* harmony export */ });
/* unused harmony export gitContextHost */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// argv for every docker command the action runs, as data: nothing goes through a shell.

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
    else if (plan.frontTo.length)
        args.push('--output', frontOutput(plan.front ?? '127.0.0.1:PORT', inputs.rewriteTimestamp));
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
/** The name the engine pushes to on the front: the front's own, so no tag of any registry moves. */
const frontName = (front) => `${front}/ci-base-action/push:build`;
/** The engine's name for the last image it pushed through a front to a repository: one per repository, moved each run. */
const keptName = (repository) => `ci-base-action/pushed:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(repository).digest('hex').slice(0, 12)}`;
function frontOutput(front, rewriteTimestamp) {
    return `type=image,name=${frontName(front)},push=true,oci-mediatypes=true${rewrite(rewriteTimestamp)}`;
}
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

/***/ 8300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ builderNodes),
/* harmony export */   Co: () => (/* binding */ severalNodesProblems),
/* harmony export */   DD: () => (/* binding */ placements),
/* harmony export */   Jj: () => (/* binding */ buildxToInstall),
/* harmony export */   S6: () => (/* binding */ createdNodes),
/* harmony export */   Ty: () => (/* binding */ buildxAsset),
/* harmony export */   f$: () => (/* binding */ nodeGroups),
/* harmony export */   kW: () => (/* binding */ chooseDriver),
/* harmony export */   l5: () => (/* binding */ DEFAULT_BUILDX_SHA256),
/* harmony export */   ot: () => (/* binding */ placement),
/* harmony export */   q: () => (/* binding */ buildxNeeded),
/* harmony export */   xh: () => (/* binding */ builderSpec)
/* harmony export */ });
/* unused harmony exports DEFAULT_BUILDX, loopbackRegistries, buildkitdConfig */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7882);
/* harmony import */ var _cache_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9961);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9170);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9567);
/* harmony import */ var _github_image_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(145);
/* harmony import */ var _emulation_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1499);
// The builder a run uses, decided from the inputs and what the machine has: which buildx, which
// driver, and the spec of a builder to create (its buildkitd config, TLS files, nodes). Pure.







/** Older buildx lacks what the action relies on (multi-platform docker driver, rawjson-era flags). */
const MIN_BUILDX = '0.13.0';
/** Installed when the runner's buildx cannot do what the inputs ask and no version was asked for. */
const DEFAULT_BUILDX = 'v0.37.1';
/**
 * The default's linux-amd64 binary, as its release's checksums.txt gives it and as projects
 * that pin it record it: checked beside checksums.txt, so that the default stays the binary it
 * was reviewed as even if the download site were changed under it.
 */
const DEFAULT_BUILDX_SHA256 = {
    'buildx-v0.37.1.linux-amd64': '9447199cdb435f25880548343c128a4b6650e8891ee598905d8d29d39a8e359b'
};
/** The oldest buildx that can do what the build asks of it. */
function buildxNeeded(cacheTypes) {
    if (cacheTypes.includes('gha'))
        return { version: _cache_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .GHA_V2_BUILDX */ .xP, why: "cache: gha (v2 of GitHub's cache service)" };
    return { version: MIN_BUILDX, why: 'the action' };
}
/** The version to install and why, or undefined to use the runner's own. */
function buildxToInstall(wanted, installed, need = buildxNeeded([])) {
    if (wanted !== 'installed')
        return { version: wanted.startsWith('v') ? wanted : `v${wanted}`, why: 'as buildx-version asks' };
    if (!installed)
        return { version: DEFAULT_BUILDX, why: 'the runner has none' };
    if ((0,_version_js__WEBPACK_IMPORTED_MODULE_4__/* .atLeast */ .j)(installed, need.version))
        return undefined;
    return { version: DEFAULT_BUILDX, why: `the runner's ${installed} is older than ${need.version}, which ${need.why} needs` };
}
function buildxAsset(version, platform = process.platform, arch = process.arch) {
    const archName = { x64: 'amd64', arm64: 'arm64', arm: 'arm-v7', s390x: 's390x', ppc64: 'ppc64le', riscv64: 'riscv64' }[arch] ?? arch;
    return `buildx-${version}.${platform}-${archName}${platform === 'win32' ? '.exe' : ''}`;
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
    return [...new Set(refs.map(_registry_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .registryOf */ .Fv).filter(_registry_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .isLoopbackHost */ .cW))];
}
function buildkitdConfig(userConfig, plainHttp, entitlements = []) {
    const extra = plainHttp
        // buildx's TOML parser rejects `]` in a table key, so `[::1]` gets no entry: BuildKit speaks
        // plain HTTP to loopback addresses by itself, network=host is what it needs.
        .filter(h => !h.startsWith('[') && !userConfig.includes(`[registry."${h}"]`))
        .map(h => `[registry."${h}"]\n  http = true\n  insecure = true`);
    // A top-level key: before any table. The user's own list stays theirs.
    const granted = entitlements.length && !/^\s*insecure-entitlements\s*=/m.test(userConfig)
        ? `insecure-entitlements = [${entitlements.map(e => `"${e}"`).join(', ')}]`
        : '';
    return [granted, userConfig.trim(), ...extra].filter(Boolean).join('\n\n') + '\n';
}
/**
 * The builder the action would create: its spec, the files it needs (buildkitd config; the
 * remote driver's TLS material, which buildx only takes as paths), and the nodes to append.
 */
function builderSpec(inputs, driver, name, tempDir, refs) {
    const loopback = loopbackRegistries(refs);
    const driverOpts = [...inputs.driverOpts];
    // The pinned BuildKit, under the local name the pipeline readies it as (from the GitHub cache, or pulled by digest).
    if (driver === 'docker-container' && !driverOpts.some(o => o.startsWith('image=')))
        driverOpts.push(`image=${(0,_github_image_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .pinnedLocalName */ .Z)(inputs.buildkitImage)}`);
    if (driver === 'docker-container' && loopback.length && !driverOpts.some(o => o.startsWith('network='))) {
        driverOpts.push('network=host');
    }
    const files = {};
    const tlsOpts = [];
    for (const [opt, pem] of [
        ['cacert', inputs.tls.ca],
        ['cert', inputs.tls.cert],
        ['key', inputs.tls.key]
    ]) {
        if (!pem || driver !== 'remote')
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(tempDir, `${name}-${opt}.pem`);
        files[path] = `${pem}\n`;
        tlsOpts.push(`${opt}=${path}`);
    }
    driverOpts.push(...tlsOpts);
    const config = buildkitdConfig(inputs.buildkitdConfig, loopback, inputs.allow);
    const configFile = config.trim() ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(tempDir, `${name}-buildkitd.toml`) : '';
    const first = firstNodePlatforms(inputs, driver);
    const appends = inputs.appendNodes.map(node => (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .appendNodeArgs */ .C6)(name, driver, node, driver === 'remote' ? tlsOpts : driver === 'kubernetes' ? kubernetesNodeOpts(driverOpts, [node.platform]) : []));
    return {
        spec: {
            name,
            driver,
            endpoint: inputs.endpoint,
            driverOpts: driver === 'kubernetes' && inputs.appendNodes.length ? kubernetesNodeOpts(driverOpts, first) : driverOpts,
            configFile,
            platforms: first
        },
        config: configFile ? config : '',
        files,
        appends
    };
}
/**
 * The platforms the first node is fixed to. buildx places each platform on a node whose own
 * `--platform` list names it, else on the first node that can build it, emulating if it must:
 * with nodes appended, the first node names every platform no appended node names, so that a
 * platform with a native node is never emulated on the first. A lone node is left as buildx
 * makes it, but for kubernetes, whose pods are told their platforms.
 */
function firstNodePlatforms(inputs, driver) {
    if (!inputs.appendNodes.length)
        return driver === 'kubernetes' ? inputs.platforms : [];
    const appended = new Set(inputs.appendNodes.map(n => n.platform));
    return inputs.platforms.filter(p => !appended.has(p));
}
/** Kubernetes' name for a platform's architecture (its `kubernetes.io/arch` label). */
const kubernetesArch = (platform) => platform.split('/')[1] ?? '';
/**
 * A kubernetes node's options: the builder's own (namespace, replicas, loadbalance, ...) with
 * its node selector narrowed to its platforms' one architecture (`kubernetes.io/arch`, added to
 * the user's labels or put in place of the one they give), so that each platform's pods run on
 * machines of that architecture.
 */
function kubernetesNodeOpts(driverOpts, platforms) {
    const arches = [...new Set(platforms.map(kubernetesArch))];
    if (arches.length !== 1)
        return driverOpts;
    const arch = `kubernetes.io/arch=${arches[0]}`;
    const given = driverOpts.find(o => o.startsWith('nodeselector='));
    const labels = given
        ? given
            .slice('nodeselector='.length)
            .split(',')
            .filter(l => !l.startsWith('kubernetes.io/arch='))
        : [];
    return [...driverOpts.filter(o => o !== given), `nodeselector=${[...labels, arch].join(',')}`];
}
/** Where each platform will build, for the log: the node whose list names it. */
function placement(inputs, spec) {
    const first = `${spec.name}0`;
    return inputs.platforms.map(platform => {
        const node = inputs.appendNodes.find(n => n.platform === platform);
        if (node)
            return `${platform}: node ${spec.name}-${platform.replace(/\//g, '-')} (${node.endpoint || 'pods on its architecture'}), which names it`;
        if (spec.platforms.includes(platform))
            return `${platform}: node ${first} (the first), which names it`;
        return `${platform}: no node names it; buildx places it on the first node that can build it, emulating it if it must`;
    });
}
/** The nodes `docker buildx inspect` lists: each `Name:` after `Nodes:`, its `Platforms:` (a fixed one ends in `*`). */
function builderNodes(inspect) {
    const nodes = [];
    let inNodes = false;
    for (const line of inspect.split('\n')) {
        if (/^Nodes:/.test(line))
            inNodes = true;
        const [key, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (!inNodes)
            continue;
        if (key === 'Name')
            nodes.push({ name: value, fixed: [], platforms: [] });
        else if (key === 'Platforms' && nodes.length) {
            const listed = value
                .split(',')
                .map(p => p.trim())
                .filter(Boolean);
            nodes[nodes.length - 1].platforms = listed.map(p => p.replace(/\*$/, ''));
            nodes[nodes.length - 1].fixed = listed.filter(p => p.endsWith('*')).map(p => p.replace(/\*$/, ''));
        }
    }
    return nodes;
}
/** The nodes of the builder the action creates, as buildx will name them (the first is `<name>0`). */
function createdNodes(create) {
    const appended = create.appends.map(args => {
        const platform = args[args.indexOf('--platform') + 1];
        return { name: args[args.indexOf('--node') + 1], fixed: [platform], platforms: [platform] };
    });
    return [{ name: `${create.spec.name}0`, fixed: create.spec.platforms, platforms: create.spec.platforms }, ...appended];
}
/** The node buildx gives a platform: one that fixes it, else the first that lists it, else the first. */
function nodeFor(platform, nodes) {
    return nodes.find(n => n.fixed.includes(platform)) ?? nodes.find(n => n.platforms.includes(platform)) ?? nodes[0];
}
/** The builds a build of several nodes is split into: one per node, of the platforms it gets. One group: no split. */
function nodeGroups(platforms, nodes) {
    const groups = [];
    for (const platform of platforms) {
        const node = nodeFor(platform, nodes)?.name ?? '';
        const group = groups.find(g => g.node === node);
        if (group)
            group.platforms.push(platform);
        else
            groups.push({ node, platforms: [platform] });
    }
    return groups;
}
/**
 * Whether a node builds a platform natively: the platform is of the node's own architecture
 * (or the 32-bit one it carries). A node's own is, in order: the runner's, for a node that runs
 * on the runner (the docker-container builder the action creates); the first platform the
 * node fixes (a node appended or fixed for a platform is that platform's machine); else the
 * first its BuildKit lists, which is the machine's own (QEMU's come after).
 */
function buildsNatively(platform, node, runnerPlatform) {
    const own = runnerPlatform ?? node.fixed[0] ?? node.platforms[0];
    return own !== undefined && (0,_emulation_js__WEBPACK_IMPORTED_MODULE_6__/* .machineOf */ .VT)(own) === (0,_emulation_js__WEBPACK_IMPORTED_MODULE_6__/* .machineOf */ .VT)(platform);
}
/** `onRunner`: the node that runs on the runner itself, and the runner's platform. */
function placements(groups, nodes, onRunner) {
    return groups.flatMap(g => g.platforms.map(platform => {
        const node = nodes.find(n => n.name === g.node) ?? nodeFor(platform, nodes);
        const runner = node && onRunner?.node === node.name ? onRunner.platform : undefined;
        return { platform, node: node?.name ?? g.node, native: node ? buildsNatively(platform, node, runner) : false };
    }));
}
/**
 * What a build spread over several nodes cannot do, each named by its input: buildx exports
 * only a registry push from several nodes (no load, no OCI layout), and each node keeps its own
 * cache mounts and would write the same local cache directory.
 */
function severalNodesProblems(inputs, why) {
    const problems = [];
    if (!inputs.push)
        problems.push(`Input 'push': ${why}, which can only push: each node's part goes to the registry and the action writes the index there. Set push: true, or build on one node.`);
    if (inputs.load)
        problems.push(`Input 'load': ${why}; the engine cannot load an image made on several nodes. Pull it by digest after the push, or build on one node.`);
    if (inputs.cacheMounts.length)
        problems.push(`Input 'cache-mounts': ${why}, and each node keeps its own cache mounts, which one restore and one save cannot carry. Leave cache-mounts empty, or build on one node.`);
    if (inputs.cache.includes('local'))
        problems.push(`Input 'cache': local with ${why.replace(/^the /, '')}: each node would write the same directory. Use gha or registry.`);
    return problems;
}


/***/ }),

/***/ 9961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GD: () => (/* binding */ withTagSuffix),
/* harmony export */   Jf: () => (/* binding */ cacheBlobs),
/* harmony export */   KL: () => (/* binding */ inputsWithoutGha),
/* harmony export */   QW: () => (/* binding */ cacheWriteLine),
/* harmony export */   XP: () => (/* binding */ ghaVersionWarning),
/* harmony export */   _s: () => (/* binding */ planCache),
/* harmony export */   fB: () => (/* binding */ staleCaches),
/* harmony export */   h2: () => (/* binding */ cacheFaultWarning),
/* harmony export */   ju: () => (/* binding */ cacheScope),
/* harmony export */   oq: () => (/* binding */ cacheSpecAttrs),
/* harmony export */   xP: () => (/* binding */ GHA_V2_BUILDX)
/* harmony export */ });
/* unused harmony exports cacheWrite, cacheHoldsBuild */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9567);
/* harmony import */ var _registry_image_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(594);
// Which caches the build imports and exports, and what that asks of buildx and the runner. Pure.



/**
 * `cache-write: auto`: the runs whose cache others read write it (the default branch, tags,
 * schedules). A pull request's entries are readable from that PR alone, yet count against the
 * repository's quota and evict the default branch's: it reads and writes nothing. Without a
 * known default branch (a local run, an event that does not say), a branch writes as before.
 */
function cacheWrite(policy, ctx) {
    if (policy !== 'auto')
        return { write: policy === 'always', why: `cache-write: ${policy}` };
    if (ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target')
        return { write: false, why: "a pull request reads the default branch's cache and writes none (cache-write: auto)" };
    if (ctx.eventName === 'schedule')
        return { write: true, why: 'a scheduled run writes the cache (cache-write: auto)' };
    if (ctx.ref.startsWith('refs/tags/'))
        return { write: true, why: 'a tag writes the cache (cache-write: auto)' };
    const branch = ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : '';
    if (branch && ctx.defaultBranch && branch !== ctx.defaultBranch)
        return { write: false, why: `${branch} is not the default branch (${ctx.defaultBranch}): it reads and writes none (cache-write: auto)` };
    return { write: true, why: 'the default branch writes the cache (cache-write: auto)' };
}
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
/** A platform as a cache name's suffix: `linux/arm64` → `-linux-arm64`. */
const platformSuffix = (platform) => `-${platform.replace(/[^A-Za-z0-9._]+/g, '-')}`;
/** A ref's tag with a suffix (a digest dropped): `r/x:c` → `r/x:c<suffix>`; a ref without a tag gets `bareTag`. */
function withTagSuffix(ref, suffix, bareTag) {
    const named = ref.includes('@') ? ref.slice(0, ref.indexOf('@')) : ref;
    return named.lastIndexOf(':') > named.lastIndexOf('/') ? `${named}${suffix}` : `${named}:${bareTag}`;
}
/** A registry cache ref for one platform: its tag gains the suffix once (`r/x:buildcache` → `r/x:buildcache-linux-arm64`). */
function platformCacheRef(ref, platform) {
    const suffix = platformSuffix(platform);
    return ref.endsWith(suffix) ? ref : withTagSuffix(ref, suffix, `buildcache${suffix}`);
}
/**
 * Where a cache is written, and every place it is read from. Platforms that build apart (a
 * job per platform, `mode: platform`, or a node per platform) each write a cache of their own:
 * two builds exporting to one gha scope or registry ref would overwrite each other, the last
 * one winning, and the next run's other platform would miss. A build of several platforms in
 * one place writes the shared one. Every build reads the shared one and each platform's own,
 * so that a build still hits after the platforms moved apart or together.
 */
function cacheNames(base, inputs, forPlatform, allPlatforms = inputs.platforms) {
    const apart = inputs.mode === 'platform' && inputs.platforms.length === 1;
    const write = apart ? forPlatform(base, inputs.platforms[0]) : base;
    const each = apart || allPlatforms.length > 1 ? allPlatforms.map(p => forPlatform(base, p)) : [];
    return { write, read: [...new Set([write, base, ...each])] };
}
const scopeFor = (scope, platform) => scope.endsWith(platformSuffix(platform)) ? scope : `${scope}${platformSuffix(platform)}`;
function planCache(inputs, tags, ctx, env, 
/** Every platform of the image, when this build makes a part of them. */
allPlatforms = inputs.platforms) {
    const from = [];
    const to = [];
    const toIfStale = [];
    const warnings = [];
    const scope = cacheScope(inputs, ctx);
    const write = cacheWrite(inputs.cacheWrite, ctx);
    const mode = `mode=${inputs.cacheMode}`;
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
                const scopes = cacheNames(scope, inputs, scopeFor, allPlatforms);
                for (const read of scopes.read)
                    from.push(`type=gha,scope=${read},timeout=${inputs.cacheTimeout}`);
                to.push(`type=gha,scope=${scopes.write},${mode},timeout=${inputs.cacheTimeout},${IGNORE_ERROR}`);
                break;
            }
            case 'registry': {
                const refs = cacheNames(inputs.cacheRef || `${inputs.image}:buildcache`, inputs, platformCacheRef, allPlatforms);
                for (const read of refs.read)
                    from.push(`type=registry,ref=${read}`);
                to.push(`type=registry,ref=${refs.write},${mode},${IGNORE_ERROR}`);
                toIfStale.push(to[to.length - 1]);
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
                    restoreKeys: [`ci-base-action-${scope}-`],
                    timeoutMs: inputs.cacheTimeoutMs,
                    ...(write.write ? {} : { noSave: write.why })
                };
                from.push(`type=local,src=${dir}`);
                to.push(`type=local,dest=${local.nextDir},${mode},${IGNORE_ERROR}`);
                break;
            }
        }
    }
    const plan = {
        from: inputs.noCache ? [] : inputs.cacheFrom.length ? inputs.cacheFrom : from,
        to: !write.write ? [] : inputs.cacheTo.length ? inputs.cacheTo : to
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
        // Only while the action's own specs are used: a user's cache-to is exported as written.
        toIfStale: inputs.cacheTo.length || !write.write ? [] : toIfStale,
        write,
        unwritten: write.write ? [] : inputs.cacheTo.length ? inputs.cacheTo : to,
        warnings
    };
}
/** The inputs with every gha cache left out: the derived one and any in cache-from / cache-to. */
function inputsWithoutGha(inputs) {
    const notGha = (spec) => cacheSpecAttrs(spec).type !== 'gha';
    return {
        ...inputs,
        cache: inputs.cache.filter(kind => kind !== 'gha'),
        cacheFrom: inputs.cacheFrom.filter(notGha),
        cacheTo: inputs.cacheTo.filter(notGha)
    };
}
/** What the log says of the cache-write decision. */
const cacheWriteLine = (plan) => plan.write.write ? `The build writes its caches: ${plan.write.why}` : `The build reads its caches and writes none: ${plan.write.why}`;
/** GitHub's cache service (API v2) needs a newer buildx than many runners' distributions ship. */
function ghaVersionWarning(plan, buildxVersion) {
    if (!plan.types.includes('gha') || (0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .atLeast */ .j)(buildxVersion, GHA_V2_BUILDX))
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
/** The blobs a registry cache's manifest lists (an index of blobs, or an image manifest's layers): its cache config aside. */
function cacheBlobs(manifestText) {
    const manifest = (0,_registry_image_js__WEBPACK_IMPORTED_MODULE_1__/* .parseManifest */ .Ng)(manifestText, 'the registry cache');
    return ((0,_registry_image_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(manifest) ? manifest.manifests : manifest.layers).filter(d => !/cacheconfig/.test(d.mediaType ?? '')).map(d => d.digest);
}
/**
 * Whether exporting the registry cache would rewrite what its ref already holds: every step of
 * this build came from cache, and every layer of the image is among the cache's blobs. A step
 * that ran, or a layer the cache lacks (a cache written by another build, or none yet), means
 * it is written. Only the cache's freshness rides on this, never the image.
 */
function cacheHoldsBuild(steps, imageLayers, cached) {
    if (!cached || steps.cached < steps.steps)
        return false;
    const held = new Set(cached);
    return imageLayers.every(layer => held.has(layer));
}
/** The caches to export after the build (those whose refs lack it) and those already up to date. */
function staleCaches(specs, steps, imageLayers, held) {
    const stale = specs.filter(spec => !cacheHoldsBuild(steps, imageLayers, held.get(spec)));
    return { stale, upToDate: specs.filter(spec => !stale.includes(spec)) };
}


/***/ }),

/***/ 1499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D6: () => (/* binding */ emulationNeed),
/* harmony export */   GQ: () => (/* binding */ runnerPlatform),
/* harmony export */   VT: () => (/* binding */ machineOf),
/* harmony export */   jt: () => (/* binding */ emulatorFor),
/* harmony export */   mw: () => (/* binding */ unavailableMessage)
/* harmony export */ });
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
/** The runner's own platform, as BuildKit names it. */
const runnerPlatform = () => nativePlatforms()[0] ?? `linux/${process.arch}`;
/** The machine a platform runs on without QEMU: its architecture, the 32-bit one it carries folded in. */
function machineOf(platform) {
    const arch = platform.split('/')[1] ?? '';
    return { '386': 'amd64', arm: 'arm64' }[arch] ?? arch;
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
    return (`QEMU: cannot emulate ${platforms.join(', ')} on this ${runnerPlatform()} runner (${reason}). ` +
        `Remedies: let the action register emulators (qemu: auto, needs docker with --privileged and the image ${image}), ` +
        `set qemu-image to an image your runner can pull, build those platforms on native runners, or drop them from 'platforms'.`);
}


/***/ }),

/***/ 3626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ verifyFailures),
/* harmony export */   GW: () => (/* binding */ splitCommand),
/* harmony export */   vB: () => (/* binding */ verifyMarkdown),
/* harmony export */   w4: () => (/* binding */ userCheck),
/* harmony export */   zr: () => (/* binding */ verified)
/* harmony export */ });
/* unused harmony export resolveUid */
// Checks after the build, as data: the commands a user asked for, split the way a shell would
// split them but without one; what each run on each platform gave; whether the image's user is
// root. Pure.
/**
 * One command line into argv: whitespace separates words; '…' keeps everything literally,
 * "…" keeps spaces and honours \" \\ \$ \`; a backslash outside quotes escapes the next character.
 * Nothing is expanded: `sh -c '…'` is how a user asks for a shell.
 */
function splitCommand(line) {
    const words = [];
    let word = '';
    let inWord = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === "'") {
            const end = line.indexOf("'", i + 1);
            if (end < 0)
                throw new Error(`unclosed ' in: ${line}`);
            word += line.slice(i + 1, end);
            i = end;
            inWord = true;
        }
        else if (c === '"') {
            i++;
            for (; i < line.length && line[i] !== '"'; i++) {
                if (line[i] === '\\' && '"\\$`'.includes(line[i + 1] ?? ''))
                    i++;
                word += line[i];
            }
            if (i >= line.length)
                throw new Error(`unclosed " in: ${line}`);
            inWord = true;
        }
        else if (c === '\\' && i + 1 < line.length) {
            word += line[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push(word);
    return words;
}
/** The uid a config User names: numbers as they are, names through the image's /etc/passwd. */
function resolveUid(user, passwd) {
    const name = user.split(':')[0];
    if (!name)
        return 0; // unset: containers run as root
    if (/^\d+$/.test(name))
        return Number(name);
    if (name === 'root')
        return 0;
    for (const line of (passwd ?? '').split('\n')) {
        const [entry, , uid] = line.split(':');
        if (entry === name && /^\d+$/.test(uid ?? ''))
            return Number(uid);
    }
    return undefined;
}
function userCheck(platform, user, passwd) {
    const uid = resolveUid(user, passwd);
    return { platform, user, ...(uid === undefined ? {} : { uid }), passed: uid !== undefined && uid !== 0 };
}
const verified = (v) => (v ? v.results.every(r => r.passed) && v.users.every(u => u.passed) : undefined);
/** One message per failure, naming platform, command (or user) and what it printed. */
function verifyFailures(v) {
    const users = v.users
        .filter(u => !u.passed)
        .map(u => u.user
        ? `${u.platform}: require-non-root: the image runs as '${u.user}'${u.uid === undefined ? ', which is not in its /etc/passwd' : ` (uid ${u.uid})`}`
        : `${u.platform}: require-non-root: the image sets no USER, so it runs as root`);
    const commands = v.results
        .filter(r => !r.passed)
        .map(r => {
        const how = r.timedOut ? `was stopped after ${r.seconds.toFixed(0)} s` : `exited ${r.exitCode}`;
        return `${r.platform}: \`${r.command}\` ${how}${r.output ? `:\n${r.output}` : ''}`;
    });
    return [...users, ...commands];
}
/** The grid for the summary and the comment: a row per command, a column per platform. */
function verifyMarkdown(v) {
    const platforms = [...new Set([...v.users.map(u => u.platform), ...v.results.map(r => r.platform)])];
    const cell = (r) => (!r ? '—' : r.passed ? '✓' : '✗');
    const rows = [...new Set(v.results.map(r => r.command))].map(command => `| \`${command.replace(/`/g, "'").replace(/\|/g, '\\|')}\` | ${platforms.map(p => cell(v.results.find(r => r.platform === p && r.command === command))).join(' | ')} |`);
    if (v.users.length)
        rows.unshift(`| non-root user | ${platforms.map(p => cell(v.users.find(u => u.platform === p))).join(' | ')} |`);
    const failures = verifyFailures(v);
    return [
        `**Verify** ${failures.length ? `— ${failures.length} failed` : '— all passed'}`,
        '',
        `| check | ${platforms.join(' | ')} |`,
        `|---|${platforms.map(() => ':---:').join('|')}|`,
        ...rows,
        '',
        ...(failures.length ? ['```text', ...failures, '```', ''] : [])
    ];
}


/***/ }),

/***/ 9567:
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

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
// What a thrown value says, whatever was thrown.
const errorMessage = (e) => (e instanceof Error ? e.message : String(e));


/***/ }),

/***/ 145:
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

function cachedImageFor(kind, image, temp, timeoutMs) {
    const name = image.replace(/[^A-Za-z0-9._-]+/g, '-');
    return {
        image,
        path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(temp, `ci-base-action-${kind}`, `${name}.tar`),
        key: `ci-base-action-${kind}-${name}`,
        ...(timeoutMs ? { timeoutMs } : {})
    };
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

/***/ 8207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WJ: () => (/* reexport */ INPUT_DEFAULTS),
  dz: () => (/* binding */ InputError),
  TL: () => (/* binding */ parseInputs),
  rE: () => (/* binding */ secretLookingBuildArgs)
});

// UNUSED EXPORTS: durationMs, splitList

// EXTERNAL MODULE: ./src/core/report/budget.ts
var budget = __webpack_require__(6133);
// EXTERNAL MODULE: ./src/core/report/size.ts
var size = __webpack_require__(329);
// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
// EXTERNAL MODULE: ./src/core/builder/verify.ts
var verify = __webpack_require__(3626);
// EXTERNAL MODULE: ./src/core/builder/builder.ts
var builder = __webpack_require__(8300);
// EXTERNAL MODULE: ./src/core/inputs/registry-auth.ts
var registry_auth = __webpack_require__(1729);
;// CONCATENATED MODULE: ./src/core/inputs/action-inputs.ts
// Generated from action.yml by scripts/gen-inputs.mjs (npm run build); do not edit. Every input
// the action takes, with the default action.yml gives it, and the name of every output it sets.
const INPUT_DEFAULTS = {
    mode: 'build',
    context: '.',
    file: 'Dockerfile.base',
    target: '',
    image: '',
    tags: '',
    'tag-policy': 'sha',
    'tag-prefix': '',
    'tag-suffix': '',
    platforms: 'linux/amd64,linux/arm64',
    push: 'false',
    load: 'false',
    'build-args': '',
    secrets: '',
    'secret-files': '',
    ssh: '',
    annotations: '',
    network: '',
    'shm-size': '',
    labels: '',
    cache: 'gha,inline',
    'cache-ref': '',
    'cache-scope': '',
    'cache-mounts': '',
    'cache-mounts-store': 'gha',
    'cache-write': 'auto',
    'cache-mode': 'max',
    'cache-timeout': '2m',
    'registry-timeout': '2m',
    'cache-from': '',
    'cache-to': '',
    'no-cache': 'false',
    'skip-unchanged': 'true',
    pull: 'false',
    'build-contexts': '',
    'no-cache-filters': '',
    'add-hosts': '',
    ulimit: '',
    allow: '',
    call: 'build',
    driver: 'auto',
    builder: '',
    endpoint: '',
    'tls-ca': '',
    'tls-cert': '',
    'tls-key': '',
    'append-nodes': '',
    'driver-opts': '',
    'buildkitd-config': '',
    'buildx-version': 'installed',
    'buildx-download-url': 'https://github.com/docker/buildx/releases/download',
    'buildkit-image': 'docker.io/moby/buildkit:v0.34.0@sha256:b059f8d7226d0b326bc871af489a5dddf65e36af4d20d14251b072974d9ee87c',
    qemu: 'auto',
    'qemu-image': 'docker.io/tonistiigi/binfmt:qemu-v10.2.3-68@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0',
    registry: '',
    username: '',
    password: '',
    'registry-auth': '',
    baseline: '',
    'max-size': '',
    'max-layers': '',
    'max-growth': '',
    history: '12',
    'scan-report': '',
    'max-vulnerabilities': '',
    variants: '',
    summary: 'true',
    comment: 'false',
    'github-token': '${{ github.token }}',
    created: 'commit',
    'rewrite-timestamp': 'false',
    verify: '',
    'require-non-root': 'false',
    'verify-timeout': '2m',
    attest: '',
    provenance: 'false',
    sbom: ''
};
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'digest',
    'imageid',
    'metadata',
    'tags',
    'size',
    'size-human',
    'layers',
    'size-delta',
    'changed',
    'built',
    'rebuild-reason',
    'report',
    'markdown',
    'build-time',
    'cache-hit-rate',
    'verified',
    'vulnerabilities',
    'version',
    'labels',
    'annotations',
    'json',
    'variants'
]));

// EXTERNAL MODULE: ./src/core/inputs/tag-policy.ts
var tag_policy = __webpack_require__(7964);
// EXTERNAL MODULE: ./src/core/report/vulnerabilities.ts
var vulnerabilities = __webpack_require__(3088);
;// CONCATENATED MODULE: ./src/core/inputs/inputs.ts
// The action's inputs: names declared once, parsed and validated as pure data.
// Nothing here reads the environment; the caller hands in the raw strings.









// action.yml names every input and its default; action-inputs.ts is written from it.

const CACHE_KINDS = ['gha', 'registry', 'inline', 'local', 'none'];
const DRIVERS = ['auto', 'docker', 'docker-container', 'remote', 'kubernetes'];
const CACHE_TYPES = ['registry', 'local', 'gha', 'inline', 's3', 'azblob'];
/** Every problem found, one line each, naming the input, the value and what is allowed. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `${problems.length} invalid inputs:\n${problems.join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
/** Build args whose names say they hold a secret: their values would stay in the image's history. */
const secretLookingBuildArgs = (buildArgs) => buildArgs
    .map(a => a.slice(0, a.indexOf('=')))
    .filter(name => /TOKEN|PASSWORD|PASSWD|SECRET|(^|_)KEY($|_)|API_?KEY|CREDENTIAL/i.test(name));
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** A Go-style duration (90s, 2m, 1m30s) in milliseconds; undefined when it is not one or is zero. */
function durationMs(text) {
    if (!/^(\d+(ms|s|m|h))+$/.test(text))
        return undefined;
    let total = 0;
    for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h)/g))
        total += Number(n) * UNIT_MS[unit];
    return total || undefined;
}
/** Newline- or comma-separated list, blanks dropped. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(Boolean);
}
/** Newline-only list: for values that may contain commas (build args, labels, cache specs). */
function splitLines(value) {
    return value
        .split('\n')
        .map(s => s.trim())
        .filter(Boolean);
}
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILDX_VERSION = /^v?\d+\.\d+\.\d+$/;
function field(raw, env, problems) {
    const f = {
        raw,
        env,
        bad: (name, value, allowed) => problems.push(`Input '${name}': '${value}' is not valid; ${allowed}.`),
        problem: text => problems.push(text),
        text: name => raw[name].trim(),
        bool: name => {
            const v = raw[name].trim();
            if (['true', 'True', 'TRUE'].includes(v))
                return true;
            if (['false', 'False', 'FALSE', ''].includes(v))
                return false;
            f.bad(name, v, 'use true or false');
            return false;
        },
        oneOf: (name, allowed) => {
            const v = raw[name].trim() || INPUT_DEFAULTS[name];
            if (!allowed.includes(v))
                f.bad(name, v, `allowed: ${allowed.join(', ')}`);
            return v;
        },
        listOf: (name, allowed) => {
            const items = splitList(raw[name]);
            for (const item of items)
                if (!allowed.includes(item))
                    f.bad(name, item, `allowed: ${allowed.join(', ')}`);
            if (items.includes('none') && items.length > 1)
                f.bad(name, raw[name], `'none' cannot be combined with others`);
            return items.filter(i => i !== 'none');
        },
        lines: name => splitLines(raw[name]),
        keyValues: name => {
            const lines = splitLines(raw[name]);
            for (const line of lines)
                if (!/^[^=\s]+=/.test(line))
                    f.bad(name, line, 'use one KEY=VALUE per line');
            return lines;
        },
        duration: name => {
            const v = raw[name].trim() || INPUT_DEFAULTS[name];
            const ms = durationMs(v);
            if (!ms)
                f.bad(name, v, 'use a duration such as 90s, 2m or 1m30s');
            return ms ?? 0;
        },
        positional: name => {
            const v = raw[name].trim();
            if (v.startsWith('-'))
                f.bad(name, v, `it must not start with '-' (it would be read as a flag); write ./${v} for a path`);
            return v;
        }
    };
    return f;
}
/** A tag's start or end: only the characters a tag holds, and a prefix must not start with '.' or '-'. */
function tagAffix(f, name) {
    const value = f.text(name);
    if (value && (!/^[A-Za-z0-9_.-]{1,64}$/.test(value) || (name === 'tag-prefix' && /^[.-]/.test(value))))
        f.bad(name, value, `use up to 64 of A-Z a-z 0-9 _ . -${name === 'tag-prefix' ? ', not starting with . or -' : ''}`);
    return value;
}
// The types buildx's --ulimit takes (Docker's names).
const ULIMIT_TYPES = [
    'core',
    'cpu',
    'data',
    'fsize',
    'locks',
    'memlock',
    'msgqueue',
    'nice',
    'nofile',
    'nproc',
    'rss',
    'rtprio',
    'rttime',
    'sigpending',
    'stack'
];
const PEM = /^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----$/;
/** Each input: its parser and its own checks, one entry per field of Inputs (the defaults are action.yml's). */
const FIELDS = {
    mode: f => f.oneOf('mode', ['build', 'platform', 'merge']),
    context: f => f.positional('context') || '.',
    file: f => f.positional('file') || INPUT_DEFAULTS.file,
    target: f => f.positional('target'),
    image: f => {
        const image = f.text('image');
        if (image && !(0,reference/* isRepository */.Z6)(image))
            f.bad('image', image, 'use a lowercase repository without a tag, e.g. ghcr.io/phialo/ci-base');
        return image;
    },
    tags: f => {
        const tags = splitList(f.raw.tags);
        for (const tag of tags)
            if (!(0,reference/* isBareTag */.vA)(tag) && !(0,reference/* isImageRef */.rK)(tag))
                f.bad('tags', tag, 'use a tag (1.4.0) or a full reference (ghcr.io/owner/name:1.4.0)');
        return tags;
    },
    tagPolicy: f => {
        const entries = splitList(f.raw['tag-policy']);
        if (entries.includes('none')) {
            if (entries.length > 1)
                f.bad('tag-policy', f.raw['tag-policy'], `'none' cannot be combined with others`);
            return [];
        }
        return entries.flatMap(entry => {
            const rule = (0,tag_policy/* parseTagRule */.G9)(entry);
            if (typeof rule === 'string')
                f.bad('tag-policy', entry, `${rule}; use ${tag_policy/* TAG_POLICY_FORMS */.Au}`);
            return typeof rule === 'string' ? [] : [rule];
        });
    },
    tagPrefix: f => tagAffix(f, 'tag-prefix'),
    tagSuffix: f => tagAffix(f, 'tag-suffix'),
    platforms: f => {
        const platforms = splitList(f.raw.platforms);
        if (platforms.length === 0)
            f.bad('platforms', f.raw.platforms, 'name at least one platform, e.g. linux/amd64');
        for (const p of platforms)
            if (!PLATFORM.test(p))
                f.bad('platforms', p, 'use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7');
        return platforms;
    },
    push: f => f.bool('push'),
    load: f => f.bool('load'),
    buildArgs: f => f.keyValues('build-args'),
    secrets: f => f.lines('secrets').map(line => {
        const m = /^([A-Za-z0-9_.-]+)=([^=]*)$/.exec(line);
        if (!m || !ENV_NAME.test(m[2])) {
            f.bad('secrets', line, 'use one id=ENV_NAME per line, naming an environment variable that holds the secret');
            return { id: '', env: '' };
        }
        if (f.env[m[2]] === undefined)
            f.problem(`Input 'secrets': environment variable '${m[2]}' for secret '${m[1]}' is not set; pass it with env: on the step.`);
        return { id: m[1], env: m[2] };
    }),
    secretFiles: f => f.lines('secret-files').map(line => {
        const m = /^([A-Za-z0-9_.-]+)=(.+)$/.exec(line);
        if (!m)
            f.bad('secret-files', line, 'use one id=path per line, e.g. npmrc=/home/runner/.npmrc');
        return { id: m?.[1] ?? '', path: m?.[2].trim() ?? '' };
    }),
    ssh: f => {
        const ssh = f.lines('ssh');
        for (const line of ssh)
            if (!/^[A-Za-z0-9_.-]+(=[^,]+(,[^,]+)*)?$/.test(line))
                f.bad('ssh', line, "use 'default' (the runner's SSH agent) or id=path to a key or agent socket, one per line");
        return ssh;
    },
    annotations: f => {
        const annotations = f.lines('annotations');
        for (const line of annotations)
            if (!/^((index|manifest|index-descriptor|manifest-descriptor)(\[[a-z0-9/]+\])?:)?[^=\s:]+=/.test(line))
                f.bad('annotations', line, 'use KEY=VALUE, optionally prefixed with index: or manifest:, one per line');
        return annotations;
    },
    network: f => {
        const network = f.text('network');
        if (network && !['default', 'host', 'none'].includes(network))
            f.bad('network', network, 'allowed: default, host, none');
        return network;
    },
    shmSize: f => {
        const shmSize = f.text('shm-size');
        if (shmSize && !/^\d+[bkmg]?$/i.test(shmSize))
            f.bad('shm-size', shmSize, 'use a size such as 2g, 512m or bytes');
        return shmSize;
    },
    builder: f => {
        const builder = f.text('builder');
        if (builder && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(builder))
            f.bad('builder', builder, 'use the name of an existing buildx builder (docker buildx ls)');
        return builder;
    },
    logins: f => {
        const auth = (0,registry_auth/* parseRegistryAuth */.b)(f.raw['registry-auth']);
        for (const problem of auth.problems)
            f.problem(`Input 'registry-auth': ${problem}; use a list of registry, username and password entries.`);
        return auth.logins;
    },
    labels: f => f.keyValues('labels'),
    cache: f => f.listOf('cache', CACHE_KINDS),
    cacheRef: f => {
        const cacheRef = f.text('cache-ref');
        if (cacheRef && !(0,reference/* isImageRef */.rK)(cacheRef))
            f.bad('cache-ref', cacheRef, 'use an image reference, e.g. ghcr.io/owner/name:buildcache');
        return cacheRef;
    },
    cacheScope: f => f.text('cache-scope'),
    cacheMounts: f => {
        const mounts = f.lines('cache-mounts');
        for (const m of mounts.filter(m => /[,=\s]/.test(m)))
            f.bad('cache-mounts', m, 'name a cache mount by its id or target alone (e.g. pnpm or /pnpm/store), or use auto');
        if (mounts.includes('auto') && mounts.length > 1)
            f.bad('cache-mounts', mounts.join(' '), 'use auto alone, or the ids to carry');
        return mounts;
    },
    cacheMountsStore: f => f.oneOf('cache-mounts-store', ['gha', 'registry']),
    cacheWrite: f => f.oneOf('cache-write', ['auto', 'always', 'never']),
    cacheMode: f => f.oneOf('cache-mode', ['max', 'min']),
    // Kept as written for BuildKit's gha timeout=; validated (once) by cacheTimeoutMs below.
    cacheTimeout: f => f.text('cache-timeout') || INPUT_DEFAULTS['cache-timeout'],
    cacheTimeoutMs: f => f.duration('cache-timeout'),
    registryTimeoutMs: f => f.duration('registry-timeout'),
    cacheFrom: f => cacheSpecs('cache-from', f.raw['cache-from'], true, f.bad),
    cacheTo: f => cacheSpecs('cache-to', f.raw['cache-to'], false, f.bad),
    noCache: f => f.bool('no-cache'),
    skipUnchanged: f => f.bool('skip-unchanged'),
    buildContexts: f => {
        const contexts = f.lines('build-contexts');
        for (const line of contexts) {
            const m = /^([^=\s-][^=\s]*)=(\S+)$/.exec(line);
            // A path, or one of the sources buildx names by scheme; any other scheme is a typo.
            if (!m || (m[2].includes('://') && !/^(docker-image|oci-layout|target|https?|git|ssh):\/\//.test(m[2])))
                f.bad('build-contexts', line, 'use one name=value per line; a value is a path, docker-image://image, oci-layout://path, or an http(s) or git URL');
        }
        return contexts;
    },
    noCacheFilters: f => {
        const stages = splitList(f.raw['no-cache-filters']);
        for (const stage of stages)
            if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stage))
                f.bad('no-cache-filters', stage, 'name a stage of the Dockerfile (FROM … AS name)');
        return stages;
    },
    addHosts: f => {
        const hosts = splitList(f.raw['add-hosts']);
        for (const host of hosts)
            if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*[:=](\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|host-gateway)$/.test(host))
                f.bad('add-hosts', host, 'use host:ip, e.g. registry.local:10.0.0.5 (an IPv6 address in brackets, or host-gateway)');
        return hosts;
    },
    ulimits: f => {
        const limits = f.lines('ulimit');
        for (const limit of limits) {
            const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(limit);
            if (!m || !ULIMIT_TYPES.includes(m[1]))
                f.bad('ulimit', limit, `use type=soft[:hard], e.g. nofile=1024:2048; types: ${ULIMIT_TYPES.join(', ')}`);
        }
        return limits;
    },
    allow: f => f.listOf('allow', ['network.host', 'security.insecure']),
    call: f => f.oneOf('call', ['build', 'check']),
    pull: f => f.bool('pull'),
    driver: f => f.oneOf('driver', DRIVERS),
    endpoint: f => f.text('endpoint'),
    tls: f => {
        const tls = { ca: f.text('tls-ca'), cert: f.text('tls-cert'), key: f.text('tls-key') };
        for (const [name, pem] of [
            ['tls-ca', tls.ca],
            ['tls-cert', tls.cert],
            ['tls-key', tls.key]
        ])
            if (pem && !PEM.test(pem))
                f.problem(`Input '${name}': not a PEM block; pass the file's content (-----BEGIN …----- … -----END …-----), e.g. from a secret.`);
        return tls;
    },
    appendNodes: f => f.lines('append-nodes').map(line => {
        // kubernetes: a platform alone (its pods are placed by node selector); else platform=endpoint.
        const m = /^([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?)(?:=((?:tcp|unix|ssh|docker-container|kube-pod):\/\/\S+))?$/.exec(line);
        if (!m)
            f.bad('append-nodes', line, 'use platform=endpoint, e.g. linux/arm64=tcp://arm-buildkitd:1234 (with driver: kubernetes, the platform alone, e.g. linux/arm64)');
        return { platform: m?.[1] ?? '', endpoint: m?.[2] ?? '' };
    }),
    driverOpts: f => f.lines('driver-opts'),
    buildkitdConfig: f => f.raw['buildkitd-config'],
    buildxVersion: f => {
        const version = f.text('buildx-version') || 'installed';
        if (version !== 'installed' && !BUILDX_VERSION.test(version))
            f.bad('buildx-version', version, "use 'installed' or a release such as v0.23.0");
        return version;
    },
    buildxDownloadUrl: f => {
        const url = f.text('buildx-download-url') || INPUT_DEFAULTS['buildx-download-url'];
        if (!/^https?:\/\/\S+$/.test(url))
            f.bad('buildx-download-url', url, 'use an http(s) URL');
        return url.replace(/\/+$/, '');
    },
    qemu: f => f.oneOf('qemu', ['auto', 'true', 'false']),
    qemuImage: f => {
        const image = f.text('qemu-image') || INPUT_DEFAULTS['qemu-image'];
        if (!(0,reference/* isImageRef */.rK)(image))
            f.bad('qemu-image', image, 'use an image reference such as tonistiigi/binfmt:latest');
        return image;
    },
    buildkitImage: f => {
        const image = f.text('buildkit-image') || INPUT_DEFAULTS['buildkit-image'];
        if (!(0,reference/* isImageRef */.rK)(image))
            f.bad('buildkit-image', image, 'use an image reference such as moby/buildkit:v0.31.2, pinned with @sha256:… if you can');
        return image;
    },
    registry: f => f.positional('registry'),
    username: f => f.text('username'),
    password: f => f.raw.password,
    baseline: f => {
        const baseline = f.text('baseline');
        if (baseline && baseline !== 'none' && !(0,reference/* isImageRef */.rK)(baseline))
            f.bad('baseline', baseline, "use an image reference such as ghcr.io/phialo/ci-base:latest, or 'none'");
        const image = f.text('image');
        // Unset: the image's latest, the tag a weekly rebuild moves.
        return baseline === 'none' ? '' : baseline || (image ? `${image}:latest` : '');
    },
    budgets: f => {
        const budgets = {};
        if (f.text('max-size')) {
            budgets.maxSize = (0,size/* parseSize */.DB)(f.raw['max-size']);
            if (budgets.maxSize === undefined)
                f.bad('max-size', f.text('max-size'), `use ${size/* SIZE_FORMS */.qy}`);
        }
        if (f.text('max-layers')) {
            budgets.maxLayers = /^\d+$/.test(f.text('max-layers')) ? Number(f.text('max-layers')) : undefined;
            if (!budgets.maxLayers)
                f.bad('max-layers', f.text('max-layers'), 'use a whole number above 0, e.g. 12');
        }
        if (f.text('max-growth')) {
            budgets.maxGrowth = (0,budget/* parseGrowth */.L)(f.raw['max-growth']);
            if (!budgets.maxGrowth)
                f.bad('max-growth', f.text('max-growth'), `use a percentage (10%) or a size: ${size/* SIZE_FORMS */.qy}`);
        }
        return budgets;
    },
    history: f => {
        const history = f.text('history') || INPUT_DEFAULTS.history;
        if (!/^\d+$/.test(history) || Number(history) > 100)
            f.bad('history', history, 'use a whole number of builds from 0 (no trend) to 100');
        return /^\d+$/.test(history) ? Math.min(Number(history), 100) : 0;
    },
    scanReport: f => f.positional('scan-report'),
    maxVulnerabilities: f => {
        const text = f.text('max-vulnerabilities');
        const budget = text ? (0,vulnerabilities/* parseVulnerabilityBudget */.nu)(text) : undefined;
        if (text && !budget)
            f.bad('max-vulnerabilities', text, 'use severity=count pairs such as critical=0,high=5 (critical, high, medium, low, unknown)');
        return budget;
    },
    variants: f => f.lines('variants').map(line => {
        const m = /^([a-z0-9][a-z0-9_.-]*)=([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(line);
        if (!m)
            f.bad('variants', line, 'use one name=target per line, e.g. slim=runtime (a lowercase name for the tag suffix, a stage of the Dockerfile)');
        return { name: m?.[1] ?? '', target: m?.[2] ?? '' };
    }),
    summary: f => f.bool('summary'),
    comment: f => f.bool('comment'),
    // Outside the runner the expression arrives unexpanded: no token then.
    githubToken: f => (f.raw['github-token'].startsWith('${{') ? '' : f.text('github-token')),
    created: f => f.oneOf('created', ['commit', 'now']),
    rewriteTimestamp: f => f.bool('rewrite-timestamp'),
    verify: f => f.lines('verify').map(line => {
        try {
            return { line, argv: (0,verify/* splitCommand */.GW)(line) };
        }
        catch (e) {
            f.bad('verify', line, `close every quote (${e.message.split(' in:')[0]}); write sh -c '...' for a shell`);
            return { line, argv: [] };
        }
    }),
    requireNonRoot: f => f.bool('require-non-root'),
    verifyTimeoutMs: f => f.duration('verify-timeout'),
    provenance: f => f.text('provenance'),
    attest: f => f.listOf('attest', ['provenance', 'sbom']),
    sbom: f => f.text('sbom')
};
function parseInputs(raw, env = {}) {
    const problems = [];
    const f = field(raw, env, problems);
    const parsed = Object.fromEntries(Object.entries(FIELDS).map(([key, parse]) => [key, parse(f)]));
    for (const rule of CROSS_FIELD_RULES)
        problems.push(...[rule(parsed) ?? []].flat());
    if (problems.length)
        throw new InputError(problems);
    return parsed;
}
/** Rules between inputs, each checked once every input is parsed on its own. */
const CROSS_FIELD_RULES = [
    i => (i.image ? [] : i.tags.filter(reference/* isBareTag */.vA)).map(tag => `Input 'tags': '${tag}' is not valid; a bare tag needs 'image' to be set, or use a full reference like ghcr.io/owner/name:${tag}.`),
    i => i.push && !i.image && !i.tags.some(t => !(0,reference/* isBareTag */.vA)(t))
        ? `Input 'push': true needs 'image' (e.g. ghcr.io/phialo/ci-base) or a full reference in 'tags'.`
        : undefined,
    i => {
        const twice = [...new Set(i.platforms.filter((p, n) => i.platforms.indexOf(p) !== n))];
        return twice.length ? `Input 'platforms': ${twice.join(', ')} named twice` : undefined;
    },
    i => i.cache.includes('registry') && !i.cacheRef && !i.image
        ? `Input 'cache': 'registry' needs 'cache-ref' or 'image' to know where the cache lives.`
        : undefined,
    i => i.builder && i.driver !== 'auto'
        ? `Input 'builder': '${i.builder}' is used as it is; leave 'driver' unset (it is '${i.driver}').`
        : undefined,
    i => (!!i.tls.cert !== !!i.tls.key ? `Inputs 'tls-cert' and 'tls-key': give both, or neither.` : undefined),
    i => i.driver === 'remote' && !i.endpoint ? `Input 'endpoint': the remote driver needs an endpoint, e.g. tcp://buildkitd:1234.` : undefined,
    i => {
        // buildx's kubernetes driver takes no endpoint: its nodes are pods, placed by node selector.
        if (i.driver !== 'kubernetes') {
            const bare = i.appendNodes.filter(n => n.platform && !n.endpoint).map(n => n.platform);
            return bare.length
                ? `Input 'append-nodes': ${bare.join(', ')} needs an endpoint (platform=endpoint, e.g. ${bare[0]}=tcp://buildkitd:1234); only driver: kubernetes takes a platform alone.`
                : undefined;
        }
        const withEndpoint = i.appendNodes.filter(n => n.endpoint).map(n => `${n.platform}=${n.endpoint}`);
        if (withEndpoint.length || i.endpoint)
            return `Input '${withEndpoint.length ? 'append-nodes' : 'endpoint'}': the kubernetes driver takes no endpoint (${withEndpoint[0] ?? i.endpoint}); name the platform alone (linux/arm64): its pods are placed on nodes of that architecture by node selector.`;
        return undefined;
    },
    i => {
        const twice = [...new Set(i.appendNodes.map(n => n.platform).filter((p, k, all) => all.indexOf(p) !== k))];
        return twice.length ? `Input 'append-nodes': ${twice.join(', ')} named twice; one node per platform.` : undefined;
    },
    i => {
        const apart = [...new Set(i.appendNodes.map(n => n.platform))].filter(p => i.platforms.includes(p));
        const nodes = apart.length + (i.platforms.length > apart.length ? 1 : 0);
        return nodes > 1 && i.mode === 'build'
            ? (0,builder/* severalNodesProblems */.Co)(i, `append-nodes builds the platforms on ${nodes} nodes (${apart.join(', ')} apart)`)
            : undefined;
    },
    i => {
        if (i.driver !== 'kubernetes')
            return undefined;
        const bad = i.driverOpts.flatMap(opt => {
            const [key, value = ''] = [opt.slice(0, opt.indexOf('=')), opt.slice(opt.indexOf('=') + 1)];
            if (key === 'replicas' && !/^[1-9]\d*$/.test(value))
                return [`${opt} (replicas is a whole number, 1 or more)`];
            if (key === 'loadbalance' && !['sticky', 'random'].includes(value))
                return [`${opt} (loadbalance is sticky or random)`];
            if (key === 'nodeselector' && !/^[^=,\s]+=[^=,\s]+(,[^=,\s]+=[^=,\s]+)*$/.test(value))
                return [`${opt} (nodeselector is label=value[,label=value])`];
            return [];
        });
        return bad.length ? `Input 'driver-opts': ${bad.join('; ')}` : undefined;
    },
    i => (!!i.username !== !!i.password ? `Inputs 'username' and 'password': give both to log in, or neither.` : undefined),
    i => {
        const names = i.variants.map(v => v.name);
        const twice = [...new Set(names.filter((n, k) => names.indexOf(n) !== k))];
        return twice.length ? `Input 'variants': ${twice.join(', ')} named twice; each variant needs its own tag suffix` : undefined;
    },
    i => i.variants.length && i.mode !== 'build'
        ? `Input 'variants': variants are built in mode build only (a per-platform job builds one target); build them in their own jobs.`
        : undefined,
    i => i.scanReport === 'trivy' && !i.push && !i.load
        ? `Input 'scan-report': trivy scans the pushed or the loaded image; set push: true or load: true, or pass your scanner's report file.`
        : undefined,
    i => i.maxVulnerabilities && !i.scanReport
        ? `Input 'max-vulnerabilities': needs 'scan-report' (a scanner's report file, or trivy) to count anything.`
        : undefined,
    i => i.attest.length && !i.push
        ? `Input 'attest': attestations are attached to the pushed index as referrers; set push: true (or use provenance for a local build).`
        : undefined,
    i => i.call === 'check' && i.mode === 'merge'
        ? `Input 'call': check runs the Dockerfile's checks; a merge job builds nothing (run it in the per-platform jobs or a job of its own).`
        : undefined,
    i => i.mode !== 'build' && (!i.image || !i.push)
        ? `Input 'mode': '${i.mode}' needs 'image' and 'push: true' (the platforms meet in the registry).`
        : undefined
];
/** Raw buildx cache specs: `type=...,key=value`; cache-from also takes a bare image ref. */
function cacheSpecs(name, value, allowBareRef, bad) {
    const specs = splitLines(value);
    for (const spec of specs) {
        const type = /(?:^|,)type=([^,]*)/.exec(spec)?.[1];
        if (type === undefined) {
            if (allowBareRef && (0,reference/* isImageRef */.rK)(spec))
                continue;
            const hint = CACHE_TYPES.includes(spec) ? ` (did you mean 'type=${spec}'?)` : '';
            bad(name, spec, `use type=<${CACHE_TYPES.join('|')}>[,key=value...]${hint}`);
        }
        else if (!CACHE_TYPES.includes(type)) {
            bad(name, spec, `type must be one of ${CACHE_TYPES.join(', ')}`);
        }
        else if (!/^([a-z0-9-]+=[^,]*)(,[a-z0-9-]+=[^,]*)*$/.test(spec)) {
            bad(name, spec, 'use comma-separated key=value pairs, e.g. type=registry,ref=ghcr.io/o/n:cache');
        }
    }
    return specs;
}


/***/ }),

/***/ 1729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ loginsOf),
/* harmony export */   b: () => (/* binding */ parseRegistryAuth)
/* harmony export */ });
// `registry-auth`: several logins in one step, written as a YAML list of mappings. Read by hand,
// not by a YAML library: a password arrives already expanded by the runner and may hold any
// character (`#`, `: `, quotes), which a YAML parser would take for syntax. Pure.
const KEYS = ['registry', 'username', 'password'];
/** The logins, or the problems (never quoting a password). */
function parseRegistryAuth(text) {
    const items = [];
    const problems = [];
    for (const [n, raw] of text.split('\n').entries()) {
        if (!raw.trim() || raw.trim().startsWith('#'))
            continue;
        const line = raw.replace(/^\s*-\s+/, m => {
            items.push({});
            return ' '.repeat(m.length);
        });
        const m = /^\s*(registry|username|password):\s?(.*)$/.exec(line);
        if (!m || !items.length) {
            problems.push(`line ${n + 1} is not '- registry: …' or 'username: …' / 'password: …' under it`);
            continue;
        }
        items[items.length - 1][m[1]] = unquote(m[2].trim());
    }
    const logins = [];
    for (const [i, item] of items.entries()) {
        const missing = KEYS.filter(k => !item[k]);
        if (missing.length)
            problems.push(`entry ${i + 1}${item.registry ? ` (${item.registry})` : ''} has no ${missing.join(', ')}`);
        else
            logins.push({ registry: item.registry, username: item.username, password: item.password });
    }
    return { logins, problems };
}
function unquote(value) {
    const q = value[0];
    return value.length >= 2 && (q === '"' || q === "'") && value.endsWith(q) ? value.slice(1, -1) : value;
}
/** Every login a run does: the single-registry inputs (the image's registry when `registry` is unset), then `registry-auth`. */
function loginsOf(inputs, registryOf) {
    const single = inputs.username
        ? [
            {
                registry: inputs.registry || (inputs.image ? registryOf(inputs.image) : 'docker.io'),
                username: inputs.username,
                password: inputs.password
            }
        ]
        : [];
    return [...single, ...inputs.logins];
}


/***/ }),

/***/ 7964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ TAG_POLICY_FORMS),
/* harmony export */   G9: () => (/* binding */ parseTagRule),
/* harmony export */   N3: () => (/* binding */ EXPRESSION)
/* harmony export */ });
// The `tag-policy` input's entries: what each may be, and each parsed into a rule or told why it
// is not one. Pure; what the rules name is src/core/tags.ts's.
const TAG_KINDS = ['sha', 'date', 'latest', 'semver', 'ref', 'edge', 'schedule', 'none'];
/** The forms `tag-policy` takes, for its error message. */
const TAG_POLICY_FORMS = "sha[:LENGTH|long][:head], date, latest, semver, ref, edge[:BRANCH], schedule[:PATTERN], none (PATTERN: text with {{date 'YYYYMMDD'}}, {{sha}}, {{branch}})";
/** A schedule pattern's expressions: {{date 'FORMAT' tz='Zone'}}, {{sha}}, {{branch}}. */
const EXPRESSION = /\{\{\s*(date\s+'([^']*)'(?:\s+tz='([^']*)')?|sha|branch)\s*\}\}/g;
/** One `tag-policy` entry, or why it is not one. */
function parseTagRule(text) {
    const [kind, ...options] = text.split(':');
    if (!TAG_KINDS.includes(kind) || kind === 'none')
        return `'${kind}' is not a tag kind`;
    const rule = { kind: kind };
    if (kind === 'sha') {
        for (const option of options) {
            if (option === 'head')
                rule.head = true;
            else if (option === 'long')
                rule.length = 40;
            else if (/^\d+$/.test(option) && Number(option) >= 7 && Number(option) <= 40)
                rule.length = Number(option);
            else
                return `sha takes a length from 7 to 40, long, or head; not '${option}'`;
        }
    }
    else if (kind === 'edge' && options.length) {
        rule.branch = options.join(':');
        if (!/^[^\s~^:?*[\\]+$/.test(rule.branch))
            return `'${rule.branch}' is not a branch name`;
    }
    else if (kind === 'schedule' && options.length) {
        rule.pattern = options.join(':');
        const problem = patternProblem(rule.pattern);
        if (problem)
            return problem;
    }
    else if (options.length)
        return `${kind} takes no options`;
    return rule;
}
function patternProblem(pattern) {
    for (const m of pattern.matchAll(EXPRESSION)) {
        if (m[3] === undefined)
            continue;
        try {
            new Intl.DateTimeFormat('en', { timeZone: m[3] });
        }
        catch {
            return `'${m[3]}' is not a time zone (use an IANA name such as Europe/Berlin)`;
        }
    }
    if (/\{\{|\}\}/.test(pattern.replace(EXPRESSION, '')))
        return `'${pattern}' holds an expression other than {{date 'FORMAT'}}, {{sha}} or {{branch}}`;
    if (!pattern.replace(EXPRESSION, 'x').trim())
        return 'the pattern is empty';
    return undefined;
}


/***/ }),

/***/ 594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A1: () => (/* binding */ parseIndex),
/* harmony export */   AM: () => (/* binding */ readImage),
/* harmony export */   FB: () => (/* binding */ parseImageConfig),
/* harmony export */   H3: () => (/* binding */ isAttestation),
/* harmony export */   Lv: () => (/* binding */ layerTotals),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   YC: () => (/* binding */ createdOf),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony exports instructionOf, layerBreakdown */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// An image as its manifests describe it: per-platform size, layer count and the instruction
// behind each layer, measured without pulling from whatever source serves the manifests.

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
// BuildKit's registry cache is an index of blobs (layers and its cache config) under the OCI index type.
const isIndex = (m) => Array.isArray(m.manifests);
const isDescriptor = (d) => typeof d === 'object' &&
    d !== null &&
    typeof d.digest === 'string' &&
    ['number', 'undefined'].includes(typeof d.size);
/**
 * Registry (or OCI layout) JSON read as what it says it is: an index when it lists manifests, a
 * manifest when it has a config and layers, and its media type, where it gives one, agreeing.
 * Anything else is an error naming `what`.
 */
function parseManifest(text, what = 'the manifest') {
    let json;
    try {
        json = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    }
    catch (e) {
        throw new Error(`${what} is not JSON: ${e.message}`);
    }
    const m = (typeof json === 'object' && json !== null ? json : {});
    const type = m.mediaType;
    if (Array.isArray(m.manifests) && m.manifests.every(isDescriptor) && (!type || INDEX_TYPES.includes(type)))
        return m;
    // A manifest without layers (an empty image) lists none.
    const layers = m.layers ?? [];
    if (isDescriptor(m.config) && Array.isArray(layers) && layers.every(isDescriptor) && (!type || MANIFEST_TYPES.includes(type)))
        return { ...m, layers };
    throw new Error(`${what} is neither an image index nor an image manifest${type ? ` (media type ${type})` : ''}`);
}
/** An image's config blob: an object, whatever fields it carries (each is optional). */
function parseImageConfig(text, what = 'the image config') {
    let json;
    try {
        json = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    }
    catch (e) {
        throw new Error(`${what} is not JSON: ${e.message}`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw new Error(`${what} is not an image config`);
    const config = json;
    if (config.history !== undefined && !Array.isArray(config.history))
        throw new Error(`${what} has a history that is not a list`);
    return config;
}
/** The same, where only an index will do (a referrers list, a multi-platform image). */
function parseIndex(text, what = 'the index') {
    const m = parseManifest(text, what);
    if (!isIndex(m))
        throw new Error(`${what} is an image manifest, not an index`);
    return m;
}
/** When an image was made, as its first platform's config says. */
const createdOf = (image) => image?.platforms.find(p => p.created)?.created;
function platformName(p) {
    return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
}
function isAttestation(d) {
    return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown';
}
function layerTotals(manifest) {
    const layers = manifest.layers;
    return { size: layers.reduce((sum, l) => sum + l.size, 0), layers: layers.length };
}
/** `RUN |2 A=1 B=2 /bin/sh -c make # buildkit` -> `RUN make`; legacy `#(nop)` forms likewise. */
function instructionOf(createdBy = '') {
    return createdBy
        .replace(/\s*# buildkit$/, '')
        .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
        .replace(/^\/bin\/sh -c /, 'RUN ')
        .replace(/^RUN \|\d+ (?:\S+=\S* )*/, 'RUN ')
        .replace(/^RUN \/bin\/sh -c /, 'RUN ')
        .replace(/\s+/g, ' ')
        .trim();
}
/**
 * Each layer with the instruction that made it: history entries that made no layer are
 * skipped; when the history is shorter than the layer list (squashed or foreign base
 * images), the two are aligned from the top, where this Dockerfile's own layers are.
 */
function layerBreakdown(layers, history = []) {
    const made = history.filter(h => !h.empty_layer);
    const offset = made.length - layers.length;
    return layers.map((layer, i) => ({
        digest: layer.digest,
        size: layer.size,
        instruction: i + offset >= 0 && made[i + offset] ? instructionOf(made[i + offset].created_by) : '(no history)'
    }));
}
const sha256 = (text) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex')}`;
/**
 * Walk an index (or a single manifest) and measure each platform, in the order the caller
 * asked for platforms; platforms it did not ask for follow.
 */
async function readImage(source, ref, order = []) {
    const raw = await source.manifest(ref);
    const top = parseManifest(raw, ref);
    const digest = ref.includes('@') ? ref.slice(ref.indexOf('@') + 1) : sha256(raw);
    const measure = async (platform, manifestDigest, manifest, entry) => {
        const config = await source.config(manifestDigest, manifest);
        return {
            platform,
            digest: manifestDigest,
            ...(config.created ? { created: config.created } : {}),
            user: config.config?.User ?? '',
            ...layerTotals(manifest),
            breakdown: layerBreakdown(manifest.layers, config.history),
            ...(entry && Object.keys(entry).length ? { annotations: entry } : {})
        };
    };
    const annotations = top.annotations && Object.keys(top.annotations).length ? { annotations: top.annotations } : {};
    if (!isIndex(top))
        return { digest, platforms: [await measure(order[0] ?? 'unknown', digest, top)], ...annotations };
    const images = top.manifests.filter(d => !isAttestation(d));
    const platforms = await Promise.all(images.map(async (d) => {
        const manifest = parseManifest(await source.manifest(d.digest), `${platformName(d.platform)} ${d.digest}`);
        if (isIndex(manifest))
            throw new Error(`${platformName(d.platform)} ${d.digest} is an index inside an index`);
        return measure(platformName(d.platform), d.digest, manifest, d.annotations);
    }));
    const rank = (p) => (order.includes(p.platform) ? order.indexOf(p.platform) : order.length);
    return { digest, platforms: platforms.sort((a, b) => rank(a) - rank(b)), ...annotations };
}


/***/ }),

/***/ 7882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   Ub: () => (/* binding */ repositoriesOf),
/* harmony export */   Z6: () => (/* binding */ isRepository),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   cO: () => (/* binding */ tagOf),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   rK: () => (/* binding */ isImageRef),
/* harmony export */   vA: () => (/* binding */ isBareTag)
/* harmony export */ });
// Image references, one grammar for the whole action: what inputs accept, where a registry
// lives and how docker talks to it, repository and tag of a reference. Pure.
// host[:port]/path... or path...; host may be a bracketed IPv6 address ([::1]:5000); lowercase
// path components, as the distribution spec wants.
const REPOSITORY = /^(?:(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** A repository without tag or digest: what `image` takes. */
const isRepository = (ref) => REPOSITORY.test(ref);
/** A full image reference: repository, optional :tag, optional @digest. */
function isImageRef(ref) {
    const m = /^(.*?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@sha256:[a-f0-9]{64})?$/.exec(ref);
    return !!m && REPOSITORY.test(m[1]);
}
function isBareTag(tag) {
    return TAG.test(tag) && !tag.includes('/');
}
/** Registries on this machine's loopback (`localhost`, `127.x.y.z`, `[::1]`, with or without a port): docker talks plain HTTP to them. */
const isLoopbackHost = (host) => /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/.test(host);
/** `ghcr.io/o/n`, `localhost:5000/a`, `busybox` -> host, API base and repository path. */
function parseRepository(repository) {
    const first = repository.split('/')[0];
    const hasHost = repository.includes('/') && (/[.:[]/.test(first) || first === 'localhost');
    const host = hasHost ? first : 'docker.io';
    let path = hasHost ? repository.slice(first.length + 1) : repository;
    if (host === 'docker.io' && !path.includes('/'))
        path = `library/${path}`;
    const apiHost = host === 'docker.io' ? 'registry-1.docker.io' : host;
    return { host, base: `${isLoopbackHost(host) ? 'http' : 'https'}://${apiHost}`, repository: path };
}
/** A reference without tag or digest: where the digests of an index live. */
function repositoryOf(ref) {
    const noDigest = ref.split('@')[0];
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
/** The tag of a reference (`latest` when it names none), or the digest itself. */
function tagOf(refOrDigest) {
    if (refOrDigest.startsWith('sha256:'))
        return refOrDigest;
    return refOrDigest.slice(repositoryOf(refOrDigest).length).replace(/^[:@]/, '') || 'latest';
}
/** The registry host of a reference as docker names it (docker.io when it names none). */
const registryOf = (ref) => parseRepository(repositoryOf(ref)).host;
/** Distinct repositories of the tags, in order: where the image has to be before it is tagged. */
const repositoriesOf = (tags) => [...new Set(tags.map(repositoryOf))];


/***/ }),

/***/ 6133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseGrowth),
/* harmony export */   N: () => (/* binding */ checkBudgets)
/* harmony export */ });
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(329);
// Size budgets: parsing `10%` growth, and checking a build against the budgets. Pure.

function parseGrowth(text) {
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
    if (percent)
        return { percent: Number(percent[1]) };
    const bytes = (0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSize */ .DB)(text);
    return bytes === undefined ? undefined : { bytes };
}
const growthText = (g) => ('percent' in g ? `${g.percent}%` : (0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(g.bytes));
function checkBudgets(platforms, budgets) {
    const breaches = [];
    for (const p of platforms) {
        if (budgets.maxSize !== undefined && p.size > budgets.maxSize) {
            breaches.push({
                platform: p.platform,
                budget: 'max-size',
                message: `${p.platform}: size ${(0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(p.size)} (${p.size} bytes) exceeds max-size ${(0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(budgets.maxSize)} (${budgets.maxSize} bytes)`
            });
        }
        if (budgets.maxLayers !== undefined && p.layers > budgets.maxLayers) {
            breaches.push({
                platform: p.platform,
                budget: 'max-layers',
                message: `${p.platform}: ${p.layers} layers exceed max-layers ${budgets.maxLayers}`
            });
        }
        const g = budgets.maxGrowth;
        if (g && p.sizeDelta !== undefined) {
            const over = 'percent' in g ? (p.sizePercent ?? 0) > g.percent : p.sizeDelta > g.bytes;
            if (over) {
                breaches.push({
                    platform: p.platform,
                    budget: 'max-growth',
                    message: `${p.platform}: grew by ${(0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(p.sizeDelta)} (${(0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .signedPercent */ .wu)(p.sizePercent ?? 0)}) vs the baseline, more than max-growth ${growthText(g)}`
                });
            }
        }
    }
    return breaches;
}


/***/ }),

/***/ 329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   Xe: () => (/* binding */ humanSize),
/* harmony export */   qy: () => (/* binding */ SIZE_FORMS),
/* harmony export */   wu: () => (/* binding */ signedPercent)
/* harmony export */ });
// Sizes as people write and read them. Pure.
const UNITS = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    kib: 2 ** 10,
    mib: 2 ** 20,
    gib: 2 ** 30,
    tib: 2 ** 40
};
const SIZE_FORMS = 'bytes (231000000) or a number with a unit: kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 250MB or 1.2GiB';
/** Bytes, or undefined when the text is not a size. Units are decimal or binary as written. */
function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
    if (!m)
        return undefined;
    const factor = UNITS[(m[2] || 'b').toLowerCase()];
    if (factor === undefined)
        return undefined;
    const bytes = Math.round(Number(m[1]) * factor);
    return bytes > 0 ? bytes : undefined;
}
/** Decimal units, one decimal: 231.4 MB. */
function humanSize(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = Math.abs(bytes);
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    const text = unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
    return bytes < 0 ? `-${text}` : text;
}
function signedPercent(percent) {
    return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
}


/***/ }),

/***/ 3088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SY: () => (/* binding */ vulnerabilityBreaches),
/* harmony export */   Sf: () => (/* binding */ countVulnerabilities),
/* harmony export */   WN: () => (/* binding */ countsText),
/* harmony export */   Yb: () => (/* binding */ countsAnnotation),
/* harmony export */   nu: () => (/* binding */ parseVulnerabilityBudget),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   tI: () => (/* binding */ parseCountsAnnotation)
/* harmony export */ });
// Vulnerabilities a scanner found in the image, counted by severity, and the budget on them.
// Three report formats, read by their documented shapes: Trivy's JSON (SchemaVersion 2), grype's
// JSON and SARIF 2.1.0 (which both, and most other scanners, also write). Pure.
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
const zero = () => ({ critical: 0, high: 0, medium: 0, low: 0, unknown: 0 });
/** A scanner's severity word: grype's Negligible is counted as low, anything unheard of as unknown. */
function severityOf(word) {
    const w = typeof word === 'string' ? word.toLowerCase() : '';
    if (w === 'negligible')
        return 'low';
    return SEVERITIES.includes(w) ? w : 'unknown';
}
/**
 * SARIF has no severity of its own: GitHub's convention is the rule's `security-severity`
 * (a CVSS score: 9.0 and up critical, 7.0 high, 4.0 medium, above 0 low); without one, the
 * result's level (error high, warning medium, note low).
 */
function sarifSeverity(score, level) {
    const cvss = typeof score === 'string' || typeof score === 'number' ? Number.parseFloat(String(score)) : NaN;
    if (Number.isFinite(cvss))
        return cvss >= 9 ? 'critical' : cvss >= 7 ? 'high' : cvss >= 4 ? 'medium' : cvss > 0 ? 'low' : 'unknown';
    return { error: 'high', warning: 'medium', note: 'low' }[String(level)] ?? 'unknown';
}
/**
 * Counts one finding per vulnerability and package, as the scanners' own tables do (the same
 * CVE in two packages counts twice). Throws when the text is none of the three formats.
 */
function countVulnerabilities(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw new Error('not JSON; give a Trivy JSON (--format json), grype JSON (-o json) or SARIF report');
    }
    const counts = zero();
    if (Array.isArray(doc?.runs) && typeof doc.version === 'string') {
        for (const run of doc.runs) {
            const rules = run.tool?.driver?.rules ?? [];
            for (const result of run.results ?? []) {
                const rule = typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : rules.find(r => r.id === result.ruleId);
                counts[sarifSeverity(rule?.properties?.['security-severity'], result.level ?? 'warning')]++;
            }
        }
        return { format: 'sarif', counts };
    }
    if (Array.isArray(doc?.matches)) {
        for (const match of doc.matches)
            counts[severityOf(match.vulnerability?.severity)]++;
        return { format: 'grype', counts };
    }
    if (doc && 'SchemaVersion' in doc) {
        for (const result of (doc.Results ?? []))
            for (const v of result.Vulnerabilities ?? [])
                counts[severityOf(v.Severity)]++;
        return { format: 'trivy', counts };
    }
    throw new Error('neither Trivy JSON (SchemaVersion, Results), grype JSON (matches) nor SARIF (version, runs)');
}
/** `critical=0,high=5`: the most findings of each named severity; undefined when the text is not that. */
function parseVulnerabilityBudget(text) {
    const budget = {};
    for (const part of text
        .split(/[\n,]/)
        .map(p => p.trim())
        .filter(Boolean)) {
        const m = /^([a-z]+)\s*=\s*(\d+)$/i.exec(part);
        if (!m || !SEVERITIES.includes(m[1].toLowerCase()))
            return undefined;
        budget[m[1].toLowerCase()] = Number(m[2]);
    }
    return Object.keys(budget).length ? budget : undefined;
}
/** One line per severity over its budget. */
function vulnerabilityBreaches(counts, budget) {
    return SEVERITIES.flatMap(s => {
        const most = budget[s];
        return most !== undefined && counts[s] > most ? [`${counts[s]} ${s} vulnerabilities exceed max-vulnerabilities ${s}=${most}`] : [];
    });
}
/** `2 critical, 5 high, 0 medium, 1 low` (unknown only when there are some). */
const countsText = (counts) => SEVERITIES.filter(s => s !== 'unknown' || counts.unknown > 0)
    .map(s => `${counts[s]} ${s}`)
    .join(', ');
/** The compact form kept in an annotation: `critical=0,high=5,medium=2,low=1,unknown=0`. */
const countsAnnotation = (counts) => SEVERITIES.map(s => `${s}=${counts[s]}`).join(',');
function parseCountsAnnotation(text) {
    if (!text)
        return undefined;
    const counts = zero();
    for (const [, s, n] of text.matchAll(/([a-z]+)=(\d+)/g))
        if (s in counts)
            counts[s] = Number(n);
    return counts;
}


/***/ }),

/***/ 2897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ dockerTo),
/* harmony export */   Pv: () => (/* binding */ mustRun),
/* harmony export */   T3: () => (/* binding */ docker),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   xG: () => (/* binding */ withBuildx)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_1__);
// The one seam through which the action runs docker: argv in, exit code and output back.
// @actions/exec runs it (no shell): the command line is echoed, then its output, unless quiet.


/** Docker whose echoed commands and output go to `stream` (stdout on the runner; a terminal keeps stdout for results). */
const dockerTo = (stream = process.stdout) => async (args, options = {}) => {
    const command = options.command ?? 'docker';
    // Progress is handed on whole characters: a chunk may end inside a UTF-8 sequence.
    const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_1__.StringDecoder('utf8');
    const onStderr = options.onStderr;
    try {
        const { exitCode, stdout, stderr } = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(command, args, {
            silent: options.quiet || !!onStderr,
            ignoreReturnCode: true,
            outStream: stream,
            errStream: stream,
            ...(options.input === undefined ? {} : { input: Buffer.from(options.input) }),
            ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
            ...(onStderr ? { listeners: { stderr: (data) => onStderr(decoder.write(data)) } } : {})
        });
        return { code: exitCode, stdout, stderr };
    }
    catch (e) {
        throw new Error(`${command} could not be started: ${e instanceof Error ? e.message : String(e)}`);
    }
};
const docker = dockerTo();
/**
 * `buildx ...` runs the given buildx binary directly, standalone: one the action installed (which
 * must not replace the runner's plugin), or the runner's plugin itself, without the docker CLI's
 * start and plugin lookup in front of it. Everything else goes to docker as before.
 */
function withBuildx(run, binary) {
    if (!binary)
        return run;
    return (args, options = {}) => args[0] === 'buildx' && !options.command ? run(args.slice(1), { ...options, command: binary }) : run(args, options);
}
/** Run and throw with the command's last error lines when it fails. */
async function mustRun(run, args, what, options) {
    const result = await run(args, options);
    if (result.code !== 0)
        throw new Error(`${what} failed (exit ${result.code}):\n${lastLines(result.stderr || result.stdout)}`);
    return result;
}
function lastLines(text, count = 15) {
    return text.trimEnd().split('\n').slice(-count).join('\n');
}


/***/ })

};
