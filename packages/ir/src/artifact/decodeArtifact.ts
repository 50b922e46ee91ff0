import { type DType, isDType } from '../dtype/DType.js';
import { QtkError } from '../errors/QtkError.js';
import type { AttributeValue } from '../graph/Attribute.js';
import { Graph } from '../graph/Graph.js';
import type { TensorType } from '../graph/TensorType.js';
import type { Value } from '../graph/Value.js';
import { opRegistry } from '../ops/globalOpRegistry.js';
import type { OpRegistry } from '../ops/OpRegistry.js';
import type { Dim } from '../shape/Shape.js';
import type { Tensor } from '../tensor/Tensor.js';
import { tensorFromBytes } from '../tensor/tensorBytes.js';
import { ARTIFACT_FORMAT_VERSION, type Artifact, type ArtifactKind } from './Artifact.js';
import { ArtifactMessage } from './artifactSchema.js';
import { crc32 } from './crc32.js';
import { ARTIFACT_HEADER_BYTES, ARTIFACT_MAGIC } from './encodeArtifact.js';

/** Options of {@link decodeArtifact}. */
export interface DecodeArtifactOptions {
  /** Names the file in errors (default `artifact`). */
  source?: string;
  registry?: OpRegistry;
}

const KINDS: readonly ArtifactKind[] = ['float', 'qat', 'quantized'];

interface Plain {
  [k: string]: unknown;
}

/**
 * Decodes the bytes of a .qtk file. A file of another format version, a truncated or corrupt file,
 * or one that does not describe a consistent graph is an error naming `source` and the problem.
 * Node output types are taken from the file (ops of backends not loaded yet stay loadable).
 */
export function decodeArtifact(bytes: Uint8Array, options: DecodeArtifactOptions = {}): Artifact {
  const source = options.source ?? 'artifact';
  const bad = (what: string): never => {
    throw new QtkError('artifact.invalid', `${source}: not a valid qtk artifact (${what})`);
  };
  if (bytes.length < ARTIFACT_HEADER_BYTES || !ARTIFACT_MAGIC.every((b, i) => bytes[i] === b)) {
    bad('it does not start with the .qtk header');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== ARTIFACT_FORMAT_VERSION) {
    throw new QtkError(
      'artifact.version',
      `${source}: .qtk format version ${version} is not supported (this qtk reads version ${ARTIFACT_FORMAT_VERSION})` +
        (version > ARTIFACT_FORMAT_VERSION ? '; it was written by a newer qtk' : ''),
    );
  }
  const length = view.getUint32(8, true);
  const payload = bytes.subarray(ARTIFACT_HEADER_BYTES);
  if (payload.length !== length) bad(`payload is ${payload.length} bytes, header says ${length}: truncated or padded`);
  if (crc32(payload) !== view.getUint32(12, true)) bad('checksum mismatch: the file is corrupt');

  let message: Plain;
  try {
    const decoded = ArtifactMessage.decode(payload);
    message = ArtifactMessage.toObject(decoded, {
      longs: Number,
      arrays: true,
      objects: true,
      defaults: true,
      oneofs: true,
    }) as Plain;
  } catch (e) {
    return bad(`protobuf decoding failed: ${(e as Error).message}`);
  }
  const kind = message.kind as ArtifactKind;
  if (!KINDS.includes(kind)) bad(`unknown kind '${String(kind)}'`);
  const graph = rebuildGraph((message.graph ?? {}) as Plain, source, options.registry ?? opRegistry, bad);
  const sections = { ...(message.sections as Record<string, Uint8Array>) };
  return {
    kind,
    graph,
    metadata: { ...(message.metadata as Record<string, string>) },
    ...(Object.keys(sections).length > 0 ? { sections } : {}),
  };
}

function rebuildGraph(g: Plain, source: string, registry: OpRegistry, bad: (what: string) => never): Graph {
  const dtype = (d: unknown, where: string): DType =>
    typeof d === 'string' && isDType(d) ? d : bad(`${where}: unknown dtype '${String(d)}'`);
  const type = (t: Plain | undefined, where: string): TensorType => ({
    dtype: dtype(t?.dtype, where),
    shape: ((t?.shape ?? []) as Plain[]).map((d): Dim => (d.value === 'symbol' ? String(d.symbol) : Number(d.size))),
  });
  const tensor = (t: Plain | undefined, where: string): Tensor =>
    tensorFromBytes(
      dtype(t?.dtype, where),
      ((t?.shape ?? []) as number[]).map(Number),
      (t?.raw ?? new Uint8Array()) as Uint8Array,
      `${source}: ${where}`,
    );

  const graph = new Graph(String(g.name ?? 'main'), registry);
  Object.assign(graph.metadata, g.metadata as Record<string, string>);
  for (const i of (g.inputs ?? []) as Plain[])
    graph.addInput(String(i.name), type(i.type as Plain, `input '${String(i.name)}'`));
  for (const c of (g.constants ?? []) as Plain[]) {
    const name = String(c.name);
    const v = graph.addConstant(name, tensor(c.tensor as Plain, `constant '${name}'`));
    if (v.name !== name) bad(`constant name '${name}' appears twice`);
  }
  for (const n of (g.nodes ?? []) as Plain[]) {
    const name = String(n.name);
    const inputs = ((n.inputs ?? []) as string[]).map((i): Value | null => {
      if (i === '') return null;
      return graph.findValue(i) ?? bad(`node '${name}' reads '${i}', which is not defined before it`);
    });
    const outputs = (n.outputs ?? []) as Plain[];
    const attrs: Record<string, AttributeValue> = {};
    for (const a of (n.attributes ?? []) as Plain[])
      attrs[String(a.name)] = attribute(a, `node '${name}' attribute '${String(a.name)}'`);
    const node = graph.addNode({
      op: String(n.op),
      domain: String(n.domain ?? ''),
      name,
      inputs,
      attrs,
      outputs: outputs.map((o) => String(o.name)),
      outputTypes: outputs.map((o) => type(o.type as Plain, `output '${String(o.name)}' of node '${name}'`)),
    });
    if (node.name !== name) bad(`node name '${name}' appears twice`);
    node.annotations = { ...((n.annotations ?? {}) as Record<string, string>) };
    node.outputs.forEach((o, k) => {
      if (o.name !== String(outputs[k]?.name)) bad(`value name '${String(outputs[k]?.name)}' appears twice`);
    });
  }
  graph.setOutputs(
    ((g.outputs ?? []) as string[]).map((o) => graph.findValue(o) ?? bad(`graph output '${o}' is not defined`)),
  );
  return graph;

  function attribute(a: Plain, where: string): AttributeValue {
    switch (a.value) {
      case 'number':
        return Number(a.number);
      case 'text':
        return String(a.text);
      case 'numbers':
        return ((a.numbers as Plain).values as number[]).map(Number);
      case 'texts':
        return ((a.texts as Plain).values as string[]).map(String);
      case 'tensor':
        return tensor(a.tensor as Plain, where);
      default:
        return bad(`${where} has no value`);
    }
  }
}
