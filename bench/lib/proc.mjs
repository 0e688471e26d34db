/** CPU time and memory of a process, from /proc (Linux). */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

let ticks;
/** Clock ticks per second (`getconf CLK_TCK`), 100 when getconf is missing. */
export function clockTicks() {
	if (ticks === undefined) {
		try {
			ticks = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
		} catch {
			ticks = 100;
		}
	}
	return ticks;
}

/** utime + stime of the whole process (all threads), in seconds; undefined once it is gone. */
export function cpuSeconds(pid) {
	let text;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	// The command name (field 2) may hold spaces and parentheses: split after its last ')'.
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state); utime and stime are fields 14 and 15.
	return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** Resident set size in MB (VmRSS); undefined once it is gone. */
export function rssMB(pid) {
	let text;
	try {
		text = readFileSync(`/proc/${pid}/status`, 'utf8');
	} catch {
		return undefined;
	}
	const match = /^VmRSS:\s+(\d+) kB/m.exec(text);
	return match ? Number(match[1]) / 1024 : undefined;
}

/** Jiffies of all CPUs from /proc/stat: {busy, total}. */
export function systemCpu() {
	try {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
		const idle = fields[3] + fields[4];
		return {busy: total - idle, total};
	} catch {
		return undefined;
	}
}
