/**
 * The engine's pull and push progress messages (`{"status": "Downloading", "id": "a1b2…",
 * "progressDetail": {"current": 1, "total": 9}}`) folded into per-layer state and an overall
 * byte count. Pure; the status text is kept verbatim next to the phase berth reads from it.
 */
import type {LayerPhase, LayerProgress, TransferProgress} from '../types.js';

const phases: Array<[RegExp, LayerPhase]> = [
	[/^Pulling fs layer$/, 'waiting'],
	[/^Waiting$/, 'waiting'],
	[/^Downloading$/, 'downloading'],
	[/^Verifying Checksum$/, 'verifying'],
	[/^Download complete$/, 'downloaded'],
	[/^Extracting$/, 'extracting'],
	[/^Pull complete$/, 'done'],
	[/^Already exists$/, 'exists'],
	[/^Preparing$/, 'preparing'],
	[/^Pushing$/, 'pushing'],
	[/^Pushed$/, 'done'],
	[/^Layer already exists$/, 'exists'],
	[/^Mounted from /, 'exists'],
	[/^Retrying in /, 'retrying'],
];

/** The phase a layer status names; undefined for messages that are not about a layer. */
export function layerPhase(status: string): LayerPhase | undefined {
	for (const [pattern, phase] of phases) if (pattern.test(status)) return phase;
	return undefined;
}

interface LayerState extends LayerProgress {
	/** The layer's size once the engine said it (the total of a download or upload). */
	size?: number;
	/** Bytes of it moved so far. */
	moved: number;
}

/** Phases after which a pulled layer is whole on the engine's side. */
const downloaded = new Set<LayerPhase>(['verifying', 'downloaded', 'extracting', 'done']);

export class TransferTracker {
	private readonly layers = new Map<string, LayerState>();
	private status: string | undefined;

	constructor(private readonly direction: 'pull' | 'push') {}

	/** Folds one message in; false when it said nothing about progress. */
	update(message: Record<string, unknown>): boolean {
		const status = typeof message.status === 'string' ? message.status : undefined;
		if (status === undefined) return false;
		const id = typeof message.id === 'string' ? message.id : undefined;
		const phase = layerPhase(status);
		if (!id || !phase) {
			this.status = id ? `${id}: ${status}` : status;
			return true;
		}

		const detail = (typeof message.progressDetail === 'object' && message.progressDetail !== null ? message.progressDetail : {}) as {current?: unknown; total?: unknown};
		const current = typeof detail.current === 'number' && detail.current >= 0 ? detail.current : undefined;
		const total = typeof detail.total === 'number' && detail.total > 0 ? detail.total : undefined;
		const layer = this.layers.get(id) ?? {id, phase, status, moved: 0};
		layer.phase = phase;
		layer.status = status;
		layer.current = current;
		layer.total = total;
		const transferring = this.direction === 'pull' ? phase === 'downloading' : phase === 'pushing';
		if (transferring && total !== undefined) {
			layer.size = total;
			layer.moved = Math.min(current ?? 0, total);
		} else if (this.direction === 'pull' && downloaded.has(phase)) {
			if (layer.size === undefined && phase === 'extracting' && total !== undefined) layer.size = total;
			layer.moved = layer.size ?? 0;
		} else if (this.direction === 'push' && phase === 'done') {
			layer.moved = layer.size ?? 0;
		}

		this.layers.set(id, layer);
		return true;
	}

	snapshot(): TransferProgress {
		let current = 0;
		let total = 0;
		let finished = 0;
		let unsized = 0;
		const layers: LayerProgress[] = [];
		for (const layer of this.layers.values()) {
			const {size, moved, ...visible} = layer;
			layers.push(withoutUndefined(visible));
			const over = layer.phase === 'done' || layer.phase === 'exists';
			if (over) finished++;
			else if (size === undefined) unsized++;
			if (layer.phase === 'exists' || size === undefined) continue;
			total += size;
			current += moved;
		}

		const progress: TransferProgress = {layers, current, total, finished, unsized};
		if (this.status !== undefined) progress.status = this.status;
		return progress;
	}
}

function withoutUndefined(layer: LayerProgress): LayerProgress {
	const out: LayerProgress = {id: layer.id, phase: layer.phase, status: layer.status};
	if (layer.current !== undefined) out.current = layer.current;
	if (layer.total !== undefined) out.total = layer.total;
	return out;
}
