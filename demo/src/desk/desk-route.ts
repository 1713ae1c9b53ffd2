/** The desk's address: `#c=12&status=open&assignee=me` for conversations, `#view=articles&article=5`
 * and `#view=audit` for the supervisors' pages, so a reload or a shared link shows the same view
 * and the back button steps between them. */
import type { Role } from "@hummdesk/shared";
import { type ConversationFilter, DEFAULT_FILTER, filterFromSearch, filterToSearch } from "./conversation-filter.ts";

/** The desk's pages: the conversations, the knowledge base, the audit log. */
export type DeskView = "conversations" | "articles" | "audit";

export interface DeskRoute {
  view: DeskView;
  conversationId: number | null;
  filter: ConversationFilter;
  /** The article open in the knowledge base ("new": one being written). */
  articleId: number | "new" | null;
}

const positiveId = (value: string | null): number | null => (value && /^[1-9]\d*$/.test(value) ? Number(value) : null);

export function parseRoute(hash: string): DeskRoute {
  const search = hash.replace(/^#/, "");
  const params = new URLSearchParams(search);
  const view = params.get("view");
  if (view === "articles") {
    const article = params.get("article");
    return { view, conversationId: null, filter: DEFAULT_FILTER, articleId: article === "new" ? "new" : positiveId(article) };
  }
  if (view === "audit") return { view, conversationId: null, filter: DEFAULT_FILTER, articleId: null };
  return { view: "conversations", conversationId: positiveId(params.get("c")), filter: filterFromSearch(search), articleId: null };
}

export function formatRoute(route: DeskRoute): string {
  if (route.view === "articles") return route.articleId === null ? "#view=articles" : `#view=articles&article=${route.articleId}`;
  if (route.view === "audit") return "#view=audit";
  const params = new URLSearchParams(filterToSearch(route.filter));
  if (route.conversationId !== null) params.set("c", String(route.conversationId));
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
