/**
 * Prune: the preview (what the engine's rules would remove, and the space) into the open prune
 * view, then, once confirmed, the prune itself, recorded with its docker CLI line; the view then
 * shows what the engine removed and the space it reports reclaimed.
 */
import {cliFor} from '../format/cli-for.js';
import {formatBytes} from '../format/format.js';
import {pruneChoices, pruneCounts} from '../format/prune-choices.js';
import {failureText} from './action-runner.js';
import {message, type ImageHost} from './image-host.js';

export interface Prunes {
	preview(choice: number): void;
	prune(choice: number): void;
	running(): string[];
}

export function createPrunes(host: ImageHost): Prunes {
	const {engine, store} = host;
	const dispatch = store.dispatch;
	const open = () => store.getState().modal?.kind === 'prune';
	let running: string | undefined;
	return {
		preview(choice) {
			const {targets} = pruneChoices[choice]!;
			dispatch({type: 'prune-step', step: 'previewing'});
			engine.system.previewPrune(targets).then(
				plan => {
					if (open()) dispatch({type: 'prune-step', step: 'preview', plan});
				},
				(error: unknown) => {
					if (open()) dispatch({type: 'prune-step', step: 'failed', error: `Could not work out what would go: ${message(error)}`});
				},
			);
		},
		prune(choice) {
			const {label, targets} = pruneChoices[choice]!;
			const cli = cliFor.prune(targets);
			const finish = host.runner.record(cli);
			host.say('info', `$ ${cli}`);
			running = `pruning ${label.toLowerCase()}`;
			dispatch({type: 'prune-step', step: 'pruning'});
			engine.system
				.prune(targets)
				.then(
					report => {
						const text = `Pruned ${pruneCounts(report.counts)}; the engine reclaimed ${formatBytes(report.spaceReclaimed)}`;
						finish('ok', text);
						if (open()) dispatch({type: 'prune-step', step: 'done', report});
						host.say('ok', text);
					},
					(error: unknown) => {
						finish('error', message(error));
						if (open()) dispatch({type: 'prune-step', step: 'failed', error: message(error)});
						host.say('error', failureText('prune', label.toLowerCase(), error));
					},
				)
				.finally(() => {
					running = undefined;
					host.refresh();
				});
		},
		running: () => (running ? [running] : []),
	};
}
