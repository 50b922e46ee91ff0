// TypeDoc: markdown API pages for VitePress, one module per public package entry point.
import { packageEntryPoints } from './typedoc/packageEntryPoints.mjs';

const entries = packageEntryPoints();

// Resolve `@qtk/*` imports to the packages' sources rather than their built `dist/*.d.ts`, so a
// type from another package (an onnx function returning a `Graph`) links to its page here.
const paths = Object.fromEntries(entries.map((e) => [e.importName, [e.file]]));

/** @type {Partial<import('typedoc').TypeDocOptions & import('typedoc-plugin-markdown').PluginOptions & { docsRoot: string, sidebar: object }>} */
export default {
  name: 'qtk API',
  entryPoints: entries.map((e) => e.file),
  tsconfig: './tsconfig.typedoc.json',
  compilerOptions: { paths },
  plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme', './typedoc/packageModuleNames.mjs'],
  out: '../../docs/api',
  docsRoot: '../../docs',
  cleanOutputDir: true,
  // `api/ir/...` rather than `api/@qtk/ir/...`: every package is in the one scope.
  excludeScopesInPaths: true,
  // The packages' own `typecheck` tasks check types; the docs build should not fail on a package
  // that another engineer is halfway through.
  skipErrorChecking: true,
  readme: 'none',
  entryFileName: 'index',
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  sort: ['kind', 'instance-first', 'alphabetical-ignoring-documents'],
  hidePageHeader: true,
  useCodeBlocks: true,
  parametersFormat: 'table',
  interfacePropertiesFormat: 'table',
  classPropertiesFormat: 'table',
  enumMembersFormat: 'table',
  typeDeclarationFormat: 'table',
  sidebar: { autoConfiguration: true, format: 'vitepress', pretty: true, collapsed: true },
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: true },
  // Every exported declaration needs TSDoc (the team rule); self-explanatory members (a getter
  // `inputs`, a property `dtype`) need not. Missing docs warn, they do not fail the build.
  requiredToBeDocumented: ['Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias'],
  // TypeDoc would otherwise check only the package that owns the entry points' common folder, which
  // for several packages is the private monorepo root.
  packagesRequiringDocumentation: [...new Set(entries.map((e) => e.packageName))],
  treatWarningsAsErrors: false,
  // No source links: they would point at a repository host this build cannot check.
  disableSources: true,
  githubPages: false,
};
