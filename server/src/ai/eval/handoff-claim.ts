/** Whether a message tells the visitor that a person takes over ("I'll pass this on"): a claim,
 * not an offer ("I can pass you to…" is an offer and does not count). fi, sv and en. */
const CLAIMS: RegExp[] = [
  // fi: first person present tense is the claim; "voin välittää" (I can forward) is the offer.
  /\b(välitän|siirrän|ohjaan)\b/i,
  /asiakaspalvelijamme vastaa/i,
  // sv: "jag kopplar dig" / "skickar … vidare" claim; "kan jag koppla dig" offers.
  /\bkopplar\b/i,
  /\bskickar\b[^.!?]*\bvidare\b/i,
  /\bkundtjänst svarar\b/i,
  // en
  /\bi(?:'m| am)\s+passing\b/i,
  /\bi(?:'ll| will)\s+pass\b/i,
  /\b(?:a person|someone from our team|our customer service team) will (?:reply|get back)/i,
  /\bthey'll get back to you\b/i,
];

export function claimsHandoff(text: string): boolean {
  return CLAIMS.some((pattern) => pattern.test(text));
}
