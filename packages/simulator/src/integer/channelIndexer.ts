/**
 * For element i of a row-major tensor of `shape`, its index along `axis` (a per-channel parameter's
 * index); with one parameter (`count` 1) always 0.
 */
export function channelIndexer(shape: readonly number[], axis: number, count: number): (i: number) => number {
  if (count <= 1) return () => 0;
  const channels = shape[axis] as number;
  let inner = 1;
  for (let k = axis + 1; k < shape.length; k++) inner *= shape[k] as number;
  return inner === 1 ? (i) => i % channels : (i) => Math.floor(i / inner) % channels;
}
