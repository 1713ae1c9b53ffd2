/** The widget on the storefront, both directions of a conversation: what the visitor sends reaches the
 * agents, agent replies and AI answers reach the visitor live, and a reload keeps it all. */
import { expect, test } from "./fixtures.ts";
import {
  agentReply,
  bubbleTexts,
  configureInbox,
  conversationDetail,
  KRAUTA_STORAGE,
  krauta,
  listConversations,
  openChat,
  sendFromWidget,
  widget,
} from "./widget-helpers.ts";

test("a message sent from the widget reaches the agents with the same text, once, in its own conversation", async ({ page, server }) => {
  const k = await krauta(server);
  await page.goto(server.url);
  await openChat(page);
  const text = `Onko teillä 18 V akkuporakoneita varastossa? (${test.info().testId}-${Date.now()})`;
  const sent = await sendFromWidget(page, text);
  await expect(widget(page).from("contact")).toHaveAttribute("data-delivery", "sent");

  const listed = await listConversations(k);
  const mine = listed.find((c) => c.id === sent.conversation.id);
  expect(mine, "the visitor's conversation is listed for the storefront inbox").toBeTruthy();
  expect(mine!.inboxId).toBe(k.inboxId);
  const detail = await conversationDetail(k, sent.conversation.id);
  const fromVisitor = detail.messages.filter((m) => m.senderType === "contact");
  expect(fromVisitor.map((m) => m.content)).toEqual([text]);
  expect(fromVisitor[0]!.clientMessageId).toBe(sent.message.clientMessageId);
});

test("an agent's reply arrives live in the open widget, announced to screen readers", async ({ page, server }) => {
  const k = await krauta(server);
  await page.goto(server.url);
  await openChat(page);
  const { conversation } = await sendFromWidget(page, "Voinko noutaa tilauksen myymälästä tänään?");
  const w = widget(page);
  // The socket's first "ready" loads the conversation once (GET /widget/v1/messages, after the
  // send's POST there); it may come after the send returns. Past it, only the socket can bring the reply.
  const messageRequests = () => page.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.includes("/widget/v1/messages")).length);
  await expect.poll(messageRequests).toBe(2);
  const requestsBefore = await page.evaluate(() => performance.getEntriesByType("resource").length);
  const reply = `Hei! Kyllä, nouto onnistuu kahden tunnin kuluttua tilauksesta. – Aino (${Date.now()})`;
  await agentReply(k, conversation.id, reply);
  await expect(w.from("agent")).toHaveCount(1);
  expect(await bubbleTexts(page, "agent")).toEqual([`agent: ${reply}`]);
  await expect(w.announcer).toContainText(reply);
  const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name));
  expect(fetched.slice(requestsBefore).filter((url) => url.includes("/widget/v1/messages"))).toEqual([]);
});

test("an AI answer streams in word by word, then becomes one answer with its sources", async ({ page, server }) => {
  const k = await krauta(server);
  await configureInbox(k, { aiMode: "auto_reply" });
  await page.goto(server.url);
  await openChat(page);
  // Every text the streaming bubble shows, as the visitor would have seen it.
  await page.evaluate(() => {
    const shadow = document.querySelector("hummdesk-widget")!.shadowRoot!;
    const seen: string[] = [];
    (window as unknown as { streamed: string[] }).streamed = seen;
    new MutationObserver(() => {
      const text = shadow.querySelector('[data-testid="hummdesk-ai-stream"] .bubble')?.textContent;
      if (text && text !== seen[seen.length - 1]) seen.push(text);
    }).observe(shadow, { subtree: true, childList: true, characterData: true });
  });
  const w = widget(page);
  // A question the evidence gate answers on its own (the gate hands doubtful ones to people).
  await sendFromWidget(page, "Hei! Miten palautus toimii? Ostin porakoneen viime viikolla.");
  await expect(w.stream).toBeVisible();
  await expect(w.stream).not.toBeEmpty();
  const answer = w.from("ai");
  await expect(answer).toHaveCount(1, { timeout: 30_000 });
  await expect(w.stream).toHaveCount(0);

  const [final] = await bubbleTexts(page, "ai");
  const finalText = final!.replace(/^ai: /, "");
  const streamed = await page.evaluate(() => (window as unknown as { streamed: string[] }).streamed);
  // Each step showed the beginning of the answer; several showed only part of it.
  for (const partial of streamed) expect(finalText.startsWith(partial), `"${partial}" begins the answer`).toBe(true);
  expect(streamed.filter((partial) => partial.length < finalText.length).length).toBeGreaterThan(3);
  // The sources: links to the knowledge-base articles the answer used.
  const sources = answer.locator("ul li a");
  await expect(sources.first()).toBeVisible();
  for (const href of await sources.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    expect(href).toMatch(/^https:\/\//);
  }
  await expect(sources.filter({ hasText: /Palautukset/ })).toHaveCount(1);
  await expect(page.getByTestId("hummdesk-handoff")).toBeVisible();
});

test("a reload keeps the visitor and the whole conversation", async ({ page, server }) => {
  const k = await krauta(server);
  await page.goto(server.url);
  await openChat(page);
  await configureInbox(k, { aiMode: "auto_reply" });
  const { conversation } = await sendFromWidget(page, "Mitkä ovat myymälöiden aukioloajat?");
  const w = widget(page);
  // History of every kind: the visitor's message, an AI answer with sources, an agent's reply.
  await expect(w.from("ai")).toHaveCount(1, { timeout: 30_000 });
  await agentReply(k, conversation.id, "Juhannusaattona olemme auki 7–14.");
  await expect(w.from("agent").filter({ hasText: "Juhannusaattona" })).toBeVisible();
  await expect
    .poll(async () => (await conversationDetail(k, conversation.id)).messages.filter((m) => !m.private).length)
    .toBe(await w.messages.count());
  const before = await bubbleTexts(page);
  const token = await page.evaluate((key) => localStorage.getItem(key), KRAUTA_STORAGE.token);
  expect(before.length).toBeGreaterThanOrEqual(3);

  await page.reload();
  // The panel was left open, so it opens again by itself.
  await expect(w.panel).toBeVisible();
  await expect(w.messages).toHaveCount(before.length);
  expect(await bubbleTexts(page)).toEqual(before);
  await expect(page.getByTestId("hummdesk-greeting")).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), KRAUTA_STORAGE.token)).toBe(token);
  // Same visitor: the next message continues the same conversation.
  const next = await sendFromWidget(page, "Vielä yksi kysymys.");
  expect(next.conversation.id).toBe(conversation.id);
});
