// The first run of a newcomer whose system speaks Polish: the welcome screen
// is in Polish, its language choice is remembered, and each of its three ways
// in leads where it says. The demo shop then has something on every screen:
// gifts with stock, cards to write, today's calls or occasions, a customer's
// calls with their outcomes, and an Insert block on the first A6 slip of the
// paid orders.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import { cli, launch, screenshot, sql, startDriver, stopDriver, tempDir, until } from "./app.mjs";

before(() => startDriver({ LANG: "pl_PL.UTF-8", LANGUAGE: "pl" }));
after(stopDriver);

async function click(browser, testid) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 20000 });
  await el.click();
}

async function shown(browser, testid, timeout = 20000) {
  await (await browser.$(`[data-testid="${testid}"]`)).waitForDisplayed({ timeout });
}

test("the welcome screen speaks the system's Polish and each way in leads where it says", async () => {
  const dir = tempDir();
  const db = path.join(dir, "empty.sqlite");
  const browser = await launch(db);
  try {
    const title = await browser.$('[data-testid="welcome-title"]');
    await title.waitForDisplayed({ timeout: 20000 });
    assert.equal(await title.getText(), "Witaj w Courtesy");
    await screenshot(browser, "welcome-pl.png");

    await click(browser, "welcome-connect");
    await shown(browser, "shops");
    await click(browser, "nav-customers");
    await click(browser, "welcome-import");
    await shown(browser, "drop-zone");
    await click(browser, "nav-customers");

    await click(browser, "welcome-lang-en");
    await until(browser, async () => (await title.getText()) === "Welcome to Courtesy", "English at once");
    assert.deepEqual(sql(db, "SELECT value FROM settings WHERE key = 'ui_language'"), [["en"]], "the choice is remembered");
    await click(browser, "welcome-lang-pl");
    await until(browser, async () => (await title.getText()) === "Witaj w Courtesy", "Polish again");
    assert.deepEqual(sql(db, "SELECT value FROM settings WHERE key = 'ui_language'"), [["pl"]]);

    await click(browser, "load-demo");
    await shown(browser, "customer-row", 120000);

    await click(browser, "nav-gifts");
    await until(browser, async () => (await browser.$$('[data-testid="gift-row"]')).length >= 4, "the gift catalogue has gifts");
    assert.ok(await (await browser.$('[data-testid="low-stock"]')).isExisting(), "one gift runs low");
    await screenshot(browser, "demo-gifts.png");
    await click(browser, "nav-cards");
    await until(browser, async () => (await browser.$$('[data-testid="card-item"]')).length > 0, "cards are waiting to be written");
    await click(browser, "nav-calls");
    await until(browser, async () =>
      (await browser.$$('[data-testid="call-item"]')).length + (await browser.$$('[data-testid="occasion"]')).length > 0,
      "Today has calls or occasions");
    await screenshot(browser, "demo-today.png");

    // A customer who was called: their profile's timeline shows how it went.
    const [[email]] = sql(db, `SELECT c.email FROM customers c JOIN calls k ON k.customer_id = c.id
      JOIN call_attempts a ON a.call_id = k.id WHERE a.outcome = 'reached' AND c.email IS NOT NULL ORDER BY c.id LIMIT 1`);
    await click(browser, "nav-customers");
    const search = await browser.$('[data-testid="customer-search"]');
    await search.waitForDisplayed({ timeout: 20000 });
    await search.setValue(email);
    await until(browser, async () => (await browser.$$('[data-testid="customer-row"]')).length === 1, "the customer is found");
    await click(browser, "customer-row");
    const calls = await browser.$('[data-testid="profile-calls"]');
    await calls.waitForDisplayed({ timeout: 20000 });
    await until(browser, async () => /\d/.test(await calls.getText()), "the profile lists the call");
    await screenshot(browser, "demo-profile.png");

    // The first A6 slip of the paid orders carries the Insert block.
    const pdf = path.join(dir, "paid-a6.pdf");
    cli("--db", db, "slips", "--status", "paid", "--size", "a6", "-o", pdf);
    const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"], { encoding: "utf8" });
    assert.match(first, /Włóż do paczki|Insert into the parcel|Вложить в посылку|Lisää pakettiin/iu, first);
  } finally {
    await browser.deleteSession();
  }
});
