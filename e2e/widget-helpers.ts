/** Shared by the widget specs: the K-Rauta inbox through the agent API (signed in once per worker
 * and server, since logins are rate limited), and the widget as a visitor meets it. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page, Response } from "@playwright/test";
import type { ServerProcess } from "./server-process.ts";
import { agentApi, expect, KRAUTA, login } from "./fixtures.ts";

const PAGES = join(dirname(fileURLToPath(import.meta.url)), "pages");
const SNIPPET_MARK = "<!--HUMMDESK_SNIPPET-->";

export const AGENT = { email: "aino@k-rauta.example", password: KRAUTA.agentPassword } as const;

/** The widget's localStorage keys for the storefront inbox. */
export const KRAUTA_STORAGE = {
  token: `hummdesk:${KRAUTA.websiteToken}:token`,
  outbox: `hummdesk:${KRAUTA.websiteToken}:outbox`,
} as const;

export interface Krauta {
  url: string;
  accountId: number;
  inboxId: number;
  /** Administrator's access token (inbox settings, secret, snippet). */
  admin: string;
  /** Agent Aino's access token (replies). */
  agent: string;
}

interface AgentMessage {
  id: number;
  senderType: string;
  content: string;
  clientMessageId: string | null;
  private: boolean;
}
export interface ConversationDetail {
  conversation: { id: number; inboxId: number; contactId: number };
  contact: { id: number; name: string | null; identifier: string | null };
  messages: AgentMessage[];
}

const signedIn = new Map<string, Promise<Krauta>>();

/** The K-Rauta account and storefront inbox of this worker's server, signed in as admin and agent. */
export function krauta(server: ServerProcess): Promise<Krauta> {
  let found = signedIn.get(server.url);
  if (!found) {
    found = (async () => {
      const admin = await login(server.url, KRAUTA.admin.email, KRAUTA.admin.password);
      const agent = await login(server.url, AGENT.email, AGENT.password);
      const accountId = admin.accounts[0]!.id;
      const { inboxes } = await agentApi<{ inboxes: { id: number; websiteToken: string }[] }>(
        server.url,
        admin.accessToken,
        "GET",
        `/api/v1/accounts/${accountId}/inboxes`,
      );
      const inbox = inboxes.find((i) => i.websiteToken === KRAUTA.websiteToken)!;
      return { url: server.url, accountId, inboxId: inbox.id, admin: admin.accessToken, agent: agent.accessToken };
    })();
    found.catch(() => signedIn.delete(server.url));
    signedIn.set(server.url, found);
  }
  return found;
}

export interface InboxSettings {
  name: string;
  aiMode: string;
  greeting: Record<string, string>;
  enforceIdentity: boolean;
}

/** The storefront inbox's current settings (to put them back after a test changed them). */
export async function inboxSettings(k: Krauta): Promise<InboxSettings> {
  const { inboxes } = await agentApi<{ inboxes: (InboxSettings & { id: number })[] }>(k.url, k.admin, "GET", `/api/v1/accounts/${k.accountId}/inboxes`);
  const { name, aiMode, greeting, enforceIdentity } = inboxes.find((inbox) => inbox.id === k.inboxId)!;
  return { name, aiMode, greeting, enforceIdentity };
}

/** PATCHes the storefront inbox as the administrator. */
export function configureInbox(k: Krauta, patch: Record<string, unknown>) {
  return agentApi(k.url, k.admin, "PATCH", `/api/v1/accounts/${k.accountId}/inboxes/${k.inboxId}`, patch);
}

export function agentReply(k: Krauta, conversationId: number, content: string) {
  return agentApi<{ message: AgentMessage }>(k.url, k.agent, "POST", `/api/v1/accounts/${k.accountId}/conversations/${conversationId}/messages`, { content });
}

export function conversationDetail(k: Krauta, conversationId: number) {
  return agentApi<ConversationDetail>(k.url, k.agent, "GET", `/api/v1/accounts/${k.accountId}/conversations/${conversationId}`);
}

export async function listConversations(k: Krauta) {
  const { conversations } = await agentApi<{ conversations: { id: number; inboxId: number; lastMessage: string | null }[] }>(
    k.url,
    k.agent,
    "GET",
    `/api/v1/accounts/${k.accountId}/conversations?inboxId=${k.inboxId}&limit=100`,
  );
  return conversations;
}

