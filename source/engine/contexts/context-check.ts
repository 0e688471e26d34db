/**
 * Is a context's engine reachable, and which version is it? Asked in the background for the
 * contexts view: GET /version on a connection of its own (closed afterwards, ssh master
 * included), bounded by a timeout, the failure in the same plain words berth uses everywhere.
 */
import type {DockerEngineOptions} from '../transport/api-client.js';
import type {DockerContext} from './contexts.js';
import {createDockerEngine} from '../docker-engine.js';
import type {ResolvedEndpoint} from '../transport/endpoint.js';
import type {Engine} from '../types.js';

export type ContextCheck =
	| {state: 'up'; version: string; apiVersion: string; os: string; arch: string}
	| {state: 'down'; error: string};

export interface CheckOptions {
	/** The whole check's bound. Default 5 s. */
	timeoutMs?: number;
	/** At most this many checks at once (checkContexts). Default 4. */
	concurrency?: number;
	/** For tests: how an engine is made. */
	createEngine?: (endpoint: ResolvedEndpoint, options: DockerEngineOptions) => Engine;
}

/** Checks one context. Never rejects: a failure is `{state: 'down', error}`. */
export async function checkContext(context: DockerContext, options: CheckOptions = {}): Promise<ContextCheck> {
	if (!context.resolved) return {state: 'down', error: context.error ?? 'This context has no docker endpoint'};
	const timeoutMs = options.timeoutMs ?? 5000;
	const make = options.createEngine ?? createDockerEngine;
	const engine = make(context.resolved, {connectTimeoutMs: timeoutMs, readTimeoutMs: timeoutMs});
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`No answer from ${context.resolved!.url} within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs + 1000);
	});
	try {
		const info = await Promise.race([engine.system.info(), late]);
		return {state: 'up', version: info.version, apiVersion: info.apiVersion, os: info.os, arch: info.arch};
	} catch (error) {
		return {state: 'down', error: error instanceof Error ? error.message : String(error)};
	} finally {
		clearTimeout(timer);
		await engine.close?.().catch(() => undefined);
	}
}

/**
 * Checks every context in the background, a few at a time, calling `onResult` as each answers.
 * `stop()` drops the results still to come.
 */
export function checkContexts(contexts: DockerContext[], onResult: (name: string, check: ContextCheck) => void, options: CheckOptions = {}): {done: Promise<void>; stop(): void} {
	let stopped = false;
	let next = 0;
	const worker = async () => {
		while (!stopped && next < contexts.length) {
			const context = contexts[next++]!;
			const check = await checkContext(context, options);
			if (!stopped) onResult(context.name, check);
		}
	};
	const done = Promise.all(Array.from({length: Math.max(1, Math.min(options.concurrency ?? 4, contexts.length))}, worker)).then(() => undefined);
	return {
		done,
		stop() {
			stopped = true;
		},
	};
}
