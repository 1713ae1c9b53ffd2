/** 1. Widget weight against peers: raw, gzip -9 and brotli q11 bytes (node:zlib, as the widget's own
 * size budget measures) of our snippet and widget.js, and of the peers' published npm packages,
 * fetched at run time with `npm pack` into a temp folder. */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { measureSize, type Sizes } from "../../widget/scripts/measure-size.ts";
import { REPO_ROOT } from "./paths.ts";
import { bytes, fmt, type Table } from "./report.ts";
import type { Section } from "./section.ts";

const run = promisify(execFile);

interface Measured extends Sizes {
  /** gzip -9 after minifying each file with esbuild (the published loaders are not all minified). */
  minifiedGzip: number | null;
}

interface Entry {
  name: string;
  version: string;
  files: string[];
  sizes: Measured;
  /** Compared with our snippet (a loader) or with snippet + widget.js (a whole widget). */
  against: "snippet" | "total";
  note?: string;
}

type Minify = (code: string) => string;

/** esbuild comes with tsx (a dev dependency); without it the minified column stays empty. */
function loadMinifier(): Minify | null {
  try {
    const requireFromTsx = createRequire(realpathSync(join(REPO_ROOT, "node_modules/tsx/package.json")));
    const esbuild = requireFromTsx("esbuild") as { transformSync(code: string, options: { minify: boolean; loader: string }): { code: string } };
    return (code) => esbuild.transformSync(code, { minify: true, loader: "js" }).code;
  } catch {
    return null;
  }
}

/** Each file compressed on its own (a browser fetches them one by one), then summed. */
function measureFiles(paths: string[], minify: Minify | null): Measured {
  const total: Measured = { raw: 0, gzip: 0, brotli: 0, minifiedGzip: minify ? 0 : null };
  for (const path of paths) {
    const content = readFileSync(path);
    const sizes = measureSize(content);
    total.raw += sizes.raw;
    total.gzip += sizes.gzip;
    total.brotli += sizes.brotli;
    if (minify && total.minifiedGzip !== null) {
      try {
        total.minifiedGzip += measureSize(minify(content.toString("utf8"))).gzip;
      } catch {
        total.minifiedGzip = null;
      }
    }
  }
  return total;
}

