/** Every text the server itself writes into a conversation, in fi, sv and en: picked by the
 * conversation's language, else the inbox's locale. Visitors' words never go into these. */
import type { Language, WidgetLocale } from "@hummdesk/shared";

const TEXTS = {
  /** The activity line when the visitor presses "talk to a person". */
  visitorAskedForPerson: {
    fi: "Asiakas pyysi päästä keskustelemaan asiakaspalvelijan kanssa",
    sv: "Besökaren bad att få prata med en person",
    en: "Visitor asked for a person",
  },
  /** What the visitor is told when the AI steps aside. */
  aiHandoff: {
    fi: "Siirrän keskustelun asiakaspalvelijallemme. Hän vastaa sinulle mahdollisimman pian.",
    sv: "Jag kopplar dig till vår kundtjänst. En medarbetare svarar dig så snart som möjligt.",
    en: "I'm passing this to our customer service team. A person will reply to you as soon as possible.",
  },
  /** After the AI's last attempt failed. */
  aiFailed: {
    fi: "Automaattinen vastaus ei nyt onnistunut. Asiakaspalvelijamme vastaa sinulle pian.",
    sv: "Det automatiska svaret misslyckades. Vår kundtjänst svarar dig snart.",
    en: "The automatic answer did not work this time. Our customer service team will reply to you soon.",
  },
} satisfies Record<string, Record<WidgetLocale, string>>;

export type SystemTextKey = keyof typeof TEXTS;

const isLocale = (value: string | null | undefined): value is WidgetLocale => value === "fi" || value === "sv" || value === "en";

/** The text in the conversation's language when it is one of ours, else in the inbox's locale. */
export function systemText(key: SystemTextKey, language: Language | WidgetLocale | null, fallback: WidgetLocale = "en"): string {
  return TEXTS[key][isLocale(language) ? language : fallback];
}
