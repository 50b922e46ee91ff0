import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/CliIo.js';
import { startProgress } from '../src/cli/Progress.js';

function captureIo(interactive: boolean): { io: CliIo; err: () => string } {
  let err = '';
  return {
    io: { stdout: () => {}, stderr: (t) => (err += t), interactive },
    err: () => err,
  };
}

describe('progress', () => {
  it('draws on a terminal and clears the line when done', () => {
    const { io, err } = captureIo(true);
    const p = startProgress(io, 'writing outputs');
    p.update(1, 2);
    p.update(2, 2);
    p.finish();
    expect(err()).toBe('\rwriting outputs 1/2\rwriting outputs 2/2\r\x1b[2K');
  });

  it('is silent when stderr is not a terminal', () => {
    const { io, err } = captureIo(false);
    const p = startProgress(io, 'writing outputs');
    p.update(1, 2);
    p.finish();
    expect(err()).toBe('');
  });
});
