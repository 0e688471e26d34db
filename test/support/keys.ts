/** Bytes a terminal sends for keys, for driving the app in tests. */
export const UP = '\u001B[A';
export const DOWN = '\u001B[B';
export const PAGE_UP = '\u001B[5~';
export const PAGE_DOWN = '\u001B[6~';
export const TAB = '\t';
export const SHIFT_TAB = '\u001B[Z';
export const ENTER = '\r';
export const ESC = '\u001B';
export const BACKSPACE = '\u007F';
export const CTRL_C = '\u0003';
