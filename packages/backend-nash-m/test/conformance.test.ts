import { backendConformanceChecks } from '@qtk/backend';
import { runGraph } from '@qtk/simulator';
import { describe, it } from 'vitest';
import { backend } from '../src/index.js';

describe('@qtk/backend-nash-m passes the backend conformance kit', () => {
  for (const check of backendConformanceChecks(backend, { run: runGraph })) it(check.name, check.run);
});
