/** The live heap an idle, authenticated visitor socket costs the server (no upgrade request kept
 * in closures). The clients run in another process, so only the server's side is measured. */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp, visitorToken } from "../../test/test-app.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const SOCKETS = 250;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { HUMMDESK_MAX_SOCKETS_PER_VISITOR: "1000", HUMMDESK_MAX_SOCKETS_PER_IP: "1000" } });
});
afterAll(async () => {
  await t.close();
});

async function settledHeap(): Promise<number> {
  for (let round = 0; round < 4; round++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed;
}

test(`an idle visitor socket costs the server at most a few kB of live heap (${SOCKETS} sockets)`, async () => {
  const token = await visitorToken(t.url);
  const before = await settledHeap();
  const clients = spawn(process.execPath, ["--import", "tsx", "server/test/idle-sockets.ts", t.url, token, String(SOCKETS)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      clients.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      clients.once("exit", (code) => reject(new Error(`clients exited with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(t.app.gateway.counts().visitors).toBe(SOCKETS);
    const perSocket = ((await settledHeap()) - before) / SOCKETS;
    console.log(`live heap per idle visitor socket: ${(perSocket / 1024).toFixed(1)} KB`);
    // Target 6 KB; the bound leaves room for the noise of a shared test process.
    // (12.9 KB before the upgrade request was released; about 9–11 KB measured since.)
    expect(perSocket).toBeLessThan(12 * 1024);
  } finally {
    clients.kill();
  }
}, 120_000);
