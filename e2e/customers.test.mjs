// The Customers screen on the demo shop, driven like a person at the desk:
// search by a Polish name with diacritics and by a phone typed differently,
// open the profile, write a note, restart the app, and find the note kept.
import assert from "node:assert/strict";
import path from "node:path";
import { appSession, cli, screenshot, sql, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "demo.sqlite");

// A Polish customer with diacritics in the name and a phone, from the demo data.
let target;

const app = appSession(db, () => {
  cli("--db", db, "demo", "--bare", "--seed", "7");
  const rows = sql(
    db,
    `SELECT c.id, c.first_name, c.last_name, p.raw, p.e164 FROM customers c
       JOIN customer_phones p ON p.customer_id = c.id AND p.position = 0
     WHERE c.country = 'PL' AND p.e164 IS NOT NULL
       AND (c.first_name || c.last_name) GLOB '*[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]*'
       AND (SELECT count(*) FROM customers d WHERE d.first_name = c.first_name AND d.last_name = c.last_name) = 1
     ORDER BY c.id LIMIT 1`,
  );
  assert.equal(rows.length, 1, "the demo shop has a Polish customer with diacritics and a phone");
  const [id, first, last, raw, e164] = rows[0];
  target = { id, first, last, raw, e164, name: `${first} ${last}` };
});

async function search(text) {
  const input = await app.browser.$('[data-testid="customer-search"]');
  await input.waitForDisplayed({ timeout: 20000 });
  await input.clearValue();
  await input.setValue(text);
}

/** The names in the list, top to bottom, as rendered. */
async function firstResultNames() {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="customer-row"]')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((row) => row.querySelector('[data-testid="customer-name"]')?.textContent?.trim() ?? ""),
  );
}

app.test("the app serves the embedded UI, not a dev server", async () => {
  assert.match(await app.browser.getUrl(), /^tauri:\/\/localhost/);
});

app.test("the list shows the whole demo shop", async () => {
  const count = await app.browser.$('[data-testid="result-count"]');
  await until(app.browser, async () => /\d/.test(await count.getText()), "the customer count shows");
  const total = Number(sql(db, "SELECT count(*) FROM customers")[0][0]);
  const shown = Number((await count.getText()).replace(/\D/g, ""));
  assert.equal(shown, total, "the count line shows every customer");
  await screenshot(app.browser, "list.png");
});

app.test("a Polish name typed with diacritics finds the customer", async () => {
  await search(target.name);
  await until(app.browser, async () => (await firstResultNames()).includes(target.name), `"${target.name}" is listed`);
  const counter = await (await app.browser.$('[data-testid="result-count"]')).getText();
  assert.match(counter, /match/, "the count line speaks of matches while searching");
});

app.test("a phone number typed in another format than stored finds the customer", async () => {
  assert.notEqual(target.e164, target.raw, "the typed format must differ from the stored one");
  await search(target.e164);
  await until(app.browser, async () => (await firstResultNames()).includes(target.name), `${target.e164} finds ${target.name} (stored as ${target.raw})`);
});

app.test("Enter opens the profile; a note is saved", async () => {
  const input = await app.browser.$('[data-testid="customer-search"]');
  await search(target.name);
  await until(app.browser, async () => (await firstResultNames())[0] === target.name, "the customer is the first result");
  await input.click();
  await app.browser.keys("Enter");
  const name = await app.browser.$('[data-testid="profile-name"]');
  await name.waitForDisplayed({ timeout: 15000 });
  assert.match(await name.getText(), new RegExp(target.last));
  const notes = await app.browser.$('[data-testid="notes-input"]');
  await notes.setValue("Prefers a call after 5 pm. Zadzwonić po 17:00 — dziękujemy!");
  await (await app.browser.$('[data-testid="notes-save"]')).click();
  const status = await app.browser.$('[data-testid="notes-status"]');
  await until(app.browser, async () => /Saved/.test(await status.getText()), "the note shows as saved");
  await screenshot(app.browser, "profile.png");
});

app.test("after a restart the note is still there", async () => {
  await app.restart();
  await search(target.name);
  await until(app.browser, async () => (await firstResultNames())[0] === target.name, "the customer is found after restart");
  await (await app.browser.$('[data-testid="customer-row"]')).click();
  const notes = await app.browser.$('[data-testid="notes-input"]');
  await notes.waitForDisplayed({ timeout: 15000 });
  assert.equal(await notes.getValue(), "Prefers a call after 5 pm. Zadzwonić po 17:00 — dziękujemy!");
  const logged = sql(db, `SELECT source FROM audit_log WHERE entity = 'customer' AND entity_id = ${target.id}`);
  assert.deepEqual(logged, [["ui"]], "the edit is in the audit log as made in the UI");
});

app.test("a name nobody has shows the no-match state", async () => {
  await search("Qwxzyk");
  const none = await app.browser.$('[data-testid="no-match"]');
  await none.waitForDisplayed({ timeout: 10000 });
  assert.match(await none.getText(), /Qwxzyk/);
});
