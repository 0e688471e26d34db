/** Counted nouns: "1 tag", "2 tags", "1 process", "3 processes". */
export function plural(count: number, noun: string, many?: string): string {
	const word = count === 1 ? noun : (many ?? (/(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`));
	return `${count} ${word}`;
}
