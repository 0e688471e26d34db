/** The engine's `/events` stream, one JSON object per line, to EngineEvents. */
import {familiarName} from '../transport/podman-compat.js';
import type {EngineEvent} from '../types.js';

interface RawEvent {
	Type?: string;
	Action?: string;
	status?: string;
	id?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string> | null};
	time?: number;
}

/** One NDJSON event line to an EngineEvent; timeNano is read from the text to keep every digit. */
export function parseEvent(line: string): EngineEvent | undefined {
	const text = line.trim();
	if (!text) return undefined;
	let raw: RawEvent;
	try {
		raw = JSON.parse(text) as RawEvent;
	} catch {
		return undefined;
	}

	if (typeof raw !== 'object' || raw === null) return undefined;
	const nanos = [...text.matchAll(/"timeNano":\s*(\d+)/g)].at(-1)?.[1];
	const timeNano = nanos ?? (typeof raw.time === 'number' ? `${Math.trunc(raw.time)}000000000` : '0');
	const type = raw.Type ?? '';
	const attributes: Record<string, string> = {...raw.Actor?.Attributes};
	// Image names in the familiar form, as the lists give them (podman qualifies them: podman-compat.ts).
	if (typeof attributes.image === 'string') attributes.image = familiarName(attributes.image);
	if (type === 'image' && typeof attributes.name === 'string') attributes.name = familiarName(attributes.name);
	return {
		type,
		action: raw.Action ?? raw.status ?? '',
		id: raw.Actor?.ID ?? raw.id ?? '',
		attributes,
		timeNano,
	};
}
