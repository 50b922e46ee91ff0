import type { QuantDType } from '@qtk/ir';

/** How one tensor is quantized in the table: `dtype: null` where it stays float. */
export interface TensorQuantization {
  readonly dtype: QuantDType | null;
  /** One scale, a list per channel, or null (float, or not calibrated yet). */
  readonly scale: number | readonly number[] | null;
}

/** One row of the qconfig table: what quantization does to one op, and why. */
export interface QconfigEntry {
  readonly name: string;
  readonly op: string;
  readonly inputs: readonly (TensorQuantization & { readonly name: string })[];
  readonly output: TensorQuantization;
  readonly weight?: TensorQuantization;
  /** Which setter or rule decided, and notes (shared scales, fused activation). */
  readonly rule: string;
}

/** Something a user should look at. */
export interface QconfigWarning {
  readonly op: string;
  readonly kind:
    | 'high-precision-output'
    | 'fixed-scale'
    | 'int16-weight'
    | 'dtype-change'
    | 'saturation'
    | 'non-finite'
    | 'float-input';
  readonly message: string;
}

/** The explanation of every quantization decision of a prepared model (SPEC section 5). */
export interface QconfigTable {
  readonly march: string;
  readonly setters: readonly string[];
  readonly ops: readonly QconfigEntry[];
  readonly warnings: readonly QconfigWarning[];
}
