// The language switch: the whole UI follows it at once, and it is remembered.
import assert from "node:assert/strict";
import path from "node:path";
import { appSession, cli, screenshot, sql, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "demo.sqlite");
const app = appSession(db, () => cli("--db", db, "demo", "--seed", "11", "--customers", "300", "--orders", "900"));

async function navText() {
  return (await app.browser.$('[data-testid="nav-customers"]')).getText();
}

async function chooseLanguage(code) {
  await (await app.browser.$('[data-testid="nav-settings"]')).click();
  const select = await app.browser.$('[data-testid="ui-language"]');
  await select.waitForDisplayed({ timeout: 15000 });
  await select.selectByAttribute("value", code);
  await (await app.browser.$('[data-testid="settings-save"]')).click();
}

app.test("choosing Russian translates the UI at once, with Russian plurals", async () => {
  await (await app.browser.$('[data-testid="nav-customers"]')).waitForDisplayed({ timeout: 20000 });
  assert.equal(await navText(), "Customers");
  await chooseLanguage("ru");
  await until(app.browser, async () => (await navText()) === "Клиенты", "the navigation is in Russian");
  await (await app.browser.$('[data-testid="nav-customers"]')).click();
  const count = await app.browser.$('[data-testid="result-count"]');
  await until(app.browser, async () => /клиент/.test(await count.getText()), "the customer count is in Russian");
  assert.match(await count.getText(), /^300 клиентов$/, "300 takes the genitive plural");
  await screenshot(app.browser, "ru.png");
});

app.test("the language is remembered after a restart", async () => {
  assert.deepEqual(sql(db, "SELECT value FROM settings WHERE key = 'ui_language'"), [["ru"]]);
  await app.restart();
  await until(app.browser, async () => (await app.browser.$('[data-testid="nav-customers"]').isDisplayed()) && (await navText()) === "Клиенты", "the app starts in Russian");
  await chooseLanguage("fi");
  await until(app.browser, async () => (await navText()) === "Asiakkaat", "the navigation is in Finnish");
  await chooseLanguage("pl");
  await until(app.browser, async () => (await navText()) === "Klienci", "the navigation is in Polish");
});
