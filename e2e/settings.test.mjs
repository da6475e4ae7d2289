// The language switch: the whole UI follows it at once, and it is remembered.
import assert from "node:assert/strict";
import path from "node:path";
import { appSession, cli, screenshot, sql, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "demo.sqlite");
const app = appSession(db, () => cli("--db", db, "demo", "--bare", "--seed", "11", "--customers", "300", "--orders", "900"));

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

app.test("a backup made in Settings restores the shop as it was, after backing up what was there", async () => {
  await chooseLanguage("en");
  await until(app.browser, async () => (await navText()) === "Customers", "the navigation is in English again");
  const section = await app.browser.$('[data-testid="backups-section"]');
  await section.waitForDisplayed({ timeout: 15000 });
  await section.scrollIntoView();
  await (await app.browser.$('[data-testid="backup-now"]')).click();
  await (await app.browser.$('[data-testid="backup-taken"]')).waitForDisplayed({ timeout: 30000 });
  const rows = () => app.browser.$$('[data-testid="backup-row"]');
  await until(app.browser, async () => {
    for (const r of await rows()) if (/By hand/.test(await r.getText())) return true;
    return false;
  }, "the backup is listed as taken by hand");
  const listed = await (await rows())[0].getText();
  assert.match(listed, /300 customers, 900 orders/, `it says what it holds: ${listed}`);

  // A change after the backup, made at another door.
  sql(db, "UPDATE settings SET value = 'Herbaciarnia Po Zmianie' WHERE key = 'shop_name'");
  assert.deepEqual(sql(db, "SELECT value FROM settings WHERE key = 'shop_name'"), [["Herbaciarnia Po Zmianie"]]);

  for (const r of await rows()) {
    if (/By hand/.test(await r.getText())) {
      await (await r.$('[data-testid="backup-restore"]')).click();
      break;
    }
  }
  const confirm = await app.browser.$('[data-testid="restore-confirm"]');
  await confirm.waitForDisplayed({ timeout: 10000 });
  assert.match(await confirm.getText(), /300 customers/);
  await screenshot(app.browser, "settings-restore-confirm.png");
  await (await app.browser.$('[data-testid="restore-confirm-button"]')).click();
  await until(app.browser, () => sql(db, "SELECT value FROM settings WHERE key = 'shop_name'")[0]?.[0] !== "Herbaciarnia Po Zmianie", "the shop is as it was at the backup", 30000);
  await (await app.browser.$('[data-testid="nav-settings"]')).waitForDisplayed({ timeout: 20000 });
  await (await app.browser.$('[data-testid="nav-settings"]')).click();
  await (await app.browser.$('[data-testid="backups-section"]')).waitForDisplayed({ timeout: 15000 });
  await until(app.browser, async () => {
    for (const r of await rows()) if (/Before a restore/.test(await r.getText())) return true;
    return false;
  }, "what was there before is kept as a backup");
  await (await app.browser.$('[data-testid="backups-section"]')).scrollIntoView();
  await screenshot(app.browser, "settings-backups.png");
});
