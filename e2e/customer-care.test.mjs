// One customer's data on the real app: the same person entered twice (the
// demo shop, then an old shop's customers export with another e-mail) is
// proposed as a duplicate, merged in the review and becomes one customer whom
// search finds by either e-mail; the merge can be undone and redone; a
// customer erased from the profile is gone from search, and Settings → History
// shows the erasure.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { appSession, cli, screenshot, sql, tempDir, until } from "./app.mjs";

const dir = tempDir();
const db = path.join(dir, "demo.sqlite");
let twin; // the demo customer entered again
let erased; // the customer who asks to be forgotten
const OLD_EMAIL = "stary.adres.klienta@o2.pl";

const app = appSession(db, () => {
  cli("--db", db, "demo", "--bare", "--seed", "5", "--customers", "300", "--orders", "900");
  const rows = sql(
    db,
    `SELECT c.id, c.first_name, c.last_name, c.email, a.line1, a.city, a.postal_code, a.country FROM customers c
       JOIN customer_addresses a ON a.customer_id = c.id
     WHERE c.country = 'PL' AND a.postal_code <> '' AND c.email IS NOT NULL
       AND (SELECT count(*) FROM customers d WHERE d.last_name = c.last_name) = 1
     ORDER BY c.id LIMIT 2`,
  );
  assert.equal(rows.length, 2, "the demo shop has Polish customers with a postcode");
  const [id, first, last, email, line1, city, zip, country] = rows[0];
  twin = { id: Number(id), first, last, email, name: `${first} ${last}` };
  const [eid, efirst, elast, eemail] = rows[1];
  erased = { id: eid, first: efirst, last: elast, email: eemail, name: `${efirst} ${elast}` };
  // The old shop's export: the same person, same address, another e-mail.
  const csv = [
    "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags",
    `'8800000000001,${first},${last},${OLD_EMAIL},no,,"${line1}",,${city},,${country},'${zip},,,no,0.00,0,,no,`,
  ].join("\n");
  const file = path.join(dir, "customers_export_old_shop.csv");
  fs.writeFileSync(file, csv + "\n");
  cli("--db", db, "import", file);
});

async function search(text) {
  const input = await app.browser.$('[data-testid="customer-search"]');
  await input.waitForDisplayed({ timeout: 20000 });
  await input.clearValue();
  // An empty search shows the whole list again (a space is trimmed away).
  await input.setValue(text || " ");
}

async function rowIds() {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="customer-row"]')].map((r) => r.textContent?.trim() ?? ""),
  );
}

const customers = () => Number(sql(db, "SELECT count(*) FROM customers")[0][0]);
const byEmail = (email) =>
  sql(db, `SELECT id FROM customers WHERE email = '${email}' UNION SELECT customer_id FROM customer_other_emails WHERE email = '${email}'`).map((r) => Number(r[0]));

app.test("the same person entered twice is proposed, reviewed side by side and merged into one", async () => {
  const before = customers();
  const [second] = byEmail(OLD_EMAIL);
  assert.ok(second && second !== twin.id, "the old export made a second customer");
  const banner = await app.browser.$('[data-testid="duplicates-banner"]');
  await banner.waitForDisplayed({ timeout: 30000 });
  await (await app.browser.$('[data-testid="duplicates-open"]')).click();
  const pairs = () => app.browser.$$('[data-testid="duplicate-pair"]');
  let ours;
  await until(app.browser, async () => {
    for (const p of await pairs()) {
      const text = await p.getText();
      if (text.includes(OLD_EMAIL)) {
        ours = p;
        return true;
      }
    }
    return false;
  }, "the pair with the old e-mail is proposed");
  assert.match(await ours.getText(), /likely/i, "it is a likely pair");
  assert.match(await ours.getText(), /same name and postcode/);
  await ours.click();
  const compare = await app.browser.$('[data-testid="duplicate-compare"]');
  await compare.waitForDisplayed({ timeout: 15000 });
  assert.match(await compare.getText(), new RegExp(OLD_EMAIL.replace(/\./g, "\\.")));
  await screenshot(app.browser, "duplicates-compare.png");
  await (await app.browser.$('[data-testid="merge-confirm"]')).click();
  await (await app.browser.$('[data-testid="merge-notice"]')).waitForDisplayed({ timeout: 30000 });
  await until(app.browser, () => customers() === before - 1, "one customer fewer");
  assert.deepEqual(byEmail(OLD_EMAIL), [twin.id], "the old e-mail is the kept customer's");
  assert.deepEqual(byEmail(twin.email), [twin.id]);
  assert.equal(Number(sql(db, "SELECT count(*) FROM customer_merges")[0][0]), 1);
  await screenshot(app.browser, "duplicates-merged.png");

  // Search finds the one customer by either e-mail.
  for (const email of [OLD_EMAIL, twin.email]) {
    await search(email);
    await until(app.browser, async () => {
      const rows = await rowIds();
      return rows.length === 1 && rows[0].includes(twin.last);
    }, `one customer found by ${email}`);
  }
});

