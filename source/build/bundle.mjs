/**
 * Builds dist/cli.js: one ESM file with everything but node's own modules (loading one file is
 * much faster than resolving hundreds). Two parts of Ink's rendering are swapped for faster
 * ones with the same results: its internal Output class (source/terminal/fast-output.ts says
 * why; test/unit/fast-output.test.ts checks that both make the same frames) and the widest-line
 * package (source/terminal/widest-line.ts; test/unit/fast-output.test.ts compares them too).
 */
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = path => fileURLToPath(new URL(path, new URL('../../', import.meta.url)));

const inkOutput = {
	name: 'ink-output',
	setup(build) {
		build.onResolve({filter: /^\.\/output\.js$/}, args =>
			/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer) ? {path: at('source/terminal/fast-output.ts')} : undefined,
		);
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
	plugins: [inkOutput],
	logLevel: 'warning',
	minifyWhitespace: true,
	minifySyntax: true,
	metafile: true,
});
const replaced = Object.keys(result.metafile.inputs).some(input => input.endsWith('source/terminal/fast-output.ts'));
if (!replaced) {
	console.error('bundle: Ink\'s output.js was not replaced (did Ink\'s layout change?)');
	process.exit(1);
}
