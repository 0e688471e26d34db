/**
 * Runs the engine-changing actions. Each marks its row busy while it runs, reports the outcome
 * on the status line (the engine's own message when it refuses), is recorded in the command log
 * with its docker CLI equivalent, and asks for a fresh snapshot after. A failed action changes
 * nothing in berth's state: the next snapshot shows what the engine has.
 */
import {EngineError, type Engine} from '../engine/types.js';
import {briefReason} from '../format/engine-reason.js';
import type {ActSpec} from '../commands/command-services.js';
import type {Store} from '../state/store.js';
import {sayer, type Say} from './status-messages.js';

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * The outcome of a failed call in the user's words; never claims success. The reason comes first
 * (a narrow status line cuts the end), without the runtime's wrapping, then what failed; the
 * command log keeps the engine's whole message.
 */
export function failureText(verb: string, name: string, error: unknown): string {
	if (error instanceof EngineError) {
		if (error.code === 'interrupted') return `The connection dropped during ${verb} ${name}: the outcome is unknown — check the list`;
		if (error.code === 'unreachable') return `The engine is unreachable (${error.message}) — ${verb} ${name} failed`;
	}
	return `${briefReason(message(error))} — ${verb} ${name} failed`;
}

export interface ActionRunner {
	act(spec: ActSpec): void;
	/** The same action on several rows at once; one summary, and a notice naming each failure. */
	actMany(specs: ActSpec[], what: string): void;
	running(): string[];
	/** The status line's helper, on the controller's clock (status-messages.ts). */
	say: Say;
	/** Records an action carried out elsewhere (a hand-over, a run): returns how to finish its entry. */
	record(cli: string): (result: 'ok' | 'error', message?: string) => void;
}

export function createActionRunner(engine: Engine, store: Store, refresh: () => void, now: () => number = Date.now): ActionRunner {
	const inFlight = new Map<number, string>();
	let counter = 0;
	const say = sayer(store, now);
	const record = (cli: string) => {
		// The log gives the entry its id (unique across context switches: the log is carried whole).
		store.dispatch({type: 'log-add', entry: {at: now(), cli, result: 'running'}});
		const id = store.getState().commandLog.at(-1)!.id;
		return (result: 'ok' | 'error', text?: string) => store.dispatch({type: 'log-update', id, result, message: text});
	};
	/** One action: busy row, log entry; resolves with its outcome (never rejects). */
	const perform = async (spec: ActSpec): Promise<{ok: true; text: string} | {ok: false; error: unknown}> => {
		const n = ++counter;
		inFlight.set(n, `${spec.busy} ${spec.name}`);
		const finish = record(spec.cli);
		store.dispatch({type: 'busy', id: spec.id, label: `${spec.busy}…`});
		try {
			const text = await spec.work(engine);
			finish('ok', text);
			return {ok: true, text};
		} catch (error) {
			finish('error', message(error));
			return {ok: false, error};
		} finally {
			inFlight.delete(n);
			store.dispatch({type: 'busy', id: spec.id});
		}
	};
	return {
		act(spec) {
			void perform(spec).then(outcome => {
				if (outcome.ok) {
					spec.onOk?.(outcome.text);
					say('ok', outcome.text);
				} else if (!spec.onError?.(outcome.error)) say('error', failureText(spec.verb, spec.name, outcome.error));
				refresh();
			});
		},
		actMany(specs, what) {
			void Promise.all(specs.map(spec => perform(spec))).then(outcomes => {
				const failed = outcomes.map((o, i) => ({o, spec: specs[i]!})).filter(x => !x.o.ok);
				const done = outcomes.length - failed.length;
				const summary = `${what}: ${done} of ${outcomes.length} done${failed.length ? `, ${failed.length} failed` : ''}`;
				say(failed.length ? 'error' : 'ok', summary);
				if (failed.length > 0) {
					const lines = outcomes.map((o, i) =>
						o.ok ? {text: `✓ ${o.text}`, tone: 'ok' as const} : {text: `✗ ${failureText(specs[i]!.verb, specs[i]!.name, o.error)}`, tone: 'bad' as const},
					);
					store.dispatch({type: 'open', modal: {kind: 'notice', title: summary, lines}});
				}
				refresh();
			});
		},
		running: () => [...inFlight.values()],
		say,
		record,
	};
}
