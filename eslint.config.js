// berth's lint: typescript-eslint's recommended rules, React's hooks rules, and the layering
// the code is built on (README "How the code is laid out"): only source/engine talks to Docker
// (dockerode, docker-modem, ssh), the UI draws state and imports no engine values, and the
// state and commands stay free of React and of the engine.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const engineOnly = ['dockerode', 'dockerode/*', 'docker-modem', 'docker-modem/*', 'ssh2', 'tar-fs', 'tar-stream'];
const restricted = (patterns, message) => ({patterns: [{group: patterns, message}]});
/**
 * Every module of source/engine but its types (types.ts at the top, each folder's types.ts and
 * *-types.ts) and the pure modules named in `pure` (paths below source/engine).
 */
const engineInternals = pure => ['**/engine/*.js', '**/engine/**/*.js', '!**/engine/types.js', '!**/engine/**/types.js', '!**/engine/**/*-types.js', '!**/engine/*-types.js', ...pure.map(file => `!**/engine/${file}`)];

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'bench/out/**', 'coverage/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			'@typescript-eslint/consistent-type-imports': ['error', {prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false}],
			'no-control-regex': 'off',
		},
	},
	{
		files: ['source/**/*.{ts,tsx}', 'cli.tsx'],
		ignores: ['source/engine/**', 'source/stubs/**'],
		rules: {'no-restricted-imports': ['error', restricted(engineOnly, 'Only source/engine talks to Docker.')]},
	},
	{
		// Hooks are the bridge to the controller; components only draw.
		files: ['source/ui/**/*.{ts,tsx}', 'source/hooks/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{group: engineOnly, message: 'Only source/engine talks to Docker.'},
					// transport/errors.js: the wording of an unreachable engine (pure text).
					{group: engineInternals(['transport/errors.js']), allowTypeImports: true, message: 'The UI imports engine types only (the controller owns the engine).'},
				],
			}],
		},
	},
	{
		files: ['source/ui/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{group: engineOnly, message: 'Only source/engine talks to Docker.'},
					{group: engineInternals(['transport/errors.js']), allowTypeImports: true, message: 'The UI imports engine types only (the controller owns the engine).'},
					{group: ['**/controller/*'], allowTypeImports: true, message: 'The UI draws state; the controller is reached through use-controller.'},
				],
			}],
		},
	},
	{
		files: ['source/state/**/*.ts', 'source/kinds/**/*.ts', 'source/commands/**/*.ts', 'source/format/**/*.ts', 'source/text/**/*.ts', 'source/input/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{group: engineOnly, message: 'Only source/engine talks to Docker.'},
					{group: ['react', 'ink', 'ink/*', '**/ui/*'], message: 'State, commands and formatting are plain TypeScript, free of React.'},
					// transport/timestamps.js and transport/errors.js are pure (event times, error words).
					{group: engineInternals(['transport/errors.js', 'transport/timestamps.js', 'images/registry-names.js', 'io/bytes.js']), allowTypeImports: true, message: 'Engine types only here; the controller runs engine calls.'},
				],
			}],
		},
	},
	{
		// The engine is the bottom layer: nothing outside source/engine (its folders are one deep).
		files: ['source/engine/*.ts'],
		rules: {'no-restricted-imports': ['error', restricted(['../*', '../**'], 'The engine is the bottom layer: it imports nothing of berth outside source/engine.')]},
	},
	{
		files: ['source/engine/*/*.ts'],
		rules: {'no-restricted-imports': ['error', restricted(['../../*', '../../**'], 'The engine is the bottom layer: it imports nothing of berth outside source/engine.')]},
	},
	{
		files: ['test/**/*.{ts,tsx}', 'bench/**/*.{js,mjs,ts}', 'scripts/**/*.{js,mjs}'],
		rules: {'@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off'},
	},
);
