// First start and broken files: an empty database offers the demo shop; a file
// that is not a database shows a clear error and is left as it was.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { launch, screenshot, sql, startDriver, stopDriver, tempDir } from "./app.mjs";

before(startDriver);
after(stopDriver);

test("an empty database offers the demo shop, which loads and lists customers", async () => {
  const db = path.join(tempDir(), "empty.sqlite");
  const browser = await launch(db);
  try {
    const load = await browser.$('[data-testid="load-demo"]');
    await load.waitForDisplayed({ timeout: 20000 });
    await screenshot(browser, "welcome.png");
    await load.click();
    const rows = await browser.$('[data-testid="customer-row"]');
    await rows.waitForDisplayed({ timeout: 120000 });
    const total = Number(sql(db, "SELECT count(*) FROM customers")[0][0]);
    assert.ok(total >= 2000, `the demo shop has at least 2,000 customers, has ${total}`);
  } finally {
    await browser.deleteSession();
  }
});

test("a file that is not a database shows a clear error and is not changed", async () => {
  const db = path.join(tempDir(), "orders.csv");
  const content = "Name,Email\nAnna Nowak,anna@wp.pl\n";
  fs.writeFileSync(db, content);
  const browser = await launch(db);
  try {
    const notice = await browser.$('[data-testid="error-notice"]');
    await notice.waitForDisplayed({ timeout: 20000 });
    const text = await notice.getText();
    assert.match(text, /not a Courtesy database/);
    assert.match(text, /db\.not_a_database/);
  } finally {
    await browser.deleteSession();
  }
  assert.equal(fs.readFileSync(db, "utf8"), content, "the file is left as it was");
});
