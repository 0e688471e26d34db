/**
 * Builds dist/: berth's bundle and the loader that runs it.
 *
 * dist/berth.bundle.js holds everything but node's own modules (loading one file is much
 * faster than resolving hundreds), as the body of one async function: node's built-in modules
 * come from the `require` it is given and `import.meta` is its `__berthImportMeta` argument,
 * so it has no import statement and compiles as a script. dist/cli.js (source/cli/loader.ts)
 * compiles it through V8's code cache and calls it (the loader says why and how).
 *
 * Parts of Ink's rendering are swapped for ones with the same results (source/ink-patches/:
 * its internal Output class, faster; its text measuring and wrapping, with bounded caches
 * instead of ones that grow forever; the widest-line package, cached). ink-patches.mjs holds
 * the table of what replaces what, which the test projects apply too (test/vitest.config.ts),
 * and refuses any Ink but the one the patches were written against: the build fails then.
 * test/unit/ink-patches.test.ts compares each patch with the original.
 */
import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {builtinModules} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {writeGenerated} from './config-schema.mjs';
import {checkInk, inkDirectory, inkPatches, inkPatchFor, patchedSpecifiers} from './ink-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = file => path.join(root, file);

try {
	checkInk(root);
} catch (error) {
	console.error(`bundle: ${error.message}`);
	process.exit(1);
}

// The config's schema and its validator, compiled now so that berth compiles nothing at start-up.
if (await writeGenerated()) console.log('bundle: config.schema.json and source/config/generated/validate-config.ts rewritten');

const inkBuild = path.join(inkDirectory(root), 'build');
/** Each patched import seen, as `importer specifier`: all of the table's must be (checked below). */
const patchedImports = new Set();
const inkPatchesPlugin = {
	name: 'ink-patches',
	setup(build) {
		build.onResolve({filter: patchedSpecifiers}, args => {
			const patch = inkPatchFor(root, inkBuild, args.path, args.importer);
			if (!patch) return undefined;
			patchedImports.add(`${path.basename(args.importer)} ${args.path}`);
			return {path: patch};
		});
	},
};

/**
 * yoga-layout's Emscripten loader fetches its WebAssembly from a data: URL when `fetch`
 * exists, and node's fetch loads undici at first use: about 50–85 ms of start-up and 8 MB
 * (bench/RESULTS.md). Without a `fetch` in its scope it decodes the same base64 itself.
 */
const yogaFile = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
let yogaPatched = false;
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad({filter: yogaFile}, args => {
			const text = readFileSync(args.path, 'utf8');
			if (!text.includes('"function"!=typeof fetch')) return undefined;
			yogaPatched = true;
			return {contents: `var fetch = undefined;\n${text}`, loader: 'js'};
		});
	},
};

