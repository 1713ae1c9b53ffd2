import { expect, it } from "vitest";
import { Browser } from "../test/test-environment.ts";
import { createPersistence } from "./persistence.ts";

it("keeps each inbox's values under its own keys", () => {
  const browser = new Browser();
  const storage = browser.openTab("http://x").storage;
  createPersistence(storage, "shop-a").write("seen", 4);
  createPersistence(storage, "shop-b").write("seen", 9);
  expect(createPersistence(storage, "shop-a").read("seen")).toBe(4);
  expect([...browser.data.keys()]).toEqual(["hummdesk:shop-a:seen", "hummdesk:shop-b:seen"]);
});

it("does not rewrite an unchanged value, so other tabs hear only changes", () => {
  const browser = new Browser();
  const writer = browser.openTab("http://x");
  const other = browser.openTab("http://x");
  const heard: string[] = [];
  other.environment().listen("storage", (event) => heard.push((event as StorageEvent).key ?? ""));
  const persistence = createPersistence(writer.storage, "shop");
  persistence.write("outbox", []);
  persistence.write("outbox", []);
  expect(heard).toEqual(["hummdesk:shop:outbox"]);
});

it("carries on without storage, or with storage that throws", () => {
  const browser = new Browser();
  browser.blocked = true;
  for (const storage of [null, browser.openTab("http://x").storage]) {
    const persistence = createPersistence(storage, "shop");
    expect(() => persistence.write("seen", 1)).not.toThrow();
    expect(persistence.read("seen")).toBeNull();
    expect(() => persistence.remove("seen")).not.toThrow();
  }
});

it("reads garbage as nothing", () => {
  const browser = new Browser();
  browser.data.set("hummdesk:shop:outbox", "{not json");
  expect(createPersistence(browser.openTab("http://x").storage, "shop").read("outbox")).toBeNull();
});
