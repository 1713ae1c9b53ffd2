/** Puts the widget on a page: a host element at the end of body, a shadow root, and the session behind it. */
import type { IdentifyRequest, SetAttributesRequest, VisitorMessage, WidgetConfig } from "@hummdesk/shared";
import { render } from "preact";
import { resolveLook } from "./look.ts";
import type { StorageLike } from "./persistence.ts";
import { createSession, type SessionEnvironment, type SessionEvents } from "./session.ts";
import { App } from "./ui/app.tsx";
import css from "./ui/widget.css?inline";
import type { SocketLike } from "./visitor-socket.ts";
import type { WidgetOptions } from "./widget-options.ts";

export interface WidgetHandle {
  open(): void;
  close(): void;
  toggle(): void;
  identify(request: IdentifyRequest): Promise<void>;
  setAttributes(request: SetAttributesRequest): Promise<void>;
  setLocale(locale: string | null): void;
  on<Name extends keyof SessionEvents>(name: Name, listener: (payload: SessionEvents[Name]) => void): () => void;
  reset(): void;
  /** Removes the widget from the page and closes its connections. */
  destroy(): void;
}

export type { SessionEvents as WidgetEvents, VisitorMessage, WidgetConfig, WidgetOptions };

/** The list follows new messages only while the visitor is at (or near) its end. */
const FOLLOW_WITHIN_PX = 80;

export function browserEnvironment(): SessionEnvironment {
  let storage: StorageLike | null = null;
  try {
    storage = localStorage;
  } catch {
    // Storage blocked (sandboxed iframe, privacy settings): the widget keeps its state in memory.
  }
  return {
    fetch: fetch.bind(window),
    // The browser's WebSocket has every member SocketLike names; only its event types are richer.
    openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    storage,
    timers: window,
    random: Math.random,
    now: Date.now,
    pageUrl: location.href,
    listen(type, listener) {
      addEventListener(type, listener);
      return () => removeEventListener(type, listener);
    },
  };
}

export function mount(options: WidgetOptions, env: SessionEnvironment = browserEnvironment()): WidgetHandle {
  if (typeof options?.websiteToken !== "string" || typeof options.baseUrl !== "string") {
    throw new Error("HummDesk: init needs { websiteToken, baseUrl }");
  }
  const host = document.createElement("hummdesk-widget");
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = css;
  const container = document.createElement("div");
  shadow.append(style, container);
  document.body.append(host);

  const session = createSession(options, env);
  const { store } = session;
  let panelMounted = false;
  let scheduled = false;
  let afterRender: (() => void) | null = null;
  const focus = (selector: string) => () => shadow.querySelector<HTMLElement>(selector)?.focus();

  function paint(): void {
    scheduled = false;
    const state = store.get();
    if (!state.config) return;
    panelMounted ||= state.open;
    const list = shadow.querySelector(".list");
    const follow = !list || list.scrollHeight - list.scrollTop - list.clientHeight < FOLLOW_WITHIN_PX;
    const look = resolveLook({
      options,
      config: state.config,
      // Read at every paint: the page's stylesheet may arrive after the widget, or change.
      cssColor: getComputedStyle(host).getPropertyValue("--hummdesk-color").trim(),
      localeOverride: state.localeOverride,
      browserLanguage: navigator.language,
    });
    render(
      <App
        state={state}
        session={session}
        look={look}
        panelMounted={panelMounted}
        onClose={() => {
          afterRender = focus(".launcher");
          session.close();
        }}
      />,
      container,
    );
    const rendered = shadow.querySelector(".list");
    if (rendered && follow) rendered.scrollTop = rendered.scrollHeight;
    afterRender?.();
    afterRender = null;
  }

  // Several dispatches in one task (a replayed burst of frames) paint once.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.open && !previous.open) afterRender = focus(".composer input, .composer textarea");
    if (!scheduled) queueMicrotask(paint);
    scheduled = true;
  });
  for (const name of ["ready", "message", "unread", "open", "close"] as const) {
    session.on(name, (detail) => dispatchEvent(new CustomEvent(`hummdesk:${name}`, { detail })));
  }
  session.start().catch((error) => console.error(error instanceof Error ? error.message : error));

  return {
    open: session.open,
    close: session.close,
    toggle: () => (store.get().open ? session.close() : session.open()),
    identify: session.identify,
    setAttributes: session.setAttributes,
    setLocale: (locale) => store.dispatch({ type: "set", fields: { localeOverride: locale } }),
    on: session.on,
    reset: session.reset,
    destroy() {
      unsubscribe();
      session.destroy();
      render(null, container);
      host.remove();
    },
  };
}
