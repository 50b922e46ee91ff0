import { InvalidArgumentError } from 'commander';

/** Commander's parser for an option that takes a count: a whole number of at least 1. */
export function parsePositiveInteger(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('Expected a whole number of at least 1.');
  return n;
}
