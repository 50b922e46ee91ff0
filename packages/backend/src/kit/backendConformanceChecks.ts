import {
  type Artifact,
  cosineSimilarity,
  decodeArtifact,
  encodeArtifact,
  QtkError,
  type Tensor,
  verifyGraph,
} from '@qtk/ir';
import { calibration8bitWeight16bitActQconfigSetter, defaultCalibrationQconfigSetter } from '@qtk/qconfig';
import type { Backend } from '../Backend.js';
import type { BackendOptionValues } from '../BackendOption.js';
import { type GraphRunner, measureGemmConsistency } from '../consistency/measureGemmConsistency.js';
import { HARDWARE_UNITS } from '../HardwareUnit.js';
import { BackendRegistry } from '../registry/BackendRegistry.js';
import { calibrateToQat } from './calibrateToQat.js';
import { conformanceModels } from './conformanceModels.js';

/** One check of the kit: a name and a function that throws when the backend fails it. */
export interface ConformanceCheck {
  readonly name: string;
  readonly run: () => void;
}

/** Options of {@link backendConformanceChecks}. */
export interface ConformanceOptions {
  /** The graph runner (the simulator's `runGraph`). */
  readonly run: GraphRunner;
  /** Least share of requantized GEMM elements within 1 LSB of the fake-quant model, whole models run (default 0.99). */
  readonly minWithinOneLsb?: number;
  /** Least share of GEMM elements within 1 LSB when run alone on the fake-quant inputs (default 0.999). */
  readonly minIsolatedWithinOneLsb?: number;
  /** Least cosine similarity of each output with the fake-quant model's (default 0.99). */
  readonly minCosine?: number;
}

function fail(message: string): never {
  throw new QtkError('backend.conformance', message);
}

/** Every combination of the backend's boolean options (others at their defaults). */
function optionSets(backend: Backend): BackendOptionValues[] {
  let sets: Record<string, boolean | number | string>[] = [{}];
  for (const o of backend.options) {
    sets =
      o.type === 'boolean'
        ? sets.flatMap((s) => [
            { ...s, [o.name]: false },
            { ...s, [o.name]: true },
          ])
        : sets;
  }
  return sets;
}

/**
 * The checks any backend must pass, for backend authors to run in their test suite:
 * it registers; for every kit model, march and boolean option setting, it converts a calibrated
 * QAT artifact into a valid quantized artifact (verified graph, a known unit on every node, the
 * model's outputs), which runs and agrees with the fake-quant model (GEMM outputs within 1 LSB,
 * model outputs by cosine), converts deterministically (same bytes twice), and survives a save and
 * load; and an uncalibrated artifact is refused. GEMMs must agree within 1 LSB alone on the
 * fake-quant inputs; as part of the whole int8 model (where tables are exact) too.
 */
