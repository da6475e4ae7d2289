// The gift rules editor's logic apart from the screen: a new rule of each kind,
// and each step of a plan's trace as a message key with its values.
import type { GiftPolicy, GiftRule, GiftView, TraceStep } from "../../lib/bindings";
import { formatMoney } from "../../lib/format";

export const RULE_KINDS = [
  "firstOrder", "nthOrder", "orderTotalAtLeast", "tier", "birthday", "nameDay", "referral", "winBack", "manual",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const CARD_OCCASIONS = [
  "thankYou", "welcome", "milestone", "bigOrder", "loyalty", "birthday", "nameDay", "referral", "welcomeBack",
] as const;

/** The card a rule of this kind suggests. */
const CARD_FOR: Record<RuleKind, (typeof CARD_OCCASIONS)[number]> = {
  firstOrder: "welcome", nthOrder: "milestone", orderTotalAtLeast: "bigOrder", tier: "loyalty", birthday: "birthday",
  nameDay: "nameDay", referral: "referral", winBack: "welcomeBack", manual: "thankYou",
};

/** A new rule of `kind` with sensible parameters and an id unused in `policy`. */
export function newRule(kind: RuleKind, policy: GiftPolicy, currency: string): GiftRule {
  const id = Math.max(0, ...policy.rules.map((r) => r.id)) + 1;
  const base = { id, name: "", enabled: true, gifts: [] as number[], card: CARD_FOR[kind], alsoLaterRules: false };
  switch (kind) {
    case "nthOrder": return { ...base, kind, n: 10, repeat: false };
    case "orderTotalAtLeast": return { ...base, kind, thresholdsMinor: { [currency]: 30000 } };
    case "tier": return { ...base, kind, tiers: ["VIP"] };
    case "birthday": return { ...base, kind, withinDays: 14 };
    case "nameDay": return { ...base, kind, withinDays: 7, calendars: [] };
    case "winBack": return { ...base, kind, minGapDays: 180 };
    default: return { ...base, kind } as GiftRule;
  }
}

/** Moves rule `index` one place up (-1) or down (+1) in priority. */
export function moveRule(rules: GiftRule[], index: number, by: -1 | 1): GiftRule[] {
  const to = index + by;
  if (to < 0 || to >= rules.length) return rules;
  const out = [...rules];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

export interface Message {
  key: string;
  values: Record<string, string | number>;
}

/** A trace step as a message: which rule, which gift, and why. */
export function describeStep(
  step: TraceStep,
  rules: GiftRule[],
  gifts: GiftView[],
  locale: string,
  formatDay: (iso: string) => string,
  kindLabel: (kind: RuleKind) => string = (k) => k,
): Message {
  const rule = rules.find((r) => r.id === step.ruleId);
  const ruleName = rule ? rule.name || kindLabel(rule.kind) : `#${step.ruleId}`;
  const giftName = (id: number) => gifts.find((g) => g.id === id)?.name ?? `#${id}`;
  switch (step.kind) {
    case "ruleDisabled": return { key: "gifts.trace.ruleDisabled", values: { rule: ruleName } };
    case "ruleMatched":
      return step.occasionOn
        ? { key: "gifts.trace.ruleMatchedOn", values: { rule: ruleName, date: formatDay(step.occasionOn) } }
        : { key: "gifts.trace.ruleMatched", values: { rule: ruleName } };
    case "ruleNotMatched": {
      const w = step.why;
      const values: Record<string, string | number> = { rule: ruleName };
      switch (w.kind) {
        case "notFirstOrder": values.n = w.orderIndex; break;
        case "notNthOrder": values.n = w.orderIndex; values.want = w.n; break;
        case "totalBelow":
          values.total = formatMoney({ minor: w.totalMinor, currency: w.currency }, locale);
          values.threshold = formatMoney({ minor: w.thresholdMinor, currency: w.currency }, locale);
          break;
        case "noThresholdForCurrency": values.currency = w.currency; break;
        case "birthdayNotWithin": values.date = formatDay(w.next); values.days = w.withinDays; break;
        case "nameDayNotWithin": values.date = formatDay(w.next); values.days = w.withinDays; break;
        case "gapTooShort": values.days = w.daysSincePrevious; values.want = w.minGapDays; break;
      }
      return { key: `gifts.miss.${w.kind}`, values };
    }
    case "giftSkipped": {
      const w = step.why;
      const values: Record<string, string | number> = { rule: ruleName, gift: giftName(step.giftId) };
      if (w.kind === "outOfStock") { values.stock = w.stock; values.planned = w.planned; }
      if (w.kind === "overBudget") {
        values.spent = formatMoney({ minor: w.spentMinor, currency: w.currency }, locale);
        values.budget = formatMoney({ minor: w.budgetMinor, currency: w.currency }, locale);
      }
      if (w.kind === "givenRecently") { values.date = formatDay(w.givenOn); values.months = w.months; }
      return { key: `gifts.skip.${w.kind}`, values };
    }
    case "giftChosen": return { key: "gifts.trace.giftChosen", values: { rule: ruleName, gift: giftName(step.giftId) } };
    case "cardAdded": return { key: "gifts.trace.cardAdded", values: { rule: ruleName, card: step.card } };
    case "cardOnly": return { key: "gifts.trace.cardOnly", values: { rule: ruleName, card: step.card } };
    case "ruleGaveNothing": return { key: "gifts.trace.ruleGaveNothing", values: { rule: ruleName } };
  }
}
