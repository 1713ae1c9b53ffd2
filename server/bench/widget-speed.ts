/** 2. Widget speed in Chromium: the storefront with the real snippet, from navigation start and from
 * the snippet's execution to the launcher on screen, the panel open and ready after a click, and
 * the long tasks the widget adds (the same page with the snippet's `<script>` removed). */
import { type Browser, chromium, type Page } from "@playwright/test";
import { startServerProcess } from "../../e2e/server-process.ts";
import { fmt, ms } from "./report.ts";
import { checkAborted, type Section } from "./section.ts";
import { stripSnippet } from "./strip-snippet.ts";
import { mean, median, percentile } from "./stats.ts";

const RUNS = 5;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
/** After the launcher shows (or the load event without the widget), long tasks are collected this long. */
const SETTLE_MS = 1000;

interface PageMarks {
  snippetAt: number | null;
  widgetAt: number | null;
  launcherAt: number | null;
  fcp: number | null;
  loadEnd: number | null;
  longTasks: { start: number; duration: number }[];
}

// In-page code is passed as source text: tsx compiles this file with esbuild's keepNames, which
// would wrap functions handed to page.evaluate in a `__name` helper the page does not have.

/** Runs in the page before its own scripts: notes when the snippet's inline script first touches
 * `window.HummDesk` (the snippet runs) and when widget.js does (it boots; with the snippet's async
 * tag it may come first), watches each animation frame for the launcher, and records long tasks. */
const INSTRUMENT_PAGE = `(() => {
  const marks = { snippetAt: null, widgetAt: null, launcherAt: null, longTasks: [] };
  window.__bench = marks;
  let current;
  function note() {
    const script = document.currentScript;
    if (!script) return;
    if (!script.src) marks.snippetAt ??= performance.now();
    else if (/\\/widget\\.js$/.test(script.src)) marks.widgetAt ??= performance.now();
  }
  Object.defineProperty(window, "HummDesk", {
    configurable: true,
    get() {
      note();
      return current;
    },
    set(value) {
      note();
      current = value;
    },
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  function watch() {
    const launcher = document.querySelector("hummdesk-widget")?.shadowRoot?.querySelector('[part="launcher"]');
    const box = launcher && launcher.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) marks.launcherAt = performance.now();
    else requestAnimationFrame(watch);
  }
  requestAnimationFrame(watch);
})();`;

const READ_MARKS = `(() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return { ...window.__bench, fcp: fcp ? fcp.startTime : null, loadEnd: navigation ? navigation.loadEventEnd || null : null };
})()`;

/** Clicks the launcher in the page and times, by animation frame, until the panel shows with its input ready. */
const OPEN_PANEL = `new Promise((resolve) => {
  const root = document.querySelector("hummdesk-widget")?.shadowRoot;
  const launcher = root && root.querySelector('[part="launcher"]');
  if (!launcher) return resolve(null);
  const started = performance.now();
  launcher.click();
  function watch() {
    const panel = root.querySelector('[part="panel"]');
    const input = root.querySelector('[data-testid="hummdesk-input"]');
    const shown = panel && !panel.hidden && panel.getBoundingClientRect().height > 0;
    if (shown && input && !input.disabled) return resolve(performance.now() - started);
    if (performance.now() - started > 10000) return resolve(null);
    requestAnimationFrame(watch);
  }
  requestAnimationFrame(watch);
})`;

const readMarks = (page: Page) => page.evaluate<PageMarks>(READ_MARKS);
const openPanel = async (page: Page) => (await page.evaluate<number | null>(OPEN_PANEL)) ?? Number.NaN;

async function waitForLauncher(page: Page): Promise<void> {
  // Polled with page.evaluate: waitForFunction would eval a string, which the storefront's CSP forbids.
  const started = performance.now();
  while ((await page.evaluate<number | null>("window.__bench.launcherAt")) === null) {
    if (performance.now() - started > 15_000) throw new Error("the launcher did not show within 15 s");
    await page.waitForTimeout(20);
  }
}

const longTaskTotal = (marks: PageMarks) => marks.longTasks.reduce((sum, task) => sum + task.duration, 0);

