/**
 * Running containers from an image: `r` (the short form: name, command, ports, env, binds),
 * `R` (everything docker run offers that people use, detached, attached or interactive) and
 * `n` (the same, created without starting; with -it, U starts and attaches to it later). Each
 * form shows the docker line it would run as it is typed. Nothing reaches the engine until the form is valid;
 * an image that is not present is offered for a pull first, as `docker run` does.
 */
import type {RunContainerOptions} from '../engine/types.js';
import {cliFor, type RunMode} from '../format/cli-for.js';
import {checkRunFields} from '../format/run-form.js';
import {checkFullRunForm, createModeChoices, modeChoices, removeChoices, restartChoices} from '../format/run-options.js';
import {selectedImageRow} from '../state/selectors.js';
import type {AppState, FormModal} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {defineForm, openForm, type FieldSpec} from './forms.js';
import type {Command, CommandContext} from './types.js';

const hasImage = (state: AppState) => selectedImageRow(state) !== undefined;

function selectedRef(state: AppState): string {
	const row = selectedImageRow(state)!;
	return row.ref ?? row.image.id;
}

const shortFields: FieldSpec[] = [
	{key: 'name', label: 'Name', hint: '(optional)'},
	{key: 'command', label: 'Command', hint: "(empty: the image's)"},
	{key: 'ports', label: 'Ports', hint: 'e.g. 8080:80 53:53/udp'},
	{key: 'env', label: 'Env', hint: "e.g. A=1 B='two words' HOME"},
	{key: 'binds', label: 'Binds', hint: 'e.g. /srv/data:/data:ro data:/data'},
];

function fullFields(image: string, modes: readonly string[]): FieldSpec[] {
	const fields: FieldSpec[] = [
		{key: 'image', label: 'Image', value: image},
		{key: 'name', label: 'Name', hint: '(optional: the engine picks one)'},
		{key: 'command', label: 'Command', hint: "(empty: the image's)"},
		{key: 'ports', label: 'Ports', hint: 'e.g. 8080:80 127.0.0.1:53:53/udp'},
		{key: 'env', label: 'Env', hint: "e.g. A=1 B='two words' HOME"},
		{key: 'volumes', label: 'Volumes', hint: 'e.g. /srv:/data:ro data:/data /cache'},
		{key: 'workdir', label: 'Workdir', hint: "(the image's)"},
		{key: 'user', label: 'User', hint: "(the image's) e.g. 1000:1000"},
		{key: 'restart', label: 'Restart', choices: restartChoices},
		{key: 'rm', label: '--rm', choices: removeChoices},
	];
	fields.push({key: 'mode', label: 'Mode', choices: modes});
	return fields;
}

/**
 * Shows the image's own command in the form, once the engine says what it is. With `field`, the
 * form's Image field: the hint holds while that field names this image (a late answer about an
 * image no longer typed is dropped).
 */
function showImageCommand(ctx: CommandContext, image: string, field?: string): void {
	void ctx.services
		.read(engine => engine.images.inspect(image))
		.then(details => {
			const words = [...(details.config.entrypoint ?? []), ...(details.config.cmd ?? [])];
			if (words.length === 0 || ctx.state.modal?.kind !== 'form') return;
			const hint = `(empty: the image's: ${sanitizeInline(words.join(' '))})`;
			ctx.dispatch({type: 'form-hint', key: 'command', hint, ...(field ? {when: {key: field, value: image}} : {})});
		})
		.catch(() => undefined);
}

/** The full forms: leaving the Image field looks up the command of the image typed there. */
function followImage(ctx: CommandContext, key: string, values: Record<string, string>): void {
	const image = (values['image'] ?? '').trim();
	if (key === 'image' && image !== '') showImageCommand(ctx, values['image']!, 'image');
}

/** The image as the engine named it, for a CLI line (quoting would spell out a payload). */
const shownImage = (form: FormModal) => sanitizeInline(form.target!.name);

/** Runs (or creates) once the image is there, pulling it first when the user agrees. */
function withImage(ctx: CommandContext, image: string, go: () => void): void {
	ctx.dispatch({type: 'form-pending', pending: true});
	void ctx.services.read(engine => engine.images.exists(image)).then(
		exists => {
			if (exists) return go();
			ctx.dispatch({type: 'form-pending', pending: false});
			ctx.services.offerPull(image, go);
		},
		() => go(),
	);
}

