import { expect, it } from "vitest";
import { TEST_CONFIG } from "../../test/fake-hummdesk-server.ts";
import en from "../locales/en.ts";
import fi from "../locales/fi.ts";
import { statusLine } from "./status-line.ts";

const now = new Date("2026-11-23T20:00:00Z");

it("never says Online while the browser is offline", () => {
  expect(statusLine({ ...TEST_CONFIG, online: true }, false, en, "en", now)).toBe(en.offline);
});

it("promises the SLA policy's first-reply target, falling back to the inbox's reply time", () => {
  expect(statusLine({ ...TEST_CONFIG, online: true, firstReplyTargetMinutes: 240 }, true, en, "en", now)).toBe("Online · Typical reply time: 4 h");
  expect(statusLine({ ...TEST_CONFIG, online: true, firstReplyTargetMinutes: null }, true, en, "en", now)).toBe("Online · Typical reply time: 10 min");
});

it("says when a closed inbox opens next, with the weekday when it is not today", () => {
  const config = { ...TEST_CONFIG, online: false, nextOpenAt: "2026-11-28T07:00:00.000Z" };
  expect(statusLine(config, true, en, "en", now)).toMatch(/^Away · Opens Sat,? \d\d:00/);
  expect(statusLine(config, true, fi, "fi", now)).toMatch(/^Poissa · Avautuu la(\.)? (klo )?\d\d?\.00/);
  expect(statusLine({ ...TEST_CONFIG, online: false, nextOpenAt: null }, true, en, "en", now)).toBe("Away · Typical reply time: 10 min");
});
