/** A small deterministic random generator (a linear congruential one), so a failure can be replayed. */
export function random(seed: number): () => number {
	let s = seed;
	return () => {
		s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
		return s / 2_147_483_648;
	};
}
