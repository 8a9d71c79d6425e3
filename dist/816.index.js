export const id = 816;
export const ids = [816];
export const modules = {

/***/ 149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NK: () => (/* binding */ findingText),
/* harmony export */   Qq: () => (/* binding */ dedupe),
/* harmony export */   d0: () => (/* binding */ parseLintResults),
/* harmony export */   pG: () => (/* binding */ findingMessage),
/* harmony export */   pW: () => (/* binding */ checksMarkdown),
/* harmony export */   x6: () => (/* binding */ findingOfWarning)
/* harmony export */ });
// The Dockerfile's build checks (BuildKit's linter, Dockerfile 1.8 and later): what a build
// reports of them as it runs, and what `--call check,format=json` prints. Each finding becomes
// a file/line annotation and a row of the summary. Pure.
const fromBase64 = (text = '') => Buffer.from(text, 'base64').toString('utf8');
/**
 * A build's own check warnings (`RuleName: message (line N)`, with a rule URL); other warnings of
 * the stream are not checks. `file`: the Dockerfile as the workflow names it (BuildKit knows only
 * its base name), so that the annotation lands on the repository's file.
 */
function findingOfWarning(w, file) {
    const short = fromBase64(w.short);
    const m = /^([A-Z][A-Za-z]+): ([\s\S]+?)(?: \(line (\d+)\))?$/.exec(short);
    if (!m || !w.url)
        return undefined;
    const ranges = w.range?.length ? w.range : m[3] ? [{ start: { line: Number(m[3]) } }] : undefined;
    return place({ rule: m[1], message: m[2].trim(), file, url: w.url }, ranges);
}
function place(finding, ranges) {
    const line = ranges?.[0]?.start?.line;
    const endLine = ranges?.[0]?.end?.line;
    return { ...finding, ...(line ? { line } : {}), ...(endLine && line && endLine > line ? { endLine } : {}) };
}
/** Findings of `--call check,format=json`, and the build error it reports (a Dockerfile that does not parse). */
function parseLintResults(text, file) {
    const start = text.indexOf('{');
    if (start < 0)
        throw new Error(`the check printed no results: ${text.slice(0, 300)}`);
    const results = JSON.parse(text.slice(start));
    const findings = (results.warnings ?? []).map(w => place({
        rule: w.ruleName ?? 'check',
        message: w.detail || w.description || '',
        file,
        ...(w.url ? { url: w.url } : {})
    }, w.location?.ranges));
    return { findings: dedupe(findings), ...(results.buildError?.message ? { error: results.buildError.message } : {}) };
}
/** One finding per rule and place: a multi-platform build checks the Dockerfile once per platform. */
function dedupe(findings) {
    const seen = new Map();
    for (const f of findings)
        seen.set(`${f.file}:${f.line ?? ''}:${f.rule}:${f.message}`, f);
    return [...seen.values()];
}
/** The annotation's text: the rule, what it found, where to read about it. */
const findingText = (f) => `${f.rule}: ${findingMessage(f)}`;
/** The same without the rule, for an annotation whose title is the rule. */
const findingMessage = (f) => `${f.message}${f.url ? ` (${f.url})` : ''}`;
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** The summary's section: a row per finding. */
function checksMarkdown(findings, checkOnly) {
    if (!findings.length)
        return checkOnly ? '### Build checks\n\nNo findings.\n' : '';
    const rows = findings.map(f => `| ${f.file}${f.line ? `:${f.line}` : ''} | ${f.url ? `[${f.rule}](${f.url})` : f.rule} | ${cell(f.message)} |`);
    return [
        '### Build checks',
        '',
        `${findings.length} finding${findings.length === 1 ? '' : 's'}:`,
        '',
        '| where | rule | finding |',
        '|---|---|---|',
        ...rows,
        ''
    ].join('\n');
}


/***/ }),

/***/ 5993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZL: () => (/* binding */ stagesOf),
/* harmony export */   dR: () => (/* binding */ chainOf),
/* harmony export */   gK: () => (/* binding */ rootImage),
/* harmony export */   "if": () => (/* binding */ baseImages)
/* harmony export */ });
// What can be read from a Dockerfile before it is built: the images its stages start FROM, and
// what each stage runs. A builder the action creates runs in its own network namespace, so
// loopback registries among the images must be known before the builder is created; the cache
// mounts' helper builds need a stage that runs a shell.
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
/** Continuation lines joined and trimmed: one instruction a line. */
const instructions = (dockerfile) => dockerfile
    .replace(/\\[ \t]*\r?\n/g, ' ')
    .split(/\r?\n/)
    .map(l => l.trim());
/** RUN in exec form (`RUN [--flag...] ["cmd", ...]`) needs no shell; every other RUN does. */
const isShellForm = (run) => !/^RUN\s+(?:--\S+\s+)*\[/i.test(run);
/** The stages of a Dockerfile, global ARG defaults and build-args substituted in FROM. */
function stagesOf(dockerfile, buildArgs) {
    const given = new Map(buildArgs.map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    const globals = new Map();
    const expand = (text) => text.replace(new RegExp(`\\$\\{(${NAME})(?::?-([^}]*))?\\}|\\$(${NAME})`, 'g'), (_, braced, fallback, bare) => globals.get(braced ?? bare ?? '') || fallback || '');
    const stages = [];
    for (const line of instructions(dockerfile)) {
        const arg = new RegExp(`^ARG\\s+(${NAME})(?:=(?:"([^"]*)"|'([^']*)'|(\\S*)))?`, 'i').exec(line);
        // Only ARGs before the first FROM are in scope for FROM lines.
        if (arg && !stages.length)
            globals.set(arg[1], given.get(arg[1]) ?? arg[2] ?? arg[3] ?? arg[4] ?? '');
        const from = /^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
        if (from) {
            const image = expand(from[1]);
            const parent = stages.findIndex(s => s.name === image.toLowerCase());
            stages.push({
                name: from[2]?.toLowerCase() ?? String(stages.length),
                from: image,
                ...(parent >= 0 ? { parent } : {}),
                runsShell: false,
                runs: [],
                lines: []
            });
            continue;
        }
        const stage = stages[stages.length - 1];
        if (!stage)
            continue;
        if (line && !line.startsWith('#'))
            stage.lines.push(line);
        if (/^RUN\s/i.test(line)) {
            stage.runs.push(line);
            stage.runsShell ||= isShellForm(line);
        }
        const shell = /^SHELL\s+(\[.*\])\s*$/i.exec(line);
        if (shell)
            stage.shell = shell[1];
    }
    return stages;
}
/** The image a stage's chain starts from ('scratch' included). */
function rootImage(stages, i) {
    let stage = stages[i];
    while (stage.parent !== undefined)
        stage = stages[stage.parent];
    return stage.from;
}
/** The stage and its ancestors, nearest first. */
function chainOf(stages, i) {
    const chain = [stages[i]];
    while (chain[chain.length - 1].parent !== undefined)
        chain.push(stages[chain[chain.length - 1].parent]);
    return chain;
}
/** The images named by FROM lines, with global ARG defaults and build-args substituted; stages and scratch left out. */
function baseImages(dockerfile, buildArgs) {
    const images = stagesOf(dockerfile, buildArgs)
        .filter(s => s.parent === undefined)
        .map(s => s.from)
        .filter(image => image && image !== 'scratch');
    return [...new Set(images)];
}


/***/ }),

/***/ 9691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ FILES_NAMED),
/* harmony export */   Gg: () => (/* binding */ recordedVerify),
/* harmony export */   Jn: () => (/* binding */ fingerprintAnnotations),
/* harmony export */   PL: () => (/* binding */ argsOf),
/* harmony export */   QH: () => (/* binding */ platformEntryAnnotations),
/* harmony export */   T8: () => (/* binding */ whyBuild),
/* harmony export */   TT: () => (/* binding */ contextReads),
/* harmony export */   Tm: () => (/* binding */ ACTION_MAJOR_MINOR),
/* harmony export */   V4: () => (/* binding */ builderNeeds),
/* harmony export */   aX: () => (/* binding */ builderIdentity),
/* harmony export */   ax: () => (/* binding */ fingerprintOf),
/* harmony export */   f5: () => (/* binding */ settingsOf),
/* harmony export */   q0: () => (/* binding */ skipDecision),
/* harmony export */   rS: () => (/* binding */ syntaxOf),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   sr: () => (/* binding */ parseFingerprint)
/* harmony export */ });
/* unused harmony exports sameInputs, rebuildReasons, recordedFor */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _dockerfile_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5993);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8207);
/* harmony import */ var _registry_history_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8615);
// What decides the image, known before any builder is set up: the run's fingerprint. It covers
// what BuildKit's own cache keys on and nothing it does not: the Dockerfile's bytes, the
// context files its instructions read, every base image by digest, the build args and the
// settings that change what is built, the builder and this action's version. Tags, and the
// labels that only name the commit (revision, created), are left out: a rebuild for a new
// commit that changes none of the rest builds the same image. A build records it on its index
// beside the history record; the next run compares its own with it. Where the Dockerfile
// cannot be read precisely, more is taken in (the whole context): a fingerprint may change
// when the image would not, never the other way round. Pure.




