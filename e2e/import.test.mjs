// The Import screen on the real app: a file opened with Courtesy is previewed
// with what was detected, imported with progress and a summary, and its
// customers are then found by search; a file that is not an export is refused.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { cli, launch, screenshot, sql, startDriver, stopDriver, tempDir, until } from "./app.mjs";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../tests/fixtures/import");

before(startDriver);
after(stopDriver);

test("a Polish Excel export is previewed, imported with a summary, and its customers are found", async () => {
  const db = path.join(tempDir(), "shop.sqlite");
  cli("--db", db, "demo", "--bare", "--seed", "3", "--customers", "200", "--orders", "500");
  const browser = await launch(db, ["--import", path.join(fixtures, "shopify-orders-cp1250-semicolon.csv")]);
  try {
    const preview = await browser.$('[data-testid="import-preview"]');
    await preview.waitForDisplayed({ timeout: 20000 });
    const detected = await (await browser.$('[data-testid="detected"]')).getText();
    assert.match(detected, /Shopify orders · windows-1250 · delimiter ; · decimal ,/);
    const shown = await browser.execute(() => document.querySelector('[data-testid="import-preview"] table')?.textContent ?? "");
    assert.match(shown, /m\.zolkiewska@example\.pl/, "the first rows are shown");
    await (await browser.$('[data-testid="start-import"]')).click();
    const summary = await browser.$('[data-testid="import-summary"]');
    await summary.waitForDisplayed({ timeout: 30000 });
    await screenshot(browser, "import-summary.png");
    const cells = (id) =>
      browser.execute((id) => [...document.querySelectorAll(`[data-testid="${id}"] td`)].map((td) => td.textContent.trim()), id);
    assert.deepEqual(await cells("summary-customers"), ["3", "0", "0"], "customers: new, updated, unchanged");
    assert.deepEqual(await cells("summary-orders"), ["3", "0", "0"], "orders: new, updated, unchanged");
    assert.deepEqual(sql(db, "SELECT status, orders_new FROM import_runs"), [["finished", "3"]]);
    await (await browser.$('[data-testid="nav-customers"]')).click();
    const search = await browser.$('[data-testid="customer-search"]');
    await search.waitForDisplayed({ timeout: 10000 });
    await search.setValue("Żółkiewska");
    await until(
      browser,
      async () => (await browser.execute(() => document.querySelector('[data-testid="customer-name"]')?.textContent?.trim())) === "Małgorzata Żółkiewska",
      "the imported customer is found by search",
    );
  } finally {
    await browser.deleteSession();
  }
});

test("a CSV of another shop system is mapped column by column, imported, and the mapping is remembered", async () => {
  const db = path.join(tempDir(), "shop.sqlite");
  const file = path.join(fixtures, "mapped-orders.csv");
  let browser = await launch(db, ["--import", file]);
  try {
    const editor = await browser.$('[data-testid="mapping-editor"]');
    await editor.waitForDisplayed({ timeout: 20000 });
    const guessed = await browser.execute(() =>
      Object.fromEntries(["order_number", "placed_at", "total", "email", "line_quantity"].map((f) => [f, document.querySelector(`[data-testid="map-${f}"]`)?.value])),
    );
    assert.deepEqual(guessed, { order_number: "Bestellnummer", placed_at: "Datum", total: "Summe", email: "E-Mail", line_quantity: "Menge" }, "the German headers are guessed");
    await (await browser.$('[data-testid="apply-mapping"]')).click();
    await (await browser.$('[data-testid="import-preview"]')).waitForDisplayed({ timeout: 20000 });
    await (await browser.$('[data-testid="start-import"]')).click();
    await (await browser.$('[data-testid="import-summary"]')).waitForDisplayed({ timeout: 30000 });
    const imported = Number(sql(db, "SELECT count(*) FROM orders")[0][0]);
    assert.ok(imported >= 2, `orders imported: ${imported}`);
  } finally {
    await browser.deleteSession();
  }
  browser = await launch(db, ["--import", file]);
  try {
    const preview = await browser.$('[data-testid="import-preview"]');
    await preview.waitForDisplayed({ timeout: 20000 });
    assert.match(await (await browser.$('[data-testid="detected"]')).getText(), /column mapping/, "the same shape opens with the remembered mapping");
  } finally {
    await browser.deleteSession();
  }
});

