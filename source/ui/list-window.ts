import {useRef} from 'react';

/**
 * The first row a virtualised list shows: keeps `selected` visible while moving the window as
 * little as possible from `previousTop`.
 */
export function windowTop(previousTop: number, selected: number, height: number, length: number): number {
	if (height <= 0 || length <= height) return 0;
	let top = Math.min(previousTop, length - height);
	if (selected < top) top = selected;
	if (selected >= top + height) top = selected - height + 1;
	return Math.max(0, top);
}

/** `windowTop` remembered across renders: the first visible row of a list. */
export function useWindowTop(selected: number, height: number, length: number): number {
	const ref = useRef(0);
	ref.current = windowTop(ref.current, selected, height, length);
	return ref.current;
}
