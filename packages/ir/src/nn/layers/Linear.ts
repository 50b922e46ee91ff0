import { Tensor } from '../../tensor/Tensor.js';
import { LeafModule } from '../LeafModule.js';
import { kaimingUniform_, uniform_ } from '../random/init.js';
import type { SymbolicTensor } from '../SymbolicTensor.js';

/** `nn.Linear(inFeatures, outFeatures, bias)`: weight `[out, in]`, PyTorch's initialization. */
export class Linear extends LeafModule {
  weight: Tensor<'float32'>;
  bias: Tensor<'float32'> | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: { bias?: boolean } = {},
  ) {
    super();
    this.weight = kaimingUniform_(Tensor.zeros('float32', [outFeatures, inFeatures]), Math.sqrt(5));
    const bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
    this.bias = options.bias === false ? null : uniform_(Tensor.zeros('float32', [outFeatures]), -bound, bound);
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Linear', x, [
      ['weight', this.weight],
      ['bias', this.bias],
    ]);
  }
}
