// The choice of orders for a batch of packing slips, as the Slips screen edits
// it, and what it sends: the filter with the hand selection as its order ids.
import type { OrderStatus, PageSize, SlipFilter, SlipOrder, SlipSort, SystemPrinter } from "../../lib/bindings";
import { PAGE_SIZES } from "../../lib/pageSizes";

export { initialSize } from "../../lib/pageSizes";

/** The statuses a batch can take, in the order the screen offers them. */
export const BATCH_STATUSES: OrderStatus[] = ["paid", "open", "fulfilled", "delivered"];

/** The page sizes slips are printed on. */
export const SLIP_SIZES = PAGE_SIZES;
export type SlipSize = PageSize;

/** The filter as the form holds it: dates as typed (YYYY-MM-DD), "" for none. */
export type BatchChoice = {
  statuses: OrderStatus[];
  unprinted: boolean;
  unpacked: boolean;
  placedFrom: string;
  placedTo: string;
  shippingMethod: string;
  sort: SlipSort;
};

/** All paid orders without a slip, walked by bin. */
export function defaultChoice(): BatchChoice {
  return { statuses: ["paid"], unprinted: true, unpacked: false, placedFrom: "", placedTo: "", shippingMethod: "", sort: "bin" };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day as typed, or `null` when it is empty or not a YYYY-MM-DD date. */
function day(text: string): string | null {
  const t = text.trim();
  return DAY.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`)) ? t : null;
}

/** Whether a typed day is unusable (typed, but not a date). */
export function badDay(text: string): boolean {
  return text.trim() !== "" && day(text) === null;
}

/** The filter for the Rust side; `orderIds` is the hand selection, `null` for all that match. */
export function toFilter(choice: BatchChoice, orderIds: number[] | null = null): SlipFilter {
  return {
    statuses: choice.statuses.length ? [...choice.statuses] : ["paid"],
    unprinted: choice.unprinted,
    unpacked: choice.unpacked,
    placedFrom: day(choice.placedFrom),
    placedTo: day(choice.placedTo),
    shippingMethod: choice.shippingMethod.trim() || null,
    orderIds,
    sort: choice.sort,
  };
}

/** Adds or removes a status, keeping at least one and the screen's order. */
export function toggleStatus(statuses: OrderStatus[], status: OrderStatus): OrderStatus[] {
  const next = statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status];
  if (next.length === 0) return statuses;
  return BATCH_STATUSES.filter((s) => next.includes(s));
}

/** The checked orders of the list, in batch order (every order is checked unless unticked). */
export function selectedIds(orders: SlipOrder[], unchecked: ReadonlySet<number>): number[] {
  return orders.filter((o) => !unchecked.has(o.id)).map((o) => o.id);
}

/** Items in an order, counting quantities. */
export function itemCount(order: SlipOrder): number {
  return order.lines.reduce((n, l) => n + l.quantity, 0);
}

/** The printer chosen at first: the desk's if the system has it, else the system default, else the first. */
export function initialPrinter(printers: SystemPrinter[], deskPrinter: string | null): string {
  if (deskPrinter && printers.some((p) => p.name === deskPrinter)) return deskPrinter;
  return (printers.find((p) => p.isDefault) ?? printers[0])?.name ?? "";
}

