/** A word as a POSIX shell reads it back: unchanged when safe, else in single quotes. */
export function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
