#!/usr/bin/env node
// Measures how qtk handles real PyTorch exports: for each model folder that export.py wrote, runs
// the built CLI (import, float run, calibrate, convert, integer run) and reports, per model, what
// failed and why, the errors against PyTorch's outputs, the fallbacks and the timings.
//
//   node tools/real-models/measure.mjs [--models /work/models] [--report <prefix>] [--timeout <minutes>]
//                                      [--setter <preset>] [name ...]
//   node tools/real-models/measure.mjs --render <prefix>     (rewrites <prefix>.md from <prefix>.json)
//
// Writes <prefix>.md (a table, then details per model) and <prefix>.json (everything measured);
// the default prefix is <models>/measure. The CLI's own files go to <models>/<name>/qtk/. Each step
// is a separate `node apps/cli/dist/bin.js` process, so a crash, a hang (--timeout, default 30
// minutes a step) or an out-of-memory in one model does not stop the others. Build the CLI first:
// `pnpm turbo run build --filter=@qtk/cli`.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'apps', 'cli', 'dist', 'bin.js');
if (!existsSync(bin)) {
  console.error(`measure: ${bin} is missing; build the CLI first (pnpm turbo run build --filter=@qtk/cli)`);
  process.exit(2);
}
const { readNpyFile } = await import(pathToFileURL(join(root, 'apps', 'cli', 'dist', 'index.js')).href);
const { SUPPORTED_ONNX_OPS } = await import(pathToFileURL(join(root, 'packages', 'onnx', 'dist', 'index.js')).href);

/** Cosine a conversion must keep on every output (issue 7). */
const COSINE_GOAL = 0.99;
/** The conversions measured: the QAT artifact of `calibration`'s march, converted with `args`. */
const CONVERSIONS = [
  { key: 'nash-m', calibration: 'nash-m', args: ['--march', 'nash-m'] },
  { key: 'nash-h', calibration: 'nash-h', args: ['--march', 'nash-h'] },
  { key: 'nash-h-int', calibration: 'nash-h', args: ['--march', 'nash-h', '--integer-conv'] },
];

function parseArgs(argv) {
  const options = {
    models: '/work/models',
    report: null,
    render: null,
    setter: 'default-calibration',
    timeoutMinutes: 30,
    names: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--models') options.models = resolve(argv[++i]);
    else if (a === '--report') options.report = resolve(argv[++i]);
    else if (a === '--timeout') options.timeoutMinutes = Number(argv[++i]);
    else if (a === '--render') options.render = resolve(argv[++i]);
    else if (a === '--setter') options.setter = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\n')
          .slice(1, 12)
          .join('\n'),
      );
      process.exit(0);
    } else if (a.startsWith('-')) {
      console.error(`measure: unknown option ${a}`);
      process.exit(2);
    } else options.names.push(a);
  }
  options.report ??= join(options.models, 'measure');
  return options;
}

/** Runs `qtk args...` in its own process; never throws. */
function qtk(args, timeoutMs) {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      done({ code: code ?? -1, signal, stdout, stderr, seconds });
    });
  });
}

/** The one-line reason a step failed: qtk's message, or how the process ended. */
function failure(step, r, timeoutMs) {
  if (r.signal === 'SIGKILL' && r.seconds * 1000 >= timeoutMs)
    return `${step}: timed out after ${r.seconds.toFixed(0)} s`;
  if (r.signal) return `${step}: killed by ${r.signal}`;
  const line = r.stderr.split('\n').find((l) => l.startsWith('qtk: ')) ?? r.stderr.split('\n').find((l) => l.trim());
  // The list of supported ops that follows an unsupported op is the same for every model.
  const message = (line ?? `exit ${r.code}`).replace(/^qtk: /, '').replace(/; supported ONNX ops: .*$/, '');
  return `${step}: ${message}`;
}

/** Cosine similarity and errors of `actual` against `expected` (same length), in float64. */
function compare(actual, expected) {
  const a = actual.toNumbers();
  const b = expected.toNumbers();
  if (a.length !== b.length) return { mismatch: `got ${a.length} elements, expected ${b.length}` };
  let dot = 0;
  let na = 0;
  let nb = 0;
  let maxAbs = 0;
  let maxRef = 0;
  let nonFinite = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!Number.isFinite(x)) nonFinite++;
    dot += x * y;
    na += x * x;
    nb += y * y;
    maxAbs = Math.max(maxAbs, Math.abs(x - y));
    maxRef = Math.max(maxRef, Math.abs(y));
  }
  const cosine = na === 0 || nb === 0 ? (na === nb ? 1 : 0) : dot / Math.sqrt(na * nb);
  return { cosine, maxAbs, maxRel: maxRef > 0 ? maxAbs / maxRef : maxAbs, nonFinite };
}

