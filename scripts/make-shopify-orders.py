#!/usr/bin/env python3
"""Writes a large, realistic Shopify "Export orders" CSV for import benchmarks
and crash tests.

    python3 scripts/make-shopify-orders.py LINES OUT.csv [--seed N]

The file has the real 79-column header of the current export (as in
tests/fixtures/import/shopify-orders.csv) and exactly LINES data rows, one per
line item: orders of 1-5 lines, order fields only on an order's first row, the
rows after it repeating `Name` and `Email` with their line fields. UTF-8
without BOM, comma, LF, decimal dot, as Shopify writes it.

What is in it:
- buyers from Poland, Germany, Finland, Russia and Britain, with the names of
  their country (ąęłńóśźż, äöüß, äö, Cyrillic, O'Brien...), addresses and
  mobiles in ranges libphonenumber knows as valid (PL +48 5xx/6xx/7xx, DE +49
  15x/17x, FI +358 40/50, RU +7 9xx, GB +44 7xxx), typed in local formats;
- about 30 % of the buyers order again, with the same e-mail and phone, at times
  in other letter case or another phone format; 2 % are guests without e-mail;
- PLN, EUR and GBP; paid / pending / refunded / voided... with fulfilment
  states and cancellations; dates over two years (2023-2024) with the shop's
  offset (+0100 / +0200);
- totals consistent with the lines: Subtotal = sum of quantity x price,
  Total = Subtotal - Discount + Shipping, Taxes = the VAT included in Total;
- now and then a `Notes` cell with a comma, quotes and a line break, and
  `Note Attributes` with a gift message over two lines.

The same LINES and seed always give the same bytes (Python's `random` with a
fixed seed; no clock, no hash order). A summary goes to stderr.
"""
import argparse
import random
import sys
import time
import unicodedata

HEADER = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
    "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total",
    "Discount Code", "Discount Amount", "Shipping Method", "Created at",
    "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
    "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable",
    "Lineitem fulfillment status", "Billing Name", "Billing Street", "Billing Address1",
    "Billing Address2", "Billing Company", "Billing City", "Billing Zip",
    "Billing Province", "Billing Country", "Billing Phone", "Shipping Name",
    "Shipping Street", "Shipping Address1", "Shipping Address2", "Shipping Company",
    "Shipping City", "Shipping Zip", "Shipping Province", "Shipping Country",
    "Shipping Phone", "Notes", "Note Attributes", "Cancelled at", "Payment Method",
    "Payment Reference", "Refunded Amount", "Vendor", "Outstanding Balance", "Employee",
    "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount",
    "Tax 1 Name", "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Tax 3 Name", "Tax 3 Value",
    "Tax 4 Name", "Tax 4 Value", "Tax 5 Name", "Tax 5 Value", "Phone", "Receipt Number",
    "Duties", "Billing Province Name", "Shipping Province Name", "Payment ID",
    "Payment Terms Name", "Next Payment Due At", "Payment References",
]
COL = {name: i for i, name in enumerate(HEADER)}
assert len(HEADER) == 79

VENDOR = "Courtesy Bench Shop"

# ---------------------------------------------------------------------------
# Fast draws (random.randrange / choice are slow in CPython; these stay
# deterministic for a seed).

def below(r, n):
    """A whole number in [0, n)."""
    return int(r.random() * n)


def between(r, a, b):
    """A whole number in [a, b)."""
    return a + int(r.random() * (b - a))


def pick(r, seq):
    return seq[int(r.random() * len(seq))]


# ---------------------------------------------------------------------------
# People

PL_MEN = ["Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin",
          "Łukasz", "Grzegorz", "Jędrzej", "Wojciech", "Mateusz", "Józef", "Kacper",
          "Bartłomiej", "Zbigniew", "Jarosław", "Maciej", "Szymon", "Przemysław"]
PL_WOMEN = ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa",
            "Magdalena", "Joanna", "Żaneta", "Zofia", "Bożena", "Grażyna", "Jolanta",
            "Łucja", "Urszula", "Weronika", "Alicja", "Dorota", "Halina", "Teresa"]
