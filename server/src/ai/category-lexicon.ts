/**
 * Keywords per support category and language for the built-in classifier, in the notation of
 * lexicon-match.ts (`word` stem prefix, `=word` same stem, `~part` fragment, `@word` written
 * form, `!` heavier). Written from a hardware retailer's support vocabulary before the evaluation
 * set existed; later additions are general words and colloquial forms, never a set's sentence.
 */
import type { AICategory, WidgetLocale } from "@hummdesk/shared";

/**
 * The order_status words that only name an order ("tilaus", "beställning", "order"). Visitors name
 * their order in most questions about it: returning it, having it delivered, picking it up, so
 * next to a delivery or returns word such a word argues less for order status (classify-message.ts)
 * ("when can I pick up my click and collect order?" asks about collecting it).
 */
export const ORDER_NOUNS: Record<WidgetLocale, readonly string[]> = {
  fi: ["~tilau", "~tilasin", "~tilaam", "~tilatt"],
  sv: ["~bestallning", "~bestall", "=order", "~ordern"],
  en: ["order"],
};

/** Products and materials a visitor names: what a product question is about, and only context in
 * a question about delivering, returning, paying for or complaining about one ("can I return the
 * drill?", classify-message.ts). */
export const PRODUCT_NOUNS: Record<WidgetLocale, readonly string[]> = {
  fi: [
    "~maali", "~pora", "~ruuv", "~puutavar", "~lauta", "~laud", "~laatt", "~laminaat", "~parket",
    "~pumppu", "~leikkur", "~grilli", "~kiuas", "~eriste", "~villa", "~kipsi", "~levy", "~sementti",
    "~betoni", "~tikkaa", "~tapetti", "=hana", "~tyokalu", "~akku", "~saha", "~naula", "~vasara",
    "~ikkuna", "~lattia", "~kaluste", "~lamppu", "~valaisin", "~kyllaste", "~terassi", "~liima",
    "~silikoni", "~aita", "~vaja", "~lampopumpu",
  ],
  sv: [
    "~farg", "~borr", "~skruv", "~virke", "~brad", "~kakel", "~klinker", "~laminat", "~parkett",
    "~pump", "~klippare", "~grill", "~bastu", "~isoler", "~gips", "~cement", "~betong", "~tapet",
    "~kranen", "=kran", "~verktyg", "~batter", "~spik", "~hammare", "~lampa", "~trall", "~impregner",
    "~lim", "~staket",
  ],
  en: [
    "~paint", "~drill", "~screw", "=nail", "=wood", "~timber", "~lumber", "~plank", "=tile", "~laminat",
    "~floor", "=pump", "~mower", "~grill", "=bbq", "~sauna", "~stove", "~insul", "~plasterboard",
    "~drywall", "~cement", "~concret", "~ladder", "~wallpap", "=tap", "~faucet", "=tool", "~batter",
    "~hammer", "~lamp", "~bulb", "~glue", "~sealant", "~primer", "~deck", "~fence", "=shed",
  ],
};

export type CategoryLexicon = Record<AICategory, readonly string[]>;

