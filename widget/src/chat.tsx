/** The chat chunk: the session behind the launcher, and the Preact panel it renders into the boot chunk's shell. */
import { render } from "preact";
import type { Strings } from "./i18n.ts";
import { loadStrings } from "./load-strings.ts";
import { createSession, type SessionEnvironment } from "./session.ts";
import { unreadCount } from "./state.ts";
import { App } from "./ui/app.tsx";
import css from "./ui/chat.css?inline";
import type { ChatHandle, Shell } from "./widget-handle.ts";

/** The list follows new messages only while the visitor is at (or near) its end. */
const FOLLOW_WITHIN_PX = 80;

export async function startChat(shell: Shell, env: SessionEnvironment): Promise<ChatHandle> {
  const { shadow, root } = shell;
  let strings: { locale: string; t: Strings } = { locale: shell.look().locale, t: await loadStrings(shell.look().locale) };
  const style = document.createElement("style");
  style.textContent = css;
  const container = document.createElement("div");
  shadow.insertBefore(style, root);
  root.append(container);

  // Where websockets are blocked, the same socket over HTTP: its own small chunk, loaded only then.
  const openStream = async (url: string) => (await import("./stream-socket.ts")).openStream(url, env.fetch);
  const session = createSession(shell.options, { openStream, ...env }, shell.events, shell.persistence);
  const { store } = session;
  let panelMounted = false;
  let scheduled = false;
  let afterRender: (() => void) | null = null;
  const focus = (selector: string) => () => shadow.querySelector<HTMLElement>(selector)?.focus();
  /** Opening moves focus into the composer only when it takes it from nobody: the visitor opened the
   * chat from the launcher (focus is on the widget) or nothing on the page has focus. A page that
   * opens the chat while the visitor types in its own form, or a preview frame beside one (the
   * configurator), keeps the visitor's focus and keystrokes. */
  const focusIsFree = () => document.hasFocus() && [null, document.body, shadow.host].includes(document.activeElement);

  function paint(): void {
    scheduled = false;
    const state = store.get();
    const look = shell.look();
    if (look.locale !== strings.locale) {
      // setLocale to a language not loaded yet: paint once its words are here.
      const locale = look.locale;
      void loadStrings(locale).then((t) => {
        strings = { locale, t };
        schedule();
      });
      return;
    }
    panelMounted ||= state.open;
    shell.setLauncher({ open: state.open, unread: unreadCount(state) });
    const list = shadow.querySelector(".list");
    const follow = !list || list.scrollHeight - list.scrollTop - list.clientHeight < FOLLOW_WITHIN_PX;
    render(
      <App
        state={state}
        session={session}
        look={look}
        t={strings.t}
        panelMounted={panelMounted}
        onClose={() => {
          afterRender = () => shell.launcher?.focus();
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

  function schedule(): void {
    if (!scheduled) queueMicrotask(paint);
    scheduled = true;
  }

  // Several dispatches in one task (a replayed burst of frames) paint once.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.open && !previous.open && focusIsFree()) afterRender = focus(".composer input, .composer textarea");
    schedule();
  });
  session.start(shell.config).catch((error) => console.error(error instanceof Error ? error.message : error));
  paint();

  return {
    open: session.open,
    close: session.close,
    toggle: () => (store.get().open ? session.close() : session.open()),
    identify: session.identify,
    setAttributes: session.setAttributes,
    relook: schedule,
    reset: session.reset,
    destroy() {
      unsubscribe();
      session.destroy();
      render(null, container);
      container.remove();
      style.remove();
    },
  };
}
