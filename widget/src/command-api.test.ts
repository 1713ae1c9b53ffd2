import { afterEach, describe, expect, it, vi } from "vitest";
import { createCommandApi } from "./command-api.ts";
import type { WidgetHandle } from "./widget-handle.ts";
import type { WidgetOptions } from "./widget-options.ts";

/** A handle that writes down what it was asked, standing in for a mounted widget. */
function recordingMount() {
  const calls: unknown[][] = [];
  const mounted: WidgetOptions[] = [];
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  const handle: WidgetHandle = {
    open: record("open"),
    close: record("close"),
    toggle: record("toggle"),
    identify: (request) => {
      calls.push(["identify", request]);
      return Promise.reject(new Error("identifierHash does not match"));
    },
    setAttributes: record("setAttributes", Promise.resolve()) as WidgetHandle["setAttributes"],
    setLocale: record("setLocale"),
    on: record("on", () => undefined) as WidgetHandle["on"],
    reset: record("reset"),
    destroy: record("destroy"),
  };
  const mount = (options: WidgetOptions) => {
    mounted.push(options);
    return handle;
  };
  return { mount, calls, mounted };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("HummDesk(...)", () => {
  it("replays the calls made before init, in order, once init has mounted the widget", () => {
    const { mount, calls, mounted } = recordingMount();
    const hummDesk = createCommandApi(mount);
    const listener = () => undefined;
    hummDesk("on", "ready", listener);
    hummDesk("setLocale", "sv");
    hummDesk("open");
    expect(calls).toEqual([]);
    hummDesk("init", { websiteToken: "t", baseUrl: "https://chat.example" });
    expect(mounted).toEqual([{ websiteToken: "t", baseUrl: "https://chat.example" }]);
    expect(calls).toEqual([["on", "ready", listener], ["setLocale", "sv"], ["open"]]);
    hummDesk("toggle");
    expect(calls.at(-1)).toEqual(["toggle"]);
  });

  it("reports mistakes on the console instead of throwing into the page", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { mount } = recordingMount();
    const hummDesk = createCommandApi(mount);
    hummDesk("init", { websiteToken: "t", baseUrl: "/" });
    expect(() => hummDesk("opne")).not.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringContaining("unknown command 'opne'"));
    hummDesk("init", { websiteToken: "t", baseUrl: "/" });
    expect(error).toHaveBeenCalledWith(expect.stringContaining("init was called twice"));
  });

  it("turns a failed identify into a console warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { mount } = recordingMount();
    const hummDesk = createCommandApi(mount);
    hummDesk("init", { websiteToken: "t", baseUrl: "/" });
    await (hummDesk("identify", { identifier: "u1" }) as Promise<unknown>).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).toHaveBeenCalledWith("HummDesk: identify failed:", "identifierHash does not match");
  });
});
