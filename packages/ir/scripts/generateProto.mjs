// Regenerates the protobufjs reflection module (and its typings) from proto/qtk_artifact.proto.
// The output is committed; test/artifact/generatedCode.test.ts fails when it is out of date.
// Usage: node scripts/generateProto.mjs [outDir]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'src/artifact/generated'));
mkdirSync(outDir, { recursive: true });
const pbjs = join(root, 'node_modules/.bin/pbjs');
execFileSync(
  pbjs,
  ['-t', 'json-module', '-w', 'esm', '--dts', '-o', join(outDir, 'qtk_artifact.js'), 'proto/qtk_artifact.proto'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
