import { describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import { fakeBackend } from "../../lib/fakeBackend";
import type { CustomerListItem, CustomerPage } from "../../lib/bindings";
import { CustomerWindow } from "./customerWindow";
import { latestOnly } from "../../lib/latest";

function item(id: number): CustomerListItem {
  return {
    id,
    displayName: `Customer ${id}`,
    initials: "C",
    email: null,
    phone: null,
    country: "PL",
    city: null,
    orderCount: 1,
    lastOrderAt: null,
    doNotCall: false,
  };
}

/** A backend with `total` customers that records which windows were asked for. */
function pagedBackend(total: number, asked: Array<[number, number]>): Backend {
  return fakeBackend({
    listCustomers: async (offset: number, limit: number): Promise<CustomerPage> => {
      asked.push([offset, limit]);
      const items = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(item(i + 1));
      return { total, offset, items };
    },
  });
}

describe("the customer list loads only the pages near the viewport", () => {
  it("starts with the first page and the total", async () => {
    const asked: Array<[number, number]> = [];
    const w = new CustomerWindow(pagedBackend(100_000, asked), () => {}, 100);
    await w.start();
    expect(w.total).toBe(100_000);
    expect(w.item(0)?.id).toBe(1);
    expect(w.item(150)).toBeUndefined();
    expect(asked).toEqual([[0, 100]]);
  });

  it("fetches each page once, however often it is asked for", async () => {
    const asked: Array<[number, number]> = [];
    let updates = 0;
    const w = new CustomerWindow(pagedBackend(100_000, asked), () => updates++, 100);
    await w.start();
    w.ensure(99_950, 99_990);
    w.ensure(99_950, 99_999);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([[0, 100], [99_900, 100]]);
    expect(w.item(99_999)?.id).toBe(100_000);
    expect(updates).toBe(2);
  });
});

describe("while typing, only the newest search answer counts", () => {
  it("marks an answer that arrives after a newer query as stale", async () => {
    const resolvers: Array<(v: string) => void> = [];
    const search = latestOnly((q: string) => new Promise<string>((r) => resolvers.push(() => r(q))));
    const slow = search("Ko");
    const fast = search("Kow");
    resolvers[1]("");
    resolvers[0]("");
    expect(await fast).toEqual({ current: true, value: "Kow" });
    expect(await slow).toEqual({ current: false, value: "Ko" });
  });
});
