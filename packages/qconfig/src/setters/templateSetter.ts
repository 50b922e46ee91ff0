import { hasInt16Internals } from '../prepare/quantRole.js';
import type { FakeQuantConfig, QConfig } from '../QConfig.js';
import type { QconfigSetter, SetterDecision } from './QconfigSetter.js';

/** Weights: qint8, per output channel, MinMax (the vendor's templates all do so). */
export const TEMPLATE_WEIGHT: FakeQuantConfig = { dtype: 'qint8', observer: { kind: 'minmax' }, perChannel: true };

/**
 * A preset template (SPEC section 5): every op's activations as `activation`, weights as
 * {@link TEMPLATE_WEIGHT}, and high-precision outputs for GEMMs read by model outputs. Where a
 * GEMM output is both a model output and another op's input, the vendor keeps it quantized; qtk
 * leaves it high-precision and re-quantizes it where other ops read it (they carry
 * `input: activation`), which is what the article's `dequant` + `quant_out` does by hand.
 */
export function templateSetter(name: string, activation: FakeQuantConfig): QconfigSetter {
  const quantized: QConfig = { output: activation, weight: TEMPLATE_WEIGHT, input: activation };
  const unquantized: QConfig = { output: null, weight: null, input: activation };
  const act = `${activation.dtype} activations (${activation.observer.kind}${
    activation.observer.kind === 'minmax' && activation.observer.averagingConstant === 0 ? ', fixed' : ''
  })`;
  return {
    name,
    decide(ctx) {
      const out = new Map<string, SetterDecision>();
      for (const node of ctx.ops) {
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
