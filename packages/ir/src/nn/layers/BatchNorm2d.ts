import { Tensor } from '../../tensor/Tensor.js';
import { LeafModule } from '../LeafModule.js';
import type { SymbolicTensor } from '../SymbolicTensor.js';

/** `nn.BatchNorm2d` in eval mode: affine parameters and running statistics. */
export class BatchNorm2d extends LeafModule {
  weight: Tensor<'float32'>;
  bias: Tensor<'float32'>;
  running_mean: Tensor<'float32'>;
  running_var: Tensor<'float32'>;
  readonly eps: number;

  constructor(
    readonly numFeatures: number,
    options: { eps?: number } = {},
  ) {
    super();
    this.eps = options.eps ?? 1e-5;
    this.weight = new Tensor('float32', [numFeatures], new Float32Array(numFeatures).fill(1));
    this.bias = Tensor.zeros('float32', [numFeatures]);
    this.running_mean = Tensor.zeros('float32', [numFeatures]);
    this.running_var = new Tensor('float32', [numFeatures], new Float32Array(numFeatures).fill(1));
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit(
      'BatchNorm',
      x,
      [
        ['weight', this.weight],
        ['bias', this.bias],
        ['running_mean', this.running_mean],
        ['running_var', this.running_var],
      ],
      { epsilon: this.eps },
    );
  }
}
