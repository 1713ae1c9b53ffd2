import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser; each spec file's worker starts its own real
// server (e2e/fixtures.ts) over a fresh PGlite data dir.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000, toHaveScreenshot: { maxDiffPixelRatio: 0.03 } },
  snapshotPathTemplate: "e2e/__screenshots__/{testFilePath}/{arg}{ext}",
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--font-render-hinting=none",
      ],
    },
    trace: "retain-on-failure",
  },
});
