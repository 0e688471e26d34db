import React, {useEffect, useState} from 'react';
import {Text} from 'ink';
import type {ContainerSummary, Engine, ProcessList} from '../engine/types.js';
import {shortId} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {FittedTable} from './kv-table.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

/** How often the process list refreshes. */
export const topIntervalMs = 2000;

/** `T`: the container's processes (docker top), refreshed every 2 s while open. */
export function TopView({engine, container, width, height, scroll}: {engine: Engine; container: ContainerSummary; width: number; height: number; scroll: number}) {
	const [list, setList] = useState<ProcessList | undefined>(undefined);
	const [error, setError] = useState<string | undefined>(undefined);
	useEffect(() => {
		let stopped = false;
		let timer: NodeJS.Timeout | undefined;
		const load = async () => {
			try {
				const next = await engine.top(container.id);
				if (stopped) return;
				setList(next);
				setError(undefined);
			} catch (e) {
				if (stopped) return;
				setError(e instanceof Error ? e.message : String(e));
			}
			if (!stopped) timer = setTimeout(() => void load(), topIntervalMs);
		};
		void load();
		return () => {
			stopped = true;
			if (timer) clearTimeout(timer);
		};
	}, [engine, container.id]);
	return (
		<ScrollView title={`Processes — ${sanitizeInline(container.name)} (${shortId(container.id)}), every 2 s   Esc back`} width={width} height={height} scroll={scroll}>
			{error ? <Text color={tone('bad')}>{sanitizeInline(error)}</Text> : null}
			{!list && !error ? <Text color={tone('muted')}>Loading…</Text> : null}
			{list ? <FittedTable title={`${list.processes.length} processes`} columns={list.titles} rows={list.processes} width={width} /> : null}
		</ScrollView>
	);
}