PL_SURNAMES = ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński",
               "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski",
               "Kozłowski", "Jankowski", "Mazur", "Krawczyk", "Piotrowski", "Grabowski",
               "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel",
               "Stępień", "Górski", "Sikora", "Zając", "Bąk", "Sokołowski",
               "Szczepański", "Czarnecki", "Kołodziej", "Kaźmierczak", "Łuczak",
               "Żak", "Ślusarczyk", "Gołębiowski", "Chmielewski", "Włodarczyk", "Sęk"]
DE_MEN = ["Jürgen", "Günter", "Klaus", "Stefan", "Lukas", "Jörg", "Matthias",
          "Björn", "Uwe", "Maximilian", "Sören", "Florian", "Dieter", "Tobias"]
DE_WOMEN = ["Gisela", "Ursula", "Bärbel", "Käthe", "Sabine", "Jördis",
            "Monika", "Anja", "Hannelore", "Lea", "Sophie", "Renée", "Brigitte", "Jana"]
DE_SURNAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Schröder",
               "Köhler", "Günther", "Groß", "Krüger", "Hoffmann", "Schäfer", "Bäcker",
               "Wagner", "Becker", "Möller", "Jäger", "Neumann", "Schwarz", "Lößner",
               "Zimmermann", "Böhm", "Hübner", "Vogel"]
FI_MEN = ["Matti", "Jussi", "Mikko", "Jaakko", "Timo", "Väinö", "Ilkka", "Pekka",
          "Tapio", "Eero", "Jyrki", "Lauri", "Onni", "Aleksi"]
FI_WOMEN = ["Päivi", "Tuula", "Aino", "Sanna", "Minna", "Kaija", "Eeva", "Liisa",
            "Hellä", "Sirkka", "Anneli", "Jenni", "Ella", "Siiri"]
FI_SURNAMES = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen",
               "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Jääskeläinen",
               "Kärkkäinen", "Salonen", "Väisänen", "Pöllänen", "Räsänen", "Ylönen"]
RU_MEN = ["Иван", "Дмитрий", "Сергей", "Алексей", "Михаил", "Андрей", "Николай",
          "Пётр", "Юрий", "Владимир", "Артём", "Фёдор", "Григорий", "Евгений"]
RU_WOMEN = ["Анна", "Ольга", "Наталья", "Елена", "Татьяна", "Мария", "Юлия",
            "Ксения", "Светлана", "Дарья", "Алёна", "Екатерина", "Людмила", "Софья"]
RU_SURNAMES = ["Петров", "Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов",
               "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Соловьёв",
               "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов",
               "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов",
               "Щербаков", "Журавлёв"]
GB_MEN = ["Oliver", "George", "Harry", "Jack", "James", "William", "Thomas", "Noah",
          "Seán", "Rhys", "Callum", "Arthur", "Alfie", "Oscar"]
GB_WOMEN = ["Olivia", "Amelia", "Isla", "Ava", "Emily", "Siobhán", "Zoë", "Chloë",
            "Niamh", "Sophie", "Grace", "Freya", "Poppy", "Eleanor"]
GB_SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
               "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White",
               "O'Brien", "O'Connor", "MacDonald", "Ní Bhriain", "Hughes", "Edwards",
               "Green", "Hall", "Wood", "Harris"]

RU_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}
LATIN_EXTRA = {"ł": "l", "ß": "ss", "ø": "o", "æ": "ae", "đ": "d"}


def ascii_local(text):
    """The e-mail local part people make of their name: lower-case ASCII."""
    out = []
    for ch in text.lower():
        if ch in RU_TRANSLIT:
            out.append(RU_TRANSLIT[ch])
        elif ch in LATIN_EXTRA:
            out.append(LATIN_EXTRA[ch])
        elif ch.isascii():
            if ch.isalnum():
                out.append(ch)
        else:
            base = unicodedata.normalize("NFKD", ch)[0]
            if base.isascii() and base.isalnum():
                out.append(base)
    return "".join(out)


def polish_female(surname):
    for end, fem in (("dzki", "dzka"), ("ski", "ska"), ("cki", "cka")):
        if surname.endswith(end):
            return surname[: -len(end)] + fem
    return surname


def russian_female(surname):
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин")) else surname


# ---------------------------------------------------------------------------
# Places: (street patterns, [(city, province name, zip maker)])

