/**
 * The Swarm view's state (`4`): what the engine is in the swarm, whose tasks the tasks part
 * holds, and the scales being followed until they converge. Its three parts are lists like any
 * other (`state.lists.services`, `.tasks`, `.nodes`: source/kinds/); `AppState.swarm` is set
 * while the view is open; dialogs, prompts and the inspect and log views open over it (as
 * `modal`) and come back to it.
 */
import type {FollowScroll, FollowSeen} from './follow-scroll.js';
import type {NodeSummary, ServiceSummary, SwarmRole, TaskSummary} from '../engine/types.js';

export type SwarmPart = 'services' | 'tasks' | 'nodes';
export const swarmParts: readonly SwarmPart[] = ['services', 'tasks', 'nodes'];

export interface SwarmView {
	/** Which opening of the view this is: its reads belong to it (a close and an open in one go start afresh). */
	opening: number;
	/** The part that has the keyboard. */
	part: SwarmPart;
	/** `checking` until swarmRole has answered. */
	role: SwarmRole | 'checking';
	/** Swarm.LocalNodeState (inactive, pending, locked, error) and Swarm.Error, for the one-line answer. */
	localState?: string;
	roleError?: string;
	/** Why the last read failed, in the engine's words (the lists keep what they had). */
	error?: string;
	/** The service whose tasks `state.lists.tasks` holds (the selected one, as last read). */
	tasksOf?: string;
	/** Service id → the scale being followed until the service has converged. */
	following: Record<string, SwarmFollow>;
}

/** A scale berth asked for: the replica count, and the service's version (as last read) when it was asked. */
export interface SwarmFollow {
	replicas: number;
	/** A read of this version or older may predate the scale; a newer one with another count was scaled since. */
	from: number;
}

export type SwarmAction =
	| {type: 'swarm-open'; opening: number}
	| {type: 'swarm-close'}
	| {type: 'swarm-role'; role: SwarmRole; localState: string; error?: string}
	| {type: 'swarm-error'; error: string}
	| {type: 'swarm-lists'; services: ServiceSummary[]; nodes: NodeSummary[]}
	| {type: 'swarm-tasks'; serviceId: string; tasks: TaskSummary[]}
	| {type: 'swarm-part'; delta: 1 | -1}
	| {type: 'swarm-follow'; id: string; replicas: number}
	| {type: 'service-logs'; id: string; version: number; done?: {ok: boolean; text: string}};

/** The full-screen views the Swarm view opens over itself. */
export type SwarmModal =
	| {kind: 'service-inspect'; id: string; name: string; scroll: number; extent?: number}
	| {kind: 'node-inspect'; id: string; name: string; scroll: number; extent?: number}
	/** `l`: the service's log, merged across its tasks; lines in the controller, `version` moves as they come. */
	| {kind: 'service-logs'; id: string; serviceId: string; name: string; title: string; tail: FollowScroll; seen?: FollowSeen; version: number; done?: {ok: boolean; text: string}};
