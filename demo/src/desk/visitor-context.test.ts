/** The visitor-context helpers: user agents, clocks, locales and attribute values as an agent reads them. */
import { describe, expect, it } from "vitest";
import { safeHref } from "../linkify.ts";
import { attributeText, describeLocale, describeUserAgent, ratingStars, visitorLocalTime } from "./visitor-context.ts";

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      "Chrome 126 on Windows",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68",
      "Edge 126 on Windows",
    ],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox 127 on macOS"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari 17.5 on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      "Safari 17.4 on iOS 17.4",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/125.0.6422.80 Mobile/15E148 Safari/604.1",
      "Chrome 125 on iOS 17.4",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
      "Samsung Internet 25 on Android 14",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Headless Chrome 131 on Linux"],
    ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome 126 on ChromeOS"],
    ["Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) OPR/95.0.0.0 Chrome/109.0 Safari/537.36", "Opera 95 on Windows 7"],
    ["SomeBot/1.0 (Linux)", "A browser on Linux"],
    ["curl/8.5.0", null],
    ["", null],
  ])("%s -> %s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });
});

describe("visitorLocalTime", () => {
  // 12:05 UTC on a Tuesday; Helsinki is on winter time (UTC+2) then, and summer time (UTC+3) in July.
  const winter = Date.parse("2025-03-04T12:05:00.000Z");
  const summer = Date.parse("2025-07-01T12:05:00.000Z");

  it("reads the visitor's clock in their time zone, whatever the agent's zone", () => {
    expect(visitorLocalTime({ timezone: "Europe/Helsinki" }, winter, "en-GB")).toEqual({ time: "Tue 14:05", zone: "Europe/Helsinki, UTC+2" });
    expect(visitorLocalTime({ timezone: "Europe/Helsinki" }, summer, "en-GB")).toEqual({ time: "Tue 15:05", zone: "Europe/Helsinki, UTC+3" });
    expect(visitorLocalTime({ timezone: "Asia/Kolkata" }, winter, "en-GB")).toEqual({ time: "Tue 17:35", zone: "Asia/Kolkata, UTC+5:30" });
    expect(visitorLocalTime({ timezone: "UTC" }, winter, "en-GB")?.zone).toBe("UTC, UTC+0");
  });

  it("falls back to the offset of the local time they sent when the zone is missing or unknown", () => {
    expect(visitorLocalTime({ localTime: "2025-03-04T07:00:00-05:00" }, winter, "en-GB")).toEqual({ time: "Tue 07:05", zone: "UTC-05:00" });
    expect(visitorLocalTime({ timezone: "Mars/Olympus", localTime: "2025-03-04T17:30:00+05:30" }, winter, "en-GB")).toEqual({
      time: "Tue 17:35",
      zone: "UTC+05:30",
    });
    expect(visitorLocalTime({ localTime: "2025-03-04T12:00:00Z" }, winter, "en-GB")).toEqual({ time: "Tue 12:05", zone: "UTC+00:00" });
  });

  it("is null when nothing tells the visitor's time", () => {
    expect(visitorLocalTime({}, winter)).toBeNull();
    expect(visitorLocalTime({ localTime: "yesterday" }, winter)).toBeNull();
    expect(visitorLocalTime({ localTime: "2025-03-04T12:00:00+23:00" }, winter)).toBeNull();
  });
});

describe("describeLocale", () => {
  it.each([
    ["fi-FI", "Finnish (Finland)"],
    ["sv", "Swedish"],
    ["xx", "xx"],
    ["not a tag", "not a tag"],
    [undefined, null],
  ])("%s -> %s", (tag, expected) => {
    expect(describeLocale(tag)).toBe(expected);
  });
});

describe("attributeText and ratingStars", () => {
  it("shows every attribute value as one line", () => {
    expect(attributeText("Gold")).toBe("Gold");
    expect(attributeText(42)).toBe("42");
    expect(attributeText(false)).toBe("false");
    expect(attributeText(null)).toBe("—");
    expect(attributeText({ plan: "pro" })).toBe('{"plan":"pro"}');
    expect(attributeText({ long: "x".repeat(300) })).toHaveLength(200);
  });

  it("draws the score as five stars", () => {
    expect(ratingStars(4)).toBe("★★★★☆");
    expect(ratingStars(1)).toBe("★☆☆☆☆");
    expect(ratingStars(9)).toBe("★★★★★");
  });
});

describe("safeHref (page links in the details pane)", () => {
  it.each([
    ["https://www.k-rauta.fi/porakoneet?sivu=2", "https://www.k-rauta.fi/porakoneet?sivu=2"],
    ["http://127.0.0.1:3000/", "http://127.0.0.1:3000/"],
    ["javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["/relative/path", null],
  ])("%s -> %s", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});
