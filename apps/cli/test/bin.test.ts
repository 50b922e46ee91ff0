import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath } from '@qtk/test-fixtures';
import { afterAll, describe, expect, it } from 'vitest';

// Built by the global setup (test/support/buildCli.ts).
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function qtk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the real binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qtk-bin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts with a node shebang', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('a user error: exit 1, one line on stderr, no stack', () => {
    const r = qtk('inspect', 'nope.onnx');
    expect(r).toEqual({ status: 1, stdout: '', stderr: 'qtk: nope.onnx: no such file\n' });
  });

  it('--debug: the stack follows the message', () => {
    const r = qtk('--debug', 'run', fixturePath('small_cnn.onnx'), '--input', 'y=a.npy', '--out', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^qtk: --input y=a\.npy: the model has no input 'y' \(its inputs: x\)\nQtkError: .*\n\s+at /,
    );
  });

  it('a usage error: exit 2', () => {
    const r = qtk('inspect', '--nope');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("qtk: unknown option '--nope'");
  });

  it('runs the built-in model and exits 0', () => {
    const r = qtk('run', '--out', dir, '--quiet');
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'z.npy')).length).toBe(128 + 2 * 100 * 60 * 4);
  });
});
