/** The widget's size is part of its contract (ARCHITECTURE goal 1): these checks read the real build in dist/. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { measureSize } from "../scripts/measure-size.ts";
import { LOADER_SCRIPT } from "./loader.ts";
import { buildSnippet } from "./snippet.ts";

const WIDGET_GZIP_BUDGET = 15 * 1024;
const SNIPPET_GZIP_BUDGET = 600;

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

describe("size budget", () => {
  it(`keeps widget.js within ${WIDGET_GZIP_BUDGET} bytes gzipped`, () => {
    const { gzip } = measureSize(built("widget.js"));
    expect(gzip).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET);
  });

  it(`keeps the pasted snippet within ${SNIPPET_GZIP_BUDGET} bytes gzipped`, () => {
    expect(measureSize(LONGEST_SNIPPET).gzip).toBeLessThanOrEqual(SNIPPET_GZIP_BUDGET);
    expect(measureSize(built("snippet.min.js")).gzip).toBeLessThanOrEqual(SNIPPET_GZIP_BUDGET);
  });

  it("ships the loader the snippet builder pastes", () => {
    expect(built("snippet.min.js")).toBe(LOADER_SCRIPT);
  });

  it("names widget.js with the hash of its content in the manifest", () => {
    const manifest = JSON.parse(built("manifest.json"));
    const hash = createHash("sha256").update(built("widget.js")).digest("hex").slice(0, 10);
    expect(manifest).toMatchObject({ widget: "widget.js", hash, sizes: { "widget.js": measureSize(built("widget.js")) } });
  });
});

describe("the built bundle", () => {
  const bundles = ["widget.js", "widget.esm.js"] as const;

  it.each(bundles)("%s carries no zod, no schema code", (file) => {
    const code = built(file);
    expect(code).not.toMatch(/zod/i);
    expect(code).not.toContain("z.object(");
    expect(code).not.toContain("safeParse");
    expect(code).not.toContain("discriminatedUnion");
  });

  it.each(bundles)("%s carries no secrets or server-side names", (file) => {
    const code = built(file);
    for (const secret of [/sk-[A-Za-z0-9]{20,}/, /OPENAI_API_KEY/, /HUMMDESK_SECRET/, /DATABASE_URL/, /BEGIN [A-Z ]*PRIVATE KEY/, /process\.env/]) {
      expect(code).not.toMatch(secret);
    }
  });

  it("builds widget.js as one self-contained IIFE with its stylesheet inside", () => {
    const code = built("widget.js");
    expect(code).toMatch(/^\(function\(\)\{/);
    expect(code).not.toMatch(/\bimport\s*[({"'`]|\bexport\s*[{*]/);
    expect(code).toContain(":host{all:initial!important}");
    expect(code).toContain("hummdesk-widget");
  });

  it.each(bundles)("%s is ASCII only, so no page or CDN charset can garble its Finnish and Swedish", (file) => {
    expect(built(file)).not.toMatch(/[\u0080-\uffff]/);
  });

  it("exports mount from widget.esm.js for bundlers", () => {
    expect(built("widget.esm.js")).toMatch(/export\s*\{[^}]*\bmount\b[^}]*\}/);
  });
});
