// The call policy as the settings form edits it: times as `HH:MM`, thresholds in
// major units, and back to the stored shape.
import type { CallPolicy } from "../../lib/bindings";
import { minorFrom } from "../../lib/moneyInput";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** `10:00:00` → `10:00`. */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}

/** `10:00` → `10:00:00` (the stored form). */
export function withSeconds(time: string): string {
  return /^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time;
}

/** Weekdays in calendar order, whatever order they were ticked in. */
export function orderedDays(days: string[]): string[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

/** The policy with its thresholds read from the form; the first currency that does not read, if any. */
export function withThresholds(policy: CallPolicy, typed: Record<string, string>): CallPolicy | { badCurrency: string } {
  const thresholds: Record<string, number> = {};
  for (const [currency, text] of Object.entries(typed)) {
    if (text.trim() === "") continue;
    const minor = minorFrom(text, currency);
    if (minor === null) return { badCurrency: currency };
    thresholds[currency] = minor;
  }
  return { ...policy, bigOrderThresholds: thresholds };
}
