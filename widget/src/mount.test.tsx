// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../test/fake-hummdesk-server.ts";
import { Browser, eventually } from "../test/test-environment.ts";
import { mount } from "./mount.ts";
import type { WidgetHandle } from "./widget-handle.ts";
import type { WidgetOptions } from "./widget-options.ts";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
const widgets: WidgetHandle[] = [];
afterEach(() => {
  for (const widget of widgets.splice(0)) widget.destroy();
  server.config.requireEmail = false;
});

/** Mounts the widget on this page and returns ways to find things inside its shadow root. */
async function open(options: Partial<WidgetOptions> = {}, browser = new Browser()) {
  const widget = mount({ baseUrl: server.baseUrl, websiteToken: "site-token", locale: "fi", ...options }, browser.openTab(server.baseUrl).environment());
  widgets.push(widget);
  const host = document.querySelector("hummdesk-widget")!;
  const shadow = host.shadowRoot!;
  const find = <T extends Element = HTMLElement>(testId: string) => shadow.querySelector<T>(`[data-testid="${testId}"]`);
  const all = (testId: string) => [...shadow.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  const launcher = await eventually(() => find<HTMLButtonElement>("hummdesk-launcher") ?? fail("no launcher yet"));
  const visitorId = () => JSON.parse(browser.data.get("hummdesk:site-token:token")!).visitorId as string;
  return { widget, host, shadow, find, all, launcher, browser, visitorId };
}

function fail(message: string): never {
  throw new Error(message);
}

function type(textarea: HTMLTextAreaElement, text: string): void {
  textarea.value = text;
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
}

function press(element: Element, key: string, init: KeyboardEventInit = {}): void {
  element.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));
}

