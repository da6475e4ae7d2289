// The dispatch desk and the packing-slip batch on the demo shop, driven like a
// packer at the desk: type an order number and Enter, scan a SKU to tick its
// line, press Packed and find the order packed in the database; an unknown
// number and a cancelled order raise a loud message and cannot be packed.
import assert from "node:assert/strict";
import path from "node:path";
import { appSession, cli, screenshot, sql, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "demo.sqlite");

// A paid, unpacked order with at least two lines, and a cancelled one.
let order;
let cancelled;
const NOTE = "Please leave the parcel with the neighbour at no. 5";
const GIFT = "Wszystkiego najlepszego, Kasiu! — Ola";

const app = appSession(db, () => {
  cli("--db", db, "demo", "--bare", "--seed", "7");
  const rows = sql(
    db,
    `SELECT o.id, o.number FROM orders o
     WHERE o.status = 'paid' AND o.packed_at IS NULL
       AND (SELECT count(DISTINCT l.sku) FROM order_lines l WHERE l.order_id = o.id AND l.sku <> '') >= 2
       AND (SELECT count(*) FROM orders d WHERE d.number = o.number) = 1
     ORDER BY (SELECT max(l.quantity) BETWEEN 2 AND 5 FROM order_lines l WHERE l.order_id = o.id) DESC,
              (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) DESC, o.id
     LIMIT 1`,
  );
  assert.equal(rows.length, 1, "the demo shop has a paid, unpacked order with two lines or more");
  const [id, number] = rows[0];
  const lines = sql(db, `SELECT sku, name, quantity FROM order_lines WHERE order_id = ${id} ORDER BY position`).map(
    ([sku, name, quantity]) => ({ sku, name, quantity: Number(quantity) }),
  );
  // The desk shows the customer's note and, in the Insert block, the gift message.
  sql(db, `UPDATE orders SET customer_note = '${NOTE}', gift_message = '${GIFT}' WHERE id = ${id}`);
  order = { id, number, lines };
  const [cid, cnumber] = sql(db, "SELECT id, number FROM orders WHERE status = 'cancelled' AND packed_at IS NULL ORDER BY id LIMIT 1")[0];
  cancelled = { id: cid, number: cnumber };
});

async function scan(code) {
  const input = await app.browser.$('[data-testid="dispatch-scan"]');
  await input.waitForDisplayed({ timeout: 15000 });
  await until(app.browser, async () => app.browser.execute(() => document.activeElement?.getAttribute("data-testid") === "dispatch-scan"), "the scan field has the focus");
  await input.setValue(code);
  await app.browser.keys("Enter");
}

/** The desk's lines as rendered: SKU, how many units are ticked, and the text. */
async function deskLines() {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="dispatch-line"]')].map((l) => ({
      sku: l.getAttribute("data-sku"),
      ticked: Number(l.getAttribute("data-ticked")),
      state: l.getAttribute("data-state"),
      text: l.textContent ?? "",
    })),
  );
}

async function orderNumberShown() {
  const el = await app.browser.$('[data-testid="dispatch-order-number"]');
  return (await el.isExisting()) ? el.getText() : "";
}

app.test("Dispatch takes the whole window, with the scan field focused", async () => {
  const nav = await app.browser.$('[data-testid="nav-dispatch"]');
  await nav.waitForDisplayed({ timeout: 20000 });
  await nav.click();
  await (await app.browser.$('[data-testid="dispatch-scan"]')).waitForDisplayed({ timeout: 15000 });
  assert.equal(await (await app.browser.$('[data-testid="nav-customers"]')).isExisting(), false, "the sidebar is hidden in dispatch mode");
  await screenshot(app.browser, "dispatch-idle.png");
});

app.test("an order number and Enter show the order with its lines, note and insert", async () => {
  await scan(order.number);
  await until(app.browser, async () => (await orderNumberShown()) === order.number, `order ${order.number} is on the desk`);
  const lines = await deskLines();
  assert.equal(lines.length, order.lines.length, "every line of the order is shown");
  for (const l of order.lines) {
    const shown = lines.find((x) => x.sku === l.sku);
    assert.ok(shown, `the line ${l.sku} is shown`);
    assert.ok(shown.text.includes(l.name), `the line ${l.sku} shows its name "${l.name}"`);
    assert.equal(shown.ticked, 0, `the line ${l.sku} starts unticked`);
  }
  assert.match(await (await app.browser.$('[data-testid="dispatch-note"]')).getText(), /neighbour/);
  assert.match(await (await app.browser.$('[data-testid="dispatch-insert"]')).getText(), /Kasiu/);
});

