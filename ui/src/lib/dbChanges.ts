// Following what other desks (and the command line) change: `handler` runs a
// moment after the last of a burst of changes, until the returned function is
// called (a screen's onMount returns it).
import { backend } from "./backend";

export function followDbChanges(handler: () => void, delayMs = 250): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let stop: (() => void) | undefined;
  let closed = false;
  void backend()
    .onDbChanged(() => {
      clearTimeout(pending);
      pending = setTimeout(handler, delayMs);
    })
    .then((s) => {
      if (closed) s();
      else stop = s;
    })
    .catch(() => undefined);
  return () => {
    closed = true;
    clearTimeout(pending);
    stop?.();
  };
}
