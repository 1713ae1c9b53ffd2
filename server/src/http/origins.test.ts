import { expect, test } from "vitest";
import { isOriginAllowed } from "./origins.ts";

test.each([
  [[], "https://evil.example", true],
  [["https://shop.example"], "https://shop.example", true],
  [["https://shop.example"], "https://SHOP.example/", true],
  [["https://shop.example"], "http://shop.example", false],
  [["https://shop.example"], "https://shop.example.evil.example", false],
  [["https://shop.example"], undefined, true],
] as const)("allowed %j, origin %s -> %s", (allowed, origin, expected) => {
  expect(isOriginAllowed([...allowed], origin)).toBe(expected);
});
