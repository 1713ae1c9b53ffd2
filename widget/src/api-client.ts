/** The visitor REST API under `/widget/v1`: public config and tokens, and the calls a visitor token authorises. */
import type {
  HandoffResponse,
  IdentifyRequest,
  RatingRequest,
  RatingResponse,
  SendMessageRequest,
  SendMessageResponse,
  SetAttributesRequest,
  UploadAttachmentResponse,
  VisitorHistoryResponse,
  VisitorTokenResponse,
  WidgetConfig,
} from "@hummdesk/shared";

/** An answer outside 2xx, with its status. */
export type HttpError = Error & { status: number };

/** Network failures, server errors, timeouts and rate limits pass; other refusals will not change on retry. */
export function isRetryable(error: unknown): boolean {
  const status = (error as Partial<HttpError> | undefined)?.status;
  return !status || status >= 500 || status === 408 || status === 429 || status === 401;
}

/** Where the token comes from: kept by visitor-token.ts, refreshed when the server says it is no good. */
export interface TokenSource {
  ensure(): Promise<string>;
  refresh(rejected: string): Promise<string>;
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  baseUrl: string;
  websiteToken: string;
  fetch: FetchLike;
  tokens: TokenSource;
}

/** A request the network swallowed fails after this long, so the outbox and the socket can try again. */
const REQUEST_TIMEOUT_MS = 20_000;

export type HistoryQuery = { after?: number } | { conversationId: number };

export function createApiClient({ baseUrl, websiteToken, fetch, tokens }: ApiClientOptions) {
  const root = `${baseUrl.replace(/\/+$/, "")}/widget/v1`;
  const inbox = `${root}/inboxes/${encodeURIComponent(websiteToken)}`;

  async function request<T>(method: string, url: string, body?: object, token?: string): Promise<T> {
    const headers: Record<string, string> = {};
    // A file goes as its own bytes (the server reads its type from them).
    const file = body instanceof Blob;
    if (body !== undefined) headers["content-type"] = file ? "application/octet-stream" : "application/json";
    if (token) headers.authorization = `Bearer ${token}`;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(url, { method, headers, body: file ? body : body && JSON.stringify(body), signal: abort.signal });
      const payload = await response.json().catch(() => null);
      if (!response.ok) {
        // The server's ErrorBody (shared/src/errors.ts) says what was wrong.
        const message = (payload as { error?: { message?: string } } | null)?.error?.message;
        throw Object.assign(new Error(message ?? `HTTP ${response.status}`), { status: response.status });
      }
      return payload as T;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A call as the visitor: on 401 the token is refreshed once and the call repeated. */
  async function asVisitor<T>(method: string, path: string, body?: object): Promise<T> {
    const token = await tokens.ensure();
    try {
      return await request<T>(method, `${root}${path}`, body, token);
    } catch (error) {
      if ((error as Partial<HttpError>).status !== 401) throw error;
      return request<T>(method, `${root}${path}`, body, await tokens.refresh(token));
    }
  }

  return {
    config: () => request<WidgetConfig>("GET", `${inbox}/config`),
    issueToken: (previous?: string) =>
      request<VisitorTokenResponse>("POST", `${inbox}/visitors`, { token: previous }),
    /** Both answer with a new visitor token that carries the profile: later calls must use it. */
    identify: (body: IdentifyRequest) => asVisitor<VisitorTokenResponse>("POST", "/identify", body),
    setAttributes: (body: SetAttributesRequest) => asVisitor<VisitorTokenResponse>("POST", "/attributes", body),
    /** After a message id (what the visitor missed), or one earlier conversation by its id. */
    history: (query: HistoryQuery = {}) =>
      asVisitor<VisitorHistoryResponse>("GET", `/messages?${new URLSearchParams(query as Record<string, string>)}`),
    sendMessage: (body: SendMessageRequest) => asVisitor<SendMessageResponse>("POST", "/messages", body),
    /** Stores a file to send with a message (its id is the message's `attachmentId`). */
    upload: (file: File) => asVisitor<UploadAttachmentResponse>("POST", `/attachments?name=${encodeURIComponent(file.name)}`, file),
    handoff: () => asVisitor<HandoffResponse>("POST", "/handoff", {}),
    rate: (conversationId: number, body: RatingRequest) =>
      asVisitor<RatingResponse>("POST", `/conversations/${conversationId}/rating`, body),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