const PREFIX = 'com.github.phialo.ci-base-action.fingerprint';
const FINGERPRINT_KEYS = {
    dockerfile: `${PREFIX}.dockerfile`,
    context: `${PREFIX}.context`,
    bases: `${PREFIX}.bases`,
    args: `${PREFIX}.args`,
    parts: `${PREFIX}.parts`,
    files: `${PREFIX}.files`,
    rest: `${PREFIX}.rest`
};
/** Files past this many are fingerprinted as a whole only: which of them changed is not named. */
const FILES_NAMED = 200;
const sha256 = (data) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
const short = (data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex').slice(0, 12);
/** The labels and annotations that only name the commit: a new commit alone does not change the image's inputs. */
const COMMIT_NAMING = /^(?:(?:index|manifest|manifest-descriptor|index-descriptor)(?:\[[^\]]*\])?:)?org\.opencontainers\.image\.(?:revision|created)=/;
/** The parts of a run's inputs that change what is built, each as canonical text. */
function settingsOf(inputs, builder, action) {
    const userGiven = (list) => list.filter(l => !COMMIT_NAMING.test(l)).join('\n');
    return {
        target: inputs.target,
        platforms: inputs.platforms.join(','),
        labels: userGiven(inputs.labels),
        annotations: userGiven(inputs.annotations),
        // BuildKit keys a RUN on a secret's id, not its value: so does the fingerprint.
        secrets: [...inputs.secrets.map(s => s.id), ...inputs.secretFiles.map(s => s.id)].sort().join(','),
        ssh: inputs.ssh.map(s => s.split('=')[0]).join(','),
        network: inputs.network,
        'shm-size': inputs.shmSize,
        ulimit: inputs.ulimits.join('\n'),
        'add-hosts': inputs.addHosts.join('\n'),
        allow: inputs.allow.join(','),
        attest: inputs.attest.join(','),
        provenance: inputs.provenance,
        sbom: inputs.sbom,
        'rewrite-timestamp': String(inputs.rewriteTimestamp),
        verify: inputs.verify.map(v => v.line).join('\n'),
        'require-non-root': String(inputs.requireNonRoot),
        variants: inputs.variants.map(v => `${v.name}=${v.target}`).join(','),
        'build-contexts': inputs.buildContexts.join('\n'),
        builder,
        action
    };
}
/** Build args as the fingerprint keeps them: in the clear, but a secret-looking one's value only as a sum. */
function argsOf(buildArgs) {
    const secretLooking = new Set((0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .secretLookingBuildArgs */ .rE)(buildArgs));
    const args = {};
    for (const arg of buildArgs) {
        const name = arg.slice(0, arg.indexOf('='));
        const value = arg.slice(arg.indexOf('=') + 1);
        args[name] = secretLooking.has(name) ? `sum:${short(value)}` : value;
    }
    return args;
}
function fingerprintOf(parts) {
    const partSums = Object.fromEntries(Object.entries(parts.settings).map(([k, v]) => [k, short(v)]));
    const rest = sha256(JSON.stringify({ args: sortedEntries(parts.args), parts: sortedEntries(partSums) }));
    return { dockerfile: parts.dockerfile, context: parts.context, bases: parts.bases, args: parts.args, parts: partSums, rest };
}
const sortedEntries = (record) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const pairs = (record) => sortedEntries(record)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
/** The annotations that record a fingerprint on an index: readable, each part on its own. */
function fingerprintAnnotations(f) {
    return {
        [FINGERPRINT_KEYS.dockerfile]: f.dockerfile,
        [FINGERPRINT_KEYS.context]: `${f.context.digest};files=${f.context.files}`,
        [FINGERPRINT_KEYS.bases]: pairs(f.bases),
        [FINGERPRINT_KEYS.args]: JSON.stringify(f.args),
        [FINGERPRINT_KEYS.parts]: pairs(f.parts),
        ...(f.context.sums ? { [FINGERPRINT_KEYS.files]: JSON.stringify(f.context.sums) } : {}),
        [FINGERPRINT_KEYS.rest]: f.rest
    };
}
const parsePairs = (text) => Object.fromEntries(text
    .split(',')
    .filter(p => p.includes('='))
    .map(p => [p.slice(0, p.lastIndexOf('=')), p.slice(p.lastIndexOf('=') + 1)]));
function parseJson(text) {
    try {
        const value = text === undefined ? undefined : JSON.parse(text);
        if (!value || typeof value !== 'object' || Array.isArray(value))
            return undefined;
        return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === 'string'));
    }
    catch {
        return undefined;
    }
}
/** The fingerprint an index's annotations hold; undefined where one is missing or unreadable. */
function parseFingerprint(annotations = {}) {
    const context = /^(sha256:[0-9a-f]{64});files=(\d+)$/.exec(annotations[FINGERPRINT_KEYS.context] ?? '');
    const dockerfile = annotations[FINGERPRINT_KEYS.dockerfile];
    const rest = annotations[FINGERPRINT_KEYS.rest];
    const args = parseJson(annotations[FINGERPRINT_KEYS.args]);
    if (!context || !dockerfile?.startsWith('sha256:') || !rest?.startsWith('sha256:') || !args)
        return undefined;
    const sums = parseJson(annotations[FINGERPRINT_KEYS.files]);
    return {
        dockerfile,
        context: { digest: context[1], files: Number(context[2]), ...(sums ? { sums } : {}) },
        bases: parsePairs(annotations[FINGERPRINT_KEYS.bases] ?? ''),
        args,
        parts: parsePairs(annotations[FINGERPRINT_KEYS.parts] ?? ''),
        rest
    };
}
/** Whether two fingerprints say the same image: the Dockerfile, the files read, every base and the rest. */
function sameInputs(a, b) {
    return a.dockerfile === b.dockerfile && a.context.digest === b.context.digest && pairs(a.bases) === pairs(b.bases) && a.rest === b.rest;
}
const shortDigest = (digest) => (digest.startsWith('sha256:') ? `${digest.slice(0, 19)}…` : digest || '(none)');
const names = (list, most = 3) => `${list
    .slice(0, most)
    .map(n => `\`${n}\``)
    .join(', ')}${list.length > most ? ', …' : ''}`;
/** Why a run builds, first difference first: bases, build args, context files, the Dockerfile, then the rest by name. */
function rebuildReasons(before, now) {
    const reasons = [];
    for (const name of new Set([...Object.keys(before.bases), ...Object.keys(now.bases)])) {
        const [was, is] = [before.bases[name], now.bases[name]];
        if (was === is)
            continue;
        if (!was)
            reasons.push(`base \`${name}\` added`);
        else if (!is)
            reasons.push(`base \`${name}\` no longer used`);
        else
            reasons.push(`base \`${name}\` moved \`${shortDigest(was)}\` → \`${shortDigest(is)}\``);
    }
    for (const name of new Set([...Object.keys(before.args), ...Object.keys(now.args)])) {
        const [was, is] = [before.args[name], now.args[name]];
        if (was === is)
            continue;
        const shown = (value) => (value === undefined ? '(unset)' : value.startsWith('sum:') ? '(a new value)' : value);
        reasons.push(`build arg \`${name}\` ${shown(was)} → ${shown(is)}`);
    }
    if (before.context.digest !== now.context.digest)
        reasons.push(contextReason(before.context, now.context));
    if (before.dockerfile !== now.dockerfile)
        reasons.push('Dockerfile changed');
    const moved = [...new Set([...Object.keys(before.parts), ...Object.keys(now.parts)])].filter(k => before.parts[k] !== now.parts[k]);
    if (moved.length)
        reasons.push(`${moved.map(k => `\`${k}\``).join(', ')} changed`);
    return reasons.length ? reasons : ['the inputs changed'];
}
function contextReason(before, now) {
    if (!before.sums || !now.sums)
        return `context: the files read changed (${now.files} files now, ${before.files} before)`;
    const changed = [...new Set([...Object.keys(before.sums), ...Object.keys(now.sums)])]
        .filter(path => before.sums[path] !== now.sums[path])
        .sort();
    return `context: ${changed.length} file${changed.length === 1 ? '' : 's'} changed (${names(changed)})`;
}
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
/** The words of an instruction after its keyword: its --flags, then its arguments in JSON form or split on spaces. */
function wordsOf(rest) {
    const flags = [];
    let text = rest.trim();
    for (let flag = /^(--\S+)\s*/.exec(text); flag; flag = /^(--\S+)\s*/.exec(text)) {
        flags.push(flag[1]);
        text = text.slice(flag[0].length);
    }
    if (text.startsWith('[')) {
        try {
            const parsed = JSON.parse(text);
            if (Array.isArray(parsed) && parsed.every(w => typeof w === 'string'))
                return [...flags, ...parsed];
        }
        catch {
            // not JSON: shell form
        }
    }
    return [...flags, ...text.split(/\s+/).filter(Boolean)];
}
const flagValue = (flags, name) => flags.find(f => f.startsWith(`--${name}=`))?.slice(name.length + 3) ?? (flags.includes(`--${name}`) ? '' : undefined);
/**
 * What the build reads, for the target stage (the last when none is given) and the stages it
 * needs. A source whose variables cannot be resolved here takes in the whole context.
 */
function contextReads(dockerfile, buildArgs, target, contextNames = []) {
    const stages = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .stagesOf */ .ZL)(dockerfile, buildArgs);
    const given = new Map(buildArgs.map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    const byName = (name) => stages.findIndex(s => s.name === name.toLowerCase());
    const reads = { paths: [], images: [], bases: [], namedContexts: [], unknowable: [] };
    const start = target ? byName(target) : stages.length - 1;
    if (start < 0)
        return { ...reads, paths: ['.'] };
    const needed = new Set();
    const visit = (i) => {
        if (needed.has(i))
            return;
        needed.add(i);
        const stage = stages[i];
        if (stage.parent !== undefined)
            visit(stage.parent);
        // A stage's own base: an image, or a named build context that stands in for one.
        else if (contextNames.includes(stage.from))
            reads.namedContexts.push(stage.from);
        else if (stage.from && stage.from !== 'scratch') {
            reads.images.push(stage.from);
            reads.bases.push(stage.from);
        }
        for (const from of fromsOf(stage)) {
            const j = byName(from);
            if (j >= 0 && j !== i)
                visit(j);
            else if (contextNames.includes(from))
                reads.namedContexts.push(from);
            else if (!/^\d+$/.test(from))
                reads.images.push(from);
            else if (Number(from) < stages.length)
                visit(Number(from));
        }
    };
    visit(start);
    for (const i of [...needed].sort((a, b) => a - b))
        readsOf(stages[i], given, reads);
    return {
        paths: [...new Set(reads.paths)].sort(),
        images: [...new Set(reads.images)],
        bases: [...new Set(reads.bases)],
        namedContexts: [...new Set(reads.namedContexts)],
        unknowable: reads.unknowable
    };
}
/** The stages, contexts or images a stage copies or mounts from. */
function fromsOf(stage) {
    const froms = [];
    for (const line of stage.lines) {
        const copy = /^(?:COPY|ADD)\s+(.*)$/i.exec(line);
        if (copy) {
            const from = flagValue(wordsOf(copy[1]).filter(w => w.startsWith('--')), 'from');
            if (from)
                froms.push(from);
        }
        if (/^RUN\s/i.test(line))
            for (const m of line.matchAll(/--mount=(\S+)/g)) {
                const from = /(?:^|,)from=([^,]+)/.exec(m[1])?.[1];
                if (from)
                    froms.push(from);
            }
    }
    return froms;
}
function readsOf(stage, given, reads) {
    const scope = new Map();
    const expand = (text) => text.replace(new RegExp(`\\$\\{(${NAME})(?::?-([^}]*))?\\}|\\$(${NAME})`, 'g'), (whole, braced, fallback, bare) => {
        const name = braced ?? bare ?? '';
        return scope.get(name) ?? fallback ?? whole;
    });
    const add = (source) => {
        const path = expand(source);
        // A variable this reading cannot resolve (an ENV, say): the whole context is taken in.
        if (path.includes('$'))
            reads.paths.push('.');
        else
            reads.paths.push(globRoot(path));
    };
    for (const line of stage.lines) {
        const arg = new RegExp(`^ARG\\s+(${NAME})(?:=(?:"([^"]*)"|'([^']*)'|(\\S*)))?`, 'i').exec(line);
        if (arg)
            scope.set(arg[1], given.get(arg[1]) ?? arg[2] ?? arg[3] ?? arg[4] ?? '');
        const copy = /^(COPY|ADD)\s+(.*)$/i.exec(line);
        if (copy) {
            const words = wordsOf(copy[2]);
            const flags = words.filter(w => w.startsWith('--'));
            const sources = words.filter(w => !w.startsWith('--')).slice(0, -1);
            if (flagValue(flags, 'from') !== undefined)
                continue;
            for (const source of sources) {
                if (source.startsWith('<<'))
                    continue; // a heredoc: its text is in the Dockerfile
                if (/^(?:https?|git|ssh):\/\/|^git@|\.git(?:#|$)/.test(source)) {
                    const pinned = copy[1].toUpperCase() === 'ADD' && flagValue(flags, 'checksum') && !/^git|\.git(#|$)/.test(source);
                    if (!pinned)
                        reads.unknowable.push(`${copy[1].toUpperCase()} ${source} without --checksum: what it fetches is known only by fetching it`);
                    continue;
                }
                add(source);
            }
        }
        if (/^RUN\s/i.test(line))
            for (const m of line.matchAll(/--mount=(\S+)/g)) {
                const attrs = m[1].split(',');
                const type = attrs.find(a => a.startsWith('type='))?.slice(5) ?? 'bind';
                if (type !== 'bind' || attrs.some(a => a.startsWith('from=')))
                    continue;
                add(attrs.find(a => /^(?:source|src)=/.test(a))?.replace(/^(?:source|src)=/, '') ?? '.');
            }
    }
}
/** A source path's part before its first wildcard: the directory a glob reads from (all of it is taken in). */
function globRoot(path) {
    const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '') || '.';
    const wild = clean.search(/[*?[]/);
    if (wild < 0)
        return clean;
    const dir = clean
        .slice(0, wild)
        .replace(/[^/]*$/, '')
        .replace(/\/+$/, '');
    return dir || '.';
}
/** The `# syntax=` frontend a Dockerfile names, if any (a parser directive: only before the first instruction). */
function syntaxOf(dockerfile) {
    for (const line of dockerfile.split(/\r?\n/)) {
        const directive = /^#\s*syntax\s*=\s*(\S+)/i.exec(line);
        if (directive)
            return directive[1];
        if (!/^\s*(#.*)?$/.test(line))
            return undefined;
    }
    return undefined;
}
/** This action's major.minor, part of every fingerprint: a new minor may build differently. Checked against package.json by a test. */
const ACTION_MAJOR_MINOR = '1.0';
/**
 * What a build runs on, as far as it is known before any builder is set up: the engine's version
 * (its BuildKit builds for the docker driver, and `auto` may choose it) and the BuildKit image of
 * a builder the action creates, by digest. `resolved` holds what was asked of the engine and the
 * registry; a user's own builder cannot be asked before it builds.
 */
function builderIdentity(inputs, resolved) {
    return [
        `driver ${inputs.driver}`,
        ...(resolved.engine ? [`engine ${resolved.engine}`] : []),
        ...(resolved.buildkit ? [`buildkit ${resolved.buildkit}`] : []),
        ...(inputs.endpoint ? [`endpoint ${inputs.endpoint}`] : []),
        ...inputs.appendNodes.map(n => `node ${n.platform}=${n.endpoint}`)
    ].join(', ');
}
/** Which parts of the builder must be resolved for a fingerprint: the engine, the BuildKit image; or why it cannot be known. */
function builderNeeds(inputs) {
    if (inputs.builder)
        return { unknowable: `the builder ${inputs.builder} is your own: its BuildKit is known only once it builds` };
    if (inputs.driver === 'remote' || inputs.driver === 'kubernetes')
        return { unknowable: `a ${inputs.driver} builder's BuildKit is known only once it builds` };
    if (inputs.appendNodes.length)
        return { unknowable: "the appended nodes' BuildKit is known only once they build" };
    return { engine: inputs.driver === 'docker' || inputs.driver === 'auto', buildkit: inputs.driver !== 'docker' };
}
/**
 * Where the fingerprint a run compares with is recorded on the image it would replace: the
 * index's annotations, or, for a per-platform job, its platform's entry in the index (a merge
 * records there what each platform's job built it from).
 */
function recordedFor(inputs, image) {
    if (inputs.mode !== 'platform')
        return image?.annotations;
    return image?.platforms.find(p => p.platform === inputs.platforms[0])?.annotations;
}
/**
 * What the image a run would leave in place records of its verify: a per-platform job reads its
 * platform's entry in the index (the merge writes it there), a build its own record.
 */
function recordedVerify(inputs, image, record) {
    if (inputs.mode !== 'platform')
        return record.verify;
    const entry = recordedFor(inputs, image)?.[_registry_history_js__WEBPACK_IMPORTED_MODULE_2__/* .HISTORY_KEYS */ .sp.verify];
    return entry === 'passed' || entry === 'failed' ? entry : undefined;
}
/** The annotations a merge gives a platform's entry in its index: what its job built it from, and whether its verify passed. */
function platformEntryAnnotations(h) {
    return { ...(h.fingerprint ? fingerprintAnnotations(h.fingerprint) : {}), ...(h.verify ? { [_registry_history_js__WEBPACK_IMPORTED_MODULE_2__/* .HISTORY_KEYS */ .sp.verify]: h.verify } : {}) };
}
/**
 * Why this run builds, first difference first, against the fingerprint on the image it would
 * replace (the baseline); empty when that image was made from the same inputs.
 */
function whyBuild(inputs, taken, baseline) {
    if (inputs.noCache)
        return ['no-cache is set: everything is built again'];
    if (inputs.noCacheFilters.length)
        return [`no-cache-filters is set (${inputs.noCacheFilters.join(', ')})`];
    if ('unknowable' in taken)
        return taken.unknowable;
    if (baseline.status === 'none')
        return ['there is no published image to compare with (baseline is empty)'];
    if (baseline.status === 'missing')
        return [`there is no published image at ${baseline.ref} yet`];
    if (baseline.status === 'unavailable')
        return [`the published image ${baseline.ref} could not be read`];
    const before = parseFingerprint(recordedFor(inputs, baseline.image));
    if (!before)
        return inputs.mode === 'platform'
            ? [`${baseline.ref} records no fingerprint for ${inputs.platforms[0]} (not merged from per-platform jobs of this version)`]
            : [`${baseline.ref} carries no fingerprint (made before fingerprints were recorded, or with history: 0)`];
    return sameInputs(before, taken.fingerprint) ? [] : rebuildReasons(before, taken.fingerprint);
}
function skipDecision(inputs, taken, baseline) {
    if (!inputs.skipUnchanged)
        return { skip: false };
    const cannot = (why) => ({ skip: false, note: `skip-unchanged: ${why}; building` });
    if (inputs.mode === 'merge')
        return cannot('a merge job builds nothing; it merges what the platform jobs handed over');
    if (!inputs.push)
        return cannot('nothing is pushed, so no tag would move to the published image');
    if (inputs.load)
        return cannot('load needs the image in the engine');
    if (inputs.scanReport)
        return cannot('scan-report scans a new build');
    if (inputs.mode === 'platform' && inputs.platforms.length > 1)
        return cannot('a per-platform job of several platforms builds every run (give each platform its own job)');
    if (inputs.mode === 'platform' && inputs.attest.length)
        return cannot("attest: a per-platform job hands over its build's own attestations");
    if (whyBuild(inputs, taken, baseline).length || !baseline.image)
        return { skip: false };
    const record = (0,_registry_history_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRecord */ .Hh)(baseline.image.digest, baseline.image.annotations);
    if (!record)
        return cannot(`${baseline.ref} carries no build record`);
    const verified = recordedVerify(inputs, baseline.image, record);
    if ((inputs.verify.length || inputs.requireNonRoot) && verified !== 'passed')
        return cannot(`verify ${verified === 'failed' ? 'failed' : 'was not recorded'} on ${baseline.ref}`);
    return { skip: true, record };
}


/***/ }),

