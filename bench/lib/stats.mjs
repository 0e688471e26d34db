/** Small statistics helpers. */

/** The q-quantile (0..1) by linear interpolation; undefined for an empty list. */
export function quantile(values, q) {
	const sorted = values.filter(v => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
}

export const median = values => quantile(values, 0.5);
export const p95 = values => quantile(values, 0.95);
export const mean = values => {
	const list = values.filter(v => typeof v === 'number' && Number.isFinite(v));
	return list.length ? list.reduce((a, b) => a + b, 0) / list.length : undefined;
};
export const max = values => {
	const list = values.filter(v => typeof v === 'number' && Number.isFinite(v));
	return list.length ? Math.max(...list) : undefined;
};

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
export const now = () => performance.now();
