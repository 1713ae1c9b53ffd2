/** Entry of widget.js: replaces the snippet's queue with the real `HummDesk` and replays what was queued. */
import { createCommandApi, type HummDeskFunction } from "./command-api.ts";
import { mount } from "./mount.tsx";

type QueuedHummDesk = HummDeskFunction & { q?: ArrayLike<unknown>[] };

declare global {
  interface Window {
    HummDesk?: QueuedHummDesk;
  }
}

function start(): void {
  const existing = window.HummDesk;
  // widget.js loaded twice (two snippets): the first copy keeps running.
  if (existing?.loaded) return;
  const hummDesk = createCommandApi(mount);
  window.HummDesk = hummDesk;
  for (const call of existing?.q ?? []) hummDesk(...(Array.from(call) as [string, ...unknown[]]));
}

// An async script can run before <body> exists; until then the snippet's queue keeps collecting calls.
if (document.body) start();
else addEventListener("DOMContentLoaded", start);
