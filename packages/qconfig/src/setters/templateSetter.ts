import { hasInt16Internals } from '../prepare/quantRole.js';
import type { FakeQuantConfig, QConfig } from '../QConfig.js';
import { int16InputChains } from './int16InputChains.js';
import type { QconfigSetter, SetterDecision } from './QconfigSetter.js';

/** Weights: qint8, per output channel, MinMax (the vendor's templates all do so). */
export const TEMPLATE_WEIGHT: FakeQuantConfig = { dtype: 'qint8', observer: { kind: 'minmax' }, perChannel: true };

/** The rule that makes a GridSample grid's chain int16 in the int8 presets, as the qconfig table words it. */
export const INT16_GRID_RULE =
  'qint16 for a GridSample grid and the ops computing it back to the first GEMM or QuantStub (vendor preset rule)';

/**
 * A preset template (SPEC section 5): every op's activations as `activation`, weights as
 * {@link TEMPLATE_WEIGHT}, and high-precision outputs for GEMMs read by model outputs. Where a
 * GEMM output is both a model output and another op's input, the vendor keeps it quantized; qtk
 * leaves it high-precision and re-quantizes it where other ops read it (they carry
 * `input: activation`), which is what the article's `dequant` + `quant_out` does by hand. With int8
 * activations, the inputs ops declare `int16Inputs` (GridSample's grid) and the ops computing them
 * get int16 ({@link INT16_GRID_RULE}).
 */
export function templateSetter(name: string, activation: FakeQuantConfig): QconfigSetter {
  const act16: FakeQuantConfig = { ...activation, dtype: 'qint16' };
  const describe = (a: FakeQuantConfig) =>
    `${a.dtype} activations (${a.observer.kind}${a.observer.kind === 'minmax' && a.observer.averagingConstant === 0 ? ', fixed' : ''})`;
  return {
    name,
    decide(ctx) {
      const out = new Map<string, SetterDecision>();
      const widened = activation.dtype === 'qint8';
      const grids = widened ? int16InputChains(ctx) : new Set();
      for (const node of ctx.ops) {
        const onGrid = grids.has(node);
        const a = onGrid ? act16 : activation;
        const int16Inputs = widened ? (ctx.graph.registry.traitsOf(node).int16Inputs ?? []) : [];
        const input = int16Inputs.length > 0 ? node.inputs.map((_, i) => (int16Inputs.includes(i) ? act16 : a)) : a;
        const quantized: QConfig = { output: a, weight: TEMPLATE_WEIGHT, input };
        const unquantized: QConfig = { output: null, weight: null, input };
        const act = `${describe(a)}${onGrid ? `, ${INT16_GRID_RULE}` : ''}${
          int16Inputs.length > 0
            ? `; qint16 input ${int16Inputs.join(', ')} (vendor preset rule for GridSample grids)`
            : ''
        }`;
        const set = (qconfig: QConfig, why: string) => out.set(node.name, { qconfig, rule: `${name}: ${why}` });
        switch (ctx.role(node)) {
          case 'quant-stub':
            set(
              quantized,
              `${node.inputs[0] && ctx.graph.inputs.includes(node.inputs[0]) ? 'model input quantization' : 'quantization starts here (QuantStub)'}, ${act}`,
            );
            break;
          case 'dequant-stub':
            set(unquantized, 'model output (dequantize)');
            break;
          case 'float':
            set({ output: null, weight: null }, 'not quantized (integer or shape computation)');
            break;
          case 'passthrough':
            set(unquantized, "keeps its input's quantization");
            break;
          case 'gemm': {
            const fused = ctx.fusedActivation(node);
            const use = ctx.outputUse(node);
            if (!fused && use.modelOutput && use.consumers.length === 0) {
              set({ ...quantized, output: null }, 'high-precision output (a GEMM read only by model outputs)');
            } else if (!fused && use.modelOutput) {
              set(
                { ...quantized, output: null },
                `high-precision output for the model output; re-quantized for its other readers: ${use.consumers.map((c) => c.name).join(', ')} (qtk rule)`,
              );
            } else {
              set(
                quantized,
                `${act}, qint8 per-channel weights${fused ? `, fused with ${fused.name} (${fused.op})` : ''}`,
              );
            }
            break;
          }
          default:
            set(
              quantized,
              `${act}${hasInt16Internals(node, ctx.graph.registry) ? '; int16 internals on the BPU' : ''}`,
            );
        }
      }
      return out;
    },
  };
}
