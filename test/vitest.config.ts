/**
 * One config for the whole suite: `npx vitest run --config test/vitest.config.ts`.
 * Projects: unit and ui run without Docker; engine, e2e and reliability share a private dockerd started by
 * test/support/global-setup.ts (or BERTH_TEST_DOCKER_HOST) and run one file at a time.
 *
 * Every project renders through the Ink that ships: berth's patches of Ink (source/ink-patches/)
 * are swapped in by the same table the bundle applies (scripts/ink-patches.mjs), and, as the
 * bundle does, the config refuses an Ink other than the one they were written against. For
 * that, Ink (and ink-testing-library, so that it renders with that same Ink) goes through
 * Vite's resolver instead of being loaded by Node as node_modules are by default.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defineConfig, type Plugin} from 'vitest/config';
import {checkInk, inkDirectory, inkPatchFor} from '../scripts/ink-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const globalSetup = ['test/support/global-setup.ts'];

checkInk(root);
const inkBuild = path.join(inkDirectory(root), 'build');
/** Run through Vite rather than loaded by Node: Ink, and ink-testing-library so that it renders with that Ink. */
const inlined = /[\\/]node_modules[\\/](ink|ink-testing-library)[\\/]/;
const inkPatches: Plugin = {
	name: 'ink-patches',
	enforce: 'pre',
	resolveId: (specifier, importer) => inkPatchFor(root, inkBuild, specifier, importer),
	// Their builds name source maps of sources they do not ship: Vite would warn for each file.
	load: id => (inlined.test(id) && id.endsWith('.js') ? readFileSync(id, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n') : undefined),
};

export default defineConfig({
	root,
	plugins: [inkPatches],
	test: {
		server: {deps: {inline: [inlined]}},
		projects: [
			{
				extends: true,
				test: {name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}']},
			},
			{
				extends: true,
				// Generous: the machines are shared, and a loaded one renders slowly.
				test: {name: 'ui', include: ['test/ui/**/*.test.{ts,tsx}'], testTimeout: 20_000},
			},
			{
				extends: true,
				test: {
					name: 'engine',
					include: ['test/engine/**/*.test.{ts,tsx}'],
					globalSetup,
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 90_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.{ts,tsx}'],
					globalSetup,
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 90_000,
				},
			},
			{
				// The reliability checklist (the README's Reliability section lists each
				// test). Files run one at a time; the fault tests start, stop and kill a private
				// dockerd of their own, the others share the suite's daemon. The pty tests run the
				// built binary: npm run build first. Nothing here is retried: a deadline that holds
				// one try in three does not hold.
				extends: true,
				test: {
					name: 'reliability',
					include: ['test/reliability/**/*.test.{ts,tsx}'],
					globalSetup,
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 180_000,
				},
			},
		],
	},
});
