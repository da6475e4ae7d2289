// A first guess at a column mapping from header names in English, Polish,
// Russian, Finnish and German, so a person mostly confirms rather than picks.

const HINTS: Record<string, string[]> = {
  external_id: ["customer id", "client id", "id klienta", "kundennummer", "asiakasnumero", "id"],
  first_name: ["first name", "firstname", "imię", "imie", "vorname", "имя", "etunimi"],
  last_name: ["last name", "lastname", "surname", "nazwisko", "nachname", "фамилия", "sukunimi"],
  full_name: ["name", "customer", "kunde", "klient", "nimi", "клиент", "фио", "asiakas"],
  company: ["company", "firma", "firma / company", "компания", "yritys"],
  email: ["email", "e-mail", "mail", "почта", "sähköposti"],
  phone: ["phone", "telefon", "tel", "телефон", "puhelin", "mobile"],
  country: ["country", "kraj", "land", "страна", "maa"],
  address1: ["address", "street", "ulica", "adres", "straße", "strasse", "адрес", "osoite"],
  address2: ["address 2", "address2"],
  postal_code: ["zip", "postcode", "postal code", "kod pocztowy", "plz", "индекс", "postinumero"],
  city: ["city", "miasto", "ort", "stadt", "город", "kaupunki"],
  region: ["state", "province", "województwo", "bundesland", "область"],
  tags: ["tags", "tagi", "метки", "tunnisteet"],
  note: ["note", "notes", "uwagi", "notiz", "заметка", "huomautus"],
  email_consent: ["accepts marketing", "newsletter", "zgoda", "einwilligung", "согласие", "suostumus"],
  created_at: ["created", "created at", "data utworzenia", "erstellt", "создан", "luotu"],
  order_number: ["order number", "order", "order no", "numer zamówienia", "zamówienie", "bestellnummer", "bestellung", "номер заказа", "заказ", "tilausnumero", "tilaus"],
  placed_at: ["date", "order date", "data", "datum", "bestelldatum", "дата", "päivämäärä", "created at"],
  status: ["status", "статус", "tila"],
  currency: ["currency", "waluta", "währung", "валюта", "valuutta"],
  total: ["total", "sum", "summe", "suma", "razem", "gesamt", "итого", "сумма", "yhteensä", "amount"],
  subtotal: ["subtotal", "zwischensumme", "suma częściowa"],
  shipping: ["shipping", "versand", "wysyłka", "доставка", "toimitus"],
  tax: ["tax", "vat", "mwst", "podatek", "ндс", "alv"],
  discount: ["discount", "rabatt", "rabat", "скидка", "alennus"],
  refunded: ["refunded", "refunded amount", "refund", "erstattet", "zwrot", "kwota zwrotu", "возврат", "сумма возврата", "hyvitys", "hyvitetty"],
  ship_address1: ["shipping address", "lieferadresse", "adres dostawy"],
  ship_postal_code: ["shipping zip", "shipping postcode"],
  ship_city: ["shipping city"],
  ship_country: ["shipping country"],
  shipping_method: ["shipping method", "versandart", "metoda dostawy", "способ доставки"],
  customer_note: ["customer note", "comment", "kommentar", "komentarz", "комментарий", "kommentti"],
  line_sku: ["sku", "artikelnummer", "kod produktu", "артикул", "tuotekoodi"],
  line_name: ["product", "item", "artikel", "produkt", "товар", "tuote", "item name", "product name"],
  line_quantity: ["quantity", "qty", "menge", "ilość", "ilosc", "количество", "määrä", "anzahl"],
  line_price: ["price", "unit price", "preis", "cena", "цена", "hinta", "einzelpreis"],
};

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[_\-.:()]/g, " ").replace(/\s+/g, " ");
}

/** For each field, the column whose name matches it best; fields without a match are left out. */
export function guessMapping(fields: string[], columns: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const taken = new Set<string>();
  for (const field of fields) {
    const hints = HINTS[field] ?? [field.replace(/_/g, " ")];
    const exact = columns.find((c) => !taken.has(c) && hints.includes(norm(c)));
    const partial = exact ?? columns.find((c) => !taken.has(c) && hints.some((h) => h.length > 3 && norm(c).includes(h)));
    if (partial) {
      out[field] = partial;
      taken.add(partial);
    }
  }
  return out;
}
