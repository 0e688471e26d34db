/**
 * How often Ink called each of berth's patches, and how often a patch handed the call back to
 * Ink's original. Tests read these to prove that a frame was rendered through the patches
 * (test/ui/ink-patches-in-use.test.tsx) and that a fallback was taken (test/unit/ink-patches.test.ts).
 * An integer increment per call: nothing next to the work it counts.
 */
export const patchUse = {
	/** Frames made by berth's Output, and frames it left to Ink's own Output.get(). */
	output: 0,
	outputFallback: 0,
	/** Texts measured for Ink's layout (measure-text.ts). */
	measureText: 0,
	/** Texts wrapped or truncated by berth's wrap-text.ts, and those left to Ink's wrapText. */
	wrapText: 0,
	wrapTextFallback: 0,
	/** Texts Ink measured with widest-line (render-node-to-output.js). */
	widestLine: 0,
};
