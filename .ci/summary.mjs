// Prints one closing line, "N passed, N failed, N skipped", from the JSON reports of vitest and
// Playwright that `pnpm test` writes under test-results/.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync("test-results/vitest.json")) {
  const r = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
if (existsSync("test-results/playwright.json")) {
  const s = JSON.parse(readFileSync("test-results/playwright.json", "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
// A runner whose exit code hides a failure still fails the run.
if (failed > 0) process.exitCode = 1;
