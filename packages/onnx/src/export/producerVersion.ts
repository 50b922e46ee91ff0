import { readFileSync } from 'node:fs';

let version: string | undefined;

/** This package's version (from its package.json, next to src/ and dist/), for `producer_version`. */
export function producerVersion(): string {
  if (version === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    version = pkg.version ?? '';
  }
  return version;
}