def pl_zip(r):
    return "%02d-%03d" % (between(r, 0, 100), between(r, 0, 1000))


def de_zip(r):
    return "%05d" % between(r, 1000, 99999)


def fi_zip(r):
    return "%05d" % (between(r, 0, 990) * 10)


def ru_zip(r):
    return "%06d" % between(r, 101000, 692999)


GB_AREAS = ["SW1A", "NW1", "M1", "B15", "LS6", "EH1", "CF10", "BS8", "G12", "L1", "OX2"]


def gb_zip(r):
    return "%s %d%s%s" % (pick(r, GB_AREAS), between(r, 1, 10),
                         pick(r, "ABDEFGHJLNPQRSTUWXYZ"), pick(r, "ABDEFGHJLNPQRSTUWXYZ"))


COUNTRIES = {
    "PL": {
        "men": PL_MEN, "women": PL_WOMEN, "surnames": PL_SURNAMES, "female": polish_female,
        "streets": ["ul. Długa", "ul. Świętokrzyska", "ul. Żeromskiego", "ul. Łąkowa",
                    "ul. Piłsudskiego", "al. Jana Pawła II", "ul. Źródlana", "ul. Ogrodowa",
                    "ul. Kościuszki", "os. Słoneczne", "ul. Mickiewicza", "ul. Wąska"],
        "cities": [("Kraków", "Małopolskie"), ("Łódź", "Łódzkie"), ("Gdańsk", "Pomorskie"),
                   ("Poznań", "Wielkopolskie"), ("Wrocław", "Dolnośląskie"),
                   ("Warszawa", "Mazowieckie"), ("Zielona Góra", "Lubuskie"),
                   ("Białystok", "Podlaskie"), ("Rzeszów", "Podkarpackie"),
                   ("Bielsko-Biała", "Śląskie"), ("Toruń", "Kujawsko-Pomorskie")],
        "zip": pl_zip,
        "domains": ["wp.pl", "onet.pl", "gmail.com", "interia.pl", "o2.pl", "op.pl"],
    },
    "DE": {
        "men": DE_MEN, "women": DE_WOMEN, "surnames": DE_SURNAMES, "female": None,
        "streets": ["Hauptstraße", "Schloßallee", "Bahnhofstraße", "Goethestraße",
                    "Müllerstraße", "Königsweg", "Am Mühlbach", "Gärtnerplatz"],
        "cities": [("München", "Bayern"), ("Köln", "Nordrhein-Westfalen"),
                   ("Düsseldorf", "Nordrhein-Westfalen"), ("Nürnberg", "Bayern"),
                   ("Berlin", "Berlin"), ("Lübeck", "Schleswig-Holstein"),
                   ("Görlitz", "Sachsen"), ("Tübingen", "Baden-Württemberg")],
        "zip": de_zip,
        "domains": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"],
    },
    "FI": {
        "men": FI_MEN, "women": FI_WOMEN, "surnames": FI_SURNAMES, "female": None,
        "streets": ["Mannerheimintie", "Hämeenkatu", "Yliopistonkatu", "Kävelykatu",
                    "Pohjoisesplanadi", "Väinämöisenkatu", "Länsiväylä"],
        "cities": [("Helsinki", "Uusimaa"), ("Tampere", "Pirkanmaa"),
                   ("Jyväskylä", "Keski-Suomi"), ("Hämeenlinna", "Kanta-Häme"),
                   ("Oulu", "Pohjois-Pohjanmaa"), ("Turku", "Varsinais-Suomi"),
                   ("Seinäjoki", "Etelä-Pohjanmaa")],
        "zip": fi_zip,
        "domains": ["elisa.fi", "luukku.com", "gmail.com", "kolumbus.fi", "outlook.com"],
    },
    "RU": {
        "men": RU_MEN, "women": RU_WOMEN, "surnames": RU_SURNAMES, "female": russian_female,
        "streets": ["ул. Ленина", "ул. Пушкина", "пр-т Мира", "ул. Садовая",
                    "Невский пр-т", "ул. Гагарина", "ул. Щорса", "ул. Победы"],
        "cities": [("Москва", "Москва"), ("Санкт-Петербург", "Санкт-Петербург"),
                   ("Новосибирск", "Новосибирская область"), ("Екатеринбург", "Свердловская область"),
                   ("Калининград", "Калининградская область"), ("Казань", "Татарстан")],
        "zip": ru_zip,
        "domains": ["yandex.ru", "mail.ru", "gmail.com", "rambler.ru", "list.ru"],
    },
    "GB": {
        "men": GB_MEN, "women": GB_WOMEN, "surnames": GB_SURNAMES, "female": None,
        "streets": ["Baker Street", "High Street", "Station Road", "Church Lane",
                    "Victoria Road", "Queen's Road", "Mill Lane", "St. John's Wood Road"],
        "cities": [("London", "England"), ("Manchester", "England"), ("Birmingham", "England"),
                   ("Leeds", "England"), ("Edinburgh", "Scotland"), ("Cardiff", "Wales"),
                   ("Bristol", "England"), ("Glasgow", "Scotland"), ("Oxford", "England")],
        "zip": gb_zip,
        "domains": ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "sky.com"],
    },
}
COUNTRY_SHARES = [("PL", 45), ("DE", 20), ("GB", 15), ("FI", 10), ("RU", 10)]


