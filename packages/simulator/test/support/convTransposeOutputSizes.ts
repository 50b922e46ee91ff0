/** The window of a ConvTranspose over its spatial dims, as the tests spell it. */
export interface TransposedWindow {
  readonly strides: readonly number[];
  /** ONNX order: all begins, then all ends. */
  readonly pads: readonly number[];
  readonly dilations: readonly number[];
  readonly outputPadding: readonly number[];
}

/**
 * ConvTranspose's output size of each spatial dim by ONNX's definition,
 * `stride (input - 1) + output_padding + dilation (kernel - 1) + 1 - pad_begin - pad_end`:
 * written here, apart from the code under test.
 */
export function convTransposeOutputSizes(
  input: readonly number[],
  kernel: readonly number[],
  g: TransposedWindow,
): number[] {
  const rank = input.length;
  return input.map(
    (d, i) =>
      (g.strides[i] as number) * (d - 1) +
      (g.outputPadding[i] as number) +
      (g.dilations[i] as number) * ((kernel[i] as number) - 1) +
      1 -
      (g.pads[i] as number) -
      (g.pads[i + rank] as number),
  );
}
