import {
  BatchNorm2d,
  Conv2d,
  GELU,
  Generator,
  LayerNorm,
  Linear,
  MaxPool2d,
  Module,
  manualSeed,
  ReLU,
  ReLU6,
  randn,
  Sigmoid,
  Softmax,
  type SymbolicTensor,
  type Tensor,
} from '@qtk/ir';

/** An MLP block with LayerNorm, GELU, a residual Add and a Softmax head. */
class MlpBlock extends Module {
  fc1 = new Linear(16, 32);
  norm = new LayerNorm(32);
  act = new GELU();
  fc2 = new Linear(32, 16);
  head = new Linear(16, 8);
  softmax = new Softmax(-1);
  forward(x: SymbolicTensor): SymbolicTensor {
    const h = this.fc2.call(this.act.call(this.norm.call(this.fc1.call(x))));
    return this.softmax.call(this.head.call(h.add(x)));
  }
}

/** A small CNN: Conv+BN+ReLU, depthwise Conv+ReLU6, max pooling, a sigmoid gate, and a high-precision Linear head. */
class TinyCnn extends Module {
  conv = new Conv2d(3, 8, 3, { padding: 1 });
  bn = new BatchNorm2d(8);
  relu = new ReLU();
  dw = new Conv2d(8, 8, 3, { padding: 1, groups: 8 });
  relu6 = new ReLU6();
  pool = new MaxPool2d(2);
  gate = new Sigmoid();
  head = new Linear(8 * 4 * 4, 5);
  forward(x: SymbolicTensor): SymbolicTensor {
    const a = this.relu.call(this.bn.call(this.conv.call(x)));
    const b = this.pool.call(this.relu6.call(this.dw.call(a)));
    return this.head.call(this.gate.call(b).mul(b).flatten(1));
  }
}

/** One model of the conformance kit, with example input and calibration samples. */
export interface ConformanceModel {
  readonly name: string;
  readonly model: Module;
  readonly example: Tensor;
  readonly samples: readonly Tensor[];
}

/**
 * The kit's models. Seeds the default generator (layers initialize from it), so every call builds
 * the same weights and data.
 */
export function conformanceModels(): ConformanceModel[] {
  manualSeed(2024);
  const g = new Generator(2025);
  const data = (shape: number[]) => Array.from({ length: 6 }, () => randn(shape, { generator: g }));
  const mlp = new MlpBlock();
  const cnn = new TinyCnn();
  const mlpData = data([4, 16]);
  const cnnData = data([1, 3, 8, 8]);
  return [
    { name: 'mlp-layernorm-gelu-softmax', model: mlp, example: mlpData[0] as Tensor, samples: mlpData },
    { name: 'cnn-conv-bn-relu-pool-sigmoid', model: cnn, example: cnnData[0] as Tensor, samples: cnnData },
  ];
}
