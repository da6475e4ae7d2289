// Two desks on one PostgreSQL database: the app at the office and the command
// line as a second desk. The app opens Today; the other desk records one of
// the listed calls, and within two seconds it leaves the app's list without a
// reload; the call open in the app is refused to the other desk as being
// called by someone else. At the dispatch desk the app has an order on the
// bench; the other desk packs it, and within two seconds the app says who
// packed it and when. Then the server stops: a banner says so, a save fails
// and keeps its text, and once the server is back the same save goes through.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after } from "node:test";
import { appSession, cli, screenshot, tempDir, until } from "./app.mjs";

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
  cli("--db", url, "demo", "--seed", "7");
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
