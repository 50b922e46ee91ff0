/**
 * File names (without directory) for the graph outputs `names`, in order:
 *
 * 1. every character other than an ASCII letter, digit, `.`, `-` or `_` becomes `_`
 *    (`/linear1/Add_output_0` -> `_linear1_Add_output_0`);
 * 2. a leading `.` becomes `_`, so no name is hidden, `.` or `..`; an empty name becomes `output`;
 * 3. `.npy` is appended;
 * 4. when a name is already taken (ignoring case, for case-insensitive file systems), `_1`, `_2`,
 *    ... is added before `.npy`, first come first served.
 */
export function outputFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_');
    if (base === '') base = 'output';
    let candidate = base;
    for (let i = 1; taken.has(`${candidate}.npy`.toLowerCase()); i++) candidate = `${base}_${i}`;
    taken.add(`${candidate}.npy`.toLowerCase());
    return `${candidate}.npy`;
  });
}
