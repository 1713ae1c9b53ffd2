import type { Inbox } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { fieldMessage, pageLocale } from "./field-messages.ts";
import { checkForm, errorsFromServer, formFromInbox, formToRequestBody, type InboxForm, isSameForm, validReplyMinutes } from "./inbox-form.ts";

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
    [{ color: "red" }, "color", "Write the colour as # and 3 or 6 hexadecimal digits, for example #e30613 or #fff."],
    [{ color: "#e3061" }, "color", "Write the colour as # and 3 or 6 hexadecimal digits, for example #e30613 or #fff."],
    [{ allowedOrigins: ["https://www.k-rauta.fi", "", "www.k-rauta.fi"] }, "allowedOrigins.2", "Write the site address as https:// and the domain only, for example https://shop.example.fi (no path)."],
    [{ allowedOrigins: ["https://k-rauta.fi/kauppa"] }, "allowedOrigins.0", "Write the site address as https:// and the domain only, for example https://shop.example.fi (no path)."],
    [{ name: "  " }, "name", "Give the inbox a name; visitors see it in the chat header."],
    [{ name: "x".repeat(101) }, "name", "Keep the inbox name to 100 characters or fewer."],
    [{ replyTimeMinutes: "0" }, "replyTimeMinutes", "Give the typical reply time in whole minutes, from 1 to 10080 (one week)."],
    [{ replyTimeMinutes: "-5" }, "replyTimeMinutes", "Give the typical reply time in whole minutes, from 1 to 10080 (one week)."],
    [{ replyTimeMinutes: "soon" }, "replyTimeMinutes", "Give the typical reply time in whole minutes, from 1 to 10080 (one week)."],
    [{ timezone: "Mars/Olympus" }, "businessHours.timezone", '"Mars/Olympus" is not a time zone; use a name like Europe/Helsinki.'],
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
    expect(result).toEqual({ ok: false, errors: { "businessHours.days.3": "Wednesday: the closing time must be after the opening time." } });
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
    const origin = "Write the site address as https:// and the domain only, for example https://shop.example.fi (no path).";
    const colour = "Write the colour as # and 3 or 6 hexadecimal digits, for example #e30613 or #fff.";
    expect(errorsFromServer(withBlankRow, [{ path: ["allowedOrigins", 0], message: "bad origin" }])).toEqual({ "allowedOrigins.1": origin });
    expect(errorsFromServer(form(), { issues: [{ path: ["color"], message: "bad colour" }] })).toEqual({ color: colour });
    expect(errorsFromServer(form(), { formErrors: [], fieldErrors: { color: ["bad colour"] } })).toEqual({ color: colour });
    expect(errorsFromServer(form(), "nothing useful")).toEqual({});
  });

  it("accepts a short #rgb colour, as the README promises", () => {
    expect(checkForm(form({ color: "#fff" }))).toMatchObject({ ok: true, request: { color: "#fff" } });
  });

  it("previews only a reply time the inbox accepts", () => {
    expect(validReplyMinutes(form({ replyTimeMinutes: "-5" }))).toBeNull();
    expect(validReplyMinutes(form({ replyTimeMinutes: "0" }))).toBeNull();
    expect(validReplyMinutes(form({ replyTimeMinutes: "15" }))).toBe(15);
  });

  it("says what is wrong in the page's language", () => {
    expect(fieldMessage("replyTime", {}, "fi")).toBe("Anna tyypillinen vastausaika kokonaisina minuutteina väliltä 1–10080 (viikko).");
    expect(fieldMessage("color", {}, pageLocale("sv-SE"))).toContain("hexadecimala");
    expect(pageLocale("de")).toBe("en");
  });
});
