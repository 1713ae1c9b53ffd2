import type { VisitorTokenResponse } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { Browser } from "../test/test-environment.ts";
import { createPersistence } from "./persistence.ts";
import { createTokenKeeper } from "./visitor-token.ts";

const HOUR = 3_600_000;

function keeper(now = Date.now) {
  const issued: (string | undefined)[] = [];
  const persistence = createPersistence(new Browser().openTab("http://x").storage, "site");
  let n = 0;
  const issue = async (previous?: string): Promise<VisitorTokenResponse> => {
    issued.push(previous);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { token: `t${++n}`, visitorId: "v1", expiresAt: new Date(now() + HOUR).toISOString() };
  };
  return { tokens: createTokenKeeper({ issue, persistence, now }), issued, persistence };
}

describe("visitor token", () => {
  it("issues one token for callers asking at the same time, and stores it", async () => {
    const { tokens, issued, persistence } = keeper();
    expect(await Promise.all([tokens.ensure(), tokens.ensure()])).toEqual(["t1", "t1"]);
    expect(issued).toEqual([undefined]);
    expect(persistence.read<VisitorTokenResponse>("token")?.token).toBe("t1");
  });

  it("reuses a stored token that is not about to expire", async () => {
    const { tokens, issued, persistence } = keeper();
    persistence.write("token", { token: "stored", visitorId: "v1", expiresAt: new Date(Date.now() + HOUR).toISOString() });
    const again = createTokenKeeper({ issue: async () => ({ token: "new", visitorId: "v", expiresAt: "" }), persistence, now: Date.now });
    expect(await again.ensure()).toBe("stored");
    expect(issued).toEqual([]);
    expect(tokens.current()).toBeNull();
  });

  it("refreshes a token about to expire, sending the old one", async () => {
    let clock = Date.now();
    const { tokens, issued } = keeper(() => clock);
    await tokens.ensure();
    clock += HOUR - 60_000;
    expect(await tokens.ensure()).toBe("t2");
    expect(issued).toEqual([undefined, "t1"]);
  });

  it("does not refresh twice when another caller already replaced the rejected token", async () => {
    const { tokens, issued } = keeper();
    await tokens.ensure();
    expect(await tokens.refresh("t1")).toBe("t2");
    expect(await tokens.refresh("t1")).toBe("t2");
    expect(issued).toEqual([undefined, "t1"]);
  });
});
