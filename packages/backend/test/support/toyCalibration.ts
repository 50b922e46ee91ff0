import { type Graph, randn, type Tensor } from '@qtk/ir';
import type { QconfigSetter } from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';
import { calibrateToQat } from '../../src/index.js';

/** A standard normal sample of `shape`, times `scale` plus `shift`. */
export function scaledRandn(shape: number[], scale = 1, shift = 0): Tensor {
  const t = randn(...shape);
  for (let i = 0; i < t.size; i++) t.data[i] = (t.data[i] as number) * scale + shift;
  return t;
}

/**
 * The QAT graph of `model` calibrated for the toy backend's march (`toy-npu`) with `setter` on
 * `samples` (the first one is also the example input).
 */
export function calibratedForToy(model: Graph, samples: { x: Tensor }[], setter: QconfigSetter): Graph {
  return calibrateToQat(model, samples[0]?.x as Tensor, {
    march: 'toy-npu',
    qconfigSetter: setter,
    samples,
    run: runGraph,
  }).artifact.graph;
}
