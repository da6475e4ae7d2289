import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The empty app that Courtesy's start-up figures are measured against
// (bench/startup): built by the same Vite, Svelte and target as the app.
export default defineConfig({
  root: "floor",
  plugins: [svelte()],
  clearScreen: false,
  logLevel: "warn",
  build: {
    outDir: "../../bench/startup/floor/dist",
    emptyOutDir: true,
    target: "safari15",
  },
});
