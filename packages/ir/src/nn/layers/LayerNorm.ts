import { Tensor } from '../../tensor/Tensor.js';
import { LeafModule } from '../LeafModule.js';
import type { SymbolicTensor } from '../SymbolicTensor.js';

/** `nn.LayerNorm(normalizedShape, eps, elementwiseAffine)` over the last dims. */
export class LayerNorm extends LeafModule {
  weight: Tensor<'float32'> | null;
  bias: Tensor<'float32'> | null;
  readonly normalizedShape: readonly number[];
  readonly eps: number;

  constructor(
    normalizedShape: number | readonly number[],
    options: { eps?: number; elementwiseAffine?: boolean } = {},
  ) {
    super();
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    this.eps = options.eps ?? 1e-5;
    const n = this.normalizedShape.reduce((a, b) => a * b, 1);
    const affine = options.elementwiseAffine ?? true;
    this.weight = affine ? new Tensor('float32', this.normalizedShape, new Float32Array(n).fill(1)) : null;
    this.bias = affine ? Tensor.zeros('float32', this.normalizedShape) : null;
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit(
      'LayerNorm',
      x,
      [
        ['weight', this.weight],
        ['bias', this.bias],
      ],
      { axis: -this.normalizedShape.length, epsilon: this.eps },
    );
  }
}
