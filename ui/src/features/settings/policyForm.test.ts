import { describe, expect, it } from "vitest";
import type { CallPolicy } from "../../lib/bindings";
import { majorText, minorFrom } from "../../lib/moneyInput";
import { hhmm, orderedDays, withSeconds, withThresholds } from "./policyForm";

const policy = (): CallPolicy => ({
  firstOrder: true, bigOrderThresholds: { PLN: 50000 }, vipTag: "VIP", lateDeliveryDays: 7, minDaysBetweenCalls: 14, daysAfterDelivery: 2, assumedShippingDays: 3,
  forgetAfterDays: 14, callingHours: { start: "10:00:00", end: "18:00:00", days: ["Mon"] },
  retry: { afterDays: 1, maxAttempts: 3 }, requirePhoneConsent: false, serviceRecoveryAfterDays: 1,
});

describe("the call policy form", () => {
  it("shows times without seconds and stores them with", () => {
    expect(hhmm("10:00:00")).toBe("10:00");
    expect(withSeconds("09:30")).toBe("09:30:00");
    expect(withSeconds("09:30:00")).toBe("09:30:00");
  });
  it("edits thresholds in major units with a comma or a point", () => {
    expect(majorText(50000, "PLN")).toBe("500");
    expect(minorFrom("149,50", "EUR")).toBe(14950);
    expect(minorFrom("1 500", "RUB")).toBe(150000);
    expect(minorFrom("five", "PLN")).toBeNull();
  });
  it("drops blank thresholds and names the first one that does not read", () => {
    expect(withThresholds(policy(), { PLN: "400", EUR: "" })).toMatchObject({ bigOrderThresholds: { PLN: 40000 } });
    expect(withThresholds(policy(), { PLN: "400", EUR: "x" })).toEqual({ badCurrency: "EUR" });
  });
  it("keeps weekdays in calendar order", () => {
    expect(orderedDays(["Fri", "Mon", "Wed"])).toEqual(["Mon", "Wed", "Fri"]);
  });
});
