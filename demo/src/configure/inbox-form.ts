/** The configurator's editable copy of an inbox, and its validation by the shared `InboxUpdateRequest` schema. */
import { type AIMode, type Inbox, InboxUpdateRequest, type WidgetLocale, type WidgetPosition } from "@hummdesk/shared";
import { fieldMessage, problemOf, serverIssues } from "./field-messages.ts";

export const WEEKDAYS = [
  { day: "1", name: "Monday" },
  { day: "2", name: "Tuesday" },
  { day: "3", name: "Wednesday" },
  { day: "4", name: "Thursday" },
  { day: "5", name: "Friday" },
  { day: "6", name: "Saturday" },
  { day: "7", name: "Sunday" },
] as const;

export type Weekday = (typeof WEEKDAYS)[number]["day"];

export interface DayHours {
  open: boolean;
  opens: string;
  closes: string;
}

export interface InboxForm {
  name: string;
  color: string;
  position: WidgetPosition;
  locale: WidgetLocale;
  greeting: Record<WidgetLocale, string>;
  aiMode: AIMode;
  requireEmail: boolean;
  enforceIdentity: boolean;
  allowedOrigins: string[];
  /** Off means "always open": the inbox stores `businessHours: null`. */
  hoursEnabled: boolean;
  timezone: string;
  days: Record<Weekday, DayHours>;
  replyTimeMinutes: string;
}

/** Field path ("color", "allowedOrigins.1", "businessHours.days.3") -> what is wrong with it. */
export type FieldErrors = Record<string, string>;

export type FormCheck = { ok: true; request: InboxUpdateRequest } | { ok: false; errors: FieldErrors };

const CLOSED: DayHours = { open: false, opens: "09:00", closes: "17:00" };

export function formFromInbox(inbox: Inbox): InboxForm {
  const hours = inbox.businessHours;
  const days = Object.fromEntries(
    WEEKDAYS.map(({ day }) => {
      const stored = hours?.days[day];
      return [day, stored ? { open: true, opens: stored.open, closes: stored.close } : CLOSED];
    }),
  ) as Record<Weekday, DayHours>;
  return {
    name: inbox.name,
    color: inbox.color,
    position: inbox.position,
    locale: inbox.locale,
    greeting: { fi: inbox.greeting["fi"] ?? "", sv: inbox.greeting["sv"] ?? "", en: inbox.greeting["en"] ?? "" },
    aiMode: inbox.aiMode,
    requireEmail: inbox.requireEmail,
    enforceIdentity: inbox.enforceIdentity,
    allowedOrigins: [...inbox.allowedOrigins],
    hoursEnabled: hours !== null,
    timezone: hours?.timezone ?? "Europe/Helsinki",
    days,
    replyTimeMinutes: String(inbox.replyTimeMinutes),
  };
}

/** Every field of the inbox the form describes, as the API spells it, before validation. */
export function formToRequestBody(form: InboxForm): Record<string, unknown> {
  const greeting: Partial<Record<WidgetLocale, string>> = {};
  for (const locale of ["fi", "sv", "en"] as const) {
    const text = form.greeting[locale].trim();
    if (text) greeting[locale] = text;
  }
  const openDays = Object.fromEntries(
    WEEKDAYS.filter(({ day }) => form.days[day].open).map(({ day }) => [day, { open: form.days[day].opens, close: form.days[day].closes }]),
  );
  const minutes = form.replyTimeMinutes.trim();
  return {
    name: form.name,
    color: form.color.trim(),
    position: form.position,
    locale: form.locale,
    greeting,
    aiMode: form.aiMode,
    requireEmail: form.requireEmail,
    enforceIdentity: form.enforceIdentity,
    allowedOrigins: form.allowedOrigins.map((origin) => origin.trim()).filter((origin) => origin !== ""),
    businessHours: form.hoursEnabled ? { timezone: form.timezone.trim(), days: openDays } : null,
    replyTimeMinutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name !== "";
  } catch {
    return false;
  }
}

/** What the shared schema cannot say: real times, a real time zone, closing after opening. */
function checkHours(form: InboxForm, errors: FieldErrors): void {
  if (!form.hoursEnabled) return;
  if (!isTimeZone(form.timezone.trim())) errors["businessHours.timezone"] = fieldMessage("timezone", { value: form.timezone });
  for (const { day, name } of WEEKDAYS) {
    const hours = form.days[day];
    if (!hours.open) continue;
    if (!TIME.test(hours.opens) || !TIME.test(hours.closes)) errors[`businessHours.days.${day}`] = fieldMessage("timeFormat", { day: name });
    else if (hours.closes <= hours.opens) errors[`businessHours.days.${day}`] = fieldMessage("closesBeforeOpens", { day: name });
  }
}

/**
 * Origins the form still shows index the visible rows, while the body drops empty ones; map
 * the schema's index back to the row the merchant typed it in.
 */
function originRow(form: InboxForm, bodyIndex: number): number {
  let seen = -1;
  for (let row = 0; row < form.allowedOrigins.length; row += 1) {
    if (form.allowedOrigins[row]?.trim() !== "") seen += 1;
    if (seen === bodyIndex) return row;
  }
  return bodyIndex;
}

export function issuePath(form: InboxForm, path: readonly PropertyKey[]): string {
  if (path[0] === "allowedOrigins" && typeof path[1] === "number") return `allowedOrigins.${originRow(form, path[1])}`;
  if (path[0] === "businessHours" && path[1] === "days" && path[2] !== undefined) return `businessHours.days.${String(path[2])}`;
  return path.map(String).join(".");
}

/**
 * Validates the whole form; the request names only the fields that differ from `saved` (all of
 * them without it), so the audit log shows what the merchant changed.
 */
export function checkForm(form: InboxForm, saved?: InboxForm): FormCheck {
  const body = formToRequestBody(form);
  const errors: FieldErrors = {};
  const parsed = InboxUpdateRequest.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issuePath(form, issue.path);
      errors[path] ??= merchantMessage(form, path, issue.code);
    }
  }
  checkHours(form, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (!saved) return { ok: true, request: body as InboxUpdateRequest };
  const before = formToRequestBody(saved);
  const changed = Object.fromEntries(Object.entries(body).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])));
  return { ok: true, request: changed as InboxUpdateRequest };
}

/** The schema's issue as a sentence for the merchant (the schema's own words are for developers). */
function merchantMessage(form: InboxForm, path: string, code: string | undefined): string {
  const day = WEEKDAYS.find(({ day }) => path === `businessHours.days.${day}`)?.name;
  const params: { value?: string; day?: string } = {};
  if (path === "businessHours.timezone") params.value = form.timezone;
  if (day) params.day = day;
  return fieldMessage(problemOf(path, code), params);
}

/** The typical reply time the form holds, when it is one the inbox accepts (else null: not previewed). */
export function validReplyMinutes(form: InboxForm): number | null {
  const minutes = form.replyTimeMinutes.trim();
  if (!/^\d+$/.test(minutes)) return null;
  const value = Number(minutes);
  return value >= 1 && value <= 10080 ? value : null;
}

export function isSameForm(a: InboxForm, b: InboxForm): boolean {
  return JSON.stringify(formToRequestBody(a)) === JSON.stringify(formToRequestBody(b));
}

/** Field errors from a 4xx body's `details` (see `serverIssues`); none when it names no field, and the message is shown alone. */
export function errorsFromServer(form: InboxForm, details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of serverIssues(details)) {
    const field = issuePath(form, issue.path);
    errors[field] ??= merchantMessage(form, field, issue.code);
  }
  return errors;
}
