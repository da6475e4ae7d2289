// Writes ui/src/lib/licences.json: every third-party package the app ships
// (the Rust crates the desktop app depends on, as Cargo.lock resolves them for
// Linux, and the npm packages the UI bundles, as package-lock.json has them),
// with its version and licence, for Settings → About. Generated, never edited
// by hand: run `node scripts/licences.mjs` after changing a dependency;
// `--check` only says whether the file is up to date (scripts/test.sh runs it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const cargo = process.env.CARGO ?? "cargo";
const metadata = JSON.parse(
  execFileSync(
    cargo,
    ["metadata", "--format-version", "1", "--locked", "--filter-platform", "x86_64-unknown-linux-gnu"],
    { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  ),
);

// The crates the app needs at run time: its normal dependencies, transitively.
const nodes = new Map(metadata.resolve.nodes.map((n) => [n.id, n]));
const packages = new Map(metadata.packages.map((p) => [p.id, p]));
const app = metadata.packages.find((p) => p.name === "courtesy-app");
const shipped = new Set();
const stack = [app.id];
while (stack.length) {
  const id = stack.pop();
  if (shipped.has(id)) continue;
  shipped.add(id);
  for (const d of nodes.get(id).deps) {
    if (d.dep_kinds.some((k) => k.kind === null)) stack.push(d.pkg);
  }
}
const crates = [...shipped]
  .map((id) => packages.get(id))
  .filter((p) => p.source !== null) // the workspace's own crates are Courtesy
  .map((p) => ({ name: p.name, version: p.version, licence: p.license ?? (p.license_file ? "see its licence file" : "unknown"), kind: "crate" }));

// The npm packages the UI bundle is built from (not the dev tools).
const lock = JSON.parse(fs.readFileSync(path.join(root, "ui/package-lock.json"), "utf8"));
const npm = Object.entries(lock.packages)
  .filter(([key, p]) => key.startsWith("node_modules/") && !p.dev)
  .map(([key, p]) => ({ name: key.slice(key.lastIndexOf("node_modules/") + 13), version: p.version, licence: p.license ?? "unknown", kind: "npm" }));

const all = [...crates, ...npm].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.kind.localeCompare(b.kind));
const out = path.join(root, "ui/src/lib/licences.json");
const text = JSON.stringify(all, null, 1) + "\n";
if (process.argv.includes("--check")) {
  const fresh = fs.existsSync(out) && fs.readFileSync(out, "utf8") === text;
  if (!fresh) {
    console.error(`${path.relative(root, out)} is stale: run node scripts/licences.mjs and commit the result`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, text);
  console.log(`wrote ${all.length} packages (${crates.length} crates, ${npm.length} npm) to ${path.relative(root, out)}`);
}
