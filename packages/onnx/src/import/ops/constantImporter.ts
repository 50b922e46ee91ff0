import { Tensor } from '@qtk/ir';
import { int64Tensor } from './int64Tensor.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Constant: its value (`value`, or from opset 12 `value_float(s)`/`value_int(s)`) becomes a constant. */
export const constantImporter: OnnxOpImporter = {
  op: 'Constant',
  since: 1,
  import(ctx) {
    if (ctx.inputCount !== 0) ctx.fail(`has ${ctx.inputCount} inputs, expected none`);
    const forms = ['value', 'value_float', 'value_floats', 'value_int', 'value_ints', 'value_string', 'value_strings'];
    const set = forms.filter((f) => ctx.attrs.has(f));
    if (ctx.attrs.has('sparse_value')) ctx.unsupported('sparse constants are not supported');
    if (set.length !== 1) ctx.fail(`must set exactly one of ${forms.join(', ')}`);
    let tensor: Tensor;
    switch (set[0]) {
      case 'value':
        tensor = ctx.tensorAttribute('value') as Tensor;
        break;
      case 'value_float':
        tensor = Tensor.float32([], [ctx.attrs.float('value_float') as number]);
        break;
      case 'value_floats': {
        const v = ctx.attrs.floats('value_floats') as number[];
        tensor = Tensor.float32([v.length], v);
        break;
      }
      case 'value_int':
        tensor = int64Tensor([ctx.attrs.int('value_int') as number]).reshape([]);
        break;
      case 'value_ints':
        tensor = int64Tensor(ctx.attrs.ints('value_ints') as number[]);
        break;
      default:
        return ctx.unsupported('string constants are not supported');
    }
    ctx.bindConstant(0, tensor);
  },
};
