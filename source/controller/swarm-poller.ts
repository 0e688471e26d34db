/**
 * The Swarm view's reads, outside React (as the engine feed is), only while the view is open:
 * closed, it costs nothing. On opening it asks once what the engine is in the swarm; a worker
 * or an engine in no swarm is told so in one line and asked nothing more. On a manager it reads
 * the services and nodes, and the selected service's tasks; again on a swarm event (a stream of
 * them is open while the view is), after an action, and every couple of seconds while a service
 * has not converged or a scale is being followed — Swarm reports no task events, so a task's
 * progress is only seen by reading again. Reads never overlap: one asked for meanwhile follows.
 */
import {EngineError, type Engine, type EngineEvent, type ServiceSummary} from '../engine/types.js';
import {serviceConverged} from '../format/swarm.js';
import type {Store} from '../state/store.js';
import {selectedServiceOf} from '../state/swarm-selectors.js';
import {listOf} from '../state/lists.js';

/** How often the lists are read while a service has not converged. */
export const swarmPollMs = 2000;
/** How long the selection must rest on a service before its tasks are read. */
export const tasksSettleMs = 100;
/** Events that come together cause one read. */
const eventSettleMs = 50;
/** How long before a swarm event stream that ended is opened again. */
const restartMs = 2000;
/** How long after a refusal (503) before the engine is asked again what it is in the swarm. */
const recheckMs = 2000;

export interface SwarmPoller {
	/** Reads the lists again now (after an action), when the view is open on a manager. */
	refresh(): void;
	stop(): void;
}

interface Session {
	opening: number;
	refresh(): void;
	changed(): void;
	close(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A task's container on this engine changed: the service's tasks have moved on. */
const swarmEvent = (event: EngineEvent) => event.type === 'service' || event.type === 'node' || (event.type === 'container' && event.attributes['com.docker.swarm.service.id'] !== undefined);

function openSession(engine: Engine, store: Store, opening: number): Session {
	let closed = false;
	let manager = false;
	let events: AbortController | undefined;
	let listing = false;
	let listAgain = false;
	let readingTasks = false;
	let tasksAgain = false;
	/** The service whose tasks were read last (or are being read). */
	let tasksFor: string | undefined;
	const timers: Record<'poll' | 'event' | 'tasks' | 'restart' | 'role', NodeJS.Timeout | undefined> = {poll: undefined, event: undefined, tasks: undefined, restart: undefined, role: undefined};
	const clear = (name: keyof typeof timers) => {
		if (timers[name]) clearTimeout(timers[name]);
		timers[name] = undefined;
	};
	const later = (name: keyof typeof timers, ms: number, run: () => void) => {
		clear(name);
		timers[name] = setTimeout(() => {
			timers[name] = undefined;
			run();
		}, ms);
	};
	const view = () => store.getState().swarm;
	const selectedId = () => (view() ? selectedServiceOf(store.getState())?.id : undefined);

	const checkRole = async (refresh: boolean) => {
		try {
			const membership = await engine.system.swarmRole({refresh});
			if (closed) return;
			store.dispatch({type: 'swarm-role', role: membership.role, localState: membership.localState, error: membership.error});
			const was = manager;
			manager = membership.role === 'manager';
			if (manager && !was) {
				listenToEvents();
				readLists();
			}
		} catch (error) {
			if (!closed) store.dispatch({type: 'swarm-error', error: message(error)});
		}
	};

	const notManager = (error: unknown) => {
		// Refused for not being a manager (demoted, left the swarm; or a manager without a leader,
		// which still says it is one): ask again what it is, in a moment rather than in a loop. The
		// refusal stays on screen meanwhile; the lists and tasks refused together ask once.
		if (!(error instanceof EngineError) || error.statusCode !== 503) return;
		manager = false;
		events?.abort();
		if (!timers.role) later('role', recheckMs, () => void checkRole(true));
	};

	const schedulePoll = () => {
		const current = view();
		const services = listOf(store.getState(), 'services').rows as readonly ServiceSummary[];
		const unsettled = current !== undefined && (services.some(s => !serviceConverged(s)) || Object.keys(current.following).length > 0);
		if (unsettled) later('poll', swarmPollMs, readLists);
		else clear('poll');
	};

	const readTasks = () => {
		const id = selectedId();
		if (closed || !manager || id === undefined) return;
		if (readingTasks) {
			tasksAgain = true;
			return;
		}
		readingTasks = true;
		tasksFor = id;
		engine
			.tasks.list(id)
			.then(
				tasks => {
					if (!closed) store.dispatch({type: 'swarm-tasks', serviceId: id, tasks});
				},
				(error: unknown) => {
					// A service removed meanwhile: the next list read shows it gone.
					if (closed || (error instanceof EngineError && error.code === 'not-found')) return;
					store.dispatch({type: 'swarm-error', error: message(error)});
					notManager(error);
				},
			)
			.finally(() => {
				readingTasks = false;
				if (tasksAgain && !closed) {
					tasksAgain = false;
					readTasks();
				}
			});
	};

	function readLists(): void {
		if (closed || !manager) return;
		if (listing) {
			listAgain = true;
			return;
		}
		listing = true;
		clear('poll');
		Promise.all([engine.services.list(), engine.nodes.list()])
			.then(
				([services, nodes]) => {
					if (!closed) store.dispatch({type: 'swarm-lists', services, nodes});
				},
				(error: unknown) => {
					if (closed) return;
					store.dispatch({type: 'swarm-error', error: message(error)});
					notManager(error);
				},
			)
			.finally(() => {
				listing = false;
				if (closed) return;
				if (listAgain) {
					listAgain = false;
					return readLists();
				}
				readTasks();
				schedulePoll();
			});
	}

	function listenToEvents(): void {
		const abort = new AbortController();
		events = abort;
		const ended = () => {
			if (closed || abort.signal.aborted || !manager) return;
			// The engine restarted or the connection dropped: listen again, and read what changed meanwhile.
			later('restart', restartMs, () => {
				listenToEvents();
				readLists();
			});
		};
		engine
			.events.stream(
				{swarm: true},
				event => {
					if (swarmEvent(event) && !timers.event) later('event', eventSettleMs, readLists);
				},
				abort.signal,
			)
			.then(ended, ended);
	}

	void checkRole(true);
	return {
		opening,
		refresh: readLists,
		changed() {
			// The selection moved to another service: its tasks, once it rests there.
			const id = selectedId();
			if (!manager || listing || id === undefined || id === tasksFor) return;
			later('tasks', tasksSettleMs, readTasks);
		},
		close() {
			closed = true;
			events?.abort();
			for (const name of Object.keys(timers) as Array<keyof typeof timers>) clear(name);
		},
	};
}

export function startSwarmPoller(engine: Engine, store: Store): SwarmPoller {
	let session: Session | undefined;
	const follow = () => {
		const opening = store.getState().swarm?.opening;
		// Closed, or closed and opened again since (keys read together): the old reads end.
		if (session && session.opening !== opening) {
			session.close();
			session = undefined;
		}
		if (opening !== undefined && !session) session = openSession(engine, store, opening);
		session?.changed();
	};
	const unsubscribe = store.subscribe(follow);
	follow();
	return {
		refresh: () => session?.refresh(),
		stop() {
			unsubscribe();
			session?.close();
			session = undefined;
		},
	};
}
