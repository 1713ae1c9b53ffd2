/** The agent API as the demo pages use it: typed calls, the access token in memory, the refresh token in sessionStorage. */
import type {
  AIDraft,
  Agent,
  ArticleCreateRequest,
  Attachment,
  ArticleUpdateRequest,
  AuditLog,
  AuthTokens,
  Availability,
  CannedResponse,
  Conversation,
  ConversationDetail,
  ConversationListResponse,
  ConversationStatus,
  Inbox,
  InboxCreateRequest,
  InboxUpdateRequest,
  KnowledgeBaseArticle,
  Message,
  Priority,
  Team,
  TeamAvailability,
} from "@hummdesk/shared";

export type ListedConversation = ConversationListResponse["conversations"][number];
export type AccountMembership = AuthTokens["accounts"][number];
export type SignedInUser = AuthTokens["user"];

export interface ConversationQuery {
  status?: ConversationStatus | undefined;
  assigneeId?: number | "me" | "none" | undefined;
  teamId?: number | undefined;
  inboxId?: number | undefined;
  priority?: Priority | undefined;
  contactId?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** What a failed call said: the server's `{error:{code,message,details}}`, or status 0 when it was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The part of `sessionStorage` the client needs, so tests can hand in a map. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ApiClientOptions {
  /** Origin of the server; "" means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  storage?: TokenStorage;
  /** Each page keeps its own sign-in, so the admin's configurator and an agent's desk can share a tab. */
  storageKey: string;
  /** Called when the session is gone for good (refresh refused): the page shows its sign-in form. */
  onSignedOut?: () => void;
}

interface StoredSession {
  refreshToken: string;
  accountId: number | null;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const storage = options.storage ?? globalThis.sessionStorage;
  const key = options.storageKey;

  let accessToken: string | null = null;
  let user: SignedInUser | null = null;
  let accounts: AccountMembership[] = [];
  let accountId: number | null = readStored()?.accountId ?? null;
  let refreshing: Promise<boolean> | null = null;

  function readStored(): StoredSession | null {
    try {
      const raw = storage.getItem(key);
      return raw ? (JSON.parse(raw) as StoredSession) : null;
    } catch {
      return null;
    }
  }

  function adopt(tokens: AuthTokens): AuthTokens {
    accessToken = tokens.accessToken;
    user = tokens.user;
    accounts = tokens.accounts;
    if (accountId === null || !accounts.some((a) => a.id === accountId)) accountId = accounts[0]?.id ?? null;
    storage.setItem(key, JSON.stringify({ refreshToken: tokens.refreshToken, accountId } satisfies StoredSession));
    return tokens;
  }

  function forget(): void {
    accessToken = null;
    user = null;
    accounts = [];
    storage.removeItem(key);
  }

