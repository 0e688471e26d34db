/**
 * `C` copy out and `I` copy in (docker cp): the forms check the paths, then the copy runs in its
 * own view (controller/copies.ts) with its progress; `x` cancels it. Copying out reads the
 * archive once, writing as it goes: nothing lands outside the destination (links out, devices and
 * absolute or `..` paths are refused, each with its reason), and files that exist are asked about
 * at the end, naming them.
 */
import path from 'node:path';
import {copyLine} from '../format/copy-line.js';
import {defineForm} from './forms.js';

defineForm('copy-out', (ctx, values, form) => {
	const from = values['from']!.trim();
	const into = path.resolve(values['to']!.trim() || '.');
	if (!from.startsWith('/')) return {field: 'from', reason: 'the path in the container must be absolute (start with /)'};
	const target = form.target!;
	// The copy's view takes the form's place; a host path that is not there keeps the form open.
	return ctx.services.copies.start({direction: 'out', target: {id: target.id, name: target.name}, from, into});
}, {preview: (values, form) => copyLine('out', values, form.target!.name)});

defineForm('copy-in', (ctx, values, form) => {
	const from = path.resolve(values['from']!.trim());
	const into = values['to']!.trim();
	if (!values['from']!.trim()) return {field: 'from', reason: 'type the file or directory to copy'};
	if (!into.startsWith('/')) return {field: 'to', reason: 'the directory in the container must be absolute (start with /)'};
	const target = form.target!;
	return ctx.services.copies.start({direction: 'in', target: {id: target.id, name: target.name}, from, into});
}, {preview: (values, form) => copyLine('in', values, form.target!.name)});
