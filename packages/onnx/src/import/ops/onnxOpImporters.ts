import { activationImporters } from './activationImporters.js';
import { castImporter, castLikeImporter } from './castImporters.js';
import { clipImporter } from './clipImporter.js';
import { comparisonImporters } from './comparisonImporters.js';
import { constantImporter } from './constantImporter.js';
import { convImporter } from './convImporter.js';
import { elementwiseImporters } from './elementwiseImporters.js';
import { geluImporter } from './geluImporter.js';
import { gemmImporter } from './gemmImporter.js';
import { dequantizeLinearImporter, quantizeLinearImporter } from './linearQuantizationImporters.js';
import { modImporter } from './modImporter.js';
import { batchNormalizationImporter, layerNormalizationImporter } from './normalizationImporters.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { averagePoolImporter, maxPoolImporter } from './poolImporters.js';
import { reduceMeanImporter } from './reduceMeanImporter.js';
import {
  concatImporter,
  flattenImporter,
  gatherImporter,
  reshapeImporter,
  shapeImporter,
  transposeImporter,
} from './shapeImporters.js';
import { sliceImporter } from './sliceImporter.js';
import { softmaxImporter } from './softmaxImporter.js';
import { splitImporter } from './splitImporter.js';
import { squeezeImporter, unsqueezeImporter } from './squeezeImporters.js';
import { unaryMathImporters } from './unaryMathImporters.js';
import { variadicImporters } from './variadicImporters.js';
import { whereImporter } from './whereImporter.js';

/** The importer of each ONNX op type of the standard domain that qtk imports. */
export const onnxOpImporters: ReadonlyMap<string, OnnxOpImporter> = new Map(
  [
    ...elementwiseImporters,
    clipImporter,
    softmaxImporter,
    geluImporter,
    gemmImporter,
    convImporter,
    batchNormalizationImporter,
    layerNormalizationImporter,
    reduceMeanImporter,
    averagePoolImporter,
    maxPoolImporter,
    flattenImporter,
    reshapeImporter,
    transposeImporter,
    concatImporter,
    splitImporter,
    sliceImporter,
    gatherImporter,
    shapeImporter,
    squeezeImporter,
    unsqueezeImporter,
    constantImporter,
    quantizeLinearImporter,
    dequantizeLinearImporter,
    ...unaryMathImporters,
    ...activationImporters,
    ...variadicImporters,
    ...comparisonImporters,
    modImporter,
    whereImporter,
    castImporter,
    castLikeImporter,
  ].map((i) => [i.op, i]),
);

/** The ONNX op types (standard domain) qtk imports, sorted. */
export const SUPPORTED_ONNX_OPS: readonly string[] = Object.freeze([...onnxOpImporters.keys()].sort());
