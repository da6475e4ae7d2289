// The dispatch desk speaks the UI's language, refusals from the Rust side
// included: on a Polish desk, an order someone else packed while it lay on the
// bench is announced in Polish, with when and by whom.
import assert from "node:assert/strict";
import path from "node:path";
import { appSession, cli, screenshot, sql, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "polish-desk.sqlite");
let order;

const app = appSession(db, () => {
  cli("--db", db, "demo", "--bare", "--seed", "7");
  const [[id, number]] = sql(
    db,
    `SELECT id, number FROM orders WHERE status = 'paid' AND packed_at IS NULL
       AND (SELECT count(*) FROM orders d WHERE d.number = orders.number) = 1
     ORDER BY id LIMIT 1`,
  );
  order = { id, number };
  sql(db, "INSERT OR REPLACE INTO settings (key, value) VALUES ('ui_language', 'pl')");
});

async function scan(code) {
  const input = await app.browser.$('[data-testid="dispatch-scan"]');
  await input.waitForDisplayed({ timeout: 15000 });
  await until(app.browser, async () => app.browser.execute(() => document.activeElement?.getAttribute("data-testid") === "dispatch-scan"), "the scan field has the focus");
  await input.setValue(code);
  await app.browser.keys("Enter");
}

app.test("a Polish desk says in Polish that an order was packed meanwhile, when and by whom", async () => {
  const nav = await app.browser.$('[data-testid="nav-dispatch"]');
  await nav.waitForDisplayed({ timeout: 20000 });
  await nav.click();
  await scan(order.number);
  await until(
    app.browser,
    async () => (await app.browser.execute(() => document.querySelector('[data-testid="dispatch-order-number"]')?.textContent?.trim())) === order.number,
    `order ${order.number} is on the desk`,
  );
  // Another desk packs it while it lies on this bench.
  sql(db, `UPDATE orders SET packed_at = '2026-11-26T09:30:00Z', packed_by = 'Ola' WHERE id = ${order.id}`);
  await (await app.browser.$('[data-testid="dispatch-pack"]')).click();
  const confirm = await app.browser.$('[data-testid="dispatch-confirm"]');
  if (await confirm.isExisting()) await app.browser.keys("Enter");
  const banner = await app.browser.$('[data-testid="dispatch-error"]');
  await banner.waitForDisplayed({ timeout: 20000 });
  assert.equal(await banner.getAttribute("data-kind"), "alreadyPacked");
  const text = await banner.getText();
  assert.match(text, /Już spakowane/, `the title is Polish: ${text}`);
  assert.match(text, /pakował\(a\): Ola/, `who packed it, in Polish: ${text}`);
  assert.doesNotMatch(text, /packed already/i, "no English left");
  await screenshot(app.browser, "dispatch-already-packed-pl.png");
});
