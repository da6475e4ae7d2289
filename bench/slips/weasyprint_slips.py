#!/usr/bin/env python3
"""Renders the benchmark's slips (slips.json from `cargo bench -p courtesy-slip`)
on A6 with WeasyPrint from one HTML document: DejaVu Sans through @font-face
(WeasyPrint subsets it), the Code 128 barcode as inline SVG bars, the same blocks
as courtesy-slip in CSS. Prints `RESULT weasyprint render_s=...` (reading the
JSON, building the HTML, laying out and writing the PDF).

    python3 weasyprint_slips.py slips.json out.pdf FONT_DIR
"""
import html
import json
import sys
import time

from weasyprint import HTML

from common import LABELS, code128_bars, date_text, sorted_lines

CSS = """
@font-face { font-family: Slip; src: url(file://%(fonts)s/DejaVuSans.ttf); }
@font-face { font-family: Slip; font-weight: bold; src: url(file://%(fonts)s/DejaVuSans-Bold.ttf); }
@page { size: A6; margin: 5mm 5mm 9mm 5mm; }
body { font-family: Slip; font-size: 10pt; margin: 0; }
section { page-break-after: always; }
.shop { font-size: 9pt; color: #444; } .shop b { color: #000; }
.top { display: flex; justify-content: space-between; border-bottom: 1.5pt solid #000; padding: 2mm 0; }
.cap { font-size: 9pt; font-weight: bold; color: #444; text-transform: uppercase; }
.num { font-size: 18pt; font-weight: bold; } .right { text-align: right; }
.name { font-size: 12.5pt; font-weight: bold; } .addr { font-size: 10.5pt; }
.note { background: #e0e0e0; border-left: 3.5pt solid #000; padding: 1mm 2mm; margin: 2mm 0; }
table { width: 100%%; border-collapse: collapse; }
th { background: #e0e0e0; font-size: 9pt; text-align: left; text-transform: uppercase; }
td { border-bottom: 0.5pt solid #888; vertical-align: top; padding: 1mm 0.5mm; }
.tick { width: 3.3mm; height: 3.3mm; border: 1pt solid #000; }
.q { font-weight: bold; font-size: 12pt; text-align: center; } .q.many { background: #000; color: #fff; }
.var { font-size: 9pt; color: #444; } .bin { font-weight: bold; }
.insert { border: 1.6pt solid #000; margin-top: 3mm; }
.insert h2 { background: #000; color: #fff; font-size: 10pt; margin: 0; padding: 1mm 2mm; text-transform: uppercase; }
.insert p { margin: 1mm 2mm; } .packed { margin-top: 4mm; }
"""


def barcode_svg(value, module_mm=0.3, height_mm=11.0):
    bars, total = code128_bars(value)
    height = height_mm / module_mm
    rects = "".join(f'<rect x="{x}" y="0" width="{w}" height="{height:.2f}"/>' for x, w in bars)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{total * module_mm:.2f}mm" '
            f'height="{height_mm}mm" viewBox="0 0 {total} {height:.2f}">{rects}</svg>')


def slip_html(s):
    e = html.escape
    lab = LABELS[s["language"]]
    parts = ['<section>']
    parts.append(f'<div class="shop"><b>{e(s["shop"]["name"])}</b><br>{e(", ".join(s["shop"]["address_lines"]))}</div>')
    ship = "".join(f'<div class="{"name" if i == 0 else "addr"}">{e(l)}</div>' for i, l in enumerate(s["ship_to"]))
    parts.append(
        f'<div class="top"><div><div class="cap">{e(lab["ship_to"])}</div>{ship}'
        f'<div>{e(lab["shipping"])}: <b>{e(s["shipping_method"])}</b></div></div>'
        f'<div class="right"><div class="cap">{e(lab["title"])}</div><div class="num">{e(s["order_number"])}</div>'
        f'<div>{e(lab["date"])}: {date_text(s["placed_at"], s["language"])}</div>'
        f'{barcode_svg(s["order_number"])}<div>{e(s["order_number"])}</div></div></div>')
    if s["customer_note"]:
        parts.append(f'<div class="note"><b class="cap">{e(lab["note"])}:</b> {e(s["customer_note"])}</div>')
    price_head = f'<th class="right">{e(lab["price"])}</th>' if s["show_prices"] else ""
    parts.append(f'<table><tr><th></th><th>{e(lab["qty"])}</th><th>{e(lab["item"])}</th><th>{e(lab["bin"])}</th>{price_head}</tr>')
    for l in sorted_lines(s["lines"]):
        many = " many" if l["quantity"] > 1 else ""
        price = f'<td class="right">{e(l.get("unit_price") or "")}</td>' if s["show_prices"] else ""
        parts.append(
            f'<tr><td><div class="tick"></div></td><td class="q{many}">{l["quantity"]}</td>'
            f'<td>{e(l["name"])}<div class="var">{e(l["variant"])} · {e(l["sku"])}</div></td>'
            f'<td class="bin">{e(l["bin"])}</td>{price}</tr>')
    parts.append("</table>")
    if s["show_prices"] and s.get("total"):
        parts.append(f'<div class="right">{e(lab["total"])}: <b>{e(s["total"])}</b></div>')
    if s["inserts"]:
        kinds = {"gift": lab["gift"], "card": lab["card"], "gift_message": lab["gift_message"]}
        items = "".join(f'<p>&#9744; <b>{e(kinds[i["kind"]])}: {e(i["title"])}</b><br>{e(i["text"])}</p>' for i in s["inserts"])
        parts.append(f'<div class="insert"><h2>{e(lab["insert"])}</h2>{items}</div>')
    parts.append(f'<div class="packed">{e(lab["packed_by"])}: ________________</div></section>')
    return "".join(parts)


def main():
    data, out, font_dir = sys.argv[1:4]
    started = time.perf_counter()
    with open(data, encoding="utf-8") as f:
        slips = json.load(f)
    body = "".join(slip_html(s) for s in slips)
    document = f'<html><head><meta charset="utf-8"><style>{CSS % {"fonts": font_dir}}</style></head><body>{body}</body></html>'
    HTML(string=document).write_pdf(out)
    print(f"RESULT weasyprint render_s={time.perf_counter() - started:.4f} pages={len(slips)}")


if __name__ == "__main__":
    main()
