import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/CliIo.js';
import { startProgress } from '../src/cli/Progress.js';

function captureIo(interactive: boolean): { io: CliIo; err: () => string } {
  let err = '';
  return {
    io: { stdout: () => {}, stderr: (t) => (err += t), interactive, columns: 100 },
    err: () => err,
  };
}

describe('progress', () => {
  it('draws a bar on a terminal and clears its line when done', () => {
    const { io, err } = captureIo(true);
    const p = startProgress(io, 'calibrating');
    p.update(1, 4);
    p.update(4, 4);
    p.finish();
    const out = err();
    // The first and the last state are drawn (cli-progress throttles the ones between).
    expect(out).toContain('calibrating [');
    expect(out).toContain('] 0/4 |');
    expect(out).toContain(`[${'='.repeat(30)}] 4/4 |`);
    // Finished: back to the line's start, and the line erased.
    expect(out.endsWith('\x1b[1G\x1b[2K')).toBe(true);
    // Line wrapping is never switched off, so an interrupted run cannot leave it off.
    expect(out).not.toContain('\x1b[?7l');
  });

  it('fits the terminal width', () => {
    const lines: string[] = [];
    const narrow: CliIo = { stdout: () => {}, stderr: (t) => lines.push(t), interactive: true, columns: 20 };
    const p = startProgress(narrow, 'calibrating');
    p.update(2, 4);
    p.finish();
    const drawn = lines.filter((t) => t.startsWith('calibrating'));
    expect(drawn.length).toBeGreaterThan(0);
    for (const t of drawn) expect(t.length).toBeLessThanOrEqual(20);
  });

  it('finishing before any update draws nothing', () => {
    const { io, err } = captureIo(true);
    startProgress(io, 'calibrating').finish();
    expect(err()).toBe('');
  });

  it('is silent when stderr is not a terminal', () => {
    const { io, err } = captureIo(false);
    const p = startProgress(io, 'writing outputs');
    p.update(1, 2);
    p.finish();
    expect(err()).toBe('');
  });
});
