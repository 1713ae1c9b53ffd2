/** The limits every socket lives under: its frame queue and typing rate, and how many sockets one
 * client IP and one visitor may hold open on this node (more close with 1008 and a reason). */
import { CloseCode } from "@hummdesk/shared";
import type { WebSocket } from "ws";
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from "./socket-session.ts";
import { SocketQuota } from "./socket-quota.ts";

export interface RealtimeLimitsConfig {
  maxSocketsPerIp: number;
  maxSocketsPerVisitor: number;
}

export function createRealtimeLimits(config: RealtimeLimitsConfig, session: SocketLimits = DEFAULT_SOCKET_LIMITS) {
  const perIp = new SocketQuota(config.maxSocketsPerIp);
  const perVisitor = new SocketQuota(config.maxSocketsPerVisitor);
  const hold = (quota: SocketQuota, socket: WebSocket, key: string, refused: string): boolean => {
    if (quota.acquire(key)) return true;
    socket.close(CloseCode.policy, refused);
    return false;
  };
  // A slot is given back by the socket session's close handler (one listener per socket, not one
  // per slot).
  return {
    session,
    /** Takes one of the IP's socket slots; false (and the socket closed) when full. */
    holdIp: (socket: WebSocket, ip: string) => hold(perIp, socket, ip, `more than ${perIp.limit} sockets from this address`),
    releaseIp: (ip: string) => perIp.release(ip),
    holdVisitor: (socket: WebSocket, visitor: string) => hold(perVisitor, socket, visitor, `more than ${perVisitor.limit} sockets for this visitor: close a tab`),
    releaseVisitor: (visitor: string) => perVisitor.release(visitor),
  };
}

export type RealtimeLimits = ReturnType<typeof createRealtimeLimits>;