/***/ 4723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ retryAfterMs),
/* harmony export */   x: () => (/* binding */ parseChallenge)
/* harmony export */ });
// What an HTTP answer's headers ask of the client: how a registry wants to be signed in to
// (WWW-Authenticate), and how long a server asks to be left alone (Retry-After). Pure.
/** A WWW-Authenticate challenge: its scheme and parameters. */
function parseChallenge(header) {
    const scheme = header.split(' ')[0];
    const params = {};
    for (const m of header.slice(scheme.length).matchAll(/(\w+)="([^"]*)"/g))
        params[m[1]] = m[2];
    return { scheme: scheme.toLowerCase(), params };
}
/** Retry-After in seconds or as an HTTP date. */
function retryAfterMs(header, now = Date.now()) {
    if (!header)
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number(header.trim()) * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}


/***/ }),

/***/ 6836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   $v: () => (/* binding */ EMPTY_CONFIG),
/* harmony export */   Dq: () => (/* binding */ referrerManifest),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   H3: () => (/* binding */ isAttestation),
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   Me: () => (/* binding */ withReferrer),
/* harmony export */   Tk: () => (/* binding */ attestedImages),
/* harmony export */   pA: () => (/* binding */ EMPTY_CONFIG_BYTES),
/* harmony export */   xz: () => (/* binding */ attestationsOf)
/* harmony export */ });
/* unused harmony export IN_TOTO */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Attestations that keep the image's digest: BuildKit's provenance and SBOM, which it puts inside
// the index (so that every build, with its own time and id, gets a new index digest), moved out
// into OCI 1.1 referrers: manifests whose `subject` is the published index. The index then holds
// the platform images alone, and a rebuild of the same commit keeps its digest. Pure.

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const IN_TOTO = 'application/vnd.in-toto+json';
/** The OCI empty descriptor: an artifact's config when it has none (`{}`). */
const EMPTY_CONFIG = {
    mediaType: 'application/vnd.oci.empty.v1+json',
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2
};
const EMPTY_CONFIG_BYTES = new TextEncoder().encode('{}');
// How BuildKit marks an attestation manifest in an index, and which image it is about.
const REFERENCE_TYPE = 'vnd.docker.reference.type';
const REFERENCE_DIGEST = 'vnd.docker.reference.digest';
const PREDICATE_TYPE = 'in-toto.io/predicate-type';
const isAttestation = (d) => d.annotations?.[REFERENCE_TYPE] === 'attestation-manifest';
/** The attestation manifests of a built index, each with the platform image it is about. */
function attestationsOf(index) {
    const manifests = 'manifests' in index ? index.manifests : [];
    const platformOf = new Map(manifests.filter(d => !isAttestation(d)).map(d => [d.digest, d.platform]));
    return manifests.filter(isAttestation).map(d => {
        const image = d.annotations[REFERENCE_DIGEST];
        const p = platformOf.get(image);
        return { image, manifest: d.digest, ...(p ? { platform: [p.os, p.architecture, p.variant].filter(Boolean).join('/') } : {}) };
    });
}
const digestOf = (bytes) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
/**
 * The referrer for one attestation: an artifact manifest of in-toto statements (the builder's own
 * layers, unchanged) whose subject is the published index. Its annotations say which platform
 * image the statements are about and what they state.
 */
