import {
  anyValue,
  constantValue,
  type OpPattern,
  opPattern,
  type RewriteRule,
  replaceMatch,
  type Value,
} from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { isFloatValue } from './isFloatValue.js';
import { isScalarNear } from './scalarConstant.js';

/** erf(x / sqrt 2) + 1, with x / sqrt 2 spelled Div(x, sqrt 2) or Mul(x, 1 / sqrt 2). */
function erfPlusOne(): OpPattern {
  const scaled = opPattern(['Div', 'Mul'], [anyValue('x'), constantValue('k')], {
    capture: 'scaled',
    commutative: true,
  });
  return opPattern('Add', [opPattern('Erf', [scaled]), constantValue('one')], { commutative: true });
}

function geluRule(origins: NodeOrigins, halfFirst: boolean): RewriteRule {
  // PyTorch emits 0.5 * x last (Mul(Mul(x, erf + 1), 0.5)) or first (Mul(Mul(x, 0.5), erf + 1)).
  const pattern = halfFirst
    ? opPattern(
        'Mul',
        [opPattern('Mul', [anyValue('x'), constantValue('half')], { commutative: true }), erfPlusOne()],
        {
          commutative: true,
        },
      )
    : opPattern(
        'Mul',
        [opPattern('Mul', [anyValue('x'), erfPlusOne()], { commutative: true }), constantValue('half')],
        {
          commutative: true,
        },
      );
  return {
    name: `gelu-from-erf (${halfFirst ? 'half first' : 'half last'})`,
    pattern,
    apply(match, graph) {
      const { x, k, one, half } = match.values as Record<string, Value>;
      const scaled = match.nodes.scaled;
      if (!x || !isFloatValue(x) || !scaled) return false;
      // Div is not commutative: the pattern allowed Div(k, x); only Div(x, sqrt 2) is GELU.
      const isDiv = scaled.op === 'Div';
      if (isDiv && scaled.inputs[0] !== x) return false;
      if (!isScalarNear(k as Value, isDiv ? Math.SQRT2 : Math.SQRT1_2)) return false;
      if (!isScalarNear(one as Value, 1) || !isScalarNear(half as Value, 0.5)) return false;
      const node = replaceMatch(graph, match, {
        op: 'Gelu',
        name: match.root.name,
        inputs: [x],
        attrs: { approximate: 'none' },
      });
      origins.merge(node, match.covered);
      return true;
    },
  };
}

/** The erf form of GELU PyTorch emits (`nn.GELU()` before opset 20) becomes `Gelu`. */
export function geluFusions(origins: NodeOrigins): RewriteRule[] {
  return [geluRule(origins, false), geluRule(origins, true)];
}