const fi: CategoryLexicon = {
  order_status: [
    ...ORDER_NOUNS.fi, "~seuranta", "seurata", "~seurantakoodi", "~vahvistu",
    "=tilanne", "=status", "~peru", "peruuttaa", "~peruutu", "~lahetett", "~kasittely", "=missä =on",
    "~viivy",
  ],
  delivery: [
    "~toimitu!", "toimittaa", "~toimitat", "~toimitet", "~kuljet!", "~rahti", "~postikul", "~kulut",
    "~nouto", "~nouda", "noutaa", "=posti", "postiin", "~paketti", "~matkahuol", "~lava", "~saapu",
    "perille", "kotiin", "~drive", "~kuljettaj", "~kuski", "~toimituskul", "~kuriiri", "~postikulu!",
    "~postimaks", "~lahetyskul", "~toimitusmaks", "~kuljetusmaks", "~rahtimaks", "~nosturi", "~noutopist",
    "~pakettiautomaat",
  ],
  returns_refunds: [
    "~palautu!", "~palautt!", "~palauta!", "~palautin!", "~palautan!", "~palautet", "~hyvity!", "~hyvit",
    "raha takaisin!", "raha ~takas!", "~takaisin", "~takas", "~vaihta", "~vaihdan", "~vaihdo", "~vaihto",
    "~avoin =kauppa", "~palautusoik", "~peruutusoik", "~avaamat", "~kayttamat", "~katumus",
  ],
  product_question: [
    "~tuote", "~tuott", "~varasto", "~saatav", "=hinta", "~hinna", "~hintaa", "paljonko", "=koko",
    "~kokoi", "~mitat", "~mitta", "~sopii", "~sopiik", "~suosit", "=onko =teillä", "~loytyy", "~loytyyk",
    "~myytte", "~asennu", "~asenta", "=malli", "~merkki", "~kannatt", "~riittaa", "~tarvitse", ...PRODUCT_NOUNS.fi,
  ],
  store_info: [
    "~myymal!", "~kaupa", "~kauppa", "~aukiolo!", "=auki!", "~aukea", "~sulkeu", "~kiinni", "~osoite",
    "~osoitte", "~sijaint", "~sijaitse", "~pysakoin", "~parkki", "~lahin", "~sunnuntai", "~lauantai",
    "~arkipyh", "~juhannu", "~joulu", "~pyhi", "~pyhan", "~aikaan", "~palvelet", "~tavaratalo",
    // How soon customer service answers a message sent to it.
    "~vastaatte!", "~vastaatteko!", "~vastausaika",
  ],
  billing_payment: [
    // "maksaa" is also "to cost" ("maksaako nouto jotain?"): only the paying forms are billing words.
    "~maksu!", "~makso", "~maksett", "@maksan", "@maksanko", "@maksamaan", "@maksamisen", "@maksaminen",
    "~lasku!", "~laskut", "~veloit!", "~kortilt",
    "~kortill", "=kortti", "~luotto", "~osamaks", "~klarna", "~mobilepay", "~kuitti", "~kuiti", "=alv",
    "~alennu", "~koodi", "~lahjakort", "~kassa", "~verkkopank", "~pankki", "~tililt", "~summa",
    "~kaksi =kertaa", "~hyvityslasku", "~hintatakuu!!",
  ],
  complaint: [
    "~valitu!", "~valitta!", "~reklam!", "~huono", "~surke!", "~kamala", "~kauhea", "~rikki", "~rikkin",
    "~viall", "=vika", "~viko", "~vioitt", "~vauri", "~hajo", "=ei =toimi!", "~toykea!", "~petty!",
    "~naurett", "~skandaal", "~epakohte", "~tyytymat!", "=ala ~arvoi!", "~kukaan =ei", "~ei =vastaa",
    "~karsea", "~halkei!", "~haljen!", "~kolhu!", "~naarmu!", "~lommo!",
    // The warranty is part of the complaints policy: a fault within it is what a complaint is about.
    "~takuu",
  ],
  account: [
    "~tili!", "~tilil", "~tilei", "~tilin", "~kirjau!", "~kirjaud!", "~salasan!", "~sahkopost",
    "~rekister", "~profiili", "~uutiskirj", "~plussa", "~pistee", "~kanta =asiakas", "~kanta-asiak",
    "~tunnu", "~yhteystie", "~omat =tiedot!", "~omiin =tietoihin!", "~tietoni!", "~markkinoint", "=gdpr",
    "~kayttajati",
    // "salasanan palautus" is a password reset, not a return.
    "~palautuslink!!", "~salasanan =palautus!!",
  ],
  other: [
    "~tyopaik!", "~kesatyo!", "~hakemu", "=haen", "~rekry", "~harjoitt", "~yhteisty!", "~sponsor",
    "~lehdist", "@palaute!!", "~palautetta!!", "~palautteen!!", "~palautteit!!", "~verkkosivu",
    "~kotisivu", "~seura",
  ],
};

const sv: CategoryLexicon = {
  order_status: [
    ...ORDER_NOUNS.sv, "~ordernummer!", "~spårning", "=spåra",
    "~sparningsnummer", "=status", "~bekraftels", "~avbest!", "~avbok", "~annuller", "~makuler",
    "~behandla", "~skickad",
  ],
  delivery: [
    "~leverans!", "~lever", "~frakt!", "~hemleverans", "=hämta", "~hamtning", "~upphamt", "~paket",
    "~postnord", "~ombud", "~leveranstid", "~skickas", "=bud", "~budfirm", "~transport", "~porto", "~pall",
    "~chauff", "~kommer =leverans", "~hemkor", "~hemkorn", "~hamtorder", "~hamtas", "~hamta =ut",
    "~fraktkostnad!", "~leveranskostnad!", "~kranbil", "~utlamningsstall", "~paketskap",
  ],
  returns_refunds: [
    "~retur!", "~aterbetal!", "~pengar =tillbaka!", "~pengarna =kommer =tillbaka", "~tillbaka", "=byta",
    "=byte", "~bytes", "~angerratt", "~oppet =kop", "~skicka =tillbaka!", "~lamna =tillbaka!",
    "~ersattning", "~aterkop", "~kreditera", "~ooppnad", "~oanvand", "~angra",
  ],
  product_question: [
    "~produkt", "~lager", "=finns", "~tillganglig", "=pris", "~priset", "~kostar", "~storlek", "=matt",
    "~matten", "~passar", "~rekommend", "~saljer", "=modell", "~modellen", "~märke",
    "~behover", "=har =ni", "~monter", "~installer", ...PRODUCT_NOUNS.sv,
  ],
  store_info: [
    "~butik!", "~varuhus!", "~oppettid!", "=öppet!", "~oppnar", "~stang", "~adress", "~hitta =till",
    "~parker", "~narmast", "~sondag", "~lordag", "~helg", "~midsommar", "~julafton", "=jul", "~vagbeskriv",
    "=ligger", "=svarar =ni!", "~svarstid!", "@mejlat", "@mailat",
  ],
  billing_payment: [
    "~betal!", "~faktur!", "~debiter!", "=dragit", "=dragna", "=drogs", "=kort", "~kortet", "~kortbetal",
    "~kredit", "~delbetal", "~klarna", "~kvitt", "=moms", "~swish", "~rabatt", "~presentkort", "~kassan",
    "~belopp", "~två =gånger", "~dubbel", "~prisgaranti!!", "~prismatch!!",
  ],
  complaint: [
    "~klago!", "~klaga!", "~reklam!", "~dalig", "~usel", "~hemsk", "~trasig", "~skadad", "~sonder",
    "=fungerar =inte!", "=funkar =inte!", "~oforskam!", "~besvik!", "~oaccept!", "~missnoj!", "~bedrovl",
    "~skandal", "~samst", "~ingen =har =svarat", "~ingen =svarar", "~katastrof", "~kvalitet",
    "~spruck!", "~buckl!", "~repig!", "~garanti",
  ],
  account: [
    "~konto!", "=logga", "~inlogg!", "~losenord!", "=e =post", "~epost", "~postadress", "~mejladress",
    "~registrer", "~profil", "~nyhetsbrev", "~plussa", "~poang", "~stamkund", "~medlem", "~uppgift",
    "~anvandarnamn", "~avregistr", "~radera",
  ],
  other: [
    "~jobb!", "~ansok", "~sommarjobb!", "~praktik", "~samarbet!", "~sponsr", "=press", "~feedback!",
    "~berom", "~hemsida", "~forening",
  ],
};

