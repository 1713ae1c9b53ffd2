import { AVAILABILITIES, CONVERSATION_STATUSES, PRIORITIES } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { AVAILABILITY_ORDER, PRIORITY_ORDER, STATUSES } from "./labels.ts";

describe("desk value lists", () => {
  it("match the shared enums, in the same order", () => {
    expect(STATUSES).toEqual([...CONVERSATION_STATUSES]);
    expect(PRIORITY_ORDER).toEqual([...PRIORITIES]);
    expect(AVAILABILITY_ORDER).toEqual([...AVAILABILITIES]);
  });
});
