// The language switch: the whole UI follows it at once, and it is remembered.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { cli, launch, screenshot, sql, startDriver, stopDriver, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "demo.sqlite");
let browser;

before(async () => {
  cli("--db", db, "demo", "--seed", "11", "--customers", "300", "--orders", "900");
  await startDriver();
  browser = await launch(db);
});

after(async () => {
  try {
    await browser?.deleteSession();
  } finally {
    await stopDriver();
  }
});

async function navText() {
  return (await browser.$('[data-testid="nav-customers"]')).getText();
}

async function chooseLanguage(code) {
  await (await browser.$('[data-testid="nav-settings"]')).click();
  const select = await browser.$('[data-testid="ui-language"]');
  await select.waitForDisplayed({ timeout: 15000 });
  await select.selectByAttribute("value", code);
  await (await browser.$('[data-testid="settings-save"]')).click();
}

test("choosing Russian translates the UI at once, with Russian plurals", async () => {
  await (await browser.$('[data-testid="nav-customers"]')).waitForDisplayed({ timeout: 20000 });
  assert.equal(await navText(), "Customers");
  await chooseLanguage("ru");
  await until(browser, async () => (await navText()) === "Клиенты", "the navigation is in Russian");
  await (await browser.$('[data-testid="nav-customers"]')).click();
  const count = await browser.$('[data-testid="result-count"]');
  await until(browser, async () => /клиент/.test(await count.getText()), "the customer count is in Russian");
  assert.match(await count.getText(), /^300 клиентов$/, "300 takes the genitive plural");
  await screenshot(browser, "ru.png");
});

test("the language is remembered after a restart", async () => {
  assert.deepEqual(sql(db, "SELECT value FROM settings WHERE key = 'ui_language'"), [["ru"]]);
  await browser.deleteSession();
  browser = await launch(db);
  await until(browser, async () => (await browser.$('[data-testid="nav-customers"]').isDisplayed()) && (await navText()) === "Клиенты", "the app starts in Russian");
  await chooseLanguage("fi");
  await until(browser, async () => (await navText()) === "Asiakkaat", "the navigation is in Finnish");
  await chooseLanguage("pl");
  await until(browser, async () => (await navText()) === "Klienci", "the navigation is in Polish");
});
