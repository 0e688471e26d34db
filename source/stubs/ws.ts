/**
 * Stands in for the ws package in the bundled build: Ink imports it only for its React DevTools
 * connection (DEV mode), which berth never enables (react-devtools-core is a stub too).
 */
export default class WebSocket {
	constructor() {
		throw new Error('berth has no React DevTools connection');
	}
}
