// Two desks on one PostgreSQL database: the app at the office and the command
// line as a second desk. The app opens Today; the other desk records one of
// the listed calls, and within two seconds it leaves the app's list without a
// reload; the call open in the app is refused to the other desk as being
// called by someone else. At the dispatch desk the app has an order on the
// bench; the other desk packs it, and within two seconds the app says who
// packed it and when. Then the server stops: a banner says so, a save fails
// and keeps its text, and once the server is back the same save goes through.
// Notes typed over a change another desk made meanwhile are not saved over
// it: the profile shows theirs and asks. Last, a one-desk shop in its own
// file moves onto an empty server database from Settings and, restarted,
// works there.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after } from "node:test";
import fs from "node:fs";
import { appSession, cli, launch, screenshot, startDriver, stopDriver, tempDir, until } from "./app.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cluster = tempDir();
const url = execFileSync("bash", [path.join(root, "scripts/postgres.sh"), "start", cluster], { encoding: "utf8" })
  .trim()
  .split("\n")
  .pop();
after(() => execFileSync("bash", [path.join(root, "scripts/postgres.sh"), "stop", cluster]));

/** Runs SQL on the shop's server database, rows as arrays of strings. */
function psql(query) {
  const out = execFileSync("psql", [url, "-AtF", "\t", "-c", query], { encoding: "utf8" });
  return out.split("\n").filter(Boolean).map((l) => l.split("\t"));
}

