// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../test/fake-hummdesk-server.ts";
import { Browser, eventually } from "../test/test-environment.ts";
import { fetchConfig, mountWidget } from "./launcher-first.ts";
import type { SessionEnvironment } from "./session.ts";
import type { ChatModule, WidgetHandle } from "./widget-handle.ts";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
const widgets: WidgetHandle[] = [];
afterEach(() => {
  for (const widget of widgets.splice(0)) widget.destroy();
});

/** Mounts the boot part with a chat loader that counts its calls. */
function boot(browser = new Browser()) {
  let chatLoads = 0;
  const loadChat = (): Promise<ChatModule> => {
    chatLoads++;
    return import("./chat.tsx");
  };
  const widget = mountWidget({ baseUrl: server.baseUrl, websiteToken: "site-token", locale: "fi" }, loadChat, browser.openTab(server.baseUrl).environment());
  widgets.push(widget);
  const shadow = document.querySelector("hummdesk-widget")!.shadowRoot!;
  const find = (testId: string) => shadow.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  return { widget, find, browser, chatLoads: () => chatLoads };
}

describe("the launcher-first widget", () => {
  it("paints the launcher from the config alone; the chat loads on hover, not before", async () => {
    const { find, chatLoads } = boot();
    const launcher = await eventually(() => find("hummdesk-launcher") ?? Promise.reject(new Error("no launcher yet")));
    expect(launcher.getAttribute("aria-label")).toBe("Avaa chat");
    expect(launcher.getAttribute("aria-expanded")).toBe("false");
    expect(launcher.closest(".root")?.className).toBe("root right light");
    expect(chatLoads()).toBe(0);
    launcher.dispatchEvent(new Event("pointerenter"));
    await eventually(() => expect(chatLoads()).toBe(1));
    launcher.click();
    await eventually(() => expect(find("hummdesk-panel")?.hidden).toBe(false));
    expect(launcher.getAttribute("aria-expanded")).toBe("true");
    expect(chatLoads()).toBe(1);
  });

  it("runs commands given before the chat loaded, in order, and answers identify's promise", async () => {
    const { widget, find } = boot();
    widget.open();
    widget.close();
    widget.open();
    await widget.identify({ identifier: "user-1", name: "Maija" });
    await eventually(() => expect(find("hummdesk-panel")?.hidden).toBe(false));
  });

  it("loads the chat at once for a visitor who has a conversation, and reopens a panel left open", async () => {
    const browser = new Browser();
    const first = boot(browser);
    first.widget.open();
    await eventually(() => expect(first.find("hummdesk-panel")?.hidden).toBe(false));
    first.widget.destroy();

    const second = boot(browser);
    await eventually(() => expect(second.chatLoads()).toBe(1));
    await eventually(() => expect(second.find("hummdesk-panel")?.hidden).toBe(false));
  });

  it("repaints the launcher's contents only when they change, so a click pressed on the icon is not lost", async () => {
    const { widget, find } = boot();
    const launcher = await eventually(() => find("hummdesk-launcher") ?? Promise.reject(new Error("no launcher yet")));
    const icon = launcher.firstElementChild;
    expect(icon).not.toBeNull();
    // The chat's paints (it loads on the first open) ask for the look again and again.
    widget.open();
    await eventually(() => (find("hummdesk-panel") ? true : Promise.reject(new Error("no panel yet"))));
    const closeIcon = launcher.firstElementChild;
    expect(closeIcon).not.toBe(icon);
    widget.setLocale("fi");
    widget.setLocale("fi");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(launcher.firstElementChild).toBe(closeIcon);
    widget.setLocale("sv");
    await eventually(() => (launcher.getAttribute("aria-label") === "Stäng chatten" ? true : Promise.reject(new Error(launcher.getAttribute("aria-label") ?? ""))));
  });

  it("says 'ready' with the config before the chat exists", async () => {
    const { widget, chatLoads } = boot();
    const config = await new Promise((resolve) => widget.on("ready", resolve));
    expect(config).toMatchObject({ inboxName: "K-Rauta asiakaspalvelu" });
    expect(chatLoads()).toBe(0);
  });
});

describe("fetchConfig", () => {
  const options = { baseUrl: "https://chat.example.com/", websiteToken: "site token" };
  const configUrl = "https://chat.example.com/widget/v1/inboxes/site%20token/config";
  /** An environment whose fetch records the URLs asked for and answers with `config`. */
  function recording(config: unknown = { inboxName: "asked again" }) {
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return Response.json(config);
    };
    const env = { fetch } as unknown as SessionEnvironment;
    return { env, asked };
  }

  it("uses the snippet's parsed answer for this inbox without asking again", async () => {
    const { env, asked } = recording();
    const early = Promise.resolve({ s: 200, u: configUrl, j: { inboxName: "from the snippet" } });
    await expect(fetchConfig(options, env, early)).resolves.toEqual({ inboxName: "from the snippet" });
    expect(asked).toEqual([]);
  });

  it("asks again when the snippet's request failed or named another inbox", async () => {
    for (const early of [undefined, { s: 200, u: "https://chat.example.com/widget/v1/inboxes/other/config", j: {} }]) {
      const { env, asked } = recording();
      await expect(fetchConfig(options, env, Promise.resolve(early))).resolves.toEqual({ inboxName: "asked again" });
      expect(asked).toEqual([configUrl]);
    }
  });

  it("reads the Response an older snippet handed over", async () => {
    const { env, asked } = recording();
    const response = Response.json({ inboxName: "old snippet" });
    Object.defineProperty(response, "url", { value: configUrl });
    await expect(fetchConfig(options, env, Promise.resolve(response))).resolves.toEqual({ inboxName: "old snippet" });
    expect(asked).toEqual([]);
  });

  it("says the inbox is gone on the snippet's 404 and reports any other failure", async () => {
    const gone = fetchConfig(options, recording().env, Promise.resolve({ s: 404, u: configUrl, j: { error: {} } }));
    await expect(gone).rejects.toMatchObject({ gone: true, message: expect.stringContaining("matches no inbox") });
    const failed = fetchConfig(options, recording().env, Promise.resolve({ s: 503, u: configUrl, j: {} }));
    await expect(failed).rejects.toThrow("HTTP 503");
  });
});
