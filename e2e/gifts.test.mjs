// Gifts and handwritten cards on the demo shop, driven like the owner and the
// packer: add a gift and a first-order rule, see the preview say what an order
// would get and why, find the gift planned for that order on the dispatch desk
// and the customer's profile, the card's text in the Cards queue, and print the
// card sheet on a real (cups-pdf) print queue.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { appSession, cli, printedPdf, screenshot, sql, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "demo.sqlite");
const GIFT = "Próbka herbaty Sencha";
const SKU = "GIFT-SENCHA";
const queue = process.env.PRINT_QUEUE;
const printed = process.env.PRINT_OUT;
let order;

const app = appSession(db, () => {
  assert.ok(queue && printed, "run through scripts/e2e.sh, which sets up the print queue (PRINT_QUEUE, PRINT_OUT)");
  cli("--db", db, "demo", "--bare", "--seed", "7");
  // A paid, unpacked first order of its customer, placed in the last two weeks.
  const rows = sql(
    db,
    `SELECT o.id, o.number, c.first_name, c.last_name, c.email FROM orders o JOIN customers c ON c.id = o.customer_id
     WHERE o.status = 'paid' AND o.packed_at IS NULL AND c.first_name <> '' AND c.email IS NOT NULL
       AND o.placed_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-14 days')
       AND NOT EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id AND p.id <> o.id)
       AND (SELECT count(*) FROM orders d WHERE d.number = o.number) = 1
     ORDER BY o.placed_at DESC LIMIT 1`,
  );
  assert.equal(rows.length, 1, "the demo shop has a recent paid first order");
  const [id, number, first, last, email] = rows[0];
  order = { id, number, first, last, email };
  sql(db, `INSERT INTO settings (key, value) VALUES ('desk_printer', '${queue}')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
});

async function click(testid) {
  const el = await app.browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 15000 });
  await el.click();
  return el;
}

app.test("a gift is added to the catalogue", async () => {
  await click("nav-gifts");
  await click("gift-add");
  await (await app.browser.$('[data-testid="gift-name"]')).setValue(GIFT);
  await (await app.browser.$('[data-testid="gift-sku"]')).setValue(SKU);
  await (await app.browser.$('[data-testid="gift-cost"]')).setValue("4,50");
  const stock = await app.browser.$('[data-testid="gift-stock"]');
  await stock.clearValue();
  await stock.setValue("40");
  await click("gift-save");
  await until(app.browser, async () => (await app.browser.$$('[data-testid="gift-row"]')).length === 1, "the gift is listed");
  const [name, cost, stockDb] = sql(db, "SELECT name, unit_cost_minor, stock FROM gifts")[0];
  assert.deepEqual([name, cost, stockDb], [GIFT, "450", "40"]);
});

app.test("a first-order rule with the gift; the preview says what the order gets and why", async () => {
  await click("tab-rules");
  const add = await app.browser.$('[data-testid="rule-add"]');
  await add.waitForDisplayed({ timeout: 15000 });
  await add.selectByAttribute("value", "firstOrder");
  const rule = await app.browser.$('[data-testid="gift-rule"]');
  await rule.waitForDisplayed({ timeout: 15000 });
  const giftId = sql(db, "SELECT id FROM gifts")[0][0];
  await (await rule.$('[data-testid="rule-add-gift"]')).selectByAttribute("value", giftId);
  await (await app.browser.$('[data-testid="preview-order"]')).setValue(order.number);
  await click("preview-go");
  const gift = await app.browser.$('[data-testid="preview-gift"]');
  await gift.waitForDisplayed({ timeout: 15000 });
  assert.match(await gift.getText(), new RegExp(GIFT));
  assert.ok(await (await app.browser.$('[data-testid="preview-card"]')).isExisting(), "a welcome card comes with it");
  const trace = await (await app.browser.$('[data-testid="preview-trace"]')).getText();
  assert.match(trace, /applies/, `the trace says the rule applies: ${trace}`);
  assert.match(trace, new RegExp(`${GIFT} goes into the parcel`));
  assert.equal(sql(db, "SELECT count(*) FROM gift_plans")[0][0], "0", "the preview saves nothing");
  await screenshot(app.browser, "gift-rules.png");
  await click("rules-save");
  await until(app.browser, async () => sql(db, `SELECT count(*) FROM gift_plans WHERE order_id = ${order.id} AND status = 'planned'`)[0][0] === "1",
    "saving the rules plans the order's gift");
});

app.test("the order's customer profile shows the planned gift and card", async () => {
  await click("nav-customers");
  const input = await app.browser.$('[data-testid="customer-search"]');
  await input.waitForDisplayed({ timeout: 15000 });
  // By e-mail: the one customer, not a namesake or a longer name that starts alike.
  await input.setValue(order.email);
  const texts = () => app.browser.execute(() => [...document.querySelectorAll('[data-testid="customer-row"]')].map((r) => r.textContent ?? ""));
  await until(app.browser, async () => {
    const rows = await texts();
    return rows.length === 1 && rows[0].includes(order.last);
  }, "the customer is found");
  await (await app.browser.$('[data-testid="customer-row"]')).click();
  const planned = await app.browser.$('[data-testid="profile-gift"]');
  await planned.waitForDisplayed({ timeout: 15000 });
  const text = await planned.getText();
  assert.ok(text.includes(order.number) && text.includes(GIFT), `the profile lists the order's gift: ${text}`);
  assert.equal(await planned.getAttribute("data-status"), "planned");
});

app.test("the Cards queue has the card's text, and the card sheet prints", async () => {
  await click("nav-cards");
  const card = await app.browser.$(`[data-testid="card-item"][data-order="${order.number}"]`);
  await card.waitForDisplayed({ timeout: 15000 });
  const text = await (await card.$('[data-testid="card-text"]')).getValue();
  assert.ok(text.includes(order.first), `the card speaks to ${order.first}: ${text}`);
  assert.ok(!text.includes("{"), `every merge field is filled: ${text}`);
  await screenshot(app.browser, "cards.png");

  const before = new Set(fs.readdirSync(printed));
  await click("card-sheet-print");
  const done = await app.browser.$('[data-testid="card-sheet-done"]');
  await done.waitForDisplayed({ timeout: 20000 });
  assert.match(await done.getText(), new RegExp(queue));
  const info = await printedPdf(app.browser, printed, before, "the printed card sheet");
  assert.match(info, /Pages:\s+[1-9]/, info);
  assert.match(info, /595(\.\d+)? x 842/, `an A4 sheet: ${info}`);
});

app.test("the dispatch desk shows the gift and the card to put in", async () => {
  await click("nav-dispatch");
  const input = await app.browser.$('[data-testid="dispatch-scan"]');
  await input.waitForDisplayed({ timeout: 15000 });
  await until(app.browser, async () => app.browser.execute(() => document.activeElement?.getAttribute("data-testid") === "dispatch-scan"), "the scan field has the focus");
  await input.setValue(order.number);
  await app.browser.keys("Enter");
  const gift = await app.browser.$('[data-testid="dispatch-gift"]');
  await gift.waitForDisplayed({ timeout: 15000 });
  assert.match(await gift.getText(), new RegExp(GIFT));
  assert.ok(await (await app.browser.$('[data-testid="dispatch-card"]')).isExisting(), "the card is in the Insert block");
  await screenshot(app.browser, "dispatch-gift.png");
  await click("dispatch-exit");
});
