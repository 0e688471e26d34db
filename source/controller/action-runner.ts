/**
 * Runs the engine-changing actions. Each marks its row busy while it runs, reports the outcome
 * on the status line (the engine's own message when it refuses), is recorded in the command
 * log with its docker CLI equivalent, and asks for a fresh snapshot after. A failed action
 * changes nothing in berth's state: the next snapshot shows what the engine has.
 */
import {EngineError, type Engine} from '../engine/types.js';
import type {ActSpec} from '../commands/services.js';
import type {Action} from '../state/types.js';

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The outcome of a failed call in the user's words; never claims success. */
export function failureText(verb: string, name: string, error: unknown): string {
	if (error instanceof EngineError) {
		if (error.code === 'interrupted') return `${verb} ${name}: the connection dropped, the outcome is unknown — check the list`;
		if (error.code === 'unreachable') return `${verb} ${name} failed: the engine is unreachable (${error.message})`;
	}
	return `${verb} ${name} failed: ${message(error)}`;
}

/** One line of the command log: what berth did, its CLI equivalent, when, and how it went. */
export interface LoggedCommand {
	at: number;
	cli: string;
	result: 'running' | 'ok' | 'error';
	/** The outcome message (the engine's error text on failure; untrusted). */
	message?: string;
}

export interface ActionRunner {
	act(spec: ActSpec): void;
	running(): string[];
	/** Everything run this session, oldest first. */
	log(): readonly LoggedCommand[];
	/** Records an action that runs elsewhere (a hand-over): returns how to finish its entry. */
	record(cli: string): (result: 'ok' | 'error', message?: string) => void;
}

export function createActionRunner(engine: Engine, dispatch: (action: Action) => void, refresh: () => void, now: () => number = Date.now): ActionRunner {
	const inFlight = new Map<number, string>();
	const entries: LoggedCommand[] = [];
	let counter = 0;
	const say = (tone: 'ok' | 'error', text: string) => dispatch({type: 'status', status: {tone, text, at: now()}});
	const record = (cli: string) => {
		const entry: LoggedCommand = {at: now(), cli, result: 'running'};
		entries.push(entry);
		return (result: 'ok' | 'error', text?: string) => {
			entry.result = result;
			entry.message = text;
		};
	};
	return {
		act(spec) {
			const n = ++counter;
			inFlight.set(n, `${spec.busy} ${spec.name}`);
			const finish = record(spec.cli);
			dispatch({type: 'busy', id: spec.id, label: `${spec.busy}…`});
			void (async () => {
				try {
					const ok = await spec.work(engine);
					finish('ok', ok);
					say('ok', ok);
				} catch (error) {
					finish('error', message(error));
					if (!spec.onError?.(error)) say('error', failureText(spec.verb, spec.name, error));
				} finally {
					inFlight.delete(n);
					dispatch({type: 'busy', id: spec.id});
					refresh();
				}
			})();
		},
		running: () => [...inFlight.values()],
		log: () => entries,
		record,
	};
}
