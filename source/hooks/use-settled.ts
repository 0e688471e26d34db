import {useEffect, useRef, useState} from 'react';

/**
 * `value`, once it has stayed the same for `ms` (the first value is taken at once). Holding a
 * key down through a list then costs one log stream at the end, not one per row passed.
 */
export function useSettled<T>(value: T, ms: number): T {
	const [settled, setSettled] = useState(value);
	const first = useRef(true);
	useEffect(() => {
		if (first.current) {
			first.current = false;
			setSettled(value);
			return;
		}
		const timer = setTimeout(() => setSettled(value), ms);
		return () => clearTimeout(timer);
	}, [value, ms]);
	return settled;
}
