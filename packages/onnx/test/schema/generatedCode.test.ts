import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('generated protobuf module', () => {
  it('is what proto/onnx.proto generates today (run `pnpm generate` after editing the schema)', () => {
    const out = mkdtempSync(join(tmpdir(), 'qtk-onnx-proto-'));
    execFileSync(process.execPath, [join(root, 'scripts/generateProto.mjs'), out], { cwd: root });
    for (const file of ['onnx.js', 'onnx.d.ts']) {
      const fresh = readFileSync(join(out, file), 'utf8');
      const committed = readFileSync(join(root, 'src/schema/generated', file), 'utf8');
      expect(committed, `${file} is stale`).toBe(fresh);
    }
  }, 60_000);
});
