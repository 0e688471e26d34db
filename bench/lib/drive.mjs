/** Driving berth and the engine: timed key presses, and start/stop churn. */
import {now, sleep} from './stats.mjs';

/**
 * Writes one key and times it until the emulated screen shows the new selection: by default
 * that of berth's list pane `pane` (1 containers, 2 images: its "i/n" position or its inverse
 * row changed), or whatever `selection()` reads (a peer's adapter). Then waits until at least
 * `minGapMs` after the key and (when `quietMs` > 0) until the program has been silent for
 * `quietMs` (at most `quietMaxMs`), so that the bytes counted for this key are everything it caused.
 * `scrolled`: the list's first row (`firstRow()`) changed (the window moved).
 */
export async function timedPress(program, key, {pane = 1, selection, firstRow, minGapMs = 50, quietMs = 30, quietMaxMs = 1000, timeoutMs = 3000} = {}) {
	const select = selection ?? (() => program.screen.selection(pane));
	const first = firstRow ?? (() => program.screen.pane(pane)?.firstRow);
	const before = select();
	const firstBefore = first();
	const bytesBefore = program.bytes();
	const pressedAt = now();
	program.write(key);
	let latency;
	try {
		const shownAt = await program.waitFor(() => select() !== before, timeoutMs, 'the new selection');
		latency = shownAt - pressedAt;
	} catch {
		latency = undefined;
	}
	const wait = pressedAt + minGapMs - now();
	if (wait > 0) await sleep(wait);
	if (quietMs > 0) await program.settle(quietMs, quietMaxMs);
	// Read once the frame is complete (a frame may arrive in more than one chunk).
	const scrolled = first() !== firstBefore;
	return {latency, bytes: program.bytes() - bytesBefore, scrolled};
}

/** Rejects after `ms` (the engine can wedge under churn: an operation must not hang the bench). */
function within(promise, ms, what) {
	let timer;
	return Promise.race([
		promise,
		new Promise((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
		}),
	]).finally(() => clearTimeout(timer));
}

/**
 * Starts and stops `ids` round robin at `rate` operations per second for `seconds`. A container
 * with an operation in flight is skipped, and at most `maxInFlight` operations run at once
 * (when the engine is slower than `rate`, ticks are skipped rather than piling up requests).
 * Stops are `stop?t=0` (SIGKILL at once: the containers run `sleep` as pid 1, which ignores
 * SIGTERM). An operation without an answer after `opTimeoutMs` counts as hung. Resolves when
 * every operation has finished or hung, with counts and the time the last one finished.
 */
export async function churn(docker, ids, {rate = 20, seconds = 30, running = new Set(), maxInFlight = 8, opTimeoutMs = 30_000} = {}) {
	const isRunning = new Map(ids.map(id => [id, running.has(id)]));
	const inFlight = new Set();
	const pending = new Set();
	const stats = {issued: 0, done: 0, failed: 0, hung: 0, skipped: 0, maxInFlight: 0, lastDoneAt: 0, errors: []};
	const interval = 1000 / rate;
	const startedAt = now();
	let tick = startedAt;
	let cursor = 0;
	while (now() - startedAt < seconds * 1000) {
		let id;
		if (inFlight.size < maxInFlight) {
			for (let k = 0; k < ids.length; k++) {
				const candidate = ids[(cursor + k) % ids.length];
				if (!inFlight.has(candidate)) {
					id = candidate;
					cursor = (cursor + k + 1) % ids.length;
					break;
				}
			}
		}
		if (id === undefined) {
			stats.skipped++;
		} else {
			const container = docker.getContainer(id);
			const wasRunning = isRunning.get(id);
			inFlight.add(id);
			stats.issued++;
			stats.maxInFlight = Math.max(stats.maxInFlight, inFlight.size);
			const op = within(wasRunning ? container.stop({t: 0}) : container.start(), opTimeoutMs, `${wasRunning ? 'stop' : 'start'} ${id.slice(0, 12)}`)
				.then(
					() => {
						isRunning.set(id, !wasRunning);
						stats.done++;
						stats.lastDoneAt = now();
					},
					async error => {
						const message = String(error?.message ?? error);
						if (message.includes('no answer after')) stats.hung++;
						else stats.failed++;
						if (stats.errors.length < 5) stats.errors.push(message.slice(0, 200));
						try {
							isRunning.set(id, (await within(container.inspect(), 5000, 'inspect')).State.Running === true);
						} catch {
							// Leave it.
						}
						stats.lastDoneAt = now();
					},
				)
				.finally(() => {
					inFlight.delete(id);
					pending.delete(op);
				});
			pending.add(op);
		}
		tick += interval;
		const wait = tick - now();
		if (wait > 0) await sleep(wait);
	}
	const issuingSeconds = (now() - startedAt) / 1000;
	while (pending.size > 0) await Promise.all([...pending]);
	return {
		...stats,
		startedAt,
		issuingSeconds,
		rate: stats.done / issuingSeconds,
		running: new Set(ids.filter(id => isRunning.get(id))),
	};
}
