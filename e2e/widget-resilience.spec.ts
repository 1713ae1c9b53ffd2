/** The widget when the connection fails: the server restarts under an open chat, replies are sent
 * while the widget is away, a send fails or loses its answer. Nothing is lost, nothing is doubled. */
import type { Page, WebSocket } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import type { ServerProcess } from "./server-process.ts";
import {
  agentReply,
  bubbleTexts,
  configureInbox,
  conversationDetail,
  inboxSettings,
  KRAUTA_STORAGE,
  krauta,
  openChat,
  sendFromWidget,
  widget,
} from "./widget-helpers.ts";

test("the server restarts and three agent replies are sent before the widget is back: each shows once, in order, and the chat stays live", async ({
  page,
  context,
  server,
}) => {
  const k = await krauta(server);
  const original = await inboxSettings(k);
  await configureInbox(k, { aiMode: "off" });
  try {
    const sockets: WebSocket[] = [];
    const framesReceived: string[] = [];
    page.on("websocket", (socket) => {
      sockets.push(socket);
      socket.on("framereceived", (frame) => framesReceived.push(String(frame.payload)));
    });
    await page.goto(server.url);
    await openChat(page);
    const { conversation } = await sendFromWidget(page, "Tuleeko tilaukseni tänään?");
    const w = widget(page);
    await agentReply(k, conversation.id, "Tarkistan asian.");
    await expect(w.from("agent")).toHaveCount(1);

    await server.stop();
    await expect.poll(() => sockets.length > 0 && sockets.every((socket) => socket.isClosed())).toBe(true);
    // Offline until the replies are in, so the widget cannot come back early.
    await context.setOffline(true);
    await server.start();
    const replies = ["Tilauksesi on lähtenyt varastosta.", "Seurantakoodi on JJFI6427.", "Kuljetus tuo sen huomenna klo 9–12."];
    for (const reply of replies) await agentReply(k, conversation.id, reply);
    await expect(w.from("agent")).toHaveCount(1);

    const historyAfterReconnect = page.waitForResponse((r) => /\/widget\/v1\/messages\?after=\d+/.test(r.url()));
    await context.setOffline(false);
    await historyAfterReconnect;
    // The socket's resume replays them too: wait until both copies arrived before counting.
    await expect.poll(() => framesReceived.some((frame) => frame.includes(replies[2]!))).toBe(true);
    await expect(w.from("agent")).toHaveCount(4);
    expect(await bubbleTexts(page, "agent")).toEqual(["Tarkistan asian.", ...replies].map((text) => `agent: ${text}`));

    // Still live after the reconnect.
    await agentReply(k, conversation.id, "Hyvää päivänjatkoa!");
    await expect(w.from("agent")).toHaveCount(5);
    await expect(w.from("agent").last()).toContainText("Hyvää päivänjatkoa!");
  } finally {
    await context.setOffline(false);
    await configureInbox(k, { aiMode: original.aiMode });
  }
});

interface Failure {
  name: string;
  /** The delivery states the visitor sees, in order. */
  shows: string[];
  before(page: Page, server: ServerProcess): Promise<void>;
  /** After the bubble showed every state but the last. */
  meanwhile(server: ServerProcess): Promise<void>;
}

const failures: Failure[] = [
  {
    name: "the server is down when the visitor sends",
    shows: ["sending", "failed", "sent"],
    before: (_page, server) => server.stop(),
    meanwhile: (server) => server.start(),
  },
  {
    name: "the server stores the message but its answer is lost",
    // The socket's echo of the stored message confirms it although the HTTP answer never came,
    // so "sending" may last no longer than a frame: only the end state is certain.
    shows: ["sent"],
    async before(page) {
      let lost = false;
      await page.route(
        (url) => url.pathname === "/widget/v1/messages",
        async (route) => {
          if (lost || route.request().method() !== "POST") return route.fallback();
          lost = true;
          await route.fetch();
          await route.abort("connectionreset");
        },
      );
    },
    meanwhile: async () => {},
  },
];

const isUp = (server: ServerProcess) => fetch(`${server.url}/health`).then((r) => r.ok, () => false);

for (const failure of failures) {
  test(`${failure.name}: the message shows ${failure.shows.join(", then ")} and reaches the agents exactly once`, async ({ page, server }) => {
    const k = await krauta(server);
    const original = await inboxSettings(k);
    await configureInbox(k, { aiMode: "off" });
    try {
      await page.goto(server.url);
      await openChat(page);
      const { conversation } = await sendFromWidget(page, "Hei, kysyisin tilauksesta.");
      const posts: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && new URL(request.url()).pathname === "/widget/v1/messages") posts.push(request.postDataJSON().clientMessageId);
      });

      await failure.before(page, server);
      const text = `Tilausnumero on 55${Date.now() % 100000}.`;
      const w = widget(page);
      await w.input.fill(text);
      await w.send.click();
      const bubble = w.from("contact").filter({ hasText: text });
      for (const state of failure.shows.slice(0, -1)) await expect(bubble).toHaveAttribute("data-delivery", state);
      if (failure.shows.includes("failed")) await expect(page.getByTestId("hummdesk-retry")).toBeVisible();
      await failure.meanwhile(server);
      await expect(bubble).toHaveAttribute("data-delivery", "sent", { timeout: 30_000 });

      // Every try carried the same id, so the server kept one message.
      expect(new Set(posts).size).toBe(1);
      const detail = await conversationDetail(k, conversation.id);
      expect(detail.messages.filter((m) => m.content === text)).toHaveLength(1);
      await expect(bubble).toHaveCount(1);
      expect(await page.evaluate((key) => localStorage.getItem(key), KRAUTA_STORAGE.outbox)).toBe("[]");
      await page.reload();
      // The panel was left open, so it opens again by itself.
      await expect(w.panel).toBeVisible();
      await expect(w.from("contact").filter({ hasText: text })).toHaveCount(1);
    } finally {
      if (!(await isUp(server))) await server.start();
      await configureInbox(k, { aiMode: original.aiMode });
    }
  });
}
