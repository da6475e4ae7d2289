// Today's thank-you calls on the demo shop, driven like a person at the phone:
// open Today, take the first call, record "reached, satisfaction 2, a note" with
// the keyboard, see the next call open and a service-recovery call planned, and
// find the call with its note on the customer's profile.
import assert from "node:assert/strict";
import path from "node:path";
import { appSession, cli, screenshot, sql, tempDir, until } from "./app.mjs";

const db = path.join(tempDir(), "demo.sqlite");
const NOTE = "Herbata dotarła, ale puszka była wgnieciona";

const app = appSession(db, () => {
  cli("--db", db, "demo", "--bare", "--seed", "7");
  // Calls may be made on any day at any hour, so the queue is the same whenever the test runs.
  const everyDay = JSON.stringify({
    callingHours: { start: "00:00:00", end: "00:00:00", days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] },
  });
  sql(db, `INSERT INTO settings (key, value) VALUES ('call_policy', '${everyDay}')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
});

/** The call ids in the list, top to bottom. */
async function listedCalls() {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="call-item"]')].map((b) => Number(b.getAttribute("data-call-id"))),
  );
}

async function openCallId() {
  const screen = await app.browser.$('[data-testid="call-screen"]');
  if (!(await screen.isExisting())) return null;
  return Number(await screen.getAttribute("data-call-id"));
}

let first;

app.test("Today lists the calls due now and opens the first on the call screen", async () => {
  await (await app.browser.$('[data-testid="nav-calls"]')).click();
  await until(app.browser, async () => (await listedCalls()).length >= 2, "at least two calls are listed");
  const ids = await listedCalls();
  first = ids[0];
  const open = sql(db, "SELECT count(*) FROM calls WHERE status = 'open'")[0][0];
  assert.ok(Number(open) >= ids.length, `the list shows open calls (${ids.length} of ${open})`);
  await until(app.browser, async () => (await openCallId()) === first, "the first call is open");
  const script = await (await app.browser.$('[data-testid="call-script"]')).getText();
  const [number] = sql(db, `SELECT o.number FROM calls k JOIN orders o ON o.id = k.order_id WHERE k.id = ${first}`)[0];
  assert.ok(script.includes(number), `the script names the order ${number}: ${script}`);
  assert.ok(!script.includes("{"), `every merge field is filled: ${script}`);
  const tel = await (await app.browser.$('[data-testid="call-tel"]')).getAttribute("href");
  const [e164] = sql(db, `SELECT p.e164 FROM calls k JOIN customer_phones p ON p.customer_id = k.customer_id
                          WHERE k.id = ${first} AND p.e164 IS NOT NULL ORDER BY p.position LIMIT 1`)[0];
  assert.equal(tel, `tel:${e164}`);
  const occasions = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="occasion"]')].map((o) => o.getAttribute("data-kind")),
  );
  assert.ok(occasions.length > 0, "the week's birthdays and name days are listed");
  assert.ok(occasions.includes("nameDay"), `a Polish, Finnish or Russian name day is among them: ${occasions}`);
  await screenshot(app.browser, "calls.png");
});

app.test("reached, satisfaction 2 and a note are saved with the keyboard; the next call opens", async () => {
  await until(app.browser, async () => (await openCallId()) === first, "the first call is open");
  await app.browser.keys(["Alt", "1"]);
  await app.browser.keys(["Control", "2"]);
  const reached = await app.browser.$('[data-testid="outcome-reached"]');
  await until(app.browser, async () => (await reached.getAttribute("aria-checked")) === "true", "Alt+1 chose Reached");
  await until(app.browser, async () => (await app.browser.$('[data-testid="recovery-hint"]')).isExisting(), "the form foresees a service-recovery call");
  const notes = await app.browser.$('[data-testid="call-notes"]');
  await notes.click();
  await notes.setValue(NOTE);
  await app.browser.keys(["Control", "Enter"]);

  const saved = await app.browser.$('[data-testid="call-saved-follow-up"]');
  await saved.waitForDisplayed({ timeout: 15000 });
  assert.equal(await saved.getAttribute("data-reason"), "service_recovery");
  await until(app.browser, async () => {
    const id = await openCallId();
    return id !== null && id !== first;
  }, "the next call opens");
  assert.ok(!(await listedCalls()).includes(first), "the call made leaves the list");

  const [status, closed] = sql(db, `SELECT status, closed_reason FROM calls WHERE id = ${first}`)[0];
  assert.deepEqual([status, closed], ["done", "reached"]);
  const attempts = sql(db, `SELECT outcome, satisfaction, notes FROM call_attempts WHERE call_id = ${first}`);
  assert.deepEqual(attempts, [["reached", "2", NOTE]]);
  const recovery = sql(db, `SELECT count(*) FROM calls r JOIN calls k ON k.customer_id = r.customer_id
                            WHERE k.id = ${first} AND r.reason = 'service_recovery' AND r.status = 'open'`);
  assert.equal(recovery[0][0], "1", "one service-recovery call is queued for the customer");
  await screenshot(app.browser, "calls-next.png");
});

app.test("the customer's profile shows the call, its note and the follow-up", async () => {
  const [customerId, first_name, last_name] = sql(
    db,
    `SELECT c.id, c.first_name, c.last_name FROM calls k JOIN customers c ON c.id = k.customer_id WHERE k.id = ${first}`,
  )[0];
  await (await app.browser.$('[data-testid="nav-customers"]')).click();
  const input = await app.browser.$('[data-testid="customer-search"]');
  await input.waitForDisplayed({ timeout: 15000 });
  await input.setValue(`${first_name} ${last_name}`);
  // The customer's own row (by id: a namesake may be listed first while the
  // search is still typing), clicked in the page as soon as it is there.
  const openRow = () =>
    app.browser.execute((id) => {
      const row = document.querySelector(`[data-testid="customer-row"][data-id="${id}"]`);
      if (!(row instanceof HTMLElement)) return false;
      row.click();
      return true;
    }, customerId);
  await until(app.browser, openRow, `${first_name} ${last_name} is found and opened`);
  const shownCalls = () =>
    app.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="profile-calls"] [data-testid="history-call"]')].map((c) => ({
        reason: c.getAttribute("data-reason"),
        status: c.getAttribute("data-status"),
        text: c.textContent ?? "",
      })),
    );
  await until(app.browser, async () => (await shownCalls()).length >= 2, "the profile lists the customer's calls");
  const shown = await shownCalls();
  assert.equal(shown[0].reason, "service_recovery", "the open follow-up comes first");
  assert.equal(shown[0].status, "open");
  const made = shown.find((c) => c.text.includes(NOTE));
  assert.ok(made, `the call with its note is on the profile: ${JSON.stringify(shown)}`);
  assert.equal(made.status, "done");
  assert.match(made.text, /★★☆☆☆/, "with its satisfaction of 2");
  await screenshot(app.browser, "profile-calls.png");
});
