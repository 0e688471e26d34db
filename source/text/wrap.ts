/** Wraps plain text to `width` cells on spaces (hard-breaking long words). */
export function wrapText(text: string, width: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		let w = word;
		while (w.length > width) {
			if (line) {
				out.push(line);
				line = '';
			}
			out.push(w.slice(0, width));
			w = w.slice(width);
		}
		if (!line) line = w;
		else if (line.length + 1 + w.length <= width) line += ' ' + w;
		else {
			out.push(line);
			line = w;
		}
	}
	if (line || out.length === 0) out.push(line);
	return out;
}
