import type { DType } from '../../dtype/DType.js';
import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape, type Shape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import type { OpTraits } from '../OpTraits.js';

const FLOAT: readonly DType[] = ['float32', 'float64'];
const NUMERIC: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'int64', 'uint8'];

/**
 * Max, Min, Sum and Mean compute on activations that share one scale (calibration gives them one
 * observer); a constant operand keeps its own, which the integer op's multipliers absorb.
 */
const SHARED: OpTraits = { quantRole: 'compute', sharedInputScale: true };

/** An op over one or more inputs of one dtype, broadcast together (ONNX Max, Min, Sum, Mean; opset 8 on). */
function variadicBroadcastOp<N extends string>(op: N, summary: string, dtypes: readonly DType[]): CoreOpDefinition<N> {
  return {
    op,
    summary,
    traits: SHARED,
    inputs: [{ name: 'data_0', variadic: true }],
    outputs: [{ name: op.toLowerCase() }],
    attributes: {},
    inferTypes(ctx: InferenceContext) {
      const first = ctx.requireInput(0);
      if (!dtypes.includes(first.dtype)) ctx.fail(`input dtype ${first.dtype} is not one of ${dtypes.join(', ')}`);
      const shapes: Shape[] = [];
      for (let i = 0; i < ctx.node.inputs.length; i++) {
        const t = ctx.requireInput(i);
        if (t.dtype !== first.dtype) ctx.fail(`input ${i} is ${t.dtype}, input 0 is ${first.dtype}`);
        shapes.push(t.shape);
      }
      const shape = broadcastShapes(...shapes);
      if (!shape) ctx.fail(`shapes ${shapes.map(formatShape).join(', ')} do not broadcast`);
      return [{ dtype: first.dtype, shape }];
    },
  };
}

export const Max = variadicBroadcastOp('Max', 'Elementwise maximum of the inputs, broadcasting.', NUMERIC);
export const Min = variadicBroadcastOp('Min', 'Elementwise minimum of the inputs, broadcasting.', NUMERIC);
export const Sum = variadicBroadcastOp('Sum', 'Elementwise sum of the inputs, broadcasting.', FLOAT);
export const Mean = variadicBroadcastOp('Mean', 'Elementwise mean of the inputs, broadcasting.', FLOAT);
