/** A separate process holding N idle, authenticated visitor sockets open against a server (so a
 * test can measure the server's heap per socket without the clients' own). Usage:
 * `node --import tsx server/test/idle-sockets.ts <baseUrl> <visitorToken> <count>`; prints
 * "ready" once every socket is authenticated, then idles until killed. */
import { WebSocket } from "ws";

const [baseUrl, token, countText] = process.argv.slice(2);
const count = Number(countText);
const sockets: WebSocket[] = [];
for (let index = 0; index < count; index++) {
  const ws = new WebSocket(`${baseUrl!.replace("http", "ws")}/widget/v1/ws`);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => ws.send(JSON.stringify({ type: "auth", token })));
    ws.once("message", () => resolve());
    ws.once("error", reject);
    ws.once("close", (code) => reject(new Error(`socket ${index} closed with ${code}`)));
  });
  ws.send(JSON.stringify({ type: "resume", after: 0 }));
  sockets.push(ws);
}
process.stdout.write("ready\n");
setInterval(() => {}, 60_000);