app.test("scanning a SKU of the order ticks one unit of its line", async () => {
  const line = order.lines[0];
  await scan(line.sku);
  await until(app.browser, async () => (await deskLines()).find((l) => l.sku === line.sku)?.ticked === 1, `one unit of ${line.sku} is ticked`);
  const after = (await deskLines()).find((l) => l.sku === line.sku);
  assert.equal(after.state, line.quantity === 1 ? "done" : "partial");
  assert.equal(await (await app.browser.$('[data-testid="dispatch-error"]')).isExisting(), false, "no error for a SKU of the order");
  await screenshot(app.browser, "dispatch-order.png");
});

app.test("a SKU that is not in the order is a loud error and ticks nothing", async () => {
  const theirs = new Set(order.lines.map((l) => l.sku));
  const [[other]] = sql(db, `SELECT sku FROM products WHERE sku NOT IN (${[...theirs].map((s) => `'${s}'`).join(",")}) ORDER BY sku LIMIT 1`);
  const before = await deskLines();
  await scan(other);
  const banner = await app.browser.$('[data-testid="dispatch-error"]');
  await banner.waitForDisplayed({ timeout: 10000 });
  assert.equal(await banner.getAttribute("data-kind"), "notInOrder");
  assert.deepEqual((await deskLines()).map((l) => l.ticked), before.map((l) => l.ticked), "no line changed");
});

app.test("Packed packs the order (after a confirmation) and the database knows it", async () => {
  await (await app.browser.$('[data-testid="dispatch-pack"]')).click();
  const confirm = await app.browser.$('[data-testid="dispatch-confirm"]');
  await confirm.waitForDisplayed({ timeout: 5000 });
  await app.browser.keys("Enter");
  const done = await app.browser.$('[data-testid="dispatch-packed"]');
  await done.waitForDisplayed({ timeout: 20000 });
  assert.match(await done.getText(), new RegExp(order.number));
  const [[packedAt]] = sql(db, `SELECT packed_at FROM orders WHERE id = ${order.id}`);
  assert.ok(packedAt, "the order has packed_at in the database");
  assert.equal(await (await app.browser.$('[data-testid="dispatch-pack"]')).isEnabled(), false, "a packed order cannot be packed again");
  await screenshot(app.browser, "dispatch-packed.png");
});

app.test("the packed order scanned again says when it was packed, and cannot be packed", async () => {
  await scan(order.number);
  const banner = await app.browser.$('[data-testid="dispatch-error"]');
  await banner.waitForDisplayed({ timeout: 10000 });
  assert.equal(await banner.getAttribute("data-kind"), "alreadyPacked");
  assert.equal(await (await app.browser.$('[data-testid="dispatch-pack"]')).isEnabled(), false);
});

app.test("a number no order has is a loud error", async () => {
  await scan("#99999999");
  const banner = await app.browser.$('[data-testid="dispatch-error"]');
  await until(
    app.browser,
    async () => (await banner.isExisting()) && (await banner.getAttribute("data-kind")) === "unknown" && /99999999/.test(await banner.getText()),
    "the unknown-code banner shows the code",
  );
  assert.equal(await banner.getAttribute("role"), "alert");
  await screenshot(app.browser, "dispatch-error.png");
});

app.test("a cancelled order says do not pack, and Packed is disabled", async () => {
  await scan(cancelled.number);
  await until(app.browser, async () => (await orderNumberShown()) === cancelled.number, `order ${cancelled.number} is on the desk`);
  const banner = await app.browser.$('[data-testid="dispatch-error"]');
  await banner.waitForDisplayed({ timeout: 10000 });
  assert.equal(await banner.getAttribute("data-kind"), "doNotPack");
  assert.equal(await (await app.browser.$('[data-testid="dispatch-pack"]')).isEnabled(), false, "Packed is disabled");
  await app.browser.keys(["Control", "Enter"]);
  await app.browser.pause(300);
  assert.deepEqual(sql(db, `SELECT packed_at IS NULL FROM orders WHERE id = ${cancelled.id}`), [["1"]], "the cancelled order stays unpacked");
  await screenshot(app.browser, "dispatch-cancelled.png");
});

app.test("Esc leaves dispatch mode", async () => {
  await app.browser.keys("Escape");
  await (await app.browser.$('[data-testid="nav-dispatch"]')).waitForDisplayed({ timeout: 10000 });
});

app.test("Packing slips lists the paid orders without a slip", async () => {
  await (await app.browser.$('[data-testid="nav-slips"]')).click();
  const expected = Number(
    sql(db, "SELECT count(*) FROM orders o WHERE o.status = 'paid' AND NOT EXISTS (SELECT 1 FROM slip_prints s WHERE s.order_id = o.id)")[0][0],
  );
  assert.ok(expected > 0, "the demo shop has paid orders without a slip");
  await until(app.browser, async () => (await app.browser.$$('[data-testid="slips-row"]')).length === expected, `${expected} orders are listed`);
  const print = await app.browser.$('[data-testid="slips-print"]');
  assert.match(await print.getText(), new RegExp(`${expected}`), "the Print button says how many slips");
  await screenshot(app.browser, "slips.png");
});
