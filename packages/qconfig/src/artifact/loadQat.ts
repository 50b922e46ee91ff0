import { type Artifact, cloneGraph, QtkError } from '@qtk/ir';
import { type Observer, type ObserverState, restoreObserver } from '@qtk/observers';
import { FakeQuantState } from '../FakeQuantState.js';
import { PreparedModel } from '../PreparedModel.js';
import type { FakeQuantPoint } from '../prepare/addFakeQuantize.js';
import { OBSERVERS_SECTION, QAT_SECTIONS_VERSION, QCONFIG_SECTION, type QconfigSection } from './exportQat.js';

function section<T>(artifact: Artifact, name: string, source: string): T {
  const bytes = artifact.sections?.[name];
  if (!bytes) throw new QtkError('qat.section', `${source}: QAT artifact has no '${name}' section`);
  let v: { version?: number };
  try {
    v = JSON.parse(new TextDecoder().decode(bytes)) as { version?: number };
  } catch {
    throw new QtkError('qat.section', `${source}: section '${name}' is not valid JSON`);
  }
  if (v.version !== QAT_SECTIONS_VERSION) {
    throw new QtkError(
      'qat.section',
      `${source}: section '${name}' has version ${String(v.version)}, this qtk reads ${QAT_SECTIONS_VERSION}`,
    );
  }
  return v as T;
}

/**
 * A prepared model, in VALIDATION, from a QAT artifact written by {@link exportQat}: the graph, the
 * restored observers and the decisions, exactly as exported.
 */
export function loadQat(artifact: Artifact, source = 'artifact'): PreparedModel {
  if (artifact.kind !== 'qat')
    throw new QtkError('qat.kind', `${source}: a ${artifact.kind} artifact is not a QAT artifact`);
  const obs = section<{ observers: Record<string, ObserverState> }>(artifact, OBSERVERS_SECTION, source);
  const qc = section<QconfigSection>(artifact, QCONFIG_SECTION, source);
  const graph = cloneGraph(artifact.graph);
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const points = new Map<string, FakeQuantPoint>();
  for (const [name, p] of Object.entries(qc.points)) {
    const node = byName.get(name);
    if (!node) throw new QtkError('qat.section', `${source}: fake quantization '${name}' is not in the graph`);
    points.set(name, { ...p, node });
  }
  const observers = new Map<string, Observer>(Object.entries(obs.observers).map(([id, s]) => [id, restoreObserver(s)]));
  return new PreparedModel({
    graph,
    march: qc.march,
    observers,
    decisions: new Map(Object.entries(qc.decisions)),
    points,
    sharing: new Map(Object.entries(qc.sharing)),
    setterNames: qc.setters,
    fusions: new Map(Object.entries(qc.fusions)),
    state: FakeQuantState.VALIDATION,
  });
}
