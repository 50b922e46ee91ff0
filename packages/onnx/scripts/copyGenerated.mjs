// tsc does not emit the generated protobufjs module (plain JS next to its .d.ts): copy it.
import { cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
cpSync(join(root, 'src/schema/generated'), join(root, 'dist/schema/generated'), { recursive: true });