/** PyTorch's outputs, by ONNX output name (`output_<name>.npy`). */
async function referenceOutputs(dir) {
  const files = readdirSync(dir).filter((f) => f.startsWith('output_') && f.endsWith('.npy'));
  const out = {};
  for (const f of files.sort()) out[f.slice('output_'.length, -'.npy'.length)] = await readNpyFile(join(dir, f));
  return out;
}

/** `qtk run model --input <name>=input.npy --out dir`, compared output by output with PyTorch's. */
async function runAndCompare(model, inputName, dir, outDir, reference, timeoutMs) {
  rmSync(outDir, { recursive: true, force: true });
  const r = await qtk(['run', model, '--input', `${inputName}=${join(dir, 'input.npy')}`, '--out', outDir], timeoutMs);
  if (r.code !== 0) return { error: failure('run', r, timeoutMs), seconds: r.seconds };
  const outputs = {};
  for (const [name, expected] of Object.entries(reference)) {
    const file = join(outDir, `${name}.npy`);
    outputs[name] = existsSync(file) ? compare(await readNpyFile(file), expected) : { mismatch: 'no such output' };
  }
  const cosines = Object.values(outputs).map((o) => o.cosine ?? Number.NaN);
  return { seconds: r.seconds, outputs, minCosine: Math.min(...cosines) };
}

async function inspectJson(model, timeoutMs) {
  const r = await qtk(['inspect', model, '--json'], timeoutMs);
  if (r.code !== 0) return { error: failure('import', r, timeoutMs), seconds: r.seconds };
  return { report: JSON.parse(r.stdout), seconds: r.seconds };
}

/** Groups fallbacks as `op: count` and the backend's reasons with the node names taken out. */
function summarizeFallbacks(conversion) {
  const byOp = {};
  for (const f of conversion.fallbacks) byOp[f.op] = (byOp[f.op] ?? 0) + 1;
  const reasons = {};
  for (const w of conversion.warnings) {
    const m = /^.*? \(([^)]+)\): (.*)$/.exec(w);
    const key = m ? `${m[1]}: ${m[2]}` : w;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return { byOp, reasons };
}

async function measureModel(name, dir, summary, timeoutMs) {
  const work = join(dir, 'qtk');
  mkdirSync(work, { recursive: true });
  const model = join(dir, 'model.onnx');
  const result = { name, what: summary?.what ?? null, input: summary?.inputs?.[0] ?? null, onnxNodes: summary?.nodes };
  if (summary?.pytorch_int8_weights_cosine) result.pytorchInt8WeightsCosine = summary.pytorch_int8_weights_cosine;
  if (summary?.ops) {
    result.onnxOpsNotImported = Object.keys(summary.ops).filter((op) => !SUPPORTED_ONNX_OPS.includes(op));
  }
  const reference = await referenceOutputs(dir);

  const imported = await inspectJson(model, timeoutMs);
  result.import = { seconds: imported.seconds };
  if (imported.error) {
    result.import.error = imported.error;
    result.failure = imported.error;
    return result;
  }
  const report = imported.report;
  Object.assign(result.import, {
    nodes: report.nodes.length,
    foldedAtImport: report.foldedAtImport,
    opCounts: report.opCounts,
    macs: report.macs,
  });
  const inputName = report.inputs[0].name;

  result.float = await runAndCompare(model, inputName, dir, join(work, 'float'), reference, timeoutMs);

  result.calibrate = {};
  for (const march of ['nash-m', 'nash-h']) {
    const out = join(work, `calib-${march}`);
    const r = await qtk(
      [
        'calibrate',
        model,
        '--data',
        join(dir, 'calib'),
        '--march',
        march,
        '--setter',
        options.setter,
        '--out',
        out,
        '--quiet',
      ],
      timeoutMs,
    );
    const c = { seconds: r.seconds };
    if (r.code !== 0) c.error = failure(`calibrate ${march}`, r, timeoutMs);
    else
      c.fakeQuant = await runAndCompare(
        join(out, 'qat.qtk'),
        inputName,
        dir,
        join(work, `fq-${march}`),
        reference,
        timeoutMs,
      );
    result.calibrate[march] = c;
  }

  result.convert = {};
  for (const conversion of CONVERSIONS) {
    const c = {};
    result.convert[conversion.key] = c;
    const calibration = result.calibrate[conversion.calibration];
    if (calibration.error) {
      c.error = `skipped: ${calibration.error}`;
      continue;
    }
    const qat = join(work, `calib-${conversion.calibration}`, 'qat.qtk');
    const quantized = join(work, `${conversion.key}.qtk`);
    const r = await qtk(['convert', qat, ...conversion.args, '--out', quantized, '--quiet'], timeoutMs);
    c.seconds = r.seconds;
    if (r.code !== 0) {
      c.error = failure(`convert ${conversion.key}`, r, timeoutMs);
      continue;
    }
    const inspected = await inspectJson(quantized, timeoutMs);
    if (inspected.error) c.error = inspected.error;
    else {
      c.nodesPerUnit = inspected.report.conversion.nodesPerUnit;
      c.fallbacks = summarizeFallbacks(inspected.report.conversion);
    }
    c.integer = await runAndCompare(
      quantized,
      inputName,
      dir,
      join(work, `int-${conversion.key}`),
      reference,
      timeoutMs,
    );
    if (c.integer.error) c.error = c.integer.error;
  }

  const problems = [
    result.float.error,
    ...Object.values(result.calibrate).map((c) => c.error),
    ...Object.entries(result.convert).map(([k, c]) => {
      if (c.error) return c.error.startsWith('skipped') ? null : c.error;
      return c.integer.minCosine >= COSINE_GOAL
        ? null
        : `${k}: cosine ${c.integer.minCosine.toFixed(4)} < ${COSINE_GOAL}`;
    }),
  ].filter(Boolean);
  if (problems.length) result.failure = problems.join('; ');
  return result;
}

