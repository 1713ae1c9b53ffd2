/** Identity verification on an inbox that enforces it: the page identifies its signed-in user with an
 * HMAC of the identifier; a wrong hash is refused and links nobody, the right one is accepted. */
import { createHmac } from "node:crypto";
import { agentApi, expect, test } from "./fixtures.ts";
import { configureInbox, conversationDetail, inboxSettings, krauta, listConversations, openChat, widget } from "./widget-helpers.ts";

const hmac = (secret: string, identifier: string) => createHmac("sha256", secret).update(identifier).digest("hex");

const CASES = [
  { name: "a wrong hash is refused", sign: (_secret: string, id: string) => hmac("not-the-inbox-secret", id), status: 401, accepted: false },
  { name: "the right hash is accepted", sign: (secret: string, id: string) => hmac(secret, id), status: 200, accepted: true },
];

for (const identity of CASES) {
  test(`identify on an inbox that enforces identity: ${identity.name}`, async ({ page, server }) => {
    const k = await krauta(server);
    const original = await inboxSettings(k);
    await configureInbox(k, { enforceIdentity: true, aiMode: "off" });
    try {
      const { hmacSecret } = await agentApi<{ hmacSecret: string }>(server.url, k.admin, "GET", `/api/v1/accounts/${k.accountId}/inboxes/${k.inboxId}/secret`);
      const identifier = `asiakas-${Date.now()}-${identity.status}`;
      await page.goto(server.url);
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/widget/v1/identify");
      await page.evaluate(
        ([identifier, identifierHash]) => {
          // As a page calls it: fire and forget.
          (window as unknown as { HummDesk: (...args: unknown[]) => void }).HummDesk("identify", { identifier, identifierHash, name: "Matti Meikäläinen" });
        },
        [identifier, identity.sign(hmacSecret, identifier)] as const,
      );
      expect((await answered).status()).toBe(identity.status);

      // Then the visitor writes: only an identified visitor's message is taken.
      await openChat(page);
      const w = widget(page);
      const text = `Missä tilaukseni on? (${identifier})`;
      await w.input.fill(text);
      await w.send.click();
      const bubble = w.from("contact").filter({ hasText: text });
      await expect(bubble).toHaveAttribute("data-delivery", identity.accepted ? "sent" : "failed");
      // A refusal says why, in the visitor's language (the page is English).
      if (identity.accepted) await expect(page.getByTestId("hummdesk-sign-in")).toHaveCount(0);
      else await expect(page.getByTestId("hummdesk-sign-in")).toHaveText("Please sign in to your account to chat with us.");

      const linked = [];
      for (const { id } of await listConversations(k)) {
        const detail = await conversationDetail(k, id);
        if (detail.contact.identifier === identifier) linked.push(detail);
      }
      if (identity.accepted) {
        expect(linked).toHaveLength(1);
        expect(linked[0]!.contact.name).toBe("Matti Meikäläinen");
        expect(linked[0]!.messages.filter((m) => m.senderType === "contact").map((m) => m.content)).toEqual([text]);
      } else {
        expect(linked).toEqual([]);
      }
    } finally {
      await configureInbox(k, { enforceIdentity: original.enforceIdentity, aiMode: original.aiMode });
    }
  });
}
