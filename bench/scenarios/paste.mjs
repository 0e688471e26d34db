/**
 * 8. Paste (issue 18: no input can freeze berth; a 20 KB paste took 14 s to appear and each
 * key after it about 10 s). berth filters the containers list to a running fixture container
 * (`/NAME` Enter) and opens `E` (run a command in it); then, `pasteRounds` times: a 100 KB
 * bracketed paste (`ESC [200~` … `ESC [201~`, one write, as a terminal sends a paste) of words
 * "p<round>w<i> ", timed until the prompt's line on screen shows it (the line changed and starts
 * with "…", the start of what was kept being off to the left); then, once berth is silent, the
 * next keys one at a time: Backspace (until the line's end changed) and a letter (until it
 * shows); Esc, and `E` again. The prompt keeps the first 16,384 characters (a command line's
 * limit) and says it cut the rest: that message is checked too. CPU seconds from the paste to
 * the second key's answer.
 */
import {cpuSeconds} from '../lib/proc.mjs';
import {median, now} from '../lib/stats.mjs';

const ESC = '\u001B';
const PASTE_START = '\u001B[200~';
const PASTE_END = '\u001B[201~';
const pasteBytes = 100 * 1024;

/** "p<round>w0 p<round>w1 …", `length` characters. */
function words(round, length) {
	let text = '';
	for (let i = 0; text.length < length; i++) text += `p${round}w${i} `;
	return text.slice(0, length);
}

/** The prompt's input line (after "│ > "), padding and border off. */
function promptLine(berth) {
	const line = berth.screen.lines().find(text => text.includes('│ > ')) ?? '';
	return line.slice(line.indexOf('│ > ') + 4).replace(/\s*│.*$/, '');
}

/** A berth that has not shown a paste or a key after this long is recorded as never (∞) and the rounds end. */
const giveUpMs = 30_000;

/** Writes `key` and resolves with the ms until `changed()` holds on screen (∞ after giveUpMs). */
async function timed(berth, key, changed, label) {
	const at = now();
	berth.write(key);
	try {
		return (await berth.waitFor(changed, giveUpMs, label)) - at;
	} catch {
		return Number.POSITIVE_INFINITY;
	}
}

export async function paste(ctx) {
	const name = ctx.fx.names.running[0];
	const rounds = ctx.opts.pasteRounds;
	const berth = ctx.launch('paste');
	const results = [];
	try {
		await berth.waitFor(() => berth.screen.containerRows().length > 0, 30_000, 'the first container row');
		await berth.settle(1000, 15_000);
		berth.write(`/${name}\r`);
		await berth.waitFor(() => berth.screen.containerRows().length === 1 && berth.screen.containerRows()[0].includes(name), 10_000, `the list filtered to ${name}`);
		await berth.settle(300, 5000);
		for (let round = 0; round < rounds; round++) {
			berth.write('E');
			await berth.waitFor(() => berth.screen.lines().some(text => text.includes(`Run a command in ${name}`)), 5000, 'the E prompt');
			await berth.settle(300, 5000);
			const before = promptLine(berth);
			const cpu0 = cpuSeconds(berth.pid);
			const pasteMs = await timed(berth, `${PASTE_START}${words(round, pasteBytes)}${PASTE_END}`, () => promptLine(berth) !== before && promptLine(berth).startsWith('…'), 'the paste in the prompt');
			const cut = berth.screen.lines().some(text => text.includes('Paste cut to 16,384 characters'));
			await berth.settle(100, 5000);
			const full = promptLine(berth);
			const backspaceMs = await timed(berth, '\u007F', () => promptLine(berth) !== full, 'Backspace at the end of the paste');
			await berth.settle(100, 5000);
			const shorter = promptLine(berth);
			const letterMs = await timed(berth, 'Z', () => promptLine(berth) !== shorter && promptLine(berth).endsWith('Z'), 'a letter after the paste');
			const cpu = cpuSeconds(berth.pid) - cpu0;
			results.push({pasteMs, backspaceMs, letterMs, cut, cpuSeconds: cpu});
			if (![pasteMs, backspaceMs, letterMs].every(Number.isFinite)) {
				ctx.log(`paste round ${round + 1}: no answer within ${giveUpMs / 1000} s; the rounds end here`);
				break;
			}
			ctx.log(`paste round ${round + 1}/${rounds}: on screen ${pasteMs.toFixed(1)} ms, Backspace ${backspaceMs.toFixed(1)} ms, letter ${letterMs.toFixed(1)} ms, CPU ${cpu.toFixed(3)} s${cut ? '' : ' (no cut message!)'}`);
			berth.write(ESC);
			await berth.waitFor(() => !berth.screen.lines().some(text => text.includes('Run a command in')), 5000, 'the prompt closed');
			await berth.settle(300, 5000);
		}
	} finally {
		await ctx.untrack(berth);
	}
	const keys = results.flatMap(r => [r.backspaceMs, r.letterMs]);
	// A key that never answered counts as ∞ (lib/stats.mjs leaves such values out).
	const middle = values => (values.length === 0 ? undefined : values.every(Number.isFinite) ? median(values) : Number.POSITIVE_INFINITY);
	return {
		rounds: results.length,
		bytes: pasteBytes,
		pasteMedian: middle(results.map(r => r.pasteMs)),
		pasteMax: Math.max(...results.map(r => r.pasteMs)),
		keyMedian: middle(keys),
		keyMax: Math.max(...keys),
		cpuMedian: median(results.map(r => r.cpuSeconds)),
		cutSaid: results.every(r => r.cut),
		results,
	};
}
