import { describe, expect, it } from "vitest";
import type { AccountMembership } from "../api-client.ts";
import { chooseAccount, rememberedAccountKey } from "./account-choice.ts";

const krauta: AccountMembership = { id: 1, name: "K-Rauta", subdomain: "k-rauta", role: "supervisor" };
const garden: AccountMembership = { id: 2, name: "Trädgårdsboden", subdomain: "tradgardsboden", role: "administrator" };
const both = [krauta, garden];

describe("chooseAccount", () => {
  it.each([
    ["the address wins over the remembered account", { routed: "tradgardsboden", remembered: "k-rauta" }, garden],
    ["the remembered account when the address names none", { routed: null, remembered: "tradgardsboden" }, garden],
    ["the first account when nothing is named", { routed: null, remembered: null }, krauta],
    ["the first account when the remembered one is no longer the agent's", { routed: null, remembered: "gone-shop" }, krauta],
  ])("%s", (_case, wanted, expected) => {
    expect(chooseAccount(both, wanted)).toEqual({ account: expected, refused: null });
  });

  it("refuses an address naming an account the agent left, and falls back to the remembered one, then the first", () => {
    expect(chooseAccount(both, { routed: "gone-shop", remembered: "tradgardsboden" })).toEqual({ account: garden, refused: "gone-shop" });
    expect(chooseAccount([krauta], { routed: "tradgardsboden", remembered: "tradgardsboden" })).toEqual({ account: krauta, refused: "tradgardsboden" });
  });

  it("has nothing to open for a user in no account", () => {
    expect(chooseAccount([], { routed: null, remembered: "k-rauta" })).toEqual({ account: null, refused: null });
  });

  it("remembers per user", () => {
    expect(rememberedAccountKey(5)).not.toBe(rememberedAccountKey(6));
  });
});
