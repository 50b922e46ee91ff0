import { type Attributes, einsumLabelSizes, parseEinsum, type Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';
import { einsumMatMulPlan, type MatMulOperandPlan } from './einsumMatMulPlan.js';
import { int64Tensor } from './int64Tensor.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** An operand brought into the MatMul's layout: a Transpose, then an Unsqueeze, each when needed. */
function arrange(ctx: NodeImportContext, x: Value, plan: MatMulOperandPlan, role: string): Value {
  let v = x;
  if (plan.perm) v = ctx.emitHelper('Transpose', [v], { perm: plan.perm });
  if (plan.unsqueeze.length > 0)
    v = ctx.emitHelper('Unsqueeze', [v, ctx.constantInput(`${role}_axes`, int64Tensor(plan.unsqueeze))]);
  return v;
}

/**
 * Einsum (opset 12). An equation that is a matrix product (`ij,jk->ik`, batched, with ellipsis,
 * transposed operands, attention's `bhqd,bhkd->bhqk`) becomes Transpose/Unsqueeze, MatMul,
 * Squeeze/Transpose, so it quantizes and converts as a GEMM; any other stays an Einsum.
 */
export const einsumImporter: OnnxOpImporter = {
  op: 'Einsum',
  since: 12,
  import(ctx: NodeImportContext) {
    if (ctx.inputCount < 1) ctx.fail('has no inputs, expected at least 1');
    const inputs = Array.from({ length: ctx.inputCount }, (_, i) => ctx.requireInput(i));
    const equation = ctx.attrs.string('equation') ?? ctx.fail("attribute 'equation' is required");
    const eq = parseEinsum(
      equation,
      inputs.map((v) => v.type.shape.length),
    );
    if (typeof eq === 'string') ctx.fail(eq);
    const sizes = einsumLabelSizes(
      eq,
      inputs.map((v) => v.type.shape),
    );
    if (typeof sizes === 'string') ctx.fail(sizes);
    const plan = einsumMatMulPlan(eq);
    if (!plan) {
      ctx.emit('Einsum', inputs, { equation });
      return;
    }
    const a = arrange(ctx, inputs[0] as Value, plan.a, 'a');
    const b = arrange(ctx, inputs[1] as Value, plan.b, 'b');
    const steps: { op: string; operand?: Value; attrs?: Attributes }[] = [{ op: 'MatMul', operand: b }];
    if (plan.squeeze.length > 0)
      steps.push({ op: 'Squeeze', operand: ctx.constantInput('squeeze_axes', int64Tensor(plan.squeeze)) });
    if (plan.perm) steps.push({ op: 'Transpose', attrs: { perm: plan.perm } });
    // The last step writes the Einsum's output; the ones before it are helpers.
    let v = a;
    steps.forEach((step, i) => {
      const stepInputs = step.operand ? [v, step.operand] : [v];
      v =
        i === steps.length - 1
          ? ctx.emit(step.op, stepInputs, step.attrs).output()
          : ctx.emitHelper(step.op, stepInputs, step.attrs);
    });
  },
};
