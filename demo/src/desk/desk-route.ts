/** The desk's address: `#account=k-rauta&status=open&assignee=me&c=12` for conversations,
 * `#account=k-rauta&view=articles&article=5` and `#account=k-rauta&view=audit` for the supervisors'
 * pages, so a reload or a shared link shows the same account and view, and the back button steps
 * between them. */
import type { Role } from "@hummdesk/shared";
import { type ConversationFilter, DEFAULT_FILTER, filterFromSearch, filterToSearch } from "./conversation-filter.ts";

/** The desk's pages: the conversations, the knowledge base, the audit log. */
export type DeskView = "conversations" | "articles" | "audit";

export interface DeskRoute {
  /** The account's subdomain; null when the address names none (the desk then picks one). */
  account: string | null;
  view: DeskView;
  conversationId: number | null;
  filter: ConversationFilter;
  /** The article open in the knowledge base ("new": one being written). */
  articleId: number | "new" | null;
}

const positiveId = (value: string | null): number | null => (value && /^[1-9]\d*$/.test(value) ? Number(value) : null);
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;

export function parseRoute(hash: string): DeskRoute {
  const search = hash.replace(/^#/, "");
  const params = new URLSearchParams(search);
  const named = params.get("account");
  const account = named && SUBDOMAIN.test(named) ? named : null;
  const view = params.get("view");
  if (view === "articles") {
    const article = params.get("article");
    return { account, view, conversationId: null, filter: DEFAULT_FILTER, articleId: article === "new" ? "new" : positiveId(article) };
  }
  if (view === "audit") return { account, view, conversationId: null, filter: DEFAULT_FILTER, articleId: null };
  return { account, view: "conversations", conversationId: positiveId(params.get("c")), filter: filterFromSearch(search), articleId: null };
}

export function formatRoute(route: DeskRoute): string {
  const params = new URLSearchParams();
  if (route.account !== null) params.set("account", route.account);
  if (route.view === "articles") {
    params.set("view", "articles");
    if (route.articleId !== null) params.set("article", String(route.articleId));
  } else if (route.view === "audit") {
    params.set("view", "audit");
  } else {
    for (const [name, value] of new URLSearchParams(filterToSearch(route.filter))) params.set(name, value);
    if (route.conversationId !== null) params.set("c", String(route.conversationId));
  }
  const search = params.toString();
  return search ? `#${search}` : "#";
}

/** Supervisors and administrators edit the knowledge base and read the audit log; agents do not. */
export function canManageAccount(role: Role | undefined): boolean {
  return role === "administrator" || role === "supervisor";
}

/** The view a member may see at this address: an agent following a supervisor's link lands on the conversations. */
export function viewForRole(view: DeskView, role: Role | undefined): DeskView {
  return view === "conversations" || canManageAccount(role) ? view : "conversations";
}
