/**
 * A target BPU architecture. qtk ships backends for these; a third-party backend package may
 * serve others, so a march is any string and the backend registry decides at convert time.
 */
export type March = string;

/** The marches of SPEC section 1. */
export const NASH_MARCHES: readonly March[] = ['nash-e', 'nash-m', 'nash-h', 'nash-p'];