function start(ctx: CommandContext, image: string, options: RunContainerOptions, mode: RunMode): void {
	if (mode === 'attached') return ctx.services.runAttached(image, options, cliFor.run(image, options, 'attached'));
	if (mode === 'interactive') {
		ctx.dispatch({type: 'close'});
		const target = {kind: 'image' as const, id: image, name: image};
		return ctx.services.interactive(target, 'Run', async engine => (await engine.containers.runInteractive(image, options, ctx.state.size)).session, cliFor.run(image, options, 'interactive'));
	}
	ctx.services.runContainer(image, options, cliFor.run(image, options));
}

const shortRun = (values: Record<string, string>) =>
	checkRunFields({name: values['name'] ?? '', command: values['command'] ?? '', ports: values['ports'] ?? '', env: values['env'] ?? '', binds: values['binds'] ?? ''});

defineForm(
	'run-short',
	(ctx, values, form) => {
		const checked = shortRun(values);
		if (!checked.ok) return checked;
		// The form stays open until the engine answers: a refusal (a name in use) is shown in it.
		ctx.dispatch({type: 'form-pending', pending: true});
		const image = form.target!.name;
		ctx.services.runContainer(image, checked.options, cliFor.run(image, checked.options));
	},
	{
		preview(values, form) {
			const checked = shortRun(values);
			return checked.ok ? cliFor.run(shownImage(form), checked.options) : undefined;
		},
	},
);

defineForm(
	'run',
	(ctx, values) => {
		const checked = checkFullRunForm(values);
		if (!checked.ok) return checked;
		withImage(ctx, checked.image, () => start(ctx, checked.image, checked.options, checked.mode));
	},
	{
		preview(values) {
			const checked = checkFullRunForm(values);
			return checked.ok ? cliFor.run(sanitizeInline(checked.image), checked.options, checked.mode) : undefined;
		},
		leave: followImage,
	},
);

defineForm(
	'create',
	(ctx, values) => {
		const checked = checkFullRunForm(values);
		if (!checked.ok) return checked;
		withImage(ctx, checked.image, () => ctx.services.createContainer(checked.image, checked.options, cliFor.create(checked.image, checked.options)));
	},
	{
		preview(values) {
			const checked = checkFullRunForm(values);
			return checked.ok ? cliFor.create(sanitizeInline(checked.image), checked.options) : undefined;
		},
		leave: followImage,
	},
);

export const runCommands: Command[] = [
	{
		id: 'image.run',
		scope: 'images',
		effect: 'engine',
		keys: ['r'],
		label: 'run',
		description: 'Run a container from the image (form: name, command, ports, env, binds)',
		bar: true,
		available: hasImage,
		run: ctx => {
			const image = selectedRef(ctx.state);
			openForm(ctx, 'run-short', `Run a container from ${image}`, 'run', shortFields, {kind: 'image', id: image, name: image});
			showImageCommand(ctx, image);
		},
	},
	{
		id: 'image.run-full',
		scope: 'images',
		effect: 'engine',
		keys: ['R'],
		label: 'run…',
		description: 'Run with every option: volumes, workdir, user, restart, --rm; attached or -it',
		available: hasImage,
		run: ctx => {
			const image = selectedRef(ctx.state);
			openForm(ctx, 'run', 'Run a container (docker run)', 'run', fullFields(image, modeChoices));
			showImageCommand(ctx, image, 'image');
		},
	},
	{
		id: 'image.create',
		scope: 'images',
		effect: 'engine',
		keys: ['n'],
		label: 'create',
		description: 'Create a container without starting it (docker create, the R form; -it for U)',
		available: hasImage,
		run: ctx => {
			const image = selectedRef(ctx.state);
			openForm(ctx, 'create', 'Create a container (docker create)', 'create', fullFields(image, createModeChoices));
			showImageCommand(ctx, image, 'image');
		},
	},
];

/** The pull offered before a run (the dialog's `y`); no key of its own. */
export const pullFirst: Command = {
	id: 'image.pull-first',
	scope: 'images',
	effect: 'engine',
	keys: [],
	label: 'pull first',
	description: 'Pull an image that is not here before running it',
	run: (ctx, confirmed) => {
		if (confirmed) ctx.services.pullFirst(confirmed.target.name);
	},
};
