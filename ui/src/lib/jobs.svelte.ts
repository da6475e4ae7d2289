// One job at a time in a section of a screen (a backup, a check, a move):
// which one runs, and the last one's error for the section to show.
import { toAppError } from "./backend";
import type { AppError } from "./bindings";

export class Jobs<K extends string> {
  busy = $state<K | "">("");
  error = $state<AppError | null>(null);

  async run(kind: K, job: () => Promise<void>): Promise<void> {
    this.busy = kind;
    this.error = null;
    try {
      await job();
    } catch (e) {
      this.error = toAppError(e);
    } finally {
      this.busy = "";
    }
  }
}
