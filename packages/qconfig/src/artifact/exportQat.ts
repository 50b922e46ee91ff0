import { type Artifact, cloneGraph, QtkError } from '@qtk/ir';
import type { ObserverState } from '@qtk/observers';
import { FakeQuantState } from '../FakeQuantState.js';
import type { PreparedModel } from '../PreparedModel.js';
import type { FakeQuantPoint } from '../prepare/addFakeQuantize.js';
import type { OpDecision } from '../setters/combineSetters.js';

/** Artifact section holding the observer states of a QAT artifact (JSON). */
export const OBSERVERS_SECTION = 'qtk.observers';
/** Artifact section holding the qconfig decisions of a QAT artifact (JSON). */
export const QCONFIG_SECTION = 'qtk.qconfig';
/** Version of the JSON inside both sections. */
export const QAT_SECTIONS_VERSION = 1;

/** What {@link QCONFIG_SECTION} holds. */
export interface QconfigSection {
  version: number;
  march: string;
  setters: string[];
  decisions: Record<string, OpDecision>;
  points: Record<string, Omit<FakeQuantPoint, 'node'>>;
  sharing: Record<string, string>;
  fusions: Record<string, string>;
}

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/**
 * The QAT artifact of a calibrated model (SPEC section 6): the float ops with their FakeQuantize
 * points (dtype, scales) enabled, the observer states, and the qconfig decisions, with the march
 * in the metadata. The model must be in VALIDATION (or QAT): export needs fixed scales.
 */
export function exportQat(model: PreparedModel, metadata: Readonly<Record<string, string>> = {}): Artifact {
  if (model.state === FakeQuantState.CALIBRATION) {
    throw new QtkError(
      'qat.state',
      'export needs fixed scales: switch the model to VALIDATION (setFakeQuantize) after calibration',
    );
  }
  const observers: Record<string, ObserverState> = {};
  for (const [id, o] of model.observers) observers[id] = o.state();
  const section: QconfigSection = {
    version: QAT_SECTIONS_VERSION,
    march: model.march,
    setters: [...model.setterNames],
    decisions: Object.fromEntries(model.decisions),
    points: Object.fromEntries([...model.points].map(([k, { node: _node, ...rest }]) => [k, rest])),
    sharing: Object.fromEntries(model.sharing),
    fusions: Object.fromEntries(model.fusions),
  };
  return {
    kind: 'qat',
    graph: cloneGraph(model.graph),
    metadata: { ...metadata, march: model.march },
    sections: {
      [OBSERVERS_SECTION]: json({ version: QAT_SECTIONS_VERSION, observers }),
      [QCONFIG_SECTION]: json(section),
    },
  };
}
