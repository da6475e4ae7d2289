// The dispatch desk driven by the keyboard alone, as a scanner does: codes
// typed into the one field and Enter, Ctrl+Enter to pack, Enter to confirm.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { setBackend, type Backend } from "../../lib/backend";
import { fakeBackend } from "../../lib/fakeBackend";
import type { OrderLineView, Packed, ScanResult, SlipOrder } from "../../lib/bindings";
import { useLanguage } from "../../lib/i18n";
import DispatchScreen from "./DispatchScreen.svelte";

const pln = (minor: number) => ({ minor, currency: "PLN" });
const line = (sku: string, quantity: number, bin: string): OrderLineView => ({
  sku, name: `Product ${sku}`, variant: "", quantity, unitPrice: pln(100), lineTotal: pln(100 * quantity), binLocation: bin,
});

function order(overrides: Partial<SlipOrder> = {}): SlipOrder {
  return {
    id: 7, number: "#1007", status: "paid", placedAt: "2026-11-20T10:00:00Z", total: pln(500), shippingMethod: "DPD",
    shipTo: ["Anna Nowak", "ul. Polna 1", "00-950 Warszawa"], shipCountry: "PL", customerNote: "", giftMessage: "",
    // Lines in the walking order the Rust side sends.
    language: "pl", customerName: "Anna Nowak", lines: [line("TEA", 1, "A-1"), line("MUG", 2, "B-1")], prints: 0,
    packedAt: null, packedBy: "", pack: { kind: "mayPack" }, ...overrides,
  };
}

/** A backend that knows order #1007 (and #1008, cancelled) and records what was packed. */
function deskBackend(packed: number[]): Backend {
  return fakeBackend({
    dispatchScan: async (code: string): Promise<ScanResult> => {
      if (code === "1007" || code === "#1007") return { kind: "order", order: order() };
      if (code === "1008") return { kind: "order", order: order({ id: 8, number: "#1008", status: "cancelled", pack: { kind: "doNotPack", status: "cancelled" } }) };
      if (code === "SOAP") return { kind: "product", product: { sku: "SOAP", name: "Soap", binLocation: "C-1" } };
      return { kind: "unknown", code };
    },
    dispatchPack: async (id: number): Promise<Packed> => {
      packed.push(id);
      return { order: order({ packedAt: "2026-11-26T12:00:00Z", packedBy: "desk", pack: { kind: "alreadyPacked", at: "2026-11-26T12:00:00Z", by: "desk" } }), slip: "notPrinted", printer: null, reason: "no printer" };
    },
  });
}

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
  }
};

let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;
let packed: number[] = [];
let exits = 0;

beforeAll(() => {
  useLanguage("en");
  // jsdom lays nothing out, so it cannot scroll.
  Element.prototype.scrollIntoView ??= () => {};
});

function openDesk() {
  packed = [];
  exits = 0;
  setBackend(deskBackend(packed));
  target = document.createElement("div");
  document.body.append(target);
  component = mount(DispatchScreen, { target, props: { onexit: () => exits++ } });
  flushSync();
}

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
});

const field = () => target.querySelector<HTMLInputElement>('[data-testid="dispatch-scan"]')!;
const $ = (id: string) => target.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const lines = () => [...target.querySelectorAll<HTMLElement>('[data-testid="dispatch-line"]')].map((l) => `${l.dataset.sku}:${l.dataset.ticked}`);

function press(key: string, init: KeyboardEventInit = {}) {
  const el = (document.activeElement as HTMLElement | null) ?? document.body;
  el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));
  flushSync();
}

async function scan(code: string) {
  const input = field();
  input.value = code;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
  press("Enter");
  await settle();
}

describe("the dispatch desk by keyboard", () => {
  it("keeps the focus on the scan field", async () => {
    openDesk();
    expect(document.activeElement).toBe(field());
    await scan("1007");
    expect(document.activeElement).toBe(field());
  });

  it("an order number shows the order, its lines by bin; SKUs tick them unit by unit", async () => {
    openDesk();
    await scan("1007");
    expect($("dispatch-order-number")?.textContent).toBe("#1007");
    expect(lines()).toEqual(["TEA:0", "MUG:0"]);
    await scan("mug");
    expect(lines()).toEqual(["TEA:0", "MUG:1"]);
    expect($("dispatch-progress")?.textContent).toMatch(/1 of 3 items ticked/);
  });

  it("a product of another order is a loud error", async () => {
    openDesk();
    await scan("1007");
    await scan("SOAP");
    const banner = $("dispatch-error");
    expect(banner?.getAttribute("role")).toBe("alert");
    expect(banner?.textContent).toMatch(/NOT IN THIS ORDER/);
  });

  it("Ctrl+Enter with lines unticked asks first; Esc goes back, Enter packs", async () => {
    openDesk();
    await scan("1007");
    await scan("TEA");
    press("Enter", { ctrlKey: true });
    await settle();
    expect($("dispatch-confirm")?.textContent).toMatch(/2 items are not ticked/);
    press("Escape");
    await settle();
    expect($("dispatch-confirm")).toBeNull();
    expect(exits).toBe(0);
    expect(document.activeElement).toBe(field());
    await scan("PACKED");
    expect($("dispatch-confirm")).not.toBeNull();
    press("Enter");
    await settle();
    expect(packed).toEqual([7]);
    const done = $("dispatch-packed");
    expect(done?.textContent).toMatch(/Packed #1007/);
    expect(done?.textContent).toMatch(/NOT printed: no printer/);
    expect(($("dispatch-pack") as HTMLButtonElement).disabled).toBe(true);
  });

  it("all lines ticked packs without asking", async () => {
    openDesk();
    await scan("1007");
    for (const code of ["MUG", "MUG", "TEA"]) await scan(code);
    await scan("packed");
    expect($("dispatch-confirm")).toBeNull();
    expect(packed).toEqual([7]);
  });

  it("Space ticks the line under the cursor and ↓ moves it", async () => {
    openDesk();
    await scan("1007");
    press(" ");
    press("ArrowDown");
    press(" ");
    press(" ", { shiftKey: true });
    expect(lines()).toEqual(["TEA:1", "MUG:0"]);
  });

  it("a cancelled order cannot be packed, not even by keyboard", async () => {
    openDesk();
    await scan("1008");
    expect($("dispatch-error")?.dataset.kind).toBe("doNotPack");
    expect(($("dispatch-pack") as HTMLButtonElement).disabled).toBe(true);
    press("Enter", { ctrlKey: true });
    await settle();
    expect($("dispatch-confirm")).toBeNull();
    expect(packed).toEqual([]);
  });

  it("a scan that starts while a button has the focus lands in the field, first character included", async () => {
    openDesk();
    $("dispatch-exit")!.focus();
    press("1");
    expect(document.activeElement).toBe(field());
    expect(field().value).toBe("1");
  });

  it("Esc with an empty field leaves dispatch mode; with a code typed, it clears the code", async () => {
    openDesk();
    field().value = "12";
    field().dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    press("Escape");
    expect(field().value).toBe("");
    expect(exits).toBe(0);
    press("Escape");
    expect(exits).toBe(1);
  });
});
