import { describe, expect, it } from "vitest";
import { countryName, currencyExponent, formatBirthday, formatAgo, formatBytes, formatDateTime, formatMoney, formatShortDate } from "./format";

describe("money is shown in the locale's way from integer minor units", () => {
  it("uses the currency's exponent", () => {
    expect(currencyExponent("PLN")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
  });
  it("formats Polish złoty with a decimal comma", () => {
    const s = formatMoney({ minor: 123456, currency: "PLN" }, "pl");
    expect(s.replace(/\s/g, " ")).toMatch(/1 ?234,56 zł/);
  });
  it("formats euros in Finnish and dollars in English", () => {
    expect(formatMoney({ minor: 1999, currency: "EUR" }, "fi").replace(/\s/g, " ")).toBe("19,99 €");
    expect(formatMoney({ minor: 1999, currency: "USD" }, "en")).toBe("$19.99");
  });
});

describe("dates and places", () => {
  it("shows a birthday without shifting it by the time zone", () => {
    expect(formatBirthday("1990-03-01", "en")).toBe("March 1, 1990");
  });
  it("names countries in the UI language", () => {
    expect(countryName("FI", "en")).toBe("Finland");
    expect(countryName("DE", "pl")).toBe("Niemcy");
  });
});

describe("times and sizes", () => {
  it("shows a timestamp with its time of day", () => {
    const s = formatDateTime("2026-11-26T12:05:00Z", "en");
    expect(s).toMatch(/Nov 26, 2026/);
    expect(s).toMatch(/\d{1,2}:05/);
    expect(formatDateTime(null, "en")).toBe("");
  });
  it("leaves the year out of short dates of this year", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(formatShortDate("2026-11-25T10:00:00Z", "en", now)).toBe("Nov 25");
    expect(formatShortDate("2024-12-01T10:00:00Z", "en", now)).toBe("Dec 1, 2024");
  });
  it("shows file sizes in bytes, kilobytes and megabytes", () => {
    expect(formatBytes(840, "en")).toBe("840 B");
    expect(formatBytes(24 * 1024 + 300, "en")).toBe("24 KB");
    expect(formatBytes(1.3 * 1024 * 1024, "pl")).toBe("1,3 MB");
  });
});

describe("formatAgo", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  it("says minutes, hours and days in the person's language", () => {
    expect(formatAgo("2026-12-04T11:57:00Z", "en", "just now", now)).toBe("3 minutes ago");
    expect(formatAgo("2026-12-04T11:57:00Z", "pl", "przed chwilą", now)).toBe("3 minuty temu");
    expect(formatAgo("2026-12-04T09:00:00Z", "fi", "juuri nyt", now)).toBe("3 tuntia sitten");
    expect(formatAgo("2026-12-02T12:00:00Z", "ru", "только что", now)).toBe("позавчера");
  });
  it("says 'just now' under a minute and nothing without a time", () => {
    expect(formatAgo("2026-12-04T11:59:30Z", "en", "just now", now)).toBe("just now");
    expect(formatAgo(null, "en", "just now", now)).toBe("");
  });
});
