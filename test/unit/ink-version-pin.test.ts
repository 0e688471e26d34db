/**
 * The build and the test config refuse an Ink other than the one berth's patches were written
 * against (scripts/ink-patches.mjs checkInk, which scripts/bundle.mjs and test/vitest.config.ts
 * call first): checked here on a throw-away project with a chosen pin and installed version.
 */
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {checkInk} from '../../scripts/ink-patches.mjs';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function project(pinned: string, installed: string): string {
	const root = mkdtempSync(path.join(os.tmpdir(), 'berth-ink-pin-'));
	dirs.push(root);
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
		writeFileSync(path.join(root, file), text);
	};
	write('package.json', JSON.stringify({name: 'x', type: 'module', dependencies: {ink: pinned}}));
	write('source/ink-patches/ink-version.json', JSON.stringify({ink: '6.8.0'}));
	write('node_modules/ink/package.json', JSON.stringify({name: 'ink', version: installed, type: 'module', exports: {default: './build/index.js'}}));
	write('node_modules/ink/build/index.js', 'export {};\n');
	return root;
}

describe("the Ink version berth's patches were written for", () => {
	it('is accepted pinned exactly and installed', () => {
		expect(checkInk(project('6.8.0', '6.8.0'))).toBe('6.8.0');
	});

	it('refuses another installed Ink, naming both versions', () => {
		expect(() => checkInk(project('6.8.0', '6.8.1'))).toThrow(/written against ink 6\.8\.0 .* node_modules holds ink 6\.8\.1; run npm ci/);
		expect(() => checkInk(project('6.8.0', '7.0.0'))).toThrow(/holds ink 7\.0\.0/);
	});

	it('refuses a pin that is not that exact version, even with the right Ink installed', () => {
		expect(() => checkInk(project('^6.8.0', '6.8.0'))).toThrow(/package\.json asks for "ink": "\^6\.8\.0"; pin "ink": "6\.8\.0" exactly/);
		expect(() => checkInk(project('6.8.1', '6.8.0'))).toThrow(/pin "ink": "6\.8\.0" exactly/);
	});
});
