import {timestampKey} from './timestamps.js';
import type {LogBufferView, ShownLine} from './log-view.js';

/**
 * A bounded buffer that keeps lines from several containers in timestamp order. Lines mostly
 * arrive in order, so inserting walks back from the end; when full, the oldest line goes.
 */
export class MergedBuffer implements LogBufferView {
	private items: Array<{key: string; line: ShownLine}> = [];
	private droppedCount = 0;
	private versionCount = 0;

	constructor(readonly capacity: number) {}

	get length(): number {
		return this.items.length;
	}

	get dropped(): number {
		return this.droppedCount;
	}

	get version(): number {
		return this.versionCount;
	}

	get(index: number): ShownLine | undefined {
		return this.items[index]?.line;
	}

	/** Inserts lines at their place in time (lines without a timestamp go last). */
	pushMany(lines: readonly ShownLine[]): void {
		if (lines.length === 0) return;
		for (const line of lines) {
			const key = (line.timestamp && timestampKey(line.timestamp)) || '\uffff';
			let at = this.items.length;
			while (at > 0 && this.items[at - 1]!.key > key) at--;
			this.items.splice(at, 0, {key, line});
		}
		const excess = this.items.length - this.capacity;
		if (excess > 0) {
			this.items.splice(0, excess);
			this.droppedCount += excess;
		}
		this.versionCount++;
	}

	clear(): void {
		this.items = [];
		this.droppedCount = 0;
		this.versionCount++;
	}
}
