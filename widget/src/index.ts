/** ESM entry for bundlers: `mount(options)` returns a handle with the same commands as `HummDesk(...)`. */
export type { VisitorMessage, WidgetConfig } from "@hummdesk/shared";
export { mount } from "./mount.ts";
export type { SessionEvents as WidgetEvents } from "./session.ts";
export type { WidgetHandle } from "./widget-handle.ts";
export type { WidgetOptions } from "./widget-options.ts";
