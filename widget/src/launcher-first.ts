/**
 * The boot chunk's widget: host element, shadow root, the inbox's config, the look and a plain-DOM
 * launcher, painted as soon as the config is in: at once on a repeat visit (the last config is kept
 * in localStorage and repainted when the fresh one arrives), after one request on the first. The chat (Preact, session, socket, outbox, panel)
 * loads on the first open, hover or focus, at idle time after the page loaded, or at once for a
 * visitor who already has a conversation or left the panel open.
 */
import type { WidgetConfig } from "@hummdesk/shared";
import { inboxConfigUrl } from "./config-url.ts";
import { createEmitter } from "./emitter.ts";
import { LAUNCHER_STRINGS } from "./launcher-strings.ts";
import { type Look, resolveLook } from "./look.ts";
import { createPersistence } from "./persistence.ts";
import type { SessionEnvironment, SessionEvents } from "./session.ts";
import css from "./ui/launcher.css?inline";
import type { ChatHandle, ChatModule, Shell, WidgetHandle } from "./widget-handle.ts";
import type { WidgetOptions } from "./widget-options.ts";

const CHAT_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 4h18v13H8l-5 4z"/></svg>';
const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 6.4 6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6z"/></svg>';

/** The chat loads at idle time after the page's load event, at the latest this long after it. */
const IDLE_TIMEOUT_MS = 3000;

/** What the snippet's own config request handed over: the answer's status, final URL and parsed
 * body. Snippets pasted before these were added hand over the Response itself. */
export type EarlyConfig = { s: number; u: string; j: unknown } | Response;

export async function fetchConfig(options: WidgetOptions, env: SessionEnvironment, prefetched?: Promise<EarlyConfig | undefined>): Promise<WidgetConfig> {
  const url = inboxConfigUrl(options.baseUrl, options.websiteToken);
  const href = new URL(url, location.href).href;
  // The snippet's request for this very config (it failed, or named another inbox: ask again).
  const early = await prefetched;
  let answer: { status: number; body: () => Promise<unknown> };
  if (early && !(early instanceof Response) && early.u === href) answer = { status: early.s, body: async () => early.j };
  else {
    const response = early instanceof Response && early.url === href ? early : await env.fetch(url);
    answer = { status: response.status, body: () => response.json() };
  }
  if (answer.status === 404) {
    throw Object.assign(new Error(`HummDesk: websiteToken '${options.websiteToken}' matches no inbox; check the snippet`), { gone: true });
  }
  if (answer.status < 200 || answer.status > 299) throw new Error(`HummDesk: the inbox config answered HTTP ${answer.status}`);
  return (await answer.body()) as WidgetConfig;
}

/** Whether this visitor has something to come back to: the chat then loads at once. */
export function hasConversation(options: WidgetOptions, env: SessionEnvironment): boolean {
  const stored = createPersistence(env.storage, options.websiteToken);
  return Boolean(stored.read("token") || stored.read<unknown[]>("outbox")?.length || stored.read("open"));
}

