import { isScalarLike, type Kernel, MersenneTwister, Tensor } from '@qtk/ir';
import { optionalInput, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * The next draw of NumPy's legacy `random_sample` (what `np.random.uniform(0, 1)` returns) from
 * MT19937: 27 and 26 bits of two words, a double in [0, 1) with 53 random bits.
 */
function numpyRandomSample(engine: MersenneTwister): number {
  const a = engine.nextUint32() >>> 5;
  const b = engine.nextUint32() >>> 6;
  return (a * 67108864 + b) / 9007199254740992;
}

/**
 * ONNX Dropout (opset 12 form). Inference (no `training_mode`, or false, or ratio 0): the data as
 * it is and a mask of all true. Training: what ONNX's reference computes, so ONNX's expected
 * outputs are reproduced exactly: NumPy's legacy generator seeded with `seed` (modulo 2^32; 0 when
 * unset, so that runs are reproducible), one uniform draw per entry in row-major order,
 * `mask = u >= ratio`, `y = mask * x * (1 / (1 - ratio))` with the scale in the ratio's dtype and
 * the products in the data's.
 */
export const dropoutKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw nodeError(ctx, `data must be float32 or float64, got ${x.dtype}`);
  }
  const ratioTensor = optionalInput(ctx, 1);
  const trainingTensor = optionalInput(ctx, 2);
  if (
    ratioTensor &&
    (!isScalarLike(ratioTensor.shape) || (ratioTensor.dtype !== 'float32' && ratioTensor.dtype !== 'float64'))
  ) {
    throw nodeError(ctx, 'ratio must be a float scalar');
  }
  if (trainingTensor && (trainingTensor.dtype !== 'bool' || !isScalarLike(trainingTensor.shape))) {
    throw nodeError(ctx, 'training_mode must be a bool scalar');
  }
  const ratio = ratioTensor ? (ratioTensor.data[0] as number) : 0.5;
  const training = trainingTensor ? trainingTensor.data[0] !== 0 : false;
  const withMask = ctx.node.outputs.length > 1;
  if (!training || ratio === 0) {
    if (!withMask) return [x];
    const mask = Tensor.zeros('bool', x.shape);
    mask.data.fill(1);
    return [x, mask];
  }
  if (!(ratio > 0 && ratio < 1)) throw nodeError(ctx, `ratio must be in [0, 1) in training mode, got ${ratio}`);
  const roundRatio = ratioTensor?.dtype === 'float64' ? (v: number) => v : Math.fround;
  const scale = roundRatio(1 / roundRatio(1 - ratio));
  const seed = ctx.attrs.has('seed') ? ctx.attrs.int('seed') : 0;
  const engine = new MersenneTwister(Number(BigInt.asUintN(32, BigInt(seed))));
  const y = Tensor.zeros(x.dtype, x.shape);
  const mask = Tensor.zeros('bool', x.shape);
  const src = x.data as Float32Array | Float64Array;
  const dst = y.data as Float32Array | Float64Array;
  for (let i = 0; i < src.length; i++) {
    const keep = numpyRandomSample(engine) >= ratio ? 1 : 0;
    mask.data[i] = keep;
    // keep * x is exact (NumPy's mask * X); the store rounds the product with the scale once.
    dst[i] = keep * (src[i] as number) * scale;
  }
  return withMask ? [y, mask] : [y];
};
