/**
 * Whether a symbolic link the archive asks for may be written, read the way the kernel will read
 * it rather than as text: `s -> .` then `x -> s/s/../..` is "." as text, and the parent of the
 * destination once `s` is followed.
 *
 * The rule that keeps every link inside, whatever comes later: a link's target may climb (`..`)
 * only out of a real directory: the directories the link itself is in, or a real directory the
 * target went down into. It may go down through a link (one this copy wrote, which obeys the
 * same rule), but not climb back out after it, and not climb out of a name that does not exist
 * yet (it could become a link later). It may not go through a link that was on the host before
 * the copy (the user's links point anywhere). So the `..` parts of a target only ever undo real
 * directories, whose parents never change, and every link it goes down through points inside:
 * the link points inside, now and after any later copy replaces one of those links.
 */

/** What is at a path of the destination (relative), as the extraction knows it. */
export type PathKind = 'directory' | 'file' | 'link' | 'host-link' | undefined;

/** Why the link may not be written, or undefined. `linkTarget` was checked as text already (relative, no NUL). */
export async function linkProblem(name: string, linkTarget: string, kindOf: (path: string) => Promise<PathKind>): Promise<string | undefined> {
	const current = name.split('/').slice(0, -1);
	// How many leading parts of `current` are real directories: its own parents are (or are made so).
	let real = current.length;
	let through: string | undefined;
	for (const part of linkTarget.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (through !== undefined) return `its target ${JSON.stringify(linkTarget)} climbs back out (..) after going through the link ${through}`;
			if (current.length === 0) return `its target ${JSON.stringify(linkTarget)} points outside the destination`;
			if (current.length > real) return `its target ${JSON.stringify(linkTarget)} climbs out (..) of ${current.join('/')}, which is not a directory`;
			current.pop();
			real = Math.min(real, current.length);
			continue;
		}

		current.push(part);
		// Past a link only names follow, down from where it points (inside): nothing to look up.
		if (through !== undefined) continue;
		const path = current.join('/');
		const kind = await kindOf(path);
		if (kind === 'host-link') return `its target ${JSON.stringify(linkTarget)} goes through ${path}, a link that was on the host before the copy`;
		if (kind === 'link') through = path;
		else if (kind === 'directory' && real === current.length - 1) real = current.length;
	}

	return undefined;
}
