import { expect, it } from "vitest";
import { newClientMessageId } from "./client-message-id.ts";

// The server accepts 8 to 64 characters of [A-Za-z0-9_-] (SendMessageRequest in shared/src/widget-api.ts).
const ACCEPTED = /^[A-Za-z0-9_-]{8,64}$/;

it("uses randomUUID where the page has it", () => {
  expect(newClientMessageId()).toMatch(ACCEPTED);
});

it("falls back to getRandomValues on pages without randomUUID (plain http)", () => {
  const id = newClientMessageId({ getRandomValues: (bytes) => crypto.getRandomValues(bytes) });
  expect(id).toMatch(ACCEPTED);
  expect(id).toHaveLength(32);
});