/** The snippet the configurator gives merchants for the storefront inbox. */
export async function storefrontSnippet(k: Krauta): Promise<string> {
  const { snippet } = await agentApi<{ snippet: string }>(k.url, k.admin, "GET", `/api/v1/accounts/${k.accountId}/inboxes/${k.inboxId}/snippet`);
  return snippet;
}

/** The storefront snippet with more init options, as a merchant would add them to the pasted block. */
export async function snippetWith(k: Krauta, options: Record<string, unknown>): Promise<string> {
  const snippet = await storefrontSnippet(k);
  const init = /HummDesk\("init",(\{.*\})\);/.exec(snippet);
  if (!init) throw new Error(`no init call in the snippet: ${snippet}`);
  const json = JSON.stringify({ ...JSON.parse(init[1]!), ...options }).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return snippet.replace(init[0], `HummDesk("init",${json});`);
}

/** A host page from e2e/pages with the snippet in place of its `<!--HUMMDESK_SNIPPET-->`. */
export function pageWithSnippet(name: string, snippet: string): string {
  const html = readFileSync(join(PAGES, name), "utf8");
  if (!html.includes(SNIPPET_MARK)) throw new Error(`${name} has no ${SNIPPET_MARK}`);
  return html.replace(SNIPPET_MARK, () => snippet);
}

/**
 * Shows `html` as a merchant page on the server's origin. The document comes from the real server
 * (its /health answer, rewritten): Chromium's local-network-access checks refuse a websocket to
 * 127.0.0.1 from a page Playwright fulfilled itself, as they would from any public page.
 */
export async function hostPage(page: Page, server: { url: string }, html: string, waitUntil: "load" | "domcontentloaded" = "load") {
  await page.goto(`${server.url}/health`);
  await page.setContent(html, { waitUntil });
}

export const isVisitorSend = (response: Response) =>
  response.request().method() === "POST" && new URL(response.url()).pathname === "/widget/v1/messages";

/** The widget on `page`, by its test ids. */
export function widget(page: Page) {
  const messages = page.getByTestId("hummdesk-message");
  return {
    launcher: page.getByTestId("hummdesk-launcher"),
    panel: page.getByTestId("hummdesk-panel"),
    input: page.getByTestId("hummdesk-input"),
    send: page.getByTestId("hummdesk-send"),
    close: page.getByTestId("hummdesk-close"),
    messages,
    from: (sender: "contact" | "agent" | "ai" | "system") => messages.and(page.locator(`[data-sender="${sender}"]`)),
    stream: page.getByTestId("hummdesk-ai-stream"),
    announcer: page.getByTestId("hummdesk-announcer"),
  };
}

/** Opens the chat from the launcher and waits for the dialog. */
export async function openChat(page: Page) {
  const w = widget(page);
  await w.launcher.click();
  await expect(w.panel).toBeVisible();
  await expect(w.input).toBeFocused();
}

/** Types `text` in the composer and sends it; resolves with the server's answer to the first POST that carries it. */
export async function sendFromWidget(page: Page, text: string) {
  const w = widget(page);
  const answered = page.waitForResponse((r) => isVisitorSend(r) && r.request().postDataJSON()?.content === text && r.ok());
  await w.input.fill(text);
  await w.send.click();
  const response = await answered;
  return (await response.json()) as { message: { id: number; clientMessageId: string }; conversation: { id: number } };
}

/** The text of each bubble (without sender label, time, delivery or citations), in screen order. */
export function bubbleTexts(page: Page, sender?: string) {
  const selector = sender ? `[data-testid="hummdesk-message"][data-sender="${sender}"]` : '[data-testid="hummdesk-message"]';
  return page.locator(selector).evaluateAll((nodes) =>
    nodes.map((node) => {
      const bubble = node.querySelector(".bubble")!.cloneNode(true) as HTMLElement;
      for (const list of bubble.querySelectorAll("ul")) list.remove();
      return `${node.getAttribute("data-sender")}: ${bubble.textContent}`;
    }),
  );
}

/** A Finnish visitor in a browser context of their own: opens the storefront's chat and writes. */
export async function visitorAsks(browser: Browser, url: string, text: string) {
  const context = await browser.newContext({ locale: "fi-FI" });
  const shop = await context.newPage();
  await shop.goto(url);
  await openChat(shop);
  const sent = await sendFromWidget(shop, text);
  return { context, shop, conversationId: sent.conversation.id };
}
