import { type DType, Tensor } from '@qtk/ir';
import { fixturePath, readFixtureNpy } from '@qtk/test-fixtures';

/** A `.npy` fixture (path relative to the fixtures folder, or absolute) as a qtk tensor. */
export function fixtureTensor(...path: string[]): Tensor {
  const a = readFixtureNpy(path.length === 1 && path[0]?.startsWith('/') ? path[0] : fixturePath(...path));
  return new Tensor(a.dtype as DType, a.shape, a.data as Tensor['data']);
}