describe("the mounted widget", () => {
  it("lives in an open shadow root on a host element at the end of body", async () => {
    const { host, shadow } = await open();
    expect(document.body.lastElementChild).toBe(host);
    expect(shadow.mode).toBe("open");
    // Vitest serves CSS imports empty; the built bundle's stylesheet is checked in size-budget.test.ts.
    expect(shadow.firstElementChild?.tagName).toBe("STYLE");
  });

  it("opens a labelled dialog from a labelled launcher and puts focus in the composer", async () => {
    const { launcher, find, shadow } = await open();
    expect(launcher.getAttribute("aria-label")).toBe("Avaa chat");
    expect(launcher.getAttribute("aria-expanded")).toBe("false");
    expect(launcher.getAttribute("part")).toBe("launcher");
    launcher.click();
    const panel = await eventually(() => find("hummdesk-panel") ?? fail("no panel"));
    expect(panel.getAttribute("role")).toBe("dialog");
    expect(panel.hidden).toBe(false);
    expect(shadow.getElementById(panel.getAttribute("aria-labelledby")!)?.textContent).toBe("K-Rauta asiakaspalvelu");
    expect(panel.textContent).toContain("Paikalla · Tyypillinen vastausaika: 10 min");
    expect(find("hummdesk-greeting")?.textContent).toBe("Hei! Miten voimme auttaa?");
    await eventually(() => expect(shadow.activeElement).toBe(find("hummdesk-input")));
    expect(launcher.getAttribute("aria-expanded")).toBe("true");
  });

  it("sends with Enter, breaks the line with Shift+Enter, and shows the delivery state", async () => {
    const { launcher, find, all, visitorId } = await open();
    launcher.click();
    const input = await eventually(() => find<HTMLTextAreaElement>("hummdesk-input") ?? fail("no input"));
    type(input, "Rivi yksi");
    press(input, "Enter", { shiftKey: true });
    expect(all("hummdesk-message")).toHaveLength(0);
    await eventually(() => expect(find<HTMLButtonElement>("hummdesk-send")?.disabled).toBe(false));
    press(input, "Enter");
    await eventually(() => expect(all("hummdesk-message").map((m) => [m.dataset.sender, m.dataset.delivery])).toEqual([["contact", "sent"]]));
    const bubble = all("hummdesk-message")[0]!;
    expect(bubble.getAttribute("part")).toBe("message message-visitor");
    expect(bubble.textContent).toContain("Rivi yksi");
    expect(bubble.textContent).toContain("Lähetetty");
    expect(input.value).toBe("");

    server.agentReply(visitorId(), "Hei, olen Aino.");
    await eventually(() => expect(all("hummdesk-message").map((m) => m.dataset.sender)).toEqual(["contact", "agent"]));
    expect(all("hummdesk-message")[1]!.getAttribute("part")).toBe("message message-agent");
    expect(find("hummdesk-announcer")?.textContent).toBe("Aino: Hei, olen Aino.");
  });

  it("renders message text as text, with only http(s) links", async () => {
    const { launcher, find, all, shadow, visitorId } = await open();
    launcher.click();
    type(await eventually(() => find<HTMLTextAreaElement>("hummdesk-input") ?? fail("no input")), "hei");
    await eventually(() => expect(find<HTMLButtonElement>("hummdesk-send")?.disabled).toBe(false));
    find("hummdesk-send")!.click();
    await eventually(() => expect(all("hummdesk-message")[0]?.dataset.delivery).toBe("sent"));
    server.agentReply(visitorId(), '<img src=x onerror="alert(1)"> Katso https://k-rauta.fi/ohje tai javascript:alert(1)');
    await eventually(() => expect(all("hummdesk-message")).toHaveLength(2));
    const bubble = all("hummdesk-message")[1]!;
    expect(shadow.querySelector("img")).toBeNull();
    expect(bubble.textContent).toContain('<img src=x onerror="alert(1)">');
    const links = [...bubble.querySelectorAll("a")];
    expect(links.map((a) => [a.getAttribute("href"), a.getAttribute("target"), a.getAttribute("rel")])).toEqual([
      ["https://k-rauta.fi/ohje", "_blank", "noopener noreferrer"],
    ]);
  });

  it("opened by the page while the visitor types in the page's own field, leaves the focus there", async () => {
    const field = document.body.appendChild(Object.assign(document.createElement("input"), { type: "text" }));
    try {
      const { widget, find, shadow } = await open();
      field.focus();
      widget.open();
      const panel = await eventually(() => find("hummdesk-panel") ?? fail("no panel"));
      await eventually(() => expect(panel.hidden).toBe(false));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(document.activeElement).toBe(field);
      expect(shadow.activeElement).toBeNull();
    } finally {
      field.remove();
    }
  });

  it("closes on Escape and gives focus back to the launcher", async () => {
    const { launcher, find, shadow } = await open();
    launcher.click();
    const panel = await eventually(() => find("hummdesk-panel") ?? fail("no panel"));
    press(find("hummdesk-input")!, "Escape");
    await eventually(() => expect(panel.hidden).toBe(true));
    await eventually(() => expect(shadow.activeElement).toBe(launcher));
  });

  it("counts unread replies on the launcher while closed and tells the page", async () => {
    const heard: string[] = [];
    const record = (event: Event) => heard.push(`${event.type}:${JSON.stringify((event as CustomEvent).detail)}`);
    window.addEventListener("hummdesk:unread", record);
    try {
      const { launcher, find, all, widget, visitorId } = await open();
      widget.open();
      type(await eventually(() => find<HTMLTextAreaElement>("hummdesk-input") ?? fail("no input")), "hei");
      press(find("hummdesk-input")!, "Enter");
      await eventually(() => expect(all("hummdesk-message")[0]?.dataset.delivery).toBe("sent"));
      await eventually(() => expect(server.socketsOf(visitorId())).toBe(1));
      widget.close();
      server.agentReply(visitorId(), "vastaus");
      await eventually(() => expect(find("hummdesk-unread")?.textContent).toBe("1"));
      expect(launcher.getAttribute("aria-label")).toBe("Avaa chat, 1 lukematonta");
      expect(heard).toContain("hummdesk:unread:1");
      launcher.click();
      await eventually(() => expect(find("hummdesk-unread")).toBeNull());
      expect(heard).toContain("hummdesk:unread:0");
    } finally {
      window.removeEventListener("hummdesk:unread", record);
    }
  });

  it("streams the AI answer, then shows it with its sources and a way to a person", async () => {
    const { launcher, find, all, visitorId, widget } = await open();
    launcher.click();
    type(await eventually(() => find<HTMLTextAreaElement>("hummdesk-input") ?? fail("no input")), "Milloin tilaus tulee?");
    press(find("hummdesk-input")!, "Enter");
    await eventually(() => expect(all("hummdesk-message")[0]?.dataset.delivery).toBe("sent"));
    await eventually(() => expect(server.socketsOf(visitorId())).toBe(1));
    const conversationId = server.messages.at(-1)!.conversationId;
    server.send(visitorId(), { type: "ai.answer.delta", data: { draftId: 8, conversationId, index: 0, text: "Toimitus kestää " } });
    const stream = await eventually(() => find("hummdesk-ai-stream") ?? fail("no stream"));
    expect(stream.textContent).toContain("Toimitus kestää");
    expect(stream.dataset.sender).toBe("ai");
    const answer = server.agentReply(visitorId(), "Toimitus kestää 2–4 päivää.", "ai");
    server.send(visitorId(), {
      type: "ai.answer.completed",
      data: {
        draftId: 8,
        conversationId,
        messageId: answer.id,
        content: answer.content,
        citations: [
          { articleId: 1, title: "Toimitusajat", url: "https://k-rauta.fi/toimitus" },
          { articleId: 2, title: "Vaarallinen", url: "javascript:alert(1)" },
        ],
      },
    });
    // The socket delivered message.created first, so the server's copy (no citations) is kept;
    // the completion ends the stream either way.
    await eventually(() => expect(find("hummdesk-ai-stream")).toBeNull());
    const ai = all("hummdesk-message").find((m) => m.dataset.sender === "ai")!;
    expect(ai.getAttribute("part")).toBe("message message-ai");
    expect(ai.textContent).toContain("AI-avustaja");

    const handoff = await eventually(() => find<HTMLButtonElement>("hummdesk-handoff") ?? fail("no handoff"));
    expect(handoff.textContent).toBe("Puhu ihmisen kanssa");
    handoff.click();
    await eventually(() => expect(server.requests.at(-1)?.path).toBe("/handoff"));
    await eventually(() => expect(find("hummdesk-handoff")).toBeNull());
    widget.close();
  });

  it("renders citations as safe links", async () => {
    const { launcher, find, all, visitorId } = await open();
    launcher.click();
    type(await eventually(() => find<HTMLTextAreaElement>("hummdesk-input") ?? fail("no input")), "Palautus?");
    press(find("hummdesk-input")!, "Enter");
    await eventually(() => expect(all("hummdesk-message")[0]?.dataset.delivery).toBe("sent"));
    await eventually(() => expect(server.socketsOf(visitorId())).toBe(1));
    const conversationId = server.messages.at(-1)!.conversationId;
    // A completion whose message the socket has not delivered: the widget shows it from the frame.
    server.send(visitorId(), {
      type: "ai.answer.completed",
      data: {
        draftId: 9,
        conversationId,
        messageId: 999_999,
        content: "Palautusaika on 30 päivää.",
        citations: [
          { articleId: 1, title: "Palautukset", url: "https://k-rauta.fi/palautus" },
          { articleId: 2, title: "Vaarallinen", url: "javascript:alert(1)" },
        ],
      },
    });
    const ai = await eventually(() => all("hummdesk-message").find((m) => m.dataset.sender === "ai") ?? fail("no answer"));
    const links = [...ai.querySelectorAll("li a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["https://k-rauta.fi/palautus"]);
    expect(ai.textContent).toContain("Vaarallinen");
  });

  it("asks for an email before the first message when the inbox requires one", async () => {
    server.config.requireEmail = true;
    const { launcher, find, all, shadow } = await open();
    launcher.click();
    const email = await eventually(() => find<HTMLInputElement>("hummdesk-email") ?? fail("no email field"));
    await eventually(() => expect(shadow.activeElement).toBe(email));
    type(find<HTMLTextAreaElement>("hummdesk-input")!, "Tarjouspyyntö");
    press(find("hummdesk-input")!, "Enter");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(all("hummdesk-message")).toHaveLength(0);
    email.value = "aino@example.fi";
    press(find("hummdesk-input")!, "Enter");
    await eventually(() => expect(all("hummdesk-message")).toHaveLength(1));
    await eventually(() => expect(all("hummdesk-message")[0]?.dataset.delivery).toBe("sent"));
    expect(server.requests.find((r) => r.body?.content === "Tarjouspyyntö")?.body?.email).toBe("aino@example.fi");
    await eventually(() => expect(find("hummdesk-email")).toBeNull());
  });

  it("shows a counter near the length limit", async () => {
    const { launcher, find } = await open();
    launcher.click();
    const input = await eventually(() => find<HTMLTextAreaElement>("hummdesk-input") ?? fail("no input"));
    expect(input.maxLength).toBe(5000);
    type(input, "a".repeat(4600));
    await eventually(() => expect(find("hummdesk-composer")?.textContent).toContain("4600 / 5000"));
  });

  it("follows the init options: side, theme, launcher text, hidden launcher, language", async () => {
    const left = await open({ position: "left", darkMode: true, launcherText: "Kysy meiltä", locale: "sv" });
    const root = left.shadow.querySelector(".root")!;
    expect(root.className).toBe("root left dark");
    expect(left.launcher.textContent).toBe("Kysy meiltä");
    expect(left.launcher.getAttribute("aria-label")).toBe("Kysy meiltä");
    left.widget.setLocale("en");
    left.launcher.click();
    await eventually(() => expect(left.find("hummdesk-input")?.getAttribute("aria-label")).toBe("Message"));
    left.widget.destroy();
    expect(document.querySelector("hummdesk-widget")).toBeNull();

    const hidden = mount({ baseUrl: server.baseUrl, websiteToken: "site-token", hideLauncher: true }, new Browser().openTab(server.baseUrl).environment());
    widgets.push(hidden);
    const shadow = document.querySelector("hummdesk-widget")!.shadowRoot!;
    await eventually(() => expect(shadow.querySelector(".root")?.className).toBe("root right light no-launcher"));
    expect(shadow.querySelector("[data-testid=hummdesk-launcher]")).toBeNull();
    hidden.open();
    await eventually(() => expect(shadow.querySelector<HTMLElement>("[data-testid=hummdesk-panel]")?.hidden).toBe(false));
  });

  it("colours the launcher with the merchant colour and readable text", async () => {
    const { shadow } = await open({ color: "#ffd400" });
    const root = shadow.querySelector<HTMLElement>(".root")!;
    expect(root.style.getPropertyValue("--accent")).toBe("#ffd400");
    expect(root.style.getPropertyValue("--on-accent")).toBe("#000000");
  });

  it("takes --hummdesk-color from the page's stylesheet", async () => {
    const style = document.createElement("style");
    style.textContent = "hummdesk-widget { --hummdesk-color: #003366; }";
    document.head.append(style);
    try {
      const { shadow } = await open({ color: "#ffd400" });
      const root = shadow.querySelector<HTMLElement>(".root")!;
      expect(root.style.getPropertyValue("--accent")).toBe("#003366");
      expect(root.style.getPropertyValue("--on-accent")).toBe("#ffffff");
    } finally {
      style.remove();
    }
  });

  it("tells the page when it is ready", async () => {
    const ready = new Promise<unknown>((resolve) => window.addEventListener("hummdesk:ready", (e) => resolve((e as CustomEvent).detail), { once: true }));
    const { widget } = await open();
    expect(await ready).toMatchObject({ inboxName: "K-Rauta asiakaspalvelu" });
    const late = await new Promise((resolve) => widget.on("ready", resolve));
    expect(late).toMatchObject({ inboxName: "K-Rauta asiakaspalvelu" });
  });
});