function referrerManifest(attestation, statements, subject, created) {
    const layers = statements.layers.filter(l => l.mediaType === IN_TOTO);
    const predicates = [...new Set(layers.map(l => l.annotations?.[PREDICATE_TYPE]).filter(Boolean))].join(',');
    const annotations = {
        'org.opencontainers.image.created': created,
        [REFERENCE_TYPE]: 'attestation-manifest',
        [REFERENCE_DIGEST]: attestation.image,
        ...(attestation.platform ? { 'com.github.phialo.ci-base-action.platform': attestation.platform } : {}),
        ...(predicates ? { [PREDICATE_TYPE]: predicates } : {})
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: IN_TOTO,
        config: EMPTY_CONFIG,
        layers,
        subject: { mediaType: subject.mediaType ?? OCI_INDEX, digest: subject.digest, size: subject.size },
        annotations
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    const digest = digestOf(bytes);
    return { digest, bytes, descriptor: { mediaType: OCI_MANIFEST, digest, size: bytes.length, artifactType: IN_TOTO, annotations } };
}
/** The referrers tag schema's tag for a subject (registries without the referrers API): `sha256-<hex>`. */
const referrersTag = (digest) => digest.replace(':', '-');
/** The referrers tag's index with one more descriptor (once). */
function withReferrer(index, descriptor) {
    const manifests = index?.manifests ?? [];
    const changed = !manifests.some(d => d.digest === descriptor.digest);
    const next = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: changed ? [...manifests, descriptor] : manifests };
    return { bytes: new TextEncoder().encode(JSON.stringify(next)), changed };
}
/** The images a subject's referrers already attest: an unchanged rebuild adds no second statement. */
const attestedImages = (referrers) => new Set(referrers.filter(r => r.artifactType === IN_TOTO).map(r => r.annotations?.[REFERENCE_DIGEST] ?? ''));


/***/ }),

/***/ 8615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   P3: () => (/* binding */ trendMarkdown),
/* harmony export */   Pz: () => (/* binding */ trendRows),
/* harmony export */   _j: () => (/* binding */ recordAnnotations),
/* harmony export */   sp: () => (/* binding */ HISTORY_KEYS),
/* harmony export */   td: () => (/* binding */ trendText)
/* harmony export */ });
/* unused harmony exports trendChart, trendTable */
/* harmony import */ var _report_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3088);
/* harmony import */ var _report_size_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(329);
// A pushed build's metrics, kept as annotations on its own index, and the trend they draw.
//
// Each index also names the index it was compared with (its baseline, by digest), so the
// published builds form a chain that the registry alone can walk: N builds back are N small
// manifest reads, no pull, whatever tags exist. Tags were the other way (list the date or sha
// tags and read each); it was not taken because listing needs a registry that allows it,
// gives no order, and loses builds whose tags a retention policy pruned. Pure.


const PREFIX = 'com.github.phialo.ci-base-action';
const HISTORY_KEYS = {
    previous: `${PREFIX}.previous`,
    built: `${PREFIX}.built`,
    platforms: `${PREFIX}.platforms`,
    buildSeconds: `${PREFIX}.build-seconds`,
    cacheHitRate: `${PREFIX}.cache-hit-rate`,
    verify: `${PREFIX}.verify`,
    vulnerabilities: `${PREFIX}.vulnerabilities`
};
const REVISION = 'org.opencontainers.image.revision';
/** The annotations that record a build on its index. */
function recordAnnotations(r) {
    return {
        [HISTORY_KEYS.built]: r.built,
        // `platform=size/layers` pairs: short enough to read in `imagetools inspect --raw`.
        [HISTORY_KEYS.platforms]: r.platforms.map(p => `${p.platform}=${p.size}/${p.layers}`).join(','),
        [HISTORY_KEYS.buildSeconds]: r.buildSeconds.toFixed(1),
        [HISTORY_KEYS.cacheHitRate]: String(r.cacheHitRate),
        ...(r.previous ? { [HISTORY_KEYS.previous]: r.previous } : {}),
        ...(r.verify ? { [HISTORY_KEYS.verify]: r.verify } : {}),
        ...(r.vulnerabilities ? { [HISTORY_KEYS.vulnerabilities]: (0,_report_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_1__/* .countsAnnotation */ .Yb)(r.vulnerabilities) } : {})
    };
}
/** The record an index's annotations hold; undefined for an index this action did not record. */
function parseRecord(digest, annotations = {}) {
    const built = annotations[HISTORY_KEYS.built];
    const platforms = (annotations[HISTORY_KEYS.platforms] ?? '')
        .split(',')
        .map(pair => /^(.+)=(\d+)\/(\d+)$/.exec(pair))
        .filter(m => m !== null)
        .map(m => ({ platform: m[1], size: Number(m[2]), layers: Number(m[3]) }));
    if (!built || !platforms.length)
        return undefined;
    const verify = annotations[HISTORY_KEYS.verify];
    const vulnerabilities = (0,_report_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCountsAnnotation */ .tI)(annotations[HISTORY_KEYS.vulnerabilities]);
    return {
        digest,
        built,
        ...(annotations[REVISION] ? { revision: annotations[REVISION] } : {}),
        ...(annotations[HISTORY_KEYS.previous] ? { previous: annotations[HISTORY_KEYS.previous] } : {}),
        platforms,
        buildSeconds: Number(annotations[HISTORY_KEYS.buildSeconds] ?? 0),
        cacheHitRate: Number(annotations[HISTORY_KEYS.cacheHitRate] ?? 0),
        ...(verify === 'passed' || verify === 'failed' ? { verify } : {}),
        ...(vulnerabilities ? { vulnerabilities } : {})
    };
}
const mb = (bytes) => Math.round(bytes / 1e5) / 10;
const sizeOf = (r, platform) => r.platforms.find(p => p.platform === platform) ?? r.platforms[0];
const day = (iso) => (Number.isNaN(Date.parse(iso)) ? '?' : new Date(iso).toISOString().slice(0, 10));
const short = (digest) => (digest ? digest.replace(/^sha256:/, '').slice(0, 12) : '');
/** The x-axis names: month-day, numbered when a day has several builds. */
function labels(points, currentLabel) {
    const days = points.map(p => day(p.built).slice(5));
    const named = days.map((d, i) => (days.filter(x => x === d).length > 1 ? `${d} #${days.slice(0, i + 1).filter(x => x === d).length}` : d));
    named[named.length - 1] = currentLabel;
    return named;
}
/** The trend's points in order, and the first platform they are drawn for. */
function points(trend) {
    return { all: [...trend.records, trend.current], platform: trend.current.platforms[0]?.platform ?? '' };
}
const currentLabel = (trend, table = false) => trend.currentLabel ?? (trend.currentPublished ? 'this build' : table ? 'this run (not published)' : 'this run');
/** A Mermaid xychart of the first platform's size, which GitHub renders in summaries and comments. */
function trendChart(trend) {
    const { all, platform } = points(trend);
    const x = labels(all, currentLabel(trend));
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${platform} size (MB), last ${all.length} builds"`,
        `  x-axis [${x.map(l => `"${l}"`).join(', ')}]`,
        '  y-axis "MB"',
        `  line [${all.map(r => mb(sizeOf(r, platform).size)).join(', ')}]`,
        '```'
    ].join('\n');
}
/** The same line as text: one bar per build, from the smallest size in the window up. */
function trendText(trend, width = 30) {
    const { all, platform } = points(trend);
    const sizes = all.map(r => sizeOf(r, platform).size);
    const low = Math.min(...sizes);
    const span = Math.max(...sizes) - low;
    const x = labels(all, currentLabel(trend));
    const labelWidth = Math.max(...x.map(l => l.length));
    return all
        .map((r, i) => {
        // A bar of at least one block, so the smallest build still shows.
        const blocks = span ? 1 + Math.round(((sizes[i] - low) / span) * (width - 1)) : width;
        return `${x[i].padEnd(labelWidth)} ${(0,_report_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(sizes[i]).padStart(9)} ${'█'.repeat(blocks)}`;
    })
        .join('\n');
}
const vulnCell = (v) => v
    ? _report_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.filter(s => s !== 'unknown')
        .map(s => `${v[s]}${s[0].toUpperCase()}`)
        .join(' ')
    : '—';
const signedBytes = (n) => (n > 0 ? `+${(0,_report_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(n)}` : n === 0 ? '0 B' : (0,_report_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(n));
/** One row of cells per build, after a header: when, which, size (and change from the row before), layers, time, hit rate, verify, vulnerabilities. */
function trendRows(trend, mark = t => t) {
    const { all, platform } = points(trend);
    const rows = all.map((r, i) => {
        const size = sizeOf(r, platform);
        const change = i === 0 ? '' : ` (${signedBytes(size.size - sizeOf(all[i - 1], platform).size)})`;
        const current = i === all.length - 1 && !trend.currentLabel;
        return [
            day(r.built),
            current ? mark(currentLabel(trend, true)) : short(r.digest),
            `${(0,_report_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(size.size)}${change}`,
            String(size.layers),
            `${r.buildSeconds.toFixed(1)} s`,
            `${r.cacheHitRate}%`,
            r.verify ?? '—',
            vulnCell(r.vulnerabilities)
        ];
    });
    return [['built', 'build', `size (${platform})`, 'layers', 'build time', 'cache hits', 'verify', 'vulnerabilities'], ...rows];
}
function trendTable(trend) {
    const [header, ...rows] = trendRows(trend, t => `**${t}**`);
    const cells = (row) => `| ${row.join(' | ')} |`;
    const isCurrent = (i) => i === rows.length - 1 && !trend.currentLabel;
    return [
        cells(header),
        '|---|---|---:|---:|---:|---:|---|---|',
        ...rows.map((row, i) => cells(isCurrent(i) ? row : [row[0], `\`${row[1]}\``, ...row.slice(2)]))
    ];
}
/** The trend section of the summary: chart, text fallback, table. */
function trendMarkdown(trend) {
    const { all } = points(trend);
    if (all.length < 2)
        return [];
    const first = all[0];
    const { platform } = points(trend);
    const change = sizeOf(trend.current, platform).size - sizeOf(first, platform).size;
    return [
        `**Trend** (last ${all.length} builds, ${platform}): ${signedBytes(change)} since ${day(first.built)}` +
            (trend.currentPublished ? '' : '; this run shows where the image would sit'),
        '',
        trendChart(trend),
        '',
        '<details><summary>Trend as text</summary>',
        '',
        '```text',
        trendText(trend),
        '```',
        '',
        '</details>',
        '',
        ...trendTable(trend),
        '',
        ...(trend.note ? [`_${trend.note}_`, ''] : [])
    ];
}


/***/ }),

/***/ 969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ changedSince),
/* harmony export */   A7: () => (/* binding */ largestGrowth),
/* harmony export */   UD: () => (/* binding */ compare),
/* harmony export */   yN: () => (/* binding */ compareLayers)
/* harmony export */ });
/**
 * Layers are matched by position when both images have the same number (same Dockerfile
 * shape), else by instruction, so a reviewer sees which step grew.
 */
