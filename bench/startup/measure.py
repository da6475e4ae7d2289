#!/usr/bin/env python3
"""Start-up figures: Courtesy on the demo shop beside an empty Tauri 2 + Svelte app.

Three apps are started in turns on one Xvfb display:

* Courtesy, on a copy of the demo shop;
* the empty app, with the web view set up as Courtesy's is (the same
  `courtesy-webview` call: software painting where there is no GPU), so the
  difference between the two is what Courtesy itself costs;
* the empty app on Tauri's defaults (WebKit's accelerated compositing even on
  Mesa's software OpenGL): what any Tauri app takes here, the floor the
  targets are set against (idle memory <= 1.1x, first paint <= +0.2 s).

For each start this reads two figures:

* first paint: from the moment the process is started to the moment its page
  reports that the first screen is painted (both apps print
  `first-paint-epoch-ms N SCREEN` once their first screen has been through a
  paint; Courtesy's must be its customer list, with the first customers);
* idle memory: the proportional set size (PSS, shared pages divided among the
  processes that map them) of the whole app, the app process and every
  process it started (WebKit's web and network processes), read from
  /proc/PID/smaps_rollup after the app has been idle for `--idle` seconds.

Each app gets one unmeasured warm-up start (WebKit's and Mesa's caches are then
as warm as on any later start), then `--runs` measured starts; the medians are
compared. Where the memory goes is broken down by process and by kind of
mapping: the app's own binary, shared libraries, and anonymous memory (heaps,
the JavaScript engine, stacks), so a difference can be traced to its place.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PAINT_TIMEOUT_S = 60.0
MEMORY_TARGET = 1.10
PAINT_TARGET_MS = 200.0


@dataclass
class App:
    label: str
    argv: list[str]
    env: dict[str, str]
    home: Path
    db_template: Path | None = None
    db_arg: str | None = None
    screen: str = "hello"


@dataclass
class Run:
    paint_ms: float
    pss_kb: int
    by_process: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_place: dict[str, int] = field(default_factory=dict)


def children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return out


def process_tree(pid: int) -> list[int]:
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children(p))
    return tree


def comm(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def webkit_processes() -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and comm(int(entry)).startswith("WebKit"):
            found.add(int(entry))
    return found


def mapping_kind(path: str, exe: str) -> str:
    if path == exe:
        return "own binary"
    if "libwebkit2gtk" in path or "libjavascriptcoregtk" in path:
        return "WebKit + JSC libraries"
    if "libLLVM" in path or "/dri/" in path or "mesa" in path:
        return "Mesa (software GL)"
    if path.startswith("/") and (".so" in path):
        return "other libraries"
    if path.startswith("/memfd") or path.startswith("/SYSV") or path.startswith("/dev/shm"):
        return "shared memory"
    if path.startswith("/"):
        return "other files"
    return "anonymous (heap, JS, stacks)"


def pss_of(pid: int, exe: str, by_kind: dict[str, int]) -> int:
    """The process's PSS in kB, adding its mappings' shares into `by_kind`."""
    total, current = 0, "anonymous (heap, JS, stacks)"
    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                first = line.split(maxsplit=1)[0]
                if "-" in first and not first.endswith(":"):
                    parts = line.split()
                    current = mapping_kind(parts[5] if len(parts) > 5 else "", exe)
                elif first == "Pss:":
                    kb = int(line.split()[1])
                    total += kb
                    by_kind[current] = by_kind.get(current, 0) + kb
    except OSError:
        pass
    return total


def process_label(pid: int, root: int) -> str:
    if pid == root:
        return "app process"
    name = comm(pid)
    if name.startswith("WebKitWebProces"):
        return "WebKit web process"
    if name.startswith("WebKitNetworkPr"):
        return "WebKit network process"
    return name


def start_xvfb() -> tuple[subprocess.Popen, str]:
    for n in range(120, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            display = f":{n}"
            xvfb = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    return xvfb, display
                time.sleep(0.05)
            xvfb.kill()
            raise SystemExit("error: Xvfb did not start")
    raise SystemExit("error: no free X display between :120 and :199")


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    # WebKit's helpers leave with their parent; make sure before the next start.
    for _ in range(50):
        if not webkit_processes():
            return
        time.sleep(0.1)


def one_start(app: App, display: str, idle_s: float, workdir: Path, measure: bool) -> Run | None:
    argv = list(app.argv)
    if app.db_template is not None:
        db = workdir / "start.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        # SQLite's own copy: committed pages still in the write-ahead log come too.
        with sqlite3.connect(app.db_template) as src, sqlite3.connect(db) as dst:
            src.backup(dst)
        dst.close()
        src.close()
        argv += [app.db_arg or "--db", str(db)]
    env = dict(os.environ)
    env.update(app.env)
    env.update({"DISPLAY": display, "HOME": str(app.home), "XDG_CONFIG_HOME": str(app.home / ".config"),
                "XDG_DATA_HOME": str(app.home / ".local/share"), "XDG_CACHE_HOME": str(app.home / ".cache")})
    others = webkit_processes()
    if others:
        raise SystemExit(f"error: other WebKit processes are running ({sorted(others)}); "
                         "they share pages with the app and would lower its PSS. Stop them first.")
    started = time.time()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True, text=True, bufsize=1)
    try:
        painted_at = None
        deadline = started + PAINT_TIMEOUT_S
        assert proc.stdout is not None
        while painted_at is None and time.time() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if not ready:
                if proc.poll() is not None:
                    raise SystemExit(f"error: {app.label} ended before its first paint (exit {proc.returncode})")
                continue
            line = proc.stdout.readline()
            if line.startswith("first-paint-epoch-ms "):
                _, at, screen = line.split()
                if screen != app.screen:
                    raise SystemExit(f"error: {app.label} first showed its {screen} screen, not {app.screen}")
                painted_at = int(at) / 1000.0
        if painted_at is None:
            raise SystemExit(f"error: {app.label} reported no first paint within {PAINT_TIMEOUT_S:.0f} s")
        if not measure:
            return None
        time.sleep(max(0.0, painted_at + idle_s - time.time()))
        exe = os.readlink(f"/proc/{proc.pid}/exe")
        by_process: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        by_place: dict[str, int] = {}
        for pid in process_tree(proc.pid):
            label = process_label(pid, proc.pid)
            kinds: dict[str, int] = {}
            by_process[label] = by_process.get(label, 0) + pss_of(pid, exe, kinds)
            for kind, kb in kinds.items():
                by_kind[kind] = by_kind.get(kind, 0) + kb
                by_place[f"{label}: {kind}"] = by_place.get(f"{label}: {kind}", 0) + kb
        return Run((painted_at - started) * 1000.0, sum(by_process.values()), by_process, by_kind, by_place)
    finally:
        stop(proc)


def median_of(runs: list[Run], pick) -> float:
    return statistics.median(pick(r) for r in runs)


def mb(kb: float) -> str:
    return f"{kb / 1024:7.1f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--courtesy", required=True, help="the courtesy-app binary")
    ap.add_argument("--floor", required=True, help="the empty Tauri 2 + Svelte app's binary")
    ap.add_argument("--db", required=True, help="the demo shop's database (copied for each start)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--idle", type=float, default=30.0, help="seconds idle after the first paint")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="courtesy-startup-"))
    apps = [
        App("Courtesy (demo shop)", [args.courtesy],
            {"COURTESY_STARTUP_REPORT": "1", "COURTESY_NO_KEYCHAIN": "1"}, work / "home-courtesy",
            Path(args.db), "--db", "customers"),
        App("empty Tauri 2 + Svelte", [args.floor], {}, work / "home-floor"),
        App("same, Tauri's defaults", [args.floor], {"COURTESY_FLOOR_TAURI_DEFAULTS": "1"},
            work / "home-floor-defaults"),
    ]
    for app in apps:
        app.home.mkdir(parents=True)
    xvfb, display = start_xvfb()
    results: dict[str, list[Run]] = {app.label: [] for app in apps}
    try:
        for app in apps:
            print(f"warm-up: {app.label}", flush=True)
            one_start(app, display, 0, work, measure=False)
        for i in range(args.runs):
            for app in apps:
                run = one_start(app, display, args.idle, work, measure=True)
                assert run is not None
                results[app.label].append(run)
                print(f"run {i + 1}/{args.runs} {app.label:24} first paint {run.paint_ms:6.0f} ms"
                      f"   idle PSS {mb(run.pss_kb)}", flush=True)
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(work, ignore_errors=True)

    courtesy, floor, defaults = (results[a.label] for a in apps)
    print()
    print(f"{'median of ' + str(args.runs) + ' starts':56} {'Courtesy':>12} {'empty app':>12} {'difference':>12}"
          f" {'empty app on Tauri defaults':>28}")
    paint = lambda r: r.paint_ms  # noqa: E731
    c_paint, f_paint, d_paint = (median_of(x, paint) for x in (courtesy, floor, defaults))
    print(f"{'first paint':56} {c_paint:9.0f} ms {f_paint:9.0f} ms {c_paint - f_paint:+9.0f} ms {d_paint:25.0f} ms")
    pss = lambda r: r.pss_kb  # noqa: E731
    c_pss, f_pss, d_pss = (median_of(x, pss) for x in (courtesy, floor, defaults))
    print(f"{'idle PSS, whole app':56} {mb(c_pss):>12} {mb(f_pss):>12} {(c_pss - f_pss) / 1024:+9.1f} MB"
          f" {mb(d_pss):>28}")
    sections = (("by process", lambda r: r.by_process, 0), ("by kind of memory", lambda r: r.by_kind, 0),
                ("where Courtesy differs from the empty app by 0.5 MB or more", lambda r: r.by_place, 512))
    for title, pick, least in sections:
        print(f"  {title}")
        keys = sorted({k for r in courtesy + floor + defaults for k in pick(r)},
                      key=lambda k: -median_of(courtesy, lambda r: pick(r).get(k, 0)))
        for k in keys:
            c, f, d = (median_of(x, lambda r: pick(r).get(k, 0)) for x in (courtesy, floor, defaults))
            if abs(c - f) >= least:
                print(f"    {k[:52]:52} {mb(c):>12} {mb(f):>12} {(c - f) / 1024:+9.1f} MB {mb(d):>28}")
    # The targets are set against the empty app as Tauri makes it, the floor
    # any Tauri app starts from; against the empty app set up as Courtesy is,
    # the figures are Courtesy's own weight, printed beside them.
    ratio, own_ratio = c_pss / d_pss, c_pss / f_pss
    paint_late, own_paint_late = c_paint - d_paint, c_paint - f_paint
    memory_ok, paint_ok = ratio <= MEMORY_TARGET, paint_late <= PAINT_TARGET_MS
    print()
    print(f"memory: Courtesy is {ratio:.2f}x the empty app on Tauri's defaults (target <= {MEMORY_TARGET:.2f}x): "
          f"{'met' if memory_ok else 'missed'}")
    print(f"        and {own_ratio:.2f}x the empty app set up as Courtesy is "
          f"(Courtesy's own weight: {(c_pss - f_pss) / 1024:+.1f} MB)")
    print(f"first paint: Courtesy is {paint_late:+.0f} ms after the empty app on Tauri's defaults "
          f"(target <= +{PAINT_TARGET_MS:.0f} ms): {'met' if paint_ok else 'missed'}")
    print(f"        and {own_paint_late:+.0f} ms after the empty app set up as Courtesy is")
    return 1 if args.check and not (memory_ok and paint_ok) else 0


if __name__ == "__main__":
    sys.exit(main())
