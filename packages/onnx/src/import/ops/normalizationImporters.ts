import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** BatchNormalization in inference mode, as `BatchNorm`; the training outputs must be unused. */
export const batchNormalizationImporter: OnnxOpImporter = {
  op: 'BatchNormalization',
  since: 7,
  import(ctx) {
    if (ctx.attrs.int('spatial') === 0) ctx.unsupported('spatial = 0 (per-element statistics) is not supported');
    if (ctx.attrs.int('training_mode') === 1)
      ctx.unsupported('training_mode = 1 is not supported; export in eval mode');
    ctx.requireUnusedOutputsFrom(1, 'a training statistic');
    ctx.emit('BatchNorm', nodeInputs(ctx, 5), copyAttributes(ctx, { epsilon: 'float' }));
  },
};

/**
 * LayerNormalization (opset 17) as `LayerNorm`; its Mean and InvStdDev outputs are kept when the
 * model reads them (PyTorch's exports never do).
 */
export const layerNormalizationImporter: OnnxOpImporter = {
  op: 'LayerNormalization',
  since: 17,
  import(ctx) {
    ctx.emit(
      'LayerNorm',
      nodeInputs(ctx, 2, 3),
      copyAttributes(ctx, { axis: 'int', epsilon: 'float', stash_type: 'int' }),
      ctx.usedOutputCount(),
    );
  },
};

/**
 * InstanceNormalization as `InstanceNorm` (opset 1 differs from 6 only by the legacy
 * `consumed_inputs` hint, which changes nothing computed).
 */
export const instanceNormalizationImporter: OnnxOpImporter = {
  op: 'InstanceNormalization',
  since: 1,
  import(ctx) {
    ctx.emit('InstanceNorm', nodeInputs(ctx, 3), copyAttributes(ctx, { epsilon: 'float' }));
  },
};
