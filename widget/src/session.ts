/** One visitor's session with one inbox: wires the token, REST, socket, outbox and storage to the store. */
import type {
  IdentifyRequest,
  SetAttributesRequest,
  VisitorContext,
  VisitorMessage,
  VisitorServerFrame,
  WidgetConfig,
} from "@hummdesk/shared";
import { createApiClient, type FetchLike } from "./api-client.ts";
import { newClientMessageId } from "./client-message-id.ts";
import type { Emitter } from "./emitter.ts";
import { createOutboxSender } from "./outbox-sender.ts";
import type { Persistence, StorageLike } from "./persistence.ts";
import { initialState, lastMessageId, needsEmail, type OutboxEntry, unreadCount } from "./state.ts";
import { createStore } from "./store.ts";
import { createTypingNotifier } from "./typing-notifier.ts";
import { createTokenKeeper } from "./visitor-token.ts";
import { createVisitorSocket, type SocketLike, type Timers } from "./visitor-socket.ts";

/** Everything the session needs from the outside world, injected so tests run it without a browser. */
export interface SessionEnvironment {
  fetch: FetchLike;
  openSocket: (url: string) => SocketLike;
  /** The same socket over HTTP, for networks that block websockets. */
  openStream?: (url: string) => Promise<SocketLike>;
  storage: StorageLike | null;
  timers: Timers;
  random: () => number;
  now: () => number;
  /** The page's URL, to resolve a root-relative baseUrl. */
  pageUrl: string;
  /** Subscribes to a window event (`online`, `offline`, `storage`) and returns the unsubscribe. */
  listen: (type: "online" | "offline" | "storage", listener: (event: Event) => void) => () => void;
  /** `navigator.onLine`: false when the browser knows it has no network. */
  networkOnline?: () => boolean;
  /** Where the visitor is (page, referrer, browser, time zone), sent with each message for the agents. */
  visitorContext?: () => VisitorContext;
  /** Shortens the retry waits in tests. */
  retryBaseMs?: number;
}

export interface SessionEvents {
  ready: WidgetConfig;
  message: VisitorMessage;
  unread: number;
  open: undefined;
  close: undefined;
}

/** Agent typing shows for this long unless renewed (a lost "off" frame must not leave it on forever). */
const TYPING_SHOWN_MS = 8000;
/** While the panel is open, whether the team is online is asked again this often. */
const CONFIG_REFRESH_MS = 60_000;