  async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json" };
    // A file goes as its own bytes (the server reads its type from them); anything else as JSON.
    const file = typeof Blob !== "undefined" && body instanceof Blob;
    if (body !== undefined) headers["content-type"] = file ? "application/octet-stream" : "application/json";
    if (token) headers["authorization"] = `Bearer ${token}`;
    try {
      return await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : file ? body : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError(0, "network", `Could not reach the server (${String(cause)}). Check your connection and try again.`);
    }
  }

  async function toError(response: Response): Promise<ApiError> {
    const text = await response.text().catch(() => "");
    try {
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
      const error = parsed.error;
      if (error && typeof error.message === "string") {
        return new ApiError(response.status, typeof error.code === "string" ? error.code : "error", error.message, error.details);
      }
    } catch {
      // not JSON: fall through to the status line
    }
    return new ApiError(response.status, "http_error", `The server answered ${response.status} ${response.statusText}`.trim());
  }

  async function read<T>(response: Response): Promise<T> {
    if (!response.ok) throw await toError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** Trades the stored refresh token for new tokens; false when there is none or the server refused it. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      const stored = readStored();
      if (!stored) return false;
      const response = await send("POST", "/api/v1/auth/refresh", { refreshToken: stored.refreshToken }, null);
      if (response.status >= 400 && response.status < 500) {
        forget();
        return false;
      }
      adopt(await read<AuthTokens>(response));
      return true;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function signedOut(): ApiError {
    forget();
    options.onSignedOut?.();
    return new ApiError(401, "unauthorized", "Your session has ended. Sign in again.");
  }

  /** An authorised call: on 401 it refreshes once and retries, and after a second refusal it signs out. */
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response = await send(method, path, body, accessToken);
    if (response.status === 401) {
      if (!(await refresh())) throw signedOut();
      response = await send(method, path, body, accessToken);
      if (response.status === 401) throw signedOut();
    }
    return read<T>(response);
  }

  function account(): string {
    if (accountId === null) throw new ApiError(0, "no_account", "This user belongs to no account.");
    return `/api/v1/accounts/${accountId}`;
  }

  const conversationPath = (conversationId: number) => `${account()}/conversations/${conversationId}`;

  return {
    get accessToken() {
      return accessToken;
    },
    get user() {
      return user;
    },
    get accounts() {
      return accounts;
    },
    get accountId() {
      return accountId;
    },
    /** True when this tab holds a refresh token from an earlier sign-in. */
    get hasStoredSession() {
      return readStored() !== null;
    },
    selectAccount(id: number): void {
      accountId = id;
      const stored = readStored();
      if (stored) storage.setItem(key, JSON.stringify({ ...stored, accountId: id }));
    },

    async login(email: string, password: string): Promise<AuthTokens> {
      const response = await send("POST", "/api/v1/auth/login", { email, password }, null);
      return adopt(await read<AuthTokens>(response));
    },
    /** Signs in again from the stored refresh token (after a reload); false when that is no longer possible. */
    resume: refresh,
    refresh,
    async logout(): Promise<void> {
      const stored = readStored();
      forget();
      if (stored) await send("POST", "/api/v1/auth/logout", { refreshToken: stored.refreshToken }, null).catch(() => undefined);
    },

    listConversations(query: ConversationQuery = {}): Promise<ConversationListResponse> {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(name, String(value));
      const search = params.toString();
      return call("GET", `${account()}/conversations${search ? `?${search}` : ""}`);
    },
    getConversation(conversationId: number): Promise<ConversationDetail> {
      return call("GET", conversationPath(conversationId));
    },
    reply(conversationId: number, content: string, isPrivate: boolean, attachmentId?: string): Promise<{ message: Message }> {
      return call("POST", `${conversationPath(conversationId)}/messages`, { content, private: isPrivate, ...(attachmentId ? { attachmentId } : {}) });
    },
    /** Uploads a file to send with the next reply or note (its `id` is the reply's `attachmentId`). */
    uploadAttachment(file: Blob, name: string): Promise<{ attachment: Attachment }> {
      return call("POST", `${account()}/attachments?name=${encodeURIComponent(name)}`, file);
    },
    assign(conversationId: number, target: { assigneeId?: number | null; teamId?: number | null }): Promise<{ conversation: Conversation }> {
      return call("POST", `${conversationPath(conversationId)}/assign`, target);
    },
    setStatus(conversationId: number, status: ConversationStatus, snoozedUntil?: string): Promise<{ conversation: Conversation }> {
      return call("POST", `${conversationPath(conversationId)}/status`, snoozedUntil ? { status, snoozedUntil } : { status });
    },
    setPriority(conversationId: number, priority: Priority): Promise<{ conversation: Conversation }> {
      return call("POST", `${conversationPath(conversationId)}/priority`, { priority });
    },
    markRead(conversationId: number): Promise<void> {
      return call("POST", `${conversationPath(conversationId)}/read`);
    },

    listDrafts(conversationId: number): Promise<{ drafts: AIDraft[] }> {
      return call("GET", `${conversationPath(conversationId)}/drafts`);
    },
    acceptDraft(draftId: number): Promise<{ draft: AIDraft; message: Message }> {
      return call("POST", `${account()}/drafts/${draftId}/accept`);
    },
    sendEditedDraft(draftId: number, content: string): Promise<{ draft: AIDraft; message: Message }> {
      return call("POST", `${account()}/drafts/${draftId}/send`, { content });
    },
    rejectDraft(draftId: number): Promise<{ draft: AIDraft }> {
      return call("POST", `${account()}/drafts/${draftId}/reject`);
    },

    listAgents(): Promise<{ agents: Agent[]; teams: TeamAvailability[] }> {
      return call("GET", `${account()}/agents`);
    },
    setAvailability(availability: Availability): Promise<{ agent: Agent }> {
      return call("PUT", `${account()}/agents/me/availability`, { availability });
    },
    listTeams(): Promise<{ teams: Team[] }> {
      return call("GET", `${account()}/teams`);
    },
    listCannedResponses(): Promise<{ cannedResponses: CannedResponse[] }> {
      return call("GET", `${account()}/canned-responses`);
    },

    listInboxes(): Promise<{ inboxes: Inbox[] }> {
      return call("GET", `${account()}/inboxes`);
    },
    createInbox(inbox: Pick<InboxCreateRequest, "name"> & Partial<InboxCreateRequest>): Promise<{ inbox: Inbox }> {
      return call("POST", `${account()}/inboxes`, inbox);
    },
    updateInbox(inboxId: number, changes: InboxUpdateRequest): Promise<{ inbox: Inbox }> {
      return call("PATCH", `${account()}/inboxes/${inboxId}`, changes);
    },
    getInboxSnippet(inboxId: number): Promise<{ snippet: string; websiteToken: string }> {
      return call("GET", `${account()}/inboxes/${inboxId}/snippet`);
    },
    getInboxSecret(inboxId: number): Promise<{ hmacSecret: string }> {
      return call("GET", `${account()}/inboxes/${inboxId}/secret`);
    },

    listArticles(): Promise<{ articles: KnowledgeBaseArticle[] }> {
      return call("GET", `${account()}/articles`);
    },
    createArticle(article: Pick<ArticleCreateRequest, "title" | "body" | "language"> & Partial<ArticleCreateRequest>): Promise<{ article: KnowledgeBaseArticle }> {
      return call("POST", `${account()}/articles`, article);
    },
    updateArticle(articleId: number, changes: ArticleUpdateRequest): Promise<{ article: KnowledgeBaseArticle }> {
      return call("PATCH", `${account()}/articles/${articleId}`, changes);
    },
    deleteArticle(articleId: number): Promise<void> {
      return call("DELETE", `${account()}/articles/${articleId}`);
    },

    /** The account's audit log, newest first; `cursor` is the previous page's `nextCursor`. */
    listAuditLog(query: { cursor?: number | undefined; limit?: number | undefined } = {}): Promise<{ entries: AuditLog[]; nextCursor: number | null }> {
      const params = new URLSearchParams();
      if (query.cursor !== undefined) params.set("cursor", String(query.cursor));
      if (query.limit !== undefined) params.set("limit", String(query.limit));
      const search = params.toString();
      return call("GET", `${account()}/audit-logs${search ? `?${search}` : ""}`);
    },
  };
}

/** The message to show a person for any failure of a call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong. Try again.";
}