let order;
const app = appSession(url, () => {
  cli("--db", url, "demo", "--bare", "--seed", "7");
  // Calls may be made on any day at any hour, so the queue is the same whenever the test runs.
  const everyDay = JSON.stringify({
    callingHours: { start: "00:00:00", end: "00:00:00", days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] },
  });
  psql(`INSERT INTO settings (key, value) VALUES ('call_policy', '${everyDay}')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  [order] = psql(`SELECT number FROM orders WHERE status = 'paid' AND packed_at IS NULL ORDER BY id LIMIT 1`).map((r) => r[0]);
  assert.ok(order, "the demo shop has a paid order to pack");
});

async function listedCalls() {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="call-item"]')].map((b) => Number(b.getAttribute("data-call-id"))),
  );
}

app.test("a call recorded at another desk leaves Today within two seconds", async () => {
  await (await app.browser.$('[data-testid="nav-calls"]')).click();
  await until(app.browser, async () => (await listedCalls()).length >= 3, "at least three calls are listed");
  const ids = await listedCalls();
  const open = ids[0];
  await until(app.browser, async () => {
    const screen = await app.browser.$('[data-testid="call-screen"]');
    return (await screen.isExisting()) && Number(await screen.getAttribute("data-call-id")) === open;
  }, "the first call is open here");
  await until(app.browser, () => psql(`SELECT count(*) FROM call_claims WHERE call_id = ${open}`)[0][0] === "1", "this desk claims the call it opened");

  // The other desk cannot record the call open here.
  assert.throws(
    () => cli("--db", url, "calls", "record", String(open), "--outcome", "reached"),
    /is on this call at another desk/,
  );
  // It records another one; the list here follows by itself.
  const other = ids[1];
  cli("--db", url, "calls", "record", String(other), "--outcome", "reached", "--notes", "Dziękuje za herbatę");
  const recorded = Date.now();
  await until(app.browser, async () => !(await listedCalls()).includes(other), "the call made elsewhere leaves the list", 2000);
  const took = Date.now() - recorded;
  assert.ok(took <= 2000, `shown after ${took} ms`);
  assert.ok((await listedCalls()).includes(open), "the call open here stays");
  await screenshot(app.browser, "several-desks-today.png");
});

app.test("an order packed at another desk is shown packed on this bench within two seconds", async () => {
  await (await app.browser.$('[data-testid="nav-dispatch"]')).click();
  const input = await app.browser.$('[data-testid="dispatch-scan"]');
  await input.waitForDisplayed({ timeout: 15000 });
  await until(app.browser, async () => app.browser.execute(() => document.activeElement?.getAttribute("data-testid") === "dispatch-scan"), "the scan field has the focus");
  await input.setValue(order);
  await app.browser.keys("Enter");
  await until(app.browser, async () => (await app.browser.$$('[data-testid="dispatch-line"]')).length > 0, "the order is on the bench");

  cli("--db", url, "pack", order);
  const packed = Date.now();
  const warning = await app.browser.$('[data-kind="alreadyPacked"]');
  await until(app.browser, () => warning.isExisting(), "the bench says the order was packed elsewhere", 2000);
  const took = Date.now() - packed;
  assert.ok(took <= 2000, `shown after ${took} ms`);
  const text = await warning.getText();
  assert.ok(/cli/.test(text), `it says who packed it: ${text}`);
  assert.deepEqual(psql(`SELECT packed_by FROM orders WHERE number = '${order}'`), [["cli"]], "packed once, by the other desk");
  await screenshot(app.browser, "several-desks-dispatch.png");
});

app.test("the server stopped mid-session: a banner, a failed save keeps its text, and work goes on once it is back", async () => {
  await (await app.browser.$('[data-testid="dispatch-exit"]')).click();
  await (await app.browser.$('[data-testid="nav-calls"]')).waitForDisplayed({ timeout: 10000 });
  await (await app.browser.$('[data-testid="nav-calls"]')).click();
  const screen = await app.browser.$('[data-testid="call-screen"]');
  await screen.waitForDisplayed({ timeout: 15000 });
  const call = Number(await screen.getAttribute("data-call-id"));

  execFileSync("bash", [path.join(root, "scripts/postgres.sh"), "stop", cluster]);
  const away = await app.browser.$('[data-testid="db-away"]');
  await away.waitForDisplayed({ timeout: 10000 });
  await screenshot(app.browser, "several-desks-server-away.png");

  const NOTE = "Klientka prosi o fakturę na firmę";
  await app.browser.keys(["Alt", "1"]);
  const notes = await app.browser.$('[data-testid="call-notes"]');
  await notes.click();
  await notes.setValue(NOTE);
  await app.browser.keys(["Control", "Enter"]);
  const failed = await app.browser.$('.side [role="alert"]');
  await failed.waitForDisplayed({ timeout: 15000 });
  assert.match(await failed.getText(), /cannot be reached/);
  assert.equal(await notes.getValue(), NOTE, "what was typed stays");

  execFileSync("bash", [path.join(root, "scripts/postgres.sh"), "resume", cluster]);
  await until(app.browser, async () => !(await away.isExisting()), "the banner goes once the server is back", 20000);
  await notes.click();
  await app.browser.keys(["Control", "Enter"]);
  await (await app.browser.$('[data-testid="call-saved"]')).waitForDisplayed({ timeout: 15000 });
  assert.deepEqual(psql(`SELECT notes FROM call_attempts WHERE call_id = ${call}`), [[NOTE]], "saved once, with the text");
});

app.test("notes typed over another desk's change show theirs and ask before saving", async () => {
  const [[id, name]] = psql(`SELECT id, first_name || ' ' || last_name FROM customers WHERE last_name <> '' ORDER BY id LIMIT 1`);
  await (await app.browser.$('[data-testid="nav-customers"]')).click();
  const search = await app.browser.$('[data-testid="customer-search"]');
  await search.waitForDisplayed({ timeout: 20000 });
  await search.setValue(name);
  const row = await app.browser.$(`[data-testid="customer-row"][data-id="${id}"]`);
  await until(app.browser, () => row.isExisting(), `${name} is listed`);
  await row.click();
  const notes = await app.browser.$('[data-testid="notes-input"]');
  await notes.waitForDisplayed({ timeout: 15000 });

  const MINE = "Prosi o kontakt po 17:00";
  const THEIRS = "Paczka do sąsiada spod 5";
  await notes.setValue(MINE);
  // Meanwhile Ola, at another desk, changes the same notes.
  psql(`UPDATE customers SET notes = '${THEIRS}' WHERE id = ${id};
        INSERT INTO audit_log (at, actor, source, entity, entity_id, action, detail)
        VALUES ('2026-12-04T09:30:00Z', 'Ola', 'ui', 'customer', ${id}, 'update', '{"field":"notes"}')`);
  await (await app.browser.$('[data-testid="notes-save"]')).click();
  const conflict = await app.browser.$('[data-testid="edit-conflict"]');
  await conflict.waitForDisplayed({ timeout: 10000 });
  assert.match(await conflict.getText(), /Ola changed this customer/);
  assert.equal(await (await app.browser.$('[data-testid="conflict-theirs"]')).getText(), THEIRS, "their notes are shown");
  assert.equal(await notes.getValue(), MINE, "what was typed stays in the box");
  assert.deepEqual(psql(`SELECT notes FROM customers WHERE id = ${id}`), [[THEIRS]], "nothing was saved over theirs");
  await screenshot(app.browser, "several-desks-edit-conflict.png");

  await (await app.browser.$('[data-testid="conflict-save-mine"]')).click();
  await until(app.browser, async () => !(await conflict.isExisting()), "the question goes once answered");
  assert.deepEqual(psql(`SELECT notes FROM customers WHERE id = ${id}`), [[MINE]], "saved on purpose");
});

app.test("a desk's own shop moves to an empty server database from Settings and works there after a restart", async () => {
  psql("CREATE DATABASE moved");
  const server = new URL(url);
  const password = decodeURIComponent(server.password);
  server.password = "";
  server.pathname = "/moved";
  const movedUrl = server.toString();
  const withPassword = url.replace(/\/postgres$/, "/moved");
  const dir = tempDir();
  const file = path.join(dir, "desk.sqlite");
  cli("--db", file, "demo", "--bare", "--seed", "5", "--customers", "120", "--orders", "400");

  await app.browser.deleteSession();
  app.browser = await launch(file);
  await (await app.browser.$('[data-testid="nav-settings"]')).click();
  const backend = await app.browser.$('[data-testid="db-backend"]');
  await backend.waitForDisplayed({ timeout: 15000 });
  assert.match(await backend.getText(), /own file/);
  await (await app.browser.$('[data-testid="db-url"]')).setValue(movedUrl);
  await (await app.browser.$('[data-testid="db-password"]')).setValue(password);
  await (await app.browser.$('[data-testid="db-check"]')).click();
  const move = await app.browser.$('[data-testid="db-move"]');
  await move.waitForDisplayed({ timeout: 15000 });
  assert.match(await (await app.browser.$('[data-testid="db-found"]')).getText(), /An empty database \(PostgreSQL/);
  await move.click();
  const moved = await app.browser.$('[data-testid="db-moved"]');
  await moved.waitForDisplayed({ timeout: 60000 });
  assert.match(await moved.getText(), /each checked/);
  await screenshot(app.browser, "settings-database-moved.png");

  const count = (db) => execFileSync("psql", [db, "-At", "-c", "SELECT count(*) FROM customers"], { encoding: "utf8" }).trim();
  assert.equal(count(withPassword), "120", "the server holds the shop");
  const choice = fs.readFileSync(`${file}.server.json`, "utf8");
  assert.ok(choice.includes("/moved"), choice);
  assert.ok(!choice.includes(password), "the password is not in the file");

  // On a computer without a keychain the password comes from PGPASSWORD at the next start.
  await app.browser.deleteSession();
  await stopDriver();
  process.env.PGPASSWORD = password;
  await startDriver();
  app.browser = await launch(file);
  await (await app.browser.$('[data-testid="nav-settings"]')).click();
  await (await app.browser.$('[data-testid="db-backend"]')).waitForDisplayed({ timeout: 15000 });
  await until(app.browser, async () => /server database/.test(await (await app.browser.$('[data-testid="db-backend"]')).getText()), "the desk works on the server now");
  const shown = await (await app.browser.$('[data-testid="db-path"]')).getText();
  assert.ok(shown.includes("/moved") && !shown.includes(password), `the server is shown without its password: ${shown}`);
  await (await app.browser.$('[data-testid="database-section"]')).scrollIntoView();
  await screenshot(app.browser, "settings-database-on-server.png");

  // And back to the file.
  await (await app.browser.$('[data-testid="db-back"]')).click();
  await (await app.browser.$('[data-testid="db-restart"]')).waitForDisplayed({ timeout: 10000 });
  assert.ok(!fs.existsSync(`${file}.server.json`), "the desk is pointed at its file again");
});
