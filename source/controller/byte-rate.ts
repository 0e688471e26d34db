/**
 * Measures a transfer's rate from its running byte count: bytes a second over the last few
 * seconds (a moving window, so a stall shows soon and one fast burst does not last).
 */
const WINDOW_MS = 3000;

export interface RateMeter {
	/** Records the count now; returns the rate once there is a span to measure. */
	sample(bytes: number): number | undefined;
}

export function createRateMeter(now: () => number = Date.now): RateMeter {
	const samples: Array<{at: number; bytes: number}> = [];
	return {
		sample(bytes) {
			const at = now();
			samples.push({at, bytes});
			while (samples.length > 2 && at - samples[1]!.at >= WINDOW_MS) samples.shift();
			const first = samples[0]!;
			const span = at - first.at;
			return span >= 250 ? ((bytes - first.bytes) / span) * 1000 : undefined;
		},
	};
}
