"""What the ReportLab and WeasyPrint slip renderers share: the labels of the four
languages (the same words courtesy-slip prints), dates, and the Code 128 bars of
an order number (encoded by ReportLab's code128, which picks code sets itself)."""

from reportlab.graphics.barcode.code128 import Code128

LABELS = {
    "en": dict(title="Packing slip", date="Date", ship_to="Ship to", shipping="Shipping",
               note="Customer note", qty="Qty", item="Item", bin="Bin", price="Price",
               total="Total", insert="Insert into the parcel", gift="Gift", card="Card",
               gift_message="Gift message", packed_by="Packed by"),
    "pl": dict(title="Lista pakowania", date="Data", ship_to="Adres dostawy", shipping="Wysyłka",
               note="Uwagi klienta", qty="Ilość", item="Produkt", bin="Półka", price="Cena",
               total="Razem", insert="Włóż do paczki", gift="Prezent", card="Kartka",
               gift_message="Dedykacja", packed_by="Spakował(a)"),
    "ru": dict(title="Упаковочный лист", date="Дата", ship_to="Получатель", shipping="Доставка",
               note="Комментарий покупателя", qty="Кол-во", item="Товар", bin="Ячейка",
               price="Цена", total="Итого", insert="Вложить в посылку", gift="Подарок",
               card="Открытка", gift_message="Поздравление", packed_by="Упаковал(а)"),
    "fi": dict(title="Pakkauslista", date="Päiväys", ship_to="Toimitusosoite",
               shipping="Toimitustapa", note="Asiakkaan viesti", qty="Määrä", item="Tuote",
               bin="Hylly", price="Hinta", total="Yhteensä", insert="Lisää pakettiin",
               gift="Lahja", card="Kortti", gift_message="Lahjaviesti", packed_by="Pakkaaja"),
}

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def date_text(iso, language):
    year, month, day = (int(p) for p in iso.split("-"))
    if language == "en":
        return f"{day} {MONTHS[month - 1]} {year}"
    return f"{day:02}.{month:02}.{year}"


def sorted_lines(lines):
    return sorted(lines, key=lambda l: (l["bin"].strip() == "", l["bin"], l["sku"]))


def code128_bars(value):
    """(start module, width in modules) of each bar, and the total modules with
    10-module quiet zones."""
    code = Code128(value)
    code.validate()
    code.encode()
    code.decompose()
    x = 10
    bars = []
    for c in code.decomposed:
        width = "abcd".index(c.lower()) + 1
        if c.isupper():
            bars.append((x, width))
        x += width
    return bars, x + 10
