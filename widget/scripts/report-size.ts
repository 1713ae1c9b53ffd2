/** Prints the sizes of the built widget and snippet after `vite build`, and fails when dist is incomplete. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { measureSize } from "./measure-size.ts";

const dist = resolve(import.meta.dirname, "../dist");
const manifest = JSON.parse(readFileSync(resolve(dist, "manifest.json"), "utf8")) as { hash: string };
const files = ["widget.js", "snippet.min.js", "widget.esm.js"];

console.log(`\nHummDesk widget (hash ${manifest.hash})`);
console.log(`${"file".padEnd(16)}${"raw".padStart(9)}${"gzip -9".padStart(10)}${"brotli".padStart(9)}`);
for (const file of files) {
  const { raw, gzip, brotli } = measureSize(readFileSync(resolve(dist, file)));
  console.log(`${file.padEnd(16)}${String(raw).padStart(9)}${String(gzip).padStart(10)}${String(brotli).padStart(9)}`);
}
