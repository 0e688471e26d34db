/**
 * Builds dist/: berth's bundle and the loader that runs it.
 *
 * dist/berth.bundle.js holds everything but node's own modules (loading one file is much
 * faster than resolving hundreds), as the body of one async function: node's built-in modules
 * come from the `require` it is given and `import.meta` is its `__berthImportMeta` argument,
 * so it has no import statement and compiles as a script. dist/cli.js (source/build/loader.ts)
 * compiles it through V8's code cache and calls it (the loader says why and how).
 *
 * Parts of Ink's rendering are swapped for ones with the same results: its internal Output
 * class (faster: source/terminal/fast-output.ts says why), its text measuring and wrapping
 * (bounded caches instead of ones that grow forever: source/terminal/measure-text.ts,
 * wrap-text.ts) and the widest-line package (cached: source/terminal/widest-line.ts).
 * test/unit/fast-output.test.ts compares each with the original.
 */
import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {builtinModules} from 'node:module';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = path => fileURLToPath(new URL(path, new URL('../../', import.meta.url)));

/** Ink's internal modules that berth replaces, by the name Ink imports them with. */
const replaced = {
	'./output.js': 'source/terminal/fast-output.ts',
	'./measure-text.js': 'source/terminal/measure-text.ts',
	'./wrap-text.js': 'source/terminal/wrap-text.ts',
};

const inkInternals = {
	name: 'ink-internals',
	setup(build) {
		build.onResolve({filter: /^\.\/(output|measure-text|wrap-text)\.js$/}, args =>
			/[\\/]ink[\\/]build[\\/][^\\/]+\.js$/.test(args.importer) ? {path: at(replaced[args.path])} : undefined,
		);
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
 * Packages the lifecycle loads on first use with import() (source/archive/lazy-modules.ts): kept
 * out of the bundle, so nothing of them is read or run at start-up, and loaded through the
 * loader's `require` (the bundle is a script: it has no module loader for a real import()).
 */
const lazyPackages = /^(dockerode|tar-fs|tar-stream|@balena\/dockerignore)(\/.*)?$/;
const lazyFromRequire = {
	name: 'lazy-from-require',
	setup(build) {
		build.onResolve({filter: lazyPackages}, args => (args.namespace === 'lazy' ? {path: args.path, external: true} : {path: args.path, namespace: 'lazy'}));
		build.onLoad({filter: /.*/, namespace: 'lazy'}, args => ({contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js'}));
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
		'react-devtools-core': './source/build/devtools-stub.ts',
		// docker-modem loads it for an ssh transport berth does not use (it dials ssh itself).
		ssh2: './source/build/ssh2-stub.ts',
		// Ink measures every text node on every frame with it; berth's copy remembers.
		'widest-line': './source/terminal/widest-line.ts',
	},
	plugins: [inkInternals, yogaWithoutFetch, builtinsFromRequire, lazyFromRequire],
	logLevel: 'warning',
	minifyWhitespace: true,
	minifySyntax: true,
	metafile: true,
});
const inputs = Object.keys(result.metafile.inputs);
for (const [name, file] of Object.entries(replaced)) {
	if (!inputs.some(input => input.endsWith(file))) {
		console.error(`bundle: Ink's ${name} was not replaced (did Ink's layout change?)`);
		process.exit(1);
	}
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
	entryPoints: ['source/build/loader.ts'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	outfile: 'dist/cli.js',
	banner: {js: '#!/usr/bin/env node'},
	logLevel: 'warning',
});
