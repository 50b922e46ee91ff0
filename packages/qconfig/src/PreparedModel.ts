import {
  fakeQuantizeTensor,
  type Graph,
  isQtkError,
  type Node,
  QtkError,
  type QuantDType,
  quantParamsOf,
  scaleFromAbsMax,
  type Tensor,
} from '@qtk/ir';
import type { Observer } from '@qtk/observers';
import { FakeQuantState } from './FakeQuantState.js';
import type { March } from './March.js';
import type { FakeQuantPoint } from './prepare/addFakeQuantize.js';
import type { NodeRunEvent, RunHooks } from './RunHooks.js';
import type { OpDecision } from './setters/combineSetters.js';

/** How often a fake-quantization point's input fell outside its range, seen in validation runs. */
export interface SaturationCount {
  saturated: number;
  total: number;
}

/**
 * The observer's scales for the FakeQuantize `fq`. An observer that skipped non-finite values may
 * have had nothing finite left: say so, naming the point, rather than the observer's bare "no data".
 */
function scalesOf(fq: Node, observer: Observer, constantAbsMax = 0): number[] {
  try {
    const dtype = fq.attrs.dtype as QuantDType;
    const scales = observer.scales(dtype);
    if (constantAbsMax === 0 || scales.length !== 1) return scales;
    return [Math.max(scales[0] as number, scaleFromAbsMax(constantAbsMax, dtype))];
  } catch (e) {
    if (!isQtkError(e) || e.code !== 'observer.empty' || observer.skippedNonFinite === 0) throw e;
    throw new QtkError(
      'quant.non-finite',
      `fake quantization '${fq.name}': all ${observer.skippedNonFinite} values it saw in calibration were NaN or infinite, so it has no scale; calibrate on data that keeps this tensor finite`,
      { cause: e },
    );
  }
}

/**
 * A model after {@link prepare}: the graph with its FakeQuantize points, the observers that
 * calibrate them, the decisions that put them there, and the fake-quant state.
 *
 * Run it with any graph runner that takes {@link RunHooks} (`runGraph` of `@qtk/simulator`),
 * passing {@link PreparedModel.hooks}: in CALIBRATION the hooks feed the observers, in QAT they also
 * refresh scales, in VALIDATION they count saturations.
 */
export class PreparedModel {
  readonly graph: Graph;
  readonly march: March;
  /** Observers by id (the `observer` attribute of the FakeQuantize nodes they calibrate). */
  readonly observers: ReadonlyMap<string, Observer>;
  /** The qconfig and rule of every op of the prepared graph, by op name. */
  readonly decisions: ReadonlyMap<string, OpDecision>;
  /** Fake-quantization points by FakeQuantize node name. */
  readonly points: ReadonlyMap<string, FakeQuantPoint>;
  /** Notes on points that share an observer (Concat, Add), by FakeQuantize node name. */
  readonly sharing: ReadonlyMap<string, string>;
  /** Names of the setters used. */
  readonly setterNames: readonly string[];
  /** GEMMs and the activation fused into them (quantized after it), by node name. */
  readonly fusions: ReadonlyMap<string, string>;
  readonly saturation = new Map<string, SaturationCount>();
  #state: FakeQuantState = FakeQuantState.CALIBRATION;
  /**
   * For each observer shared with constant data (a Concat's constant input), the largest |value| of
   * those constants: the shared scale never clips them, whatever the observer makes of the
   * activations (a clipping observer would take a few constant values for outliers).
   */
  readonly #constantAbsMax = new Map<string, number>();

