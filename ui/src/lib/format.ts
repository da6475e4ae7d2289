// Money, dates and names of countries and languages, formatted for the UI locale.
// Each formatter is made once per locale and options and kept: making one loads
// ICU's data for it, which a list of a hundred rows would otherwise do per row.
import type { Money } from "./bindings";

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function kept<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  kind: string,
  locale: string,
  options: object,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept("number", locale, options, () => new Intl.NumberFormat(locale, options));
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept("date", locale, options, () => new Intl.DateTimeFormat(locale, options));
}

const exponents = new Map<string, number>();

/** Decimal places of a currency's minor unit (2 for PLN, 0 for JPY). */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    try {
      e = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    } catch {
      e = 2;
    }
    exponents.set(currency, e);
  }
  return e;
}

/** `1999 PLN` in minor units → "19,99 zł" in Polish, "PLN 19.99" in English. */
export function formatMoney(m: Money, locale: string): string {
  const exp = currencyExponent(m.currency);
  const value = m.minor / 10 ** exp;
  try {
    return numberFormat(locale, {
      style: "currency",
      currency: m.currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    }).format(value);
  } catch {
    return `${value.toFixed(exp)} ${m.currency}`;
  }
}

/** A UTC ISO timestamp as a local date ("26 lis 2026"). */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(locale, { year: "numeric", month: "short", day: "numeric" }).format(d);
}

/** A UTC ISO timestamp as a short local date: "Nov 25" this year, "Nov 25, 2024" before. */
export function formatShortDate(iso: string | null | undefined, locale: string, now: Date = new Date()): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameYear = d.getFullYear() === now.getFullYear();
  return dateFormat(locale, sameYear ? { month: "short", day: "numeric" } : { month: "short", day: "numeric", year: "numeric" }).format(d);
}

/** A UTC ISO timestamp as a local date and time ("26 Nov 2026, 14:05"). */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** A size in bytes for people: "840 B", "24 KB", "1.3 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A birthday (YYYY-MM-DD, no time zone) as a date in the locale. */
export function formatBirthday(ymd: string | null | undefined, locale: string): string {
  if (!ymd) return "";
  const [y, m, d] = ymd.split("-").map(Number);
  if (!y || !m || !d) return ymd;
  return dateFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

function displayName(type: "region" | "language", code: string | null | undefined, locale: string): string {
  if (!code) return "";
  try {
    return kept("names", locale, { type }, () => new Intl.DisplayNames([locale], { type })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "PL" → "Polska" in Polish, "Poland" in English. */
export function countryName(code: string | null | undefined, locale: string): string {
  return displayName("region", code, locale);
}

/** "ru" → "Russian" in English, "rosyjski" in Polish. */
export function languageName(code: string | null | undefined, locale: string): string {
  return displayName("language", code, locale);
}

// "3 minutes ago", "in 2 hours", in the person's language; `justNow` under a minute.
export function formatAgo(iso: string | null | undefined, locale: string, justNow: string, now: Date = new Date()): string {
  if (!iso) return "";
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return "";
  const seconds = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(seconds) < 60) return justNow;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const minutes = seconds / 60;
  if (Math.abs(minutes) < 60) return rtf.format(Math.round(minutes), "minute");
  const hours = minutes / 60;
  if (Math.abs(hours) < 24) return rtf.format(Math.round(hours), "hour");
  return rtf.format(Math.round(hours / 24), "day");
}
