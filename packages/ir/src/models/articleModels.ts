/**
 * The two SmallModel classes of the article qtk started from ("征程 6 | linear 高精度输出配置方式"),
 * written with qtk's model-building API line for line as the article writes them in PyTorch.
 *
 * With `manualSeed(42)`, then {@link articleExampleInput}, then the model, the weights are exactly
 * PyTorch's for the same script, so their outputs match the article's (see the fixtures
 * seed_small.onnx and seed_two_outputs.onnx).
 *
 * @module
 */

import { ReLU } from '../nn/layers/activations.js';
import { LayerNorm } from '../nn/layers/LayerNorm.js';
import { Linear } from '../nn/layers/Linear.js';
import { DeQuantStub, QuantStub } from '../nn/layers/stubs.js';
import { Module } from '../nn/Module.js';
import { randn } from '../nn/random/randn.js';
import type { SymbolicTensor } from '../nn/SymbolicTensor.js';
import type { Tensor } from '../tensor/Tensor.js';

/** Case 1: the model ends in a linear whose output feeds only the dequant. */
export class SmallModel extends Module {
  // linear1: [2, 100, 256] -> [2, 100, 256]
  linear1 = new Linear(256, 256);
  layernorm = new LayerNorm(256);
  relu = new ReLU();
  // linear2: [2, 100, 256] -> [2, 100, 60]
  linear2 = new Linear(256, 60);
  // linear3: [2, 100, 60] -> [2, 100, 60]
  linear3 = new Linear(60, 60);
  quant = new QuantStub();
  dequant = new DeQuantStub();

  forward(x: SymbolicTensor): SymbolicTensor {
    x = this.quant.call(x);
    x = this.linear1.call(x);
    x = this.layernorm.call(x);
    x = this.relu.call(x);
    const y = this.linear2.call(x);
    let z = this.linear3.call(y);
    z = this.dequant.call(z);
    return z;
  }
}

/**
 * Case 2: linear2's output is both a model output and linear3's input. As the article says, the
 * output goes through `dequant` and linear3's input through a fresh `quant_out`.
 */
export class SmallModelTwoOutputs extends Module {
  linear1 = new Linear(256, 256);
  layernorm = new LayerNorm(256);
  relu = new ReLU();
  linear2 = new Linear(256, 60);
  linear3 = new Linear(60, 60);
  quant = new QuantStub();
  quant_out = new QuantStub();
  dequant = new DeQuantStub();

  forward(x: SymbolicTensor): [SymbolicTensor, SymbolicTensor] {
    x = this.quant.call(x);
    x = this.linear1.call(x);
    x = this.layernorm.call(x);
    x = this.relu.call(x);
    let y = this.linear2.call(x);
    const y_out = this.dequant.call(y);
    y = this.quant_out.call(y_out);
    let z = this.linear3.call(y);
    z = this.dequant.call(z);
    return [z, y_out];
  }
}

/** `torch.randn(2, 100, 256)`, the article's example input (call `manualSeed(42)` first). */
export function articleExampleInput(): Tensor<'float32'> {
  return randn(2, 100, 256);
}
