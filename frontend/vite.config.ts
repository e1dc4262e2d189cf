// One self-contained, minified ES module (lit bundled in) written straight into the
// integration, so HACS users need no build: custom_components/cramp_guard/frontend/.
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const here = import.meta.dirname;

export default defineConfig({
  // lit reads NODE_ENV only in its development build; make sure nothing leaks.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: resolve(here, "../custom_components/cramp_guard/frontend"),
    emptyOutDir: false,
    copyPublicDir: false,
    target: "es2021",
    minify: true,
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      input: resolve(here, "src/cramp-guard-card.ts"),
      preserveEntrySignatures: false,
      output: {
        format: "es",
        entryFileNames: "cramp-guard-card.js",
        // One file: the integration serves only this bundle (card.py). The editor's
        // dynamic import (getConfigElement) is inlined as a module evaluated on the
        // first ask, not split into a chunk (rollup's inlineDynamicImports).
        codeSplitting: false,
        // lit's licence (BSD-3-Clause) asks for its notice in redistributed builds.
        postBanner:
          "/*! Cramp Guard card (MIT). Bundles lit, @lit/reactive-element and lit-html: " +
          "Copyright 2017 Google LLC, BSD-3-Clause. */",
      },
    },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts"],
    watch: false,
  },
});