def street_line(country, r):
    c = COUNTRIES[country]
    street = pick(r, c["streets"])
    n = between(r, 1, 180)
    if country == "PL":
        return "%s %d/%d" % (street, n, between(r, 1, 60)) if r.random() < 0.6 else "%s %d" % (street, n)
    if country == "DE":
        return "%s %d%s" % (street, n, pick(r, ["", "", "", "a", "b"]))
    if country == "FI":
        return "%s %d %s %d" % (street, n, pick(r, "ABCD"), between(r, 1, 40))
    if country == "RU":
        # Commas inside the cell: the writer must quote it.
        return "%s, д. %d, кв. %d" % (street, n, between(r, 1, 300))
    return "%d %s" % (n, street)


# ---------------------------------------------------------------------------
# Phones (ranges the demo shop uses and libphonenumber validates)

def _d(r, n):
    return "%0*d" % (n, int(r.random() * 10 ** n))


PL_PREFIXES = ["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79"]
DE_PREFIXES = [("151", 8), ("152", 8), ("157", 8), ("159", 8), ("170", 7), ("171", 7),
               ("172", 7), ("173", 7), ("174", 7), ("175", 7), ("176", 8), ("177", 7),
               ("178", 7), ("179", 7)]
FI_PREFIXES = ["40", "50", "44", "45"]
GB_BLOCKS = ["740", "741", "742", "743", "744", "746", "747", "748", "749", "751", "753",
             "754", "755", "756", "757", "758", "759", "771", "772", "773", "774", "775",
             "776", "777", "780", "784", "785", "786", "787", "788", "789", "790", "792",
             "794", "795", "796", "797", "798", "799"]


def new_phone(country, r):
    """National significant digits of a new mobile (without the country code)."""
    if country == "PL":
        return pick(r, PL_PREFIXES) + _d(r, 7)
    if country == "DE":
        p, n = pick(r, DE_PREFIXES)
        return p + _d(r, n)
    if country == "FI":
        return pick(r, FI_PREFIXES) + _d(r, 7)
    if country == "RU":
        while True:
            d = "9" + _d(r, 9)
            if not d.startswith("9300"):  # a block libphonenumber has as unassigned
                return d
    return pick(r, GB_BLOCKS) + _d(r, 7)