export function backendConformanceChecks(backend: Backend, options: ConformanceOptions): ConformanceCheck[] {
  const minShare = options.minWithinOneLsb ?? 0.99;
  const minIsolated = options.minIsolatedWithinOneLsb ?? 0.999;
  const minCosine = options.minCosine ?? 0.99;
  const registry = new BackendRegistry();
  const checks: ConformanceCheck[] = [
    {
      name: `${backend.name} registers for ${backend.marches.join(', ')}`,
      run: () => {
        registry.register(backend);
        if (backend.marches.length === 0) fail('a backend serves at least one march');
        for (const m of backend.marches)
          if (registry.backendFor(m) !== backend) fail(`march ${m} does not resolve to the backend`);
      },
    },
  ];
  const models = conformanceModels();
  for (const m of models) {
    for (const [setterName, setter] of [
      ['int8', defaultCalibrationQconfigSetter],
      ['int16 activations', calibration8bitWeight16bitActQconfigSetter],
    ] as const) {
      let qat: Artifact | undefined;
      const qatOf = (march: string) => {
        qat ??= calibrateToQat(m.model, m.example, {
          march,
          qconfigSetter: setter,
          samples: m.samples.map((s) => ({ input: s })),
          run: options.run,
        }).artifact;
        return qat;
      };
      for (const march of backend.marches) {
        for (const opts of optionSets(backend)) {
          const label = `${m.name} (${setterName}) on ${march}${Object.keys(opts).length ? ` ${JSON.stringify(opts)}` : ''}`;
          checks.push({
            name: `${label}: converts to a valid artifact that agrees with the fake-quant model`,
            run: () => {
              registry.register(backend);
              const source = qatOf(march);
              const q = registry.convert(source, march, opts);
              if (q.kind !== 'quantized') fail(`convert gave a '${q.kind}' artifact`);
              verifyGraph(q.graph);
              for (const n of q.graph.nodes) {
                if (!HARDWARE_UNITS.includes(n.annotations.unit as (typeof HARDWARE_UNITS)[number])) {
                  fail(`node '${n.name}' has no hardware unit annotation`);
                }
              }
              const names = (g: Artifact) => g.graph.outputs.map((o) => `${o.name}:${o.type.shape.join('x')}`).join();
              if (names(q) !== names(source)) fail(`outputs ${names(q)} differ from the model's ${names(source)}`);
              const feeds = { input: m.example };
              const ref = options.run(source.graph, feeds).outputs;
              const got = options.run(q.graph, feeds).outputs;
              for (const o of source.graph.outputs) {
                const c = cosineSimilarity(got[o.name] as Tensor, ref[o.name] as Tensor);
                if (!(c >= minCosine))
                  fail(`output '${o.name}': cosine ${c} with the fake-quant model, below ${minCosine}`);
              }
              for (const g of measureGemmConsistency(source.graph, q.graph, feeds, options.run)) {
                const share = (a: { withinOneLsb: number; maxLsb: number }, what: string, min: number) => {
                  if (a.withinOneLsb < min) {
                    fail(
                      `${g.node} (${what}): ${(100 * a.withinOneLsb).toFixed(2)}% within 1 LSB (max ${a.maxLsb.toFixed(2)})`,
                    );
                  }
                };
                share(g.isolated, 'alone on the fake-quant inputs', minIsolated);
                // int16 nonlinearities are interpolated tables: upstream they move results by a few LSB.
                if (g.lsb === 'output' && setterName === 'int8') share(g.endToEnd, 'whole model', minShare);
              }
            },
          });
          checks.push({
            name: `${label}: converts deterministically and survives save and load`,
            run: () => {
              registry.register(backend);
              const source = qatOf(march);
              const a = encodeArtifact(registry.convert(source, march, opts));
              const b = encodeArtifact(registry.convert(decodeArtifact(encodeArtifact(source)), march, opts));
              if (a.length !== b.length || a.some((v, i) => v !== b[i]))
                fail('two conversions of the same artifact gave different bytes');
              const back = decodeArtifact(a);
              const feeds = { input: m.example };
              const x = options.run(registry.convert(source, march, opts).graph, feeds).outputs;
              const y = options.run(back.graph, feeds).outputs;
              for (const o of back.graph.outputs) {
                const u = (x[o.name] as Tensor).data;
                const v = (y[o.name] as Tensor).data;
                if (u.length !== v.length || u.some((e, i) => e !== v[i]))
                  fail(`output '${o.name}' differs after save and load`);
              }
            },
          });
        }
      }
    }
  }
  checks.push({
    name: `${backend.name} refuses an uncalibrated artifact`,
    run: () => {
      registry.register(backend);
      const m = models[0];
      if (!m) return;
      const { artifact } = calibrateToQat(m.model, m.example, {
        march: backend.marches[0] as string,
        qconfigSetter: defaultCalibrationQconfigSetter,
        samples: m.samples.map((s) => ({ input: s })),
        run: options.run,
      });
      const raw = decodeArtifact(encodeArtifact(artifact));
      const fq = raw.graph.nodes.find((n) => n.op === 'FakeQuantize');
      if (fq) fq.attrs = { ...fq.attrs, scales: [] };
      let refused = false;
      try {
        registry.convert(raw, backend.marches[0] as string);
      } catch (e) {
        refused = e instanceof QtkError && /never calibrated/.test(e.message);
      }
      if (!refused) fail('converting an uncalibrated artifact must fail with a clear error');
    },
  });
  return checks;
}
