/**
 * Stands in for react-devtools-core in the bundled build: Ink imports it only for its DEV mode,
 * which berth never enables, and bundling the real package would add megabytes to start-up.
 */
export function connectToDevTools(): void {}
export default {connectToDevTools};
