#!/usr/bin/env python3
"""Start-up benchmark: how long MSCOS Outcomes takes from exec to its first window on screen
and to its first outcome drawn, and how much memory it holds once started, against an empty
AdwApplicationWindow (built by the benchmark, tests/perf/empty-window.c) measured in the same
session.

    build-aux/dev bench bench-startup

Runs under the virtual display (build-aux/with-display). The two programs are run in turn,
alternating which goes first, RUNS times each after a warm-up, each with fresh data and
configuration folders and GSETTINGS_BACKEND=memory; the cache folder is shared, as a user's
is (GTK's and Mesa's caches are warm after the first start). The moment a window is mapped
is taken from the X server's MapNotify event for a top-level window whose _NET_WM_PID is the
program's, so there is no polling delay; the benchmark and the X server run at a higher
priority than the programs (as a desktop's compositor does), so that a program busy right
after its window is mapped does not delay the event it is timed by.

What a person waits for is content: the time to content is exec to the first frame in which
the first outcome's heading and first items are drawn (for the empty window, its first frame).
It is told by tests/perf/content-probe.c, loaded into both programs with LD_PRELOAD, which
writes the moment of each program's first frame and of its first frame with content.
Resident memory (VmRSS) is read SETTLE seconds after the window is mapped, once the app has
loaded its content pack and library.

Targets (medians): start to first window ≤ 1.10 × the empty window's; time to content ≤ 1.25 ×
the empty window's time to its window; resident memory after start ≤ 15 MB more than the empty
window's. The benchmark always exits 0 (77 with no display) and says whether the targets are
met.

The machines are shared and noisy: the CPU time each program used until its window was mapped
(from /proc/PID/task/*/schedstat) is reported too, with the time its threads waited for a CPU.

Environment: MSCOS_BENCH_RUNS (default 20), MSCOS_BENCH_SETTLE (seconds, default 1.5),
MSCOS_BENCH_APP_ARGS (extra arguments for mscos-outcomes, split on spaces)."""

import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TIME_TARGET = 1.10
CONTENT_TARGET = 1.25
# the widget whose first rows drawn are the app's content (see content-probe.c)
CONTENT_PAGE = "MscosOutcomePage"
RSS_TARGET_MB = 15.0
MAP_TIMEOUT = 30.0
# the programs run at the benchmark's own starting priority
PROGRAM_NICENESS = os.getpriority(os.PRIO_PROCESS, 0)


def log(message):
    print(message, flush=True)


class MapWatcher:
    """Reports when a top-level window of a given process is mapped, from the X server's
    events on the root window (there is no window manager: top-level windows are its
    children)."""

    def __init__(self):
        from Xlib import X, display
        self.X = X
        self.display = display.Display()
        self.root = self.display.screen().root
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        self.pid_atom = self.display.intern_atom("_NET_WM_PID")
        self.display.sync()

    def drain(self):
        while self.display.pending_events():
            self.display.next_event()

    def window_pid(self, window):
        try:
            prop = window.get_full_property(self.pid_atom, self.X.AnyPropertyType)
        except Exception:  # the window may already be gone
            return None
        return prop.value[0] if prop is not None and len(prop.value) else None

    def wait_for_map(self, process, timeout=MAP_TIMEOUT):
        """Returns time.perf_counter() when a window of `process` was mapped, with the
        process's CPU time and run-queue wait (cpu_ms) read at that moment — before asking
        the X server whose window it is, as the process goes on running meanwhile — or
        (None, None)."""
        deadline = time.perf_counter() + timeout
        fd = self.display.fileno()
        while True:
            while self.display.pending_events():
                event = self.display.next_event()
                if event.type == self.X.MapNotify and not event.override:
                    now = time.perf_counter()
                    cpu = cpu_ms(process.pid)
                    if self.window_pid(event.window) == process.pid:
                        return now, cpu
            if process.poll() is not None:
                return None, None
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None, None
            select.select([fd], [], [], min(remaining, 0.05))


def cpu_ms(pid):
    """Time the process's threads have spent on a CPU so far, and waiting for one, in ms:
    unlike the time to the window, the first hardly depends on what else the machine runs."""
    run = wait = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return 0.0, 0.0
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as file:
                fields = file.read().split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        run += int(fields[0])
        wait += int(fields[1])
    return run / 1e6, wait / 1e6


