/**
 * Pulls and pushes: each runs on the engine with its progress in the store (throttled to about
 * ten updates a second), its docker CLI line in the command log, and its outcome on the status
 * line; the registry's errors arriving inside the stream are failures, never success. When the
 * registry wants credentials, a form asks for them (over the panes or the transfer's own view);
 * `login` checks them with the registry through the engine, which keeps them for the rest of the
 * session in memory, and the transfer runs again. The password is never shown, logged or kept
 * in berth's state once the form closes. A pull a run waits for (its image was not here) goes on
 * to the run once it succeeded.
 */
import {credentialsForm} from '../commands/image-forms.js';
import {EngineError} from '../engine/types.js';
import {qualify} from '../engine/hosts/types.js';
import {cliFor} from '../format/cli-for.js';
import {credentialKey, registryLabel, registryOf} from '../engine/images/registry-names.js';
import type {TransferKind} from '../state/images-types.js';
import {isActive, transferKey, transferOf} from '../state/images-selectors.js';
import {failureText} from './action-runner.js';
import {message, selectImageWhenListed, type ImageHost} from './image-host.js';
import {throttle} from './throttle.js';
import {sanitizeInline} from '../text/sanitize.js';

/** Progress reaches the store at most this often (ms). */
export const PROGRESS_INTERVAL_MS = 100;

export interface Transfers {
	/**
	 * Starts a pull or push and opens its view; returns why not when the same one runs.
	 * `imageId`: the image pushed (its row is busy); `host`: with several hosts, the pushed
	 * row's (the tag alone could name another host's image); `then`: carried on with after a successful
	 * pull (a run waiting for its image), once the transfer's view, if open, is closed.
	 */
	start(kind: TransferKind, ref: string, options?: {imageId?: string; host?: string; then?: () => void}): string | undefined;
	login(key: string, username: string, password: string): void;
	cancelLogin(key: string): void;
	/** Stops a running pull or push (the connection is closed: the engine stops it), or ends one waiting for credentials. */
	cancel(key: string): void;
	running(): string[];
}

