/** The desk's address: `#account=k-rauta&status=open&assignee=me&c=12`, so a reload or a shared link shows the same view. */
import { type ConversationFilter, filterFromSearch, filterToSearch } from "./conversation-filter.ts";

export interface DeskRoute {
  /** The account's subdomain; null when the address names none (the desk then picks one). */
  account: string | null;
  conversationId: number | null;
  filter: ConversationFilter;
}

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;

export function parseRoute(hash: string): DeskRoute {
  const search = hash.replace(/^#/, "");
  const params = new URLSearchParams(search);
  const id = params.get("c");
  const account = params.get("account");
  return {
    account: account && SUBDOMAIN.test(account) ? account : null,
    conversationId: id && /^[1-9]\d*$/.test(id) ? Number(id) : null,
    filter: filterFromSearch(search),
  };
}

export function formatRoute(route: DeskRoute): string {
  const params = new URLSearchParams();
  if (route.account !== null) params.set("account", route.account);
  for (const [name, value] of new URLSearchParams(filterToSearch(route.filter))) params.set(name, value);
  if (route.conversationId !== null) params.set("c", String(route.conversationId));
  const search = params.toString();
  return search ? `#${search}` : "#";
}