function compareLayers(current, base) {
    if (!base)
        return current.breakdown.map(l => ({ instruction: l.instruction, size: l.size }));
    const samePosition = base.breakdown.length === current.breakdown.length;
    const unused = [...base.breakdown];
    return current.breakdown.map((layer, i) => {
        const match = samePosition ? base.breakdown[i] : unused.find(b => b.instruction === layer.instruction);
        if (!samePosition && match)
            unused.splice(unused.indexOf(match), 1);
        return { instruction: layer.instruction, size: layer.size, delta: match ? layer.size - match.size : undefined };
    });
}
function compare(current, baseline) {
    return current.map(p => {
        const base = baseline?.platforms.find(b => b.platform === p.platform);
        const report = {
            platform: p.platform,
            digest: p.digest,
            size: p.size,
            layers: p.layers,
            breakdown: compareLayers(p, base)
        };
        if (base) {
            report.baseline = { digest: base.digest, size: base.size, layers: base.layers };
            report.sizeDelta = p.size - base.size;
            report.sizePercent = base.size ? Math.round(((p.size - base.size) / base.size) * 1000) / 10 : 0;
            report.layerDelta = p.layers - base.layers;
        }
        return report;
    });
}
/** The layer that grew most across platforms, for the one-line answer to "what grew?". */
function largestGrowth(platforms) {
    let best;
    for (const p of platforms) {
        for (const layer of p.breakdown) {
            if ((layer.delta ?? 0) > 0 && (!best || layer.delta > best.layer.delta))
                best = { platform: p.platform, layer };
        }
    }
    return best;
}
/**
 * Whether the build differs from the baseline: undefined when there is none to compare with.
 * The same index is unchanged; so is an index whose platform images are all the same ones
 * (attestations, which record each build's own time, may differ).
 */
function changedSince(image, baseline) {
    if (!baseline)
        return undefined;
    if (image.digest === baseline.digest)
        return false;
    const digests = (i) => i.platforms
        .map(p => `${p.platform}@${p.digest}`)
        .sort()
        .join('\n');
    return digests(image) !== digests(baseline);
}


/***/ }),

/***/ 4702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ fitMarkdown),
/* harmony export */   Ic: () => (/* binding */ layerChart),
/* harmony export */   Jt: () => (/* binding */ SUMMARY_LIMIT),
/* harmony export */   W$: () => (/* binding */ COMMENT_LIMIT),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   Yb: () => (/* binding */ nothingToBuildOf),
/* harmony export */   dO: () => (/* binding */ makeReport),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown),
/* harmony export */   eR: () => (/* binding */ stageSeconds)
/* harmony export */ });
/* unused harmony export bar */
/* harmony import */ var _compare_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(969);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(329);
/* harmony import */ var _builder_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3626);
/* harmony import */ var _registry_history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8615);
/* harmony import */ var _vulnerabilities_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3088);
/* harmony import */ var _builder_build_checks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(149);






const seconds = (ms) => Math.round(ms / 100) / 10;
/** Stage timings keep hundredths: several stages take well under a second. */
const stageSeconds = (ms) => Math.round(ms / 10) / 100;
function makeReport(parts) {
    const totals = {
        size: parts.platforms.reduce((s, p) => s + p.size, 0),
        layers: parts.platforms.reduce((s, p) => s + p.layers, 0)
    };
    return { ...parts, totals, breaches: parts.breaches ?? [] };
}
const signedSize = (bytes) => (bytes > 0 ? `+${(0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(bytes)}` : bytes === 0 ? '0 B' : (0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(bytes));
const signed = (n) => (n > 0 ? `+${n}` : String(n));
const code = (text) => `\`${text.replace(/`/g, "'")}\``;
function verdict(platform, report) {
    if (!report.budgets.maxSize && !report.budgets.maxLayers && !report.budgets.maxGrowth)
        return '—';
    const broken = report.breaches.filter(b => b.platform === platform).map(b => b.budget);
    return broken.length ? `❌ ${broken.join(', ')}` : '✅';
}
const day = (iso) => (iso && !Number.isNaN(Date.parse(iso)) ? ` (made ${new Date(iso).toISOString().slice(0, 10)})` : '');
/** What a run that built nothing reports: the image it kept (a platform's, or the record's index) and when and from what that was built. */
function nothingToBuildOf(record, digest = record.digest, verify = record.verify) {
    return { digest, built: record.built, ...(record.revision ? { revision: record.revision } : {}), ...(verify ? { verify } : {}) };
}
function nothingToBuildLine(n) {
    const from = n.revision ? ` from ${code(n.revision.slice(0, 12))}` : '';
    return `**Nothing to build**: the same inputs as ${code(n.digest)}${day(n.built).replace('made', 'built')}${from}; the tags point at it.`;
}
function baselineLine(b, changed) {
    switch (b.status) {
        case 'found':
            return changed === false
                ? `**Unchanged** since ${code(b.ref)}${day(b.created)}: the same image, digest for digest.`
                : `Compared with ${code(b.ref)}.`;
        case 'missing':
            return `No published image at ${code(b.ref)} yet: every platform is new.`;
        case 'unavailable':
            return `The baseline ${code(b.ref)} could not be read (${b.reason}); no comparison.`;
        default:
            return 'No baseline comparison.';
    }
}
const BAR_WIDTH = 30;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** A bar of `value / max` of the full width, in eighths of a character. */
function bar(value, max, width = BAR_WIDTH) {
    const eighths = max > 0 ? Math.round((value / max) * width * 8) : 0;
    return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8] || (value > 0 ? '▏' : '');
}
/** The largest layers of a platform as a text chart: reads the same in a PR and in a terminal. */
function layerChart(platform, count = 8) {
    const largest = [...platform.breakdown].sort((a, b) => b.size - a.size).slice(0, count);
    const max = largest[0]?.size ?? 0;
    const sizes = largest.map(l => (0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(l.size));
    const sizeWidth = Math.max(...sizes.map(s => s.length), 0);
    const rows = largest.map((l, i) => {
        const instruction = l.instruction.length > 60 ? `${l.instruction.slice(0, 59)}…` : l.instruction;
        const delta = l.delta === undefined ? (platform.baseline ? '  (new layer)' : '') : l.delta !== 0 ? `  (${signedSize(l.delta)})` : '';
        return `${sizes[i].padStart(sizeWidth)} ${bar(l.size, max).padEnd(BAR_WIDTH)} ${instruction}${delta}`;
    });
    return ['```text', ...rows, '```'].join('\n');
}
function summaryMarkdown(report) {
    const over = report.breaches.length > 0;
    const failedVerify = [report.verify, ...(report.variants ?? []).map(v => v.verify)].some(v => v && (0,_builder_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyFailures */ .$)(v).length > 0);
    const trouble = [over ? 'over budget' : '', failedVerify ? 'verify failed' : ''].filter(Boolean).join(', ');
    const lines = [
        report.nothingToBuild
            ? `### CI base image — nothing to build${trouble ? ` — ${trouble}` : ''}`
            : `### CI base image ${report.pushed ? 'pushed' : 'built'}${trouble ? ` — ${trouble}` : report.changed === false ? ' — unchanged' : ''}`,
        '',
        '| platform | size | Δ size | layers | Δ layers | budget |',
        '|---|---:|---:|---:|---:|---|',
        ...report.platforms.map(p => [
            p.platform,
            (0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(p.size),
            p.sizeDelta === undefined ? 'new' : `${signedSize(p.sizeDelta)} (${(0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .signedPercent */ .wu)(p.sizePercent ?? 0)})`,
            String(p.layers),
            p.layerDelta === undefined ? 'new' : signed(p.layerDelta),
            verdict(p.platform, report)
        ]
            .join(' | ')
            .replace(/^/, '| ') + ' |'),
        '',
        report.nothingToBuild ? nothingToBuildLine(report.nothingToBuild) : baselineLine(report.baseline, report.changed),
        '',
        ...(report.baseline.status === 'found' && report.rebuildReasons?.length
            ? [`**Why it built** ${report.rebuildReasons.join('; ')}`, '']
            : []),
        `**Build time** ${report.buildTime.toFixed(1)} s · **cache hit rate** ${report.cacheHitRate}% ` +
            `(${report.steps.cached} of ${report.steps.steps} steps cached)`,
        ''
    ];
    if (report.builtOn?.length)
        lines.push(`**Built on** ${report.builtOn.map(b => `${b.platform}: ${code(b.node)} (${b.native ? 'native' : 'emulated'})`).join(' · ')}`, '');
    if (report.vulnerabilities)
        lines.push(`**Vulnerabilities** (${report.vulnerabilities.format} report): ${(0,_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_3__/* .countsText */ .WN)(report.vulnerabilities.counts)}`, '');
    if (report.checks?.length)
        lines.push((0,_builder_build_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .checksMarkdown */ .pW)(report.checks, false));
    if (report.variants?.length)
        lines.push(...variantsMarkdown(report), '');
    const grew = (0,_compare_js__WEBPACK_IMPORTED_MODULE_5__/* .largestGrowth */ .A7)(report.platforms);
    if (grew)
        lines.push(`**Grew most:** ${code(grew.layer.instruction)} ${signedSize(grew.layer.delta)} on ${grew.platform}`, '');
    if (report.trend)
        lines.push(...(0,_registry_history_js__WEBPACK_IMPORTED_MODULE_1__/* .trendMarkdown */ .P3)(report.trend));
    if (report.growth)
        lines.push(...growthMarkdown(report, report.growth));
    if (over)
        lines.push('**Budget exceeded**', '', ...report.breaches.map(b => `- ${b.message}`), '');
    if (report.verify)
        lines.push(...(0,_builder_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyMarkdown */ .vB)(report.verify));
    const first = report.platforms[0];
    if (first?.breakdown.length)
        lines.push(`**Largest layers** (${first.platform})`, '', layerChart(first), '');
    if (report.digest)
        lines.push(`**Digest** ${code(report.digest)}`, '');
    if (report.tags.length)
        lines.push('**Tags**', '', ...report.tags.map(t => `- ${code(t)}`), '');
    if (report.caches?.length)
        lines.push('<details><summary>Caches</summary>', '', '| cache | read | written |', '|---|---|---|', ...report.caches.map(c => `| ${[c.cache, c.read, c.written].map(cell => cell.replace(/\|/g, '\\|')).join(' | ')} |`), '', '</details>', '');
    if (report.stages.length) {
        lines.push('<details><summary>Stage timings</summary>', '', '| stage | seconds |', '|---|---:|', ...report.stages.map(s => `| ${s.stage} | ${s.seconds.toFixed(2)} |`), '', '</details>', '');
    }
    return lines.join('\n');
}
/** The variants beside the main image: first platform's size and layers, against the main image and their own baseline. */
function variantsMarkdown(report) {
    const main = report.platforms[0];
    const row = (name, target, p, vsMain, checks) => `| ${name} | ${target ? code(target) : '—'} | ${p ? (0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(p.size) : '—'} | ${vsMain} | ${p?.layers ?? '—'} | ${p?.sizeDelta === undefined ? 'new' : signedSize(p.sizeDelta)} | ${checks} |`;
    const checks = (v) => (v ? ((0,_builder_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyFailures */ .$)(v).length ? '❌' : '✅') : '—');
    return [
        `**Variants** (${main?.platform ?? ''})`,
        '',
        '| image | target | size | vs main | layers | Δ own baseline | verify |',
        '|---|---|---:|---:|---:|---:|---|',
        row('main', '', main, '—', checks(report.verify)),
        ...(report.variants ?? []).map(v => row(v.name, v.target, v.platforms[0], signedSize(v.sizeVsMain), checks(v.verify)))
    ];
}
/** Which step grew, against the baseline and against the oldest build of the trend. */
function growthMarkdown(report, growth) {
    const first = report.platforms[0];
    if (!first)
        return [];
    const rows = first.breakdown
        .map((l, i) => ({ l, since: growth.layers[i] }))
        .filter(({ l, since }) => (l.delta ?? 0) !== 0 || (since?.delta ?? 0) !== 0 || since?.delta === undefined)
        .slice(0, 10);
    if (!rows.length)
        return [];
    const cell = (d) => (d === undefined ? 'new' : signedSize(d));
    return [
        `**Growth by step** (${first.platform})`,
        '',
        `| step | size | vs baseline | since ${growth.since} |`,
        '|---|---:|---:|---:|',
        ...rows.map(({ l, since }) => `| ${code(l.instruction.length > 60 ? `${l.instruction.slice(0, 59)}…` : l.instruction)} | ${(0,_size_js__WEBPACK_IMPORTED_MODULE_0__/* .humanSize */ .Xe)(l.size)} | ${cell(l.delta)} | ${cell(since?.delta)} |`),
        ''
    ];
}
/** GitHub's limits: a comment body in characters, a step summary in bytes. */
const COMMENT_LIMIT = 65_536;
const SUMMARY_LIMIT = 1024 * 1024;
// What goes first when the report is too long: the parts that repeat per layer, per stage, per tag.
const CUTS = [
    [/<details><summary>Trend as text<\/summary>[\s\S]*?<\/details>\n?/, 'the trend as text'],
    [/\*\*Growth by step\*\*[^\n]*\n\n(?:\|.*\n)+\n?/, 'the growth by step'],
    [/\*\*Largest layers\*\*[^\n]*\n\n```text\n[\s\S]*?```\n\n?/, 'the layer chart'],
    [/<details><summary>Stage timings<\/summary>[\s\S]*?<\/details>\n?/, 'the stage timings'],
    [/<details><summary>Caches<\/summary>[\s\S]*?<\/details>\n?/, 'the cache table'],
    [/\*\*Tags\*\*\n\n(?:- .*\n)+\n?/, 'the tag list'],
    [/### Build checks\n\n[^\n]*\n\n(?:\|.*\n)+\n?/, 'the build checks table'],
    [/\*\*Verify\*\*[\s\S]*?\n\n(?:```text[\s\S]*?```\n\n?)?/, 'the verify grid']
];
/** The report cut to fit `fits` (a platform service's limit), tables first, with a note of what was left out. */
function fitMarkdown(markdown, fits, limit) {
    if (fits(markdown))
        return markdown;
    let text = markdown;
    const dropped = [];
    for (const [cut, name] of CUTS) {
        if (fits(text))
            break;
        if (cut.test(text)) {
            text = text.replace(cut, '');
            dropped.push(name);
        }
    }
    const note = (what) => `\n_Left out to stay within ${limit}: ${what}._\n`;
    if (fits(text + note(dropped.join(', '))))
        return text + note(dropped.join(', '));
    // Still too long: the head of the report (the platform table first) as far as it fits.
    let end = text.length;
    while (end > 0 && !fits(text.slice(0, end) + note(`${[...dropped, 'the rest'].join(', ')}`)))
        end = Math.floor(end * 0.9);
    return text.slice(0, end) + note([...dropped, 'the rest'].join(', '));
}


/***/ }),

/***/ 5404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ig: () => (/* binding */ engineFacts),
/* harmony export */   L6: () => (/* binding */ engineCall),
/* harmony export */   TO: () => (/* binding */ readDockerConfig),
/* harmony export */   d8: () => (/* binding */ dockerCredentials),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2897);
// The docker CLI's configuration the action runs with: where it keeps its config, the
// credentials `docker login` stored, and what the daemon can do.






