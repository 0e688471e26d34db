/** Which API version berth speaks to an engine: negotiated once from `/version`. */

/** The newest API version whose responses berth has been checked against. */
export const MAX_API_VERSION = '1.47';

/** min(engine's version, MAX_API_VERSION), raised to the engine's minimum if that is higher. */
export function negotiateApiVersion(engine?: string, engineMin?: string): string | undefined {
	if (!engine || !/^\d+\.\d+$/.test(engine)) return undefined;
	let chosen = compareVersions(engine, MAX_API_VERSION) < 0 ? engine : MAX_API_VERSION;
	if (engineMin && /^\d+\.\d+$/.test(engineMin) && compareVersions(chosen, engineMin) < 0) chosen = engineMin;
	return chosen;
}

function compareVersions(a: string, b: string): number {
	const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
	const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
	return aMajor === bMajor ? aMinor - bMinor : aMajor - bMajor;
}
