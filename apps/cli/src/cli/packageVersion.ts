import { readFileSync } from 'node:fs';

/** This package's version, read from its package.json (next to both `src/` and `dist/`). */
export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return json.version;
}
