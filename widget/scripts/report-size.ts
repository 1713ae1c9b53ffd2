/** Prints the sizes of the built widget after `vite build`, with the two totals the budget is about, and fails when dist is incomplete. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { measureSize, type Sizes } from "./measure-size.ts";

const dist = resolve(import.meta.dirname, "../dist");
const manifest = JSON.parse(readFileSync(resolve(dist, "manifest.json"), "utf8")) as { hash: string; chat: string; chatChunks: string[] };
const files = ["snippet.min.js", "widget.js", ...manifest.chatChunks, "widget.esm.js"];
const sizes = new Map(files.map((file) => [file, measureSize(readFileSync(resolve(dist, file)))]));
const sum = (...all: Sizes[]): Sizes => ({
  raw: all.reduce((total, s) => total + s.raw, 0),
  gzip: all.reduce((total, s) => total + s.gzip, 0),
  brotli: all.reduce((total, s) => total + s.brotli, 0),
});
const locales = manifest.chatChunks.filter((file) => file !== manifest.chat).map((file) => sizes.get(file)!);
const largestLocale = locales.reduce((largest, s) => (s.gzip > largest.gzip ? s : largest));

const row = (name: string, { raw, gzip, brotli }: Sizes) =>
  console.log(`${name.padEnd(30)}${String(raw).padStart(9)}${String(gzip).padStart(10)}${String(brotli).padStart(9)}`);
console.log(`\nHummDesk widget (hash ${manifest.hash})`);
console.log(`${"file".padEnd(30)}${"raw".padStart(9)}${"gzip -9".padStart(10)}${"brotli".padStart(9)}`);
for (const [file, size] of sizes) row(file, size);
row("= snippet + boot (first load)", sum(sizes.get("snippet.min.js")!, sizes.get("widget.js")!));
row("= chat + largest locale", sum(sizes.get(manifest.chat)!, largestLocale));
