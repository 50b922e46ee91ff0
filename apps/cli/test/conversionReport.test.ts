import { Graph, isQtkError } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { buildConversionReport } from '../src/convert/buildConversionReport.js';
import { formatConversion } from '../src/convert/formatConversion.js';
import { readConvertWarnings } from '../src/convert/readConvertWarnings.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isQtkError(e)) return e.message;
    throw e;
  }
  return expect.fail('no error');
}

describe('readConvertWarnings', () => {
  it('reads the warnings of a version-1 section; none without the section', () => {
    expect(readConvertWarnings({ 'qtk.convert': utf8('{"version":1,"warnings":["a","b"]}') }, 'q.qtk')).toEqual([
      'a',
      'b',
    ]);
    expect(readConvertWarnings(undefined, 'q.qtk')).toEqual([]);
    expect(readConvertWarnings({ other: utf8('x') }, 'q.qtk')).toEqual([]);
  });

  it('a damaged section is an error naming the file', () => {
    const read = (text: string) => errorOf(() => readConvertWarnings({ 'qtk.convert': utf8(text) }, 'q.qtk'));
    expect(read('{"version":1,')).toBe('q.qtk: section qtk.convert is not valid JSON');
    expect(read('[1]')).toBe('q.qtk: section qtk.convert has version undefined; this qtk reads version 1');
    expect(read('null')).toBe('q.qtk: section qtk.convert is not a JSON object');
    expect(read('{"version":2,"warnings":[]}')).toBe(
      'q.qtk: section qtk.convert has version 2; this qtk reads version 1',
    );
    expect(read('{"version":1,"warnings":[3]}')).toBe('q.qtk: section qtk.convert has no list of warnings (strings)');
    expect(errorOf(() => readConvertWarnings({ 'qtk.convert': Uint8Array.of(0xff) }, 'q.qtk'))).toBe(
      'q.qtk: section qtk.convert is not valid JSON',
    );
  });
});

describe('buildConversionReport', () => {
  it('counts nodes per unit (the four units always, others by name, then none), fallbacks in graph order', () => {
    const g = new Graph('g');
    let v = g.addInput('x', { dtype: 'float32', shape: [2] });
    const units = ['tae', 'dsp', undefined, 'cpu', 'cpu', 'accel'];
    for (const [i, unit] of units.entries()) {
      const node = g.addNode({ op: 'Relu', name: `n${i}`, inputs: [v] });
      if (unit) node.annotations = { unit, ...(i === 4 ? { fallback: 'float32 on the CPU' } : {}) };
      v = node.output();
    }
    g.setOutputs([v]);
    const report = buildConversionReport(
      g,
      { march: 'm1', backend: 'b', 'option.z': '1', 'option.a': 'true', other: 'x' },
      ['w'],
    );
    expect(report).toEqual({
      march: 'm1',
      backend: 'b',
      options: { a: 'true', z: '1' },
      nodesPerUnit: { tae: 1, vae: 0, vpu: 0, cpu: 2, accel: 1, dsp: 1, none: 1 },
      fallbacks: [{ name: 'n4', op: 'Relu', note: 'float32 on the CPU' }],
      warnings: ['w'],
    });
    expect(Object.keys(report.options)).toEqual(['a', 'z']);
    expect(formatConversion(report)).toBe(
      '  march:    m1\n  backend:  b\n  options:  a=true, z=1\n' +
        'Nodes per unit (6):\n  tae    1\n  vae    0\n  vpu    0\n  cpu    2\n  accel  1\n  dsp    1\n  none   1\n' +
        'Fallbacks (1):\n  n4  Relu  float32 on the CPU\n' +
        'Warnings (1):\n  w\n',
    );
    expect(formatConversion(buildConversionReport(new Graph('empty'), {}, []))).toBe(
      '  march:    (not recorded)\n  backend:  (not recorded)\n' +
        'Nodes per unit (0):\n  tae  0\n  vae  0\n  vpu  0\n  cpu  0\nFallbacks: none\nWarnings: none\n',
    );
  });
});
