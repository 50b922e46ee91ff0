import { type Attributes, Graph } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { formatRunEvents } from '../src/run/formatRunEvents.js';

function chain(ops: readonly string[]): Graph {
  const g = new Graph('chain');
  let v = g.addInput('x', { dtype: 'float32', shape: [2, 3] });
  for (const [i, op] of ops.entries()) {
    const attrs: Attributes = op === 'FakeQuantize' ? { dtype: 'qint8', scales: [0.1] } : {};
    v = g.addNode({ op, name: `n${i}`, inputs: [v], attrs }).output();
  }
  g.setOutputs([v]);
  return g;
}

describe('formatRunEvents', () => {
  it('nothing counted, nothing said', () => {
    expect(formatRunEvents(chain(['Relu']), {}, new Map())).toBe('');
  });

  it('saturations at fake quantizations: the QAT wording, graph order, shares of the sizes', () => {
    const g = chain(['FakeQuantize', 'Relu', 'FakeQuantize']);
    const events = { n2: { saturated: 3 }, n0: { saturated: 1 } };
    expect(
      formatRunEvents(
        g,
        events,
        new Map([
          ['n0', 51_200],
          ['n2', 6],
        ]),
      ),
    ).toBe(
      'qtk: warning: values saturated (fell outside the quantized range) at 2 fake quantizations:\n' +
        '  n0: 1 of 51,200 (0.0020%)\n' +
        '  n2: 3 of 6 (50.00%)\n',
    );
  });

  it('saturations and overflows at other nodes: one block each, saturations first', () => {
    const g = chain(['Relu', 'Relu']);
    const events = { n1: { overflow: 1_234, saturated: 1 }, n0: { saturated: 2 } };
    expect(
      formatRunEvents(
        g,
        events,
        new Map([
          ['n0', 4],
          ['n1', 12_000],
        ]),
      ),
    ).toBe(
      'qtk: warning: values saturated (fell outside the quantized range) at 2 nodes:\n' +
        '  n0: 2 of 4 (50.00%)\n' +
        '  n1: 1 of 12,000 (0.0083%)\n' +
        'qtk: warning: int32 accumulators overflowed (saturated or wrapped, as the backend says) at 1 node:\n' +
        '  n1: 1,234 of 12,000 (10.28%)\n',
    );
  });

  it('a node of unknown size gets its count alone', () => {
    expect(formatRunEvents(chain(['Relu']), { n0: { overflow: 5 } }, new Map())).toBe(
      'qtk: warning: int32 accumulators overflowed (saturated or wrapped, as the backend says) at 1 node:\n  n0: 5\n',
    );
  });
});
