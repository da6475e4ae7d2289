// The dispatch desk's rules, free of the screen: what a scanned code means for
// the order on the desk, ticking lines unit by unit, when packing is refused or
// needs a confirmation, and which banner a scan or a pack answer raises.
import type { AppError, ErrorCode, OrderStatus, Packed, ScanResult, SlipOrder, SlipOutcome } from "../../lib/bindings";

/** The code a packer scans (from a card on the desk) to say the parcel is packed. */
export const PACK_CODE = "PACKED";

/** One line of the order on the desk, with how many of its units were ticked. */
export type DeskLine = {
  sku: string;
  name: string;
  variant: string;
  bin: string | null;
  quantity: number;
  ticked: number;
};

/** What the desk tells the packer, loudly for errors. */
export type Banner =
  | { kind: "unknown"; code: string }
  | { kind: "notInOrder"; sku: string; name: string }
  | { kind: "noOrder"; sku: string; name: string }
  | { kind: "nothingToPack" }
  | { kind: "overScanned"; sku: string; quantity: number }
  | { kind: "doNotPack"; status: OrderStatus }
  | { kind: "alreadyPacked"; at: string | null; by: string; message: string }
  | { kind: "failed"; code: ErrorCode; message: string; params: AppError["params"] }
  | { kind: "leftUnpacked"; number: string }
  | { kind: "packed"; number: string; slip: SlipOutcome; printer: string | null; reason: string | null };

export type Tone = "error" | "warn" | "ok";

/** The desk: the order in front of the packer, its lines and the last message. */
export type DeskState = {
  order: SlipOrder | null;
  lines: DeskLine[];
  banner: Banner | null;
  /** The order was packed at this desk just now. */
  packed: boolean;
};

export const emptyDesk: DeskState = { order: null, lines: [], banner: null, packed: false };

/** What to do with a code typed or scanned into the desk's field. */
export type ScanStep =
  | { kind: "ignore" }
  | { kind: "pack" }
  | { kind: "tick"; index: number }
  | { kind: "overScanned"; index: number }
  | { kind: "lookup"; code: string };

/** Why this order must not be packed (the Rust side's verdict), or `null` when it may be. */
export function packRefusal(order: SlipOrder): Banner | null {
  switch (order.pack.kind) {
    case "doNotPack":
      return { kind: "doNotPack", status: order.pack.status };
    case "alreadyPacked":
      return { kind: "alreadyPacked", at: order.pack.at, by: order.pack.by, message: "" };
    case "mayPack":
      return null;
  }
}

/**
 * Puts an order on the desk, nothing ticked (the same order scanned again keeps
 * its ticks); says so when the previous one was left half done.
 */
export function showOrder(state: DeskState, order: SlipOrder): DeskState {
  // The lines come in the order a packer walks the shelves (decided on the Rust side).
  const lines = order.lines.map((l) => ({
    sku: l.sku,
    name: l.name,
    variant: l.variant,
    bin: l.binLocation,
    quantity: l.quantity,
    ticked: 0,
  }));
  const again = state.order?.id === order.id && !state.packed && !order.packedAt;
  if (again) {
    // The same slip scanned twice keeps what was ticked.
    lines.forEach((l, i) => (l.ticked = Math.min(l.quantity, state.lines[i]?.sku === l.sku ? state.lines[i].ticked : 0)));
  }
  const left =
    state.order && state.order.id !== order.id && !state.packed && canPack(state) && tickedUnits(state.lines) > 0
      ? ({ kind: "leftUnpacked", number: state.order.number } as const)
      : null;
  return { order, lines, banner: packRefusal(order) ?? left, packed: false };
}

const sameSku = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

/** What a code means on this desk: the pack code, a line of the order, or something to look up. */
export function interpret(state: DeskState, raw: string): ScanStep {
  const code = raw.trim();
  if (!code) return { kind: "ignore" };
  if (code.toUpperCase() === PACK_CODE) return { kind: "pack" };
  if (!state.order || state.packed) return { kind: "lookup", code };
  const matching = state.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.sku && sameSku(l.sku, code));
  if (matching.length === 0) return { kind: "lookup", code };
  const open = matching.find(({ l }) => l.ticked < l.quantity);
  return open ? { kind: "tick", index: open.i } : { kind: "overScanned", index: matching[0].i };
}

