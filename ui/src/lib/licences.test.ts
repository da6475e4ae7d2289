import { describe, expect, it } from "vitest";
import licences from "./licences.json";

// Whether the file matches Cargo.lock and package-lock.json now is checked by
// `node scripts/licences.mjs --check` in scripts/test.sh.
describe("the licences of what the app ships", () => {
  it("name the crates and npm packages the app is built from, each with a licence", () => {
    const names = new Set(licences.map((l) => `${l.kind}:${l.name}`));
    for (const expected of ["crate:tauri", "crate:rusqlite", "crate:printpdf", "npm:svelte-i18n", "npm:@tauri-apps/api"]) {
      expect(names.has(expected), expected).toBe(true);
    }
    expect(licences.every((l) => l.licence && l.licence !== "unknown")).toBe(true);
    expect(names.has("crate:courtesy-store"), "Courtesy's own crates are not third-party").toBe(false);
  });
});
