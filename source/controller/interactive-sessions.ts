/**
 * Handing the terminal to an interactive session (a shell, a command, attach, run -it) and
 * taking it back: berth's keys and stats pause meanwhile; the outcome (exit code, detach, the
 * engine's reason when the command could not start) is reported and recorded.
 */
import type {Engine, TerminalSession} from '../engine/types.js';
import type {ConfirmTarget} from '../state/types.js';
import {failureText, type ActionRunner} from './action-runner.js';
import type {TerminalControl} from './controller.js';

export interface HandOverDeps {
	engine: Engine;
	terminal?: TerminalControl;
	runner: ActionRunner;
	say(tone: 'ok' | 'error' | 'info', text: string): void;
	/** Called with true before the terminal goes, false once it is back. */
	suspend(on: boolean): void;
	refresh(): void;
}

/**
 * The part of the runtime's message that says why a command could not start: from
 * `OCI runtime exec failed: exec failed: …: exec: "nosuchcmd": executable file not found in
 * $PATH: unknown`, `nosuchcmd: executable file not found in $PATH`.
 */
export function whyNotStarted(message: string): string {
	const match = /exec: "([^"]*)": (.+?)(: unknown)?$/.exec(message);
	return match ? `${match[1]}: ${match[2]}` : message;
}

export function createHandOver(deps: HandOverDeps) {
	let handedOver = false;
	return {
		active: () => handedOver,
		start(target: ConfirmTarget, what: string, open: (engine: Engine) => Promise<TerminalSession>, cli: string): void {
			const {terminal} = deps;
			if (!terminal) return deps.say('error', `${what} needs berth to run in a terminal`);
			const finish = deps.runner.record(cli);
			handedOver = true;
			deps.suspend(true);
			void (async () => {
				let outcome: ['info' | 'error', string];
				try {
					const session = await open(deps.engine);
					const shown = await terminal.handover(session, {note: session.note, waitForKey: what === 'Command'});
					const result = await session.done;
					// 126/127: the command could not run; the engine said why on the terminal.
					const why = result.error ?? (result.exitCode === 126 || result.exitCode === 127 ? shown.lastLine : undefined);
					const said = why ? whyNotStarted(why) : undefined;
					outcome = result.detached
						? ['info', `Detached from ${target.name}; it keeps running`]
						: said
							? ['error', `${what} in ${target.name}: exit ${result.exitCode ?? '?'}, ${said}`]
							: ['info', `${what} in ${target.name} ended${result.exitCode === undefined ? '' : ` (exit code ${result.exitCode})`}`];
					// The command log keeps the runtime's whole message.
					finish(result.exitCode ? 'error' : 'ok', why && why !== said ? `${outcome[1]} (${why})` : outcome[1]);
				} catch (error) {
					outcome = ['error', failureText(what.toLowerCase(), target.name, error)];
					// The command log keeps the engine's whole message.
					finish('error', error instanceof Error ? error.message : String(error));
				}
				handedOver = false;
				// Keys first, then the news: the frame that says it ended also takes keys.
				deps.suspend(false);
				deps.say(...outcome);
				deps.refresh();
			})();
		},
	};
}