def typed_phone(country, d, r, international):
    """The number `d` as someone from `country` types it; national formats
    (read with the billing country's region) only when `international` is off."""
    k = below(r, 3)
    if country == "PL":
        a, b, c = d[0:3], d[3:6], d[6:9]
        if international:
            return ("+48 %s %s %s" % (a, b, c), "+48%s" % d, "+48 %s-%s-%s" % (a, b, c))[k]
        return ("%s %s %s" % (a, b, c), "%s-%s-%s" % (a, b, c), d)[k]
    if country == "DE":
        p, rest = d[:3], d[3:]
        if international:
            return ("+49 %s %s" % (p, rest), "+49%s" % d, "0049 %s %s" % (p, rest))[k]
        return ("0%s %s" % (p, rest), "0%s/%s" % (p, rest), "0%s-%s" % (p, rest))[k]
    if country == "FI":
        p, a, b = d[:2], d[2:5], d[5:]
        if international:
            return ("+358 %s %s %s" % (p, a, b), "+358%s" % d, "+358 %s %s%s" % (p, a, b))[k]
        return ("0%s %s %s" % (p, a, b), "0%s%s%s" % (p, a, b), "0%s-%s %s" % (p, a, b))[k]
    if country == "RU":
        code, a, b, c = d[0:3], d[3:6], d[6:8], d[8:10]
        if international:
            return ("+7 (%s) %s-%s-%s" % (code, a, b, c), "+7 %s %s-%s-%s" % (code, a, b, c), "+7%s" % d)[k]
        return ("8 (%s) %s-%s-%s" % (code, a, b, c), "8%s" % d, "8-%s-%s-%s-%s" % (code, a, b, c))[k]
    p, rest = d[:4], d[4:]
    if international:
        return ("+44 %s %s" % (p, rest), "+44 (0)%s %s" % (p, rest), "+44%s" % d)[k]
    return ("0%s %s" % (p, rest), "0%s%s" % (p, rest), "0%s %s %s" % (p, rest[:3], rest[3:]))[k]


# ---------------------------------------------------------------------------
# Catalogue: (product, [variants], sku stem, price in PLN)

PRODUCTS = [
    ("Lavender candle", ["Small", "Large"], "CAND-L", 49.00),
    ("Soy candle", ["Vanilla", "Cedar", "Fig"], "CAND-S", 59.00),
    ("Beeswax candle", [], "CAND-B", 40.00),
    ("Świeca sojowa", ["Mała", "Duża"], "SWIECA", 45.00),
    ("Linen napkin set", ["Grey / 4 pcs", "Beige / 6 pcs"], "NAP", 89.90),
    ("Ceramic mug", ["Blue", "White", "Sage"], "MUG", 54.00),
    ("Kubek ceramiczny", ["Niebieski", "Zielony"], "KUBEK", 49.00),
    ("Wool socks", ["S/M", "L/XL"], "SOCK", 39.00),
    ("Herbal tea - Rumianek", ["100 g"], "TEA-R", 24.50),
    ("Gift wrapping", [], "", 10.00),
    ("Match box", [], "MATCH", 12.00),
    ("Diffuser \"Forest\"", ["200 ml"], "DIFF-F", 119.00),
    ("Hand cream, shea", ["50 ml", "100 ml"], "CREAM", 35.00),
    ("Travel candle tin", [], "CAND-T", 29.00),
    ("Wick trimmer", ["Brass", "Black"], "TRIM", 65.00),
]
# Pre-built: (lineitem name, sku, PLN minor price)
ITEMS = []
for _name, _variants, _sku, _price in PRODUCTS:
    if _variants:
        for _i, _v in enumerate(_variants):
            ITEMS.append(("%s - %s" % (_name, _v), "%s-%d" % (_sku, _i + 1) if _sku else "",
                          int(round(_price * 100)) + _i * 1000))
    else:
        ITEMS.append((_name, _sku, int(round(_price * 100))))

CURRENCY_FOR = {"PL": "PLN", "DE": "EUR", "FI": "EUR", "RU": "EUR", "GB": "GBP"}
VAT = {"PLN": ("VAT 23%", 23), "EUR": ("VAT 19%", 19), "GBP": ("VAT 20%", 20)}
RATE = {"PLN": 1.0, "EUR": 4.3, "GBP": 5.0}   # PLN per unit
SHIPPING = {
    "PLN": [("InPost Paczkomat", 1299), ("Kurier DPD", 1599), ("Poczta Polska", 999),
            ("Free shipping", 0)],
    "EUR": [("DHL Paket", 599), ("Posti", 990), ("Hermes", 499), ("Free shipping", 0)],
    "GBP": [("Royal Mail", 499), ("Evri", 399), ("DPD Next Day", 799), ("Free shipping", 0)],
}
PAYMENT = {
    "PLN": ["Przelewy24", "BLIK", "Shopify Payments", "Cash on Delivery (COD)"],
    "EUR": ["Shopify Payments", "PayPal Express Checkout", "Klarna", "Stripe"],
    "GBP": ["Shopify Payments", "PayPal Express Checkout", "Stripe"],
}
DISCOUNTS = [("WELCOME10", 10), ("SPRING15", 15), ("VIP20", 20), ("LATO5", 5)]
LINE_COUNTS = [(1, 35), (2, 25), (3, 20), (4, 12), (5, 8)]  # line items per order
FINANCIAL = [("paid", 74), ("pending", 8), ("refunded", 5), ("partially_refunded", 3),
             ("voided", 3), ("authorized", 4), ("partially_paid", 2), ("expired", 1)]

