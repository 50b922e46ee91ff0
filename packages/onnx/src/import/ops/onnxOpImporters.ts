import { activationImporters } from './activationImporters.js';
import { argMaxImporter, argMinImporter } from './argMaxImporters.js';
import { castImporter, castLikeImporter } from './castImporters.js';
import { clipImporter } from './clipImporter.js';
import { comparisonImporters } from './comparisonImporters.js';
import { constantImporter } from './constantImporter.js';
import { convImporter } from './convImporter.js';
import { convTransposeImporter } from './convTransposeImporter.js';
import { cumSumImporter } from './cumSumImporter.js';
import {
  depthToSpaceImporter,
  expandImporter,
  gatherElementsImporter,
  scatterNDImporter,
  spaceToDepthImporter,
  tileImporter,
  triluImporter,
} from './dataMovementImporters.js';
import { dropoutImporter } from './dropoutImporter.js';
import { einsumImporter } from './einsumImporter.js';
import { elementwiseImporters } from './elementwiseImporters.js';
import { geluImporter } from './geluImporter.js';
import { gemmImporter } from './gemmImporter.js';
import { constantOfShapeImporter, rangeImporter, sizeImporter } from './generatorImporters.js';
import { gridSampleImporter } from './gridSampleImporter.js';
import { dequantizeLinearImporter, quantizeLinearImporter } from './linearQuantizationImporters.js';
import { modImporter } from './modImporter.js';
import {
  batchNormalizationImporter,
  instanceNormalizationImporter,
  layerNormalizationImporter,
} from './normalizationImporters.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { padImporter } from './padImporter.js';
import { averagePoolImporter, maxPoolImporter } from './poolImporters.js';
import { reduceMaxImporter, reduceMeanImporter, reduceMinImporter, reduceSumImporter } from './reductionImporters.js';
import { resizeImporter, upsampleImporter } from './resizeImporters.js';
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
import { topKImporter } from './topKImporter.js';
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
    expandImporter,
    tileImporter,
    rangeImporter,
    constantOfShapeImporter,
    sizeImporter,
    scatterNDImporter,
    gatherElementsImporter,
    depthToSpaceImporter,
    spaceToDepthImporter,
    triluImporter,
    padImporter,
    dropoutImporter,
    reduceMaxImporter,
    reduceMinImporter,
    reduceSumImporter,
    argMaxImporter,
    argMinImporter,
    topKImporter,
    cumSumImporter,
    einsumImporter,
    resizeImporter,
    upsampleImporter,
    gridSampleImporter,
    convTransposeImporter,
    instanceNormalizationImporter,
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
