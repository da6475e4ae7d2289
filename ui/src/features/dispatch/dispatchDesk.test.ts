import { describe, expect, it } from "vitest";
import type { OrderLineView, SlipOrder } from "../../lib/bindings";
import {
  applyError,
  applyPacked,
  applyScan,
  canPack,
  emptyDesk,
  interpret,
  needsConfirmation,
  packBlocked,
  showOrder,
  tickUnit,
  toggleLine,
  toneOf,
  untickUnit,
  type DeskState,
} from "./dispatchDesk";

const pln = (minor: number) => ({ minor, currency: "PLN" });

function line(sku: string, quantity: number, binLocation: string | null): OrderLineView {
  return { sku, name: `Product ${sku}`, variant: "", quantity, unitPrice: pln(1000), lineTotal: pln(1000 * quantity), binLocation };
}

function order(id: number, overrides: Partial<SlipOrder> = {}): SlipOrder {
  return {
    id,
    number: `#${1000 + id}`,
    status: "paid",
    placedAt: "2026-11-20T10:00:00Z",
    total: pln(5000),
    shippingMethod: "InPost Paczkomat",
    shipTo: ["Anna Kowalska", "ul. Długa 5", "00-001 Warszawa"],
    shipCountry: "PL",
    customerNote: "",
    giftMessage: "",
    language: "pl",
    customerName: "Anna Kowalska",
    // In the walking order the Rust side sends them in.
    lines: [line("SOAP-LAV", 1, "A-2"), line("MUG", 2, "B-9"), line("CANDLE-FIG", 3, "B-10"), line("CARD", 1, null)],
    prints: 0,
    packedAt: null,
    packedBy: "",
    pack: { kind: "mayPack" },
    ...overrides,
  };
}

const onDesk = (o: SlipOrder = order(1)): DeskState => showOrder(emptyDesk, o);
const skuAt = (s: DeskState, i: number) => s.lines[i].sku;

describe("lines are shown in the order a packer walks the shelves", () => {
  it("keeps the walking order the Rust side decided", () => {
    expect(onDesk().lines.map((l) => l.sku)).toEqual(["SOAP-LAV", "MUG", "CANDLE-FIG", "CARD"]);
  });
});

describe("scanning an order's SKUs ticks its lines unit by unit", () => {
  it("a SKU of the order ticks one unit of its line, in any letter case", () => {
    let s = onDesk();
    const step = interpret(s, "  candle-fig ");
    expect(step).toEqual({ kind: "tick", index: 2 });
    s = tickUnit(s, 2);
    expect(s.lines[2]).toMatchObject({ sku: "CANDLE-FIG", ticked: 1, quantity: 3 });
  });

  it("a line of three needs three scans, and a fourth is an error", () => {
    let s = onDesk();
    for (let n = 0; n < 3; n++) {
      const step = interpret(s, "CANDLE-FIG");
      expect(step.kind).toBe("tick");
      if (step.kind === "tick") s = tickUnit(s, step.index);
    }
    expect(s.lines[2].ticked).toBe(3);
    expect(interpret(s, "CANDLE-FIG")).toEqual({ kind: "overScanned", index: 2 });
    s = tickUnit(s, 2);
    expect(s.banner).toEqual({ kind: "overScanned", sku: "CANDLE-FIG", quantity: 3 });
    expect(toneOf(s.banner!)).toBe("error");
  });

  it("a code that is no line of the order is looked up", () => {
    expect(interpret(onDesk(), "TEA-01")).toEqual({ kind: "lookup", code: "TEA-01" });
    expect(interpret(emptyDesk, "#1001")).toEqual({ kind: "lookup", code: "#1001" });
  });

  it("a product that is not in the order on the desk is a loud error", () => {
    const s = applyScan(onDesk(), { kind: "product", product: { sku: "TEA-01", name: "Green tea", binLocation: "C-1" } });
    expect(s.banner).toEqual({ kind: "notInOrder", sku: "TEA-01", name: "Green tea" });
    expect(toneOf(s.banner!)).toBe("error");
    expect(s.order?.id).toBe(1);
  });

  it("a product with no order on the desk asks for the order first", () => {
    const s = applyScan(emptyDesk, { kind: "product", product: { sku: "TEA-01", name: "Green tea", binLocation: "C-1" } });
    expect(s.banner?.kind).toBe("noOrder");
  });

  it("an unknown code says so and keeps the order on the desk", () => {
    const s = applyScan(onDesk(), { kind: "unknown", code: "XYZ" });
    expect(s.banner).toEqual({ kind: "unknown", code: "XYZ" });
    expect(s.order?.id).toBe(1);
  });

  it("clicking a line ticks one more unit and a full line back to none", () => {
    let s = onDesk();
    s = toggleLine(s, 0);
    expect(s.lines[0].ticked).toBe(1);
    s = toggleLine(s, 0);
    expect(s.lines[0].ticked).toBe(0);
    s = toggleLine(toggleLine(s, 1), 1);
    expect(skuAt(s, 1)).toBe("MUG");
    expect(s.lines[1].ticked).toBe(2);
    s = untickUnit(s, 1);
    expect(s.lines[1].ticked).toBe(1);
  });

  it("the same order scanned again keeps its ticks; another order starts afresh and notes the one left", () => {
    let s = tickUnit(onDesk(), 0);
    s = applyScan(s, { kind: "order", order: order(1) });
    expect(s.lines[0].ticked).toBe(1);
    s = applyScan(s, { kind: "order", order: order(2) });
    expect(s.lines.every((l) => l.ticked === 0)).toBe(true);
    expect(s.banner).toEqual({ kind: "leftUnpacked", number: "#1001" });
    expect(toneOf(s.banner!)).toBe("warn");
  });
});

