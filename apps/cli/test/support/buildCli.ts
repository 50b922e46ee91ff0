import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: compiles the CLI (`tsc -b`, incremental) so the tests that spawn
 * `node dist/bin.js` run the code under test, not a stale build.
 */
export default function setup(): void {
  const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b'], { cwd: packageDir, stdio: 'inherit' });
}
