/** The visitor socket over plain HTTP where websockets are blocked: server frames arrive on a
 * streamed GET (server-sent events, read with fetch), the widget's frames go out as text/plain
 * POSTs naming the stream. The same frames, auth first and resume after the last message held, as
 * on the websocket (server/src/realtime/stream-socket.ts). */
import type { FetchLike } from "./api-client.ts";
import type { SocketLike } from "./visitor-socket.ts";

/** `wss://host/widget/v1/ws` -> `https://host/widget/v1/stream`. */
export const streamUrl = (socketUrl: string) => socketUrl.replace(/^ws/, "http").replace(/ws$/, "stream");

export function openStream(socketUrl: string, request: FetchLike): SocketLike {
  const url = streamUrl(socketUrl);
  const abort = new AbortController();
  let id = "";
  let code = 1006;
  const socket: SocketLike & { readyState: number } = {
    readyState: 0,
    onopen: null,
    onmessage: null,
    onclose: null,
    send: (data) => void request(url, { method: "POST", body: `${id}\n${data}` }).then((r) => r.ok || abort.abort(), () => abort.abort()),
    close: () => abort.abort(),
  };
  request(url, { signal: abort.signal })
    .then(async (response) => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += read.value;
        const blocks = buffer.split("\n\n");
        buffer = blocks.pop()!;
        for (const block of blocks) {
          if (!block.startsWith("data: ")) continue;
          const data = block.slice(6);
          const event = JSON.parse(data);
          if (event.stream) {
            id = event.stream;
            socket.readyState = 1;
            socket.onopen?.(0);
          } else if (event.close) code = event.close;
          else socket.onmessage?.({ data });
        }
      }
    })
    .catch(() => {})
    .finally(() => {
      socket.readyState = 3;
      socket.onclose?.({ code });
    });
  return socket;
}
