import type { Value } from '@qtk/ir';
import { buildQconfigTable, qconfigJson } from '@qtk/qconfig';
import type { LoadedModel } from '../model/LoadedModel.js';
import { countParameters } from './countParameters.js';
import { estimateMacs } from './estimateMacs.js';
import type { InspectReport, NodeReport, QconfigReport, ValueReport } from './InspectReport.js';

function valueReport(value: Value): ValueReport {
  return { name: value.name, dtype: value.type.dtype, shape: [...value.type.shape] };
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(sorted);
}

function qconfigReport(model: LoadedModel): QconfigReport | null {
  if (!model.qat) return null;
  const table = buildQconfigTable(model.qat);
  return { march: table.march, setters: table.setters, ops: qconfigJson(table).ops, warnings: table.warnings };
}

/** The `folded_nodes` count ONNX import records in the metadata (artifacts keep it), or `null`. */
function foldedAtImport(metadata: Readonly<Record<string, string>>): number | null {
  const n = Number(metadata.folded_nodes);
  return metadata.folded_nodes !== undefined && Number.isInteger(n) && n >= 0 ? n : null;
}

/** What `qtk inspect` reports about a model: a plain object, the same for text and `--json`. */
export function buildInspectReport(model: LoadedModel): InspectReport {
  const { graph, source } = model;
  const symbols = new Set<string>();
  let macs = 0;
  const counts = new Map<string, number>();
  const nodes: NodeReport[] = graph.nodes.map((node) => {
    const estimate = estimateMacs(graph, node);
    macs += estimate.macs;
    for (const s of estimate.symbols) symbols.add(s);
    counts.set(node.qualifiedOp, (counts.get(node.qualifiedOp) ?? 0) + 1);
    return {
      name: node.name,
      op: node.qualifiedOp,
      inputs: node.inputs.map((v) => (v ? valueReport(v) : null)),
      outputs: node.outputs.map(valueReport),
      macs: estimate.macs,
      unit: node.annotations.unit ?? null,
      fallback: node.annotations.fallback !== undefined,
    };
  });
  return {
    format: 'qtk.inspect/1',
    model: {
      source: source.kind,
      path: source.kind === 'builtin' ? null : source.path,
      description: source.kind === 'builtin' ? source.description : null,
      graphName: graph.name,
      artifactKind: source.kind === 'qtk' ? source.artifactKind : null,
    },
    metadata: sortedRecord(Object.entries(model.metadata)),
    inputs: graph.inputs.map(valueReport),
    outputs: graph.outputs.map(valueReport),
    nodes,
    foldedAtImport: foldedAtImport(model.metadata),
    opCounts: sortedRecord(counts),
    parameters: countParameters(graph),
    macs,
    macsSymbolicDimsAsOne: [...symbols].sort(),
    qconfig: qconfigReport(model),
    conversion: model.conversion ?? null,
  };
}
