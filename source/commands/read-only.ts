/**
 * Read-only mode (`--read-only`, `readOnly: true`): berth only looks. A command that changes an
 * engine, a registry or the docker CLI's config is unavailable and says why; exec and attach
 * (and the user's custom commands) are off unless the config's `readOnly.allow` names them.
 */
import type {ReadOnlySetting} from '../config/config-types.js';
import type {Command} from './types.js';

const changes: Record<string, string> = {
	engine: 'it changes the engine',
	registry: 'it changes a registry',
	'docker-config': "it changes the docker CLI's config",
};

/** Why read-only mode refuses the command, or undefined when it may run. */
export function readOnlyRefusal(command: Command, readOnly: ReadOnlySetting | undefined): string | undefined {
	if (!readOnly?.enabled || command.effect === 'none') return undefined;
	if (command.effect === 'session' || command.effect === 'custom') {
		const name = command.effect === 'custom' ? command.label : command.id;
		if (readOnly.allow.includes(name)) return undefined;
		return `Read-only mode: ${command.label} is off (readOnly.allow: [${name}] in the config turns it on)`;
	}
	return `Read-only mode: no ${command.label} (${changes[command.effect] ?? 'it changes something'})`;
}

/**
 * What is wrong with `readOnly.allow`: each entry must be an exec or attach command's id or a
 * custom command's name (a command that changes something is never allowed).
 */
export function allowProblems(allow: readonly string[], commands: readonly Command[], customNames: readonly string[]): Array<{path: Array<string | number>; message: string}> {
	const problems: Array<{path: Array<string | number>; message: string}> = [];
	allow.forEach((name, index) => {
		const command = commands.find(c => c.id === name);
		if (command?.effect === 'session' || (!command && customNames.includes(name))) return;
		const allowed = commands.filter(c => c.effect === 'session').map(c => c.id);
		const message = command
			? command.effect === 'none'
				? `${name} only looks: read-only mode leaves it on already`
				: `${name} ${(changes[command.effect] ?? 'it changes something').replace(/^it /, '')}: read-only mode never allows it`
			: `no exec or attach command has the id ${JSON.stringify(name)}, and no custom command that name (allowed: ${allowed.join(', ')}, or a custom command's name)`;
		problems.push({path: ['readOnly', 'allow', index], message});
	});
	return problems;
}