function withLine(state: DeskState, index: number, ticked: number): DeskState {
  const lines = state.lines.map((l, i) => (i === index ? { ...l, ticked: Math.max(0, Math.min(l.quantity, ticked)) } : l));
  return { ...state, lines, banner: null };
}

/**
 * One more unit of a line scanned. Scanning past the quantity, or a line of an
 * order that must not be packed, is an error the packer must hear.
 */
export function tickUnit(state: DeskState, index: number): DeskState {
  const line = state.lines[index];
  if (!line) return state;
  if (!lineTickable(state)) return { ...state, banner: packBlocked(state) };
  if (line.ticked >= line.quantity) {
    return { ...state, banner: { kind: "overScanned", sku: line.sku, quantity: line.quantity } };
  }
  return withLine(state, index, line.ticked + 1);
}

/** A click or Space on a line: one unit more; on a full line, back to none. */
export function toggleLine(state: DeskState, index: number): DeskState {
  const line = state.lines[index];
  if (!line || !lineTickable(state)) return state;
  return withLine(state, index, line.ticked >= line.quantity ? 0 : line.ticked + 1);
}

/** One unit less (Shift+Space). */
export function untickUnit(state: DeskState, index: number): DeskState {
  const line = state.lines[index];
  if (!line || !lineTickable(state)) return state;
  return withLine(state, index, line.ticked - 1);
}

/** Lines can be ticked while the order may still be packed here. */
export function lineTickable(state: DeskState): boolean {
  return canPack(state);
}

/** The answer of a lookup, as the desk shows it. */
export function applyScan(state: DeskState, result: ScanResult): DeskState {
  switch (result.kind) {
    case "order":
      return showOrder(state, result.order);
    case "product": {
      const { sku, name } = result.product;
      const banner: Banner =
        state.order && !state.packed ? { kind: "notInOrder", sku, name } : { kind: "noOrder", sku, name };
      return { ...state, banner };
    }
    case "unknown":
      return { ...state, banner: { kind: "unknown", code: result.code } };
  }
}

/** The order is packed: the desk shows it done, with what happened to its slip. */
export function applyPacked(state: DeskState, packed: Packed): DeskState {
  return {
    ...state,
    order: packed.order,
    packed: true,
    banner: { kind: "packed", number: packed.order.number, slip: packed.slip, printer: packed.printer, reason: packed.reason },
  };
}

/** A refusal from the Rust side as a banner; the order on the desk learns why. */
export function applyError(state: DeskState, error: AppError): DeskState {
  if (error.code === "dispatch.already_packed") {
    return {
      ...state,
      banner: {
        kind: "alreadyPacked",
        at: state.order?.packedAt ?? (error.params.at || null),
        by: state.order?.packedBy || error.params.by || "",
        message: error.message,
      },
    };
  }
  if (error.code === "dispatch.not_to_be_packed" && state.order) {
    return { ...state, banner: { kind: "doNotPack", status: state.order.status } };
  }
  return { ...state, banner: { kind: "failed", code: error.code, message: error.message, params: error.params } };
}

/** Whether the Packed button does anything. */
export function canPack(state: DeskState): boolean {
  return !!state.order && !state.packed && packRefusal(state.order) === null;
}

/** Why Packed cannot be done now, as a banner (scanning PACKED with nothing to pack). */
export function packBlocked(state: DeskState): Banner | null {
  if (!state.order || state.packed) return { kind: "nothingToPack" };
  return packRefusal(state.order);
}

export function tickedUnits(lines: DeskLine[]): number {
  return lines.reduce((n, l) => n + l.ticked, 0);
}

export function totalUnits(lines: DeskLine[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}

/** Packing now skips lines nobody ticked: ask first. */
export function needsConfirmation(state: DeskState): boolean {
  return tickedUnits(state.lines) < totalUnits(state.lines);
}

/** How loud a banner is. */
export function toneOf(banner: Banner): Tone {
  switch (banner.kind) {
    case "packed":
      return banner.slip === "notPrinted" ? "warn" : "ok";
    case "leftUnpacked":
      return "warn";
    default:
      return "error";
  }
}