interface LoadResult {
  marks: PageMarks;
  panelMs: number;
}

/** Loads the storefront and collects the page's marks: from `html`, served by page.route at its own
 * URL (the same for both variants of the comparison, so only the snippet differs), or, with `html`
 * null, as the server gives it. */
async function loadStorefront(browser: Browser, url: string, html: string | null, widget: boolean, repeatVisit = false): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript({ content: INSTRUMENT_PAGE });
    const page = await context.newPage();
    // null: the page as the server gives it, with no request interception (what a visitor's browser does).
    if (html !== null) await page.route(`${url}/`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    if (repeatVisit) {
      // The visitor was here before: the HTTP cache and localStorage (the inbox's last config) too.
      await page.goto(`${url}/`, { waitUntil: "load" });
      if (widget) await waitForLauncher(page);
    }
    await page.goto(`${url}/`, { waitUntil: "load" });
    if (widget) await waitForLauncher(page);
    await page.waitForTimeout(SETTLE_MS);
    const marks = await readMarks(page);
    return { marks, panelMs: widget ? await openPanel(page) : Number.NaN };
  } finally {
    await context.close();
  }
}

export const widgetSpeedSection: Section = {
  id: "widget-speed",
  title: "2. Widget speed in Chromium",
  timeoutMs: 150_000,
  async run({ log, defer, machine, signal }) {
    log("starting a server process (PGlite) and Chromium");
    const server = await startServerProcess();
    defer(() => server.dispose());
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    defer(() => browser.close());
    machine.chromium = browser.version();
    const html = await (await fetch(`${server.url}/`)).text();
    const withoutSnippet = stripSnippet(html);

    log("warm-up loads (not counted)");
    await loadStorefront(browser, server.url, html, true);
    await loadStorefront(browser, server.url, withoutSnippet, false);
    const withWidget: LoadResult[] = [];
    const repeatVisits: LoadResult[] = [];
    const direct: LoadResult[] = [];
    const without: PageMarks[] = [];
    for (let run = 1; run <= RUNS; run++) {
      checkAborted(signal);
      const first = await loadStorefront(browser, server.url, null, true);
      direct.push(first);
      repeatVisits.push(await loadStorefront(browser, server.url, null, true, true));
      withWidget.push(await loadStorefront(browser, server.url, html, true));
      without.push((await loadStorefront(browser, server.url, withoutSnippet, false)).marks);
      log(`run ${run}: launcher ${fmt(first.marks.launcherAt, 0)} ms after navigation start, panel ${fmt(first.panelMs, 0)} ms after the click`);
    }

    const pick = (values: (number | null)[]) => values.filter((value): value is number => value !== null && Number.isFinite(value));
    const fromNavigation = pick(direct.map((r) => r.marks.launcherAt));
    /** How long after the snippet ran `mark` was reached, per load. */
    const afterSnippet = (loads: LoadResult[], mark: "launcherAt" | "widgetAt") =>
      pick(loads.map(({ marks }) => (marks[mark] !== null && marks.snippetAt !== null ? marks[mark] - marks.snippetAt : null)));
    const fromSnippet = afterSnippet(direct, "launcherAt");
    const fromSnippetIntercepted = afterSnippet(withWidget, "launcherAt");
    const repeatFromSnippet = afterSnippet(repeatVisits, "launcherAt");
    const snippetToWidget = afterSnippet(direct, "widgetAt");
    const panel = pick(direct.map((r) => r.panelMs));
    const longWith = withWidget.map((r) => longTaskTotal(r.marks));
    const longWithout = without.map(longTaskTotal);
    const fcpWith = pick(withWidget.map((r) => r.marks.fcp));
    const fcpWithout = pick(without.map((m) => m.fcp));
    const loadWith = pick(withWidget.map((r) => r.marks.loadEnd));
    const loadWithout = pick(without.map((m) => m.loadEnd));
    const compare = (label: string, withSnippet: number[], withoutSnippet: number[], unit = " ms") => {
      const cell = (value: number) => (Number.isFinite(value) ? `${fmt(value, 0)}${unit}` : "—");
      const stats = (samples: number[]) => [cell(median(samples)), cell(mean(samples)), cell(percentile(samples, 95))];
      return [label, ...stats(withSnippet), ...stats(withoutSnippet), cell(mean(withSnippet) - mean(withoutSnippet))];
    };
    const row = (label: string, samples: number[]) => [label, ms(median(samples), 0), ms(percentile(samples, 95), 0), samples.map((s) => fmt(s, 0)).join(", ")];

    return {
      tables: [
        {
          columns: ["measure", "median", "p95", `runs (ms, N=${RUNS})`],
          rows: [
            row("navigation start → launcher painted", fromNavigation),
            row("snippet executed → launcher painted (first visit)", fromSnippet),
            row("snippet executed → launcher painted (repeat visit)", repeatFromSnippet),
            row("snippet executed → launcher painted (first visit, page.route as below)", fromSnippetIntercepted),
            row("snippet executed → widget.js executed", snippetToWidget),
            row("launcher click → panel open, input ready", panel),
          ],
        },
        {
          caption: "The same storefront with and without the snippet:",
          columns: ["measure", "with snippet: median", "mean", "p95", "without: median", "mean", "p95", "added by the widget (mean)"],
          rows: [
            compare("total long-task time", longWith, longWithout),
            compare("long tasks (count)", withWidget.map((r) => r.marks.longTasks.length), without.map((m) => m.longTasks.length), ""),
            compare("first contentful paint", fcpWith, fcpWithout),
            compare("load event end", loadWith, loadWithout),
          ],
        },
      ],
      notes: [
        `Chromium ${browser.version()} headless (/usr/bin/chromium), 1280×800, a new context (empty cache and storage) per load, one warm-up load not counted; the server is e2e/server-process.ts (PGlite) on 127.0.0.1, no network or CPU throttling.`,
        "A first visit fetches the inbox's config before painting the launcher; a repeat visit (the same context, loaded once before) paints from the config kept in localStorage and repaints when the fresh one arrives. The launcher rows load the storefront straight from the server, with no request interception (what a visitor's browser does); the row marked page.route is the first visit of the comparison below. The panel row is timed on the direct first visits.",
        "Times are the page's performance.now() (0 = navigation start). An init script notes when the snippet's inline script first touches `window.HummDesk` (the snippet runs) and when widget.js does (it boots: the snippet writes widget.js and the config as tags, which the browser's preload scanner fetches as soon as the HTML arrives, so widget.js may run before the inline script: a negative \"widget.js executed\" time); \"painted\" is the first animation frame in which `hummdesk-widget`'s shadow root holds a `[part=launcher]` with a non-empty box.",
        "The panel is opened by a click in the page; ready = `[part=panel]` shown and the composer input present and enabled, checked every animation frame.",
        `Long tasks: PerformanceObserver('longtask', buffered) from navigation until ${SETTLE_MS} ms after the launcher showed (with the snippet) or after the load event (without). Both variants are the HTML the server gives for \`/\`, served by page.route at the same URL (request interception adds latency to every request of these pages, the widget's too, so these loads are compared only with each other), one as is and one with the snippet's <script> removed; everything else loads from the server.`,
        "p95 of 5 runs is the slowest run. Long tasks are rare on this page, so the mean says more than the median.",
      ],
      figures: {
        runs: RUNS,
        navigationToLauncherMs: fromNavigation,
        snippetToLauncherMs: fromSnippet,
        repeatVisitSnippetToLauncherMs: repeatFromSnippet,
        snippetToWidgetMs: snippetToWidget,
        clickToPanelReadyMs: panel,
        longTaskMsWithSnippet: longWith,
        longTaskMsWithoutSnippet: longWithout,
        fcpMsWith: fcpWith,
        fcpMsWithout: fcpWithout,
        loadEndMsWith: loadWith,
        loadEndMsWithout: loadWithout,
        longTasksWith: withWidget.map((r) => r.marks.longTasks),
        longTasksWithout: without.map((m) => m.longTasks),
      },
    };
  },
};
