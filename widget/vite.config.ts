/** Builds widget.js (IIFE for the snippet), widget.esm.js (for bundlers), snippet.min.js and manifest.json. */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type EnvironmentOptions, type Plugin } from "vite";
import { measureSize } from "./scripts/measure-size.ts";
import { LOADER_SCRIPT } from "./src/loader.ts";

const outDir = resolve(import.meta.dirname, "dist");

/** Once both bundles exist: writes the loader, and a manifest naming widget.js with its content hash. */
function snippetAndManifest(): Plugin {
  return {
    name: "hummdesk-snippet-and-manifest",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const widget = readFileSync(resolve(outDir, "widget.js"));
        writeFileSync(resolve(outDir, "snippet.min.js"), LOADER_SCRIPT);
        const manifest = {
          widget: "widget.js",
          esm: "widget.esm.js",
          snippet: "snippet.min.js",
          hash: createHash("sha256").update(widget).digest("hex").slice(0, 10),
          sizes: { "widget.js": measureSize(widget), "snippet.min.js": measureSize(LOADER_SCRIPT) },
        };
        writeFileSync(resolve(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      },
    },
  };
}

/**
 * Escapes every non-ASCII character (ä, ö, …, ▍) as \uXXXX after minification, so widget.js reads
 * the same whatever charset a CDN or the merchant's page gives it.
 */
function asciiOnly(): Plugin {
  return {
    name: "hummdesk-ascii-only",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        chunk.code = chunk.code.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
      }
    },
  };
}

function library(entry: string, format: "iife" | "es", fileName: string): EnvironmentOptions {
  return {
    consumer: "client",
    build: {
      outDir,
      // Only the first build empties dist; the second adds its file.
      emptyOutDir: format === "iife",
      target: "es2020",
      minify: true,
      copyPublicDir: false,
      // scripts/report-size.ts prints the sizes that count (gzip -9, brotli).
      reportCompressedSize: false,
      lib: { entry: resolve(import.meta.dirname, entry), formats: [format], name: "HummDeskWidget", fileName: () => fileName },
    },
  };
}

export default defineConfig({
  // Classic `h(...)` calls are smaller than the automatic runtime's; the type checker keeps jsxImportSource.
  oxc: {
    jsx: { runtime: "classic", pragma: "h", pragmaFrag: "Fragment" },
    jsxInject: 'import { h, Fragment } from "preact"',
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.widget!);
      await builder.build(builder.environments.esm!);
    },
  },
  environments: {
    widget: library("src/boot.ts", "iife", "widget.js"),
    esm: library("src/index.ts", "es", "widget.esm.js"),
  },
  plugins: [asciiOnly(), snippetAndManifest()],
});
