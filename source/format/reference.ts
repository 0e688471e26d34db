/**
 * Validation of an image reference typed by the user as a commit target ("repo:tag"),
 * following the distribution reference grammar the engine applies:
 *
 *     reference  := name [ ":" tag ]
 *     name       := [ registry "/" ] component ( "/" component )*       (at most 255 characters)
 *     registry   := host [ ":" port ]          host: DNS name, IPv4 address or [IPv6 address]
 *     component  := [a-z0-9]+ ( ( "." | "_" | "__" | "-"* ) [a-z0-9]+ )*
 *     tag        := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
 *
 * As docker does, the part before the first "/" is a registry only when it contains "." or
 * ":" or is "localhost"; "myapp:1.0" is repository "myapp" with tag "1.0", and
 * "localhost:5000" alone is repository "localhost" with tag "5000". Digests are refused:
 * a commit creates a tag. Leading and trailing whitespace is ignored.
 */

/** A valid reference: `repo` is the full repository name (registry included) to pass to commit. */
export interface ParsedReference {
	ok: true;
	/** Repository including any registry, e.g. "localhost:5000/team/app". */
	repo: string;
	/** The tag, "latest" when none was given. */
	tag: string;
	/** The registry part ("host" or "host:port") when there is one. */
	registry?: string;
}

/** An invalid reference, with a one-line reason for the user. */
export interface InvalidReference {
	ok: false;
	reason: string;
}

/** Result of `parseReference`. */
export type ReferenceResult = ParsedReference | InvalidReference;

/** Longest repository name (registry included) the engine accepts. */
export const MAX_NAME_LENGTH = 255;
/** Longest tag the engine accepts. */
export const MAX_TAG_LENGTH = 128;

const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DOMAIN_COMPONENT_RE = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;

/** User input quoted for a message: controls and bidi characters shown as "�", at most 40 characters. */
function quote(text: string): string {
	const safe = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
	return `"${safe.length > 40 ? safe.slice(0, 39) + '…' : safe}"`;
}

function fail(reason: string): InvalidReference {
	return {ok: false, reason};
}

function checkRegistry(registry: string): string | undefined {
	let host = registry;
	let port: string | undefined;
	if (registry.startsWith('[')) {
		// Engines before Docker 23 (this one is 20.10) refuse IPv6 registry addresses
		// ("invalid reference format"), so berth refuses them rather than fail at commit.
		return 'an IPv6 registry address is not accepted by this engine; use a host name';
	} else {
		const colon = registry.indexOf(':');
		if (colon !== -1) {
			host = registry.slice(0, colon);
			port = registry.slice(colon + 1);
		}
		if (host === '') return 'the registry host is missing before ":"';
		for (const label of host.split('.')) {
			if (!DOMAIN_COMPONENT_RE.test(label)) return `invalid registry host ${quote(host)}`;
		}
	}
	if (port !== undefined) {
		if (!/^[0-9]+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
			return 'the registry port must be a number from 1 to 65535';
		}
	}
	return undefined;
}

/**
 * Checks one path component against `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*` with a linear
 * scan (the grammar written as a JavaScript regular expression backtracks exponentially on
 * inputs like "aaaa…a!", because `[-]*` may be empty).
 */
function checkComponent(component: string): string | undefined {
	if (component === '') return 'the repository name has an empty part (check for "//" or a "/" at either end)';
	if (/[A-Z]/.test(component)) return 'repository names must be lowercase';
	const bad = /[^a-z0-9._-]/u.exec(component);
	if (bad) return `${quote(bad[0])} is not allowed in a repository name (use a-z, 0-9, ".", "_", "-")`;
	if (/^[._-]/.test(component) || /[._-]$/.test(component)) {
		return `${quote(component)} must start and end with a letter or digit`;
	}
	for (const separator of component.match(/[._-]+/g) ?? []) {
		if (separator !== '.' && separator !== '_' && separator !== '__' && !/^-+$/.test(separator)) {
			return `${quote(separator)} can't separate letters or digits in a repository name: use ".", "_", "__" or dashes`;
		}
	}
	return undefined;
}

/**
 * Validates a reference typed for commit or tag and splits it into repository and tag.
 * Returns `{ok: false, reason}` with a one-line reason for: empty input, whitespace inside,
 * a digest ("@sha256:..."), a missing repository (":tag") or tag ("name:"), uppercase or other
 * invalid characters in the repository, separators at the start or end of a path component
 * or doubled ("a..b"), empty path components ("a//b", "/a", "a/"), an invalid registry host
 * or port (must be 1–65535), a name over 255 characters, and a tag that is too long (over
 * 128) or has invalid characters.
 */
export function parseReference(input: string): ReferenceResult {
	const ref = input.trim();
	if (ref === '') return fail('enter a repository, e.g. myapp:1.0');
	if (/\s/.test(ref)) return fail("a reference can't contain spaces");
	if (ref.includes('@')) return fail("a digest can't be used as a commit target; use a tag");

	let name = ref;
	let tag = 'latest';
	const lastColon = ref.lastIndexOf(':');
	if (lastColon !== -1 && lastColon > ref.lastIndexOf('/') && !(ref.startsWith('[') && lastColon < ref.indexOf(']'))) {
		name = ref.slice(0, lastColon);
		tag = ref.slice(lastColon + 1);
		if (name === '') return fail('enter a repository name before the ":"');
		if (tag === '') return fail('enter a tag after the ":", or leave out the ":"');
		if (tag.length > MAX_TAG_LENGTH) return fail(`the tag is longer than ${MAX_TAG_LENGTH} characters`);
		if (!TAG_RE.test(tag)) {
			return fail('a tag may contain letters, digits, "_", "." and "-", and must not start with "." or "-"');
		}
	}

	let registry: string | undefined;
	let path = name;
	const slash = name.indexOf('/');
	if (slash !== -1) {
		const first = name.slice(0, slash);
		if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
			registry = first;
			path = name.slice(slash + 1);
		}
	}
	if (registry !== undefined) {
		const problem = checkRegistry(registry);
		if (problem) return fail(problem);
	} else if (name.includes(':')) {
		// A colon left in the name without a registry: "a:b:c" or "a:1/b".
		return fail('":" may only separate the tag, or a registry port before the first "/"');
	}
	for (const component of path.split('/')) {
		const problem = checkComponent(component);
		if (problem) return fail(problem);
	}
	// The engine checks the length of the normalised name: "docker.io/library/app" for a one-part
	// name without a registry, "docker.io/team/app" for a longer one.
	const normalised = registry !== undefined ? name : path.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
	if (normalised.length > MAX_NAME_LENGTH) {
		return fail(
			normalised === name
				? `the repository name is longer than ${MAX_NAME_LENGTH} characters`
				: `the repository name is too long: the engine counts it as ${normalised.slice(0, normalised.length - name.length)}… (${normalised.length} characters, at most ${MAX_NAME_LENGTH})`,
		);
	}

	return registry === undefined ? {ok: true, repo: name, tag} : {ok: true, repo: name, tag, registry};
}
