// Which source files TypeDoc documents, derived from the packages themselves so that a new package
// (observers, qconfig, backends) shows up in the API reference without touching the docs config.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, from this file's location (apps/docs/typedoc). */
export const repoRoot = resolve(import.meta.dirname, '../../..');

/**
 * `./dist/models/index.d.ts` -> `src/models/index.ts`: every package builds `src` to `dist` with
 * `tsc -b`, so the declaration an export points to has a source file at the mirrored path.
 */
function sourceOfDeclaration(declarationPath) {
  return declarationPath
    .replace(/^\.\//, '')
    .replace(/^dist\//, 'src/')
    .replace(/\.d\.ts$/, '.ts');
}

function typesPathOf(target) {
  if (typeof target === 'string') return target.endsWith('.d.ts') ? target : undefined;
  if (target && typeof target === 'object') return target.types;
  return undefined;
}

/**
 * The public entry points of every non-private package in `packages/`: one per `exports` subpath
 * whose source file exists (a package being written may not have one yet).
 *
 * @returns {{ packageName: string, importName: string, file: string }[]} sorted by import name, so
 *   output is stable
 */
export function packageEntryPoints() {
  const packagesDir = join(repoRoot, 'packages');
  const entries = [];
  for (const dir of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // Private packages (test fixtures) are not installable, so they have no public API to document.
    if (manifest.private) continue;
    const exportsMap = manifest.exports ?? { '.': { types: './dist/index.d.ts' } };
    for (const [subpath, target] of Object.entries(exportsMap)) {
      const types = typesPathOf(target);
      if (!types) continue;
      const file = join(packagesDir, dir, sourceOfDeclaration(types));
      if (!existsSync(file)) continue;
      const importName = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`;
      entries.push({ packageName: manifest.name, importName, file });
    }
  }
  return entries.sort((a, b) => (a.importName < b.importName ? -1 : a.importName > b.importName ? 1 : 0));
}
