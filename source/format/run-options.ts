/**
 * The full run and create forms (`R`, `n`): everything `docker run` offers that people use,
 * checked field by field before anything reaches the engine.
 */
import type {RestartPolicyName, RunContainerOptions} from '../engine/types.js';
import type {RunMode} from './cli-for.js';
import {parseBinds, parseEnv, parsePorts, splitCommand} from './run-form.js';

export const restartChoices: readonly RestartPolicyName[] = ['no', 'always', 'unless-stopped', 'on-failure'];
export const removeChoices = ['no', 'yes'] as const;
export const modeChoices: readonly RunMode[] = ['detached', 'attached', 'interactive'];
/** docker create: a plain container, or one made with -it for `docker start -a -i` (U) later. */
export const createModeChoices = ['plain', 'interactive'] as const;

export type FullRunCheck = {ok: true; image: string; options: RunContainerOptions; mode: RunMode} | {ok: false; field: string; reason: string};

/** A reference the engine can look up: no spaces or control characters (the engine says the rest). */
function imageProblem(image: string): string | undefined {
	if (image === '') return 'type the image to run, e.g. busybox:latest';
	if (/\s/.test(image)) return 'an image reference has no spaces';
	return undefined;
}

/** Checks the form's values (by field key); the first problem comes back with its field. */
export function checkFullRunForm(values: Record<string, string>): FullRunCheck {
	const image = (values['image'] ?? '').trim();
	const bad = imageProblem(image);
	if (bad) return {ok: false, field: 'image', reason: bad};
	const name = (values['name'] ?? '').trim();
	if (name && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return {ok: false, field: 'name', reason: 'names use letters, digits, _ . - and start with a letter or digit'};
	const cmd = splitCommand((values['command'] ?? '').trim());
	if (typeof cmd === 'string') return {ok: false, field: 'command', reason: cmd};
	const ports = parsePorts(values['ports'] ?? '');
	if (typeof ports === 'string') return {ok: false, field: 'ports', reason: ports};
	const variables = parseEnv(values['env'] ?? '');
	if (typeof variables === 'string') return {ok: false, field: 'env', reason: variables};
	const binds = parseBinds(values['volumes'] ?? '');
	if (typeof binds === 'string') return {ok: false, field: 'volumes', reason: binds};
	const workingDir = (values['workdir'] ?? '').trim();
	if (workingDir && !workingDir.startsWith('/')) return {ok: false, field: 'workdir', reason: 'the working directory must be absolute (start with /)'};
	const user = (values['user'] ?? '').trim();
	if (user && !/^[\w.-]+(:[\w.-]+)?$/.test(user)) return {ok: false, field: 'user', reason: 'write user or user:group (names or numeric ids)'};
	const restart = (values['restart'] ?? 'no') as RestartPolicyName;
	const mode: RunMode = values['mode'] === 'interactive' || values['mode'] === 'attached' ? values['mode'] : 'detached';
	const autoRemove = values['rm'] === 'yes';
	if (autoRemove && restart !== 'no') return {ok: false, field: 'rm', reason: '--rm and a restart policy cannot go together (the engine refuses it)'};
	const options: RunContainerOptions = {
		name: name || undefined,
		cmd,
		ports,
		env: variables,
		binds,
		workingDir: workingDir || undefined,
		user: user || undefined,
		restart: restart === 'no' ? undefined : {name: restart},
		autoRemove: autoRemove || undefined,
		...(mode === 'interactive' ? {tty: true, openStdin: true} : {}),
	};
	return {ok: true, image, options, mode};
}
