/** The seams between the boot chunk and the chat chunk, and the handle `HummDesk(...)` and `mount` drive. */
import type { Persistence } from "./persistence.ts";
import type { IdentifyRequest, SetAttributesRequest, WidgetConfig } from "@hummdesk/shared";
import type { Emitter } from "./emitter.ts";
import type { Look } from "./look.ts";
import type { SessionEnvironment, SessionEvents } from "./session.ts";
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

/** What the boot chunk hands the chat: the painted shell it renders into. */
export interface Shell {
  options: WidgetOptions;
  config: WidgetConfig;
  shadow: ShadowRoot;
  /** The `.root` element (theme, side, accent); the chat appends its own container to it. */
  root: HTMLElement;
  launcher: HTMLButtonElement | null;
  events: Emitter<SessionEvents>;
  /** The boot chunk's storage of the widget's state (the chat uses it instead of a copy of its own). */
  persistence: Persistence;
  /** Resolves the look again (page CSS, setLocale), applies it to the root and the launcher, returns it. */
  look(): Look;
  /** Shows the chat's state on the launcher. */
  setLauncher(state: { open: boolean; unread: number }): void;
}

/** The chat's part of the handle; `on` stays in the boot chunk. */
export type ChatHandle = Omit<WidgetHandle, "on" | "setLocale"> & {
  /** The look changed (setLocale): load the language if needed and paint. */
  relook(): void;
};

export interface ChatModule {
  startChat(shell: Shell, env: SessionEnvironment): Promise<ChatHandle>;
}
