import {stringWidth} from '../text/width.js';
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
	/** Recent batches: the version each made and the lowest absolute index it inserted at. */
	private edits: Array<{version: number; from: number}> = [];
	private widestSource = 0;

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

	/** The widest source name of the lines it was given (they are padded to it, so their prefixes line up). */
	get sourceWidth(): number {
		return this.widestSource;
	}

	get(index: number): ShownLine | undefined {
		return this.items[index]?.line;
	}

	/** The lowest absolute index whose line may have changed since `version` (see LogBufferView). */
	changedSince(version: number): number {
		if (version >= this.versionCount) return this.droppedCount + this.items.length;
		const oldest = this.edits[0];
		if (!oldest || oldest.version > version + 1) return 0; // history forgotten: assume all changed
		let from = Infinity;
		for (const edit of this.edits) if (edit.version > version) from = Math.min(from, edit.from);
		return Math.max(0, Math.min(from, this.droppedCount + this.items.length));
	}

	/** Inserts lines at their place in time (lines without a timestamp go last). */
	pushMany(lines: readonly ShownLine[]): void {
		if (lines.length === 0) return;
		let lowest = this.items.length;
		for (const line of lines) {
			if (line.source !== undefined) this.widestSource = Math.max(this.widestSource, stringWidth(line.source));
			const key = (line.timestamp && timestampKey(line.timestamp)) || '\uffff';
			let at = this.items.length;
			while (at > 0 && this.items[at - 1]!.key > key) at--;
			this.items.splice(at, 0, {key, line});
			lowest = Math.min(lowest, at);
		}
		const from = this.droppedCount + lowest;
		const excess = this.items.length - this.capacity;
		if (excess > 0) {
			this.items.splice(0, excess);
			this.droppedCount += excess;
		}
		this.versionCount++;
		this.record(from);
	}

	clear(): void {
		this.items = [];
		this.widestSource = 0;
		this.droppedCount = 0;
		this.versionCount++;
		this.record(0);
	}

	private record(from: number): void {
		this.edits.push({version: this.versionCount, from});
		if (this.edits.length > 64) this.edits.shift();
	}
}
