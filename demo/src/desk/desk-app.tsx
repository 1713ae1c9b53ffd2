/** The agent desk: sign in, pick one of the agent's accounts, then that account's live conversation
 * list beside the open conversation; for supervisors and administrators also the knowledge base
 * and the audit log. */
import type { Agent, AgentServerFrame, Availability, Team } from "@hummdesk/shared";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { type AgentSocket, agentSocketUrl, connectAgentSocket, type SocketStatus } from "../agent-socket.ts";
import { type AccountMembership, type ApiClient, describeError, type SignedInUser } from "../api-client.ts";
import { Brand } from "../ui/brand.tsx";
import { SignInForm } from "../ui/sign-in-form.tsx";
import { useSession } from "../ui/use-session.ts";
import { type AccountChoice, chooseAccount, rememberedAccountKey } from "./account-choice.ts";
import { AccountSwitcher } from "./account-switcher.tsx";
import { AvailabilitySwitch } from "./availability-switch.tsx";
import { DEFAULT_FILTER, filterToQuery, matchesFilter, totalUnread } from "./conversation-filter.ts";
import { ConversationFilters } from "./conversation-filters.tsx";
import { ConversationList } from "./conversation-list.tsx";
import { type ConversationActions, ConversationView } from "./conversation-view.tsx";
import { AuditLogView } from "./audit-log-view.tsx";
import { canManageAccount, type DeskView, formatRoute, parseRoute, viewForRole } from "./desk-route.ts";
import { type DeskState, deskReducer, initialDeskState, isUnknownConversation } from "./desk-state.ts";
import { alertFor } from "./notification-policy.ts";
import { neighbourConversation, type ShortcutCommand, shortcutFor } from "./shortcuts.ts";
import { ShortcutsHelp } from "./shortcuts-help.tsx";
import { useCannedResponses } from "./use-canned-responses.ts";
import { useDeskAlerts } from "./use-desk-alerts.ts";
import { useNow } from "./use-now.ts";

export function DeskApp() {
  const session = useSession("hummdesk.desk.session");
  const { state } = session;
  if (state.phase === "checking") return <p class="loading">Loading…</p>;
  if (state.phase === "signedOut") {
    return (
      <SignInForm
        product="Agent desk"
        defaultEmail="aino@k-rauta.example"
        passwordHint="demo: hummdesk-agent"
        notice={state.notice}
        onSignIn={session.signIn}
      />
    );
  }
  return <AccountDesk api={session.api} user={state.user} onSignOut={session.signOut} onExpired={session.expire} />;
}

interface SignedInProps {
  api: ApiClient;
  user: SignedInUser;
  onSignOut(): Promise<void>;
  onExpired(): void;
}

/** Chooses the account to show (address, then this browser's last, then the first), points the API
 * client at it and remembers it. */
function openAccount(api: ApiClient, userId: number, routed: string | null): AccountChoice {
  const key = rememberedAccountKey(userId);
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(key);
  } catch {
    // storage blocked: the address or the first account decides
  }
  const choice = chooseAccount(api.accounts, { routed, remembered });
  if (choice.account) {
    api.selectAccount(choice.account.id);
    try {
      localStorage.setItem(key, choice.account.subdomain);
    } catch {
      // not remembered; the address still carries it
    }
  }
  return choice;
}

/** One desk per account: switching draws a fresh desk (list, agents, canned responses, socket) for the new one. */
function AccountDesk({ api, user, onSignOut, onExpired }: SignedInProps) {
  const [choice, setChoice] = useState(() => openAccount(api, user.id, parseRoute(location.hash).account));
  const [switched, setSwitched] = useState(false);
  const current = choice.account?.subdomain ?? null;

  useEffect(() => {
    // Back and forward across a switch.
    const follow = () => {
      const routed = parseRoute(location.hash).account;
      if (routed === null || routed === current) return;
      setChoice(openAccount(api, user.id, routed));
      setSwitched(false);
    };
    addEventListener("popstate", follow);
    return () => removeEventListener("popstate", follow);
  }, [api, user.id, current]);

  if (!choice.account) {
    return (
      <div class="empty-detail">
        <p class="alert error" role="alert" data-testid="no-account">
          {user.name} belongs to no account. Ask an administrator to add you, then sign in again.
        </p>
        <button type="button" class="button small" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    );
  }

  function switchAccount(account: AccountMembership) {
    // A step the back button undoes; the other account starts from its default view.
    history.pushState(null, "", formatRoute({ account: account.subdomain, view: "conversations", articleId: null, conversationId: null, filter: DEFAULT_FILTER }));
    setChoice(openAccount(api, user.id, account.subdomain));
    setSwitched(true);
  }

  return (
    <Desk
      key={choice.account.id}
      api={api}
      user={user}
      account={choice.account}
      refused={choice.refused}
      switched={switched}
      onSwitchAccount={switchAccount}
      onSignOut={onSignOut}
      onExpired={onExpired}
    />
  );
}

