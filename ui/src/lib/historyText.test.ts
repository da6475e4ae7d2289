import { describe, expect, it } from "vitest";
import { describeChange } from "./historyText";

describe("describeChange", () => {
  it("shows an edited field with before and after", () => {
    expect(describeChange('{"field":"notes","from":"","to":"Prefers tea"}')).toEqual({ field: "notes", from: "—", to: "Prefers tea" });
    expect(describeChange('{"field":"tags","from":["vip"],"to":["vip","wholesale"]}')).toEqual({ field: "tags", from: "vip", to: "vip, wholesale" });
    expect(describeChange('{"field":"consent.sms","from":null,"to":true}')).toEqual({ field: "consent.sms", from: "—", to: "true" });
    expect(describeChange('{"key":"shop_name","from":"My shop","to":"Herbaciarnia"}')).toEqual({ field: "shop_name", from: "My shop", to: "Herbaciarnia" });
  });

  it("marks what an erasure took", () => {
    expect(describeChange('{"erased":true}')).toEqual({ erased: true });
  });

  it("lists other details as keys and values, leaving out empty ones", () => {
    expect(describeChange('{"removed":12,"merge":3,"fromRemoved":[]}')).toEqual({ text: "removed: 12 · merge: 3" });
    expect(describeChange("not json")).toEqual({ text: "not json" });
  });
});
