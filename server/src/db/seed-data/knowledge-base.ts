/** Knowledge-base articles of the demo tenant K-Rauta (fi, sv, en), plus a small fixture for a
 * second tenant, the Swedish garden shop Trädgårdsboden, whose facts deliberately differ so that
 * isolation tests can tell whose article an answer cited. Bodies are plain-text paragraphs. */
import type { AICategory, Language } from "@hummdesk/shared";

export interface SeedArticle {
  slug: string;
  title: string;
  body: string;
  language: Exclude<Language, "other">;
  category: AICategory | null;
  url: string;
  /** Example visitor questions the article answers (3–5 for K-Rauta), in its language. */
  questions?: string[];
}

const KRAUTA = "https://www.k-rauta.example";
const TRADGARDSBODEN = "https://www.tradgardsboden.example";

/** Joins paragraphs with a blank line between them. */
function paragraphs(...parts: string[]): string {
  return parts.join("\n\n");
}

export const KRAUTA_ARTICLES: SeedArticle[] = [
  // 1. Opening hours (store_info)
  {
    slug: "opening-hours-fi",
    title: "Myymälöiden ja asiakaspalvelun aukioloajat",
    body: paragraphs(
      "K-Rauta-myymälät palvelevat arkisin ma–pe klo 7–21, lauantaisin klo 9–18 ja sunnuntaisin klo 12–18. Osa pienemmistä myymälöistä on auki suppeammin, joten tarkista oman myymäläsi aukioloajat myymälähausta ennen asiointia. Arkipyhinä ja juhlapyhien aattoina noudatamme poikkeusaukioloja, jotka ilmoitamme myymäläsivuilla hyvissä ajoin.",
      "Asiakaspalvelumme palvelee puhelimitse numerossa 010 555 0199 ma–pe klo 8–18. Chatissa olemme paikalla ma–pe klo 8–20 ja lauantaisin klo 10–16. Puhelun hinta määräytyy oman liittymäsi mukaan.",
      "Sähköpostiviesteihin vastaamme kahden arkipäivän kuluessa. Kiireellisissä tilausasioissa kannattaa käyttää chattia tai soittaa, niin saat apua nopeimmin.",
    ),
    language: "fi",
    category: "store_info",
    url: `${KRAUTA}/asiakaspalvelu/aukioloajat`,
    questions: ["Mihin aikaan myymälät ovat auki arkisin?", "Onko K-Rauta auki sunnuntaisin?", "Milloin asiakaspalvelu vastaa puhelimeen?", "Mihin aikaan chat on auki?", "Kuinka nopeasti vastaatte sähköpostiin?"],
  },
  {
    slug: "opening-hours-sv",
    title: "Öppettider för butiker och kundtjänst",
    body: paragraphs(
      "K-Rautas butiker har öppet vardagar måndag–fredag kl. 7–21, lördagar kl. 9–18 och söndagar kl. 12–18. Vissa mindre butiker har kortare öppettider, så kontrollera din egen butiks tider i butikssökningen innan du kommer. Under helgdagar och helgaftnar gäller undantagsöppettider som vi meddelar på butikens sida i god tid.",
      "Kundtjänst nås per telefon på 010 555 0199 måndag–fredag kl. 8–18. I chatten finns vi måndag–fredag kl. 8–20 och lördagar kl. 10–16. Samtalet kostar enligt ditt eget abonnemang.",
      "E-post besvarar vi inom två vardagar. Gäller det en brådskande beställning lönar det sig att chatta eller ringa, då får du hjälp snabbast.",
    ),
    language: "sv",
    category: "store_info",
    url: `${KRAUTA}/sv/kundservice/oppettider`,
    questions: ["Vilka tider har butikerna öppet på vardagar?", "Är K-Rauta öppet på söndagar?", "När kan jag ringa kundtjänst?", "När är chatten öppen?", "Hur snabbt besvarar ni e-post?"],
  },
  {
    slug: "opening-hours-en",
    title: "Store and customer service opening hours",
    body: paragraphs(
      "K-Rauta stores are open Monday to Friday 7:00–21:00, Saturday 9:00–18:00 and Sunday 12:00–18:00. Some smaller stores keep shorter hours, so please check your local store's times in the store finder before you visit. Special opening hours apply on public holidays and the days before them; we post these on each store's page well in advance.",
      "Our customer service team is available by phone on 010 555 0199, Monday to Friday 8:00–18:00. Live chat is open Monday to Friday 8:00–20:00 and Saturday 10:00–16:00. Calls are charged at your operator's standard rate.",
      "We reply to emails within two working days. If your question is about an urgent order, chat or phone is the quickest way to get help.",
    ),
    language: "en",
    category: "store_info",
    url: `${KRAUTA}/en/customer-service/opening-hours`,
    questions: ["What are the store opening hours on weekdays?", "Is K-Rauta open on Sundays?", "When can I phone customer service?", "What hours is the live chat open?", "How quickly do you answer emails?"],
  },

  // 2. Home delivery (delivery)
  {
    slug: "home-delivery-fi",
    title: "Kotiinkuljetus: toimitustavat, hinnat ja seuranta",
    body: paragraphs(
      "Pienet ja keskikokoiset tuotteet toimitamme pakettina kotiovelle tai valitsemaasi noutopisteeseen. Pakettitoimitus kestää yleensä 2–4 arkipäivää ja maksaa 9,90 €. Yli 100 euron tilaukset toimitamme pakettina maksutta.",
      "Isot ja painavat tuotteet, kuten kiukaat, ovet ja lautatavara, kuljetetaan rahtina. Rahtitoimitus maksaa alkaen 59 €, ja tavarat ovat perillä tavallisesti 3–7 arkipäivässä. Kuljetusliike lähettää tekstiviestin, jonka kautta sovitaan toimituspäivä ja neljän tunnin aikaikkuna. Rahti tuodaan pihaan tai maantasokerrokseen, sisälle kantaminen ei sisälly hintaan.",
      "Rakennusmateriaaleille, kuten kipsilevyille, kattopelleille ja puutavarapaketeille, voit tilata nosturiautotoimituksen alkaen 149 €. Kuorma nostetaan suoraan työmaalle, kunhan tie kestää raskaan ajoneuvon ja purkupaikka on vapaana.",
      "Kun tilaus lähtee varastolta, saat seurantalinkin sähköpostiin ja tekstiviestinä. Tilauksen etenemistä voit seurata myös Omat tilaukset -sivulla.",
    ),
    language: "fi",
    category: "delivery",
    url: `${KRAUTA}/asiakaspalvelu/kotiinkuljetus`,
    questions: ["Paljonko pakettitoimitus maksaa?", "Kuinka kauan kotiinkuljetus kestää?", "Miten isot tuotteet kuten ovet toimitetaan?", "Voiko rakennustarvikkeet tilata nosturiautolla?", "Mistä saan toimituksen seurantalinkin?"],
  },
  {
    slug: "home-delivery-sv",
    title: "Hemleverans: leveranssätt, priser och spårning",
    body: paragraphs(
      "Små och medelstora produkter skickar vi som paket, antingen hem till dörren eller till ett utlämningsställe som du väljer. Paketleveransen tar i regel 2–4 vardagar och kostar 9,90 €. Är ordervärdet över 100 € levererar vi paketet gratis.",
      "Stora och tunga varor, till exempel bastuaggregat, dörrar och virke, levereras som frakt. Fraktleverans kostar från 59 € och är normalt framme inom 3–7 vardagar. Speditören skickar ett sms där du bokar leveransdag och ett tidsfönster på fyra timmar. Godset lämnas på gården eller i bottenvåningen – inbärning ingår inte i priset.",
      "För byggmaterial som gipsskivor, takplåt och virkespaket kan du beställa leverans med kranbil från 149 €. Lasset lyfts direkt till byggplatsen, förutsatt att vägen klarar ett tungt fordon och lossningsplatsen är fri.",
      "När beställningen lämnar lagret får du en spårningslänk per e-post och sms. Du kan också följa beställningen under Mina beställningar.",
    ),
    language: "sv",
    category: "delivery",
    url: `${KRAUTA}/sv/kundservice/hemleverans`,
    questions: ["Vad kostar paketleverans?", "Hur lång tid tar hemleveransen?", "Hur levereras stora varor som dörrar och virke?", "Kan jag beställa leverans med kranbil?", "Var hittar jag spårningslänken till min leverans?"],
  },
  {
    slug: "home-delivery-en",
    title: "Home delivery: options, prices and tracking",
    body: paragraphs(
      "Small and medium-sized items are sent as parcels to your door or to a pick-up point of your choice. Parcel delivery usually takes 2–4 working days and costs €9.90. Parcel delivery is free on orders over €100.",
      "Large and heavy goods such as sauna heaters, doors and timber are delivered by freight. Freight delivery starts at €59 and normally arrives within 3–7 working days. The carrier texts you to book a delivery day and a four-hour time slot. Freight is left in your yard or on the ground floor; carrying indoors is not included.",
      "For building materials like plasterboard, roofing sheets and timber packs, you can book a crane truck delivery from €149. The load is lifted straight onto your site, provided the access road can take a heavy vehicle and the unloading area is clear.",
      "When your order leaves the warehouse, we send a tracking link by email and text message. You can also follow it under My orders.",
    ),
    language: "en",
    category: "delivery",
    url: `${KRAUTA}/en/customer-service/home-delivery`,
    questions: ["How much does parcel delivery cost?", "How long does home delivery take?", "How are large items like doors and timber delivered?", "Can I book a crane truck delivery?", "Where do I find the tracking link for my delivery?"],
  },

  // 3. Click and collect (delivery)
  {
    slug: "click-and-collect-fi",
    title: "Nouda myymälästä – näin noudat verkkotilauksesi",
    body: paragraphs(
      "Nouda myymälästä on maksuton toimitustapa. Kun valitset sen kassalla, keräämme tuotteet valitsemassasi K-Rauta-myymälässä, ja tilaus on yleensä noudettavissa kahden tunnin kuluessa. Aukioloaikojen ulkopuolella tai alle kaksi tuntia ennen sulkemista tehdyt tilaukset ovat valmiina seuraavana aamuna.",
      "Saat tekstiviestin ja sähköpostin, kun tilauksesi on noudettavissa. Nouda tilaus 7 päivän kuluessa, muuten se perutaan ja maksu palautetaan.",
      "Ota mukaan tilausnumero ja voimassa oleva henkilöllisyystodistus. Pienet tuotteet saat myymälän noutopisteestä, isot rakennustarvikkeet Drive-in-pihalta, jonne pääset suoraan autolla tai peräkärryn kanssa. Jos joku muu noutaa tilauksen puolestasi, hänellä pitää olla mukanaan tilausnumero ja oma henkilöllisyystodistuksensa.",
    ),
    language: "fi",
    category: "delivery",
    url: `${KRAUTA}/asiakaspalvelu/nouda-myymalasta`,
    questions: ["Maksaako myymälästä nouto jotain?", "Kuinka pian verkkotilaus on noudettavissa?", "Mitä tarvitsen mukaan, kun noudan tilauksen?", "Voiko joku toinen noutaa tilaukseni?", "Mistä isot rakennustarvikkeet noudetaan?"],
  },
  {
    slug: "click-and-collect-sv",
    title: "Hämta i butik – så hämtar du din webbeställning",
    body: paragraphs(
      "Hämta i butik är ett kostnadsfritt leveranssätt. När du väljer det i kassan plockar vi ihop varorna i den K-Rauta-butik du valt, och beställningen är i regel klar att hämta inom två timmar. Beställningar som görs utanför öppettiderna eller mindre än två timmar före stängning är klara följande morgon.",
      "Du får ett sms och ett e-postmeddelande när beställningen är klar att hämta. Hämta den inom 7 dagar, annars annulleras beställningen och betalningen återbetalas.",
      "Ta med ordernumret och en giltig legitimation. Mindre varor hämtar du vid butikens utlämningsdisk, större byggvaror på drive in-gården där du kan köra fram med bil eller släpvagn. Om någon annan hämtar åt dig ska hen ha med sig ordernumret och sin egen legitimation.",
    ),
    language: "sv",
    category: "delivery",
    url: `${KRAUTA}/sv/kundservice/hamta-i-butik`,
    questions: ["Kostar det något att hämta i butik?", "Hur snabbt är webbeställningen klar att hämta?", "Vad ska jag ta med när jag hämtar min beställning?", "Kan någon annan hämta min beställning?", "Var hämtar jag stora byggvaror?"],
  },
  {
    slug: "click-and-collect-en",
    title: "Click and collect – picking up your online order",
    body: paragraphs(
      "Click and collect is free. Choose it at checkout and we'll pick your items at the K-Rauta store you selected; your order is usually ready within two hours. Orders placed outside opening hours, or less than two hours before closing, are ready the following morning.",
      "We'll send you a text message and an email as soon as your order is ready for collection. Please collect it within 7 days, after which the order is cancelled and your payment refunded.",
      "Bring your order number and valid photo ID. Smaller items are handed over at the store's pick-up counter, while large building materials are collected from the drive-in yard, where you can pull up with a car or trailer. If someone else is collecting for you, they need the order number and their own ID.",
    ),
    language: "en",
    category: "delivery",
    url: `${KRAUTA}/en/customer-service/click-and-collect`,
    questions: ["Does click and collect cost anything?", "How soon is my online order ready to collect?", "What do I need to bring to pick up my order?", "Can someone else collect my order for me?", "Where do I pick up large building materials?"],
  },

  // 4. Returns and refunds (returns_refunds)
  {
    slug: "returns-fi",
    title: "Palautukset ja hyvitykset",
    body: paragraphs(
      "Voit palauttaa ostamasi tuotteen 30 päivän kuluessa ostopäivästä. K-Plussa-asiakkaana palautusaikaa on 60 päivää, kun ostos on kirjattu K-Plussa-kortillesi. Tuotteen on oltava käyttämätön ja mieluiten alkuperäisessä pakkauksessaan. Ota mukaan kuitti tai tilausvahvistus.",
      "Verkkotilauksen voit palauttaa maksutta mihin tahansa K-Rauta-myymälään. Voit myös tulostaa palautuslomakkeen Omat tilaukset -sivulta ja lähettää paketin postitse, jolloin palautuksen postikulu 6,90 € vähennetään hyvityksestä.",
      "Hyvitys maksetaan alkuperäiselle maksutavalle 14 päivän kuluessa siitä, kun palautus on vastaanotettu. Lahjakortilla maksetut ostokset hyvitetään uudelle lahjakortille.",
      "Palautusoikeus ei koske mittaan leikattuja tai sahattuja tuotteita, kuten määrämittaan sahattua puutavaraa, leikattuja työtasoja tai metritavarana myytyä kaapelia, eikä myymälässä sävytettyjä maaleja. Myöskään erikseen tilattuja erikoistuotteita ei voi palauttaa.",
    ),
    language: "fi",
    category: "returns_refunds",
    url: `${KRAUTA}/asiakaspalvelu/palautukset`,
    questions: ["Kuinka kauan minulla on aikaa palauttaa tuote?", "Miten palautan verkkokaupasta ostetun tuotteen?", "Milloin saan hyvityksen palautuksesta?", "Mitä tuotteita ei voi palauttaa?", "Onko K-Plussa-asiakkaalla pidempi palautusaika?"],
  },
  {
    slug: "returns-sv",
    title: "Returer och återbetalningar",
    body: paragraphs(
      "Du kan returnera en vara inom 30 dagar från köpdagen. Som K-Plussa-kund har du 60 dagars returrätt, förutsatt att köpet är registrerat på ditt K-Plussa-kort. Varan ska vara oanvänd och helst ligga i originalförpackningen. Ta med kvittot eller orderbekräftelsen.",
      "En webbeställning kan du returnera kostnadsfritt till vilken K-Rauta-butik som helst. Du kan också skriva ut en retursedel under Mina beställningar och skicka paketet per post; då dras returportot på 6,90 € av från återbetalningen.",
      "Pengarna betalas tillbaka till det ursprungliga betalningssättet inom 14 dagar efter att vi tagit emot returen. Köp som betalats med presentkort återbetalas på ett nytt presentkort.",
      "Returrätten gäller inte varor som kapats eller skurits till mått, till exempel virke som sågats på beställning, tillskurna bänkskivor eller kabel som sålts per meter, och inte heller färger som brutits till en kulör i butiken. Specialbeställda varor kan inte heller returneras.",
    ),
    language: "sv",
    category: "returns_refunds",
    url: `${KRAUTA}/sv/kundservice/returer`,
    questions: ["Hur länge har jag på mig att returnera en vara?", "Hur returnerar jag en vara som jag köpt på nätet?", "När får jag pengarna tillbaka för en retur?", "Vilka varor kan inte returneras?", "Gäller en annan returtid för K-Plussa-medlemmar?"],
  },
  {
    slug: "returns-en",
    title: "Returns and refunds",
    body: paragraphs(
      "You can return an item within 30 days of purchase. K-Plussa members get 60 days, as long as the purchase was registered to their K-Plussa card. Items must be unused and ideally in their original packaging. Please bring your receipt or order confirmation.",
      "Online orders can be returned free of charge to any K-Rauta store. Alternatively, print a return label from My orders and send the parcel by post; in that case the €6.90 return postage is deducted from your refund.",
      "We refund your original payment method within 14 days of receiving your return. Purchases paid for with a gift card are refunded to a new gift card.",
      "The return right does not cover anything cut to size, such as timber cut to length, cut worktops or cable sold by the metre, nor paint that has been tinted in store. Special-order items cannot be returned either.",
    ),
    language: "en",
    category: "returns_refunds",
    url: `${KRAUTA}/en/customer-service/returns`,
    questions: ["How long do I have to return an item?", "How do I return something I bought online?", "When will I get my refund for a return?", "Which items can't be returned?", "Do K-Plussa members get a longer return period?"],
  },

  // 5. Order status and tracking (order_status)
  {
    slug: "order-status-fi",
    title: "Tilauksen tila, seuranta ja muutokset",
    body: paragraphs(
      "Saat tilausvahvistuksen sähköpostiisi heti tilauksen jälkeen. Vahvistuksessa on tilausnumerosi, joka alkaa kirjaimilla KR. Jos vahvistusta ei ole kuulunut tunnin kuluessa, tarkista roskapostikansio ja varmista, että kirjoitit sähköpostiosoitteen oikein.",
      "Tilauksen tilan näet Omat tilaukset -sivulla. Tila etenee vaiheesta Vastaanotettu vaiheeseen Käsittelyssä ja sitten toimitustavan mukaan joko tilaan Lähetetty tai Noudettavissa. Kun tilaus on lähetetty, saat seurantalinkin sähköpostitse ja tekstiviestinä.",
      "Voit perua tilauksen itse Omat tilaukset -sivulla niin kauan kuin sen tila on Vastaanotettu. Kun käsittely on alkanut, ota yhteyttä asiakaspalveluun ja kerro tilausnumerosi. Muutamme tai perumme tilauksen, jos se ei ole vielä lähtenyt. Lähetettyä tilausta ei voi enää perua, mutta tuotteet voi palauttaa tavallisen palautusoikeuden puitteissa.",
      "Rahtitoimituksen päivää voit vaihtaa kuljetusliikkeen tekstiviestissä olevasta linkistä viimeistään toimitusta edeltävänä päivänä.",
    ),
    language: "fi",
    category: "order_status",
    url: `${KRAUTA}/asiakaspalvelu/tilauksen-seuranta`,
    questions: ["Missä tilaukseni on?", "En saanut tilausvahvistusta, mitä teen?", "Miten voin perua tilaukseni?", "Mitä tilauksen tilat tarkoittavat?", "Voinko muuttaa rahtitoimituksen päivää?"],
  },
  {
    slug: "order-status-sv",
    title: "Orderstatus, spårning och ändringar",
    body: paragraphs(
      "Du får en orderbekräftelse per e-post direkt när du har lagt beställningen. I bekräftelsen finns ditt ordernummer, som börjar med bokstäverna KR. Har bekräftelsen inte kommit inom en timme, titta i skräpposten och kontrollera att du angav rätt e-postadress.",
      "Beställningens status ser du under Mina beställningar. Den går från Mottagen till Under behandling och sedan, beroende på leveranssätt, till Skickad eller Klar att hämta. När beställningen har skickats får du en spårningslänk per e-post och sms.",
      "Så länge statusen är Mottagen kan du själv annullera beställningen under Mina beställningar. När behandlingen har börjat kontaktar du kundtjänst och uppger ordernumret, så ändrar eller annullerar vi beställningen om den inte redan har skickats. En skickad beställning kan inte längre annulleras, men du kan returnera varorna enligt den vanliga returrätten.",
      "Leveransdagen för en fraktleverans kan du byta via länken i speditörens sms, senast dagen före leveransen.",
    ),
    language: "sv",
    category: "order_status",
    url: `${KRAUTA}/sv/kundservice/orderstatus`,
    questions: ["Var är min beställning?", "Jag fick ingen orderbekräftelse, vad gör jag?", "Hur annullerar jag min beställning?", "Vad betyder beställningens status?", "Kan jag ändra leveransdagen för en fraktleverans?"],
  },
  {
    slug: "order-status-en",
    title: "Order status, tracking and changes",
    body: paragraphs(
      "You'll get an order confirmation by email straight after ordering. It includes your order number, which starts with the letters KR. If it hasn't arrived within an hour, check your spam folder and make sure you entered the right email address.",
      "Your order status is shown under My orders. It moves from Received to Processing, and then to either Shipped or Ready for collection, depending on the delivery method. Once it has shipped, you'll get a tracking link by email and text message.",
      "While the status is still Received, you can cancel the order yourself under My orders. After that, contact customer service with your order number and we'll change or cancel the order if it hasn't left yet. A shipped order can't be cancelled, but you can return the items under our normal return policy.",
      "For freight, you can change the delivery day via the link in the carrier's text message until the day before.",
    ),
    language: "en",
    category: "order_status",
    url: `${KRAUTA}/en/customer-service/order-status`,
    questions: ["Where is my order?", "I didn't get an order confirmation, what should I do?", "Can I still cancel an order I placed?", "What do the order statuses mean?", "Can I change the delivery day for a freight delivery?"],
  },

  // 6. Payment methods (billing_payment)
  {
    slug: "payment-methods-fi",
    title: "Maksutavat verkkokaupassa ja myymälässä",
    body: paragraphs(
      "Verkkokaupassa voit maksaa Visa-, Mastercard- ja American Express -korteilla, verkkopankissa, MobilePaylla tai K-Rauta-lahjakortilla. Korttimaksu veloitetaan vasta, kun tilaus lähtee tai on noudettavissa.",
      "Voit valita myös laskun tai osamaksun, joita tarjoaa rahoituskumppanimme. Laskun maksuaika on 14 päivää, ja osamaksun voit jakaa 3–36 kuukaudelle. Kumpikin edellyttää hyväksyttyä luottopäätöstä, ja näet ehdot ja kulut kassalla ennen tilauksen vahvistamista.",
      "Myymälässä käyvät maksukortit, käteinen, MobilePay ja lahjakortit. Lahjakortti on voimassa 24 kuukautta, ja sen saldon voit tarkistaa verkkosivuiltamme tai kassalta. Samassa tilauksessa voi käyttää useampaa lahjakorttia.",
      "Yritysasiakkaat voivat hakea K-Rauta-yritystiliä. Silloin ostokset laskutetaan kerran kuukaudessa koontilaskulla 14 päivän maksuajalla, ja lähetämme laskut halutessasi verkkolaskuina. Yritystiliä haetaan yritysmyynnin lomakkeella, ja hakemus käsitellään noin kahdessa arkipäivässä.",
    ),
    language: "fi",
    category: "billing_payment",
    url: `${KRAUTA}/asiakaspalvelu/maksutavat`,
    questions: ["Mitä maksutapoja verkkokaupassa on?", "Voinko maksaa laskulla tai osamaksulla?", "Milloin korttimaksu veloitetaan?", "Kuinka kauan lahjakortti on voimassa?", "Miten yritys saa K-Rauta-yritystilin?"],
  },
  {
    slug: "payment-methods-sv",
    title: "Betalningssätt på nätet och i butik",
    body: paragraphs(
      "I webbutiken kan du betala med Visa, Mastercard och American Express, via nätbanken, med MobilePay eller med ett K-Rauta-presentkort. Kortet debiteras först när beställningen skickas eller är klar att hämta.",
      "Du kan också välja faktura eller delbetalning, som erbjuds av vår finansieringspartner. Fakturan har 14 dagars betalningstid och delbetalningen kan fördelas på 3–36 månader. Båda förutsätter ett godkänt kreditbeslut, och villkor och avgifter visas i kassan innan du bekräftar köpet.",
      "I butiken kan du betala med betalkort, kontanter, MobilePay och presentkort. Presentkortet gäller i 24 månader och saldot kan du kolla på vår webbplats eller i kassan. Du kan använda flera presentkort i samma beställning.",
      "Företagskunder kan ansöka om ett K-Rauta-företagskonto. Då faktureras köpen en gång i månaden med en samlingsfaktura med 14 dagars betalningstid, och vi skickar gärna e-faktura. Ansökan görs med företagsförsäljningens formulär och behandlas inom ungefär två vardagar.",
    ),
    language: "sv",
    category: "billing_payment",
    url: `${KRAUTA}/sv/kundservice/betalningssatt`,
    questions: ["Vilka betalningssätt finns i webbutiken?", "Kan jag betala med faktura eller delbetalning?", "När debiteras mitt kort?", "Hur länge gäller presentkortet?", "Hur får ett företag ett K-Rauta-företagskonto?"],
  },
  {
    slug: "payment-methods-en",
    title: "Payment methods online and in store",
    body: paragraphs(
      "Online, you can pay by Visa, Mastercard or American Express, online banking, MobilePay or a K-Rauta gift card. Your card is only charged when the order ships or is ready for collection.",
      "You can also choose invoice or instalments, provided by our financing partner. Invoices are due within 14 days, and instalments can be spread over 3–36 months. Both are subject to a credit check, and the terms and any fees are shown at checkout before you confirm.",
      "In store we accept payment cards, cash, MobilePay and gift cards. Gift cards are valid for 24 months, and you can check the balance on our website or at the till. You can use several gift cards on one order.",
      "Business customers can apply for a K-Rauta business account. Purchases are then billed once a month on a consolidated invoice with 14-day payment terms, and we can send e-invoices. Apply via our business sales form; processing takes about two working days.",
    ),
    language: "en",
    category: "billing_payment",
    url: `${KRAUTA}/en/customer-service/payment-methods`,
    questions: ["What payment methods can I use online?", "Can I pay by invoice or in instalments?", "At what point is the payment taken from my card?", "How long is a gift card valid?", "How can my company get a K-Rauta business account?"],
  },

  // 7. Paint for exterior wood (product_question)
  {
    slug: "exterior-wood-paint-fi",
    title: "Näin valitset maalin ulkopuupinnoille",
    body: paragraphs(
      "Hyvä maalausjälki syntyy pohjatöistä. Pese pinta talonpesuaineella, kaavi irtoava vanha maali pois ja anna puun kuivua kunnolla. Uusi tai paljas puu pohjustetaan pohjaöljyllä, joka suojaa puuta kosteudelta ja parantaa maalin tarttuvuutta.",
      "Pintamaaliksi sopii joko vesiohenteinen akrylaattimaali tai öljypohjainen alkydimaali. Akrylaattimaali kuivuu nopeasti, pysyy joustavana ja säilyttää sävynsä pitkään, ja työvälineet voi pestä vedellä. Öljymaali imeytyy syvemmälle puuhun ja sopii erityisesti vanhoille pinnoille, jotka on aiemmin maalattu öljymaalilla. Nyrkkisääntö on, että huoltomaalaus tehdään samantyyppisellä maalilla kuin edellinen kerta. Maalaa kaksi kerrosta.",
      "Maalaa vain kuivalla säällä, kun lämpötila on vähintään +5 °C ja ilman suhteellinen kosteus alle 80 %. Vältä paahtavaa auringonpaistetta ja iltoja, jolloin kaste laskeutuu. Puun kosteuden on oltava alle 20 %. Sävytämme maalin haluamaasi sävyyn myymälässä. Muista, että sävytettyä maalia ei voi palauttaa.",
    ),
    language: "fi",
    category: "product_question",
    url: `${KRAUTA}/neuvot/ulkomaalin-valinta`,
    questions: ["Millaisella maalilla talon ulkoseinät kannattaa maalata?", "Miten puupinta esikäsitellään ennen maalausta?", "Missä säässä ulkomaalausta voi tehdä?", "Kumpi on parempi, akrylaatti- vai öljymaali?", "Kuinka monta kerrosta maalia tarvitaan?"],
  },
  {
    slug: "exterior-wood-paint-sv",
    title: "Så väljer du färg för trä utomhus",
    body: paragraphs(
      "Ett bra resultat börjar med förarbetet. Tvätta ytan med fasadtvätt, skrapa bort lös gammal färg och låt träet torka ordentligt. Nytt eller obehandlat trä grundas med grundolja, som skyddar mot fukt och gör att färgen fäster bättre.",
      "Som täckfärg kan du välja antingen vattenburen akrylatfärg eller oljebaserad alkydfärg. Akrylatfärgen torkar snabbt, förblir elastisk och behåller kulören länge, och verktygen rengörs med vatten. Oljefärgen tränger djupare in i träet och passar särskilt bra på äldre ytor som tidigare målats med oljefärg. En tumregel är att underhållsmåla med samma typ av färg som förra gången. Måla två strykningar.",
      "Måla bara i torrt väder när det är minst +5 °C och den relativa luftfuktigheten ligger under 80 %. Undvik gassande sol och kvällar när daggen faller. Träets fuktkvot ska vara under 20 %. Vi bryter färgen till önskad kulör i butiken – kom ihåg att brutna färger inte kan returneras.",
    ),
    language: "sv",
    category: "product_question",
    url: `${KRAUTA}/sv/rad/utomhusfarg-for-tra`,
    questions: ["Vilken färg passar för en träfasad?", "Hur förbereder jag träytan före målning?", "I vilket väder kan man måla utomhus?", "Är akrylatfärg eller oljefärg bättre?", "Hur många lager färg behövs?"],
  },
  {
    slug: "exterior-wood-paint-en",
    title: "Choosing paint for exterior wood",
    body: paragraphs(
      "A good paint job starts with preparation. Wash the surface with a house wash, scrape off any loose old paint and let the wood dry thoroughly. Prime new or bare wood with primer oil, which protects it from moisture and helps the topcoat adhere.",
      "For the topcoat, choose water-based acrylic or oil-based alkyd paint. Acrylic dries quickly, stays flexible and holds its colour well, and brushes clean up with water. Oil-based paint penetrates deeper into the wood and particularly suits older surfaces previously painted with oil paint. As a rule of thumb, repaint with the same type of paint as last time. Apply two coats.",
      "Only paint in dry weather, when it is at least +5 °C and relative humidity is below 80%. Avoid blazing direct sun and evenings when the dew settles. The wood's moisture content should be under 20%. We tint paint to your chosen colour in store; note that tinted paint cannot be returned.",
    ),
    language: "en",
    category: "product_question",
    url: `${KRAUTA}/en/advice/exterior-wood-paint`,
    questions: ["What paint should I use on exterior wood?", "How do I prepare wood before painting it?", "What weather is right for outdoor painting?", "Is acrylic or oil-based paint better?", "Should exterior wood get one coat or two?"],
  },

  // 8. Drills and cordless tools (product_question)
  {
    slug: "choosing-a-drill-fi",
    title: "Porakoneen ja akkutyökalujen valinta",
    body: paragraphs(
      "Mieti ensin, mihin konetta tarvitset. Akkuporakone eli porakone-ruuvinväännin riittää ruuvaamiseen sekä puun ja metallin poraamiseen. Tiileen porataan iskuporakoneella, ja betoniin tarvitset SDS-kiinnityksellä varustetun poravasaran. Terassilautojen ja pitkien ruuvien kiinnittämisessä iskevä ruuvinväännin on ylivoimainen.",
      "Kevyisiin kotitöihin riittää 12 voltin kone, mutta remontoijalle 18 voltin kone on monipuolisempi valinta. Hiiliharjaton moottori on tehokkaampi ja pidentää käyttöaikaa latausta kohden. Akun kapasiteetti, yleensä 2–5 Ah, ratkaisee, kuinka pitkään kone jaksaa yhdellä latauksella.",
      "Akkutyökalut kannattaa hankkia samasta akkujärjestelmästä, sillä saman merkin ja jännitteen akut sopivat kaikkiin järjestelmän laitteisiin. Jos sinulla on jo akkuja ja laturi, voit ostaa pelkän rungon ilman akkua edullisemmin.",
      "Jos tarvitset konetta vain kerran, vuokraa se K-Raudan konevuokraamosta. Esimerkiksi poravasaran vuokra alkaa 29 eurosta vuorokaudelta. Vuokraukseen tarvitset henkilöllisyystodistuksen ja maksukortin.",
    ),
    language: "fi",
    category: "product_question",
    url: `${KRAUTA}/neuvot/porakoneen-valinta`,
    questions: ["Millainen porakone kannattaa valita?", "Millä koneella porataan betoniin?", "Riittääkö 12 voltin akkuporakone?", "Voiko porakoneen vuokrata?", "Sopivatko saman merkin akut kaikkiin koneisiin?"],
  },
  {
    slug: "choosing-a-drill-sv",
    title: "Så väljer du borrmaskin och batteriverktyg",
    body: paragraphs(
      "Fundera först på vad du ska använda maskinen till. En batteridriven borrskruvdragare räcker för att skruva och borra i trä och metall. I tegel borrar du med slagborrmaskin och i betong med en borrhammare med SDS-fäste. För att skruva fast trall och dra långa skruvar är en slagskruvdragare oslagbar.",
      "För lättare hemmajobb räcker en maskin på 12 volt, men om du renoverar är en 18-voltsmaskin ett mångsidigare val. En borstlös motor är effektivare och ger längre drifttid per laddning. Batteriets kapacitet, oftast 2–5 Ah, avgör hur länge maskinen orkar på en laddning.",
      "Det lönar sig att hålla sig till en batteriplattform, eftersom batterier av samma märke och spänning passar alla maskiner i systemet. Har du redan batterier och laddare kan du köpa maskinen utan batteri till ett lägre pris.",
      "Behöver du maskinen bara en gång, hyr den i K-Rautas maskinuthyrning. En borrhammare kostar till exempel från 29 € per dygn. För att hyra behöver du legitimation och ett betalkort.",
    ),
    language: "sv",
    category: "product_question",
    url: `${KRAUTA}/sv/rad/val-av-borrmaskin`,
    questions: ["Vilken borrmaskin ska jag välja?", "Vilken maskin borrar i betong?", "Räcker en borrskruvdragare på 12 volt?", "Kan man hyra en borrmaskin?", "Passar samma batterier till alla maskiner?"],
  },
  {
    slug: "choosing-a-drill-en",
    title: "Choosing a drill and cordless tools",
    body: paragraphs(
      "First, think about what you need the tool for. A cordless drill driver handles screwdriving and drilling in wood and metal. For brick you'll want a hammer drill, and for concrete an SDS rotary hammer. For fixing decking boards and driving long screws, an impact driver is hard to beat.",
      "A 12 V tool is enough for light jobs at home, but 18 V is more versatile for renovation work. A brushless motor is more efficient and runs longer per charge. Battery capacity, typically 2–5 Ah, determines how long the tool keeps going between charges.",
      "Stick to one battery platform: batteries of the same brand and voltage fit every tool in the system. If you already have batteries and a charger, a bare tool without a battery costs less.",
      "Need a tool just once? Hire it from K-Rauta Tool Hire: a rotary hammer, for example, costs from €29 per day. Bring photo ID and a payment card.",
    ),
    language: "en",
    category: "product_question",
    url: `${KRAUTA}/en/advice/choosing-a-drill`,
    questions: ["Which drill should I buy?", "What should I use for making holes in concrete?", "Is a 12 V drill enough?", "Can I hire a drill instead of buying one?", "Do batteries fit all tools of the same brand?"],
  },

  // 9. Warranty and complaints (complaint)
  {
    slug: "warranty-complaints-fi",
    title: "Takuu ja reklamaatiot viallisista tuotteista",
    body: paragraphs(
      "Monilla tuotteilla on valmistajan takuu, jonka pituus on tyypillisesti yhdestä viiteen vuotta. Takuuaika näkyy tuotesivulla ja tuotteen mukana tulevissa asiakirjoissa. Takuusta riippumatta sinua suojaa aina kuluttajansuojalain mukainen virhevastuu, joka voi ulottua takuuaikaa pidemmälle.",
      "Jos tuote on viallinen, tee reklamaatio kohtuullisessa ajassa siitä, kun huomasit vian. Voit tuoda tuotteen ja kuitin mihin tahansa K-Rauta-myymälään tai täyttää verkkosivujemme reklamaatiolomakkeen. Liitä lomakkeeseen tilausnumero tai kuitti, kuvaus viasta sekä valokuvia.",
      "Käsittelemme reklamaation ja otamme sinuun yhteyttä 5 arkipäivän kuluessa. Tilanteesta riippuen tuote korjataan, vaihdetaan uuteen tai sinulle maksetaan hyvitys.",
      "Kuljetusvauriot on ilmoitettava valokuvien kera 7 päivän kuluessa toimituksesta. Rahtitoimituksessa merkitse näkyvät vauriot rahtikirjaan jo tavaraa vastaanottaessasi. Samalla lomakkeella voit antaa palautetta myös palvelustamme.",
    ),
    language: "fi",
    category: "complaint",
    url: `${KRAUTA}/asiakaspalvelu/takuu-ja-reklamaatiot`,
    questions: ["Tuote on viallinen, miten teen reklamaation?", "Kuinka pitkä takuu tuotteilla on?", "Miten ilmoitan kuljetusvauriosta?", "Kuinka nopeasti reklamaatio käsitellään?"],
  },
  {
    slug: "warranty-complaints-sv",
    title: "Garanti och reklamation av felaktiga produkter",
    body: paragraphs(
      "Många produkter har tillverkarens garanti, som vanligen gäller i ett till fem år. Garantitiden framgår av produktsidan och av papperen som följer med produkten. Oberoende av garantin skyddas du alltid av säljarens felansvar enligt konsumentskyddslagen, som kan sträcka sig längre än garantitiden.",
      "Om en produkt är felaktig ska du reklamera inom skälig tid efter att du upptäckt felet. Du kan ta med produkten och kvittot till vilken K-Rauta-butik som helst eller fylla i reklamationsformuläret på vår webbplats. Bifoga ordernumret eller kvittot, en beskrivning av felet och foton.",
      "Vi behandlar reklamationen och kontaktar dig inom 5 vardagar. Beroende på fallet reparerar vi produkten, byter ut den eller betalar tillbaka pengarna.",
      "Transportskador ska anmälas med foton inom 7 dagar från leveransen. Vid fraktleverans ska synliga skador antecknas på fraktsedeln redan när du tar emot godset. Via samma formulär kan du också ge respons på vår service.",
    ),
    language: "sv",
    category: "complaint",
    url: `${KRAUTA}/sv/kundservice/garanti-och-reklamationer`,
    questions: ["Produkten är trasig, hur reklamerar jag den?", "Hur lång garanti har produkterna?", "Hur anmäler jag en transportskada?", "Hur snabbt behandlas en reklamation?"],
  },
  {
    slug: "warranty-complaints-en",
    title: "Warranty and complaints about faulty products",
    body: paragraphs(
      "Many products have a manufacturer's warranty, typically of one to five years. The period is shown on the product page and in the product's documentation. Regardless of warranty, the seller's liability for defects under the Finnish Consumer Protection Act always applies and may last longer.",
      "If a product is faulty, please make a complaint within a reasonable time of noticing the fault. You can bring the product and your receipt to any K-Rauta store, or fill in the complaint form on our website. Include your order number or receipt, a description of the fault and photos.",
      "We'll process your complaint and get back to you within 5 working days. Depending on the case, we'll repair the product, replace it or refund you.",
      "Transport damage must be reported with photos within 7 days of delivery. For freight deliveries, note any visible damage on the consignment note when you receive the goods. The same form also works for feedback on our service.",
    ),
    language: "en",
    category: "complaint",
    url: `${KRAUTA}/en/customer-service/warranty-and-complaints`,
    questions: ["My product is faulty, how do I make a complaint?", "How long is the warranty on products?", "How do I report transport damage?", "How quickly do you handle a complaint?"],
  },

  // 10. Account and K-Plussa (account)
  {
    slug: "account-k-plussa-fi",
    title: "Asiakastili, K-Plussa ja salasanan vaihtaminen",
    body: paragraphs(
      "Verkkokaupan asiakastilin luot sähköpostiosoitteellasi. Tililtä näet tilaushistoriasi ja avoimet tilauksesi, ja voit tallentaa toimitusosoitteita, jolloin seuraava tilaus käy nopeammin.",
      "Yhdistä K-Plussa-korttisi asiakastiliin, niin kerrytät K-Plussa-pisteitä myös verkko-ostoksista. Kun kortti on yhdistetty, Omat tilaukset -sivulla näkyvät myös myymäläostoksesi, ja saat K-Plussa-asiakkaan 60 päivän palautusoikeuden. Pisteet näkyvät K-Plussa-palvelussa noin viikon kuluttua ostosta.",
      "Jos salasana on unohtunut, valitse kirjautumissivulta Unohtuiko salasana? ja anna sähköpostiosoitteesi. Saat sähköpostiisi linkin, jolla voit asettaa uuden salasanan. Linkki on voimassa 60 minuuttia. Jos viestiä ei kuulu, tarkista roskapostikansio.",
      "Sähköpostiosoitteen voit vaihtaa Omat tiedot -sivulla. Jos haluat poistaa asiakastilisi, ota yhteyttä asiakaspalveluun. Tilauksiin liittyviä tietoja säilytämme kirjanpitolain edellyttämän ajan.",
    ),
    language: "fi",
    category: "account",
    url: `${KRAUTA}/asiakaspalvelu/asiakastili-ja-k-plussa`,
    questions: ["Miten luon asiakastilin verkkokauppaan?", "Miten yhdistän K-Plussa-kortin asiakastiliin?", "Unohdin salasanani, miten vaihdan sen?", "Miten poistan asiakastilini?", "Milloin K-Plussa-pisteet näkyvät?"],
  },
  {
    slug: "account-k-plussa-sv",
    title: "Kundkonto, K-Plussa och byte av lösenord",
    body: paragraphs(
      "Du skapar ett kundkonto i webbutiken med din e-postadress. På kontot ser du din orderhistorik och dina öppna beställningar, och du kan spara leveransadresser så att nästa beställning går snabbare.",
      "Koppla ditt K-Plussa-kort till kundkontot, så samlar du K-Plussa-poäng också på dina webbköp. När kortet är kopplat syns även dina butiksköp under Mina beställningar, och du får K-Plussa-kundernas 60 dagars returrätt. Poängen syns i K-Plussa-tjänsten ungefär en vecka efter köpet.",
      "Har du glömt lösenordet väljer du Glömt lösenordet? på inloggningssidan och anger din e-postadress. Du får en länk per e-post där du kan välja ett nytt lösenord. Länken gäller i 60 minuter. Om meddelandet inte dyker upp, titta i skräpposten.",
      "E-postadressen byter du under Mina uppgifter. Vill du radera ditt kundkonto kontaktar du kundtjänst. Uppgifter som hör till beställningar sparar vi så länge som bokföringslagen kräver.",
    ),
    language: "sv",
    category: "account",
    url: `${KRAUTA}/sv/kundservice/kundkonto-och-k-plussa`,
    questions: ["Hur skapar jag ett kundkonto i webbutiken?", "Hur kopplar jag mitt K-Plussa-kort till kontot?", "Jag har glömt mitt lösenord, hur byter jag det?", "Hur raderar jag mitt kundkonto?", "När syns K-Plussa-poängen?"],
  },
  {
    slug: "account-k-plussa-en",
    title: "Your account, K-Plussa and resetting your password",
    body: paragraphs(
      "You create an online shop account with your email address. Your account shows your order history and open orders, and you can save delivery addresses to make your next order quicker.",
      "Link your K-Plussa card to your account to earn K-Plussa points on online purchases too. Once your card is linked, your in-store purchases also appear under My orders, and you get the 60-day return period for K-Plussa members. Points show up in the K-Plussa service about a week after your purchase.",
      "Forgotten your password? Select Forgot your password? on the sign-in page and enter your email address. We'll email you a link to set a new password; the link is valid for 60 minutes. If the email doesn't arrive, check your spam folder.",
      "You can change your email address under My details. To delete your account, please contact customer service. We keep order-related data for as long as Finnish accounting law requires.",
    ),
    language: "en",
    category: "account",
    url: `${KRAUTA}/en/customer-service/account-and-k-plussa`,
    questions: ["How do I create an online shop account?", "How do I link my K-Plussa card to my account?", "I forgot my password, how do I reset it?", "How do I delete my account?", "How long does it take for K-Plussa points to be credited?"],
  },
];

