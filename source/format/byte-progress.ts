/**
 * The words of a byte transfer's progress (cp in and out, a build's context upload): bytes, and
 * when the total is known the percentage and the time left; the rate once it is measured.
 * "1.2GB of 3GB · 40% · 85MB/s · 14 s left". Pure.
 */
import {formatBytes} from './format.js';

export interface ByteProgress {
	bytes: number;
	/** All the bytes, when known. */
	total?: number;
	/** Bytes a second, measured over the last few seconds. */
	rate?: number;
}

/** Whole percent (0–100) when the total is known. */
export function bytePercent(progress: ByteProgress): number | undefined {
	if (progress.total === undefined || progress.total <= 0) return progress.total === 0 ? 100 : undefined;
	return Math.min(100, Math.floor((progress.bytes / progress.total) * 100));
}

/** "14 s", "2 min 5 s", "1 h 3 min". */
export function timeLeftText(seconds: number): string {
	const whole = Math.max(0, Math.ceil(seconds));
	if (whole < 60) return `${whole} s`;
	if (whole < 3600) return `${Math.floor(whole / 60)} min${whole % 60 ? ` ${whole % 60} s` : ''}`;
	const minutes = Math.floor((whole % 3600) / 60);
	return `${Math.floor(whole / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

export function byteProgressText(progress: ByteProgress): string {
	const parts = [progress.total === undefined ? formatBytes(progress.bytes) : `${formatBytes(Math.min(progress.bytes, progress.total))} of ${formatBytes(progress.total)}`];
	const percent = bytePercent(progress);
	if (percent !== undefined) parts.push(`${percent}%`);
	if (progress.rate !== undefined && progress.rate > 0) {
		parts.push(`${formatBytes(progress.rate)}/s`);
		if (progress.total !== undefined && progress.total > progress.bytes) parts.push(`${timeLeftText((progress.total - progress.bytes) / progress.rate)} left`);
	}

	return parts.join(' · ');
}
