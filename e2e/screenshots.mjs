// Takes the README's screenshot: the demo shop's customer list with a loyal
// customer's profile open. Run through scripts/screenshots.sh.
import path from "node:path";
import { cli, launch, sql, startDriver, stopDriver, tempDir } from "./app.mjs";

const out = process.argv[2] ?? "../docs";
const db = path.join(tempDir(), "demo.sqlite");
cli("--db", db, "demo", "--seed", "7");
const [[first, last]] = sql(
  db,
  `SELECT c.first_name, c.last_name FROM customers c
   WHERE c.country = 'PL' AND c.first_name GLOB '*[ąćęłńóśźżŁŚŻ]*'
     AND (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) BETWEEN 4 AND 6
     AND EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id)
   ORDER BY c.id LIMIT 1`,
);
await startDriver();
const browser = await launch(db);
try {
  const input = await browser.$('[data-testid="customer-search"]');
  await input.waitForDisplayed({ timeout: 20000 });
  await input.setValue(last.slice(0, 4));
  await browser.pause(400);
  await browser.execute((name) => {
    const rows = [...document.querySelectorAll('[data-testid="customer-row"]')];
    rows.find((r) => r.textContent.includes(name))?.click();
  }, `${first} ${last}`);
  await (await browser.$('[data-testid="profile-name"]')).waitForDisplayed({ timeout: 15000 });
  const tag = await browser.$('[data-testid="tag-input"]');
  await tag.setValue("VIP");
  await browser.keys("Enter");
  const notes = await browser.$('[data-testid="notes-input"]');
  await notes.setValue("Loves the fig candles. Prefers a call after 5 pm; ask how the last parcel arrived.");
  await (await browser.$('[data-testid="notes-save"]')).click();
  await browser.pause(1200);
  await browser.saveScreenshot(path.join(out, "customers.png"));
  console.log(`saved ${path.join(out, "customers.png")} (${first} ${last})`);
} finally {
  await browser.deleteSession();
  await stopDriver();
}
