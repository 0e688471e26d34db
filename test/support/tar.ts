/** Builds tar archives in memory for tests, with any entries at all (hostile ones included), using tar-stream. */
import {Readable} from 'node:stream';
import tarStream, {type Headers} from 'tar-stream';

export type TarEntry = Headers & {content?: string};

export async function makeTar(entries: TarEntry[]): Promise<Buffer> {
	const pack = tarStream.pack();
	const chunks: Buffer[] = [];
	pack.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<void>((resolve, reject) => {
		pack.on('end', resolve);
		pack.on('error', reject);
	});
	for (const {content, ...header} of entries) {
		await new Promise<void>((resolve, reject) => {
			pack.entry({mode: header.type === 'directory' ? 0o755 : 0o644, ...header, ...(content !== undefined && {size: Buffer.byteLength(content)})}, content ?? '', error => (error ? reject(error) : resolve()));
		});
	}

	pack.finalize();
	await ended;
	return Buffer.concat(chunks);
}

export function tarStreamOf(buffer: Buffer): Readable {
	return Readable.from([buffer]);
}

/** The entries of a tar: name, type, linkname and content. */
export async function readTar(buffer: Buffer): Promise<Array<{name: string; type: string; linkname?: string; content: string}>> {
	const extract = tarStream.extract();
	const entries: Array<{name: string; type: string; linkname?: string; content: string}> = [];
	extract.on('entry', (header: Headers, stream: Readable, next: () => void) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => {
			entries.push({name: header.name, type: header.type ?? 'file', ...(header.linkname ? {linkname: header.linkname} : {}), content: Buffer.concat(chunks).toString('utf8')});
			next();
		});
	});
	const done = new Promise<void>((resolve, reject) => {
		extract.on('finish', resolve);
		extract.on('error', reject);
	});
	extract.end(buffer);
	await done;
	return entries;
}