const dockerConfigDir = (env) => env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.homedir)(), '.docker');
/** The CLI's config.json; empty when there is none. */
function readDockerConfig(env) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dockerConfigDir(env), 'config.json'), 'utf8'));
    }
    catch {
        return {};
    }
}
/**
 * One request to the engine's API over its local socket: the answer's status and body, or
 * undefined when docker talks to an engine elsewhere (or the socket does not answer in 5 s).
 */
function engineCall(env, method, path) {
    const socket = localDockerSocket(env);
    if (!socket)
        return Promise.resolve(undefined);
    return new Promise(resolve => {
        const req = (0,node_http__WEBPACK_IMPORTED_MODULE_2__.request)({ socketPath: socket, method, path, timeout: 5000 }, res => {
            let body = '';
            res.on('data', chunk => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', () => resolve(undefined));
        req.on('timeout', () => req.destroy());
        req.end();
    });
}
/** The daemon's /info over its local socket (milliseconds), or through the CLI when docker talks elsewhere. */
async function engineFacts(run, env) {
    const answer = await engineCall(env, 'GET', '/info');
    if (answer?.status === 200) {
        const info = answer.body;
        // Read as JSON: "Name" is also a plugin's and a runtime's key inside it.
        const top = parsedOrEmpty(info);
        const text = (value) => (typeof value === 'string' ? value : undefined);
        return {
            containerdStore: info.includes('io.containerd.snapshotter'),
            ...named('version', text(top.ServerVersion)),
            ...named('name', text(top.Name))
        };
    }
    const info = await (0,_docker_js__WEBPACK_IMPORTED_MODULE_5__/* .mustRun */ .Pv)(run, ['info', '--format', '{{json .DriverStatus}} {{.Name}} {{.ServerVersion}}'], 'Reading docker info', {
        quiet: true
    });
    const words = info.stdout.trim().split(' ');
    return {
        containerdStore: info.stdout.includes('io.containerd.snapshotter'),
        ...named('version', words.at(-1)),
        ...named('name', words.at(-2))
    };
}
/** The engine's /info answer as an object; an unreadable one gives no name or version. */
function parsedOrEmpty(info) {
    try {
        const value = JSON.parse(info);
        return typeof value === 'object' && value !== null ? value : {};
    }
    catch {
        return {};
    }
}
const named = (key, value) => (value ? { [key]: value } : {});
function localDockerSocket(env) {
    if (env.DOCKER_CONTEXT)
        return undefined;
    if (env.DOCKER_HOST)
        return env.DOCKER_HOST.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : undefined;
    const context = readDockerConfig(env).currentContext;
    if (context && context !== 'default')
        return undefined;
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)('/var/run/docker.sock') ? '/var/run/docker.sock' : undefined;
}
/** The login `docker login` stored for a host: in config.json, or through its credential helper. */
async function dockerCredentials(host, env) {
    const key = host === 'docker.io' ? 'https://index.docker.io/v1/' : host;
    const config = readDockerConfig(env);
    const helper = config.credHelpers?.[key] ?? config.credsStore;
    if (helper) {
        const out = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(`docker-credential-${helper}`, ['get'], {
            input: Buffer.from(key),
            silent: true,
            ignoreReturnCode: true
        })
            .then(r => (r.exitCode === 0 ? r.stdout : ''))
            .catch(() => '');
        if (out) {
            const { Username, Secret } = JSON.parse(out);
            return { username: Username, password: Secret };
        }
    }
    const auth = config.auths?.[key]?.auth;
    if (!auth)
        return undefined;
    const plain = Buffer.from(auth, 'base64').toString('utf8');
    return { username: plain.slice(0, plain.indexOf(':')), password: plain.slice(plain.indexOf(':') + 1) };
}


/***/ }),

/***/ 1893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ http),
/* harmony export */   T: () => (/* binding */ setRequestTimeout)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
// A small HTTP client for the registry API on node:http(s). Node's fetch loads its HTTP stack
// (undici) on first use, about 40 ms here: more than all of `inspect`'s requests together.
// Redirects are followed for reads, without credentials when they leave the host (blob
// downloads go to storage that rejects them); a request that hangs is cut off.

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
let requestTimeoutMs = 120_000;
/** The run's `registry-timeout`: how long any registry request may go unanswered. */
function setRequestTimeout(ms) {
    requestTimeoutMs = ms;
}
// TLS is loaded the first time a registry needs it (about 20 ms): a loopback registry never does.
const httpsRequest = async () => (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).request;
async function once(url, req) {
    const send = url.protocol === 'https:' ? await httpsRequest() : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
    return new Promise((resolve, reject) => {
        const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
        // A connection of its own per request: a registry that answers before reading a body (an
        // early error) leaves a kept-alive connection that the next try must not inherit.
        const headers = { ...req.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
        const r = send(url, { method: req.method ?? 'GET', agent: false, headers, signal: req.signal }, resolve);
        const limit = req.timeoutMs ?? requestTimeoutMs;
        r.setTimeout(limit, () => r.destroy(new Error(`timed out after ${limit / 1000} s (registry-timeout)`)));
        r.on('error', (e) => reject(new Error(`${req.method ?? 'GET'} ${url.host}${url.pathname}: ${networkReason(e)}`, { cause: e })));
        r.end(body);
    });
}
/** Node's words for a dropped connection ("socket hang up") said plainly. */
function networkReason(e) {
    if (e.code === 'ECONNRESET' || /socket hang up/.test(e.message))
        return `the connection was reset (${e.message})`;
    if (e.code === 'ECONNREFUSED')
        return 'connection refused';
    return e.message;
}
function collect(res) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
    });
}
async function http(address, req = {}) {
    let url = new URL(address);
    const headers = { ...req.headers };
    let res = await once(url, { ...req, headers });
    for (let hops = 0; REDIRECTS.has(res.statusCode ?? 0) && res.headers.location && hops < 5; hops++) {
        res.resume();
        const next = new URL(res.headers.location, url);
        if (next.host !== url.host)
            delete headers.Authorization;
        url = next;
        res = await once(url, { ...req, method: req.method === 'HEAD' ? 'HEAD' : 'GET', body: undefined, headers });
    }
    const status = res.statusCode ?? 0;
    const body = req.method === 'HEAD' ? Promise.resolve(Buffer.alloc(0)) : collect(res);
    if (req.method === 'HEAD')
        res.resume();
    return {
        status,
        statusText: res.statusMessage ?? '',
        ok: status >= 200 && status < 300,
        headers: { get: name => [res.headers[name.toLowerCase()]].flat()[0] ?? null },
        text: async () => (await body).toString('utf8'),
        json: async () => JSON.parse((await body).toString('utf8')),
        bytes: async () => new Uint8Array(await body)
    };
}


/***/ }),

/***/ 3393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ optionalReadsBudgetMs),
/* harmony export */   Ot: () => (/* binding */ OptionalReads),
/* harmony export */   oc: () => (/* binding */ OPTIONAL_READS_BUDGET_MS)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// Reads a run can do without (the baseline, the published release tags, the history) share one
// time budget. A registry that accepts connections and never answers would otherwise hold a PR
// check for each request's timeout times its retries times the requests. When the budget is
// spent, the read in flight is cut off, one warning says what was given up, and every later
// optional read is skipped: the run goes on without them. The push is not one of these.