def parent_pid(pid):
    try:
        with open(f"/proc/{pid}/stat") as file:
            return int(file.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def display_server_pid():
    """The Xvfb started for this benchmark: the one whose parent is one of ours."""
    ancestors = set()
    pid = os.getpid()
    while pid not in (None, 0) and pid not in ancestors:
        ancestors.add(pid)
        pid = parent_pid(pid)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/comm") as file:
                name = file.read().strip()
        except OSError:
            continue
        if name == "Xvfb" and parent_pid(int(entry)) in ancestors:
            return int(entry)
    return None


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def base_env(cache_dir):
    env = dict(os.environ)
    # meson's test environment: malloc checking and perturbation slow every allocation and
    # touch every page, which would distort both measures.
    for name in ("MALLOC_CHECK_", "MALLOC_PERTURB_", "G_DEBUG", "G_MESSAGES_DEBUG", "G_SLICE"):
        env.pop(name, None)
    env["GSETTINGS_BACKEND"] = "memory"
    env["XDG_CACHE_HOME"] = cache_dir
    return env


def read_probe(path):
    """The probe's moments: {"PAINT": µs, "CONTENT": µs} (time.monotonic() × 10⁶)."""
    moments = {}
    try:
        with open(path) as file:
            for line in file:
                what, _, at = line.partition(" ")
                moments.setdefault(what, int(at))
    except FileNotFoundError:
        pass
    return moments


def wait_for_content(process, path, timeout=MAP_TIMEOUT):
    """The probe's CONTENT moment in µs, once written (the program times it itself, so this
    may poll), or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        at = read_probe(path).get("CONTENT")
        if at is not None:
            return at
        time.sleep(0.02)
    return None


def run_once(watcher, argv, env, settle):
    """Starts argv with fresh data and configuration folders; returns the ms to the window, the
    ms to content, the CPU ms and run-queue ms used until the window, and the resident memory
    (kB) after settle."""
    scratch = tempfile.mkdtemp(prefix="mscos-bench-")
    run_env = dict(env)
    probe_log = os.path.join(scratch, "probe")
    run_env["MSCOS_CONTENT_PROBE_LOG"] = probe_log
    run_env["XDG_DATA_HOME"] = os.path.join(scratch, "data")
    run_env["XDG_CONFIG_HOME"] = os.path.join(scratch, "config")
    run_env["XDG_STATE_HOME"] = os.path.join(scratch, "state")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        os.makedirs(run_env[name])
    errors = open(os.path.join(scratch, "stderr"), "w+b")
    watcher.drain()
    process = None
    try:
        start = time.perf_counter()
        start_us = time.monotonic() * 1e6
        process = subprocess.Popen(argv, env=run_env, stdout=subprocess.DEVNULL, stderr=errors,
                                   preexec_fn=lambda: os.setpriority(os.PRIO_PROCESS, 0, PROGRAM_NICENESS))
        mapped, cpu_and_wait = watcher.wait_for_map(process)
        if mapped is None:
            errors.seek(0)
            raise RuntimeError(f"{os.path.basename(argv[0])} showed no window (status "
                               f"{process.poll()}): {errors.read().decode(errors='replace')[-500:]}")
        cpu, waited = cpu_and_wait
        time.sleep(settle)
        content_us = wait_for_content(process, probe_log)
        if process.poll() is not None:
            raise RuntimeError(f"{os.path.basename(argv[0])} exited after showing its window")
        if content_us is None:
            raise RuntimeError(f"{os.path.basename(argv[0])} drew no content within "
                               f"{MAP_TIMEOUT:.0f} s (is the content probe loaded?)")
        rss = rss_kb(process.pid)
        return (mapped - start) * 1000.0, (content_us - start_us) / 1000.0, cpu, waited, rss
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        errors.close()
        shutil.rmtree(scratch, ignore_errors=True)


def describe(values):
    values = sorted(values)
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return median, (f"median {median:.0f}, quartiles {q1:.0f}–{q3:.0f}, "
                    f"min {values[0]:.0f}, max {values[-1]:.0f}")


def main():
    if len(sys.argv) != 4:
        print(f"usage: {sys.argv[0]} MSCOS-OUTCOMES EMPTY-WINDOW CONTENT-PROBE", file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY"):
        print("SKIP: no X display; run with build-aux/dev bench bench-startup")
        return 77

    app, empty, probe = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    runs = max(10, int(os.environ.get("MSCOS_BENCH_RUNS", "20")))
    settle = float(os.environ.get("MSCOS_BENCH_SETTLE", "1.5"))
    app_args = os.environ.get("MSCOS_BENCH_APP_ARGS", "").split()
    programs = {
        "mscos-outcomes": [app, *app_args],
        "empty AdwApplicationWindow": [empty],
    }
    program_envs = {
        "mscos-outcomes": {"MSCOS_CONTENT_PROBE_PAGE": CONTENT_PAGE},
        "empty AdwApplicationWindow": {},
    }

    # The display server and the watcher run ahead of the programs, as a desktop's compositor
    # does: once a window is mapped, a program busy with what comes next (reading its content,
    # drawing its first frame) must not delay the server's MapNotify or the watcher's waking,
    # which would count as its start-up. Both programs are watched the same way.
    try:
        for pid in (os.getpid(), display_server_pid()):
            if pid is not None:
                os.setpriority(os.PRIO_PROCESS, pid, PROGRAM_NICENESS - 10)
    except OSError:
        log("note: the benchmark could not raise its own and the display server's priority; "
            "the times include their waits for a processor")

    cache_dir = tempfile.mkdtemp(prefix="mscos-bench-cache-")
    env = base_env(cache_dir)
    env["LD_PRELOAD"] = probe
    watcher = MapWatcher()
    times = {name: [] for name in programs}
    contents = {name: [] for name in programs}
    cpus = {name: [] for name in programs}
    waits = {name: [] for name in programs}
    rss = {name: [] for name in programs}

    try:
        log(f"Start-up benchmark: {runs} runs of each program, alternating, after a warm-up "
            f"(memory read {settle} s after the window is mapped)")
        for name, argv in programs.items():
            for _ in range(2):
                run_once(watcher, argv, env | program_envs[name], 0.3)  # warm-up, not counted
        names = list(programs)
        for i in range(runs):
            order = names if i % 2 == 0 else names[::-1]
            line = []
            for name in order:
                ms, content_ms, cpu, waited, kb = run_once(watcher, programs[name],
                                                           env | program_envs[name], settle)
                times[name].append(ms)
                contents[name].append(content_ms)
                cpus[name].append(cpu)
                waits[name].append(waited)
                rss[name].append(kb)
                line.append(f"{name} {ms:.0f} ms, content {content_ms:.0f} ms "
                            f"(CPU {cpu:.0f}, queued {waited:.0f}) {kb / 1024:.1f} MB")
                time.sleep(0.3)
            log(f"  run {i + 1:2}: " + ", ".join(line))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)

    app_name, empty_name = names
    log("")
    for name in names:
        _, time_text = describe(times[name])
        _, content_text = describe(contents[name])
        _, cpu_text = describe(cpus[name])
        _, rss_text = describe([kb / 1024 for kb in rss[name]])
        log(f"{name}:\n  start to first window {time_text} ms\n"
            f"  start to content drawn {content_text} ms\n  CPU time until then {cpu_text} ms"
            f" (median run-queue wait {statistics.median(waits[name]):.0f} ms)\n"
            f"  resident memory {rss_text} MB")

    app_ms = statistics.median(times[app_name])
    empty_ms = statistics.median(times[empty_name])
    ratio = app_ms / empty_ms
    app_content_ms = statistics.median(contents[app_name])
    empty_content_ms = statistics.median(contents[empty_name])
    content_ratio = app_content_ms / empty_ms
    content_ok = content_ratio <= CONTENT_TARGET
    cpu_ratio = statistics.median(cpus[app_name]) / statistics.median(cpus[empty_name])
    extra_mb = (statistics.median(rss[app_name]) - statistics.median(rss[empty_name])) / 1024
    time_ok = ratio <= TIME_TARGET
    rss_ok = extra_mb <= RSS_TARGET_MB

    log("")
    log(f"start to first window: mscos-outcomes {app_ms:.0f} ms, empty AdwApplicationWindow "
        f"{empty_ms:.0f} ms, ratio {ratio:.2f} (target ≤ {TIME_TARGET:.2f}) — "
        + ("met" if time_ok else "NOT MET"))
    log(f"time to content: mscos-outcomes {app_content_ms:.0f} ms (its first outcome's heading "
        f"and first items drawn), empty AdwApplicationWindow {empty_content_ms:.0f} ms (its first "
        f"frame); against the empty window's time to its window {empty_ms:.0f} ms: ratio "
        f"{content_ratio:.2f} (target ≤ {CONTENT_TARGET:.2f}) — " + ("met" if content_ok else "NOT MET"))
    # Drawing a first frame takes time of its own, the empty window's too: the target cannot
    # be met where that alone is more than a quarter of the time to the window.
    log(f"first frames: the empty window draws its own {empty_content_ms / empty_ms:.2f} × its "
        f"time to its window; mscos-outcomes draws its content {app_content_ms / empty_content_ms:.2f}"
        f" × the empty window's first frame")
    log(f"fastest runs (least disturbed by other load): mscos-outcomes {min(times[app_name]):.0f} ms, "
        f"empty {min(times[empty_name]):.0f} ms, ratio {min(times[app_name]) / min(times[empty_name]):.2f}")
    log(f"CPU time to first window (less sensitive to other load): mscos-outcomes "
        f"{statistics.median(cpus[app_name]):.0f} ms, empty {statistics.median(cpus[empty_name]):.0f} ms, "
        f"ratio {cpu_ratio:.2f}")
    log(f"RSS after start: {extra_mb:+.1f} MB (target ≤ +{RSS_TARGET_MB:.0f} MB) — "
        + ("met" if rss_ok else "NOT MET"))
    if time_ok != (cpu_ratio <= TIME_TARGET):
        log(f"note: the CPU-time ratio ({cpu_ratio:.2f}) and the wall-clock ratio disagree on the "
            "target: the machine was busy (see the run-queue waits); trust the CPU time, or run "
            "again on a quiet machine")
    log("targets: " + ("all met" if time_ok and content_ok and rss_ok else "NOT all met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
