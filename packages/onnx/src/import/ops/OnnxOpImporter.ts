import type { NodeImportContext } from '../NodeImportContext.js';

/** How one ONNX op type (of the standard domain) becomes qtk core ops. */
export interface OnnxOpImporter {
  /** The ONNX op type. */
  readonly op: string;
  /**
   * The first opset whose semantics of the op this importer implements; a model with an older
   * opset gets an error naming the op and this version.
   */
  readonly since: number;
  /** Adds the qtk node(s) for `ctx.node` and binds its outputs. */
  import(ctx: NodeImportContext): void;
}
