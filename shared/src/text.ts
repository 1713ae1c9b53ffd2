/** Text that people type (messages, names, titles, attributes): a string without NUL characters,
 * which PostgreSQL text and jsonb cannot hold. Every request schema builds its text fields here. */
import { z } from "zod";

export const text = () => z.string().refine((value) => !value.includes("\u0000"), "must not contain NUL (\\u0000) characters");

/** A link stored for people to click: http or https only (never javascript:, data: or the like). */
export const webUrl = (max: number) =>
  z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).max(max);
