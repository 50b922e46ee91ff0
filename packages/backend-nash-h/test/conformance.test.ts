import { backendConformanceChecks } from '@qtk/backend';
import { runGraph } from '@qtk/simulator';
import { describe, it } from 'vitest';
import { backend } from '../src/index.js';

describe('@qtk/backend-nash-h passes the backend conformance kit (with and without integerConv)', () => {
  for (const check of backendConformanceChecks(backend, { run: runGraph })) it(check.name, check.run);
});
