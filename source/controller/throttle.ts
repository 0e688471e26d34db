/**
 * Passes on the latest of a stream of values at most once per `ms`: the first at once, then
 * whatever is newest when the interval is over. A pull reports after every engine message
 * (hundreds a second on a fast registry); the store hears of it about ten times a second.
 */
export interface Throttle<T> {
	push(value: T): void;
	/** Passes the pending value on now (the end of a stream), and stops the timer. */
	flush(): void;
	cancel(): void;
}

export function throttle<T>(ms: number, deliver: (value: T) => void): Throttle<T> {
	let pending: {value: T} | undefined;
	let timer: NodeJS.Timeout | undefined;
	const tick = () => {
		timer = undefined;
		if (!pending) return;
		const {value} = pending;
		pending = undefined;
		deliver(value);
		timer = setTimeout(tick, ms);
		timer.unref?.();
	};
	return {
		push(value) {
			pending = {value};
			if (!timer) tick();
		},
		flush() {
			if (timer) clearTimeout(timer);
			timer = undefined;
			if (pending) {
				const {value} = pending;
				pending = undefined;
				deliver(value);
			}
		},
		cancel() {
			if (timer) clearTimeout(timer);
			timer = undefined;
			pending = undefined;
		},
	};
}
