import { erf } from './erf.js';

/** 1 / (1 + exp(-x)), written so that neither branch overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** x * Phi(x), the exact GELU. */
export function gelu(x: number): number {
  return 0.5 * x * (1 + erf(x * Math.SQRT1_2));
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** GELU's tanh approximation (PyTorch's `approximate='tanh'`). */
export function geluTanh(x: number): number {
  return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
}

/** ONNX HardSigmoid: `max(0, min(1, alpha x + beta))`. */
export function hardSigmoid(x: number, alpha: number, beta: number): number {
  return Math.max(0, Math.min(1, alpha * x + beta));
}

/** ONNX HardSwish: `x * HardSigmoid(x)` with alpha 1/6 and beta 1/2 (PyTorch's `hardswish`). */
export function hardSwish(x: number): number {
  return x * Math.max(0, Math.min(1, x / 6 + 0.5));
}

/** ONNX LeakyRelu (and PRelu with one slope): `x` where x >= 0, `alpha x` below. */
export function leakyRelu(x: number, alpha: number): number {
  return x < 0 ? alpha * x : x;
}

/** ONNX Elu: `x` where x >= 0, `alpha (e^x - 1)` below (expm1, exact near 0). */
export function elu(x: number, alpha: number): number {
  return x < 0 ? alpha * Math.expm1(x) : x;
}

/** ONNX Selu: `gamma x` where x > 0, `gamma alpha (e^x - 1)` otherwise. */
export function selu(x: number, alpha: number, gamma: number): number {
  return x > 0 ? gamma * x : gamma * alpha * Math.expm1(x);
}

/** ONNX Softplus, `log(1 + e^x)`, written so that neither branch overflows or loses small values. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
