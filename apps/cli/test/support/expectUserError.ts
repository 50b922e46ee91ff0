import { expect } from 'vitest';
import type { CliResult } from './runCli.js';

/** A user error: exit 1, one line `qtk: <message>` on stderr, nothing on stdout, no stack. */
export function expectUserError(r: CliResult, message: string | RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(`qtk: ${message}`);
  else expect(lines[0]).toMatch(message);
}
