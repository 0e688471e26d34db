/**
 * The classic builder's JSON stream to BuildLines: `{"stream": …}` text is joined and split on
 * newlines (the engine sends "Step 1/6 : FROM x" and its "\n" separately), each line classified;
 * `{"aux": {"ID": …}}` is the new image; `{"status": …}` lines come from pulling a base image;
 * `{"errorDetail": …}` is the failure, reported with the step it happened in. Pure.
 */
import type {BuildLine, BuildStep} from '../types.js';
import {streamError} from '../transport/stream-request.js';

const patterns: Array<[RegExp, BuildLine['kind']]> = [
	[/^ ---> Using cache$/, 'cache'],
	[/^ ---> Running in ([\da-f]+)$/, 'running'],
	[/^ ---> ([\da-f]{12,64})$/, 'layer'],
	[/^Removing intermediate container ([\da-f]+)$/, 'removing'],
	[/^Successfully built ([\da-f]+)$/, 'built'],
	[/^Successfully tagged (.+)$/, 'tagged'],
	[/^\[warning\]|^warning:/i, 'warning'],
];

export class BuildOutputParser {
	/** The current step, once the builder has named one. */
	step: BuildStep | undefined;
	/** Full id of the image built (aux.ID), once the engine has sent it. */
	imageId: string | undefined;
	/** The engine's error message, once it has sent one. */
	error: string | undefined;
	private partial = '';

	/** Folds one message in; returns the complete lines it finished. */
	push(message: Record<string, unknown>): BuildLine[] {
		const failure = streamError(message);
		if (failure !== undefined) {
			this.error = failure;
			return this.flush();
		}

		const aux = message.aux as {ID?: unknown} | undefined;
		if (typeof aux === 'object' && aux !== null && typeof aux.ID === 'string') this.imageId = aux.ID;

		if (typeof message.stream === 'string') {
			const text = this.partial + message.stream;
			const pieces = text.split('\n');
			this.partial = pieces.pop() ?? '';
			return pieces.map(line => this.classify(line.replace(/\r$/, '')));
		}

		if (typeof message.status === 'string') {
			const detail = message.progressDetail as {current?: unknown} | undefined;
			if (typeof detail === 'object' && detail !== null && typeof detail.current === 'number') return [];
			const id = typeof message.id === 'string' ? `${message.id}: ` : '';
			return [this.line('output', `${id}${message.status}`)];
		}

		return [];
	}

	/** The rest of a line the engine did not end. */
	flush(): BuildLine[] {
		if (!this.partial) return [];
		const last = this.partial;
		this.partial = '';
		return [this.classify(last)];
	}

	private classify(text: string): BuildLine {
		const step = /^Step (\d+)\/(\d+) : (.*)$/s.exec(text);
		if (step) {
			this.step = {index: Number(step[1]), total: Number(step[2]), instruction: step[3]!};
			return this.line('step', text);
		}

		for (const [pattern, kind] of patterns) {
			const match = pattern.exec(text);
			if (!match) continue;
			const line = this.line(kind, text);
			if (kind === 'tagged') line.tag = match[1]!;
			else if (match[1] !== undefined) line.id = match[1];
			return line;
		}

		return this.line('output', text);
	}

	private line(kind: BuildLine['kind'], text: string): BuildLine {
		const line: BuildLine = {kind, text};
		if (this.step) line.step = this.step;
		return line;
	}
}
