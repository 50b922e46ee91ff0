import { QtkError } from '../../errors/QtkError.js';
import { Tensor } from '../../tensor/Tensor.js';
import { LeafModule } from '../LeafModule.js';
import { kaimingUniform_, uniform_ } from '../random/init.js';
import type { SymbolicTensor } from '../SymbolicTensor.js';

/** Options of {@link Conv2d}, as PyTorch's keyword arguments. */
export interface Conv2dOptions {
  stride?: number | [number, number];
  padding?: number | [number, number];
  dilation?: number | [number, number];
  groups?: number;
  bias?: boolean;
}

function pair(v: number | [number, number] | undefined, fallback: number): [number, number] {
  if (v === undefined) return [fallback, fallback];
  return typeof v === 'number' ? [v, v] : v;
}

/** `nn.Conv2d`: weight `[out, in/groups, kh, kw]`, PyTorch's initialization. */
export class Conv2d extends LeafModule {
  weight: Tensor<'float32'>;
  bias: Tensor<'float32'> | null;
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly dilation: [number, number];
  readonly groups: number;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: number | [number, number],
    options: Conv2dOptions = {},
  ) {
    super();
    this.groups = options.groups ?? 1;
    if (inChannels % this.groups !== 0 || outChannels % this.groups !== 0) {
      throw new QtkError(
        'nn.conv',
        `Conv2d channels ${inChannels} -> ${outChannels} must divide by groups ${this.groups}`,
      );
    }
    const [kh, kw] = pair(kernelSize, 1);
    this.stride = pair(options.stride, 1);
    this.padding = pair(options.padding, 0);
    this.dilation = pair(options.dilation, 1);
    this.weight = kaimingUniform_(
      Tensor.zeros('float32', [outChannels, inChannels / this.groups, kh, kw]),
      Math.sqrt(5),
    );
    const fanIn = (inChannels / this.groups) * kh * kw;
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    this.bias = options.bias === false ? null : uniform_(Tensor.zeros('float32', [outChannels]), -bound, bound);
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    const [ph, pw] = this.padding;
    return this.emit(
      'Conv',
      x,
      [
        ['weight', this.weight],
        ['bias', this.bias],
      ],
      { strides: this.stride, pads: [ph, pw, ph, pw], dilations: this.dilation, group: this.groups },
    );
  }
}
