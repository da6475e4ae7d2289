// The desk's start: the first page of the customer list asked for alongside the
// settings (not after the shell has rendered), and the moment the first screen
// is on the glass, told to the app once (the start-up figures in bench/startup
// set it beside an empty app's).
import { backend } from "./backend";
import type { CustomerPage } from "./bindings";

/** Customers in one page of the list. */
export const CUSTOMER_PAGE = 100;

let told = false;
let firstCustomers: Promise<CustomerPage> | null = null;

/** Asks for the list's first page now, while nothing is shown yet. */
export function prefetchFirstCustomers(): void {
  if (told) return;
  firstCustomers = backend().listCustomers(0, CUSTOMER_PAGE);
  // Whoever takes it sees the error; untaken, it is dropped.
  firstCustomers.catch(() => undefined);
}

/** The first page asked for at start, once, before the first screen is shown. */
export function takeFirstCustomers(): Promise<CustomerPage> | null {
  const page = told ? null : firstCustomers;
  firstCustomers = null;
  return page;
}

/** Tells the app, once, after the next paint, that the first screen is shown. */
export function firstScreenShown(screen: "customers" | "welcome" | "import" | "error"): void {
  if (told) return;
  told = true;
  firstCustomers = null;
  requestAnimationFrame(() => setTimeout(() => void backend().startupPainted(screen).catch(() => undefined), 0));
}
