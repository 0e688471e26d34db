/**
 * Builds dist/cli.js: one ESM file with everything but node's own modules (loading one file is
 * much faster than resolving hundreds). Parts of Ink's rendering are swapped for ones with the
 * same results: its internal Output class (faster: source/terminal/fast-output.ts says why),
 * its text measuring and wrapping (bounded caches instead of ones that grow forever:
 * source/terminal/measure-text.ts, wrap-text.ts) and the widest-line package (cached:
 * source/terminal/widest-line.ts). test/unit/fast-output.test.ts compares each with the original.
 */
import {readFileSync} from 'node:fs';
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

const result = await esbuild.build({
	absWorkingDir: root,
	entryPoints: ['cli.tsx'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	outfile: 'dist/cli.js',
	define: {'process.env.NODE_ENV': '"production"'},
	// dockerode is a dependency for its types and API; berth talks through docker-modem (bundled).
	external: ['dockerode'],
	alias: {
		// Ink loads it only for React DevTools in development mode.
		'react-devtools-core': './source/build/devtools-stub.ts',
		// docker-modem loads it for an ssh transport berth does not use (it dials ssh itself).
		ssh2: './source/build/ssh2-stub.ts',
		// Ink measures every text node on every frame with it; berth's copy remembers.
		'widest-line': './source/terminal/widest-line.ts',
	},
	banner: {js: "import {createRequire as __berthRequire} from 'node:module'; const require = __berthRequire(import.meta.url);"},
	plugins: [inkInternals, yogaWithoutFetch],
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
