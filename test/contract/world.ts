/**
 * The contract suite: behavioural checks of the Engine that hold for the real engine and the
 * in-memory one alike. Each file here defines the checks of one kind against a World; the
 * suite runs them twice, against FakeEngine (test/unit/contract-fake.test.ts) and against the
 * private dockerd (test/engine/contract.test.ts), so the fake cannot drift from what it stands for.
 */
import type {Engine} from '../../source/engine/types.js';

export interface World {
	engine: Engine;
	/** An image both engines have, to run containers from. */
	image: string;
	/** A name no other check uses. */
	name(prefix: string): string;
	/** A /24 no other network of the run uses, as "10.A.B" (add ".0/24", ".1"). */
	subnet(): string;
	/** Removes what the check made (containers, volumes, networks, image references), whatever happened. */
	cleanup(): Promise<void>;
	/** Notes something to remove at cleanup. */
	track(kind: 'container' | 'volume' | 'network' | 'image', id: string): void;
	/** Waits until `check` holds (events arrive asynchronously from a real engine). */
	eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void>;
}

/** A container that keeps running, for the checks that need one. */
export const sleeper = (binds: string[] = []) => ({cmd: ['sleep', '600'], ports: [], env: [], binds});
