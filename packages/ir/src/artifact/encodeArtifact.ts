import type { AttributeValue } from '../graph/Attribute.js';
import type { Graph } from '../graph/Graph.js';
import { Tensor } from '../tensor/Tensor.js';
import { tensorToBytes } from '../tensor/tensorBytes.js';
import { ARTIFACT_FORMAT_VERSION, type Artifact } from './Artifact.js';
import { ArtifactMessage } from './artifactSchema.js';
import { crc32 } from './crc32.js';
import type { qtk } from './generated/qtk_artifact.js';

/** The four magic bytes every .qtk file starts with. */
export const ARTIFACT_MAGIC = Uint8Array.of(0x51, 0x54, 0x4b, 0x00);
/** Size of the .qtk header (magic, version, payload length, CRC-32). */
export const ARTIFACT_HEADER_BYTES = 16;

function sorted<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function tensorMessage(t: Tensor): qtk.artifact.TensorData.$Properties {
  return { dtype: t.dtype, shape: [...t.shape], raw: tensorToBytes(t) };
}

function attributeMessage(name: string, v: AttributeValue): qtk.artifact.Attribute.$Properties {
  if (typeof v === 'number') return { name, number: v };
  if (typeof v === 'string') return { name, text: v };
  if (v instanceof Tensor) return { name, tensor: tensorMessage(v) };
  if (v.length > 0 && typeof v[0] === 'string') return { name, texts: { values: [...(v as readonly string[])] } };
  return { name, numbers: { values: [...(v as readonly number[])] } };
}

function graphMessage(graph: Graph): qtk.artifact.Graph.$Properties {
  const type = (t: { dtype: string; shape: readonly (number | string)[] }) => ({
    dtype: t.dtype,
    shape: t.shape.map((d) => (typeof d === 'number' ? { size: d } : { symbol: d })),
  });
  return {
    name: graph.name,
    inputs: graph.inputs.map((v) => ({ name: v.name, type: type(v.type) })),
    constants: graph.constants.map((v) => ({ name: v.name, tensor: tensorMessage(v.constant as Tensor) })),
    nodes: graph.nodes.map((n) => ({
      name: n.name,
      op: n.op,
      domain: n.domain,
      inputs: n.inputs.map((v) => v?.name ?? ''),
      outputs: n.outputs.map((o) => ({ name: o.name, type: type(o.type) })),
      attributes: Object.entries(n.attrs)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => attributeMessage(k, v)),
      annotations: sorted(n.annotations),
    })),
    outputs: graph.outputs.map((v) => v.name),
    metadata: sorted(graph.metadata),
  };
}

/**
 * Encodes an artifact as the bytes of a .qtk file. The encoding is deterministic: the same
 * artifact gives the same bytes (attributes and metadata are written sorted by name).
 */
export function encodeArtifact(artifact: Artifact): Uint8Array {
  const payload = ArtifactMessage.encode(
    ArtifactMessage.create({
      kind: artifact.kind,
      graph: graphMessage(artifact.graph),
      metadata: sorted(artifact.metadata),
      sections: sorted(artifact.sections ?? {}),
    }),
  ).finish();
  const out = new Uint8Array(ARTIFACT_HEADER_BYTES + payload.length);
  out.set(ARTIFACT_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, ARTIFACT_FORMAT_VERSION, true);
  view.setUint32(8, payload.length, true);
  view.setUint32(12, crc32(payload), true);
  out.set(payload, ARTIFACT_HEADER_BYTES);
  return out;
}
