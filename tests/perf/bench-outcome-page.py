#!/usr/bin/env python3
"""Outcome-page benchmark: what opening an outcome page costs as the page grows, and how long
the main loop ever stalls while pages open, expand, scroll, and while the Library opens.

    build-aux/dev bench bench-outcome-page

Runs MSCOS Outcomes under the virtual display (build-aux/with-display) with synthetic packs of
one outcome page of 100, 1,000 and 10,000 items (tests/perf/synthetic-pack.c: a third quotes, a
third resources with full text, a third sets of ten recommendations; the largest about 15 MB),
each started with `--content` and fresh data and configuration folders, RUNS times each in
turn. For each it reads:

- the CPU time of the app, all threads, from exec until it is idle (no more than IDLE_CPU_MS of
  CPU in IDLE_WINDOW seconds), and its resident memory then;
- the longest main-loop stall from the window's mapping until idle: the pack is read, the
  page built and drawn. Stalls are measured inside the app by tests/perf/main-loop-probe.c,
  loaded with LD_PRELOAD, which times every stretch the main loop spends between two polls.

Then, on the 10,000-item page: scrolling with the wheel and jumping to the end and back with
End and Home, and Expand All and Collapse All (Ctrl+Shift+E, Ctrl+Shift+C); on the real pack's
Safety page, Expand All and Collapse All, timed as the main thread's CPU time from the key
press until idle; and with a library of 2,000 bookmarks and notes, opening the Library's
Bookmarks page.

Targets: CPU until idle for 10,000 items ≤ 2 × that for 100 (medians); resident memory for
10,000 ≤ 1.5 × that for 100; no main-loop stall over 50 ms while a page opens, expands or
scrolls; Expand All on the Safety page ≤ 100 ms of main-thread time (median). The benchmark
always exits 0 (77 with no display) and says whether the targets are met.

Environment: MSCOS_BENCH_RUNS (default 3), MSCOS_BENCH_SIZES (default 100,1000,10000),
MSCOS_BENCH_IDLE_TIMEOUT (seconds a run may take to go idle, default 120)."""

import importlib.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "common"))

_spec = importlib.util.spec_from_file_location("bench_startup", os.path.join(HERE, "bench-startup.py"))
startup = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(startup)

CPU_RATIO_TARGET = 2.0
RSS_RATIO_TARGET = 1.5
STALL_TARGET_MS = 50.0
EXPAND_TARGET_MS = 100.0
IDLE_WINDOW = 1.0
IDLE_CPU_MS = 15.0
SAMPLE_INTERVAL = 0.1
SAFETY = "safety"
LIBRARY_ENTRIES = 2000

log = startup.log


def total_cpu_ms(pid):
    return startup.cpu_ms(pid)[0]


