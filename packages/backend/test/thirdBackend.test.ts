import { runGraph } from '@qtk/simulator';
import { describe, it } from 'vitest';
import { backendConformanceChecks } from '../src/index.js';
import { toyBackend } from './support/toyBackend.js';

describe('a third backend, defined only in this test suite, passes the conformance kit', () => {
  for (const check of backendConformanceChecks(toyBackend, { run: runGraph })) it(check.name, check.run);
});
