/**
 * Builds the chat chunk (`chat-<hash>.js`, an ES module, with one `chat-<locale>-<hash>.js` per
 * language), widget.js (the boot chunk, an IIFE that imports the chat later), widget.esm.js (for
 * bundlers, everything in one file), snippet.min.js and manifest.json.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { minify } from "terser";
import { defineConfig, type EnvironmentOptions, type Plugin } from "vite";
import { measureSize } from "./scripts/measure-size.ts";
import { LOADER_SCRIPT } from "./src/loader.ts";

const outDir = resolve(import.meta.dirname, "dist");
const CHAT_PLACEHOLDER = "__HUMMDESK_CHAT_FILE__";

/** The chat build's files, which the boot build and the manifest name (each environment loads this config anew, so via a file). */
const CHAT_FILES = resolve(outDir, "chat-files.json");
const readChatFiles = (): { entry: string; chunks: string[] } => JSON.parse(readFileSync(CHAT_FILES, "utf8"));

/** Writes down the chat chunk's hashed name as the chat build emits it. */
function recordChatFiles(): Plugin {
  return {
    name: "hummdesk-record-chat-files",
    applyToEnvironment: (environment) => environment.name === "chat",
    writeBundle(_options, bundle) {
      const chunks = Object.keys(bundle).filter((file) => file.endsWith(".js"));
      const entry = Object.values(bundle).find((chunk) => chunk.type === "chunk" && chunk.isEntry)!.fileName;
      writeFileSync(CHAT_FILES, JSON.stringify({ entry, chunks }));
    },
  };
}

/** Puts the chat chunk's name into widget.js, which imports it by that name. */
function chatFileIntoBoot(): Plugin {
  return {
    name: "hummdesk-chat-file-into-boot",
    applyToEnvironment: (environment) => environment.name === "widget",
    renderChunk(code) {
      return code.replaceAll(CHAT_PLACEHOLDER, JSON.stringify(readChatFiles().entry));
    },
  };
}

/** A second, deeper minification of the chat and boot chunks (terser, three compress passes, safe options only): a few
 * hundred bytes the bundler's fast minifier leaves, which the widget's budget counts. */
function deeperMinify(): Plugin {
  return {
    name: "hummdesk-deeper-minify",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "chat" || environment.name === "widget",
    async generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const result = await minify(chunk.code, {
          module: options.format === "es",
          ecma: 2020,
          compress: { passes: 3 },
          mangle: true,
          format: { ascii_only: true },
        });
        if (result.code) chunk.code = result.code;
      }
    },
  };
}

/** Once both bundles exist: writes the loader, and a manifest naming widget.js with its content hash. */
function snippetAndManifest(): Plugin {
  return {
    name: "hummdesk-snippet-and-manifest",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const widget = readFileSync(resolve(outDir, "widget.js"));
        const chatFiles = readChatFiles();
        writeFileSync(resolve(outDir, "snippet.min.js"), LOADER_SCRIPT);
        const sizes: Record<string, ReturnType<typeof measureSize>> = {
          "widget.js": measureSize(widget),
          "snippet.min.js": measureSize(LOADER_SCRIPT),
        };
        for (const file of chatFiles.chunks) sizes[file] = measureSize(readFileSync(resolve(outDir, file)));
        const manifest = {
          widget: "widget.js",
          chat: chatFiles.entry,
          chatChunks: chatFiles.chunks,
          esm: "widget.esm.js",
          snippet: "snippet.min.js",
          hash: createHash("sha256").update(widget).digest("hex").slice(0, 10),
          sizes,
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

function library(entry: string, format: "iife" | "es", fileName: string, chunked = false): EnvironmentOptions {
  return {
    consumer: "client",
    build: {
      outDir,
      // Only the first build (the chat) empties dist; the others add their files.
      emptyOutDir: chunked,
      target: "es2020",
      minify: true,
      copyPublicDir: false,
      // scripts/report-size.ts prints the sizes that count (gzip -9, brotli).
      reportCompressedSize: false,
      lib: { entry: resolve(import.meta.dirname, entry), formats: [format], name: "HummDeskWidget", fileName: () => fileName },
      rolldownOptions: {
        // jsxInject adds `import { h } from "preact"` to .ts files too; unused there, it must not tie a locale chunk to Preact.
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/].*preact/.test(id) },
        // The chat splits one chunk per language off; the bundler build keeps everything in one file.
        output: chunked ? { entryFileNames: "chat-[hash].js", chunkFileNames: "chat-[name]-[hash].js", minify: true } : { codeSplitting: false },
      },
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
      await builder.build(builder.environments.chat!);
      await builder.build(builder.environments.widget!);
      await builder.build(builder.environments.esm!);
    },
  },
  environments: {
    chat: library("src/chat.tsx", "es", "chat.js", true),
    widget: library("src/boot.ts", "iife", "widget.js"),
    esm: library("src/index.ts", "es", "widget.esm.js"),
  },
  plugins: [asciiOnly(), deeperMinify(), recordChatFiles(), chatFileIntoBoot(), snippetAndManifest()],
});