interface DeskProps extends SignedInProps {
  account: AccountMembership;
  /** An account the address named that the agent is not a member of. */
  refused: string | null;
  /** The agent just switched to this account (the switcher takes the focus back). */
  switched: boolean;
  onSwitchAccount(account: AccountMembership): void;
}

/** What the desk knows of a conversation, for deciding and wording an alert. */
function knownConversation(state: DeskState, conversationId: number) {
  const row = state.conversations.find((item) => item.id === conversationId);
  if (row) return { assigneeId: row.assigneeId, contactName: row.contactName, createdAt: row.createdAt };
  if (state.open?.conversation.id === conversationId) {
    const { conversation, contact } = state.open;
    return { assigneeId: conversation.assigneeId, contactName: contact.name ?? contact.email, createdAt: conversation.createdAt };
  }
  return null;
}

const DESK_PAGES: { view: DeskView; label: string }[] = [
  { view: "conversations", label: "Conversations" },
  { view: "articles", label: "Knowledge base" },
  { view: "audit", label: "Audit log" },
];

const SOCKET_STATUS_LABELS: Record<SocketStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  stopped: "Offline",
};

/** Which page of the desk is on screen; `replace` names an address change that is no step back. */
interface DeskPage {
  view: DeskView;
  articleId: number | "new" | null;
  replace?: boolean;
}

