/**
 * PyTorch names exported nodes by module scope and op type: `/linear1/MatMul`,
 * `/features/features.0/Conv`, `/Flatten`. These helpers read such names.
 *
 * @module
 */

/** True for a PyTorch-style scoped name (it starts with `/`). */
export function isScopedName(name: string): boolean {
  return name.startsWith('/');
}

/** The path of a scoped name without the leading `/`: `linear1/MatMul`. */
export function scopedPath(name: string): string {
  return name.replace(/^\/+/, '');
}

/** The module scope of a scoped name, its last segment (the op-type leaf) dropped: `linear1`. */
function scopeSegments(name: string): string[] {
  return scopedPath(name).split('/').slice(0, -1);
}

/**
 * The common module scope of scoped names, as a path (`linear1`, `features/features.0`), or `''`
 * when they share none or are not all scoped.
 */
export function commonScope(names: readonly string[]): string {
  if (names.length === 0 || !names.every(isScopedName)) return '';
  const [first, ...rest] = names.map(scopeSegments) as [string[], ...string[][]];
  let length = first.length;
  for (const segments of rest) {
    let k = 0;
    while (k < length && k < segments.length && segments[k] === first[k]) k++;
    length = k;
  }
  return first.slice(0, length).join('/');
}
