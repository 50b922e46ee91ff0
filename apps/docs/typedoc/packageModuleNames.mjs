// A TypeDoc plugin: names each documented module by the specifier users import it with
// (`@qtk/ir/models`) instead of its path relative to the packages folder (`ir/src/models`).
import { normalize } from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';
import { packageEntryPoints } from './packageEntryPoints.mjs';

/** @param {import('typedoc').Application} app */
export function load(app) {
  const importNameByFile = new Map(packageEntryPoints().map((e) => [normalize(e.file), e.importName]));
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module) || reflection.parent !== context.project) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const importName = file && importNameByFile.get(normalize(file));
    if (importName) reflection.name = importName;
  });
}
