import { describe, expect, it } from "vitest";
import type { CustomerProfile } from "../../lib/bindings";
import { defaultChoices, FIELDS } from "./mergeChoices";

function profile(over: Partial<CustomerProfile>): CustomerProfile {
  return {
    id: 1, firstName: "", middleName: "", lastName: "", company: "", displayName: "", addressForm: "", initials: "",
    email: null, phones: [], language: null, country: null, birthday: null, notes: "", tags: [], doNotCall: false,
    consents: [], addresses: [], externalIds: [], createdAt: "", updatedAt: "", spent: [], refunded: [], orderCount: 0,
    orders: [], calls: [], ...over,
  };
}

describe("defaultChoices", () => {
  it("keeps the kept customer's values and fills their blanks from the other", () => {
    const left = profile({ firstName: "Anna", lastName: "Nowak", email: "anna@wp.pl" });
    const right = profile({ id: 2, firstName: "A.", lastName: "Nowak", email: "a.nowak@gmail.com", birthday: "1985-04-02", country: "PL" });
    const c = defaultChoices(left, right, "left");
    expect(c.first_name).toBe("left");
    expect(c.email).toBe("left");
    expect(c.birthday).toBe("right");
    expect(c.country).toBe("right");
    expect(Object.keys(c).sort()).toEqual([...FIELDS].sort());
  });

  it("follows the kept side when staff keep the other one", () => {
    const left = profile({ firstName: "Anna", email: "anna@wp.pl" });
    const right = profile({ id: 2, firstName: "Ania", email: null });
    const c = defaultChoices(left, right, "right");
    expect(c.first_name).toBe("right");
    expect(c.email).toBe("left");
  });
});
