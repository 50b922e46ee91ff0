/**
 * `@qtk/ir`: qtk's graph IR and everything built directly on it.
 *
 * @packageDocumentation
 */

export * from './artifact/Artifact.js';
export * from './artifact/artifactFile.js';
export * from './artifact/decodeArtifact.js';
export { ARTIFACT_HEADER_BYTES, ARTIFACT_MAGIC, encodeArtifact } from './artifact/encodeArtifact.js';
export * from './dtype/DType.js';
export * from './errors/QtkError.js';
export * from './graph/Attribute.js';
export * from './graph/cloneGraph.js';
export * from './graph/formatGraph.js';
export * from './graph/Graph.js';
export * from './graph/Node.js';
export * from './graph/TensorType.js';
export * from './graph/Value.js';
export * from './graph/verifyGraph.js';
export * from './math/activationFunctions.js';
export * from './math/erf.js';
export * from './math/unaryMathFunctions.js';
export * from './nn/LeafModule.js';
export * from './nn/layers/activations.js';
export * from './nn/layers/BatchNorm2d.js';
export * from './nn/layers/Conv2d.js';
export * from './nn/layers/LayerNorm.js';
export * from './nn/layers/Linear.js';
export * from './nn/layers/structural.js';
export * from './nn/layers/stubs.js';
export * from './nn/Module.js';
export * from './nn/random/Generator.js';
export * from './nn/random/init.js';
export { MersenneTwister } from './nn/random/MersenneTwister.js';
export * from './nn/random/randn.js';
export * from './nn/SymbolicTensor.js';
export * from './nn/Tracer.js';
export * from './nn/trace.js';
export * from './ops/AttributeReader.js';
export {
  type ConvTransposeGeometry,
  convTransposeGeometryProblem,
  convTransposeOutputSize,
  readConvTransposeGeometry,
} from './ops/core/convTranspose.js';
export { DEPTH_TO_SPACE_MODES } from './ops/core/depthSpace.js';
export { einsumLabelSizes } from './ops/core/einsum.js';
export { type EinsumEquation, parseEinsum } from './ops/core/einsumEquation.js';
export { GRID_SAMPLE_MODES, GRID_SAMPLE_PADDING_MODES } from './ops/core/gridSample.js';
export { type CoreOpName, coreOps } from './ops/core/index.js';
export { PAD_MODES, type PadAmounts, resolvePads } from './ops/core/pad.js';
export { LINEAR_QUANT_DTYPES, linearQuantAxis } from './ops/core/quantizeLinear.js';
export { RANGE_DTYPES, rangeCount } from './ops/core/range.js';
export { reducedShape, reductionAxes, reductionAxesOf } from './ops/core/reduction.js';
export { flattenShape, reshapeTarget } from './ops/core/reshape.js';
export * from './ops/core/resizeGeometry.js';
export { isScalarLike } from './ops/core/scalarLike.js';
export { SCATTER_REDUCTIONS } from './ops/core/scatterND.js';
export { shapeRange } from './ops/core/shapeOf.js';
export { type AxisSlice, resolveSlice, sliceAxis } from './ops/core/slice.js';
export { splitSizes } from './ops/core/split.js';
export { squeezeShape, unsqueezeShape } from './ops/core/squeeze.js';
export { transposePermutation } from './ops/core/transpose.js';
export * from './ops/core/windowGeometry.js';
export * from './ops/globalOpRegistry.js';
export { type IntegerOpName, integerOps } from './ops/integer/index.js';
export * from './ops/integer/integerElementwise.js';
export * from './ops/integer/integerGemm.js';
export * from './ops/integer/integerGridSample.js';
export * from './ops/integer/integerNormalization.js';
export * from './ops/integer/integerPRelu.js';
export * from './ops/integer/integerReduce.js';
export * from './ops/integer/integerRescaledSelection.js';
export * from './ops/integer/integerRescaledUnary.js';
export * from './ops/integer/integerResize.js';
export * from './ops/integer/interpolationWeights.js';
export * from './ops/integer/lookupTables.js';
export * from './ops/integer/outputStage.js';
export * from './ops/integer/QTK_DOMAIN.js';
export * from './ops/integer/quantizeOps.js';
export * from './ops/Kernel.js';
export * from './ops/OpDefinition.js';
export * from './ops/OpRegistry.js';
export * from './ops/OpTraits.js';
export * from './passes/foldBatchNorm.js';
export * from './passes/foldBatchNormIntoConvTranspose.js';
export * from './quant/fakeQuantize.js';
export * from './quant/fixedPoint.js';
export * from './quant/QuantDType.js';
export * from './quant/QuantParams.js';
export * from './quant/quantParamsOf.js';
export * from './quant/RoundingMode.js';
export * from './quant/scaleFromAbsMax.js';
export * from './rewrite/matchPattern.js';
export * from './rewrite/Pattern.js';
export * from './rewrite/rewriteGraph.js';
export * from './shape/broadcastShapes.js';
export * from './shape/Shape.js';
export * from './tensor/cosineSimilarity.js';
export * from './tensor/Tensor.js';
export * from './tensor/tensorBytes.js';