export function createTransfers(host: ImageHost): Transfers {
	const {engine, store} = host;
	const dispatch = store.dispatch;
	const onEngine = new Map<string, string>();
	const after = new Map<string, () => void>();
	const aborts = new Map<string, AbortController>();

	/** The credentials form opens over the panes or this transfer's view, never over something else. */
	const askCredentials = (key: string, said: string): boolean => {
		const modal = store.getState().modal;
		const transfer = transferOf(store.getState(), key);
		if (!transfer || (modal && !(modal.kind === 'transfer' && modal.key === key))) return false;
		dispatch({type: 'open', modal: credentialsForm(transfer, said)});
		return true;
	};

	const run = (key: string) => {
		const transfer = transferOf(store.getState(), key);
		if (!transfer) return;
		const {kind, ref, imageId} = transfer;
		const finish = host.runner.record(transfer.cli);
		onEngine.set(key, `${kind === 'pull' ? 'pulling' : 'pushing'} ${ref}`);
		if (imageId) dispatch({type: 'busy', id: imageId, label: 'pushing…'});
		dispatch({type: 'transfer-update', key, patch: {status: 'running', message: undefined}});
		const progress = throttle(PROGRESS_INTERVAL_MS, (p: NonNullable<typeof transfer.progress>) => dispatch({type: 'transfer-update', key, patch: {progress: p}}));
		const abort = new AbortController();
		aborts.set(key, abort);
		void (async () => {
			try {
				let text: string;
				if (kind === 'pull') {
					const result = await engine.images.pull(ref, {}, p => progress.push(p), abort.signal);
					text = result.upToDate ? `${result.ref} is up to date` : `Pulled ${result.ref}${result.digest ? ` (${result.digest})` : ''}`;
					selectImageWhenListed(store, row => row.ref === result.ref || row.image.repoDigests.includes(result.ref));
				} else {
					const result = await engine.images.push(transfer.host ? qualify(ref, transfer.host) : ref, {}, p => progress.push(p), abort.signal);
					text = `Pushed ${result.ref}${result.digest ? ` (${result.digest})` : ''}`;
				}

				progress.flush();
				finish('ok', text);
				dispatch({type: 'transfer-update', key, patch: {status: 'done', message: text}});
				host.say('ok', text);
				const then = after.get(key);
				after.delete(key);
				if (then) {
					const modal = store.getState().modal;
					if (modal?.kind === 'transfer' && modal.key === key) dispatch({type: 'close'});
					then();
				}
			} catch (error) {
				progress.flush();
				const why = message(error);
				finish('error', why);
				const unauthorized = error instanceof EngineError && error.code === 'unauthorized';
				if (abort.signal.aborted) {
					after.delete(key);
					dispatch({type: 'transfer-update', key, patch: {status: 'cancelled', message: why}});
					host.say('info', `${kind === 'pull' ? 'Pull' : 'Push'} of ${ref} cancelled`);
				} else if (unauthorized && askCredentials(key, why)) {
					dispatch({type: 'transfer-update', key, patch: {status: 'credentials', message: why}});
					host.say('info', `${registryLabel(registryOf(ref))} wants credentials to ${kind} ${ref}`);
				} else {
					after.delete(key);
					dispatch({type: 'transfer-update', key, patch: {status: 'failed', message: why}});
					host.say('error', failureText(kind, ref, error) + (unauthorized ? ` — ${kind === 'pull' ? 'P' : 'p'} again to enter credentials` : ''));
				}
			} finally {
				progress.cancel();
				aborts.delete(key);
				onEngine.delete(key);
				if (imageId) dispatch({type: 'busy', id: imageId});
				host.refresh();
			}
		})();
	};

	const loginForm = (key: string) => {
		const modal = store.getState().modal;
		return modal?.kind === 'form' && modal.form === 'login' && modal.payload?.['transfer'] === key ? modal : undefined;
	};

	return {
		start(kind, ref, {imageId, host: on, then} = {}) {
			const key = transferKey(kind, ref);
			const running = isActive(transferOf(store.getState(), key));
			if (running && !then) return `${ref} is already being ${kind === 'pull' ? 'pulled' : 'pushed'}`;
			if (then) {
				const before = after.get(key);
				after.set(
					key,
					before
						? () => {
								before();
								then();
							}
						: then,
				);
			}
			// A run that needs the image this pull is fetching waits for it.
			if (running) return void dispatch({type: 'open', modal: {kind: 'transfer', key, scroll: 0}});
			const cli = kind === 'pull' ? cliFor.pull(ref) : cliFor.push(ref);
			dispatch({type: 'transfer-start', transfer: {key, kind, ref, registry: registryOf(ref), cli, status: 'running', ...(imageId && {imageId}), ...(on && {host: on})}});
			dispatch({type: 'open', modal: {kind: 'transfer', key, scroll: 0}});
			// Shown with the reference sanitised first (quoting would spell out a payload); logged exact.
			host.say('info', `$ ${(kind === 'pull' ? cliFor.pull : cliFor.push)(sanitizeInline(ref))}`);
			run(key);
			return undefined;
		},
		login(key, username, password) {
			const transfer = transferOf(store.getState(), key);
			if (!transfer) return;
			const finish = host.runner.record(cliFor.login(transfer.registry, username));
			dispatch({type: 'form-pending', pending: true});
			void (async () => {
				try {
					await engine.registry.login({serverAddress: credentialKey(transfer.registry), username, password});
					finish('ok', 'Login Succeeded');
					if (loginForm(key)) dispatch({type: 'open', modal: {kind: 'transfer', key, scroll: 0}});
					run(key);
				} catch (error) {
					const why = message(error);
					finish('error', why);
					// The form stays with the registry's answer; the password is typed again.
					if (loginForm(key)) dispatch({type: 'form-pending', pending: false, error: `The registry refused these credentials: ${why}`, clear: 'password'});
					else {
						// The form is gone: the transfer that waited for it ends as refused.
						after.delete(key);
						dispatch({type: 'transfer-update', key, patch: {status: 'failed'}});
						host.say('error', failureText('login to', registryLabel(transfer.registry), error));
					}
				}
			})();
		},
		cancelLogin(key) {
			const transfer = transferOf(store.getState(), key);
			if (!transfer || transfer.status !== 'credentials') return;
			after.delete(key);
			dispatch({type: 'transfer-update', key, patch: {status: 'failed'}});
			host.say('error', `No credentials given: ${transfer.kind} ${transfer.ref} failed (${transfer.message ?? 'unauthorized'})`);
		},
		cancel(key) {
			const transfer = transferOf(store.getState(), key);
			if (transfer?.status === 'credentials') return this.cancelLogin(key);
			aborts.get(key)?.abort();
		},
		running: () => [...onEngine.values()],
	};
}