describe("packing", () => {
  it("the pack code is PACKED in any case", () => {
    expect(interpret(onDesk(), "packed")).toEqual({ kind: "pack" });
    expect(interpret(emptyDesk, " Packed\n")).toEqual({ kind: "pack" });
  });

  it("asks for confirmation until every unit is ticked", () => {
    let s = onDesk(order(1, { lines: [line("A", 2, "A-1"), line("B", 1, "A-2")] }));
    expect(needsConfirmation(s)).toBe(true);
    s = tickUnit(tickUnit(tickUnit(s, 0), 0), 1);
    expect(needsConfirmation(s)).toBe(false);
  });

  it("refuses cancelled and refunded orders, and says so when the order is shown", () => {
    for (const status of ["cancelled", "refunded"] as const) {
      const s = onDesk(order(3, { status, pack: { kind: "doNotPack", status } }));
      expect(canPack(s)).toBe(false);
      expect(s.banner).toEqual({ kind: "doNotPack", status });
      expect(packBlocked(s)).toEqual({ kind: "doNotPack", status });
      const scanned = tickUnit({ ...s, banner: null }, 0);
      expect(scanned.banner).toEqual({ kind: "doNotPack", status });
      expect(scanned.lines.every((l) => l.ticked === 0)).toBe(true);
    }
  });

  it("refuses an order packed already, with when and by whom", () => {
    const s = onDesk(
      order(4, { packedAt: "2026-11-21T09:30:00Z", packedBy: "Ola", pack: { kind: "alreadyPacked", at: "2026-11-21T09:30:00Z", by: "Ola" } }),
    );
    expect(canPack(s)).toBe(false);
    expect(s.banner).toMatchObject({ kind: "alreadyPacked", at: "2026-11-21T09:30:00Z", by: "Ola" });
  });

  it("with nothing on the desk, PACKED has nothing to pack", () => {
    expect(packBlocked(emptyDesk)).toEqual({ kind: "nothingToPack" });
  });

  it("a packed order shows the slip's fate; not printed is a warning, not an error", () => {
    const s = onDesk();
    const done = applyPacked(s, { order: order(1, { packedAt: "2026-11-26T12:00:00Z", packedBy: "desk" }), slip: "notPrinted", printer: null, reason: "no printer" });
    expect(done.packed).toBe(true);
    expect(canPack(done)).toBe(false);
    expect(done.banner).toEqual({ kind: "packed", number: "#1001", slip: "notPrinted", printer: null, reason: "no printer" });
    expect(toneOf(done.banner!)).toBe("warn");
    const printed = applyPacked(s, { order: order(1), slip: "printed", printer: "Desk", reason: null });
    expect(toneOf(printed.banner!)).toBe("ok");
    expect(interpret(done, "CANDLE-FIG")).toEqual({ kind: "lookup", code: "CANDLE-FIG" });
  });

  it("maps the Rust side's refusals to banners", () => {
    const s = onDesk();
    expect(applyError(s, { code: "dispatch.already_packed", message: "packed at 10:00 by Ola", params: {} }).banner).toMatchObject({
      kind: "alreadyPacked",
      message: "packed at 10:00 by Ola",
    });
    expect(applyError(s, { code: "dispatch.not_to_be_packed", message: "cancelled", params: {} }).banner).toEqual({ kind: "doNotPack", status: "paid" });
    expect(applyError(s, { code: "print.failed", message: "lp: error", params: {} }).banner).toEqual({ kind: "failed", code: "print.failed", message: "lp: error", params: {} });
  });
});
