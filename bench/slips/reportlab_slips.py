#!/usr/bin/env python3
"""Renders the benchmark's slips (slips.json from `cargo bench -p courtesy-slip`)
on A6 with ReportLab: DejaVu Sans embedded (ReportLab subsets TrueType fonts), a
Code 128 barcode, the same blocks as courtesy-slip in a plain layout. Prints
`RESULT reportlab render_s=...` (reading the JSON, drawing and saving).

    python3 reportlab_slips.py slips.json out.pdf FONT_DIR
"""
import json
import sys
import time

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from common import LABELS, date_text, sorted_lines

W, H = A6
M = 5 * mm


def text(c, x, y, s, size, bold=False, right=False):
    font = "DejaVu-Bold" if bold else "DejaVu"
    c.setFont(font, size)
    (c.drawRightString if right else c.drawString)(x, y, s)


def wrapped(c, x, y, s, size, width, bold=False, leading=1.22):
    font = "DejaVu-Bold" if bold else "DejaVu"
    for line in simpleSplit(s, font, size, width):
        text(c, x, y, line, size, bold)
        y -= size * leading
    return y


def draw(c, s):
    lab = LABELS[s["language"]]
    y = H - M - 9
    text(c, M, y, s["shop"]["name"], 9, bold=True)
    y = wrapped(c, M, y - 11, ", ".join(s["shop"]["address_lines"]), 9, W - 2 * M)
    top = y - 4
    text(c, W - M, top - 9, lab["title"].upper(), 9, bold=True, right=True)
    text(c, W - M, top - 28, s["order_number"], 18, bold=True, right=True)
    text(c, W - M, top - 41, f'{lab["date"]}: {date_text(s["placed_at"], s["language"])}', 10, right=True)
    code = Code128(s["order_number"], barWidth=0.3 * mm, barHeight=11 * mm, humanReadable=True,
                   fontName="Helvetica", fontSize=9)
    code.drawOn(c, W - M - code.width, top - 41 - 6 - 11 * mm - 2)
    text(c, M, top - 9, lab["ship_to"].upper(), 9, bold=True)
    ly = top - 24
    for i, line in enumerate(s["ship_to"]):
        ly = wrapped(c, M, ly, line, 12.5 if i == 0 else 10.5, W * 0.55, bold=(i == 0))
    ly = wrapped(c, M, ly - 2, f'{lab["shipping"]}: {s["shipping_method"]}', 10, W * 0.55)
    y = min(ly, top - 41 - 6 - 11 * mm - 14) - 4
    c.line(M, y, W - M, y)
    y -= 14
    if s["customer_note"]:
        c.setFillGray(0.88)
        lines = simpleSplit(f'{lab["note"].upper()}: {s["customer_note"]}', "DejaVu", 10, W - 2 * M - 10)
        h = len(lines) * 12.2 + 6
        c.rect(M, y - h + 10, W - 2 * M, h, stroke=0, fill=1)
        c.setFillGray(0)
        wrapped(c, M + 6, y, f'{lab["note"].upper()}: {s["customer_note"]}', 10, W - 2 * M - 10)
        y -= h + 6
    text(c, M + 16, y, lab["qty"].upper(), 9, bold=True)
    text(c, M + 48, y, lab["item"].upper(), 9, bold=True)
    text(c, W - M - 40, y, lab["bin"].upper(), 9, bold=True)
    y -= 16
    for line in sorted_lines(s["lines"]):
        c.rect(M, y - 1, 9.5, 9.5, stroke=1, fill=0)
        if line["quantity"] > 1:
            c.rect(M + 14, y - 4, 26, 16, stroke=0, fill=1)
            c.setFillGray(1)
        c.setFont("DejaVu-Bold", 12)
        c.drawCentredString(M + 27, y, str(line["quantity"]))
        c.setFillGray(0)
        ny = wrapped(c, M + 48, y, line["name"], 10, W - 2 * M - 100)
        ny = wrapped(c, M + 48, ny, f'{line["variant"]} · {line["sku"]}', 9, W - 2 * M - 100)
        text(c, W - M - 40, y, line["bin"], 10, bold=True)
        if s["show_prices"] and line.get("unit_price"):
            text(c, W - M, ny + 11, line["unit_price"], 9, right=True)
        y = ny - 6
        c.line(M, y + 8, W - M, y + 8)
    if s["show_prices"] and s.get("total"):
        text(c, W - M, y, f'{lab["total"]}: {s["total"]}', 10, bold=True, right=True)
        y -= 14
    if s["inserts"]:
        c.rect(M, y - 4, W - 2 * M, 16, stroke=0, fill=1)
        c.setFillGray(1)
        text(c, M + 6, y, lab["insert"].upper(), 10, bold=True)
        c.setFillGray(0)
        frame_top = y + 12
        y -= 18
        for item in s["inserts"]:
            kind = {"gift": lab["gift"], "card": lab["card"], "gift_message": lab["gift_message"]}[item["kind"]]
            c.rect(M + 6, y - 1, 9.5, 9.5)
            y = wrapped(c, M + 22, y, f'{kind}: {item["title"]}', 10, W - 2 * M - 30, bold=True)
            y = wrapped(c, M + 22, y, item["text"], 10, W - 2 * M - 30) - 4
        c.setLineWidth(1.6)
        c.rect(M, y + 6, W - 2 * M, frame_top - y - 6)
        c.setLineWidth(1)
    text(c, M, M + 6, f'{lab["packed_by"]}:', 10)
    c.line(M + 70, M + 5, M + 180, M + 5)


def main():
    data, out, font_dir = sys.argv[1:4]
    started = time.perf_counter()
    pdfmetrics.registerFont(TTFont("DejaVu", f"{font_dir}/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", f"{font_dir}/DejaVuSans-Bold.ttf"))
    with open(data, encoding="utf-8") as f:
        slips = json.load(f)
    c = canvas.Canvas(out, pagesize=A6)
    for s in slips:
        draw(c, s)
        c.showPage()
    c.save()
    print(f"RESULT reportlab render_s={time.perf_counter() - started:.4f} pages={len(slips)}")


if __name__ == "__main__":
    main()
