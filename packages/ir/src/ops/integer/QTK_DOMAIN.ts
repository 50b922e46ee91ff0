/**
 * The domain of qtk's integer ops: what a backend's `convert` emits and the simulator runs in
 * integer arithmetic. Their op types (`Quantize`, `Rescale`, `Linear`, `Lut`, ...) are what
 * visualize shows.
 */
export const QTK_DOMAIN = 'qtk';
