import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Graph } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import {
  BACKEND_SPEC_VERSION,
  type Backend,
  BackendRegistry,
  loadBackendPackage,
  loweringCapabilities,
} from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

function fake(name: string, marches: string[], overrides: Partial<Backend> = {}): Backend {
  return {
    specVersion: BACKEND_SPEC_VERSION,
    name,
    marches,
    description: 'test',
    capabilities: loweringCapabilities(toyPolicy),
    options: [{ name: 'fast', type: 'boolean', default: false, description: 'go fast' }],
    convert: (qat) => ({ kind: 'quantized', graph: qat.graph, metadata: {} }),
    ...overrides,
  };
}

const qat = () => ({ kind: 'qat' as const, graph: new Graph(), metadata: {} });

describe('BackendRegistry', () => {
  it('finds a backend by march and lists the marches', () => {
    const r = new BackendRegistry();
    const b = fake('@x/backend-a', ['a-1', 'a-2']);
    r.register(b);
    r.register(b);
    expect(r.backendFor('a-2')).toBe(b);
    expect(r.marches()).toEqual(['a-1', 'a-2']);
    expect(r.backends()).toEqual([b]);
  });

  it('refuses another spec version and a march taken by another backend', () => {
    const r = new BackendRegistry();
    expect(() => r.register(fake('@x/old', ['o'], { specVersion: 0 }))).toThrow(
      `backend @x/old implements backend spec 0; this qtk needs spec ${BACKEND_SPEC_VERSION}`,
    );
    r.register(fake('@x/a', ['m']));
    expect(() => r.register(fake('@x/b', ['m']))).toThrow("march 'm' is served by @x/a already; @x/b cannot take it");
  });

  it('names the registered marches for an unknown one', () => {
    const r = new BackendRegistry();
    expect(() => r.backendFor('nash-m')).toThrow(
      "no backend for march 'nash-m'; registered marches: none (load a backend package)",
    );
    r.register(fake('@x/a', ['b', 'a']));
    expect(() => r.backendFor('c')).toThrow("no backend for march 'c'; registered marches: a, b");
  });

  it('fills option defaults, refuses unknown options and wrong types, and records them in the metadata', () => {
    const r = new BackendRegistry();
    r.register(fake('@x/a', ['a']));
    expect(r.convert(qat(), 'a').metadata).toEqual({ march: 'a', backend: '@x/a', 'option.fast': 'false' });
    expect(r.convert(qat(), 'a', { fast: true }).metadata['option.fast']).toBe('true');
    expect(() => r.convert(qat(), 'a', { slow: true })).toThrow("@x/a has no option 'slow'; its options: fast");
    expect(() => r.convert(qat(), 'a', { fast: 1 })).toThrow("@x/a: option 'fast' must be a boolean");
  });
});

describe('loadBackendPackage', () => {
  it('imports a package (or file) and registers the backend it exports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qtk-backend-'));
    const file = join(dir, 'backend.mjs');
    writeFileSync(
      file,
      `export const backend = { specVersion: ${BACKEND_SPEC_VERSION}, name: 'file-backend', marches: ['file-march'], description: '', capabilities: { ops: [], gemmOutputDtypes: [] }, options: [], convert: (q) => q };`,
    );
    const r = new BackendRegistry();
    const b = await loadBackendPackage(file, r);
    expect(r.backendFor('file-march')).toBe(b);
    await expect(loadBackendPackage(join(dir, 'missing.mjs'), r)).rejects.toThrow(/cannot load backend package/);
    writeFileSync(join(dir, 'nothing.mjs'), 'export const x = 1;');
    await expect(loadBackendPackage(join(dir, 'nothing.mjs'), r)).rejects.toThrow(/exports no qtk backend/);
  });
});
