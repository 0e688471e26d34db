/**
 * A known load for "on a loaded machine" figures: N node processes that spin (each keeps a
 * core busy), started for a scenario and stopped after it, by their own pids.
 */
import {spawn} from 'node:child_process';
import {sleep} from './stats.mjs';

export function startLoad(count) {
	const children = Array.from({length: count}, () => spawn(process.execPath, ['-e', 'for (;;) {}'], {stdio: 'ignore'}));
	return {
		pids: children.map(c => c.pid),
		async stop() {
			for (const child of children) {
				if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			}
			await Promise.race([Promise.all(children.map(c => (c.exitCode !== null || c.signalCode !== null ? undefined : new Promise(resolve => c.once('exit', resolve))))), sleep(2000)]);
		},
	};
}
