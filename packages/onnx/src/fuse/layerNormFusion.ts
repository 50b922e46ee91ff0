import {
  type Attributes,
  anyValue,
  constantValue,
  type Graph,
  isConcreteShape,
  type Node,
  type OpPattern,
  opPattern,
  type RewriteRule,
  reductionAxes,
  replaceMatch,
  type Value,
} from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { isFloatValue } from './isFloatValue.js';
import { isScalarNear, scalarConstant } from './scalarConstant.js';

/** (x - mean(x)) / sqrt(mean((x - mean(x))^2) + eps), as PyTorch's opset-13 export spells it. */
function normalizedPattern(): OpPattern {
  const centered = opPattern('Sub', [anyValue('x'), opPattern('ReduceMean', [anyValue('x')], { capture: 'mean' })], {
    capture: 'centered',
  });
  // The squared term reads the same Sub; a node can be matched once, so capture its output here
  // and check in `apply` that it is the Sub's.
  const variance = opPattern('ReduceMean', [opPattern('Pow', [anyValue('centered2'), constantValue('two')])], {
    capture: 'variance',
  });
  const std = opPattern('Sqrt', [opPattern('Add', [variance, constantValue('eps')], { commutative: true })]);
  return opPattern('Div', [centered, std]);
}

/** The LayerNorm axis (negative, as PyTorch exports it) both ReduceMeans stand for, if any. */
function normalizedAxis(graph: Graph, x: Value, means: readonly Node[]): number | undefined {
  const rank = x.type.shape.length;
  let axes: number[] | undefined;
  for (const m of means) {
    const attrs = graph.registry.attributesOf(m);
    if (attrs.int('keepdims') !== 1) return undefined;
    const a = reductionAxes(attrs.optionalInts('axes'), rank);
    if (!a || (axes && a.join() !== axes.join())) return undefined;
    axes = a;
  }
  if (!axes || axes.length === 0 || axes.some((a, i) => a !== rank - axes.length + i)) return undefined;
  return -axes.length;
}

/**
 * An affine parameter as LayerNorm takes it (the normalized dims' shape): a constant whose shape,
 * leading 1s dropped, is exactly those dims.
 */
function affineParameter(graph: Graph, v: Value, normalized: readonly number[]): Value | undefined {
  const t = v.constant;
  if (!t) return undefined;
  const dims = [...t.shape];
  while (dims.length > normalized.length && dims[0] === 1) dims.shift();
  if (dims.length !== normalized.length || dims.some((d, i) => d !== normalized[i])) return undefined;
  return dims.length === t.shape.length ? v : graph.addConstant(`${v.name}_reshaped`, t.reshape(normalized));
}

type Affine = 'scale-and-bias' | 'scale' | 'none';

function layerNormRule(origins: NodeOrigins, affine: Affine): RewriteRule {
  const normalized = normalizedPattern();
  const scaled = opPattern('Mul', [normalized, constantValue('gamma')], { commutative: true });
  const pattern =
    affine === 'scale-and-bias'
      ? opPattern('Add', [scaled, constantValue('beta')], { commutative: true })
      : affine === 'scale'
        ? scaled
        : normalized;
  return {
    name: `layernorm-from-decomposition (${affine})`,
    pattern,
    apply(match, graph) {
      const { x, centered2, two, eps, gamma, beta } = match.values as Record<string, Value | undefined>;
      const means = [match.nodes.mean, match.nodes.variance] as Node[];
      if (!x || !isFloatValue(x) || centered2 !== match.nodes.centered?.output()) return false;
      if (!isScalarNear(two as Value, 2)) return false;
      const epsilon = scalarConstant(eps as Value);
      const axis = normalizedAxis(graph, x, means);
      if (epsilon === undefined || epsilon < 0 || axis === undefined) return false;
      const dims = x.type.shape.slice(axis);
      if (!isConcreteShape(dims)) return false;
      if ([gamma, beta].some((p) => p && p.type.dtype !== x.type.dtype)) return false;
      const scale = gamma ? affineParameter(graph, gamma, dims) : null;
      const bias = beta ? affineParameter(graph, beta, dims) : null;
      if (scale === undefined || bias === undefined) return false;
      const attrs: Attributes = { axis, epsilon };
      const node = replaceMatch(graph, match, {
        op: 'LayerNorm',
        name: match.root.name,
        inputs: bias ? [x, scale, bias] : scale ? [x, scale] : [x],
        attrs,
      });
      origins.merge(node, match.covered);
      return true;
    },
  };
}

/**
 * The LayerNorm decomposition PyTorch emits before opset 17 (ReduceMean, Sub, Pow 2, ReduceMean,
 * Add eps, Sqrt, Div, then Mul gamma and Add beta when affine) becomes `LayerNorm` over the reduced
 * trailing dims. The most complete form is tried first.
 */
export function layerNormFusions(origins: NodeOrigins): RewriteRule[] {
  return [layerNormRule(origins, 'scale-and-bias'), layerNormRule(origins, 'scale'), layerNormRule(origins, 'none')];
}
