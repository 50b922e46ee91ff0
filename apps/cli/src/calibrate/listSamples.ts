import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { QtkError } from '@qtk/ir';
import type { SampleFolder } from './SampleFolder.js';

function readFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such directory'
        : code === 'ENOTDIR'
          ? 'not a directory; --data takes a folder of .npy or .npz samples'
          : `cannot read the folder (${code ?? (e as Error).message})`;
    throw new QtkError('cli.data', `${dir}: ${why}`, { cause: e });
  }
}

/**
 * The samples of a `--data` folder: its `.npy` files or its `.npz` files (not both), in name order
 * (JavaScript's code-unit order, the same on every machine), the first `limit` of them when a limit
 * is given. Hidden files (`.name`), sub-folders and files with other extensions are not samples.
 * An empty folder, or one that mixes `.npy` and `.npz`, is an error naming it.
 */
export function listSamples(dir: string, limit?: number): SampleFolder {
  const byFormat = { npy: [] as string[], npz: [] as string[] };
  for (const entry of readFolder(dir)) {
    if (entry.isDirectory() || entry.name.startsWith('.')) continue;
    const extension = entry.name.slice(-4).toLowerCase();
    if (extension === '.npy') byFormat.npy.push(entry.name);
    else if (extension === '.npz') byFormat.npz.push(entry.name);
  }
  const { npy, npz } = byFormat;
  if (npy.length > 0 && npz.length > 0) {
    throw new QtkError(
      'cli.data',
      `${dir}: has both .npy files (${npy.length}) and .npz files (${npz.length}); a data folder holds one kind of sample`,
    );
  }
  const format = npz.length > 0 ? 'npz' : 'npy';
  const names = byFormat[format].sort();
  if (names.length === 0) {
    throw new QtkError('cli.data', `${dir}: no samples; the data folder has no .npy or .npz files`);
  }
  const used = limit === undefined ? names : names.slice(0, limit);
  return { dir, format, files: used.map((name) => join(dir, name)), found: names.length };
}
