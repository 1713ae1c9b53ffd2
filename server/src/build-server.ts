/** Bundles the server for `pnpm start` into server/dist/main.js (and chunks it imports later) with esbuild: our TypeScript and
 * the workspace packages (shared, the widget's snippet builder) in one ES module, every npm
 * dependency left as an import. Node then starts without compiling TypeScript on the fly (tsx),
 * which is most of a warm start. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { REPO_ROOT } from "./repo-root.ts";

const workspacePackage = /^@hummdesk\//;
const serverPackage = JSON.parse(readFileSync(join(REPO_ROOT, "server/package.json"), "utf8")) as { dependencies: Record<string, string> };
const external = Object.keys(serverPackage.dependencies).filter((name) => !workspacePackage.test(name));

const started = performance.now();
const result = await build({
  entryPoints: [join(REPO_ROOT, "server/src/main.ts")],
  // Code loaded with import() (the AI provider and pipeline) goes into chunks of its own, so a
  // start does not evaluate it, nor import the npm packages only it uses.
  outdir: join(REPO_ROOT, "server/dist"),
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // npm packages stay imports (resolved from server/node_modules at run time), deep paths too.
  external: external.flatMap((name) => [name, `${name}/*`]),
  // Some bundled code (or its dependencies) may call require(): give the ES module one.
  banner: { js: "import { createRequire as __hummdeskRequire } from 'node:module'; const require = __hummdeskRequire(import.meta.url);" },
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`server bundle: server/dist/main.js (${Math.round(bytes / 1024)} KiB with its source map) in ${Math.round(performance.now() - started)} ms`);