# Checkout notes (some with commas, quotes and line breaks) and gift messages.
NOTES = [
    "Please leave it at the reception.\nRing twice, \"Nowak Studio\" on the door.",
    "Proszę dzwonić przed dostawą, domofon nie działa.",
    "Bitte beim Nachbarn abgeben, \"Müller\" 2. OG.",
    "Оставьте у двери, пожалуйста.\nКод домофона: 45К",
    "Paketti postilaatikon viereen, kiitos!",
    "Gift for my mum, no invoice in the box please",
    "Zostawić w paczkomacie \"KRA01M\",\nalbo u sąsiada spod 4.",
]
GIFTS = [
    "gift_message: Wszystkiego najlepszego, Mamo!",
    "wrap: yes\ngift_message: Happy birthday, love \"J\"",
    "Gift message: Alles Gute zum Geburtstag!",
    "gift_message: С днём рождения!\nwrap: no",
    "Gift note: Hyvää joulua ja onnellista uutta vuotta",
]


def fmt(minor):
    return "%d.%02d" % divmod(minor, 100) if minor >= 0 else "-%d.%02d" % divmod(-minor, 100)


def q(text):
    """A cell as a CSV writer writes it: quoted only when it must be."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


# Offsets of the shop's time zone (Europe/Warsaw), by day of the period; DST
# from the last Sunday of March to the last Sunday of October.
START = 1672531200  # 2023-01-01T00:00:00Z
DAYS = 731
DST = [(1679792400, 1698541200), (1711846800, 1729990800)]  # 2023, 2024 (UTC)


def local(ts):
    """`YYYY-MM-DD HH:MM:SS +0100` of a UTC timestamp in the shop's zone."""
    off = 3600
    for a, b in DST:
        if a <= ts < b:
            off = 7200
    t = time.gmtime(ts + off)
    return "%04d-%02d-%02d %02d:%02d:%02d %s" % (
        t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
        "+0200" if off == 7200 else "+0100")


_CUMULATIVE = {}


def weighted(pairs, r):
    """One value of `pairs` [(value, weight)], drawn by weight; `pairs` must be
    a module constant (its table is cached by identity)."""
    key = id(pairs)
    table = _CUMULATIVE.get(key)
    if table is None:
        total, cum = 0, []
        for _, w in pairs:
            total += w
            cum.append(total)
        table = _CUMULATIVE[key] = (cum, [v for v, _ in pairs], pairs)
    cum, values, _ = table
    x = r.random() * cum[-1]
    for i, c in enumerate(cum):
        if x < c:
            return values[i]
    return values[-1]


def make_customer(r, seq, used_emails):
    country = weighted(COUNTRY_SHARES, r)
    c = COUNTRIES[country]
    woman = r.random() < 0.55
    first = pick(r, c["women"] if woman else c["men"])
    last = pick(r, c["surnames"])
    if woman and c["female"]:
        last = c["female"](last)
    guest = r.random() < 0.02
    email = ""
    if not guest:
        f, l = ascii_local(first), ascii_local(last)
        style = below(r, 4)
        base = ("%s.%s" % (f, l), "%s%s" % (f[0], l), "%s_%s%d" % (f, l, between(r, 60, 100)),
                "%s.%s" % (l, f))[style]
        email = "%s@%s" % (base, pick(r, c["domains"]))
        if email in used_emails:
            email = "%s.%d@%s" % (base, seq, pick(r, c["domains"]))
        used_emails.add(email)
    city, province = pick(r, c["cities"])
    company = ""
    if r.random() < 0.06:
        company = {"PL": "%s sp. z o.o.", "DE": "%s GmbH", "FI": "%s Oy",
                   "RU": "ООО «%s»", "GB": "%s Ltd"}[country] % last
    return {
        "country": country,
        "name": "%s %s" % (first, last),
        "email": email,
        "phone": new_phone(country, r),
        "street": street_line(country, r),
        "city": city,
        "province": province,
        "zip": c["zip"](r),
        "company": company,
        "marketing": pick(r, ("yes", "no", "no", "")),
    }


