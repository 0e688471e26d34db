/**
 * Reuses the test helpers (test/support/dockerd.ts and pty.ts) without a TypeScript runtime:
 * they are transpiled with the project's own `typescript` into bench/out/support/ (gitignored)
 * and imported from there. No code is copied; a change to the helpers reaches the bench.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const benchDir = path.join(repoRoot, 'bench');
export const outDir = path.join(benchDir, 'out');

const require = createRequire(import.meta.url);

function transpile(name) {
	const ts = require('typescript');
	// The helpers import each other as './x.js' (NodeNext): the transpiled copies are '.mjs'.
	const source = readFileSync(path.join(repoRoot, 'test', 'support', `${name}.ts`), 'utf8').replace(/(from '\.\/[\w-]+)\.js'/g, "$1.mjs'");
	const {outputText} = ts.transpileModule(source, {
		compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false},
		fileName: `${name}.ts`,
	});
	const dir = path.join(outDir, 'support');
	mkdirSync(dir, {recursive: true});
	const file = path.join(dir, `${name}.mjs`);
	writeFileSync(file, outputText);
	return pathToFileURL(file).href;
}

/** {startPrivateDockerd, ensureFixtureImage, dockerCli} from test/support/dockerd.ts. */
export async function loadDockerd() {
	return import(transpile('dockerd'));
}

/** {spawnPty} from test/support/pty.ts (pass `cwd` explicitly: its repoRoot points elsewhere once transpiled). */
export async function loadPty() {
	return import(transpile('pty'));
}

/** {startSshd, freePort} from test/support/sshd.ts. */
export async function loadSshd() {
	return import(transpile('sshd'));
}

/** {startRegistry, freePort, ...} from test/support/registry.ts (it imports dockerd.ts: transpiled too). */
export async function loadRegistry() {
	transpile('dockerd');
	return import(transpile('registry'));
}
