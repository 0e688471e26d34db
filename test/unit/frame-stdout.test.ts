import {describe, expect, it} from 'vitest';
import {compressLineMoves, frameStdout, stripFinalLineMove} from '../../source/terminal/frame-stdout.js';

describe('frame stdout', () => {
	it('drops the final line move of a frame and compresses runs of line moves', () => {
		expect(stripFinalLineMove('a\nb\n')).toBe('a\nb');
		expect(stripFinalLineMove('a\u001B[E')).toBe('a');
		expect(compressLineMoves('\u001B[38A\u001B[E\u001B[E\u001B[Erow\u001B[K\n\u001B[E')).toBe('\u001B[38A\u001B[3Erow\u001B[K\n\u001B[E');
	});

	it('passes writes through, drops them while paused', () => {
		const written: string[] = [];
		const fake = {write: (s: string) => written.push(s), columns: 80} as unknown as NodeJS.WriteStream;
		const frames = frameStdout(fake);
		frames.stream.write('one\n');
		frames.pause();
		frames.stream.write('two\n');
		frames.resume();
		frames.stream.write('three');
		expect(written).toEqual(['one', 'three']);
		expect(frames.stream.columns).toBe(80);
	});
});
