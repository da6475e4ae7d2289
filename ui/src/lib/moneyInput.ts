// Amounts as people type them: major units with a comma or a point, to and from
// the minor units the store keeps.
import { currencyExponent } from "./format";

/** Minor units → the amount a person types (50000 PLN → "500", 14950 EUR → "149.5"). */
export function majorText(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  return String(minor / 10 ** exp);
}

/** A typed amount (comma or point, spaces between thousands) → minor units; `null` when it does not read. */
export function minorFrom(text: string, currency: string): number | null {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 10 ** currencyExponent(currency));
}
