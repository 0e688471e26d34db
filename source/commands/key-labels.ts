/** How keys are written for people: 'up' → '↑', 'shift-tab' → 'Shift-Tab', 'ctrl-a' → 'Ctrl-A', 'f2' → 'F2'. */
const labels: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	tab: 'Tab',
	'shift-tab': 'Shift-Tab',
	enter: 'Enter',
	escape: 'Esc',
	space: 'Space',
	home: 'Home',
	end: 'End',
	backspace: 'Backspace',
	delete: 'Delete',
	insert: 'Insert',
};

export function keyLabel(key: string): string {
	if (labels[key]) return labels[key];
	if (key.startsWith('ctrl-')) return `Ctrl-${key.slice(5).toUpperCase()}`;
	if (/^f\d+$/.test(key)) return key.toUpperCase();
	return key;
}

/** All keys of a command, formatted for people: "↑/k". */
export function keysLabel(keys: readonly string[]): string {
	return keys.map(keyLabel).join('/');
}
