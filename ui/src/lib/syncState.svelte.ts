// Where the app's syncs with its shops stand, shared by the sidebar and
// Settings → Shops: read once, then kept current by the `sync-status` and
// `sync-progress` events the Rust side sends.
import { backend } from "./backend";
import type { ImportRun, ShopConnection, SyncProgress, SyncStatus } from "./bindings";

export const syncState = $state<{ status: SyncStatus | null; progress: SyncProgress | null }>({
  status: null,
  progress: null,
});

let watchers = 0;
let stop: (() => void) | null = null;

function apply(status: SyncStatus) {
  syncState.status = status;
  syncState.progress = status.running;
}

export async function refreshSync(): Promise<void> {
  try {
    apply(await backend().syncStatus());
  } catch {
    // The sidebar stays quiet; Settings → Shops shows errors of its own calls.
  }
}

// Starts listening (once for all watchers); the returned function stops this watcher.
export function watchSync(): () => void {
  watchers += 1;
  if (watchers === 1) {
    const offs = [
      backend().onSyncStatus(apply),
      backend().onSyncProgress((p) => (syncState.progress = p)),
    ];
    stop = () => offs.forEach((o) => o.then((off) => off()).catch(() => undefined));
    refreshSync();
  }
  return () => {
    watchers -= 1;
    if (watchers === 0 && stop) {
      stop();
      stop = null;
    }
  };
}

// The newest run among the connections.
export function latestRun(shops: ShopConnection[]): ImportRun | null {
  let latest: ImportRun | null = null;
  for (const s of shops) {
    const run = s.lastSync;
    if (run && (!latest || run.startedAt > latest.startedAt)) latest = run;
  }
  return latest;
}
