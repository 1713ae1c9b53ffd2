/** The desk's address: `#c=12&status=open&assignee=me`, so a reload or a shared link shows the same view. */
import { type ConversationFilter, filterFromSearch, filterToSearch } from "./conversation-filter.ts";

export interface DeskRoute {
  conversationId: number | null;
  filter: ConversationFilter;
}

export function parseRoute(hash: string): DeskRoute {
  const search = hash.replace(/^#/, "");
  const id = new URLSearchParams(search).get("c");
  return { conversationId: id && /^[1-9]\d*$/.test(id) ? Number(id) : null, filter: filterFromSearch(search) };
}

export function formatRoute(route: DeskRoute): string {
  const params = new URLSearchParams(filterToSearch(route.filter));
  if (route.conversationId !== null) params.set("c", String(route.conversationId));
  const search = params.toString();
  return search ? `#${search}` : "#";
}