/** What all optional reads of a run may cost together. */
const OPTIONAL_READS_BUDGET_MS = 30_000;
/** A run's budget: 30 s, or registry-timeout where that is shorter (no optional read outlasts what one request may take). */
const optionalReadsBudgetMs = (registryTimeoutMs) => Math.min(OPTIONAL_READS_BUDGET_MS, registryTimeoutMs || Infinity);
class OptionalReads {
    budgetMs;
    warn;
    clock;
    spentMs = 0;
    exhausted = false;
    constructor(budgetMs, warn, clock = () => performance.now()) {
        this.budgetMs = budgetMs;
        this.warn = warn;
        this.clock = clock;
    }
    /** Whether the budget ran out (later reads are skipped). */
    get spent() {
        return this.exhausted;
    }
    /**
     * Run one optional read with what is left of the budget. `read` gets a signal that aborts
     * when the budget runs out; the read is abandoned then even if it ignores the signal.
     * Returns `undefined` when the read was cut off or skipped; a read's own error is thrown.
     */
    async read(what, read) {
        if (this.exhausted)
            return undefined;
        const controller = new AbortController();
        const started = this.clock();
        let timer;
        const outOfTime = new Promise((_, reject) => {
            timer = setTimeout(() => {
                // The race is lost first, then the read is told: whatever it does on abort comes too late.
                reject(new OutOfTime());
                controller.abort();
            }, Math.max(0, this.budgetMs - this.spentMs));
        });
        try {
            return await Promise.race([read(controller.signal), outOfTime]);
        }
        catch (e) {
            if (!(e instanceof OutOfTime) && !controller.signal.aborted)
                throw e;
            this.exhausted = true;
            this.warn(`The registry did not answer the optional reads within ${this.budgetMs / 1000} s in all (${what} was in flight: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(e)}); going on without them. ` +
                'The build, the push and the tags are not affected; the report lacks what those reads would have added.');
            return undefined;
        }
        finally {
            clearTimeout(timer);
            this.spentMs += this.clock() - started;
        }
    }
}
class OutOfTime extends Error {
    constructor() {
        super('no answer before the time for optional reads ran out');
    }
}


/***/ }),

/***/ 952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   ML: () => (/* binding */ writeRecordedIndex),
/* harmony export */   UZ: () => (/* binding */ copyIndex),
/* harmony export */   gP: () => (/* binding */ lacking)
/* harmony export */ });
/* harmony import */ var _core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(594);
/* harmony import */ var _core_registry_history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8615);
/* harmony import */ var _core_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7882);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7345);
/* harmony import */ var _core_registry_attestations_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6836);
// The history kept on the published images (see core/history.ts): a build's metrics written
// onto its index before its tags move, and the chain of earlier builds read back from the
// registry, one index manifest per build.






/**
 * Up to `count` builds, newest first as walked, starting at `ref` (the baseline tag) and
 * following each index's link to the one before. An optional read: it gives up within the
 * run's budget, and a link that cannot be read ends the walk with a note instead of an error.
 */
async function readHistory(ref, count, env, reads) {
    if (!ref || count <= 0)
        return { records: [] };
    const walked = [];
    let note;
    let oldest;
    const done = await reads.read(`the history behind ${ref}`, async (signal) => {
        const clientOf = (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_2__/* .clientsFor */ .US)(env, undefined, signal);
        let next = ref;
        while (next && walked.length < count) {
            const at = next;
            const repository = (0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryOf */ ._M)(at);
            let raw;
            try {
                raw = await clientOf(repository).manifest((0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .tagOf */ .cO)(at));
            }
            catch (e) {
                // The first read is the baseline's, which the report speaks of already: no history then.
                if (walked.length)
                    note = `The history stops at ${at}: ${e instanceof _registry_client_js__WEBPACK_IMPORTED_MODULE_2__/* .NotFoundError */ .m_ ? 'it is no longer in the registry' : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(e)}.`;
                return;
            }
            const digest = at.includes('@') ? at.slice(at.indexOf('@') + 1) : (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(raw);
            const record = (0,_core_registry_history_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRecord */ .Hh)(digest, (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(raw, at).annotations);
            if (!record)
                return;
            if (walked.some(r => r.digest === record.digest))
                return;
            walked.push(record);
            oldest = `${repository}@${digest}`;
            next = record.previous;
        }
    });
    if (done === undefined && !walked.length && reads.spent)
        note = 'The history could not be read in time.';
    return { records: walked.reverse(), ...(note ? { note } : {}), ...(oldest ? { oldest } : {}) };
}
/**
 * The built image as one index carrying `annotations`, written by digest to each repository;
 * returns its digest, which the tags then point at. An index keeps its manifests (and any
 * attestations) and gains the annotations; a single manifest is wrapped in an index of one, so
 * its own digest, which `changed` compares, stays what the build made.
 */
async function writeRecordedIndex(clientOf, repositories, built, annotations, platform, warn, 
/** Leave the builder's attestation manifests out: they go beside the index, as its referrers. */
withoutAttestations = false) {
    const source = clientOf(repositories[0]);
    const { bytes, mediaType } = await (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_2__/* .readBack */ .e7)(`${repositories[0]}@${built}`, () => source.manifestBytes(built), warn);
    const top = (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(bytes, `${repositories[0]}@${built}`);
    const [os, architecture, variant] = platform.split('/');
    const manifests = (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndex */ .nw)(top) ? top.manifests.filter(d => !withoutAttestations || !(0,_core_registry_attestations_js__WEBPACK_IMPORTED_MODULE_3__/* .isAttestation */ .H3)(d)) : [];
    if (!(0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndex */ .nw)(top))
        manifests.push({
            mediaType: top.mediaType ?? mediaType,
            digest: built,
            size: bytes.length,
            platform: { os, architecture, ...(variant ? { variant } : {}) }
        });
    const index = {
        schemaVersion: 2,
        mediaType: _core_registry_attestations_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p,
        manifests,
        annotations: { ...((0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndex */ .nw)(top) ? top.annotations : {}), ...annotations }
    };
    const written = new TextEncoder().encode(JSON.stringify(index));
    const digest = (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(Buffer.from(written).toString('utf8'));
    await Promise.all(repositories.map(async (repository) => {
        const client = clientOf(repository);
        if (!(await client.manifestDigest(digest)))
            await client.putManifest(digest, written, _core_registry_attestations_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p);
    }));
    return digest;
}
/** The repositories that do not hold a manifest by this digest. */
async function lacking(clientOf, repositories, digest) {
    const held = await Promise.all(repositories.map(r => clientOf(r).manifestDigest(digest)));
    return repositories.filter((_, i) => !held[i]);
}
/** An index already in the registry (the baseline's), copied by digest to each repository that lacks it. */
async function copyIndex(clientOf, from, repositories) {
    const digest = from.slice(from.indexOf('@') + 1);
    const missing = await lacking(clientOf, repositories, digest);
    if (!missing.length)
        return;
    const { bytes, mediaType } = await clientOf((0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryOf */ ._M)(from)).manifestBytes(digest);
    await Promise.all(missing.map(r => clientOf(r).putManifest(digest, bytes, mediaType)));
}


/***/ }),

/***/ 8942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bf: () => (/* binding */ registrySource),
/* harmony export */   MP: () => (/* binding */ readFreshImage),
/* harmony export */   mF: () => (/* binding */ readBaseline),
/* harmony export */   pM: () => (/* binding */ ociLayoutSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _host_docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2897);
/* harmony import */ var _core_builder_args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9170);
/* harmony import */ var _core_registry_image_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(594);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7345);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4296);
/* harmony import */ var _core_registry_reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7882);
// Where image manifests are read from: the registry after a push (or the published baseline),
// or the OCI layout the build wrote.








/**
 * Images in a registry: over its HTTP API with docker's credentials, and through buildx's
 * imagetools (which knows every registry setup docker does) when that cannot answer.
 */
function registrySource(run, repository, env, onRetry, signal) {
    const http = (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_5__/* .clientFor */ .$V)(repository, env, onRetry, signal);
    const at = (refOrDigest) => (refOrDigest.startsWith('sha256:') ? `${repository}@${refOrDigest}` : refOrDigest);
    const either = async (fast, slow) => {
        try {
            return await fast();
        }
        catch (e) {
            // A read whose time ran out is over: imagetools would wait on the same silent registry.
            if (e instanceof _registry_client_js__WEBPACK_IMPORTED_MODULE_5__/* .NotFoundError */ .m_ || signal?.aborted)
                throw e;
            return slow();
        }
    };
    return {
        manifest: refOrDigest => either(() => http.manifest((0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .tagOf */ .cO)(refOrDigest)), async () => (await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .mustRun */ .Pv)(run, (0,_core_builder_args_js__WEBPACK_IMPORTED_MODULE_3__/* .inspectRawArgs */ .qr)(at(refOrDigest)), `Reading manifest ${at(refOrDigest)}`, { quiet: true })).stdout),
        config: (manifestDigest, manifest) => either(async () => (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageConfig */ .FB)(await http.blob(manifest.config.digest)), async () => (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageConfig */ .FB)((await (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .mustRun */ .Pv)(run, (0,_core_builder_args_js__WEBPACK_IMPORTED_MODULE_3__/* .inspectConfigArgs */ .ey)(at(manifestDigest)), `Reading image config ${at(manifestDigest)}`, { quiet: true }))
            .stdout))
    };
}
/** An OCI image layout on disk, read by digest: the layout is kept across runs and holds many images. */
function ociLayoutSource(dir) {
    const blob = (digest) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), 'utf8');
    return {
        manifest: async (digest) => {
            if (!digest.startsWith('sha256:'))
                throw new Error(`An OCI layout is read by digest, not by '${digest}'`);
            return blob(digest);
        },
        config: async (_digest, manifest) => (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageConfig */ .FB)(await blob(manifest.config.digest))
    };
}
/** The published image to compare with, an optional read. Not there yet is no error: the report says "new". */
async function readBaseline(run, ref, order, env, reads) {
    if (!ref)
        return { ref, status: 'none' };
    try {
        const image = await reads.read(`the baseline ${ref}`, signal => (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_4__/* .readImage */ .AM)(registrySource(run, (0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryOf */ ._M)(ref), env, undefined, signal), ref, order));
        return image
            ? { ref, status: 'found', image }
            : { ref, status: 'unavailable', reason: 'the registry did not answer in time', warned: true };
    }
    catch (e) {
        const reason = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .g)(e);
        if (e instanceof _registry_client_js__WEBPACK_IMPORTED_MODULE_5__/* .NotFoundError */ .m_ || /not found|manifest unknown|404/i.test(reason))
            return { ref, status: 'missing' };
        return { ref, status: 'unavailable', reason: reason.split('\n').filter(Boolean).pop() };
    }
}
/** An image just pushed, read back (see readBack: a registry's reads may lag its writes). */
const readFreshImage = (source, ref, order, warn) => (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_5__/* .readBack */ .e7)(ref, () => (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_4__/* .readImage */ .AM)(source, ref, order), warn);