function sum(a: Measured, b: Measured): Measured {
  return {
    raw: a.raw + b.raw,
    gzip: a.gzip + b.gzip,
    brotli: a.brotli + b.brotli,
    minifiedGzip: a.minifiedGzip === null || b.minifiedGzip === null ? null : a.minifiedGzip + b.minifiedGzip,
  };
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .map((name) => join(directory, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** `npm pack name@range` into `folder`, unpacked; returns the package folder and its version. */
async function fetchPackage(spec: string, folder: string): Promise<{ dir: string; version: string }> {
  const target = mkdtempSync(join(folder, "pkg-"));
  const { stdout } = await run("npm", ["pack", spec, "--json", "--pack-destination", target, "--silent"], { cwd: target, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout) as { filename: string; version: string }[];
  if (!packed) throw new Error(`npm pack ${spec} printed no package`);
  await run("tar", ["xzf", join(target, packed.filename), "-C", target], { timeout: 60_000 });
  return { dir: join(target, "package"), version: packed.version };
}

export const widgetWeightSection: Section = {
  id: "widget-weight",
  title: "1. Widget weight vs peers",
  timeoutMs: 150_000,
  async run({ log, defer }) {
    const minify = loadMinifier();
    const folder = mkdtempSync(join(tmpdir(), "hummdesk-bench-peers-"));
    defer(() => rmSync(folder, { recursive: true, force: true }));
    const dist = join(REPO_ROOT, "widget/dist");
    const snippet = measureFiles([join(dist, "snippet.min.js")], minify);
    const widget = measureFiles([join(dist, "widget.js")], minify);
    const ours = sum(snippet, widget);
    const build = JSON.parse(readFileSync(join(dist, "manifest.json"), "utf8")) as { hash?: string };
    const ourVersion = build.hash ? `build ${build.hash}` : "current build";
    const entries: Entry[] = [];
    const failures: string[] = [];

    const specs = ["@rocket.chat/livechat@1.13.3", "@papercups-io/chat-widget@1.3.1", "@intercom/messenger-js-sdk", "crisp-sdk-web", "@livechat/widget-core"];
    log(`npm pack ${specs.join(" ")}`);
    const fetched = await Promise.allSettled(specs.map((spec) => fetchPackage(spec, folder)));
    const packageOf = (index: number) => {
      const result = fetched[index];
      if (result?.status === "fulfilled") return result.value;
      failures.push(`${specs[index]}: ${result?.status === "rejected" ? String(result.reason).slice(0, 300) : "not fetched"}`);
      return null;
    };
    const add = (name: string, pkg: { dir: string; version: string }, paths: string[], against: Entry["against"], note?: string) => {
      entries.push({ name, version: pkg.version, files: paths.map((path) => relative(pkg.dir, path)), sizes: measureFiles(paths, minify), against, ...(note ? { note } : {}) });
    };

    const rocket = packageOf(0);
    if (rocket) {
      const build = join(rocket.dir, "build");
      // The frame's page (build/index.html) lists the scripts it loads first, as `livechat/<file>`.
      const html = readFileSync(join(build, "index.html"), "utf8");
      const frameScripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => join(build, (match[1] as string).replace(/^livechat\//, "")));
      if (frameScripts.length === 0) throw new Error("no <script src> in @rocket.chat/livechat build/index.html");
      add("Rocket.Chat Livechat: loader", rocket, [join(build, "rocketchat-livechat.min.js")], "snippet");
      add("Rocket.Chat Livechat: frame's first scripts", rocket, frameScripts, "total", "the scripts the iframe's page build/index.html loads");
      const allJs = listFiles(build).filter((path) => path.endsWith(".js"));
      add("Rocket.Chat Livechat: all JS", rocket, allJs, "total", "every .js under build/: loader, frame scripts and lazy chunks");
    }
    const papercups = packageOf(1);
    if (papercups) {
      add("Papercups chat-widget", papercups, [join(papercups.dir, "dist/index.js")], "total", "its main entry only: React, framer-motion, theme-ui, query-string, tinycolor2 and @papercups-io/browser come on top");
    }
    const intercom = packageOf(2);
    if (intercom) {
      add("Intercom messenger-js-sdk: loader", intercom, ["index.js", "instance-manager.js", "constants.js"].map((file) => join(intercom.dir, "dist", file)), "snippet", "its main module graph; it then loads the messenger from Intercom's CDN");
    }
    const crisp = packageOf(3);
    if (crisp) {
      add("Crisp crisp-sdk-web: loader", crisp, [join(crisp.dir, "dist/crisp.umd.cjs")], "snippet", "its self-contained UMD build (main); it then loads the chat from Crisp's CDN");
    }
    const livechat = packageOf(4);
    if (livechat) {
      add("LiveChat widget-core: loader", livechat, [join(livechat.dir, "dist/widget-core.umd.js")], "snippet", "its self-contained UMD build (unpkg); it then loads the widget from LiveChat's CDN");
    }

    const ratio = (entry: Entry) => entry.sizes.gzip / (entry.against === "snippet" ? snippet.gzip : ours.gzip);
    const minifiedRatio = (entry: Entry) => {
      const base = entry.against === "snippet" ? snippet.minifiedGzip : ours.minifiedGzip;
      return entry.sizes.minifiedGzip === null || base === null ? Number.NaN : entry.sizes.minifiedGzip / base;
    };
    const sizeCells = (sizes: Measured) => [bytes(sizes.raw), bytes(sizes.gzip), bytes(sizes.brotli), bytes(sizes.minifiedGzip)];
    const table: Table = {
      columns: ["widget", "version", "files counted", "raw", "gzip -9", "brotli q11", "gzip -9 after esbuild minify", "gzip ratio peer/ours", "same, minified"],
      rows: [
        ["**HummDesk snippet** (loader)", ourVersion, "widget/dist/snippet.min.js", ...sizeCells(snippet), "1 (ours)", "1 (ours)"],
        ["**HummDesk widget.js**", ourVersion, "widget/dist/widget.js", ...sizeCells(widget), "—", "—"],
        ["**HummDesk snippet + widget.js** (all a visitor downloads)", ourVersion, "both files above", ...sizeCells(ours), "1 (ours)", "1 (ours)"],
        ...entries.map((entry) => [
          entry.name,
          entry.version,
          (entry.files.length > 6 ? `${entry.files.length} files` : entry.files.join(", ")) + (entry.note ? ` — ${entry.note}` : ""),
          ...sizeCells(entry.sizes),
          `${fmt(ratio(entry), 1)}× vs ${entry.against === "snippet" ? "our snippet" : "our snippet + widget.js"}`,
          `${fmt(minifiedRatio(entry), 1)}×`,
        ]),
      ],
    };
    return {
      tables: [table],
      notes: [
        "Bytes of the files as published (npm pack, fetched during the run, nothing of theirs kept), each file compressed on its own and summed: gzip level 9 and brotli quality 11 through node:zlib, as widget/scripts/measure-size.ts measures our budget.",
        "Loaders are compared with our snippet, whole widgets with our snippet + widget.js. The loaders of Intercom, Crisp and LiveChat fetch their real widget from their CDN at run time; that code is not on npm and not counted, so those rows are lower bounds of what a visitor downloads.",
        minify ? "The minified column re-minifies every file (ours too) with esbuild's `minify` first, since Intercom's and Crisp's packages ship unminified code." : "esbuild was not found: no minified column.",
        ...failures.map((failure) => `Could not fetch ${failure}`),
      ],
      figures: {
        ours: { snippet, widget, total: ours },
        peers: entries.map((entry) => ({ ...entry, gzipRatio: ratio(entry), minifiedGzipRatio: minifiedRatio(entry) })),
        failures,
      },
    };
  },
};