  constructor(init: {
    graph: Graph;
    march: March;
    observers: ReadonlyMap<string, Observer>;
    decisions: ReadonlyMap<string, OpDecision>;
    points: ReadonlyMap<string, FakeQuantPoint>;
    sharing: ReadonlyMap<string, string>;
    setterNames: readonly string[];
    fusions: ReadonlyMap<string, string>;
    state?: FakeQuantState;
  }) {
    this.graph = init.graph;
    this.march = init.march;
    this.observers = init.observers;
    this.decisions = init.decisions;
    this.points = init.points;
    this.sharing = init.sharing;
    this.setterNames = init.setterNames;
    this.fusions = init.fusions;
    this.#state = init.state ?? FakeQuantState.CALIBRATION;
    for (const fq of this.fakeQuantizes) {
      const c = fq.inputs[0]?.constant;
      if (!c || !this.sharing.has(fq.name)) continue;
      const id = fq.attrs.observer as string;
      const absmax = c.toNumbers().reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      this.#constantAbsMax.set(id, Math.max(this.#constantAbsMax.get(id) ?? 0, absmax));
    }
  }

  get state(): FakeQuantState {
    return this.#state;
  }

  /** The FakeQuantize nodes, in graph order. */
  get fakeQuantizes(): Node[] {
    return this.graph.nodes.filter((n) => n.op === 'FakeQuantize');
  }

  /** The hooks to pass to the graph runner. */
  readonly hooks: RunHooks = {
    afterNode: (event: NodeRunEvent) => this.#afterNode(event),
  };

  /** @internal use {@link setFakeQuantize} */
  setState(state: FakeQuantState): void {
    if (state !== FakeQuantState.CALIBRATION) this.#writeScales();
    const enabled = state === FakeQuantState.CALIBRATION ? 0 : 1;
    for (const fq of this.fakeQuantizes) fq.attrs = { ...fq.attrs, enabled };
    this.#state = state;
  }

  /** Writes every observer's current scales into its FakeQuantize nodes. */
  #writeScales(): void {
    for (const fq of this.fakeQuantizes) {
      const id = fq.attrs.observer as string | undefined;
      const observer = id === undefined ? undefined : this.observers.get(id);
      if (!observer) continue;
      // Fixed-scale and clip observers know their scale without data (a QDQ model's points).
      const needsData = observer.config.kind !== 'fixed-scale' && observer.config.kind !== 'clip';
      if (needsData && observer.batches === 0 && observer.skippedNonFinite === 0) {
        throw new QtkError(
          'quant.uncalibrated',
          `fake quantization '${fq.name}' has seen no data: run calibration first`,
        );
      }
      fq.attrs = { ...fq.attrs, scales: scalesOf(fq, observer, this.#constantAbsMax.get(id as string)) };
    }
  }

  #afterNode(event: NodeRunEvent): readonly Tensor[] | undefined {
    const { node } = event;
    if (node.op !== 'FakeQuantize') return undefined;
    const x = event.inputs[0] as Tensor;
    // A constant's scale is fixed at prepare; one that shares an observer with activations (a
    // Concat's constant input) bounds their scale from below instead (#constantAbsMax).
    const isWeight = node.inputs[0]?.constant !== undefined;
    const observer = this.observers.get(node.attrs.observer as string);
    if (this.#state === FakeQuantState.VALIDATION) {
      this.#countSaturation(node, x);
      return undefined;
    }
    if (!observer || isWeight) return undefined;
    observer.observe(x, `'${node.inputs[0]?.name}' (${node.name})`);
    if (this.#state === FakeQuantState.CALIBRATION) return undefined;
    const scales = scalesOf(node, observer, this.#constantAbsMax.get(node.attrs.observer as string));
    node.attrs = { ...node.attrs, scales };
    return [fakeQuantizeTensor(x, quantParamsOf(node, this.graph.registry.attributesOf(node)), node.name)];
  }

  #countSaturation(node: Node, x: Tensor): void {
    const stats = { saturated: 0 };
    fakeQuantizeTensor(x, quantParamsOf(node, this.graph.registry.attributesOf(node)), node.name, stats);
    const c = this.saturation.get(node.name) ?? { saturated: 0, total: 0 };
    c.saturated += stats.saturated;
    c.total += x.size;
    this.saturation.set(node.name, c);
  }
}
