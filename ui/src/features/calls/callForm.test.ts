import { describe, expect, it } from "vitest";
import { attemptFrom, emptyForm, formatDuration, keyAction, parseDuration, plansServiceRecovery, type CallForm } from "./callForm";

const key = (k: string, mods: Partial<{ alt: boolean; ctrl: boolean; shift: boolean; code: string }> = {}) => ({
  key: k,
  code: mods.code,
  altKey: !!mods.alt,
  ctrlKey: !!mods.ctrl,
  metaKey: false,
  shiftKey: !!mods.shift,
});

describe("shortcuts on the call screen", () => {
  it("Alt+digit picks an outcome in form order", () => {
    expect(keyAction(key("1", { alt: true, code: "Digit1" }))).toEqual({ kind: "outcome", outcome: "reached" });
    expect(keyAction(key("3", { alt: true, code: "Digit3" }))).toEqual({ kind: "outcome", outcome: "no_answer" });
    expect(keyAction(key("7", { alt: true, code: "Digit7" }))).toEqual({ kind: "outcome", outcome: "do_not_call" });
    expect(keyAction(key("8", { alt: true, code: "Digit8" }))).toBeNull();
  });
  it("reads the digit from the key code when Alt changes the character", () => {
    expect(keyAction(key("¡", { alt: true, code: "Digit1" }))).toEqual({ kind: "outcome", outcome: "reached" });
  });
  it("Ctrl+1…5 sets the satisfaction and Ctrl+Enter saves", () => {
    expect(keyAction(key("2", { ctrl: true, code: "Digit2" }))).toEqual({ kind: "satisfaction", value: 2 });
    expect(keyAction(key("6", { ctrl: true, code: "Digit6" }))).toBeNull();
    expect(keyAction(key("Enter", { ctrl: true }))).toEqual({ kind: "save" });
  });
  it("plain typing is left alone", () => {
    expect(keyAction(key("1", { code: "Digit1" }))).toBeNull();
    expect(keyAction(key("Enter"))).toBeNull();
    expect(keyAction(key("r", { alt: true, code: "KeyR" }))).toBeNull();
  });
});

describe("the call's length", () => {
  it("reads m:ss, h:mm:ss and whole minutes", () => {
    expect(parseDuration("3:05")).toBe(185);
    expect(parseDuration(" 12 ")).toBe(720);
    expect(parseDuration("1:02:03")).toBe(3723);
    expect(parseDuration("0:00")).toBe(0);
  });
  it("refuses what is not a length", () => {
    expect(parseDuration("3:75")).toBeNull();
    expect(parseDuration("abc")).toBeNull();
    expect(parseDuration("")).toBeNull();
  });
  it("writes seconds as m:ss", () => {
    expect(formatDuration(185)).toBe("3:05");
    expect(formatDuration(0)).toBe("0:00");
  });
});

describe("the attempt sent to the store", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const form = (f: Partial<CallForm>): CallForm => ({ ...emptyForm(), ...f });

  it("needs an outcome and a readable length", () => {
    expect(attemptFrom(form({}), now, "2026-11-26")).toBe("chooseOutcome");
    expect(attemptFrom(form({ outcome: "reached", duration: "x" }), now, "2026-11-26")).toBe("badDuration");
    expect(attemptFrom(form({ outcome: "reached", callAgainOn: "2026-11-20" }), now, "2026-11-26")).toBe("pastCallAgain");
  });
  it("keeps satisfaction and the delivery problem only when the customer was reached", () => {
    const reached = attemptFrom(form({ outcome: "reached", satisfaction: 2, notes: " dented tin ", duration: "2:30", deliveryProblem: true }), now, "2026-11-26");
    expect(reached).toEqual({
      at: "2026-11-26T12:00:00.000Z", outcome: "reached", durationSeconds: 150, satisfaction: 2,
      notes: "dented tin", deliveryProblem: true, followUpAt: null,
    });
    const voicemail = attemptFrom(form({ outcome: "voicemail", satisfaction: 2, deliveryProblem: true }), now, "2026-11-26");
    expect(voicemail).toMatchObject({ satisfaction: null, deliveryProblem: false });
  });
  it("sends the call-again day, except when the customer asked never to be called", () => {
    const again = attemptFrom(form({ outcome: "refused", callAgainOn: "2026-12-01" }), now, "2026-11-26");
    expect(typeof again === "object" && again.followUpAt).toBe(new Date("2026-12-01T00:00:00").toISOString());
    const never = attemptFrom(form({ outcome: "do_not_call", callAgainOn: "2026-12-01" }), now, "2026-11-26");
    expect(typeof never === "object" && never.followUpAt).toBeNull();
  });
  it("foresees a service-recovery call for a poor rating or a delivery problem", () => {
    expect(plansServiceRecovery(form({ outcome: "reached", satisfaction: 2 }))).toBe(true);
    expect(plansServiceRecovery(form({ outcome: "reached", satisfaction: 3 }))).toBe(false);
    expect(plansServiceRecovery(form({ outcome: "reached", deliveryProblem: true }))).toBe(true);
    expect(plansServiceRecovery(form({ outcome: "no_answer", satisfaction: 1 }))).toBe(false);
  });
});
