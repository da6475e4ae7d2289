// The outcome form's rules, apart from the screen: the keyboard shortcuts, the
// duration as typed, and the attempt sent to the store.
import type { AttemptInput, CallOutcome } from "../../lib/bindings";
export { formatDuration, localDay } from "../../lib/callTime";

export const OUTCOMES = ["reached", "voicemail", "no_answer", "busy", "wrong_number", "refused", "do_not_call"] as const satisfies readonly CallOutcome[];
export type Outcome = CallOutcome;
type Unlisted = Exclude<CallOutcome, (typeof OUTCOMES)[number]>;
export const EVERY_OUTCOME_LISTED: [Unlisted] extends [never] ? true : never = true;

/** What the person filled in. */
export interface CallForm {
  outcome: Outcome | null;
  satisfaction: number | null;
  notes: string;
  deliveryProblem: boolean;
  /** "Call again on", `YYYY-MM-DD`, or empty. */
  callAgainOn: string;
  /** Length of the call as typed: `m:ss`, or minutes. */
  duration: string;
}

export function emptyForm(): CallForm {
  return { outcome: null, satisfaction: null, notes: "", deliveryProblem: false, callAgainOn: "", duration: "0:00" };
}

/** Seconds from `m:ss`, `h:mm:ss` or whole minutes; `null` when it does not read. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,4}$/.test(t)) return Number(t) * 60;
  const m = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/.exec(t);
  if (!m) return null;
  const [h, min, sec] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (sec > 59) return null;
  return h * 3600 + min * 60 + sec;
}

/** Whether the outcome means the customer was spoken to (satisfaction applies). */
export function spokeWithCustomer(outcome: Outcome | null): boolean {
  return outcome === "reached";
}

/** Satisfaction of 2 or less, or a delivery problem, plans a service-recovery call. */
export function plansServiceRecovery(form: CallForm): boolean {
  if (!spokeWithCustomer(form.outcome)) return false;
  return (form.satisfaction !== null && form.satisfaction <= 2) || form.deliveryProblem;
}

export type FormProblem = "chooseOutcome" | "badDuration" | "pastCallAgain";

/** The attempt to record, or what is wrong with the form. `today` is `YYYY-MM-DD`. */
export function attemptFrom(form: CallForm, now: Date, today: string): AttemptInput | FormProblem {
  if (!form.outcome) return "chooseOutcome";
  const seconds = parseDuration(form.duration);
  if (seconds === null) return "badDuration";
  if (form.callAgainOn && form.callAgainOn < today) return "pastCallAgain";
  const spoke = spokeWithCustomer(form.outcome);
  return {
    at: now.toISOString(),
    outcome: form.outcome,
    durationSeconds: seconds,
    satisfaction: spoke ? form.satisfaction : null,
    notes: form.notes.trim(),
    deliveryProblem: spoke && form.deliveryProblem,
    // Local midnight of that day; the store moves it into calling hours.
    followUpAt: form.callAgainOn && form.outcome !== "do_not_call" ? new Date(`${form.callAgainOn}T00:00:00`).toISOString() : null,
  };
}

export type KeyAction =
  | { kind: "outcome"; outcome: Outcome }
  | { kind: "satisfaction"; value: number }
  | { kind: "save" };

interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The digit of a key press, from its code so Alt on any layout still gives it. */
function digit(e: KeyLike): number | null {
  const fromCode = /^(?:Digit|Numpad)(\d)$/.exec(e.code ?? "");
  if (fromCode) return Number(fromCode[1]);
  return /^\d$/.test(e.key) ? Number(e.key) : null;
}

/** Alt+1…7 picks an outcome, Ctrl+1…5 the satisfaction, Ctrl+Enter saves. */
export function keyAction(e: KeyLike): KeyAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey && e.key === "Enter") return { kind: "save" };
  const d = digit(e);
  if (d === null || e.shiftKey) return null;
  if (e.altKey && !ctrl && d >= 1 && d <= OUTCOMES.length) return { kind: "outcome", outcome: OUTCOMES[d - 1] };
  if (ctrl && !e.altKey && d >= 1 && d <= 5) return { kind: "satisfaction", value: d };
  return null;
}

