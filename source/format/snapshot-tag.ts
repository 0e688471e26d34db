/** The reference a commit prompt proposes: `<name>:snapshot-<yyyymmdd-hhmm>`, made valid. */

/**
 * Turns a container name into a valid repository path component
 * (`[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`): lowercased, any other character replaced by
 * "-", separators that are not allowed between two alphanumerics ("..", "._", "___", ".-")
 * replaced by "-", leading and trailing separators removed, at most 128 characters.
 * Gives "snapshot" when nothing usable is left.
 */
function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

export function toRepositoryComponent(name: string): string {
	const lowered = name.toLowerCase();
	let mapped = '';
	for (const ch of lowered) mapped += /[a-z0-9._-]/.test(ch) ? ch : '-';
	// Split into alphanumeric runs and the separator runs between them.
	const parts = mapped.match(/[a-z0-9]+|[._-]+/g) ?? [];
	let out = '';
	for (const part of parts) {
		if (/^[a-z0-9]/.test(part)) {
			out += part;
		} else if (out !== '') {
			out += part === '.' || part === '_' || part === '__' || /^-+$/.test(part) ? part : '-';
		}
	}
	out = out.slice(0, 128).replace(/[._-]+$/, '');
	return out === '' ? 'snapshot' : out;
}

/**
 * The tag offered when committing a container: "<name>:snapshot-YYYYMMDD-HHMM" in local
 * time, with the container name made into a valid repository component
 * (see `toRepositoryComponent`), e.g. "web_App.1" at 10:33 on 23 Nov 2026 →
 * "web_app.1:snapshot-20261123-1033".
 */
export function defaultSnapshotTag(name: string, date: Date = new Date()): string {
	const stamp =
		`${pad(date.getFullYear(), 4)}${pad(date.getMonth() + 1, 2)}${pad(date.getDate(), 2)}` +
		`-${pad(date.getHours(), 2)}${pad(date.getMinutes(), 2)}`;
	return `${toRepositoryComponent(name)}:snapshot-${stamp}`;
}
