// A shop connected in Settings → Shops and synced from the app: a WooCommerce
// connection to a fake shop on 127.0.0.1, its test, Sync now with progress,
// then the shop's customers found by search and the sidebar saying when the
// last sync ran. The key is kept only for the session (no keychain here) and
// never reaches the database.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import { appSession, cliBinary, screenshot, sql, tempDir, until } from "./app.mjs";

const fakeshopBinary = process.env.FAKESHOP_BIN ?? path.join(path.dirname(cliBinary), "courtesy-fakeshop");
const KEY = "ck_fake0000000000000000000000000000000000";
const SECRET = "cs_fake0000000000000000000000000000000000";
const ORDERS = 600;

const dir = tempDir();
const db = path.join(dir, "shop.sqlite");
let server = null;
let shopUrl = "";

before(async () => {
  const portFile = path.join(dir, "port");
  // Each answer takes a moment, as a real shop's does, so the progress shows.
  server = spawn(fakeshopBinary, ["serve", "--orders", String(ORDERS), "--delay-ms", "700", "--port-file", portFile], {
    stdio: "ignore",
  });
  const deadline = Date.now() + 30000;
  while (!fs.existsSync(portFile) || !fs.readFileSync(portFile, "utf8")) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the fake shop did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  shopUrl = `http://127.0.0.1:${fs.readFileSync(portFile, "utf8").trim()}`;
});

after(() => {
  server?.kill("SIGTERM");
});

const app = appSession(db);
const $ = (sel) => app.browser.$(sel);

app.test("a WooCommerce shop is connected and tested in Settings → Shops", async () => {
  await (await $('[data-testid="nav-settings"]')).waitForDisplayed({ timeout: 20000 });
  await (await $('[data-testid="nav-settings"]')).click();
  // Syncs only on Sync now, so none starts by itself in the middle of the test.
  const every = await $('[data-testid="sync-every"]');
  await every.waitForDisplayed({ timeout: 15000 });
  assert.equal(await every.getValue(), "10", "the app syncs every 10 minutes unless told otherwise");
  await every.setValue("0");
  await (await $('[data-testid="settings-save"]')).click();
  await until(app.browser, () => sql(db, "SELECT value FROM settings WHERE key = 'sync_every_minutes'")[0]?.[0] === "0", "the interval is saved");
  await (await $('[data-testid="shop-add"]')).click();
  await (await $('[data-testid="shop-name"]')).setValue("Herbaciarnia");
  await (await $('[data-testid="shop-url"]')).setValue(shopUrl);
  await (await $('[data-testid="shop-key"]')).setValue(KEY);
  await (await $('[data-testid="shop-secret"]')).setValue(SECRET);
  await (await $('[data-testid="shop-connect"]')).click();
  const card = await $('[data-testid="shop-Herbaciarnia"]');
  await card.waitForDisplayed({ timeout: 15000 });
  assert.match(await (await card.$('[data-testid="shop-last-sync"]')).getText(), /Not synced yet/);
  // No keychain on this desk: the app says the key lasts this session only.
  assert.match(await (await $('[data-testid="secrets-session"]')).getText(), /only until Courtesy closes/);

  await (await card.$('[data-testid="shop-test"]')).click();
  const identity = await card.$('[data-testid="shop-identity"]');
  await identity.waitForDisplayed({ timeout: 20000 });
  const said = await identity.getText();
  assert.match(said, /Herbaciarnia Pod Lipą answers · [A-Z]{3}/);
  assert.match(said, new RegExp(`${ORDERS} orders in the shop`));
  await screenshot(app.browser, "shops-tested.png");

  // The connection is in the database; its key and secret are not.
  assert.deepEqual(sql(db, "SELECT name, kind, base_url FROM shop_connections"), [["Herbaciarnia", "woocommerce", shopUrl]]);
  const bytes = fs.readFileSync(db).toString("latin1") + (fs.existsSync(`${db}-wal`) ? fs.readFileSync(`${db}-wal`).toString("latin1") : "");
  assert.ok(!bytes.includes(SECRET) && !bytes.includes(KEY), "the key is nowhere in the database file or its WAL");
});