/** node's built-in modules, taken from the `require` the loader passes in (no import statements). */
const builtins = new Set(builtinModules);
const builtinsFromRequire = {
	name: 'builtins-from-require',
	setup(build) {
		build.onResolve({filter: /^[^./]/}, args => {
			const name = args.path.replace(/^node:/, '');
			if (!builtins.has(name)) return undefined;
			if (args.namespace === 'builtin') return {path: args.path, external: true};
			return {path: name, namespace: 'builtin'};
		});
		build.onLoad({filter: /.*/, namespace: 'builtin'}, args => ({contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`, loader: 'js'}));
	},
};

/**
 * Packages the lifecycle loads on first use with import() (source/engine/archive/lazy-modules.ts): kept
 * out of the bundle, so nothing of them is read or run at start-up, and loaded through the
 * loader's `require` (the bundle is a script: it has no module loader for a real import()).
 */
const lazyPackages = /^(tar-fs|tar-stream|@balena\/dockerignore)(\/.*)?$/;
const lazyFromRequire = {
	name: 'lazy-from-require',
	setup(build) {
		build.onResolve({filter: lazyPackages}, args => (args.namespace === 'lazy' ? {path: args.path, external: true} : {path: args.path, namespace: 'lazy'}));
		build.onLoad({filter: /.*/, namespace: 'lazy'}, args => ({contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js'}));
	},
};

/**
 * dockerode is bundled (it is how berth talks to the engine), without what berth never uses:
 * its BuildKit session and progress (lib/session.js, lib/buildkit.js: gRPC and protobuf, about
 * 60 ms of start-up) are a stub, and the tar, .dockerignore and zlib modules its lib/util.js
 * requires at load (for its own build context packing) are loaded only if a property of them is
 * read (never: berth packs build contexts itself, source/engine/archive/).
 */
const dockerodeLib = /[\\/]node_modules[\\/]dockerode[\\/]lib[\\/]/;
let dockerodeTrimmed = 0;
const dockerodeWithoutBuildKit = {
	name: 'dockerode-without-buildkit',
	setup(build) {
		build.onResolve({filter: /^\.\/(session|buildkit)(\.js)?$/}, args => {
			if (!dockerodeLib.test(args.importer)) return undefined;
			dockerodeTrimmed++;
			return {path: at('source/stubs/dockerode-session.ts')};
		});
		build.onResolve({filter: lazyPackages}, args => {
			if (!dockerodeLib.test(args.importer)) return undefined;
			return {path: args.path, namespace: 'lazy-proxy'};
		});
		// zlib too (its build context gzip): node's zlib module is not loaded at start-up otherwise.
		build.onResolve({filter: /^(node:)?zlib$/}, args => (dockerodeLib.test(args.importer) ? {path: 'node:zlib', namespace: 'lazy-proxy'} : undefined));
		build.onLoad({filter: /.*/, namespace: 'lazy-proxy'}, args => ({
			contents: `let loaded; const load = () => (loaded ??= require(${JSON.stringify(args.path)})); module.exports = new Proxy({}, {get: (_, key) => load()[key]});`,
			loader: 'js',
		}));
	},
};

const result = await esbuild.build({
	absWorkingDir: root,
	entryPoints: ['cli.tsx'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	outfile: 'dist/berth.bundle.js',
	define: {'process.env.NODE_ENV': '"production"', 'import.meta': '__berthImportMeta'},
	alias: {
		// Ink loads it only for React DevTools in development mode.
		'react-devtools-core': './source/stubs/react-devtools-core.ts',
		// docker-modem loads it for an ssh transport berth does not use (it dials ssh itself).
		ssh2: './source/stubs/ssh2.ts',
		// Ink's React DevTools connection (DEV mode) is its only user.
		ws: './source/stubs/ws.ts',
	},
	plugins: [inkPatchesPlugin, yogaWithoutFetch, dockerodeWithoutBuildKit, builtinsFromRequire, lazyFromRequire],
	logLevel: 'warning',
	minifyWhitespace: true,
	minifySyntax: true,
	metafile: true,
});
const missed = inkPatches.flatMap(({specifier, importers}) => importers.map(importer => `${importer} ${specifier}`)).filter(site => !patchedImports.has(site));
if (missed.length > 0) {
	console.error(`bundle: these imports of Ink's were not patched (did Ink's layout change? see scripts/ink-patches.mjs): ${missed.join(', ')}`);
	process.exit(1);
}
if (dockerodeTrimmed < 2) {
	console.error("bundle: dockerode's lib/session.js and lib/buildkit.js were not both replaced (did dockerode's layout change? see dockerodeWithoutBuildKit)");
	process.exit(1);
}
if (!yogaPatched) {
	console.error("bundle: yoga-layout's wasm loader was not found or has changed (see yogaWithoutFetch)");
	process.exit(1);
}
const statements = Object.values(result.metafile.outputs)[0].imports.filter(i => i.external && i.kind === 'import-statement');
if (statements.length > 0) {
	console.error(`bundle: the bundle must have no import statements (it is compiled as a function body): ${statements.map(i => i.path).join(', ')}`);
	process.exit(1);
}

// esbuild keeps cli.tsx's #! line, which is no JavaScript inside a function: make it a comment.
const bundleFile = at('dist/berth.bundle.js');
const bundled = readFileSync(bundleFile, 'utf8');
if (bundled.startsWith('#!')) writeFileSync(bundleFile, `//${bundled.slice(2)}`);
chmodSync(bundleFile, 0o644);

await esbuild.build({
	absWorkingDir: root,
	entryPoints: ['source/cli/loader.ts'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	outfile: 'dist/cli.js',
	banner: {js: '#!/usr/bin/env node'},
	logLevel: 'warning',
});
