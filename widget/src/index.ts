/** ESM entry for bundlers: `mount(options)` returns a handle with the same commands as `HummDesk(...)`. */
export { mount } from "./mount.tsx";
export type { VisitorMessage, WidgetConfig, WidgetEvents, WidgetHandle, WidgetOptions } from "./mount.tsx";
