import React, {type ReactNode} from 'react';
import {Box, Text} from 'ink';
import {fit} from '../text/width.js';

/**
 * A full-screen view with a title line and a body that scrolls by `scroll` lines (the body is
 * shifted up inside a clipped box, so tall tables scroll without re-flowing).
 */
export function ScrollView({title, width, height, scroll, children}: {title: string; width: number; height: number; scroll: number; children: ReactNode}) {
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` ${title}`, width)}
			</Text>
			<Box height={Math.max(0, height - 1)} overflow="hidden" flexDirection="column">
				<Box marginTop={-scroll} flexDirection="column" flexShrink={0}>
					{children}
				</Box>
			</Box>
		</Box>
	);
}
