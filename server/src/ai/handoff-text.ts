/** What the visitor is told when the AI steps aside, in the conversation's language. */
import type { Language } from "@hummdesk/shared";

const HANDOFF: Record<"fi" | "sv" | "en", string> = {
  fi: "Siirrän keskustelun asiakaspalvelijallemme. Hän vastaa sinulle mahdollisimman pian.",
  sv: "Jag kopplar dig till vår kundtjänst. En medarbetare svarar dig så snart som möjligt.",
  en: "I'm passing this to our customer service team. A person will reply to you as soon as possible.",
};

const FAILED: Record<"fi" | "sv" | "en", string> = {
  fi: "Automaattinen vastaus ei nyt onnistunut. Asiakaspalvelijamme vastaa sinulle pian.",
  sv: "Det automatiska svaret misslyckades. Vår kundtjänst svarar dig snart.",
  en: "The automatic answer did not work this time. Our customer service team will reply to you soon.",
};

const pick = (table: Record<"fi" | "sv" | "en", string>, language: Language | null, fallback: "fi" | "sv" | "en") =>
  table[language === "fi" || language === "sv" || language === "en" ? language : fallback];

export const handoffText = (language: Language | null, fallback: "fi" | "sv" | "en") => pick(HANDOFF, language, fallback);
export const failedText = (language: Language | null, fallback: "fi" | "sv" | "en") => pick(FAILED, language, fallback);
