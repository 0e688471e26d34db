/**
 * `theme`: a built-in theme by name (`auto`, the default, asks the terminal for its background
 * and picks light or dark), or a theme of the user's: a built-in base and colours by token.
 */
import type {Section} from '../section.js';

const names = ['auto', 'dark', 'light', 'high-contrast', 'monochrome'];

export const themeSection: Section<'theme'> = {
	key: 'theme',
	unit: 1,
	defaults: 'auto',
	schema: () => ({
		title: 'one of auto, dark, light, high-contrast, monochrome, or {base, colors}',
		description: 'The colours: a built-in theme, or a base and colours by token',
		anyOf: [
			{enum: names},
			{
				type: 'object',
				additionalProperties: false,
				required: ['base'],
				properties: {
					base: {title: `one of ${names.join(', ')}`, enum: names},
					colors: {
						title: 'a mapping of colour tokens to colours',
						type: 'object',
						additionalProperties: {
							title: 'a colour: a name, #rrggbb or a 256-colour number',
							anyOf: [
								{type: 'string', pattern: '^(?:#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|[a-zA-Z]+)$'},
								{type: 'integer', minimum: 0, maximum: 255},
							],
						},
					},
				},
			},
		],
	}),
	normalise: value => (typeof value === 'string' ? (value as 'auto') : {colors: {}, ...(value as {base: 'auto'})}),
};
