import { type DType, Tensor, type TensorData } from '@qtk/ir';
import type { FixtureArray } from '@qtk/test-fixtures';
import * as ort from 'onnxruntime-node';

/** A fixture `.npy` array as a qtk tensor (data shared). */
export function tensorFromFixture(a: FixtureArray): Tensor {
  return new Tensor(a.dtype, a.shape, a.data as TensorData as Tensor['data']);
}

/** A qtk tensor as an onnxruntime tensor (data shared). */
export function toOrtTensor(t: Tensor): ort.Tensor {
  return new ort.Tensor(t.dtype, t.data as ort.Tensor['data'] & TensorData, [...t.shape]);
}

/** An onnxruntime tensor as a qtk tensor. */
export function fromOrtTensor(t: ort.Tensor): Tensor {
  return new Tensor(t.type as DType, t.dims as number[], t.data as unknown as Tensor['data']);
}
