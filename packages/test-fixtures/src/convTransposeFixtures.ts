/**
 * The PyTorch exports in `convtranspose/` (see `data/FIXTURES.md`): each `<name>.onnx` with its
 * `<name>.input.npy` and PyTorch's `<name>.output.npy`.
 */
export const CONVTRANSPOSE_FIXTURE_MODELS: readonly string[] = [
  'convtranspose2d_s2_p1_op1',
  'convtranspose2d_g2_d2_nobias',
  'convtranspose2d_g2_bias',
  'convtranspose1d_s3_p2_op2',
  'convtranspose3d',
  'instancenorm2d_affine',
  'decoder',
  'convtranspose2d_bn_relu',
];
