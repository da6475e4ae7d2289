import { describe, expect, it } from "vitest";
import type { GiftPolicy, GiftRule, GiftView } from "../../lib/bindings";
import { describeStep, moveRule, newRule } from "./giftRules";

const policy = (rules: GiftRule[] = []): GiftPolicy => ({ rules, monthlyBudgetMinor: {}, noRepeatMonths: 6 });
const gift = (id: number, name: string): GiftView => ({
  id, name, sku: null, unitCostMinor: 500, currency: "PLN", stock: 10, planned: 0, lowStockAt: 2, active: true, lowStock: false,
});
const day = (iso: string) => `day ${iso}`;

describe("a new gift rule", () => {
  it("gets the next free id and the card its kind suggests", () => {
    const first = newRule("firstOrder", policy(), "PLN");
    expect(first).toMatchObject({ id: 1, kind: "firstOrder", card: "welcome", enabled: true, gifts: [] });
    const big = newRule("orderTotalAtLeast", policy([first]), "EUR");
    expect(big).toMatchObject({ id: 2, kind: "orderTotalAtLeast", thresholdsMinor: { EUR: 30000 }, card: "bigOrder" });
    expect(newRule("nameDay", policy(), "PLN")).toMatchObject({ withinDays: 7, calendars: [] });
  });
  it("moves up and down in priority, and not past either end", () => {
    const rules = [newRule("firstOrder", policy(), "PLN"), { ...newRule("tier", policy(), "PLN"), id: 2 }];
    expect(moveRule(rules, 1, -1).map((r) => r.id)).toEqual([2, 1]);
    expect(moveRule(rules, 0, -1)).toBe(rules);
    expect(moveRule(rules, 1, 1)).toBe(rules);
  });
});

describe("a plan's trace in words", () => {
  const rules: GiftRule[] = [{ ...newRule("firstOrder", policy(), "PLN"), name: "Welcome tea" }];
  const gifts = [gift(7, "Tea sampler"), gift(8, "Honey")];

  it("names the rule and the gift chosen", () => {
    expect(describeStep({ kind: "giftChosen", ruleId: 1, giftId: 7 }, rules, gifts, "en", day)).toEqual({
      key: "gifts.trace.giftChosen", values: { rule: "Welcome tea", gift: "Tea sampler" },
    });
  });
  it("says why a gift was skipped, with amounts and dates for people", () => {
    const stock = describeStep({ kind: "giftSkipped", ruleId: 1, giftId: 8, why: { kind: "outOfStock", stock: 3, planned: 3 } }, rules, gifts, "en", day);
    expect(stock).toEqual({ key: "gifts.skip.outOfStock", values: { rule: "Welcome tea", gift: "Honey", stock: 3, planned: 3 } });
    const recent = describeStep({ kind: "giftSkipped", ruleId: 1, giftId: 8, why: { kind: "givenRecently", givenOn: "2026-05-02", months: 6 } }, rules, gifts, "en", day);
    expect(recent.values).toMatchObject({ date: "day 2026-05-02", months: 6 });
    const budget = describeStep({ kind: "giftSkipped", ruleId: 1, giftId: 7, why: { kind: "overBudget", currency: "PLN", budgetMinor: 20000, spentMinor: 19800, costMinor: 500 } }, rules, gifts, "en", day);
    expect(budget.key).toBe("gifts.skip.overBudget");
    expect(String(budget.values.budget)).toMatch(/200/);
  });
  it("says why a rule did not apply", () => {
    const m = describeStep({ kind: "ruleNotMatched", ruleId: 1, why: { kind: "notFirstOrder", orderIndex: 4 } }, rules, gifts, "en", day);
    expect(m).toEqual({ key: "gifts.miss.notFirstOrder", values: { rule: "Welcome tea", n: 4 } });
  });
  it("names an unnamed rule by its kind", () => {
    const unnamed: GiftRule[] = [newRule("firstOrder", policy(), "PLN")];
    const m = describeStep({ kind: "ruleMatched", ruleId: 1 }, unnamed, gifts, "en", day, (k) => `kind:${k}`);
    expect(m.values.rule).toBe("kind:firstOrder");
  });
  it("falls back to the rule's number and the gift's id when they are gone", () => {
    const m = describeStep({ kind: "giftChosen", ruleId: 9, giftId: 99 }, rules, gifts, "en", day);
    expect(m.values).toEqual({ rule: "#9", gift: "#99" });
  });
});
