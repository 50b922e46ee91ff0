import type { Node, Tensor } from '@qtk/ir';
import type { onnx } from '../../schema/generated/onnx.js';
import type { ExportContext } from '../ExportContext.js';

/**
 * Writes one qtk node as several ONNX nodes named as PyTorch names them (`/gelu/Erf`), so that
 * importing the file back restores the node under its name. Intermediate values get fresh names;
 * the last node writes the qtk node's output.
 */
export class Decomposition {
  readonly #node: Node;
  readonly #ctx: ExportContext;

  constructor(node: Node, ctx: ExportContext) {
    this.#node = node;
    this.#ctx = ctx;
  }

  /** A constant the decomposition needs, as an initializer. */
  constant(role: string, tensor: Tensor): string {
    return this.#ctx.addInitializer(`/${this.#node.name}/${role}`, tensor);
  }

  /** Writes an intermediate node and returns its output's name. */
  step(op: string, inputs: readonly string[], attributes: readonly onnx.AttributeProto.$Properties[] = []): string {
    const name = this.#ctx.freshNodeName(`/${this.#node.name}/${op}`);
    const output = this.#ctx.freshValueName(`${name}_output_0`);
    this.#ctx.emit({ op, name, inputs, outputs: [output], attributes });
    return output;
  }

  /** Writes the node that produces the qtk node's output. */
  finish(op: string, inputs: readonly string[], attributes: readonly onnx.AttributeProto.$Properties[] = []): void {
    const name = this.#ctx.freshNodeName(`/${this.#node.name}/${op}`);
    this.#ctx.emit({ op, name, inputs, outputs: [this.#ctx.valueName(this.#node.output())], attributes });
  }
}
