/** The handshake both sockets share: the first frame must authenticate within a few seconds;
 * every frame is validated against the shared schema; bad frames close with 1008 and a reason. */
import { ClientFrame, CloseCode } from "@hummdesk/shared";
import type { WebSocket } from "ws";
import { HttpError } from "../http/http-error.ts";

export const AUTH_TIMEOUT_MS = 10_000;

export type AuthFrame = Extract<ClientFrame, { type: "auth" }>;
export type SessionFrame = Exclude<ClientFrame, { type: "auth" }>;

export class CloseError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Runs a socket: `authenticate` gets the first frame; `onFrame` every later one. */
export function runSocketSession(
  socket: WebSocket,
  handlers: { authenticate(frame: AuthFrame): Promise<void>; onFrame(frame: SessionFrame): Promise<void>; onError(error: unknown): void },
) {
  let state: "auth" | "authenticating" | "ready" = "auth";
  let queue = Promise.resolve();
  const timer = setTimeout(() => socket.close(CloseCode.policy, "expected an auth frame first"), AUTH_TIMEOUT_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));

  const fail = (error: unknown) => {
    if (error instanceof CloseError) socket.close(error.code, error.message.slice(0, 120));
    else if (error instanceof HttpError && error.statusCode < 500) socket.close(CloseCode.policy, error.message.slice(0, 120));
    else {
      handlers.onError(error);
      socket.close(1011, "server error");
    }
  };

  socket.on("message", (raw, isBinary) => {
    let frame: ClientFrame;
    try {
      if (isBinary) throw new Error("binary");
      const parsed = ClientFrame.safeParse(JSON.parse(raw.toString()));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid frame");
      frame = parsed.data;
    } catch {
      socket.close(CloseCode.policy, "invalid frame: send JSON {type, ...} as documented");
      return;
    }
    if (state === "auth") {
      if (frame.type !== "auth") {
        socket.close(CloseCode.policy, "expected an auth frame first");
        return;
      }
      state = "authenticating";
      clearTimeout(timer);
      queue = handlers.authenticate(frame).then(() => {
        state = "ready";
      }, fail);
      return;
    }
    if (frame.type === "auth") {
      queue = queue.then(() => socket.close(CloseCode.policy, "already authenticated"));
      return;
    }
    // Frames are handled in order, after authentication has finished.
    queue = queue.then(() => (state === "ready" ? handlers.onFrame(frame as SessionFrame) : undefined)).catch(fail);
  });
}