def vary_email(email, r):
    """The same address as typed another time, in other letter case."""
    k = below(r, 3)
    if k == 0:
        local_part, domain = email.split("@", 1)
        return local_part.capitalize() + "@" + domain.upper()
    if k == 1:
        return email.upper()
    return email.title()


def generate(lines, out, seed):
    r = random.Random(seed)
    used_emails = set()
    customers = []
    stats = {"orders": 0, "repeat_orders": 0, "notes": 0, "cased": 0}
    empty = [""] * 79
    i_lq, i_ln, i_lp, i_ls = COL["Lineitem quantity"], COL["Lineitem name"], COL["Lineitem price"], COL["Lineitem sku"]
    i_lfs, i_ldisc, i_vendor = COL["Lineitem fulfillment status"], COL["Lineitem discount"], COL["Vendor"]
    i_req, i_tax = COL["Lineitem requires shipping"], COL["Lineitem taxable"]
    order_no = 1000
    order_id = 5012345000000
    written = 0
    ts = START
    # Mean gap between orders so that the dates span (a little under) two
    # years: an order has 2.33 lines on average.
    est_orders = max(1.0, lines / 2.33)
    mean_gap = DAYS * 86400 * 0.98 / est_orders
    buf = []
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        while written < lines:
            order_no += 1
            order_id += between(r, 1, 5000)
            ts += int(r.expovariate(1.0 / mean_gap)) + 1
            n_lines = min(lines - written, weighted(LINE_COUNTS, r))
            # The buyer: a known customer (about 30 % of orders) or a new one.
            if customers and r.random() < 0.3:
                cust = customers[below(r, len(customers))]
                stats["repeat_orders"] += 1
                email = cust["email"]
                if email and r.random() < 0.25:
                    email = vary_email(email, r)
                    stats["cased"] += 1
                international = r.random() < 0.5
            else:
                cust = make_customer(r, len(customers), used_emails)
                customers.append(cust)
                email = cust["email"]
                international = r.random() < 0.7
            country = cust["country"]
            currency = CURRENCY_FOR[country]
            if country == "RU" and r.random() < 0.3:
                currency = "PLN"
            phone = typed_phone(country, cust["phone"], r, international)
            rate = RATE[currency]
            # Lines
            line_cells = []
            subtotal = 0
            # Shopify makes one line of a variant added to the cart twice: the
            # items of an order differ.
            picked = set()
            for _ in range(n_lines):
                item = below(r, len(ITEMS))
                while item in picked:
                    item = below(r, len(ITEMS))
                picked.add(item)
                name, sku, pln = ITEMS[item]
                price = int(round(pln / rate)) if rate != 1.0 else pln
                if rate != 1.0:
                    price = (price // 10) * 10 + 9  # x.x9
                qty = 1 if r.random() < 0.7 else between(r, 2, 5)
                subtotal += qty * price
                line_cells.append((str(qty), q(name), fmt(price), sku))
            # Order money
            code, pct = ("", 0)
            if r.random() < 0.15:
                code, pct = DISCOUNTS[below(r, len(DISCOUNTS))]
            discount = subtotal * pct // 100
            method, shipping = SHIPPING[currency][below(r, 4)]
            total = subtotal - discount + shipping
            tax_name, vat = VAT[currency]
            taxes = total * vat // (100 + vat)
            # Status
            fin = weighted(FINANCIAL, r)
            created = local(ts)
            paid_at = fulfilled_at = cancelled_at = ""
            refunded = ""
            fulfil = "unfulfilled"
            if fin in ("paid", "refunded", "partially_refunded", "partially_paid"):
                paid_at = local(ts + between(r, 5, 3600))
                if r.random() < 0.85:
                    fulfil = "fulfilled"
                    fulfilled_at = local(ts + between(r, 3600 * 4, 86400 * 4))
                elif r.random() < 0.3:
                    fulfil = "partial"
            if fin == "refunded":
                refunded = fmt(total)
            elif fin == "partially_refunded":
                refunded = fmt(total // 3)
            if fin in ("voided", "expired") or (fin == "pending" and r.random() < 0.2):
                cancelled_at = local(ts + between(r, 3600, 86400 * 3))
            line_fs = "fulfilled" if fulfil == "fulfilled" else "pending"
            # Who and where
            billing_name = cust["name"]
            ship_same = r.random() < 0.85
            street = cust["street"] if ship_same else street_line(country, r)
            city, prov = (cust["city"], cust["province"]) if ship_same else pick(r, COUNTRIES[country]["cities"])
            zip_ = cust["zip"] if ship_same else COUNTRIES[country]["zip"](r)
            note = ""
            if r.random() < 0.03:
                note = NOTES[below(r, len(NOTES))]
                stats["notes"] += 1
            attrs = GIFTS[below(r, len(GIFTS))] if r.random() < 0.04 else ""
            name = "#%d" % order_no
            e = q(email)
            row = list(empty)
            row[0] = name
            row[1] = e
            row[2] = fin
            row[3] = paid_at
            row[4] = fulfil
            row[5] = fulfilled_at
            row[6] = cust["marketing"]
            row[7] = currency
            row[8] = fmt(subtotal)
            row[9] = fmt(shipping)
            row[10] = fmt(taxes)
            row[11] = fmt(total)
            row[12] = code
            row[13] = fmt(discount) if code else ""
            row[14] = q(method)
            row[15] = created
            row[24] = q(billing_name)
            row[25] = q(cust["street"])
            row[26] = q(cust["street"])
            row[28] = q(cust["company"])
            row[29] = q(cust["city"])
            row[30] = cust["zip"]
            row[32] = country
            row[33] = q(phone)
            row[34] = q(billing_name)
            row[35] = q(street)
            row[36] = q(street)
            row[38] = q(cust["company"]) if ship_same else ""
            row[39] = q(city)
            row[40] = zip_
            row[42] = country
            row[43] = q(phone) if r.random() < 0.8 else ""
            row[44] = q(note)
            row[45] = q(attrs)
            row[46] = cancelled_at
            row[47] = q(PAYMENT[currency][below(r, len(PAYMENT[currency]))])
            row[49] = refunded
            row[55] = str(order_id)
            row[57] = "Low" if r.random() < 0.97 else "Medium"
            row[58] = "web"
            row[60] = tax_name
            row[61] = fmt(taxes)
            row[70] = q(phone) if r.random() < 0.6 else ""
            row[73] = q(cust["province"])
            row[74] = q(prov)
            for idx, (qty, lname, price, sku) in enumerate(line_cells):
                if idx:
                    row = list(empty)
                    row[0] = name
                    row[1] = e
                row[i_lq] = qty
                row[i_ln] = lname
                row[i_lp] = price
                row[i_ls] = sku
                row[i_req] = "true"
                row[i_tax] = "true"
                row[i_lfs] = line_fs
                row[i_vendor] = VENDOR
                row[i_ldisc] = "0.00"
                buf.append(",".join(row))
            written += n_lines
            stats["orders"] += 1
            if len(buf) >= 20000:
                buf.append("")
                f.write("\n".join(buf))
                buf = []
        if buf:
            buf.append("")
            f.write("\n".join(buf))
    stats["customers"] = len(customers)
    return stats


def main():
    ap = argparse.ArgumentParser(description="Writes a realistic Shopify orders export.")
    ap.add_argument("lines", type=int, help="data rows (line items) to write")
    ap.add_argument("out", help="the CSV file to write")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args()
    if args.lines < 1:
        ap.error("LINES must be at least 1")
    started = time.monotonic()
    s = generate(args.lines, args.out, args.seed)
    print("%s: %d lines, %d orders (%d by returning buyers, %d with other e-mail case), "
          "%d buyers, %d notes; %.1f s" % (
              args.out, args.lines, s["orders"], s["repeat_orders"], s["cased"],
              s["customers"], s["notes"], time.monotonic() - started), file=sys.stderr)


if __name__ == "__main__":
    main()
