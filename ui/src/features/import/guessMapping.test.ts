import { describe, expect, it } from "vitest";
import { guessMapping } from "./guessMapping";

describe("a first guess at the mapping reads headers in five languages", () => {
  it("maps a German shop export", () => {
    const columns = ["Bestellnummer", "Datum", "Kunde", "E-Mail", "Telefon", "Artikel", "Menge", "Preis", "Summe", "Währung"];
    const fields = ["order_number", "placed_at", "full_name", "email", "phone", "line_name", "line_quantity", "line_price", "total", "currency"];
    expect(guessMapping(fields, columns)).toEqual({
      order_number: "Bestellnummer",
      placed_at: "Datum",
      full_name: "Kunde",
      email: "E-Mail",
      phone: "Telefon",
      line_name: "Artikel",
      line_quantity: "Menge",
      line_price: "Preis",
      total: "Summe",
      currency: "Währung",
    });
  });
  it("maps Polish and Russian customer lists and never uses a column twice", () => {
    expect(guessMapping(["first_name", "last_name", "email", "phone"], ["Imię", "Nazwisko", "E-mail", "Telefon"])).toEqual({
      first_name: "Imię", last_name: "Nazwisko", email: "E-mail", phone: "Telefon",
    });
    const ru = guessMapping(["full_name", "phone", "email"], ["ФИО", "Телефон", "Почта"]);
    expect(ru).toEqual({ full_name: "ФИО", phone: "Телефон", email: "Почта" });
  });
  it("leaves out fields it cannot place", () => {
    expect(guessMapping(["email", "tags"], ["Mail address", "Something"])).toEqual({ email: "Mail address" });
  });
});
