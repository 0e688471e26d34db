/** An image reference split as the engine's create and push endpoints want it. */

export interface SplitReference {
	/** Repository with any registry: "127.0.0.1:5000/team/app". */
	repository: string;
	/** A tag, or a digest ("sha256:…") after "@"; undefined when the reference names neither. */
	tag?: string;
}

/** "repo", "repo:tag", "host:5000/repo:tag", "repo@sha256:…" (the digest wins over a tag). */
export function splitReference(reference: string): SplitReference {
	const ref = reference.trim();
	const at = ref.indexOf('@');
	if (at !== -1) return {repository: stripTag(ref.slice(0, at)), tag: ref.slice(at + 1)};
	const colon = ref.lastIndexOf(':');
	if (colon > ref.lastIndexOf('/')) return {repository: ref.slice(0, colon), tag: ref.slice(colon + 1)};
	return {repository: ref};
}

function stripTag(name: string): string {
	const colon = name.lastIndexOf(':');
	return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}
