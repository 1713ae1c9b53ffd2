/** `HummDesk(command, ...args)`: the page's one entry point, buffering commands until `init` has run. */
import type { WidgetHandle } from "./widget-handle.ts";
import type { WidgetOptions } from "./widget-options.ts";

export type HummDeskFunction = ((command: string, ...args: unknown[]) => unknown) & { loaded?: true };

const COMMANDS = ["open", "close", "toggle", "identify", "setAttributes", "setLocale", "on", "reset"] as const;

export function createCommandApi(mount: (options: WidgetOptions) => WidgetHandle): HummDeskFunction {
  let widget: WidgetHandle | null = null;
  const waiting: [string, unknown[]][] = [];

  function run(handle: WidgetHandle, command: string, args: unknown[]): unknown {
    if (!COMMANDS.includes(command as never)) {
      throw new Error(`HummDesk: unknown command '${command}'; use init or one of ${COMMANDS.join(", ")}`);
    }
    const result = (handle[command as (typeof COMMANDS)[number]] as (...args: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      result.catch((error) => console.warn(`HummDesk: ${command} failed:`, error instanceof Error ? error.message : error));
    }
    return result;
  }

  const hummDesk: HummDeskFunction = (command, ...args) => {
    try {
      if (command !== "init") return widget ? run(widget, command, args) : void waiting.push([command, args]);
      if (widget) throw new Error("HummDesk: init was called twice; the first call is kept");
      widget = mount(args[0] as WidgetOptions);
      for (const [queued, queuedArgs] of waiting.splice(0)) run(widget, queued, queuedArgs);
    } catch (error) {
      // A mistake in the page's call is reported, never thrown into the page's own code.
      console.error(error instanceof Error ? error.message : error);
    }
  };
  hummDesk.loaded = true;
  return hummDesk;
}