/***/ }),

/***/ 7345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $V: () => (/* binding */ clientFor),
/* harmony export */   US: () => (/* binding */ clientsFor),
/* harmony export */   e7: () => (/* binding */ readBack),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   m_: () => (/* binding */ NotFoundError)
/* harmony export */ });
/* unused harmony exports MANIFEST_TYPES, RegistryClient */
/* harmony import */ var _core_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7882);
/* harmony import */ var _host_docker_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5404);
/* harmony import */ var _host_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1893);
/* harmony import */ var _core_host_http_headers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4723);
/* harmony import */ var _core_registry_image_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(594);
// The distribution HTTP API, with docker's own credentials (config.json or a credential
// helper) and the token dance registries ask for: manifest and config reads for the report
// (milliseconds, where a `docker buildx imagetools` process costs ~100 ms), and the writes
// that publish an image by digest and then point its tags at it.





const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
class NotFoundError extends Error {
}
/** A registry's answer that was not a success: its status, and how long it asked to be left alone. */
class RegistryError extends Error {
    status;
    retryAfterMs;
    constructor(message, status, retryAfterMs) {
        super(message);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }
}
const DEFAULT_RETRIES = { attempts: 4, baseMs: 1000, maxWaitMs: 30_000 };
// 429 and 5xx are the registry's own word that it may answer later; a dropped or silent
// connection likewise. A 4xx other than 429 is the request's fault and is not tried again.
const retryable = (e) => e instanceof RegistryError
    ? e.status === 429 || e.status >= 500
    : /connection was reset|timed out|connection refused|EPIPE|ETIMEDOUT|ECONNRESET|socket hang up/i.test(String(e?.message));
class RegistryClient {
    ref;
    credentials;
    retries;
    authorization;
    constructor(ref, credentials, retries = DEFAULT_RETRIES) {
        this.ref = ref;
        this.credentials = credentials;
        this.retries = retries;
    }
    /** One operation, tried again with backoff while the registry's failure is one that passes. */
    async retrying(what, operation) {
        const { attempts, baseMs, maxWaitMs, onRetry, signal, sleep = ms => abortableSleep(ms, signal) } = this.retries;
        for (let attempt = 1;; attempt++) {
            try {
                return await operation();
            }
            catch (e) {
                if (attempt >= attempts || !retryable(e) || signal?.aborted) {
                    if (attempt > 1 && retryable(e))
                        e.message += ` (gave up after ${attempt} tries)`;
                    throw e;
                }
                const asked = e instanceof RegistryError ? e.retryAfterMs : undefined;
                const wait = Math.min(asked ?? baseMs * 2 ** (attempt - 1), maxWaitMs);
                onRetry?.(`${e.message}; trying ${what} again in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s${asked !== undefined ? ' (as Retry-After asked)' : ''}, attempt ${attempt + 1} of ${attempts}`);
                await sleep(wait);
            }
        }
    }
    async manifest(reference) {
        return this.retrying(`GET manifest ${reference}`, async () => (await this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { headers: { Accept: MANIFEST_TYPES } })).text());
    }
    /** A manifest's exact bytes and media type: what a tag is pointed at has to be byte-identical. */
    async manifestBytes(reference) {
        return this.retrying(`GET manifest ${reference}`, async () => {
            const res = await this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { headers: { Accept: MANIFEST_TYPES } });
            return { bytes: await res.bytes(), mediaType: res.headers.get('content-type') ?? '' };
        });
    }
    /** Every tag of the repository (following the registry's pages); none when it does not exist yet. */
    async tags() {
        const tags = [];
        let next = `/v2/${this.ref.repository}/tags/list?n=1000`;
        while (next) {
            const page = next;
            const res = await this.retrying('GET tags', () => this.call(page, { accept: [404] }));
            if (res.status === 404)
                return tags;
            const listed = fieldOf(await res.json(), 'tags');
            if (Array.isArray(listed))
                tags.push(...listed.filter((t) => typeof t === 'string'));
            const link = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
            next = link ? (link.startsWith('/') ? link : new URL(link).pathname + new URL(link).search) : undefined;
        }
        return tags;
    }
    async blob(digest) {
        return this.retrying(`GET blob ${digest}`, async () => (await this.call(`/v2/${this.ref.repository}/blobs/${digest}`, { headers: { Accept: '*/*' } })).text());
    }
    /** The digest a tag (or digest) resolves to, or '' when the registry has no such manifest. */
    async manifestDigest(reference) {
        const res = await this.retrying(`HEAD manifest ${reference}`, () => this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES }, accept: [404] }));
        return res.status === 404 ? '' : (res.headers.get('docker-content-digest') ?? '');
    }
    async hasBlob(digest) {
        return (await this.blobSize(digest)) !== undefined;
    }
    /** A blob's size as the registry has it; undefined when it has no such blob. */
    async blobSize(digest) {
        const res = await this.retrying(`HEAD blob ${digest}`, () => this.call(`/v2/${this.ref.repository}/blobs/${digest}`, { method: 'HEAD', accept: [404] }));
        return res.status === 404 ? undefined : Number(res.headers.get('content-length') ?? 0);
    }
    /** A monolithic upload: one POST for a session, one PUT with the bytes and their digest. */
    async uploadBlob(digest, bytes) {
        // A failed upload leaves its session unusable: a retry starts a new one.
        await this.retrying(`upload of blob ${digest}`, async () => {
            const session = await this.call(`/v2/${this.ref.repository}/blobs/uploads/`, { method: 'POST', headers: { 'Content-Length': '0' } });
            const location = new URL(session.headers.get('location') ?? '', `${this.ref.base}/`);
            location.searchParams.set('digest', digest);
            await this.call(location.toString(), { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });
        });
    }
    /** Returns the registry's OCI-Subject header: set when it took a manifest's subject into its referrers API. */
    async putManifest(reference, bytes, mediaType) {
        const res = await this.retrying(`PUT manifest ${reference}`, () => this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body: bytes }));
        return res.headers.get('oci-subject') ?? '';
    }
    /** The referrers of a manifest from the registry's referrers API; undefined when it has none (then the tag schema holds them). */
    async referrers(digest) {
        const res = await this.retrying(`GET referrers ${digest}`, () => this.call(`/v2/${this.ref.repository}/referrers/${digest}`, {
            headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
            accept: [404, 400, 405]
        }));
        if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/vnd.oci.image.index.v1+json'))
            return undefined;
        return (0,_core_registry_image_js__WEBPACK_IMPORTED_MODULE_2__/* .parseIndex */ .A1)(await res.text(), `the referrers of ${digest}`).manifests;
    }
    async call(pathOrUrl, call) {
        const url = pathOrUrl.startsWith('/') ? `${this.ref.base}${pathOrUrl}` : pathOrUrl;
        const method = call.method ?? 'GET';
        const what = `${method} ${new URL(url).pathname}`;
        for (let attempt = 0; attempt < 2; attempt++) {
            const res = await (0,_host_http_js__WEBPACK_IMPORTED_MODULE_1__/* .http */ .L)(url, {
                method,
                body: call.body,
                headers: { ...call.headers, ...(this.authorization ? { Authorization: this.authorization } : {}) },
                signal: this.retries.signal
            });
            // A token for reading does not allow a push: the registry's challenge names the scope it wants.
            if (res.status === 401 && attempt === 0) {
                await this.authenticate(res.headers.get('www-authenticate') ?? '');
                continue;
            }
            if (res.ok || call.accept?.includes(res.status))
                return res;
            const detail = await res.text().catch(() => '');
            if (res.status === 404)
                throw new NotFoundError(`${this.ref.host}/${this.ref.repository}: ${url.split('?')[0].split('/').pop()} not found`);
            throw new RegistryError(`${this.ref.host}: ${what} answered ${res.status} ${res.statusText}${detail ? `: ${detail.trim().slice(0, 300)}` : ''}`, res.status, (0,_core_host_http_headers_js__WEBPACK_IMPORTED_MODULE_3__/* .retryAfterMs */ .V)(res.headers.get('retry-after')));
        }
        throw new Error(`${this.ref.host}: not authorized for ${what} in ${this.ref.repository}`);
    }
    async authenticate(header) {
        const { scheme, params } = (0,_core_host_http_headers_js__WEBPACK_IMPORTED_MODULE_3__/* .parseChallenge */ .x)(header);
        const creds = await this.credentials();
        const basic = creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : undefined;
        if (scheme === 'basic') {
            this.authorization = basic;
            return;
        }
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', params.scope ?? `repository:${this.ref.repository}:pull`);
        const res = await (0,_host_http_js__WEBPACK_IMPORTED_MODULE_1__/* .http */ .L)(url, { headers: basic ? { Authorization: basic } : {}, signal: this.retries.signal });
        if (!res.ok)
            throw new Error(`${this.ref.host}: token request answered ${res.status} ${res.statusText}`);
        const body = await res.json();
        const token = [fieldOf(body, 'token'), fieldOf(body, 'access_token')].find((t) => typeof t === 'string' && t !== '');
        if (!token)
            throw new Error(`${this.ref.host}: the token service answered without a token`);
        this.authorization = `Bearer ${token}`;
    }
}
/** One field of a JSON answer, whatever the answer is (an object or not). */
const fieldOf = (json, key) => typeof json === 'object' && json !== null ? json[key] : undefined;
/** A wait that ends early, and fails, when the signal aborts. */
function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new Error('aborted'));
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
    });
}
/**
 * A client for one repository, signed in with docker's own credentials for its registry;
 * `onRetry` hears of each retry, and `signal` cuts every request off (optional reads).
 */
function clientFor(repository, env, onRetry, signal) {
    const ref = (0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRepository */ .SU)(repository);
    return new RegistryClient(ref, () => (0,_host_docker_config_js__WEBPACK_IMPORTED_MODULE_0__/* .dockerCredentials */ .d8)(ref.host, env), { ...DEFAULT_RETRIES, onRetry, signal });
}
/** One client per repository, made when first asked for: the requests to a repository share its token. */
function clientsFor(env, onRetry, signal) {
    const clients = new Map();
    return repository => {
        if (!clients.has(repository))
            clients.set(repository, clientFor(repository, env, onRetry, signal));
        return clients.get(repository);
    };
}
/**
 * A read of what was just pushed: some registries answer MANIFEST_UNKNOWN for a moment after a
 * push (their reads lag their writes), so "not found" is asked again, 1, 2 and 3 s later.
 */
async function readBack(what, read, warn, sleep = (ms) => new Promise(r => setTimeout(r, ms))) {
    for (let attempt = 1;; attempt++) {
        try {
            return await read();
        }
        catch (e) {
            if (!(e instanceof NotFoundError) || attempt >= 4)
                throw e;
            warn(`${what} is not readable yet right after its push (${e.message}); reading again in ${attempt} s`);
            await sleep(attempt * 1000);
        }
    }
}


/***/ })

};
