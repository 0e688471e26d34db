/** Every section of the config, in the order --print-config and the schema list them. */
import type {Section} from '../section.js';
import {columnsSection} from './columns.js';
import {customCommandsSection} from './custom-commands.js';
import {allSection, debugImageSection, defaultPaneSection, mouseSection, shellSection, statsSection} from './general.js';
import {keysSection} from './keys.js';
import {logsSection} from './logs.js';
import {readOnlySection} from './read-only.js';
import {sortSection} from './sort.js';
import {themeSection} from './theme.js';

export const sections: readonly Section[] = [
	defaultPaneSection,
	allSection,
	statsSection,
	shellSection,
	readOnlySection,
	mouseSection,
	themeSection,
	logsSection,
	columnsSection,
	sortSection,
	keysSection,
	customCommandsSection,
	debugImageSection,
] as Section[];
