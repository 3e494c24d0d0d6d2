// Builds admin/ into build/admin/ (git-ignored); hbsite/serve_hook.py copies it into the site.
import { defineConfig } from 'vite';

// Two changes to Sveltia CMS as bundled, each checked by tests/test_cms.py:
// - @sveltia/ui declares its fonts twice: from the npm package (bundled below) and from
//   cdn.jsdelivr.net. The form must load nothing from other hosts, so the CDN copies go.
// - The form sets its viewport to maximum-scale=1, which stops editors zooming (WCAG 1.4.4,
//   axe meta-viewport): that part of the setting goes.
const CDN_FONT_FACE = /@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net\/[^}]*\}/g;
const NO_ZOOM = /`maximum-scale=1`,\s*/g;

const formFixes = {
  name: 'hb-form-fixes',
  transform(code, id) {
    if (!id.includes('@sveltia')) return null;
    const fixed = code.replace(CDN_FONT_FACE, '').replace(NO_ZOOM, '');
    return fixed === code ? null : { code: fixed, map: null };
  },
};

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [formFixes],
  build: {
    outDir: '../build/admin',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 20000,
  },
});