app.test("the last merge is undone later and both customers are back", async () => {
  // Another screen and back: the review opens afresh, with the merge to undo.
  await (await app.browser.$('[data-testid="nav-calls"]')).click();
  await (await app.browser.$('[data-testid="nav-customers"]')).click();
  await search("");
  const before = customers();
  const open = await app.browser.$('[data-testid="duplicates-open"]');
  await open.waitForDisplayed({ timeout: 15000 });
  await open.click();
  const undo = await app.browser.$('[data-testid="undo-last-merge"]');
  await undo.waitForDisplayed({ timeout: 15000 });
  await undo.click();
  await until(app.browser, () => customers() === before + 1, "the removed customer is back");
  const [second] = byEmail(OLD_EMAIL);
  assert.notEqual(second, twin.id, "the old e-mail is its own customer's again");
});

app.test("an erased customer is gone from search and History shows the erasure", async () => {
  await search(erased.email);
  await until(app.browser, async () => (await rowIds()).length === 1, "the customer is found");
  await (await app.browser.$('[data-testid="customer-row"]')).click();
  await (await app.browser.$('[data-testid="customer-profile"]')).waitForDisplayed({ timeout: 15000 });
  await (await app.browser.$('[data-testid="profile-erase"]')).click();
  const confirm = await app.browser.$('[data-testid="erase-confirm"]');
  await confirm.waitForDisplayed({ timeout: 15000 });
  const text = await confirm.getText();
  assert.match(text, /Older backups still hold their data/, "it says what backups keep");
  assert.match(text, /for the books|no orders/, "it says what happens to the orders");
  await screenshot(app.browser, "erase-confirm.png");
  await (await app.browser.$('[data-testid="erase-confirm-button"]')).click();
  await (await app.browser.$('[data-testid="customer-erased"]')).waitForDisplayed({ timeout: 60000 });
  assert.deepEqual(sql(db, `SELECT id FROM customers WHERE id = ${erased.id}`), []);
  await search(erased.email);
  await (await app.browser.$('[data-testid="no-match"]')).waitForDisplayed({ timeout: 15000 });
  await search(erased.last);
  await until(app.browser, async () => {
    const rows = await rowIds();
    return !rows.some((r) => r.includes(erased.first) && r.includes(erased.last));
  }, "the name finds nobody");

  await (await app.browser.$('[data-testid="nav-settings"]')).click();
  const history = await app.browser.$('[data-testid="history-section"]');
  await history.waitForDisplayed({ timeout: 15000 });
  await history.scrollIntoView();
  await until(app.browser, async () => {
    for (const e of await app.browser.$$('[data-testid="history-entry"]')) {
      if ((await e.getAttribute("data-action")) === "erase") return /erased/.test(await e.getText());
    }
    return false;
  }, "History lists the erasure");
  const entryText = await app.browser.execute(() =>
    document.querySelector('[data-testid="history-entry"][data-action="erase"]')?.textContent ?? "",
  );
  assert.ok(!entryText.includes(erased.last), "the entry does not name the erased customer");
  await screenshot(app.browser, "history-erasure.png");
});
