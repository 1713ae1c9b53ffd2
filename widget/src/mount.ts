/** `mount(options)` for bundlers: the same launcher-first widget, with the chat in the same bundle. */
import { browserEnvironment } from "./browser-environment.ts";
import { mountWidget } from "./launcher-first.ts";
import type { SessionEnvironment } from "./session.ts";
import type { WidgetHandle } from "./widget-handle.ts";
import type { WidgetOptions } from "./widget-options.ts";

export function mount(options: WidgetOptions, env: SessionEnvironment = browserEnvironment()): WidgetHandle {
  return mountWidget(options, () => import("./chat.tsx"), env);
}
