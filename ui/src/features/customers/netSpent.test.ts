import { describe, expect, it } from "vitest";
import { netSpent } from "./netSpent";

describe("netSpent", () => {
  it("takes what was paid back from the spending in the same currency", () => {
    const net = netSpent({
      spent: [{ minor: 15300, currency: "PLN" }, { minor: 5590, currency: "EUR" }],
      refunded: [{ minor: 690, currency: "EUR" }, { minor: 2450, currency: "PLN" }],
    });
    expect(net).toEqual([{ minor: 12850, currency: "PLN" }, { minor: 4900, currency: "EUR" }]);
  });

  it("leaves a currency without refunds as it is", () => {
    expect(netSpent({ spent: [{ minor: 100, currency: "GBP" }], refunded: [] })).toEqual([{ minor: 100, currency: "GBP" }]);
  });
});