export function websocketUrl(baseUrl: string, pageUrl: string): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}/widget/v1/ws`, pageUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

function warn(what: string) {
  return (error: unknown) => console.warn(`HummDesk: ${what} failed:`, error instanceof Error ? error.message : error);
}

export function createSession(
  target: { baseUrl: string; websiteToken: string },
  env: SessionEnvironment,
  events: Emitter<SessionEvents>,
  /** Where the widget keeps its state (the boot chunk's, passed in so the chat carries no copy). */
  persistence: Persistence,
) {
  const { timers, now } = env;
  const retry = env.retryBaseMs ? { baseMs: env.retryBaseMs, maxMs: env.retryBaseMs * 20 } : undefined;
  const store = createStore(
    initialState({
      outbox: persistence.read<OutboxEntry[]>("outbox") ?? [],
      lastSeenId: persistence.read<number>("seen") ?? 0,
      email: persistence.read<string>("email"),
    }),
  );
  const { dispatch } = store;
  const state = store.get;
  const tokens = createTokenKeeper({ issue: (previous) => api.issueToken(previous), persistence, now });
  const api = createApiClient({ ...target, fetch: env.fetch, tokens });
  /** True from the first history request on; false again when it failed, so the next `ready` retries. */
  let historyLoaded = false;
  let typingTimer: unknown;
  let configTimer: unknown;
  let configAt = now();

  /** Asks the server again whether the team is online (and when it opens), keeping the rest. */
  function refreshConfig(): void {
    configAt = now();
    api
      .config().then((config) => dispatch({ type: "set", fields: { config } }), warn("refreshing the status"));
  }

  function refreshConfigWhileOpen(): void {
    timers.clearTimeout(configTimer);
    configTimer = timers.setTimeout(() => {
      if (!state().open) return;
      refreshConfig();
      refreshConfigWhileOpen();
    }, CONFIG_REFRESH_MS);
  }

  /** Runs an action and tells the page about every message it added. */
  function withNewMessages(run: () => void): void {
    const before = state().messages;
    run();
    const known = new Set(before.map((message) => message.id));
    for (const message of state().messages) if (!known.has(message.id)) events.emit("message", message);
  }

  function onFrame(frame: VisitorServerFrame): void {
    const { type } = frame;
    if (type === "message.created" || type === "message.updated") {
      const before = state().conversation?.id;
      withNewMessages(() => dispatch({ type: "received", message: frame.data }));
      const after = state().conversation?.id;
      // Switched back to an earlier conversation: its whole thread, not only the new reply.
      if (after !== undefined && before !== undefined && after < before) {
        api.history({ conversationId: after }).then(({ messages }) => dispatch({ type: "conversationMessages", messages }), warn("loading"));
      }
    } else if (type === "conversation.updated") {
      dispatch({ type: "conversation", conversation: frame.data });
    } else if (type === "typing") {
      timers.clearTimeout(typingTimer);
      typingTimer = timers.setTimeout(() => dispatch({ type: "typingExpired" }), TYPING_SHOWN_MS);
      dispatch({ type: "typing", typing: frame.data });
    } else if (type === "ai.answer.delta") {
      dispatch({ type: "delta", delta: frame.data });
    } else if (type === "ai.answer.completed") {
      const at = new Date(now()).toISOString();
      withNewMessages(() => dispatch({ type: "completed", completed: frame.data, at }));
    }
  }

  async function loadHistory(after?: number): Promise<void> {
    historyLoaded = true;
    try {
      dispatch({ type: "history", history: await api.history(after ? { after } : {}) });
    } catch {
      historyLoaded = false;
    }
  }

  const socket = createVisitorSocket({
    url: websocketUrl(target.baseUrl, env.pageUrl),
    open: env.openSocket,
    fallback: env.openStream,
    token: tokens.ensure,
    refreshToken: tokens.refresh,
    lastMessageId: () => lastMessageId(state()),
    onFrame,
    onReady(reconnected) {
      // The socket replays missed messages; a changed conversation status comes with the history.
      if (reconnected || !historyLoaded) void loadHistory(lastMessageId(state()));
      if (reconnected) refreshConfig();
      sender.flush();
    },
    timers,
    random: env.random,
    now,
    retry,
  });

  const sender = createOutboxSender({
    outbox: () => state().outbox,
    // The browser's language helps the AI answer a bare "Hi" in the visitor's language; the context is for the agents.
    send: async ({ clientMessageId, content, email, file }) =>
      api.sendMessage({
        clientMessageId,
        content,
        email,
        attachmentId: file && (await api.upload(file)).attachment.id,
        ...(globalThis.navigator?.language ? { locale: globalThis.navigator.language.slice(0, 35) } : {}),
        context: env.visitorContext?.(),
      }),
    onAcknowledged({ clientMessageId }, { message, conversation }) {
      // Gone already: another tab's copy was acknowledged first, or the visitor was reset meanwhile.
      if (!state().outbox.some((held) => held.clientMessageId === clientMessageId)) return;
      withNewMessages(() => dispatch({ type: "acknowledged", clientMessageId, message, conversation }));
    },
    onDelivery: ({ clientMessageId }, delivery, refused) => dispatch({ type: "delivery", clientMessageId, delivery, refused }),
    timers,
    random: env.random,
    retry,
  });

  const typing = createTypingNotifier({
    send: (on) => socket.send({ type: "typing", on, conversationId: state().conversation?.id }),
    timers,
    now,
  });

  /**
   * Connects and sends what waits: called when the visitor acts (a page view alone never does).
   * The socket and the outbox each get a token and retry on their own, so nothing here can fail.
   */
  function activate(): void {
    socket.connect();
    sender.flush();
    // A returning visitor sees the conversation without waiting for the socket (a proxy may block it).
    if (tokens.current() && !historyLoaded) void loadHistory();
  }

  store.subscribe((next, previous) => {
    if (next.outbox !== previous.outbox) persistence.write("outbox", next.outbox);
    if (next.lastSeenId !== previous.lastSeenId) persistence.write("seen", next.lastSeenId);
    if (next.email !== previous.email) persistence.write("email", next.email);
    // The panel stays open across page loads (and closes in every tab of the site when closed).
    if (next.open !== previous.open) persistence.write("open", next.open);
    const unread = unreadCount(next);
    if (unread !== unreadCount(previous)) events.emit("unread", unread);
  });

  const unlisten = [
    env.listen("online", () => {
      dispatch({ type: "set", fields: { networkOnline: true } });
      socket.connect();
      sender.flush();
      if (state().config) refreshConfig();
    }),
    env.listen("offline", () => dispatch({ type: "set", fields: { networkOnline: false } })),
    // Another tab of the same site changed what both share.
    env.listen("storage", (event) => {
      const { key, newValue } = event as StorageEvent;
      const value = persistence.parse<never>(newValue);
      if (key === persistence.key("outbox")) dispatch({ type: "outboxSynced", outbox: value ?? [] });
      if (key === persistence.key("seen")) dispatch({ type: "seen", lastSeenId: value ?? 0 });
      if (key === persistence.key("token")) tokens.adopt(value);
    }),
  ];

  return {
    store,
    /** Where the server is: files on messages are addressed under it. */
    base: target.baseUrl.replace(/\/+$/, ""),
    on<Name extends keyof SessionEvents>(name: Name, listener: (payload: SessionEvents[Name]) => void): () => void {
      // Listening for "ready" after it happened still hears it, so the order of the page's calls does not matter.
      const { config } = state();
      if (name === "ready" && config) listener(config as SessionEvents[Name]);
      return events.on(name, listener);
    },
    /**
     * Takes the config the boot chunk fetched (or loads it, and says "ready"); a returning visitor
     * (token or unsent messages stored) reconnects at once.
     */
    async start(fetched?: WidgetConfig): Promise<void> {
      const config =
        fetched ??
        (await api.config().catch((error) => {
          throw error.status === 404
            ? new Error(`HummDesk: websiteToken '${target.websiteToken}' matches no inbox; check the snippet`)
            : error;
        }));
      dispatch({ type: "set", fields: { config, networkOnline: env.networkOnline?.() ?? true } });
      if (persistence.read("open")) this.open();
      if (tokens.current() || state().outbox.length) activate();
      if (!fetched) events.emit("ready", config);
    },
    open() {
      if (state().open) return;
      dispatch({ type: "open" });
      events.emit("open", undefined);
      activate();
      if (now() - configAt > CONFIG_REFRESH_MS / 2) refreshConfig();
      refreshConfigWhileOpen();
    },
    close() {
      if (!state().open) return;
      dispatch({ type: "close" });
      events.emit("close", undefined);
    },
    /** Sends the text, or a file captioned with its name. */
    send(content: string, email?: string, file?: File) {
      const text = file?.name ?? content.trim();
      if (!text) return;
      const withEmail = needsEmail(state()) ? email?.trim() : undefined;
      if (withEmail) dispatch({ type: "set", fields: { email: withEmail } });
      typing.typed(false);
      const entry = {
        clientMessageId: newClientMessageId(),
        content: text,
        email: withEmail,
        file,
        createdAt: new Date(now()).toISOString(),
        delivery: "sending",
      } as const;
      dispatch({ type: "enqueued", entry });
      activate();
    },
    retry(clientMessageId: string) {
      dispatch({ type: "delivery", clientMessageId, delivery: "sending", refused: false });
      activate();
    },
    typed: typing.typed,
    handoff(): Promise<void> {
      activate();
      return api
        .handoff()
        .then(({ conversation }) => dispatch({ type: "handoff", conversation }), warn("handoff"));
    },
    /** Rates a resolved conversation (1–5, with an optional comment). */
    rate(conversationId: number, score: number, comment: string): Promise<void> {
      return api
        .rate(conversationId, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) })
        .then(({ conversation }) => dispatch({ type: "conversation", conversation }), warn("rating"));
    },
    /** Shows an earlier conversation (null: back to the current one). */
    view(conversationId: number | null): Promise<void> {
      dispatch({ type: "set", fields: { viewing: conversationId } });
      if (conversationId === null) return Promise.resolve();
      return api
        .history({ conversationId })
        .then(({ messages }) => dispatch({ type: "conversationMessages", messages }), warn("loading"));
    },
    async identify(request: IdentifyRequest): Promise<void> {
      if (request.email) dispatch({ type: "set", fields: { email: request.email } });
      activate();
      // The answer's token carries the verified identifier: without it the next message is anonymous.
      tokens.replace(await api.identify(request));
    },
    async setAttributes(request: SetAttributesRequest): Promise<void> {
      if (request.email) dispatch({ type: "set", fields: { email: request.email } });
      activate();
      tokens.replace(await api.setAttributes(request));
    },
    /** Forgets the visitor (the merchant's user logged out): token, unsent messages and history. */
    reset() {
      socket.close();
      tokens.clear();
      for (const name of ["outbox", "seen", "email"] as const) persistence.remove(name);
      historyLoaded = false;
      dispatch({ type: "reset" });
    },
    destroy() {
      socket.close();
      sender.stop();
      typing.stop();
      timers.clearTimeout(typingTimer);
      timers.clearTimeout(configTimer);
      for (const stop of unlisten) stop();
    },
  };
}

export type Session = ReturnType<typeof createSession>;
