/**
 * The contexts view's source for the real berth: the contexts `docker context ls` lists (with
 * berth's flags and environment), their engines checked in the background, `docker context use`,
 * and switching berth to other contexts without a restart (cli.tsx makes the new engine and
 * screen; this decides where they connect).
 */
import type {ContextsSource} from '../commands/command-services.js';
import {checkContexts, type ContextCheck} from '../engine/contexts/context-check.js';
import {listContexts, useContext, type DockerContext} from '../engine/contexts/contexts.js';
import type {Target} from '../engine/hosts/targets.js';
import type {CarriedState, ContextRow} from '../state/contexts-types.js';

export interface ContextsSourceOptions {
	env: Record<string, string | undefined>;
	homedir: string;
	/** berth's --host and --context flags: they decide which context is "current" at start. */
	host?: string;
	contexts?: string[];
	/** The contexts berth shows at start. */
	inUse: string[];
	/** Shows these targets from now on (a new engine and screen). */
	show(targets: Target[], carry: CarriedState): void;
}

export function createContextsSource(options: ContextsSourceOptions): ContextsSource {
	let inUse = [...options.inUse];
	// After a switch berth's flags no longer say which context is current: the environment does.
	let flags: {host?: string; contexts?: string[]} = {host: options.host, contexts: options.contexts};
	let checks: {stop(): void} | undefined;
	const list = () => listContexts({env: options.env, homedir: options.homedir, ...flags});

	return {
		list() {
			const {contexts, problems} = list();
			return {rows: contexts.map(context => rowOf(context, inUse.includes(context.name))), problems};
		},
		check(names, onResult) {
			checks?.stop();
			const wanted = list().contexts.filter(context => names.includes(context.name));
			checks = checkContexts(wanted, (name, check) => onResult(name, shownCheck(check)));
		},
		use(name) {
			const {note} = useContext(name, {env: options.env, homedir: options.homedir});
			return note ?? `${name} is now the docker CLI's current context`;
		},
		switchTo(names, carry, note) {
			const {contexts} = list();
			const targets = names.map(name => {
				const context = contexts.find(c => c.name === name);
				if (!context) throw new Error(`context "${name}" is not there any more`);
				if (!context.resolved) throw new Error(context.error ?? 'it has no docker endpoint');
				return {name, endpoint: context.resolved};
			});
			checks?.stop();
			inUse = [...names];
			flags = {};
			const where = targets.length === 1 ? `${names[0]} (${targets[0]!.endpoint.url})` : `${targets.length} contexts: ${names.join(', ')}`;
			options.show(targets, {...carry, status: {tone: 'ok', text: note ? `${note}; showing ${where}` : `Showing ${where}`, at: Date.now()}});
		},
	};
}

function rowOf(context: DockerContext, inUse: boolean): ContextRow {
	return {
		name: context.name,
		description: context.description,
		endpoint: context.endpoint,
		current: context.current,
		inUse,
		...(context.error ? {error: context.error} : {}),
		check: context.error ? {state: 'down', error: context.error} : {state: 'checking'},
	};
}

function shownCheck(check: ContextCheck): ContextRow['check'] {
	return check.state === 'up' ? {state: 'up', version: check.version} : check;
}