// ------------------------------------------------------------------------------------------ report

const fixed = (x, digits) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toFixed(digits));
const sci = (x) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toExponential(1));
const cell = (text) => String(text).replaceAll('|', '\\|');

function cosineCell(c) {
  if (!c) return '-';
  if (c.error) return c.error.startsWith('skipped') ? '-' : 'fails';
  const cos = c.integer.minCosine;
  return `${fixed(cos, 4)}${cos >= COSINE_GOAL ? '' : ' ✗'}`;
}

/** PyTorch's own cosine with int8-rounded weights (export.py): what weight rounding alone costs. */
function torchCell(r) {
  const c = Object.values(r.pytorchInt8WeightsCosine ?? {});
  return c.length ? fixed(Math.min(...c), 4) : '-';
}

function fallbackCell(r) {
  const ops = {};
  for (const c of Object.values(r.convert ?? {}))
    for (const [op, n] of Object.entries(c.fallbacks?.byOp ?? {})) ops[op] = Math.max(ops[op] ?? 0, n);
  const list = Object.entries(ops).map(([op, n]) => `${op} ${n}`);
  return r.convert ? list.join(', ') || 'none' : '-';
}

function markdown(results, meta) {
  const short = (text) => cell(text.replaceAll(`${meta.models}/`, ''));
  const lines = [
    `# qtk on real PyTorch exports`,
    '',
    `${meta.date}; qtk ${meta.commit}; models from ${meta.models} (tools/real-models/export.py: ${meta.versions}); calibration preset ${meta.setter ?? 'default-calibration'}.`,
    `Cosine: the integer simulation's output against PyTorch's float output, the least over the model's outputs (goal >= ${COSINE_GOAL}).`,
    "torch int8-weights cos: PyTorch's own output with every GEMM weight rounded to int8 per channel, against float: what weight rounding alone costs these random-weight networks.",
    'Float error: `qtk run` of the ONNX against PyTorch, max |a - b| and that over max |b|.',
    '',
    '| model | input | ONNX nodes | imports | ONNX ops qtk lacks | float max abs (rel) | torch int8-weights cos | cos nash-m | cos nash-h | cos nash-h int-conv | fallbacks | time (s) | first failure |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const floatMin = r.float?.outputs
      ? Object.values(r.float.outputs).reduce((m, o) => (o.maxAbs > m.maxAbs ? o : m), { maxAbs: -1 })
      : null;
    const floatCell = r.float?.error ? 'fails' : floatMin ? `${sci(floatMin.maxAbs)} (${sci(floatMin.maxRel)})` : '-';
    const imports = r.import.error ? 'no' : `yes (${r.import.nodes} nodes, ${r.import.foldedAtImport ?? 0} folded)`;
    lines.push(
      `| ${r.name} | ${r.input ? `[${r.input.shape.join(',')}]` : '-'} | ${r.onnxNodes ?? '-'} | ${imports} | ${r.onnxOpsNotImported?.join(', ') || '-'} | ${floatCell} | ${torchCell(r)} | ${cosineCell(r.convert?.['nash-m'])} | ${cosineCell(r.convert?.['nash-h'])} | ${cosineCell(r.convert?.['nash-h-int'])} | ${cell(fallbackCell(r))} | ${fixed(r.seconds, 0)} | ${short(r.failure ?? '')} |`,
    );
  }
  lines.push('', '## Details', '');
  for (const r of results) {
    lines.push(`### ${r.name}`, '', r.what ? `${r.what}.` : '', '');
    if (r.onnxOpsNotImported?.length) lines.push(`- ONNX ops qtk does not import: ${r.onnxOpsNotImported.join(', ')}`);
    if (r.import.error) {
      lines.push(`- ${r.import.error}`, '');
      continue;
    }
    lines.push(
      `- import: ${r.import.nodes} nodes, ${r.import.foldedAtImport ?? 0} folded to constants, ${r.import.macs.toLocaleString('en-US')} MACs (${fixed(r.import.seconds, 1)} s)`,
    );
    if (r.float.error) lines.push(`- float ${r.float.error}`);
    else
      for (const [name, o] of Object.entries(r.float.outputs))
        lines.push(
          `- float run ${name}: max abs ${sci(o.maxAbs)}, rel ${sci(o.maxRel)}, cosine ${fixed(o.cosine, 6)} (${fixed(r.float.seconds, 1)} s)`,
        );
    for (const [march, c] of Object.entries(r.calibrate)) {
      if (c.error) lines.push(`- ${c.error} (${fixed(c.seconds, 1)} s)`);
      else
        lines.push(
          `- calibrate ${march}: ${fixed(c.seconds, 1)} s; fake-quant cosine ${c.fakeQuant.error ?? fixed(c.fakeQuant.minCosine, 5)}`,
        );
    }
    for (const [key, c] of Object.entries(r.convert)) {
      if (c.error) {
        lines.push(`- ${key}: ${c.error}`);
        continue;
      }
      const cos = Object.entries(c.integer.outputs)
        .map(([n, o]) => `${n} ${fixed(o.cosine, 5)}`)
        .join(', ');
      const units = Object.entries(c.nodesPerUnit ?? {})
        .map(([u, n]) => `${u} ${n}`)
        .join(', ');
      lines.push(
        `- ${key}: cosine ${cos}; units ${units}; convert ${fixed(c.seconds, 1)} s, run ${fixed(c.integer.seconds, 1)} s`,
      );
      for (const [reason, n] of Object.entries(c.fallbacks?.reasons ?? {})) lines.push(`  - fallback x${n}: ${reason}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

async function gitCommit() {
  const r = await new Promise((done) => {
    const child = spawn('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('close', () => done(out.trim()));
    child.on('error', () => done('unknown'));
  });
  return r || 'unknown';
}

const options = parseArgs(process.argv.slice(2));
if (options.render) {
  const { results, ...meta } = JSON.parse(readFileSync(`${options.render}.json`, 'utf8'));
  writeFileSync(`${options.render}.md`, markdown(results, meta));
  process.exit(0);
}
const summaryPath = join(options.models, 'summary.json');
const summary = existsSync(summaryPath) ? JSON.parse(readFileSync(summaryPath, 'utf8')) : {};
const available = readdirSync(options.models, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(options.models, d.name, 'model.onnx')))
  .map((d) => d.name);
const order = Object.keys(summary).filter((n) => available.includes(n));
const names = options.names.length ? options.names : [...order, ...available.filter((n) => !order.includes(n)).sort()];
const timeoutMs = options.timeoutMinutes * 60_000;

const results = [];
const meta = {
  date: new Date().toISOString().slice(0, 10),
  setter: options.setter,
  commit: await gitCommit(),
  models: options.models,
  versions: summary._versions
    ? Object.entries(summary._versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
    : 'unknown versions',
};
for (const name of names) {
  const dir = join(options.models, name);
  const started = performance.now();
  process.stderr.write(`${name} ... `);
  let result;
  try {
    if (!existsSync(join(dir, 'model.onnx'))) throw new Error(`${dir}/model.onnx is missing`);
    result = await measureModel(name, dir, summary[name], timeoutMs);
  } catch (e) {
    // A bug of this script or a broken model folder: record it and go on with the next model.
    result = { name, import: { error: `measure: ${e.message}` }, failure: `measure: ${e.message}` };
  }
  result.seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${result.failure ?? 'ok'} (${result.seconds.toFixed(0)} s)\n`);
  results.push(result);
  // Written after every model, so an interrupted run keeps what it measured.
  mkdirSync(dirname(options.report), { recursive: true });
  writeFileSync(`${options.report}.json`, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
  writeFileSync(`${options.report}.md`, markdown(results, meta));
}
process.stderr.write(`wrote ${options.report}.md and ${options.report}.json\n`);
