import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { type DefaultTheme, defineConfig } from 'vitepress';

const docsDir = fileURLToPath(new URL('../../../docs', import.meta.url));
const apiSidebarFile = `${docsDir}/api/typedoc-sidebar.json`;

/**
 * The API sidebar that TypeDoc writes next to the generated pages. It is absent until `pnpm api`
 * has run (a guide-only `vitepress dev`), and the guide still builds then.
 */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  if (!existsSync(apiSidebarFile)) return [];
  return JSON.parse(readFileSync(apiSidebarFile, 'utf8')) as DefaultTheme.SidebarItem[];
}

/**
 * The pages live in the repo's `docs/`, outside this package, and pnpm installs `vue` only here:
 * resolve the `vue` imports of compiled pages as if they were made from this package.
 */
function resolveVueFromDocsPackage(): Plugin {
  const fromHere = fileURLToPath(import.meta.url);
  return {
    name: 'qtk-docs:resolve-vue',
    enforce: 'pre',
    resolveId(id, importer, options) {
      if (!importer?.startsWith(docsDir) || !/^vue(\/|$)/.test(id)) return null;
      return this.resolve(id, fromHere, { ...options, skipSelf: true });
    },
  };
}

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Guide',
    items: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'Concepts', link: '/guide/concepts' },
      { text: 'Building models in TypeScript', link: '/guide/model-building' },
      { text: 'ONNX import and export', link: '/guide/onnx' },
      { text: 'Command line', link: '/guide/cli' },
      { text: 'Calibration', link: '/guide/calibration' },
      { text: 'Backends and conversion', link: '/guide/backends' },
      { text: 'The article, end to end', link: '/guide/article' },
    ],
  },
  {
    text: 'Reference',
    items: [
      { text: 'Quantization numbers', link: '/reference/quantization' },
      { text: 'API', link: '/api/' },
    ],
  },
];

export default defineConfig({
  title: 'qtk',
  description: 'A TypeScript quantization toolkit for Horizon Robotics Journey 6 (Nash) BPUs.',
  lang: 'en-US',
  srcDir: '../../docs',
  // Git timestamps would make two builds of the same sources differ.
  lastUpdated: false,
  cleanUrls: false,
  vite: { plugins: [resolveVueFromDocsPackage()] },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started', activeMatch: '/guide/' },
      { text: 'Quantization', link: '/reference/quantization' },
      { text: 'API', link: '/api/', activeMatch: '/api/' },
    ],
    sidebar: {
      '/guide/': guide,
      '/reference/': guide,
      '/api/': [{ text: 'API reference', link: '/api/' }, ...apiSidebar()],
    },
    // Search runs in the browser on an index built with the site: no external service.
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
});
