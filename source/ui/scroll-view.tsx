import React, {useEffect, useRef, type ReactNode} from 'react';
import {Box, Text, measureElement, type DOMElement} from 'ink';
import {fit} from '../text/width.js';

/**
 * A full-screen view with a title line and a body that scrolls by `scroll` lines (the body is
 * shifted up inside a clipped box, so tall tables scroll without re-flowing). After each
 * render it reports how many lines the body holds (`onExtent`), so scrolling stops at the end.
 */
export function ScrollView({title, width, height, scroll, children, onExtent}: {title: string; width: number; height: number; scroll: number; children: ReactNode; onExtent?: (lines: number) => void}) {
	const body = useRef<DOMElement>(null);
	useEffect(() => {
		if (body.current && onExtent) onExtent(measureElement(body.current).height);
	});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` ${title}`, width)}
			</Text>
			<Box height={Math.max(0, height - 1)} overflow="hidden" flexDirection="column">
				<Box ref={body} marginTop={-scroll} flexDirection="column" flexShrink={0}>
					{children}
				</Box>
			</Box>
		</Box>
	);
}
