// The sidebar's sync line: when the shops last synced and what it brought, a
// sync running, a stopped one and a failed one, in the person's language.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { setBackend } from "./backend";
import { fakeBackend } from "./fakeBackend";
import type { ImportRun, RunStatus, ShopConnection, SyncProgress, SyncStatus } from "./bindings";
import { useLanguage } from "./i18n";
import SyncLine from "./SyncLine.svelte";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function run(status: RunStatus, ordersNew: number, finishedAt: string): ImportRun {
  return {
    id: 3, fileName: "Herbaciarnia", fileSha256: "", format: "woocommerce-api", encoding: "", startedAt: finishedAt, finishedAt, status,
    rowsRead: ordersNew, counts: { customersNew: 0, customersUpdated: 0, customersUnchanged: 0, ordersNew, ordersUpdated: 0, ordersUnchanged: 0 },
    errors: 0, rowsSkipped: 0, duplicates: 0, ordersByNumber: 0, connectionId: 1, requests: 4, waitedMs: 0,
    failure: status === "failed" ? { code: "shop.unauthorized", message: "revoked", params: { host: "shop.example.pl", detail: "Invalid signature" } } : null,
  };
}

function shop(lastSync: ImportRun | null): ShopConnection {
  return {
    id: 1, name: "Herbaciarnia", kind: "woocommerce", baseUrl: "https://shop.example.pl", auth: "key_secret", idPrefix: "",
    shopName: "Herbaciarnia Pod Lipą", currency: "PLN", keysInQuery: false, createdAt: minutesAgo(600), lastSync,
  };
}

const status = (shops: ShopConnection[], running: SyncProgress | null = null): SyncStatus => ({
  shops, running, errors: [], everyMinutes: 10, nextAt: null,
});

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
  }
};

let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;
let sendStatus: (s: SyncStatus) => void = () => {};
let sendProgress: (p: SyncProgress) => void = () => {};

async function show(first: SyncStatus): Promise<string> {
  setBackend(
    fakeBackend({
      syncStatus: async () => first,
      onSyncStatus: async (h) => {
        sendStatus = h;
        return () => {};
      },
      onSyncProgress: async (h) => {
        sendProgress = h;
        return () => {};
      },
    }),
  );
  target = document.createElement("div");
  document.body.appendChild(target);
  component = mount(SyncLine, { target, props: { onopen: () => {} } });
  await settle();
  return text();
}

const text = () => target.querySelector('[data-testid="sync-line-text"]')?.textContent?.trim() ?? "";

beforeAll(() => useLanguage("en"));

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target?.remove();
  useLanguage("en");
});

describe("the sidebar's sync line", () => {
  it("says when the last sync ran and how many new orders it brought", async () => {
    expect(await show(status([shop(run("finished", 12, minutesAgo(3)))]))).toBe("Synced 3 minutes ago · 12 new orders");
  });

  it("speaks Polish with Polish plurals", async () => {
    useLanguage("pl");
    await settle();
    expect(await show(status([shop(run("finished", 12, minutesAgo(3)))]))).toBe("Zsynchronizowano 3 minuty temu · 12 nowych zamówień");
  });

  it("follows a sync as it runs and ends", async () => {
    expect(await show(status([shop(null)]))).toBe("Shop not synced yet");
    sendProgress({ shop: "Herbaciarnia", phase: "orders", wholeShop: true, read: 100, total: 600,
      counts: { customersNew: 0, customersUpdated: 0, customersUnchanged: 0, ordersNew: 100, ordersUpdated: 0, ordersUnchanged: 0 },
      problems: 0, requests: 3, waitedMs: 0 });
    await settle();
    expect(text()).toBe("Syncing Herbaciarnia…");
    sendStatus(status([shop(run("finished", 600, minutesAgo(0)))]));
    await settle();
    expect(text()).toBe("Synced just now · 600 new orders");
  });

  it("says a sync was stopped, and why one failed", async () => {
    expect(await show(status([shop(run("cancelled", 200, minutesAgo(5)))]))).toBe("Sync stopped 5 minutes ago; resume it in Settings");
    sendStatus(status([shop(run("failed", 0, minutesAgo(1)))]));
    await settle();
    expect(text()).toMatch(/^Sync failed: shop\.example\.pl refused/);
  });

  it("stays hidden while no shop is connected", async () => {
    await show(status([]));
    expect(target.querySelector('[data-testid="sync-line"]')).toBeNull();
  });
});