function Desk({ api, user, account, refused, switched, onSwitchAccount, onSignOut, onExpired }: DeskProps) {
  const canManage = canManageAccount(account.role);
  const [state, dispatch] = useReducer(deskReducer, undefined, () => {
    const route = parseRoute(location.hash);
    // A view of another account (one the agent left) does not apply here.
    if (route.account !== null && route.account !== account.subdomain) return initialDeskState(user.id, DEFAULT_FILTER);
    return { ...initialDeskState(user.id, route.filter), selectedId: route.conversationId };
  });
  const [page, setPage] = useState<DeskPage>(() => {
    const route = parseRoute(location.hash);
    if (route.account !== null && route.account !== account.subdomain) return { view: "conversations", articleId: null };
    const view = viewForRole(route.view, account.role);
    return { view, articleId: view === "articles" ? route.articleId : null };
  });
  const pageRef = useRef(page);
  pageRef.current = page;
  // The article editor brings the shared schemas (zod) along: loaded only when the page is opened, so agents never fetch it.
  const [articlesModule, setArticlesModule] = useState<typeof import("./articles-view.tsx") | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [agents, setAgents] = useState<Agent[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [availabilityBusy, setAvailabilityBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(
    refused ? `You are not a member of the account “${refused}”, so the desk shows ${account.name}.` : null,
  );
  const [listError, setListError] = useState<string | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [socketStatus, setSocketStatus] = useState<SocketStatus>("connecting");
  const socket = useRef<AgentSocket | null>(null);
  const listRequest = useRef(0);
  const fetching = useRef(new Set<number>());
  const now = useNow(1000);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const canned = useCannedResponses(api);
  const alerts = useDeskAlerts();
  const alertsRef = useRef(alerts);
  alertsRef.current = alerts;
  const alerted = useRef(new Set<number>());

  // --- the address bar mirrors the page, the filter and the open conversation or article ----------
  const routed = useRef(`${page.view}/${page.articleId}/${state.selectedId}`);
  // The address this render was drawn for: if it moved before the effect runs (back pressed twice
  // quickly), the render is stale and the one `follow` triggered writes the address instead.
  const addressAtRender = location.hash;
  useEffect(() => {
    if (location.hash !== addressAtRender) return;
    const hash = formatRoute({ account: account.subdomain, view: page.view, articleId: page.articleId, conversationId: state.selectedId, filter: state.filter });
    // Changing page or opening a conversation or article is a step the back button undoes; refining a filter is not.
    const place = `${page.view}/${page.articleId}/${state.selectedId}`;
    const step = !page.replace && routed.current !== place;
    routed.current = place;
    if (hash === (location.hash || "#")) return;
    history[step ? "pushState" : "replaceState"](null, "", hash === "#" ? location.pathname : hash);
  }, [account.subdomain, page, state.selectedId, state.filter, addressAtRender]);

  useEffect(() => {
    const follow = () => {
      const route = parseRoute(location.hash);
      // Another account's address: AccountDesk draws that account's desk instead of this one.
      if (route.account !== null && route.account !== account.subdomain) return;
      const view = viewForRole(route.view, account.role);
      const articleId = view === "articles" ? route.articleId : null;
      if (view === "conversations") {
        routed.current = `${view}/${articleId}/${route.conversationId}`;
        if (JSON.stringify(route.filter) !== JSON.stringify(stateRef.current.filter)) dispatch({ type: "filterChanged", filter: route.filter });
        dispatch({ type: "selected", conversationId: route.conversationId });
      } else {
        routed.current = `${view}/${articleId}/${stateRef.current.selectedId}`;
      }
      setPage({ view, articleId });
    };
    // The page links are plain links, so following one is a step the back button undoes (browsers fire both events; `follow` is idempotent).
    addEventListener("popstate", follow);
    addEventListener("hashchange", follow);
    return () => {
      removeEventListener("popstate", follow);
      removeEventListener("hashchange", follow);
    };
  }, [account.subdomain, account.role]);

  useEffect(() => {
    if (page.view !== "articles" || articlesModule) return;
    import("./articles-view.tsx").then(setArticlesModule, (failure) => setNotice(`Could not load the knowledge base: ${describeError(failure)}`));
  }, [page.view, articlesModule]);

  const openPage = useCallback((view: DeskView, articleId: number | "new" | null = null, replace = false) => setPage({ view, articleId, replace }), []);

  // --- loading -------------------------------------------------------------------------------------
  const loadList = useCallback(async () => {
    const request = ++listRequest.current;
    setListError(null);
    try {
      const page = await api.listConversations(filterToQuery(stateRef.current.filter));
      if (request === listRequest.current) dispatch({ type: "listLoaded", conversations: page.conversations, nextCursor: page.nextCursor, append: false });
    } catch (failure) {
      if (request === listRequest.current) setListError(`Could not load conversations: ${describeError(failure)}`);
    }
  }, [api]);

  /** The visitor's other conversations for the details pane (a failure there leaves the rest working). */
  const loadOtherConversations = useCallback(
    async (conversationId: number, contactId: number) => {
      try {
        const page = await api.listConversations({ contactId, limit: 20 });
        dispatch({ type: "otherConversationsLoaded", conversationId, conversations: page.conversations });
      } catch {
        dispatch({ type: "otherConversationsLoaded", conversationId, conversations: "failed" });
      }
    },
    [api],
  );

  const loadDetail = useCallback(
    async (conversationId: number) => {
      setDetailError(null);
      try {
        const detail = await api.getConversation(conversationId);
        dispatch({ type: "detailLoaded", detail });
        void loadOtherConversations(conversationId, detail.conversation.contactId);
        await api.markRead(conversationId);
      } catch (failure) {
        if (stateRef.current.selectedId === conversationId) setDetailError(describeError(failure));
      }
    },
    [api, loadOtherConversations],
  );

  /** A conversation the socket mentions but the list has never seen: fetch it to show its row. */
  const learnConversation = useCallback(
    async (conversationId: number) => {
      if (fetching.current.has(conversationId)) return;
      fetching.current.add(conversationId);
      try {
        dispatch({ type: "listItemLoaded", detail: await api.getConversation(conversationId) });
      } catch {
        // it stays out of the list; the next reload shows it if it belongs there
      } finally {
        fetching.current.delete(conversationId);
      }
    },
    [api],
  );

  useEffect(() => {
    void loadList();
  }, [loadList, state.filter]);

  useEffect(() => {
    if (state.selectedId !== null) void loadDetail(state.selectedId);
  }, [loadDetail, state.selectedId]);

  useEffect(() => {
    Promise.all([api.listAgents(), api.listTeams()])
      .then(([agentList, teamList]) => {
        setAgents(agentList.agents);
        setTeams(teamList.teams);
        setAvailability(agentList.agents.find((agent) => agent.userId === user.id)?.availability ?? "offline");
      })
      .catch((failure) => setNotice(`Could not load agents and teams: ${describeError(failure)}`));
  }, [api, user.id]);

  // --- live updates --------------------------------------------------------------------------------
  const readTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onFrame = useCallback(
    (frame: AgentServerFrame) => {
      const before = stateRef.current;
      dispatch({ type: "frame", frame, now: Date.now() });
      if (frame.type === "message.created") {
        const { conversationId, senderType } = frame.data;
        if (isUnknownConversation(before, conversationId)) void learnConversation(conversationId);
        const alert = alertFor(frame.data, {
          muted: alertsRef.current.muted,
          tabHidden: document.visibilityState === "hidden",
          selectedId: before.selectedId,
          myUserId: user.id,
          conversation: knownConversation(before, conversationId),
          alreadyNotified: alerted.current.has(frame.data.id),
          now: Date.now(),
        });
        if (alert) {
          alerted.current.add(alert.messageId);
          alertsRef.current.deliver(alert, () => {
            setPage({ view: "conversations", articleId: null });
            dispatch({ type: "selected", conversationId });
          });
        }
        if (conversationId === before.selectedId && senderType === "contact") {
          clearTimeout(readTimer.current);
          readTimer.current = setTimeout(() => void api.markRead(conversationId).catch(() => undefined), 500);
        }
      }
      if (frame.type === "conversation.updated" && isUnknownConversation(before, frame.data.id) && matchesFilter(frame.data, before.filter, user.id)) {
        void learnConversation(frame.data.id);
      }
      if (frame.type === "error") setNotice(`Live updates: ${frame.data.message}`);
    },
    [api, learnConversation, user.id],
  );

  useEffect(() => {
    const connection = connectAgentSocket({
      url: agentSocketUrl(location),
      credentials: () => (api.accessToken && api.accountId !== null ? { token: api.accessToken, accountId: api.accountId } : null),
      refresh: () => api.refresh(),
      onFrame,
      onStatus: setSocketStatus,
      onReconnected: () => {
        // The resume replays messages; lists, drafts and statuses are simply reloaded.
        void loadList();
        const selected = stateRef.current.selectedId;
        if (selected !== null) void loadDetail(selected);
      },
      onUnauthorized: () => expired.current(),
    });
    socket.current = connection;
    return () => {
      connection.close();
      socket.current = null;
      clearTimeout(readTimer.current);
    };
  }, [api, onFrame, loadList, loadDetail]);

  // --- what the agent does -------------------------------------------------------------------------
  const selectedId = state.selectedId;
  const actions = useMemo<ConversationActions | null>(() => {
    if (selectedId === null) return null;
    const id = selectedId;
    return {
      async reply(content, isPrivate, file) {
        const attachmentId = file ? (await api.uploadAttachment(file, file.name)).attachment.id : undefined;
        const { message } = await api.reply(id, content, isPrivate, attachmentId);
        dispatch({ type: "messageReceived", message });
      },
      async assign(target) {
        dispatch({ type: "conversationChanged", conversation: (await api.assign(id, target)).conversation });
      },
      async setStatus(status, snoozedUntil) {
        dispatch({ type: "conversationChanged", conversation: (await api.setStatus(id, status, snoozedUntil)).conversation });
      },
      async setPriority(priority) {
        dispatch({ type: "conversationChanged", conversation: (await api.setPriority(id, priority)).conversation });
      },
      async acceptDraft(draftId) {
        const { draft, message } = await api.acceptDraft(draftId);
        dispatch({ type: "draftChanged", draft });
        dispatch({ type: "messageReceived", message });
      },
      async sendEditedDraft(draftId, content) {
        const { draft, message } = await api.sendEditedDraft(draftId, content);
        dispatch({ type: "draftChanged", draft });
        dispatch({ type: "messageReceived", message });
      },
      async rejectDraft(draftId) {
        dispatch({ type: "draftChanged", draft: (await api.rejectDraft(draftId)).draft });
      },
      typing(on) {
        socket.current?.sendTyping(id, on);
      },
      back() {
        dispatch({ type: "selected", conversationId: null });
      },
      openConversation(conversationId) {
        dispatch({ type: "selected", conversationId });
      },
    };
  }, [api, selectedId]);

  async function changeAvailability(next: Availability) {
    const previous = availability;
    setAvailability(next);
    setAvailabilityBusy(true);
    try {
      setAvailability((await api.setAvailability(next)).agent.availability);
    } catch (failure) {
      setAvailability(previous);
      setNotice(`Could not change your availability: ${describeError(failure)}`);
    } finally {
      setAvailabilityBusy(false);
    }
  }

  async function loadMore() {
    if (!state.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.listConversations({ ...filterToQuery(state.filter), cursor: state.nextCursor });
      dispatch({ type: "listLoaded", conversations: page.conversations, nextCursor: page.nextCursor, append: true });
    } catch (failure) {
      setListError(`Could not load more: ${describeError(failure)}`);
    } finally {
      setLoadingMore(false);
    }
  }

  // --- keyboard shortcuts -------------------------------------------------------------------------
  const [helpOpen, setHelpOpen] = useState(false);
  const runShortcut = useRef<(command: ShortcutCommand) => void>(() => undefined);
  runShortcut.current = (command) => {
    // The conversation shortcuts act on the conversation list, which only its own page shows.
    if (command !== "help" && pageRef.current.view !== "conversations") return;
    if (command === "help") {
      setHelpOpen(true);
    } else if (command === "next" || command === "previous") {
      const target = neighbourConversation(
        state.conversations.map((item) => item.id),
        state.selectedId,
        command,
      );
      if (target === null) return;
      dispatch({ type: "selected", conversationId: target });
      // The row takes the focus, so it scrolls into view and a screen reader names it.
      document.querySelector<HTMLElement>(`[data-testid="conversation-item-${target}"]`)?.focus();
    } else if (command === "reply") {
      document.getElementById("reply-input")?.focus();
    } else if (command === "resolve") {
      if (!actions || !state.open || state.open.conversation.status === "resolved") return;
      actions.setStatus("resolved").catch((failure) => setNotice(`Could not resolve the conversation: ${describeError(failure)}`));
    }
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName ?? "",
        targetEditable: target?.isContentEditable ?? false,
        inDialog: document.querySelector("dialog[open]") !== null,
        handled: event.defaultPrevented,
      });
      if (!command) return;
      // Also keeps the "r" out of the reply box that takes the focus.
      event.preventDefault();
      runShortcut.current(command);
    };
    addEventListener("keydown", onKeyDown);
    return () => removeEventListener("keydown", onKeyDown);
  }, []);

  const unread = totalUnread(state.conversations);
  useEffect(() => {
    document.title = `${unread > 0 ? `(${unread}) ` : ""}Agent desk · HummDesk`;
  }, [unread]);

  const open = state.open;
  return (
    <div class="desk">
      <header class="app-header desk-header">
        <a class="brand-link" href="/desk">
          <Brand product="Agent desk" />
        </a>
        <AccountSwitcher accounts={api.accounts} current={account} onChoose={onSwitchAccount} autoFocus={switched} />
        {canManage && (
          <nav class="desk-sections" aria-label="Desk pages" data-testid="desk-sections">
            {DESK_PAGES.map(({ view, label }) => (
              <a
                key={view}
                class={`desk-section${page.view === view ? " current" : ""}`}
                href={formatRoute({ account: account.subdomain, view, articleId: null, conversationId: state.selectedId, filter: state.filter })}
                aria-current={page.view === view ? "page" : undefined}
                data-testid={`desk-section-${view}`}
              >
                {label}
              </a>
            ))}
          </nav>
        )}
        <span class="spacer" />
        <span class={`connection ${socketStatus}`} role="status" data-testid="connection-status" data-status={socketStatus}>
          <span class="connection-dot" aria-hidden="true" />
          {SOCKET_STATUS_LABELS[socketStatus]}
        </span>
        <AvailabilitySwitch value={availability} busy={availabilityBusy} onChange={changeAvailability} />
        <span class="user-name" data-testid="user-name">
          {user.name}
        </span>
        {alerts.desktopPermission === "default" && (
          // Phones hide it: their browsers rarely show desktop notifications from a page.
          <button type="button" class="button small enable-notifications" onClick={() => void alerts.enableDesktop()} data-testid="enable-desktop-notifications">
            Enable desktop notifications
          </button>
        )}
        <button
          type="button"
          class={`button small mute-toggle${alerts.muted ? " muted" : ""}`}
          aria-pressed={alerts.muted}
          title={alerts.muted ? "Alerts are muted: no sound or desktop notifications" : "Sound and desktop notifications are on"}
          onClick={alerts.toggleMuted}
          data-testid="mute-toggle"
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            {alerts.muted && <path d="M3 3l18 18" />}
          </svg>
          Mute alerts
        </button>
        <button type="button" class="button small" aria-haspopup="dialog" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)} data-testid="shortcuts-button">
          <span aria-hidden="true">?</span>
          <span class="visually-hidden">Keyboard shortcuts</span>
        </button>
        <button type="button" class="button small" onClick={onSignOut} data-testid="sign-out">
          Sign out
        </button>
      </header>
      {notice && (
        <p class="alert warning desk-notice" role="status">
          {notice}{" "}
          <button type="button" class="button small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
      {page.view === "articles" &&
        (articlesModule ? (
          <articlesModule.ArticlesView
            api={api}
            articleId={page.articleId}
            onOpen={(articleId, replace) => openPage("articles", articleId, replace)}
            hrefOf={(articleId) => formatRoute({ account: account.subdomain, view: "articles", articleId, conversationId: null, filter: DEFAULT_FILTER })}
          />
        ) : (
          <p class="loading">Loading the knowledge base…</p>
        ))}
      {page.view === "audit" && <AuditLogView api={api} agents={agents} />}
      <div class={`desk-body${state.selectedId !== null ? " has-selection" : ""}`} hidden={page.view !== "conversations"}>
        <nav class="list-pane" aria-label="Conversation list">
          <div class="list-head">
            <h2>
              Conversations{" "}
              {unread > 0 && (
                <span class="unread-badge" data-testid="unread-total">
                  {unread}
                  <span class="visually-hidden"> unread</span>
                </span>
              )}
            </h2>
            <ConversationFilters
              filter={state.filter}
              agents={agents}
              teams={teams}
              myUserId={user.id}
              onChange={(filter) => dispatch({ type: "filterChanged", filter })}
            />
          </div>
          <div class="list-scroll">
            <ConversationList
              conversations={state.conversations}
              loaded={state.listLoaded}
              error={listError}
              selectedId={state.selectedId}
              typing={state.typing}
              nextCursor={state.nextCursor}
              loadingMore={loadingMore}
              now={now}
              onSelect={(conversationId) => dispatch({ type: "selected", conversationId })}
              onLoadMore={loadMore}
            />
          </div>
        </nav>
        <main class="detail-pane">
          {state.selectedId === null && (
            <div class="empty-detail" data-testid="no-conversation">
              <p>Pick a conversation from the list.</p>
            </div>
          )}
          {state.selectedId !== null && detailError && (
            <div class="empty-detail">
              <p class="alert error" role="alert" data-testid="detail-error">
                {detailError}
              </p>
              <button type="button" class="button small" onClick={() => actions?.back()}>
                Back to the list
              </button>
            </div>
          )}
          {state.selectedId !== null && !detailError && !open && <p class="empty-detail">Loading the conversation…</p>}
          {open && actions && (
            <ConversationView
              open={open}
              draft={state.drafts[open.conversation.id]}
              typing={state.typing[open.conversation.id]}
              agents={agents}
              teams={teams}
              myUserId={user.id}
              now={now}
              canned={canned}
              actions={actions}
            />
          )}
        </main>
      </div>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
