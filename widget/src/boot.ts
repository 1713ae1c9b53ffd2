/**
 * Entry of widget.js, the boot chunk: replaces the snippet's queue with the real `HummDesk`, replays
 * what was queued and paints the launcher. The chat is a separate module (`chat-<hash>.js`) it imports later.
 */
import { browserEnvironment } from "./browser-environment.ts";
import { createCommandApi, type HummDeskFunction } from "./command-api.ts";
import { type EarlyConfig, mountWidget } from "./launcher-first.ts";
import type { ChatModule } from "./widget-handle.ts";
import type { WidgetOptions } from "./widget-options.ts";

/** Replaced at build time by the chat chunk's content-hashed file name (vite.config.ts). */
declare const __HUMMDESK_CHAT_FILE__: string;

/** The snippet's stand-in: the queued calls, and the config request it started (newer snippets). */
type QueuedHummDesk = HummDeskFunction & { q?: ArrayLike<unknown>[]; c?: Promise<EarlyConfig | undefined> };

/** The snippet's config request, for the first mount only. */
let prefetched: Promise<EarlyConfig | undefined> | undefined;

declare global {
  interface Window {
    HummDesk?: QueuedHummDesk;
  }
}

function mount(options: WidgetOptions) {
  // Resolved against the page, so a root-relative baseUrl works; import() would resolve against widget.js.
  const chatUrl = new URL(`${String(options?.baseUrl).replace(/\/+$/, "")}/${__HUMMDESK_CHAT_FILE__}`, location.href).href;
  const early = prefetched;
  prefetched = undefined;
  return mountWidget(options, () => import(/* @vite-ignore */ chatUrl) as Promise<ChatModule>, browserEnvironment(), early);
}

function start(): void {
  const existing = window.HummDesk;
  // widget.js loaded twice (two snippets): the first copy keeps running.
  if (existing?.loaded) return;
  prefetched = existing?.c;
  const hummDesk = createCommandApi(mount);
  window.HummDesk = hummDesk;
  for (const call of existing?.q ?? []) hummDesk(...(Array.from(call) as [string, ...unknown[]]));
}

// An async script can run before <body> exists; until then the snippet's queue keeps collecting calls.
if (document.body) start();
else addEventListener("DOMContentLoaded", start);
