/** What the widget told us about the visitor, made readable for an agent: browser and OS from the
 * user agent, the visitor's own clock, the language of their browser, custom attribute values. */
import type { VisitorContext } from "@hummdesk/shared";

/** First match wins, so the browsers built on Chrome or Safari come before Chrome and Safari. */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/\b(?:OPR|Opera)\/(\d+)/, "Opera"],
  [/\bSamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
  [/\bHeadlessChrome\/(\d+)/, "Headless Chrome"],
  [/\b(?:Chrome|CriOS|Chromium)\/(\d+)/, "Chrome"],
  [/\bVersion\/(\d+(?:\.\d+)?).*\bSafari\//, "Safari"],
];

/** iOS and Android before macOS and Linux: their user agents also say "like Mac OS X" and "Linux". */
const SYSTEMS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/\biPhone OS (\d+)[_.](\d+)/, (m) => `iOS ${m[1]}.${m[2]}`],
  [/\biPad.*\bCPU OS (\d+)[_.](\d+)/, (m) => `iPadOS ${m[1]}.${m[2]}`],
  [/\bAndroid (\d+(?:\.\d+)?)/, (m) => `Android ${m[1]}`],
  [/\bWindows NT 6\.1\b/, () => "Windows 7"],
  [/\bWindows NT 6\.[23]\b/, () => "Windows 8"],
  // Windows 11 still says "NT 10.0", so the two cannot be told apart.
  [/\bWindows\b/, () => "Windows"],
  [/\bCrOS\b/, () => "ChromeOS"],
  [/\bMac OS X\b/, () => "macOS"],
  [/\bLinux\b/, () => "Linux"],
];

/** "Chrome 126 on Windows", "Safari 17.4 on iOS 17.4"; null when the user agent names neither. */
export function describeUserAgent(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  let browser: string | null = null;
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  let system: string | null = null;
  for (const [pattern, name] of SYSTEMS) {
    const match = pattern.exec(userAgent);
    if (match) {
      system = name(match);
      break;
    }
  }
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `A browser on ${system}`;
  return null;
}

export interface VisitorClock {
  /** "Tue 14:05" in the agent's locale. */
  time: string;
  /** "Europe/Helsinki, UTC+3", or "UTC+03:00" when only the offset is known. */
  zone: string;
}

/** The offset at the end of an ISO time ("+03:00", "-05:30", "Z") in minutes east of UTC. */
function offsetMinutes(isoTime: string | undefined): number | null {
  if (!isoTime) return null;
  if (/Z$/i.test(isoTime)) return 0;
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(isoTime);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 14 * 60) return null;
  return match[1] === "-" ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** What the visitor's clock shows at `now`: from their time zone when it is a real one, else from
 * the offset of the local time they sent (which does not follow a daylight-saving change since). */
export function visitorLocalTime(context: Pick<VisitorContext, "timezone" | "localTime">, now: number, locale?: string): VisitorClock | null {
  const options: Intl.DateTimeFormatOptions = { weekday: "short", hour: "2-digit", minute: "2-digit" };
  if (context.timezone) {
    try {
      const time = new Intl.DateTimeFormat(locale, { ...options, timeZone: context.timezone }).format(now);
      const offset = new Intl.DateTimeFormat("en-US", { timeZone: context.timezone, timeZoneName: "shortOffset" })
        .formatToParts(now)
        .find((part) => part.type === "timeZoneName")
        ?.value.replace(/^GMT/, "UTC");
      return { time, zone: offset ? `${context.timezone}, ${offset === "UTC" ? "UTC+0" : offset}` : context.timezone };
    } catch {
      // Not a zone this browser knows (or made up): fall back to the offset.
    }
  }
  const offset = offsetMinutes(context.localTime);
  if (offset === null) return null;
  const time = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(now + offset * 60_000);
  return { time, zone: formatOffset(offset) };
}

/** "Finnish (Finland)" for "fi-FI"; the tag itself when it is not one Intl can name. */
export function describeLocale(tag: string | undefined): string | null {
  if (!tag) return null;
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}

/** A custom attribute's value as one line of text (merchants may send numbers, flags or objects). */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

/** "★★★★☆" for 4: the score as stars, for eyes (screen readers get "Rated 4/5"). */
export function ratingStars(score: number): string {
  const whole = Math.min(Math.max(Math.round(score), 0), 5);
  return "★".repeat(whole) + "☆".repeat(5 - whole);
}
