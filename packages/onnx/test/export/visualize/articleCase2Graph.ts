import { type Attributes, Graph, QTK_DOMAIN, Tensor, type Value } from '@qtk/ir';

/** The integers the hand-built graph holds, so tests compare initializers with them. */
export const CASE2_CONSTANTS = {
  'linear1.weight_quantized': new Tensor(
    'int8',
    [4, 4],
    Int8Array.from([1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 15, -127]),
  ),
  'linear1.bias_int32': new Tensor('int32', [4], Int32Array.from([100, -200, 300, -2147483648])),
  'layernorm.gamma_int16': new Tensor('int16', [4], Int16Array.from([16384, -32768, 32767, 1])),
  'layernorm.beta_int32': new Tensor('int32', [4], Int32Array.from([0, 4096, -4096, 7])),
  'linear2.weight_quantized': new Tensor('int8', [3, 4], Int8Array.from([1, 2, 3, 4, -1, -2, -3, -4, 127, -128, 0, 1])),
  'linear2.bias_int32': new Tensor('int32', [3], Int32Array.from([10, 20, 30])),
  'linear3.weight_quantized': new Tensor('int8', [3, 3], Int8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1])),
  'linear3.bias_int32': new Tensor('int32', [3], Int32Array.from([-1, -2, -3])),
} as const;

/**
 * The article's second model (`z = linear3(y)`, `y = linear2(...)` both returned) as nash-m converts
 * it with the default (int8) preset, built by hand at a small size ([2, 3, 4] input, 4 -> 4 -> 3 -> 3):
 * the node names, ops, dtypes, units and attribute sets are those `qtk convert --march nash-m` writes
 * for seed_two_outputs.onnx (linear2 writes its int32 accumulator, read by the Dequantize of output y
 * and by a Rescale to linear3's int8 input; linear3 writes int32 too, dequantized for output z).
 */
export function articleCase2NashM(): Graph {
  const g = new Graph('torch_jit');
  const x = g.addInput('x', { dtype: 'float32', shape: [2, 3, 4] });
  const c: Record<string, Value> = {};
  for (const [name, t] of Object.entries(CASE2_CONSTANTS)) c[name] = g.addConstant(name, t);
  const node = (
    name: string,
    op: string,
    domain: string,
    inputs: (Value | null)[],
    attrs: Attributes,
    unit: string,
    output: string,
  ): Value => {
    const n = g.addNode({ op, domain, name, inputs, attrs, outputs: [output] });
    n.annotations = { unit };
    return n.output();
  };
  const q = node(
    'quant.activation_post_process',
    'Quantize',
    QTK_DOMAIN,
    [x],
    { out_dtype: 'int8', scales: [0.03125] },
    'vpu',
    'quant.activation_post_process',
  );
  const h1 = node(
    'linear1',
    'Linear',
    QTK_DOMAIN,
    [q, c['linear1.weight_quantized'] as Value, c['linear1.bias_int32'] as Value],
    {
      overflow: 'saturate',
      input_scale: [0.03125],
      weight_scales: [0.001, 0.002, 0.003, 0.004],
      out_dtype: 'int8',
      multipliers: [1073741824, 1288490189, 1503238554, 2147483647],
      shifts: [35, 35, 36, 36],
      output_scale: [0.02],
    },
    'tae',
    '/linear1/Add_output_0',
  );
  const ln = node(
    'layernorm',
    'LayerNorm',
    QTK_DOMAIN,
    [h1, c['layernorm.gamma_int16'] as Value, c['layernorm.beta_int32'] as Value],
    {
      axis: 2,
      epsilon_int: 1987,
      multiplier: 1119566695,
      shift: 40,
      frac_bits: 12,
      out_dtype: 'int8',
      input_scale: [0.02],
      output_scale: [0.03],
    },
    'vpu',
    '/layernorm/LayerNormalization_output_0',
  );
  const r = node('relu', 'Relu', '', [ln], {}, 'vae', '/relu/Relu_output_0');
  const y32 = node(
    'linear2',
    'Linear',
    QTK_DOMAIN,
    [r, c['linear2.weight_quantized'] as Value, c['linear2.bias_int32'] as Value],
    { overflow: 'saturate', input_scale: [0.03], weight_scales: [0.0005, 0.0006, 0.0007], out_dtype: 'int32' },
    'tae',
    'y_before_dequant',
  );
  const y8 = node(
    'linear3.input_fake_quant_0',
    'Rescale',
    QTK_DOMAIN,
    [y32],
    {
      out_dtype: 'int8',
      multipliers: [1404244215, 1411807828, 1391705426],
      shifts: [40, 40, 40],
      axis: 2,
      input_scale: [0.000015, 0.000018, 0.000021],
      output_scale: [0.0114],
    },
    'vae',
    'linear3.input_fake_quant_0',
  );
  const z32 = node(
    'linear3',
    'Linear',
    QTK_DOMAIN,
    [y8, c['linear3.weight_quantized'] as Value, c['linear3.bias_int32'] as Value],
    { overflow: 'saturate', input_scale: [0.0114], weight_scales: [0.001, 0.001, 0.001], out_dtype: 'int32' },
    'tae',
    'z_before_dequant',
  );
  const z = node(
    'z_dequantize',
    'Dequantize',
    QTK_DOMAIN,
    [z32],
    { scales: [0.0000114, 0.0000114, 0.0000114], axis: 2 },
    'cpu',
    'z',
  );
  const y = node(
    'y_dequantize',
    'Dequantize',
    QTK_DOMAIN,
    [y32],
    { scales: [0.000015, 0.000018, 0.000021], axis: 2 },
    'cpu',
    'y',
  );
  g.setOutputs([z, y]);
  return g;
}
