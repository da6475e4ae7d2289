import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "./en.json";
import fi from "./fi.json";
import pl from "./pl.json";
import ru from "./ru.json";
import { pickLanguage } from "./index";

function flatten(o: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
  }
  return out;
}

/** The argument names a message uses, read from its ICU syntax tree. */
function argumentsOf(text: string, lang: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const el of elements as Array<{ type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }>) {
      if (el.type >= 1 && el.type <= 6 && typeof el.value === "string") names.add(el.value);
      for (const opt of Object.values(el.options ?? {})) walk(opt.value);
    }
  };
  walk(new IntlMessageFormat(text, lang).getAst());
  return [...names].sort();
}

const english = flatten(en);
const others = { pl: flatten(pl), ru: flatten(ru), fi: flatten(fi) };

describe("every catalogue translates every English message", () => {
  for (const [lang, messages] of Object.entries(others)) {
    it(`${lang} has exactly the English keys`, () => {
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    });
    it(`${lang} messages are valid ICU and keep the English placeholders`, () => {
      for (const [key, text] of messages) {
        expect(argumentsOf(text, lang), `${lang}:${key}`).toEqual(argumentsOf(english.get(key) ?? "", "en"));
      }
    });
  }
});

describe("plural forms follow each language's rules", () => {
  const fmt = (lang: string, msg: string, count: number) =>
    new IntlMessageFormat(msg, lang).format({ count }) as string;
  it("Russian counts orders as 1 заказ, 3 заказа, 5 заказов, 21 заказ", () => {
    const m = others.ru.get("customers.orders")!;
    expect([1, 3, 5, 21].map((n) => fmt("ru", m, n))).toEqual(["1 заказ", "3 заказа", "5 заказов", "21 заказ"]);
  });
  it("Russian prints slips as 1 лист, 3 листа, 5 листов, 21 лист", () => {
    const m = others.ru.get("slips.print")!;
    expect([1, 3, 5, 21].map((n) => fmt("ru", m, n))).toEqual([
      "Напечатать 1 лист",
      "Напечатать 3 листа",
      "Напечатать 5 листов",
      "Напечатать 21 лист",
    ]);
  });
  it("Polish prints slips as 1 listę, 2 listy, 5 list", () => {
    const m = others.pl.get("slips.print")!;
    expect([1, 2, 5].map((n) => fmt("pl", m, n))).toEqual(["Drukuj 1 listę", "Drukuj 2 listy", "Drukuj 5 list"]);
  });
  it("Finnish counts unticked items as 1 tuote, 2 tuotetta", () => {
    const m = others.fi.get("dispatch.confirmBody")!;
    const say = (left: number) => new IntlMessageFormat(m, "fi").format({ left, number: "#1001" }) as string;
    expect(say(1)).toMatch(/^1 tuote on/);
    expect(say(2)).toMatch(/^2 tuotetta on/);
  });
  it("Polish counts orders as 1 zamówienie, 2 zamówienia, 5 zamówień", () => {
    const m = others.pl.get("customers.orders")!;
    expect([1, 2, 5].map((n) => fmt("pl", m, n))).toEqual(["1 zamówienie", "2 zamówienia", "5 zamówień"]);
  });
});

describe("the UI language follows the system when it is supported", () => {
  it("maps tags to supported languages", () => {
    expect(pickLanguage("ru-RU")).toBe("ru");
    expect(pickLanguage("fi")).toBe("fi");
    expect(pickLanguage("de-DE")).toBe("en");
    expect(pickLanguage(undefined)).toBe("en");
  });
});
