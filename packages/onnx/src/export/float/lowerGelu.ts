import type { NodeLowering } from '../ExportContext.js';
import { Decomposition } from './Decomposition.js';
import { scalarLike } from './scalarLike.js';

/**
 * Gelu: the Gelu op from opset 20; before, the decomposition PyTorch emits: for the erf form
 * `Mul(Mul(x, Add(Erf(Div(x, sqrt 2)), 1)), 0.5)`, for the tanh form
 * `0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))`.
 */
export const lowerGelu: NodeLowering = (node, ctx) => {
  const x = node.input(0);
  const approximate = ctx.graph.registry.attributesOf(node).string('approximate');
  if (ctx.opset >= 20) {
    ctx.emit({
      op: 'Gelu',
      name: node.name,
      inputs: [ctx.valueName(x)],
      outputs: [ctx.valueName(node.output())],
      attributes: ctx.attributesOf(node),
    });
    return;
  }
  const d = new Decomposition(node, ctx);
  const c = (role: string, v: number) => d.constant(role, scalarLike(x, v));
  const xs = ctx.valueName(x);
  let inner: string;
  if (approximate === 'tanh') {
    const cube = d.step('Pow', [xs, c('three', 3)]);
    const sum = d.step('Add', [xs, d.step('Mul', [cube, c('coefficient', 0.044715)])]);
    inner = d.step('Tanh', [d.step('Mul', [sum, c('sqrt_2_over_pi', Math.sqrt(2 / Math.PI))])]);
  } else {
    inner = d.step('Erf', [d.step('Div', [xs, c('sqrt2', Math.SQRT2)])]);
  }
  const gate = d.step('Add', [inner, c('one', 1)]);
  d.finish('Mul', [d.step('Mul', [xs, gate]), c('half', 0.5)]);
};
