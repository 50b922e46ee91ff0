import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What `loadBackendPackage` should import for a `--backend` value. A path (`./acme/index.js`,
 * `/opt/acme`, `C:\acme`) is taken from the working directory; a package name is looked up the way
 * the user's project would import it (node_modules from the working directory up), since an
 * `import()` inside `@qtk/backend` would only see qtk's own dependencies. A name that is not found
 * there is passed on as it is, so a backend installed next to qtk (globally, say) still loads.
 */
export function resolveBackendSpecifier(specifier: string, cwd: string = process.cwd()): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) return pathToFileURL(resolve(cwd, specifier)).href;
  try {
    return pathToFileURL(createRequire(join(cwd, 'package.json')).resolve(specifier)).href;
  } catch {
    return specifier;
  }
}
