/** Lets an upgraded socket forget its HTTP upgrade: @fastify/websocket leaves the request (headers,
 * the fastify Request and Reply) reachable from the socket for its whole life, through its error
 * listener and the ServerResponse still attached to the TCP socket. An idle socket keeps only what
 * the route copied out of the request. */
import type { FastifyRequest } from "fastify";
import type { WebSocket } from "ws";

const onSocketError = () => {
  // A client vanishing mid-frame: the socket closes and the gateway forgets it; nothing to log.
};

export function releaseUpgradeRequest(socket: WebSocket, request: FastifyRequest): void {
  socket.removeAllListeners("error");
  socket.on("error", onSocketError);
  const raw = request.raw;
  const tcp = raw.socket as (typeof raw.socket & { _httpMessage?: { detachSocket(socket: unknown): void } | null }) | null;
  tcp?._httpMessage?.detachSocket(tcp);
  // The plugin's own references from the request to the socket and the upgrade head.
  for (const key of Object.getOwnPropertySymbols(raw)) {
    if (key.description === "ws-socket" || key.description === "ws-head") delete (raw as unknown as Record<symbol, unknown>)[key];
  }
}