const en: CategoryLexicon = {
  order_status: [
    ...ORDER_NOUNS.en, "~track", "=status", "~confirm", "~cancel!", "=where =is =my", "~dispatch",
    "=process", "=placed", "~update", "=purchase =number",
  ],
  delivery: [
    "deliver!", "=ship", "shipping", "shipment", "~courier", "~freight", "~postag", "~parcel", "~packag",
    "~pickup", "=pick =up", "~collect", "arrive", "~transport", "~pallet", "=posti", "~matkahuolto",
    "=dhl", "=ups", "=eta", "~driver", "=van", "=click =n =collect", "=click =and =collect", "~crane",
    "=delivery =fee!", "=shipping =cost!", "~parcel =locker", "=curbside",
  ],
  returns_refunds: [
    "return!", "refund!", "=money =back", "~exchang", "=swap", "=send =back!", "=send =it =back!",
    "~reimburs", "~credit =note", "~unopen", "~unused", "=changed =my =mind",
  ],
  product_question: [
    "~product", "~stock", "~availab", "=price", "=cost", "=how =much", "=size", "~dimension", "~measur",
    "=fit", "~compatib", "~recommend", "~suitab", "=sell", "=sold", "=do =you =have", "=model", "~brand",
    "~spec", "=best", "=which", "~install", ...PRODUCT_NOUNS.en,
  ],
  store_info: [
    "store!", "=shop", "=opening =hours!", "=open!", "=close", "=hour", "~address", "~locat",
    "=where =are =you", "~park", "~nearest", "~sunday", "~saturday", "~holiday", "~christma", "~midsummer",
    "~branch", "~direction", "=hear =back!", "@emails", "@emailed", "=repli =to =email",
  ],
  billing_payment: [
    "=pay!", "payment!", "=paid", "~invoic!", "=bill", "=charg!", "=card", "~credit", "~klarna", "~instalment", "~installment",
    "~receipt", "=vat", "~discount", "~promo", "~coupon", "=gift =card", "~checkout", "=twice", "=bank",
    "~mobilepay", "=money =left", "=price =match!!", "=price =matching!!", "~pricematch!!", "=price ~guarant!!",
  ],
  complaint: [
    "~complain!", "~terribl!", "~awful!", "~horribl!", "~unaccept!", "=worst!", "=rude!", "~disappoint!",
    "=broken", "=broke", "~damag", "~defect", "~fault", "=not =work!", "=doesn't =work!", "=poor",
    "~ridicul", "~useless", "~scam", "~angri", "~furious", "~frustrat", "=nobodi", "=no =one",
    "=not =happi", "~qualiti", "~crack!", "=dent!", "=dented!", "~scratch!", "~warrant", "~guarant",
  ],
  account: [
    "account!", "~login!", "=log =in!", "=log =into!", "=sign =in", "~password!", "~email", "=e =mail",
    "~regist", "~profil", "~newslett", "~unsubscrib", "~plussa", "~loyal", "=point", "~member",
    "~usernam", "~gdpr", "=personal =data", "=detail", "=reset",
  ],
  other: [
    "=job!", "~career", "=hire!", "~hiring!", "~intern", "~partner", "~sponsor!", "=press", "~feedback!",
    "~websit", "=club",
  ],
};

export const CATEGORY_LEXICONS: Record<WidgetLocale, CategoryLexicon> = { fi, sv, en };
