import { QTK_DOMAIN, QtkError } from '@qtk/ir';
import type { DecodedModel } from '../schema/DecodedModel.js';
import { invalidModel } from './invalidModel.js';

/**
 * The newest version of the standard ONNX operator set qtk imports. Later opsets may change the
 * semantics of an op qtk maps (as 18 moved ReduceMean's axes to an input), so newer models are
 * refused rather than imported on trust.
 */
export const MAX_IMPORT_OPSET = 21;

/** `ai.onnx` is the standard domain's long name; both spellings mean the same operator set. */
export function normalizeDomain(domain: string | undefined): string {
  return domain === undefined || domain === 'ai.onnx' ? '' : domain;
}

/**
 * The operator set versions a model imports, by domain (`''` for the standard one). The standard
 * domain is required and must be at most {@link MAX_IMPORT_OPSET}; which ops import at older
 * opsets is decided per op (see the importers' `since`). A file importing the `qtk` domain (a
 * visualize export) is refused.
 */
export function modelOpsets(model: DecodedModel, source: string): Map<string, number> {
  const opsets = new Map<string, number>();
  for (const entry of model.opset_import) {
    const domain = normalizeDomain(entry.domain);
    const version = Number(entry.version ?? Number.NaN);
    if (!Number.isSafeInteger(version) || version < 1) {
      throw invalidModel(source, `operator set '${domain || 'ai.onnx'}' has version '${entry.version ?? ''}'`);
    }
    if (opsets.has(domain)) throw invalidModel(source, `operator set '${domain || 'ai.onnx'}' is imported twice`);
    opsets.set(domain, version);
  }
  if (opsets.has(QTK_DOMAIN)) {
    // Only qtk's visualize export writes this domain: a view of a qtk graph, with annotations as
    // attributes and defaults filled in; the .qtk artifact it came from is the model.
    throw new QtkError(
      'onnx.visualize-file',
      `${source}: imports operator set '${QTK_DOMAIN}' (qtk's integer ops): a qtk visualize file, for viewing (Netron), which qtk does not import; use the .qtk artifact it was written from`,
    );
  }
  const standard = opsets.get('');
  if (standard === undefined) throw invalidModel(source, 'it imports no version of the standard ONNX operator set');
  if (standard > MAX_IMPORT_OPSET) {
    throw new QtkError(
      'onnx.opset',
      `${source}: ONNX opset ${standard} is not supported; qtk imports opsets 1 to ${MAX_IMPORT_OPSET} (export the model with opset 17)`,
    );
  }
  return opsets;
}
