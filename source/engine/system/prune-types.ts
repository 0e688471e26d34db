/** Prune targets, previews and reports (part of lifecycle-types.ts). */

// ---------------------------------------------------------------- prune

/**
 * What a prune removes, with dockerd 20.10's rules: stopped containers (created, exited, dead);
 * images no container uses (all, or only untagged ones); networks without running containers,
 * except the predefined ones; every local volume no container refers to (named ones too: API
 * 1.41 has no "anonymous only"); build cache not in use (without "all": not shared, internal or frontend records).
 */
export type PruneTarget = 'containers' | 'dangling-images' | 'unused-images' | 'networks' | 'volumes' | 'build-cache' | 'all-build-cache';

export type PruneItemKind = 'container' | 'image' | 'network' | 'volume' | 'build-cache';

export interface PruneItem {
	kind: PruneItemKind;
	id: string;
	/** Container or network or volume name; an image's tags joined with ", " or its short id. */
	name: string;
	/** Bytes this item frees on its own, when known. */
	size?: number;
	/** Images: the references removed with it. */
	untagged?: string[];
	/**
	 * Images: "untag" when only the references go and the image stays (an image built on it is
	 * still needed). dockerd 20.10 does this to a tagged base image in an all-images prune.
	 */
	action?: 'untag';
}

export interface PruneOptions {
	/** Only objects with these labels ("key" or "key=value"), as `--filter label=…`. */
	labels?: string[];
}

export interface PrunePlan {
	targets: PruneTarget[];
	items: PruneItem[];
	counts: Record<PruneItemKind, number>;
	/** Bytes the engine would free (layers no other image keeps, container layers, volume data, cache). */
	space: number;
}

export interface PruneReport {
	targets: PruneTarget[];
	removed: PruneItem[];
	counts: Record<PruneItemKind, number>;
	/** The engine's own figure, summed over the targets. */
	spaceReclaimed: number;
}
