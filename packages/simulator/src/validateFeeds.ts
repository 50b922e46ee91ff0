import {
  type ConcreteShape,
  formatShape,
  formatTensorType,
  type Graph,
  isDType,
  isStorageOf,
  numel,
  QtkError,
  Tensor,
  type TensorData,
  type Value,
} from '@qtk/ir';

function fail(message: string): never {
  throw new QtkError('simulator.feed', message);
}

/** True for a well-formed tensor, also one made by another copy of `@qtk/ir`. */
function isTensor(t: unknown): t is Tensor {
  if (t instanceof Tensor) return true;
  if (typeof t !== 'object' || t === null) return false;
  const { dtype, shape, data } = t as { dtype?: unknown; shape?: unknown; data?: unknown };
  return (
    typeof dtype === 'string' &&
    isDType(dtype) &&
    Array.isArray(shape) &&
    shape.every((d) => Number.isInteger(d) && d >= 0) &&
    ArrayBuffer.isView(data) &&
    isStorageOf(dtype, data as TensorData) &&
    (data as TensorData).length === numel(shape as ConcreteShape)
  );
}

/**
 * Checks the feeds of a run against the graph's inputs and returns them by input value. Feeds are
 * untrusted: an unknown name, a missing input, something that is not a tensor, a wrong dtype or a
 * wrong shape is a one-line {@link QtkError} naming the input with the expected and the given type.
 * A symbolic dim binds to the first size fed for it and must agree across inputs (`'?'`, an
 * unnamed unknown dim, binds nothing).
 */
export function validateFeeds(graph: Graph, feeds: Readonly<Record<string, Tensor>>): Map<Value, Tensor> {
  if (typeof feeds !== 'object' || feeds === null) fail(`feeds must be an object of tensors by input name`);
  const expected = graph.inputs.map((v) => `${v.name}: ${formatTensorType(v.type)}`).join(', ');
  for (const name of Object.keys(feeds)) {
    if (!graph.inputs.some((v) => v.name === name)) {
      fail(`unknown input '${name}'; graph '${graph.name}' has inputs ${expected || '(none)'}`);
    }
  }
  const bound = new Map<string, { size: number; input: string }>();
  const result = new Map<Value, Tensor>();
  for (const input of graph.inputs) {
    const want = formatTensorType(input.type);
    const t: unknown = Object.hasOwn(feeds, input.name) ? feeds[input.name] : undefined;
    if (t === undefined) fail(`missing input '${input.name}': expected ${want}`);
    if (!isTensor(t)) fail(`input '${input.name}' is not a tensor: expected ${want}`);
    const got = `${t.dtype}${formatShape(t.shape)}`;
    if (t.dtype !== input.type.dtype) fail(`input '${input.name}': expected dtype ${want}, got ${got}`);
    const shape = input.type.shape;
    if (t.shape.length !== shape.length) {
      fail(`input '${input.name}': expected shape ${want} (rank ${shape.length}), got ${got}`);
    }
    shape.forEach((d, i) => {
      const size = t.shape[i];
      if (typeof d === 'number') {
        if (d !== size) fail(`input '${input.name}': expected shape ${want}, got ${got} (dim ${i})`);
        return;
      }
      if (d === '?' || d === '') return; // unknown, not a named symbol: nothing to agree with
      const b = bound.get(d);
      if (!b) {
        bound.set(d, { size, input: input.name });
      } else if (b.size !== size) {
        fail(
          `input '${input.name}': expected shape ${want} with ${d} = ${b.size} (from input '${b.input}'), got ${got} (dim ${i})`,
        );
      }
    });
    result.set(input, t);
  }
  return result;
}