def main_thread_cpu_ms(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/schedstat") as file:
            return int(file.read().split()[0]) / 1e6
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


def wait_idle(process, timeout):
    """Waits until the app has used no more than IDLE_CPU_MS of CPU in IDLE_WINDOW seconds;
    returns the time and the total CPU ms when that quiet stretch began, or (None, CPU so far)
    after `timeout` seconds."""
    samples = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with status {process.returncode}")
        now = time.monotonic()
        samples.append((now, total_cpu_ms(process.pid)))
        while len(samples) > 1 and now - samples[1][0] >= IDLE_WINDOW:
            samples.pop(0)
        if now - samples[0][0] >= IDLE_WINDOW and samples[-1][1] - samples[0][1] <= IDLE_CPU_MS:
            return samples[0][0], samples[0][1]
        time.sleep(SAMPLE_INTERVAL)
    return None, total_cpu_ms(process.pid)


def read_stalls(path):
    """The probe's stalls: (start, wall-clock ms, main-thread CPU ms)."""
    stalls = []
    try:
        with open(path) as file:
            for line in file:
                fields = line.split()
                if len(fields) == 4 and fields[0] == "STALL":
                    stalls.append((int(fields[1]) / 1e6, int(fields[2]) / 1e3, int(fields[3]) / 1e3))
    except FileNotFoundError:
        pass
    return stalls


class Stall:
    """The longest stall of a stretch of time, by the wall clock and in the main thread's CPU
    time. On a busy machine a stall's wall-clock time includes the time the main thread waited
    for a processor, which says nothing of the app; its CPU time does not, so the targets are
    judged on CPU time, and both are reported."""

    def __init__(self, wall=0.0, cpu=0.0):
        self.wall = wall
        self.cpu = cpu

    def __str__(self):
        return f"{self.cpu:.0f} ms of CPU ({self.wall:.0f} ms by the clock)"


def longest_stall(path, start, end):
    """The longest stall that began between `start` and `end` (time.monotonic())."""
    stalls = [(wall, cpu) for at, wall, cpu in read_stalls(path) if start <= at <= end]
    return Stall(max([wall for wall, _ in stalls], default=0.0), max([cpu for _, cpu in stalls], default=0.0))


class Run:
    """One running app with fresh folders, the stall probe loaded and its log."""

    def __init__(self, argv, env, watcher, probe, settings=None, library=None):
        self.scratch = tempfile.mkdtemp(prefix="mscos-bench-page-")
        self.env = dict(env)
        for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                          ("XDG_STATE_HOME", "state")):
            self.env[name] = os.path.join(self.scratch, sub)
            os.makedirs(self.env[name])
        self.probe_log = os.path.join(self.scratch, "stalls")
        self.env["MSCOS_PROBE_LOG"] = self.probe_log
        self.env["LD_PRELOAD"] = probe
        if settings:
            # The key file backend reads settings written before the app starts.
            self.env["GSETTINGS_BACKEND"] = "keyfile"
            folder = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
            os.makedirs(folder)
            with open(os.path.join(folder, "keyfile"), "w") as file:
                file.write("[uk/co/mscos/Outcomes]\n")
                for key, value in settings.items():
                    file.write(f"{key}={value}\n")
        if library:
            folder = os.path.join(self.env["XDG_DATA_HOME"], "uk.co.mscos.Outcomes")
            os.makedirs(folder, mode=0o700)
            with open(os.path.join(folder, "library.json"), "w", encoding="utf-8") as file:
                json.dump(library, file)
        self.errors = open(os.path.join(self.scratch, "stderr"), "w+b")
        watcher.drain()
        self.start = time.monotonic()
        self.process = subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL, stderr=self.errors)
        mapped, _ = watcher.wait_for_map(self.process)
        if mapped is None:
            self.errors.seek(0)
            message = self.errors.read().decode(errors="replace")[-500:]
            self.close()
            raise RuntimeError(f"the app showed no window: {message}")
        # wait_for_map reads time.perf_counter(); the probe and the rest, time.monotonic().
        self.mapped = time.monotonic() - (time.perf_counter() - mapped)

    def window(self):
        output = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                                capture_output=True, text=True).stdout.split()
        return output[0] if output else None

    def focus(self):
        window = self.window()
        subprocess.run(["xdotool", "windowsize", window, "1200", "800"], check=False)
        subprocess.run(["xdotool", "windowmove", window, "0", "0"], check=False)
        subprocess.run(["xdotool", "windowfocus", window], check=False)

    def timed(self, action, timeout):
        """Runs `action`, waits until the app is idle again; returns the main thread's CPU ms
        (None if it did not go idle) and the longest Stall in between."""
        before = main_thread_cpu_ms(self.process.pid)
        start = time.monotonic()
        action()
        idle, _ = wait_idle(self.process, timeout)
        after = main_thread_cpu_ms(self.process.pid)
        stall = longest_stall(self.probe_log, start, idle if idle is not None else time.monotonic())
        return (after - before if idle is not None else None), stall

    def close(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.errors.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


def key(combo):
    subprocess.run(["xdotool", "key", "--delay", "30", combo], check=True)


def scroll_wheel(clicks):
    subprocess.run(["xdotool", "mousemove", "800", "450"], check=True)
    subprocess.run(["xdotool", "click", "--repeat", str(clicks), "--delay", "15", "5"], check=True)


def describe(values, unit):
    values = sorted(values)
    if len(values) == 1:
        return f"{values[0]:.0f} {unit}"
    return f"median {statistics.median(values):.0f} {unit} (min {values[0]:.0f}, max {values[-1]:.0f})"


def library_for(pack_path, n):
    """A library of `n` bookmarks with notes on the first items of a synthetic pack."""
    with open(pack_path, encoding="utf-8") as file:
        pack = json.load(file)
    entries = []
    stamp = "2026-11-28T10:15:00.000000Z"
    for section in pack["outcomes"][0]["sections"]:
        for item in section["items"]:
            if len(entries) == n:
                break
            entries.append({"pack": pack["pack"]["id"], "item": item["id"], "bookmark": {"created": stamp},
                            "note": {"text": f"Note {len(entries)} on this item.", "created": stamp,
                                     "modified": stamp}})
    return {"format": "mscos-library", "version": 1, "entries": entries}


def open_bookmarks(run):
    """Finds the Library's Bookmarks row through the accessibility tree (before the timing
    starts, as walking the tree costs the app time) and returns a function that activates it."""
    # dogtail reads whether accessibility is on from the settings of the virtual display's
    # session (build-aux/with-display), not from the memory backend the apps are given.
    os.environ["GSETTINGS_BACKEND"] = "keyfile"
    from atspi_tree import activate, tree, wait_for

    def find():
        for application in tree.root.applications():
            try:
                if application.get_process_id() == run.process.pid:
                    return application.findChild(lambda n: n.roleName == "list item" and n.name == "Bookmarks",
                                                 retry=False, requireResult=False)
            except Exception:
                continue
        return None

    row = wait_for(find, "the Bookmarks row", timeout=30)
    return lambda: activate(row)


def measure_opening(app, packs, sizes, runs, env, watcher, probe, timeout):
    """CPU until idle, resident memory then, and the longest stall after the window is mapped,
    for each size; a warm-up run first, not counted."""
    cpu = {size: [] for size in sizes}
    rss = {size: [] for size in sizes}
    stalls = {size: [] for size in sizes}
    idle_failed = set()
    log(f"Opening a page: {runs} runs of each size, in turn (idle = at most {IDLE_CPU_MS:.0f} ms "
        f"of CPU in {IDLE_WINDOW:.1f} s)")
    run = Run([app, "--content", packs[sizes[0]]], env, watcher, probe)
    wait_idle(run.process, timeout)
    run.close()
    for i in range(runs):
        for size in sizes:
            run = Run([app, "--content", packs[size]], env, watcher, probe)
            try:
                idle, used = wait_idle(run.process, timeout)
                stall = longest_stall(run.probe_log, run.mapped, idle if idle is not None else time.monotonic())
                kb = startup.rss_kb(run.process.pid)
            finally:
                run.close()
            if idle is None:
                idle_failed.add(size)
                log(f"  run {i + 1}, {size:5} items: NOT idle after {timeout:.0f} s (CPU {used:.0f} ms so "
                    f"far), longest stall {stall}")
                continue
            cpu[size].append(used)
            rss[size].append(kb / 1024)
            stalls[size].append(stall)
            log(f"  run {i + 1}, {size:5} items: CPU until idle {used:.0f} ms, RSS {kb / 1024:.0f} MB, "
                f"longest stall after the window {stall}")
            time.sleep(0.3)
    return cpu, rss, stalls, idle_failed


def measure_big_page(app, pack, env, watcher, probe, timeout):
    """Scrolling, jumping to the end and back, Expand All and Collapse All on one page."""
    results = {}
    run = Run([app, "--content", pack], env, watcher, probe)
    try:
        wait_idle(run.process, timeout)
        run.focus()
        time.sleep(0.5)
        results["scroll with the wheel"] = run.timed(lambda: scroll_wheel(150), timeout)
        key("Tab")
        wait_idle(run.process, timeout)
        results["jump with End, then Home"] = run.timed(lambda: (key("End"), time.sleep(1.0), key("Home")),
                                                        timeout)
        results["Expand All"] = run.timed(lambda: key("ctrl+shift+e"), timeout)
        results["scroll the expanded page"] = run.timed(lambda: scroll_wheel(150), timeout)
        results["Collapse All"] = run.timed(lambda: key("ctrl+shift+c"), timeout)
    finally:
        run.close()
    return results


def measure_library(app, pack, env, watcher, probe, timeout):
    run = Run([app, "--content", pack], env, watcher, probe, library=library_for(pack, LIBRARY_ENTRIES))
    try:
        wait_idle(run.process, timeout)
        activate = open_bookmarks(run)
        wait_idle(run.process, timeout)
        return run.timed(activate, timeout)
    finally:
        run.close()


def measure_safety(app, runs, env, watcher, probe, timeout):
    expand, collapse = [], []
    for i in range(runs):
        run = Run([app], env, watcher, probe, settings={"last-outcome": f"'{SAFETY}'",
                                                       "quick-exit-tip-dismissed": "true"})
        try:
            wait_idle(run.process, timeout)
            run.focus()
            time.sleep(0.5)
            wait_idle(run.process, timeout)
            expand.append(run.timed(lambda: key("ctrl+shift+e"), timeout))
            collapse.append(run.timed(lambda: key("ctrl+shift+c"), timeout))
        finally:
            run.close()
        log(f"  run {i + 1}: Expand All {expand[-1][0]:.0f} ms of main-thread time, longest stall "
            f"{expand[-1][1]}; Collapse All {collapse[-1][0]:.0f} ms, longest stall {collapse[-1][1]}")
    return expand, collapse


def worst(stalls):
    return Stall(max([s.wall for s in stalls], default=0.0), max([s.cpu for s in stalls], default=0.0))


def main():
    if len(sys.argv) != 5:
        print(f"usage: {sys.argv[0]} MSCOS-OUTCOMES EMPTY-WINDOW WRITE-SYNTHETIC-PACK MAIN-LOOP-PROBE",
              file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY"):
        print("SKIP: no X display; run with build-aux/dev bench bench-outcome-page")
        return 77

    app, empty, writer, probe = (os.path.abspath(path) for path in sys.argv[1:])
    runs = max(1, int(os.environ.get("MSCOS_BENCH_RUNS", "3")))
    sizes = [int(size) for size in os.environ.get("MSCOS_BENCH_SIZES", "100,1000,10000").split(",")]
    timeout = float(os.environ.get("MSCOS_BENCH_IDLE_TIMEOUT", "120"))
    renderer = os.environ.get("MSCOS_BENCH_RENDERER", "cairo")
    parts = os.environ.get("MSCOS_BENCH_PARTS", "open,page,library,safety").split(",")

    cache_dir = tempfile.mkdtemp(prefix="mscos-bench-cache-")
    packs_dir = tempfile.mkdtemp(prefix="mscos-bench-packs-")
    env = startup.base_env(cache_dir)
    env["GSK_RENDERER"] = renderer
    watcher = startup.MapWatcher()
    packs = {}
    for size in sizes:
        packs[size] = os.path.join(packs_dir, f"page-{size}.json")
        subprocess.run([writer, str(size), "7", packs[size]], check=True)
        log(f"pack of {size} items: {os.path.getsize(packs[size]) / 1e6:.1f} MB")
    log(f"GTK renderer: {renderer}")

    cpu, rss, stalls, idle_failed = {}, {}, {}, set()
    big_page, library, expand, collapse = {}, None, [], []
    try:
        run = Run([empty], env, watcher, probe)
        try:
            wait_idle(run.process, timeout)
            empty_stall = longest_stall(run.probe_log, run.mapped, time.monotonic())
        finally:
            run.close()
        log(f"an empty AdwApplicationWindow, for comparison: longest stall after its window {empty_stall}")

        if "open" in parts:
            cpu, rss, stalls, idle_failed = measure_opening(app, packs, sizes, runs, env, watcher, probe, timeout)
        largest = max(sizes)
        if "page" in parts and largest not in idle_failed:
            log(f"On the {largest}-item page: scrolling, jumping, Expand All, Collapse All")
            big_page = measure_big_page(app, packs[largest], env, watcher, probe, timeout)
        if "library" in parts and largest not in idle_failed:
            log(f"With a library of {LIBRARY_ENTRIES} bookmarks and notes: opening Bookmarks")
            library = measure_library(app, packs[largest], env, watcher, probe, timeout)
        if "safety" in parts:
            log("On the real pack's Safety page: Expand All and Collapse All")
            expand, collapse = measure_safety(app, runs, env, watcher, probe, timeout)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
        shutil.rmtree(packs_dir, ignore_errors=True)

    log("")
    for size in sizes:
        if cpu.get(size):
            log(f"{size:5} items: CPU until idle {describe(cpu[size], 'ms')}; RSS {describe(rss[size], 'MB')}; "
                f"longest stall {worst(stalls[size])}")
        elif size in idle_failed:
            log(f"{size:5} items: did not go idle within {timeout:.0f} s")
    for name, (ms, stall) in big_page.items():
        log(f"{largest}-item page, {name}: " + (f"{ms:.0f} ms of main-thread time, " if ms is not None else "")
            + f"longest stall {stall}")
    if library is not None:
        log(f"opening the Library's Bookmarks ({LIBRARY_ENTRIES} entries): {library[0]:.0f} ms of main-thread "
            f"time, longest stall {library[1]}")

    ok = True
    small = min(sizes)
    if cpu.get(small) and cpu.get(largest) and small != largest:
        cpu_ratio = statistics.median(cpu[largest]) / statistics.median(cpu[small])
        rss_ratio = statistics.median(rss[largest]) / statistics.median(rss[small])
        log(f"\nCPU until idle, {largest} ÷ {small} items: {cpu_ratio:.2f} (target ≤ {CPU_RATIO_TARGET:.1f}) — "
            + ("met" if cpu_ratio <= CPU_RATIO_TARGET else "NOT MET"))
        log(f"resident memory, {largest} ÷ {small} items: {rss_ratio:.2f} (target ≤ {RSS_RATIO_TARGET:.1f}) — "
            + ("met" if rss_ratio <= RSS_RATIO_TARGET else "NOT MET"))
        ok = ok and cpu_ratio <= CPU_RATIO_TARGET and rss_ratio <= RSS_RATIO_TARGET
    elif "open" in parts:
        log(f"\nCPU and memory ratios: not measured ({largest} items did not go idle)")
        ok = False
    page_stalls = [s for size in sizes for s in stalls.get(size, [])]
    page_stalls += [stall for name, (_, stall) in big_page.items() if not name.startswith("jump")]
    page_stalls += [stall for _, stall in expand + collapse]
    page_worst = worst(page_stalls)
    log(f"longest stall while pages open, expand, collapse and scroll: {page_worst} (target ≤ "
        f"{STALL_TARGET_MS:.0f} ms of CPU) — "
        + ("met" if page_worst.cpu <= STALL_TARGET_MS and not idle_failed else "NOT MET"))
    ok = ok and page_worst.cpu <= STALL_TARGET_MS and not idle_failed
    if expand:
        median = statistics.median([ms for ms, _ in expand])
        log(f"Expand All on the Safety page: {median:.0f} ms of main-thread time (target ≤ "
            f"{EXPAND_TARGET_MS:.0f}) — " + ("met" if median <= EXPAND_TARGET_MS else "NOT MET"))
        ok = ok and median <= EXPAND_TARGET_MS
    log("targets: " + ("all met" if ok else "NOT all met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
