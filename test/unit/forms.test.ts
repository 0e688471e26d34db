import {describe, expect, it} from 'vitest';
import {defineForm, formLine, formModal} from '../../source/commands/forms.js';
import {lineAtEnd} from '../../source/input/line-editor.js';

describe('form previews', () => {
	it('are never given a secret field: a preview that echoes every value it gets shows no password', () => {
		defineForm('echo-test', () => undefined, {preview: values => `docker echo ${JSON.stringify(values)}`});
		const form = formModal('echo-test', 'Echo', 'echo', [
			{key: 'user', label: 'User', value: 'me'},
			{key: 'password', label: 'Password', secret: true, value: 'pw-opened-with'},
		]);
		expect(form.preview).toBe('docker echo {"user":"me"}');
		// Typing into the password: the preview for the new values still has no password.
		const typed = formLine({...form, field: 1}, lineAtEnd('pw-typed'));
		expect(typed).toEqual({type: 'form-line', line: lineAtEnd('pw-typed'), preview: 'docker echo {"user":"me"}'});
		// Typing into the user: the preview follows it.
		expect(formLine(form, lineAtEnd('you'))).toMatchObject({preview: 'docker echo {"user":"you"}'});
	});
});
