import { defaultClientConditions, defineConfig } from "vite";

// Workspace packages are bundled from their TypeScript sources (the "@chiso/source" condition), so
// only what the viewer uses of @chiso/core and @chiso/report ends up in the bundle.
export default defineConfig({
  base: "/",
  resolve: { conditions: ["@chiso/source", ...defaultClientConditions] },
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Everything is served by `chiso serve` from one origin; no inline scripts (the CSP allows 'self' only).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1200,
  },
});