export function mountWidget(
  options: WidgetOptions,
  loadChat: () => Promise<ChatModule>,
  env: SessionEnvironment,
  prefetchedConfig?: Promise<EarlyConfig | undefined>,
): WidgetHandle {
  if (typeof options?.websiteToken !== "string" || typeof options.baseUrl !== "string") {
    throw new Error("HummDesk: init needs { websiteToken, baseUrl }");
  }
  const host = document.createElement("hummdesk-widget");
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = css;
  const root = document.createElement("div");
  shadow.append(style, root);
  document.body.append(host);

  const stored = createPersistence(env.storage, options.websiteToken);
  const events = createEmitter<SessionEvents>();
  for (const name of ["ready", "message", "unread", "open", "close"] as const) {
    events.on(name, (detail) => dispatchEvent(new CustomEvent(`hummdesk:${name}`, { detail })));
  }
  let config: WidgetConfig | null = null;
  let localeOverride: string | null = null;
  let launcherState = { open: false, unread: 0 };
  let chat: Promise<ChatHandle> | null = null;
  let loaded: ChatHandle | null = null;
  let destroyed = false;
  const launcher = options.hideLauncher ? null : document.createElement("button");

  function look(): Look {
    const current = resolveLook({
      options,
      config: config!,
      // Read at every paint: the page's stylesheet may arrive after the widget, or change.
      cssColor: getComputedStyle(host).getPropertyValue("--hummdesk-color").trim(),
      localeOverride,
      browserLanguage: navigator.language,
    });
    root.className = `root ${current.position} ${current.theme}${launcher ? "" : " no-launcher"}`;
    root.lang = current.locale;
    root.style.setProperty("--accent", current.accent);
    root.style.setProperty("--on-accent", current.onAccent);
    if (launcher) paintLauncher(launcher, current);
    return current;
  }

  let paintedLauncher = "";

  function paintLauncher(button: HTMLButtonElement, current: Look): void {
    const t = LAUNCHER_STRINGS[current.locale];
    const { open, unread } = launcherState;
    // Every paint of the chat asks for the look: the launcher's contents are replaced only when they
    // change (presses land on the button itself, launcher.css, so a repaint mid-click is harmless too).
    const painted = `${current.locale}|${open}|${unread}|${current.launcherText ?? ""}`;
    if (painted === paintedLauncher) return;
    paintedLauncher = painted;
    const name = open ? t.closeChat : (current.launcherText ?? t.openChat);
    button.setAttribute("aria-label", unread > 0 && !open ? `${name}, ${unread} ${t.unread}` : name);
    button.setAttribute("aria-expanded", String(open));
    button.innerHTML = open ? CLOSE_ICON : CHAT_ICON;
    if (current.launcherText && !open) button.append(Object.assign(document.createElement("span"), { textContent: current.launcherText }));
    if (unread > 0 && !open) {
      const badge = Object.assign(document.createElement("span"), { className: "badge", textContent: String(unread) });
      badge.setAttribute("part", "badge");
      badge.setAttribute("aria-hidden", "true");
      badge.dataset.testid = "hummdesk-unread";
      button.append(badge);
    }
  }

  const shell = (): Shell => ({
    options,
    config: config!,
    shadow,
    root,
    launcher,
    events,
    persistence: stored,
    look,
    setLauncher(state) {
      if (state.open === launcherState.open && state.unread === launcherState.unread) return;
      launcherState = state;
      if (launcher) paintLauncher(launcher, resolveLook({ options, config: config!, localeOverride, browserLanguage: navigator.language }));
    },
  });

  function showLauncher(): void {
    if (!launcher || launcher.isConnected) return;
    launcher.type = "button";
    launcher.className = "launcher";
    launcher.setAttribute("part", "launcher");
    launcher.dataset.testid = "hummdesk-launcher";
    launcher.onclick = () => handle.toggle();
    // The pointer on its way to the launcher, or focus on it: fetch the chat before the click.
    launcher.onpointerenter = launcher.onfocus = () => void startChat();
    root.append(launcher);
  }

  const cached = stored.read<WidgetConfig>("config");
  if (typeof cached?.color === "string" && typeof cached.position === "string" && typeof cached.locale === "string") {
    config = cached;
    showLauncher();
    look();
  }

  const configReady = fetchConfig(options, env, prefetchedConfig).then((fetched) => {
    config = fetched;
    stored.write("config", fetched);
    if (destroyed) return fetched;
    showLauncher();
    look();
    events.emit("ready", fetched);
    if (hasConversation(options, env)) void startChat();
    else whenIdle(() => void startChat());
    return fetched;
  });
  configReady.catch((error) => {
    // The inbox is gone: a launcher painted from the cache must not stay (an unreachable server
    // keeps it; the chat loads once the config does).
    if ((error as { gone?: boolean }).gone) {
      launcher?.remove();
      stored.remove("config");
    }
    console.error(error instanceof Error ? error.message : error);
  });

  /** After the page's load event, when the browser has nothing better to do. */
  function whenIdle(run: () => void): void {
    const idle = () =>
      "requestIdleCallback" in window ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(run, 200);
    if (document.readyState === "complete") idle();
    else addEventListener("load", idle, { once: true });
  }

  function startChat(): Promise<ChatHandle> {
    chat ??= configReady
      .then(() => loadChat())
      .then((module) => module.startChat(shell(), env))
      .then((started) => {
        loaded = started;
        if (destroyed) started.destroy();
        return started;
      });
    chat.catch((error) => {
      console.error("HummDesk: the chat did not load:", error instanceof Error ? error.message : error);
      chat = null;
    });
    return chat;
  }

  /** Runs a command on the chat, loading it first; commands keep their order. */
  const withChat = <T>(run: (handle: ChatHandle) => T): Promise<Awaited<T>> => startChat().then(run) as Promise<Awaited<T>>;

  const handle: WidgetHandle = {
    open: () => void withChat((c) => c.open()),
    close: () => void (chat && withChat((c) => c.close())),
    toggle: () => void withChat((c) => c.toggle()),
    identify: (request) => withChat((c) => c.identify(request)),
    setAttributes: (request) => withChat((c) => c.setAttributes(request)),
    setLocale(locale) {
      localeOverride = locale;
      if (config) look();
      loaded?.relook();
    },
    on(name, listener) {
      // Listening for "ready" after it happened still hears it, so the order of the page's calls does not matter.
      if (name === "ready" && config) listener(config as SessionEvents[typeof name]);
      return events.on(name, listener);
    },
    reset() {
      if (chat) void withChat((c) => c.reset());
      else for (const name of ["token", "outbox", "seen", "email", "open"] as const) stored.remove(name);
    },
    destroy() {
      destroyed = true;
      loaded?.destroy();
      host.remove();
    },
  };
  return handle;
}
