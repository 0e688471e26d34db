/**
 * One config for the whole suite: `npx vitest run --config test/vitest.config.ts`.
 * Projects: unit and ui run without Docker; engine and e2e share a private dockerd started by
 * test/support/global-setup.ts (or BERTH_TEST_DOCKER_HOST) and run one file at a time.
 */
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const globalSetup = ['test/support/global-setup.ts'];

export default defineConfig({
	root,
	test: {
		projects: [
			{
				extends: true,
				test: {name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}']},
			},
			{
				extends: true,
				test: {name: 'ui', include: ['test/ui/**/*.test.{ts,tsx}']},
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
		],
	},
});
