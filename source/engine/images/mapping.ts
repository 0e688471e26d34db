/** The engine's JSON for images (list rows and history) to berth's domain types. */
import type {ImageHistoryEntry, ImageSummary} from '../types.js';
import {familiarName, imageIdWithAlgorithm} from '../transport/podman-compat.js';

export interface RawImage {
	Id: string;
	RepoTags?: string[] | null;
	RepoDigests?: string[] | null;
	Created?: number;
	Size?: number;
	Containers?: number;
	Labels?: Record<string, string> | null;
}

export interface RawHistory {
	Id?: string;
	Created?: number;
	CreatedBy?: string;
	Tags?: string[] | null;
	Size?: number;
	Comment?: string;
}

function realReferences(references: string[] | null | undefined): string[] {
	return (references ?? []).filter(reference => !reference.startsWith('<none>')).map(familiarName);
}

export function toImageSummary(raw: RawImage): ImageSummary {
	const summary: ImageSummary = {
		id: imageIdWithAlgorithm(raw.Id),
		repoTags: realReferences(raw.RepoTags),
		repoDigests: realReferences(raw.RepoDigests),
		created: raw.Created ?? 0,
		size: raw.Size ?? 0,
	};
	if (raw.Labels && Object.keys(raw.Labels).length > 0) summary.labels = {...raw.Labels};
	if (typeof raw.Containers === 'number' && raw.Containers >= 0) summary.containers = raw.Containers;
	return summary;
}

export function toHistoryEntry(raw: RawHistory): ImageHistoryEntry {
	return {
		id: raw.Id ?? '<missing>',
		created: raw.Created ?? 0,
		createdBy: raw.CreatedBy ?? '',
		size: raw.Size ?? 0,
		tags: realReferences(raw.Tags),
		comment: raw.Comment ?? '',
	};
}
