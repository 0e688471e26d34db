/**
 * A reference typed for `docker pull`: `name[:tag]`, `registry:port/name:tag`, `name@sha256:…`
 * (or `name:tag@sha256:…`, where the digest decides, as the engine does). The name and tag are
 * checked by parseReference (the distribution grammar); a digest must be `sha256:` and 64
 * lowercase hex digits. Pure.
 */
import {parseReference} from './reference.js';

export interface PullReference {
	ok: true;
	/** What to pull and show: "name:tag" (tag "latest" when none was given) or "name@sha256:…". */
	ref: string;
	/** Repository with any registry. */
	repo: string;
	tag?: string;
	digest?: string;
	registry?: string;
}

export type PullReferenceResult = PullReference | {ok: false; reason: string};

const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

export function parsePullReference(input: string): PullReferenceResult {
	const text = input.trim();
	const at = text.indexOf('@');
	if (at === -1) {
		const parsed = parseReference(text);
		if (!parsed.ok) return parsed;
		return {ok: true, ref: `${parsed.repo}:${parsed.tag}`, repo: parsed.repo, tag: parsed.tag, ...(parsed.registry && {registry: parsed.registry})};
	}

	const digest = text.slice(at + 1);
	if (text.slice(0, at) === '') return {ok: false, reason: 'enter a repository name before the "@"'};
	if (!DIGEST_RE.test(digest)) return {ok: false, reason: 'a digest is sha256: followed by 64 hex digits (0-9, a-f)'};
	const parsed = parseReference(text.slice(0, at));
	if (!parsed.ok) return parsed;
	return {ok: true, ref: `${parsed.repo}@${digest}`, repo: parsed.repo, digest, ...(parsed.registry && {registry: parsed.registry})};
}
