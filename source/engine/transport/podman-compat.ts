/**
 * Where podman's Docker-compatible API answers differently from dockerd, and how berth reads the
 * answer so the rest of berth sees what it sees from dockerd. Each is a no-op on dockerd (which
 * never answers that way), so nothing here needs to know which engine it talks to.
 *
 * - Names: podman reports fully qualified names ("docker.io/berth-test/busybox:latest") where
 *   dockerd, and the docker CLI against podman, show the familiar form; berth shows that form too
 *   (podman finds an image by it).
 * - Errors: podman answers 500 for states and arguments dockerd answers 409 or 400 for, with a
 *   `cause` beside the message ("container state improper", "invalid signal: X"); the cause
 *   gives the code berth's dialogs act on (offer force on a conflict).
 * - Image ids: podman gives some as bare hex; berth adds the "sha256:" dockerd gives.
 * - top: podman runs `ps` in the container and returns its lines whole (one title "PID   USER
 *   COMMAND", one cell per process); berth splits them into columns as dockerd does.
 */
import type {EngineErrorCode} from '../types.js';

/** "docker.io/library/nginx:1" → "nginx:1", "docker.io/team/app" → "team/app"; other names unchanged. */
export function familiarName(reference: string): string {
	if (reference.startsWith('docker.io/library/')) return reference.slice('docker.io/library/'.length);
	if (reference.startsWith('docker.io/')) return reference.slice('docker.io/'.length);
	return reference;
}

/** An image id with its algorithm, as dockerd gives it: podman answers some (a commit's, a committed image's) as bare hex. */
export function imageIdWithAlgorithm(id: string): string {
	return /^[\da-f]{64}$/.test(id) ? `sha256:${id}` : id;
}

/** The error code podman's `cause` stands for, when its HTTP status says less (500). */
export function codeFromCause(status: number, json: unknown): EngineErrorCode | undefined {
	if (status !== 500 || typeof json !== 'object' || json === null) return undefined;
	const cause = (json as {cause?: unknown}).cause;
	if (typeof cause !== 'string') return undefined;
	if (/state improper|is paused|is not running|already (running|stopped)/i.test(cause)) return 'conflict';
	if (/^invalid (argument|signal|reference)|invalid argument$/i.test(cause)) return 'bad-request';
	return undefined;
}

/** Splits `ps` output returned whole (one title holding every column name) into columns; other answers unchanged. */
export function splitTopColumns(top: {titles: string[]; processes: string[][]}): {titles: string[]; processes: string[][]} {
	if (top.titles.length !== 1 || !/\S\s+\S/.test(top.titles[0]!)) return top;
	const titles = top.titles[0]!.trim().split(/\s+/);
	const processes = top.processes.map(row => {
		if (row.length !== 1) return row;
		const words = row[0]!.trim().split(/\s+/);
		// The last column (the command) keeps its spaces.
		return [...words.slice(0, titles.length - 1), words.slice(titles.length - 1).join(' ')];
	});
	return {titles, processes};
}
