/** The widget's size is part of its contract (ARCHITECTURE goal 1): these checks read the real build in dist/. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { measureSize } from "../scripts/measure-size.ts";
import { LOADER_SCRIPT } from "./loader.ts";
import { buildSnippet } from "./snippet.ts";

/** widget.js, the boot chunk: queue, config, theme, launcher. What every page view pays. */
const BOOT_GZIP_BUDGET = 4 * 1024;
/** The snippet and the boot chunk together: the first download. */
const FIRST_DOWNLOAD_GZIP_BUDGET = 8 * 1024;
/** The chat chunk with its largest language chunk: what opening the chat costs. */
const CHAT_GZIP_BUDGET = 15 * 1024;
const SNIPPET_GZIP_BUDGET = 600;
/** The HTTP stream behind the socket where websockets are blocked: a chunk of its own. */
const STREAM_GZIP_BUDGET = 600;

const dist = resolve(import.meta.dirname, "../dist");

function built(file: string): string {
  const path = resolve(dist, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm --filter @hummdesk/widget build\` first`);
  return readFileSync(path, "utf8");
}

/** The longest snippet a merchant can get: every option set, long values. */
const LONGEST_SNIPPET = buildSnippet({
  baseUrl: "https://hummdesk.customer-support.example.com",
  websiteToken: "wt_3f9a1c2b7d4e8f6a0b1c2d3e",
  position: "left",
  color: "#e30613",
  locale: "fi",
  launcherText: "Kysy meiltä – vastaamme nopeasti",
  hideLauncher: false,
  darkMode: "auto",
});

function manifest(): { chat: string; chatChunks: string[]; hash: string } {
  return JSON.parse(built("manifest.json"));
}

const gzipOf = (file: string) => measureSize(built(file)).gzip;

describe("size budget", () => {
  it(`keeps widget.js (the boot chunk) within ${BOOT_GZIP_BUDGET} bytes gzipped`, () => {
    expect(gzipOf("widget.js")).toBeLessThanOrEqual(BOOT_GZIP_BUDGET);
  });

  it(`keeps the snippet and widget.js together within ${FIRST_DOWNLOAD_GZIP_BUDGET} bytes gzipped`, () => {
    expect(measureSize(LONGEST_SNIPPET).gzip + gzipOf("widget.js")).toBeLessThanOrEqual(FIRST_DOWNLOAD_GZIP_BUDGET);
  });

  it(`keeps the chat with its largest language within ${CHAT_GZIP_BUDGET} bytes gzipped`, () => {
    const { chat, chatChunks } = manifest();
    const locales = chatChunks.filter((file) => /^chat-(en|fi|sv)-/.test(file));
    expect(locales).toHaveLength(3);
    expect(gzipOf(chat) + Math.max(...locales.map(gzipOf))).toBeLessThanOrEqual(CHAT_GZIP_BUDGET);
  });

  it(`keeps the websocket fallback (loaded only where websockets are blocked) within ${STREAM_GZIP_BUDGET} bytes gzipped`, () => {
    const stream = manifest().chatChunks.filter((file) => file.startsWith("chat-stream-socket-"));
    expect(stream).toHaveLength(1);
    expect(gzipOf(stream[0]!)).toBeLessThanOrEqual(STREAM_GZIP_BUDGET);
  });

  it(`keeps the pasted snippet within ${SNIPPET_GZIP_BUDGET} bytes gzipped`, () => {
    expect(measureSize(LONGEST_SNIPPET).gzip).toBeLessThanOrEqual(SNIPPET_GZIP_BUDGET);
    expect(measureSize(built("snippet.min.js")).gzip).toBeLessThanOrEqual(SNIPPET_GZIP_BUDGET);
  });

  it("ships the loader the snippet builder pastes", () => {
    expect(built("snippet.min.js")).toBe(LOADER_SCRIPT);
  });

  it("names widget.js with the hash of its content in the manifest, and the chat chunks with theirs", () => {
    const hash = createHash("sha256").update(built("widget.js")).digest("hex").slice(0, 10);
    expect(manifest()).toMatchObject({ widget: "widget.js", hash, sizes: { "widget.js": measureSize(built("widget.js")) } });
    const { chat, chatChunks } = manifest();
    expect(chat).toMatch(/^chat-[\w-]{8}\.js$/);
    for (const file of chatChunks) expect(manifest()).toMatchObject({ sizes: { [file]: measureSize(built(file)) } });
  });
});

describe("the built bundle", () => {
  const bundles = ["widget.js", "widget.esm.js", "chat"] as const;
  const read = (file: (typeof bundles)[number]) => built(file === "chat" ? manifest().chat : file);

  it.each(bundles)("%s carries no zod, no schema code", (file) => {
    const code = read(file);
    expect(code).not.toMatch(/zod/i);
    expect(code).not.toContain("z.object(");
    expect(code).not.toContain("safeParse");
    expect(code).not.toContain("discriminatedUnion");
  });

  it.each(bundles)("%s carries no secrets or server-side names", (file) => {
    const code = read(file);
    for (const secret of [/sk-[A-Za-z0-9]{20,}/, /OPENAI_API_KEY/, /HUMMDESK_SECRET/, /DATABASE_URL/, /BEGIN [A-Z ]*PRIVATE KEY/, /process\.env/]) {
      expect(code).not.toMatch(secret);
    }
  });

  it("builds widget.js as an IIFE with the launcher's stylesheet, no Preact, and one import: the chat chunk's", () => {
    const code = built("widget.js");
    expect(code).toMatch(/^(\(function\(\)\{|!function\(\)\{)/);
    expect(code.match(/\bimport\s*[({"'`]/g)).toEqual(["import("]);
    expect(code).not.toMatch(/\bexport\s*[{*]/);
    expect(code).toContain(manifest().chat);
    expect(code).toContain(":host{all:initial!important}");
    expect(code).toContain("hummdesk-widget");
    // Preact's mangled internals, and the panel's styles and words, stay in the chat chunk.
    expect(code).not.toMatch(/__k|__e|\.composer|Typical reply time/);
  });

  it("keeps each language in its own chunk: the chat chunk holds none of the panel's words", () => {
    const chat = built(manifest().chat);
    for (const words of ["Typical reply time", "Tyypillinen vastausaika", "Typisk svarstid"]) expect(chat).not.toContain(words);
    expect(chat).toContain(".composer");
  });

  it.each(["widget.js", "widget.esm.js", ...(existsSync(resolve(dist, "manifest.json")) ? manifest().chatChunks : [])])(
    "%s is ASCII only, so no page or CDN charset can garble its Finnish and Swedish",
    (file) => {
      expect(built(file)).not.toMatch(/[\u0080-\uffff]/);
    },
  );

  it("exports mount from widget.esm.js for bundlers", () => {
    expect(built("widget.esm.js")).toMatch(/export\s*\{[^}]*\bmount\b[^}]*\}/);
  });
});
