import React, {useLayoutEffect, useRef, type ReactNode} from 'react';
import {Box, Text, measureElement, type DOMElement} from 'ink';
import {fit} from '../text/width.js';
import {tone} from './theme.js';

/**
 * A full-screen view with a title line and a body that scrolls by `scroll` lines (the body is
 * shifted up inside a clipped box, so tall tables scroll without re-flowing). After each
 * render it reports how many lines the body holds (`onExtent`), so scrolling stops at the end.
 * The report is made in the commit that draws the body (a layout effect: Ink has laid the tree
 * out by then), so a key read after a frame is clamped against that frame, never an older one.
 * While `loading`, the body says so and nothing is reported: a key pressed before the content
 * arrives keeps its scroll until the content's own size is known.
 */
export function ScrollView({title, width, height, scroll, loading, children, onExtent}: {title: string; width: number; height: number; scroll: number; loading?: boolean; children: ReactNode; onExtent?: (lines: number) => void}) {
	const body = useRef<DOMElement>(null);
	useLayoutEffect(() => {
		if (body.current && onExtent && !loading) onExtent(measureElement(body.current).height);
	});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` ${title}`, width)}
			</Text>
			<Box height={Math.max(0, height - 1)} overflow="hidden" flexDirection="column">
				<Box ref={body} marginTop={-scroll} flexDirection="column" flexShrink={0}>
					{children}
					{loading ? <Text color={tone('muted')}>Loading…</Text> : null}
				</Box>
			</Box>
		</Box>
	);
}
