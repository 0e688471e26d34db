/**
 * berth's patches of Ink (source/ink-patches/), as one table that both the bundle
 * (scripts/bundle.mjs) and the test projects (test/vitest.config.ts) apply, so that the tests
 * render through the very stack that ships and the two cannot drift apart.
 *
 * Each entry names a module as Ink's code imports it, the files of Ink's build/ that import it
 * that way, and the patch that replaces it there. Only those imports are redirected: a patch
 * or a differential test that imports Ink's original by path (node_modules/ink/build/output.js)
 * gets the original, and so does anything else that imports widest-line.
 *
 * The patches were written against one Ink version (source/ink-patches/ink-version.json);
 * checkInk() refuses any other, and a package.json that does not pin that version exactly.
 */
import {readFileSync, realpathSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

export const inkPatches = [
	{specifier: './output.js', importers: ['renderer.js'], patch: 'source/ink-patches/fast-output.ts'},
	{specifier: './measure-text.js', importers: ['dom.js'], patch: 'source/ink-patches/measure-text.ts'},
	{specifier: './wrap-text.js', importers: ['dom.js', 'render-node-to-output.js'], patch: 'source/ink-patches/wrap-text.ts'},
	{specifier: 'widest-line', importers: ['render-node-to-output.js'], patch: 'source/ink-patches/widest-line.ts'},
];

/** Matches every specifier in the table (esbuild's onResolve filter). */
export const patchedSpecifiers = new RegExp(`^(${inkPatches.map(({specifier}) => specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);

const versionFile = 'source/ink-patches/ink-version.json';

/** The directory of the Ink that `root`'s code resolves (node_modules/ink). */
export function inkDirectory(root) {
	const entry = createRequire(path.join(root, 'package.json')).resolve('ink');
	return realpathSync(path.dirname(path.dirname(entry)));
}

/**
 * Throws, saying what to do, unless package.json pins Ink to the version the patches were
 * written against, exactly, and that version is the one installed. Returns the version.
 */
export function checkInk(root) {
	const wanted = JSON.parse(readFileSync(path.join(root, versionFile), 'utf8')).ink;
	const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies?.ink;
	const installed = JSON.parse(readFileSync(path.join(inkDirectory(root), 'package.json'), 'utf8')).version;
	const port =
		`To move to another Ink: compare each patch in source/ink-patches/ with that Ink's build/output.js, measure-text.js, ` +
		`wrap-text.js and its imports (scripts/ink-patches.mjs lists them), run test/unit/ink-patches.test.ts, then set ${versionFile} and package.json's pin together.`;
	if (pinned !== wanted) {
		throw new Error(`berth's Ink patches were written against ink ${wanted} (${versionFile}), but package.json asks for "ink": ${JSON.stringify(pinned)}; pin "ink": "${wanted}" exactly. ${port}`);
	}
	if (installed !== wanted) {
		throw new Error(`berth's Ink patches were written against ink ${wanted} (${versionFile}), but node_modules holds ink ${installed}; run npm ci. ${port}`);
	}
	return wanted;
}

/**
 * The patch file (absolute) that replaces `specifier` when Ink's file `importer` imports it,
 * or undefined when this import is not patched. `inkBuild` is inkDirectory(root)/build.
 */
export function inkPatchFor(root, inkBuild, specifier, importer) {
	if (!importer) return undefined;
	const file = importer.replace(/[?#].*$/, '');
	if (path.dirname(file) !== inkBuild) return undefined;
	const name = path.basename(file);
	const entry = inkPatches.find(patch => patch.specifier === specifier && patch.importers.includes(name));
	return entry ? path.join(root, entry.patch) : undefined;
}
