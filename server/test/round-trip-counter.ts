/** A TCP proxy in front of PostgreSQL that counts round trips: every frontend message that makes
 * the server answer and the client wait (Sync, Flush, simple Query) is one trip. */
import { createServer, type Server, type Socket, connect } from "node:net";

export interface RoundTripCounter {
  /** The database URL with host and port replaced by the proxy's. */
  url: string;
  /** Round trips since the proxy started (or since `reset`). */
  count(): number;
  reset(): void;
  close(): Promise<void>;
}

const TRIP_MESSAGES = new Set(["S", "H", "Q"].map((c) => c.charCodeAt(0)));

/** Counts trip-ending messages in the client's byte stream (startup packet first, untyped). */
function frontendParser(onTrip: () => void) {
  let buffered = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (!started) {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        buffered = buffered.subarray(length);
        // SSLRequest / GSSENCRequest precede the real startup packet.
        if (code !== 80877103 && code !== 80877104) started = true;
        continue;
      }
      if (buffered.length < 5) return;
      const length = buffered.readInt32BE(1);
      if (buffered.length < length + 1) return;
      if (TRIP_MESSAGES.has(buffered[0]!)) onTrip();
      buffered = buffered.subarray(length + 1);
    }
  };
}

export async function startRoundTripCounter(databaseUrl: string): Promise<RoundTripCounter> {
  const target = new URL(databaseUrl);
  let trips = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const parse = frontendParser(() => trips++);
    client.on("data", (chunk) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(typeof address === "object" && address ? address.port : 0);
  return {
    url: proxied.toString(),
    count: () => trips,
    reset: () => {
      trips = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
