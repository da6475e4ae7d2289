// The whole customer list as pages fetched on demand, for a virtualised list:
// only the rows near the viewport are ever loaded, so 100,000 customers scroll
// as smoothly as 100.
import type { Backend } from "../../lib/backend";
import type { CustomerListItem, CustomerPage } from "../../lib/bindings";
import { CUSTOMER_PAGE } from "../../lib/startup";

export class CustomerWindow {
  total = 0;
  private pages = new Map<number, CustomerListItem[]>();
  private pending = new Set<number>();

  constructor(
    private backend: Backend,
    private onUpdate: () => void,
    readonly pageSize = CUSTOMER_PAGE,
  ) {}

  /** Loads the first page and the total (`first`: that page, already asked for). */
  async start(first?: Promise<CustomerPage> | null): Promise<void> {
    this.pages.clear();
    const page = await (first ?? this.backend.listCustomers(0, this.pageSize));
    this.total = page.total;
    this.pages.set(0, page.items);
    this.onUpdate();
  }

  /** The item at `index`, or undefined while its page is loading. */
  item(index: number): CustomerListItem | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Makes sure the pages covering `from..=to` are loaded or on their way. */
  ensure(from: number, to: number): void {
    const first = Math.max(0, Math.floor(from / this.pageSize));
    const last = Math.floor(Math.min(to, this.total - 1) / this.pageSize);
    for (let p = first; p <= last; p++) {
      if (this.pages.has(p) || this.pending.has(p)) continue;
      this.pending.add(p);
      this.backend
        .listCustomers(p * this.pageSize, this.pageSize)
        .then((page) => {
          this.total = page.total;
          this.pages.set(p, page.items);
          this.onUpdate();
        })
        .catch(() => undefined)
        .finally(() => this.pending.delete(p));
    }
  }

  /** Replaces one item after an edit, so the list shows the new data. */
  replace(item: CustomerListItem): void {
    for (const items of this.pages.values()) {
      const i = items.findIndex((x) => x.id === item.id);
      if (i >= 0) items[i] = item;
    }
  }
}