/** A second tenant's articles for isolation tests. Every fact differs from K-Rauta's: Sunday
 * closed, 14-day returns, refunds in 5 banking days, prices in kronor, no delivery to Finland. */
export const NEIGHBOUR_ARTICLES: SeedArticle[] = [
  {
    slug: "tradgardsboden-opening-hours-sv",
    title: "Öppettider i Trädgårdsboden",
    body: paragraphs(
      "Trädgårdsboden i Göteborg har öppet måndag–fredag kl. 10–18 och lördag kl. 10–15. På söndagar har vi stängt, utom under högsäsongen från mitten av april till midsommar, då vi även har öppet söndagar kl. 11–15. Midsommarafton, julafton och nyårsdagen håller butiken stängt.",
      "Kundtjänst svarar i telefon på 031-390 06 50 vardagar kl. 10–16. Någon chatt har vi inte, men mejl besvaras inom tre arbetsdagar.",
    ),
    language: "sv",
    category: "store_info",
    url: `${TRADGARDSBODEN}/oppettider`,
  },
  {
    slug: "tradgardsboden-returns-en",
    title: "Returns at Trädgårdsboden",
    body: paragraphs(
      "You can return unused items to Trädgårdsboden within 14 days of purchase. Please bring your receipt; without one we can only offer a credit note. We refund the money within 5 banking days, either to the card you paid with or by Swish.",
      "Live plants, bulbs, seeds and soil cannot be returned once the packaging has been opened or the plant has been planted. If a plant arrives diseased, we replace it free of charge as long as you contact us within 3 days and send a photo.",
      "Return postage for online orders costs 59 kr and is paid by you, unless the item was faulty.",
    ),
    language: "en",
    category: "returns_refunds",
    url: `${TRADGARDSBODEN}/en/returns`,
  },
  {
    slug: "tradgardsboden-delivery-sv",
    title: "Leveranser från Trädgårdsboden",
    body: paragraphs(
      "Vi skickar beställningar med PostNord till ditt närmaste ombud. Leveransen tar 3–5 arbetsdagar och kostar 79 kr. Handlar du för mer än 800 kr bjuder vi på frakten.",
      "Levande växter skickar vi bara måndag–onsdag, så att de inte blir liggande på en terminal över helgen. Större varor som krukor över 40 liter, jord på pall och växthus levereras med budfirma för 495 kr inom Göteborgsområdet.",
      "Vi levererar inte till Finland eller Åland. Spårningsnumret får du per sms när paketet har lämnat vårt lager.",
    ),
    language: "sv",
    category: "delivery",
    url: `${TRADGARDSBODEN}/leveranser`,
  },
];
