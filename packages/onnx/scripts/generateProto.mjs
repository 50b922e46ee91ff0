// Regenerates the protobufjs reflection module (and its typings) from proto/onnx.proto.
// The output is committed; test/schema/generatedCode.test.ts fails when it is out of date.
// --keep-case keeps ONNX's field names (op_type, raw_data) instead of camelCasing them.
// Usage: node scripts/generateProto.mjs [outDir]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'src/schema/generated'));
mkdirSync(outDir, { recursive: true });
const pbjs = join(root, 'node_modules/.bin/pbjs');
execFileSync(
  pbjs,
  ['-t', 'json-module', '-w', 'esm', '--keep-case', '--dts', '-o', join(outDir, 'onnx.js'), 'proto/onnx.proto'],
  { cwd: root, stdio: 'inherit' },
);
