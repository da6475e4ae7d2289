// Starts the real Courtesy binary through tauri-driver (WebKitWebDriver on Linux)
// and gives the tests a WebdriverIO browser on it, plus helpers to make databases.
import { spawn, execFileSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { remote } from "webdriverio";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const appBinary = process.env.APP_BIN ?? path.join(root, "target/debug/courtesy-app");
export const cliBinary = process.env.CLI_BIN ?? path.join(root, "target/debug/courtesy");
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444);

let driver = null;

export function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "courtesy-e2e-"));
}

/** Runs the `courtesy` CLI and returns its standard output. */
export function cli(...args) {
  return execFileSync(cliBinary, args, { encoding: "utf8" });
}

/** Runs SQL on a database with the sqlite3 shell, rows as arrays of strings. */
export function sql(db, query) {
  const out = execFileSync("sqlite3", ["-separator", "\t", db, query], { encoding: "utf8" });
  return out.split("\n").filter(Boolean).map((l) => l.split("\t"));
}

async function waitForDriver(deadlineMs = 20000) {
  const t0 = Date.now();
  while (Date.now() - t0 < deadlineMs) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok || r.status === 404 || r.status === 405) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("tauri-driver did not come up on port " + port);
}

/** Starts tauri-driver; the apps it launches get its environment with `env` on top (e.g. a system language). */
export async function startDriver(env = {}) {
  const log = fs.openSync(path.join(os.tmpdir(), "tauri-driver-e2e.log"), "a");
  const bin = process.env.TAURI_DRIVER ?? path.join(os.homedir(), ".cargo/bin/tauri-driver");
  driver = spawn(bin, ["--port", String(port)], { stdio: ["ignore", log, log], detached: true, env: { ...process.env, ...env } });
  await waitForDriver();
}

export async function stopDriver() {
  if (!driver || driver.exitCode !== null || driver.signalCode !== null) return;
  const exited = once(driver, "exit");
  try {
    process.kill(-driver.pid, "SIGTERM");
  } catch {}
  await exited;
}

/** Launches the app on `db` (with extra command-line `args`) and returns the session. */
export async function launch(db, args = []) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    capabilities: {
      "tauri:options": { application: appBinary, args: ["--db", db, ...args] },
      "wdio:enforceWebDriverClassic": true,
    },
  });
  await browser.setTimeout({ implicit: 0 });
  return browser;
}

/** Saves a screenshot when E2E_SCREENSHOT_DIR is set (waits a frame for the paint). */
export async function screenshot(browser, name) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await browser.pause(600);
  await browser.saveScreenshot(path.join(dir, name));
}

/** Waits until `fn` returns a truthy value, with a message saying what never happened. */
export async function until(browser, fn, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let lastError = null;
  for (;;) {
    try {
      if (await fn()) return;
      lastError = null;
    } catch (e) {
      if (webViewCrashed(e)) throw e;
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting until ${what}` + (lastError ? ` (last error: ${lastError.message})` : ""));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a WebDriver error says the page's web process is gone. */
function webViewCrashed(error) {
  return /page crash or hang|invalid session id/.test(String(error?.message ?? error));
}

/**
 * One app session for a test file: before the tests, runs `prepare` (e.g. fills
 * the database), starts tauri-driver and launches the app on `db`; after them,
 * closes the app and the driver. `session.browser` is the current session;
 * `session.restart()` quits the app and starts it again on the same database.
 */
/// Waits for a new PDF in `dir` (one not in `known`) that a printer queue has
/// finished writing (poppler reads it whole) and returns what `pdfinfo` says.
export async function printedPdf(browser, dir, known, what, timeout = 60000) {
  let info = null;
  await until(browser, async () => {
    const file = fs.readdirSync(dir).find((f) => f.endsWith(".pdf") && !known.has(f));
    if (!file) return false;
    try {
      info = execFileSync("pdfinfo", [path.join(dir, file)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      return true;
    } catch {
      return false; // still being written
    }
  }, `${what} arrives whole in ${dir}`, timeout);
  return info;
}

export function appSession(db, prepare = () => {}) {
  const session = {
    browser: null,
    async restart() {
      await session.browser.deleteSession();
      session.browser = await launch(db);
    },
    /**
     * A test on this session. When WebKit's web process dies under the test
     * (WebKitWebDriver: "page crash or hang"), the app is launched again on the
     * same database and the test runs once more, with a note in the output;
     * any other failure, or a second crash, fails the test.
     */
    test(name, fn) {
      test(name, async (t) => {
        try {
          await fn(t);
        } catch (e) {
          if (!webViewCrashed(e)) throw e;
          t.diagnostic(`the web view crashed (${e.message}); relaunching the app and running the test again`);
          try {
            await session.browser.deleteSession();
          } catch {}
          session.browser = await launch(db);
          await fn(t);
        }
      });
    },
  };
  before(async () => {
    await prepare();
    await startDriver();
    session.browser = await launch(db);
  });
  after(async () => {
    try {
      await session.browser?.deleteSession();
    } finally {
      await stopDriver();
    }
  });
  return session;
}
