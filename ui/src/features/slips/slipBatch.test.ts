import { describe, expect, it } from "vitest";
import type { SlipOrder } from "../../lib/bindings";
import { badDay, defaultChoice, initialPrinter, initialSize, itemCount, selectedIds, toFilter, toggleStatus } from "./slipBatch";

function order(id: number): SlipOrder {
  return {
    id,
    number: `#${id}`,
    status: "paid",
    placedAt: "2026-11-20T10:00:00Z",
    total: { minor: 100, currency: "EUR" },
    shippingMethod: "DPD",
    shipTo: [],
    shipCountry: "FI",
    customerNote: "",
    giftMessage: "",
    language: "fi",
    customerName: "Aino",
    lines: [
      { sku: "A", name: "A", variant: "", quantity: 2, unitPrice: { minor: 1, currency: "EUR" }, lineTotal: { minor: 2, currency: "EUR" }, binLocation: null },
      { sku: "B", name: "B", variant: "", quantity: 1, unitPrice: { minor: 1, currency: "EUR" }, lineTotal: { minor: 1, currency: "EUR" }, binLocation: null },
    ],
    prints: 0,
    packedAt: null,
    packedBy: "",
    pack: { kind: "mayPack" },
  };
}

describe("the batch filter", () => {
  it("starts with the paid orders that have no slip yet, by bin", () => {
    expect(toFilter(defaultChoice())).toEqual({
      statuses: ["paid"],
      unprinted: true,
      unpacked: false,
      placedFrom: null,
      placedTo: null,
      shippingMethod: null,
      orderIds: null,
      sort: "bin",
    });
  });

  it("sends typed days and the shipping method, and leaves out what is blank or not a date", () => {
    const f = toFilter({ ...defaultChoice(), placedFrom: "2026-11-01", placedTo: "2026-13-45", shippingMethod: "  DPD " }, [3, 1]);
    expect(f.placedFrom).toBe("2026-11-01");
    expect(f.placedTo).toBeNull();
    expect(f.shippingMethod).toBe("DPD");
    expect(f.orderIds).toEqual([3, 1]);
    expect(badDay("2026-13-45")).toBe(true);
    expect(badDay("")).toBe(false);
  });

  it("keeps at least one status, in the screen's order", () => {
    expect(toggleStatus(["paid"], "paid")).toEqual(["paid"]);
    expect(toggleStatus(["paid"], "open")).toEqual(["paid", "open"]);
    expect(toggleStatus(["delivered", "paid"], "fulfilled")).toEqual(["paid", "fulfilled", "delivered"]);
  });
});

describe("the hand selection", () => {
  it("is every listed order but the unticked ones, in batch order", () => {
    expect(selectedIds([order(5), order(2), order(9)], new Set([2]))).toEqual([5, 9]);
  });
  it("counts items with their quantities", () => {
    expect(itemCount(order(1))).toBe(3);
  });
});

describe("where and how slips print by default", () => {
  const printers = [
    { name: "Office", description: "Office laser", isDefault: true },
    { name: "Zebra", description: "Label printer", isDefault: false },
  ];
  it("prefers the desk printer, then the system default", () => {
    expect(initialPrinter(printers, "Zebra")).toBe("Zebra");
    expect(initialPrinter(printers, "Gone")).toBe("Office");
    expect(initialPrinter(printers, null)).toBe("Office");
    expect(initialPrinter([], null)).toBe("");
  });
  it("takes the size from the settings", () => {
    expect(initialSize("label4x6")).toBe("label4x6");
    expect(initialSize("b5")).toBe("a4");
  });
});