app.test("Sync now shows its progress and can be stopped and resumed; the sidebar says when it ran", async () => {
  const card = await $('[data-testid="shop-Herbaciarnia"]');
  await (await card.$('[data-testid="shop-sync"]')).click();
  const progress = await card.$('[data-testid="sync-progress"]');
  await until(app.browser, () => progress.isDisplayed(), "the sync's progress bar shows", 20000);
  await until(app.browser, async () => /Syncing Herbaciarnia/.test(await (await $('[data-testid="sync-line-text"]')).getText()), "the sidebar says a sync runs");
  // Stopped after its first page of orders: what it read stays.
  await until(app.browser, async () => new RegExp(`Orders: [1-9]\\d* of ${ORDERS}`).test(await progress.getText()), "the orders are counted", 30000);
  await screenshot(app.browser, "shops-syncing.png");
  await (await card.$('[data-testid="sync-stop"]')).click();
  const last = await card.$('[data-testid="shop-last-sync"]');
  await until(app.browser, async () => /was stopped/.test(await last.getText()), "the stopped sync is shown", 30000);
  const [[kept]] = sql(db, "SELECT count(*) FROM orders");
  assert.ok(Number(kept) > 0 && Number(kept) < ORDERS, `part of the shop is in (${kept} orders)`);
  assert.match(await (await $('[data-testid="sync-line-text"]')).getText(), /^Sync stopped just now/);
  const resume = await card.$('[data-testid="shop-sync"]');
  assert.equal(await resume.getText(), "Resume sync");

  await resume.click();
  const rest = ORDERS - Number(kept);
  await until(app.browser, async () => new RegExp(`^Synced just now: ${rest} new orders`).test(await last.getText()), "the resumed sync finishes", 90000);
  await until(app.browser, async () => (await (await $('[data-testid="sync-line-text"]')).getText()) === `Synced just now · ${rest} new orders`, "the sidebar shows the last sync");
  await screenshot(app.browser, "shops-synced.png");

  assert.deepEqual(sql(db, "SELECT count(*), count(DISTINCT external_id) FROM orders WHERE source = 'woocommerce'"), [[String(ORDERS), String(ORDERS)]]);
  assert.deepEqual(
    sql(db, "SELECT status, orders_new, requests > 0 FROM import_runs WHERE connection_id IS NOT NULL ORDER BY id"),
    [["cancelled", kept, "1"], ["finished", String(rest), "1"]],
  );

  // A customer of the shop, found by surname as staff would type it.
  const [[first, surname]] = sql(db, "SELECT first_name, last_name FROM customers WHERE last_name <> '' ORDER BY id DESC LIMIT 1");
  await (await $('[data-testid="nav-customers"]')).click();
  const input = await $('[data-testid="customer-search"]');
  await input.waitForDisplayed({ timeout: 15000 });
  await input.setValue(surname);
  await until(app.browser, async () => {
    const names = await app.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="customer-name"]')].map((n) => n.textContent?.trim() ?? ""),
    );
    return names.some((n) => n.includes(first) && n.includes(surname));
  }, `${first} ${surname} is found by search`);
  await screenshot(app.browser, "shops-customer-found.png");
});

app.test("a key changed in Settings → Shops is the one the next test signs in with", async () => {
  await (await $('[data-testid="nav-settings"]')).click();
  const card = await $('[data-testid="shop-Herbaciarnia"]');
  await card.waitForDisplayed({ timeout: 15000 });
  const rekey = async (key, secret) => {
    await (await card.$('[data-testid="shop-rekey"]')).click();
    await (await card.$('[data-testid="rekey-key"]')).setValue(key);
    await (await card.$('[data-testid="rekey-secret"]')).setValue(secret);
    await (await card.$('[data-testid="shop-rekey-save"]')).click();
    await (await card.$('[data-testid="shop-rekeyed"]')).waitForDisplayed({ timeout: 15000 });
  };
  // A mistyped secret: the shop refuses it, in words an owner understands.
  await rekey(KEY, "cs_mistyped");
  await (await card.$('[data-testid="shop-test"]')).click();
  const refused = await card.$('[data-testid="shop-test-error"]');
  await refused.waitForDisplayed({ timeout: 20000 });
  assert.match(await refused.getText(), /refused Courtesy's key: it was revoked, expired or mistyped/);
  await screenshot(app.browser, "shops-key-refused.png");
  // The right one again: the shop answers.
  await rekey(KEY, SECRET);
  await (await card.$('[data-testid="shop-test"]')).click();
  await (await card.$('[data-testid="shop-identity"]')).waitForDisplayed({ timeout: 20000 });
  const bytes = fs.readFileSync(db).toString("latin1") + (fs.existsSync(`${db}-wal`) ? fs.readFileSync(`${db}-wal`).toString("latin1") : "");
  assert.ok(!bytes.includes("cs_mistyped") && !bytes.includes(SECRET), "no secret is in the database file or its WAL");
});
