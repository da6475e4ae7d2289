// What a customer kept: their spending per currency less what was paid back.
import type { Money } from "../../lib/bindings";

export function netSpent(profile: { spent: Money[]; refunded: Money[] }): Money[] {
  return profile.spent.map((gross) => {
    const back = profile.refunded.find((r) => r.currency === gross.currency)?.minor ?? 0;
    return { minor: gross.minor - back, currency: gross.currency };
  });
}
