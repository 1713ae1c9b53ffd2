import type { Inbox } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { checkForm, errorsFromServer, formFromInbox, formToRequestBody, type InboxForm, isSameForm } from "./inbox-form.ts";

const inbox: Inbox = {
  id: 1,
  accountId: 1,
  name: "K-Rauta verkkokauppa",
  channel: "web_widget",
  websiteToken: "krauta-storefront-demo",
  websiteUrl: "https://www.k-rauta.fi",
  allowedOrigins: ["https://www.k-rauta.fi"],
  color: "#e30613",
  position: "right",
  locale: "fi",
  greeting: { fi: "Hei! Miten voimme auttaa?", en: "Hi! How can we help?" },
  aiMode: "suggest",
  requireEmail: false,
  enforceIdentity: false,
  businessHours: { timezone: "Europe/Helsinki", days: { "1": { open: "08:00", close: "20:00" } } },
  replyTimeMinutes: 5,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
};

const form = (changes: Partial<InboxForm> = {}): InboxForm => ({ ...formFromInbox(inbox), ...changes });

describe("inbox form", () => {
  it("turns the inbox into a form and back without changing it", () => {
    const body = formToRequestBody(form());
    expect(body).toMatchObject({
      color: "#e30613",
      greeting: { fi: "Hei! Miten voimme auttaa?", en: "Hi! How can we help?" },
      businessHours: { timezone: "Europe/Helsinki", days: { "1": { open: "08:00", close: "20:00" } } },
      replyTimeMinutes: 5,
    });
    expect(checkForm(form())).toEqual({ ok: true, request: body });
  });

  it.each([
    [{ color: "red" }, "color", "a colour is #rrggbb, e.g. #e30613"],
    [{ color: "#e3061" }, "color", "a colour is #rrggbb, e.g. #e30613"],
    [{ allowedOrigins: ["https://www.k-rauta.fi", "", "www.k-rauta.fi"] }, "allowedOrigins.2", "an origin is scheme://host[:port], e.g. https://shop.example.fi"],
    [{ allowedOrigins: ["https://k-rauta.fi/kauppa"] }, "allowedOrigins.0", "an origin is scheme://host[:port], e.g. https://shop.example.fi"],
    [{ name: "  " }, "name", undefined],
    [{ replyTimeMinutes: "0" }, "replyTimeMinutes", undefined],
    [{ replyTimeMinutes: "soon" }, "replyTimeMinutes", undefined],
    [{ timezone: "Mars/Olympus" }, "businessHours.timezone", '"Mars/Olympus" is not a time zone; use a name like Europe/Helsinki'],
  ] as const)("rejects %j at %s", (changes, field, message) => {
    const result = checkForm(form(changes as Partial<InboxForm>));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([field]);
    if (message) expect(result.errors[field]).toBe(message);
  });

  it("rejects a day that closes before it opens", () => {
    const days = { ...form().days, "3": { open: true, opens: "18:00", closes: "09:00" } };
    const result = checkForm(form({ days }));
    expect(result).toEqual({ ok: false, errors: { "businessHours.days.3": "Wednesday: closing time must be after opening time" } });
  });

  it("stores no hours when the inbox is always open, and leaves empty greetings out", () => {
    const body = formToRequestBody(form({ hoursEnabled: false, greeting: { fi: "Moi", sv: " ", en: "" } }));
    expect(body["businessHours"]).toBeNull();
    expect(body["greeting"]).toEqual({ fi: "Moi" });
  });

  it("asks to change only the fields that differ from the saved inbox", () => {
    const days = { ...form().days, "2": { open: true, opens: "08:00", closes: "16:00" } };
    const result = checkForm(form({ color: "#00aa55", days, allowedOrigins: ["https://www.k-rauta.fi", ""] }), form());
    expect(result).toEqual({
      ok: true,
      request: {
        color: "#00aa55",
        businessHours: { timezone: "Europe/Helsinki", days: { "1": { open: "08:00", close: "20:00" }, "2": { open: "08:00", close: "16:00" } } },
      },
    });
  });

  it("notices only changes that alter the request", () => {
    expect(isSameForm(form(), form({ allowedOrigins: ["https://www.k-rauta.fi", ""] }))).toBe(true);
    expect(isSameForm(form(), form({ color: "#000000" }))).toBe(false);
  });

  it("reads field errors from the server's details in the shapes zod produces", () => {
    const withBlankRow = form({ allowedOrigins: ["", "ftp://x"] });
    expect(errorsFromServer(withBlankRow, [{ path: ["allowedOrigins", 0], message: "bad origin" }])).toEqual({ "allowedOrigins.1": "bad origin" });
    expect(errorsFromServer(form(), { issues: [{ path: ["color"], message: "bad colour" }] })).toEqual({ color: "bad colour" });
    expect(errorsFromServer(form(), { formErrors: [], fieldErrors: { color: ["bad colour"] } })).toEqual({ color: "bad colour" });
    expect(errorsFromServer(form(), "nothing useful")).toEqual({});
  });
});
