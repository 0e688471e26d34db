/**
 * Tells a read of the terminal that waited behind busy work from one that did not. Keys typed
 * while berth does not answer (a slow frame, a long computation) wait in the terminal's buffer
 * and arrive together once it is free; they were typed at the screen that stayed on display
 * meanwhile (commands/busy-keys.ts decides what they may do).
 *
 * How: each read arms a probe, a zero-delay timer. The event loop runs timers before it reads
 * input again, so a probe that runs `busyMs` late, or a read that comes while a probe armed
 * `busyMs` ago has not run yet, means the loop was held up that long with input waiting. Only
 * reads arm it: an idle berth has no timer running for this.
 */
export interface BusyWatch {
	/** Call at each read: whether it comes after berth was busy for `busyMs` or more. */
	read(): boolean;
	stop(): void;
}

/** How long berth may not answer before keys typed meanwhile count as typed while it was busy. */
export const busyMs = 1000;

export function watchBusy(threshold = busyMs, clock: () => number = () => performance.now()): BusyWatch {
	let armedAt: number | undefined;
	let timer: NodeJS.Timeout | undefined;
	// The probe ran late: reads until the end of this turn of the loop waited behind that work.
	let late = false;
	const probe = () => {
		timer = undefined;
		const waited = armedAt === undefined ? 0 : clock() - armedAt;
		armedAt = undefined;
		if (waited < threshold) return;
		late = true;
		setImmediate(() => {
			late = false;
		});
	};
	return {
		read() {
			const now = clock();
			const busy = late || (armedAt !== undefined && now - armedAt >= threshold);
			if (armedAt === undefined) {
				armedAt = now;
				timer = setTimeout(probe, 0);
				timer.unref();
			}
			return busy;
		},
		stop() {
			if (timer) clearTimeout(timer);
			timer = undefined;
			armedAt = undefined;
			late = false;
		},
	};
}