test("a large export shows its progress with rows per second, then the summary", async () => {
  const dir = tempDir();
  const db = path.join(dir, "shop.sqlite");
  const file = path.join(dir, "orders-20k.csv");
  execFileSync("python3", [path.join(fixtures, "../../../scripts/make-shopify-orders.py"), "20000", file]);
  const browser = await launch(db, ["--import", file]);
  try {
    await (await browser.$('[data-testid="import-preview"]')).waitForDisplayed({ timeout: 20000 });
    await (await browser.$('[data-testid="start-import"]')).click();
    const progress = await browser.$('[data-testid="import-progress"]');
    await progress.waitForDisplayed({ timeout: 10000 });
    await until(browser, async () => /rows\/s/.test(await progress.getText()), "the progress shows rows per second", 30000);
    await screenshot(browser, "import-progress.png");
    await (await browser.$('[data-testid="import-summary"]')).waitForDisplayed({ timeout: 120000 });
    assert.deepEqual(sql(db, "SELECT status FROM import_runs"), [["finished"]]);
    assert.deepEqual(sql(db, "SELECT count(*) FROM order_lines"), [["20000"]], "every line item was imported");
  } finally {
    await browser.deleteSession();
  }
});

test("a file that is not an export is refused with a clear message", async () => {
  const db = path.join(tempDir(), "shop.sqlite");
  const browser = await launch(db, ["--import", path.join(fixtures, "not-a-csv.png")]);
  try {
    const error = await browser.$('[data-testid="import-error"]');
    await error.waitForDisplayed({ timeout: 20000 });
    const text = await error.getText();
    assert.match(text, /not a CSV or JSON export/);
    assert.match(text, /import\.not_text/);
    assert.deepEqual(sql(db, "SELECT count(*) FROM import_runs"), [["0"]], "nothing was recorded");
  } finally {
    await browser.deleteSession();
  }
});

test("an Excel copy with rounded ids is announced before import and summed up after, and a partial refund shows on the profile", async () => {
  const db = path.join(tempDir(), "shop.sqlite");
  const browser = await launch(db, ["--import", path.join(fixtures, "shopify-orders-2024-excel-pl.csv")]);
  try {
    const notice = await browser.$('[data-testid="import-notice"]');
    await notice.waitForDisplayed({ timeout: 20000 });
    assert.match(await notice.getText(), /Id column holds numbers a spreadsheet rounded \(like 5,01253E\+12\)/);
    await screenshot(browser, "import-rounded-ids.png");
    await (await browser.$('[data-testid="start-import"]')).click();
    const byNumber = await browser.$('[data-testid="summary-by-number"]');
    await byNumber.waitForDisplayed({ timeout: 30000 });
    assert.match(await byNumber.getText(), /48 orders were matched by order number/);
    assert.deepEqual(sql(db, "SELECT count(*), sum(refunded_minor > 0) FROM orders"), [["48", "18"]]);
    await (await browser.$('[data-testid="nav-customers"]')).click();
    const search = await browser.$('[data-testid="customer-search"]');
    await search.waitForDisplayed({ timeout: 10000 });
    await search.setValue("m.zolkiewska@example.pl");
    const hit = await browser.$('[data-testid="customer-name"]');
    await hit.waitForDisplayed({ timeout: 10000 });
    await hit.click();
    const net = await browser.$('[data-testid="profile-net"]');
    await net.waitForDisplayed({ timeout: 10000 });
    assert.match(await net.getText(), /after .*240[.,]00.* refunded/i, await net.getText());
    const refunds = await browser.execute(() => [...document.querySelectorAll('[data-testid="order-refunded"]')].map((e) => e.textContent.trim()));
    assert.ok(refunds.length >= 1, "the partly refunded orders say what was paid back");
    await screenshot(browser, "profile-refund.png");
  } finally {
    await browser.deleteSession();
  }
});

test("rows with a field too many or too few are listed by line as not imported", async () => {
  const db = path.join(tempDir(), "shop.sqlite");
  const browser = await launch(db, ["--import", path.join(fixtures, "shopify-orders-ragged.csv")]);
  try {
    await (await browser.$('[data-testid="start-import"]')).waitForDisplayed({ timeout: 20000 });
    await (await browser.$('[data-testid="start-import"]')).click();
    const problems = await browser.$('[data-testid="summary-problems"]');
    await problems.waitForDisplayed({ timeout: 30000 });
    assert.match(await problems.getText(), /7 rows reported: 7 not imported, 0 imported with a note/);
    const rows = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="problem-row"]')].map((tr) => [...tr.children].map((td) => td.textContent.trim())),
    );
    assert.deepEqual(rows.map((r) => r[0]), ["3", "4", "5", "6", "7", "10", "11"]);
    assert.match(rows[1][2], /^80 fields, the header has 79/);
    assert.equal(rows[1][3], "No");
    await screenshot(browser, "import-ragged.png");
  } finally {
    await browser.deleteSession();
  }
});
