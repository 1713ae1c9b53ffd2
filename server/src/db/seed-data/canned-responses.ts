/** Canned responses of the demo tenant K-Rauta (fi, sv, en): what its agents insert with
 * `/shortCode` in the desk. Facts match the knowledge-base articles (30-day returns, 2–4 working
 * days for parcels, store hours). */
export interface SeedCannedResponse {
  shortCode: string;
  content: string;
}

export const KRAUTA_CANNED_RESPONSES: readonly SeedCannedResponse[] = [
  {
    shortCode: "palautus",
    content:
      "Voit palauttaa käyttämättömän tuotteen 30 päivän kuluessa ostopäivästä (K-Plussa-asiakkaana 60 päivää). Ota mukaan kuitti tai tilausvahvistus, niin hyvitämme ostoksen alkuperäiselle maksutavalle.",
  },
  {
    shortCode: "toimitus",
    content: "Pakettitoimitus kestää yleensä 2–4 arkipäivää ja maksaa 9,90 €; yli 100 euron tilaukset toimitamme maksutta.",
  },
  {
    shortCode: "retur",
    content: "Du kan returnera en oanvänd vara inom 30 dagar från köpdagen (60 dagar som K-Plussa-kund). Ta med kvittot eller orderbekräftelsen.",
  },
  {
    shortCode: "thanks",
    content: "Thank you for contacting K-Rauta! Is there anything else I can help you with today?",
  },
];
