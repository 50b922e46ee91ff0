import { type Node, Tensor } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';

/** True when the Dropout is the identity whatever it is fed: no training mode, training off, or ratio 0. */
function isInference(node: Node): boolean {
  const training = node.inputs[2];
  const ratio = node.inputs[1];
  if (!training || (training.constant && training.constant.data[0] === 0)) return true;
  return ratio?.constant !== undefined && Number(ratio.constant.data[0]) === 0;
}

/**
 * Dropout in inference is the identity: its output is its input as it was converted (no node), and
 * its mask, when used, a constant of all true. In training mode it draws a random mask, which no
 * integer op does: it stays float.
 */
export function lowerDropout(ctx: LoweringContext, node: Node): LoweringOutcome {
  if (!isInference(node)) {
    return node.inputs[2]?.constant
      ? 'in training mode it draws a random mask'
      : 'its training_mode is fed at run time, and in training mode it draws a random mask';
  }
  const mask = node.outputs[1];
  if (mask) {
    const shape = mask.type.shape;
    if (!shape.every((d): d is number => typeof d === 'number')) return 'its mask has a symbolic shape';
    const ones = Tensor.zeros('bool', shape);
    ones.data.fill(1);
    ctx.set(mask, { kind: 'float', value: ctx.graph.addConstant(`${node.name}.mask`, ones) });
  }
  ctx.set(node.output(0), ctx.get(node.input(0)));
  return true;
}
