/** The engine's `/events` stream, one JSON object per line, to EngineEvents. */
import type {EngineEvent} from './types.js';

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
	return {
		type: raw.Type ?? '',
		action: raw.Action ?? raw.status ?? '',
		id: raw.Actor?.ID ?? raw.id ?? '',
		attributes: {...raw.Actor?.Attributes},
		timeNano,
	};
}
