import { MAX_MESSAGE_LENGTH as SERVER_LIMIT } from "@hummdesk/shared";
import { expect, it } from "vitest";
import { MAX_MESSAGE_LENGTH } from "./limits.ts";

it("limits messages exactly as the server does", () => {
  expect(MAX_MESSAGE_LENGTH).toBe(SERVER_LIMIT);
});
