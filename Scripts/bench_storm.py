#!/usr/bin/env python3
"""The dashboard under a storm of appends (a measurement that prints figures, not a test).

The dashboard runs in a private tmux server (120x40) on a data directory with one export per
platform; WRITERS processes then append ROWS rows each as fast as they can, in bursts of 4 to
64 KiB cut at arbitrary bytes (so lines arrive in pieces), every row 1 like, one bad row in
10,000. While they write, the script samples the dashboard's resident memory (VmRSS, every
200 ms) and times keys: '?' until the help overlay is on screen, Esc until it is gone.
Afterwards it waits for the screen to settle and compares it with a cold `kpitop report`
(likes, as the dashboard formats them, and the exact count of rejected rows), then times `q`
until the process has exited. A second, shorter storm times `q` pressed mid-storm.

    python3 Scripts/bench_storm.py [--writers 4] [--rows 2000000] [--poll] [--binary PATH]

Prints: rows and writers, the storm's duration and rate, memory before / peak / after, key
latency p50/p90/max before and during the storm (from the moment tmux is asked to send the key, so tmux's own time is in it), settle time, whether the totals equal the cold report,
and q latency after and during the storm. Target: q within 100 ms, memory flat (rows are summed
per platform and day). Linux only (/proc); needs tmux. Builds the release binary first unless
--binary is given; the temporary directory and tmux servers are removed on every exit path.
"""
import argparse
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_live import ROOT, Tmux, percentile  # noqa: E402  (the shared tmux driver)

PLATFORMS = ["instagram", "facebook", "x", "linkedin", "tiktok", "youtube"]
BAD_ROW_EVERY = 10_000
HELP_TEXT = "choose a platform"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def write_storm(path, rows, seed):
    """Appends `rows` rows (28 days, 1 like each, a bad row every BAD_ROW_EVERY) to `path` in
    bursts cut at arbitrary bytes. Runs in its own process."""
    import random
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not for writers
    generator = random.Random(seed)
    today = date.today()
    days = [(today - timedelta(days=offset)).isoformat() for offset in range(28)]
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND)
    pending = b""
    written = 0
    while written < rows or pending:
        while len(pending) < 65536 and written < rows:
            count = min(1000, rows - written)
            block = "".join(f"{days[(written + i) // 5000 % 28]},1,{(written + i) % 997}\n" for i in range(count))
            bad = (written + count) // BAD_ROW_EVERY - written // BAD_ROW_EVERY
            pending += block.encode() + b"2026-01-01,not-a-number,1\n" * bad
            written += count
        cut = min(len(pending), generator.randint(4096, 65536))
        os.write(descriptor, pending[:cut])
        pending = pending[cut:]
    os.close(descriptor)


def compact_count(value):
    """kpitop's ValueFormat.count: 1,234 below 10,000, else 12.3K / 123K / 1.2M / 3.4B."""
    if value < 10_000:
        return f"{round(value):,}"
    for index, (scale, suffix) in enumerate([(1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T")]):
        scaled = value / scale
        if round(scaled) < 1000 or index == 3:
            return (f"{scaled:.1f}" if scaled < 99.95 else str(round(scaled))) + suffix
    return str(value)


def shown_likes(screen):
    for line in screen.splitlines():
        marker = line.find("  Likes  ")
        if marker >= 0:
            words = line[marker + len("  Likes  "):].split()
            return words[0] if words else None
    return None


def wait_for(condition, timeout, since=None):
    """Polls `condition` every 5 ms; returns the seconds from `since` (default: now) until it
    held, or None on timeout."""
    start = since if since is not None else time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.005)
    return None


def press(tmux, key, condition, timeout=10):
    """Sends `key` and returns the seconds until `condition` held (tmux's own time included)."""
    pressed = time.monotonic()
    tmux.run("send-keys", key)
    return wait_for(condition, timeout, since=pressed)


def prepare(directory, writers):
    paths = []
    for index in range(writers):
        platform = PLATFORMS[index % len(PLATFORMS)] + ("" if index < len(PLATFORMS) else str(index))
        os.makedirs(os.path.join(directory, platform), exist_ok=True)
        path = os.path.join(directory, platform, "storm.csv")
        with open(path, "w") as out:
            out.write("date,likes,impressions\n")
        paths.append(path)
    return paths


def start_writers(paths, rows):
    processes = [multiprocessing.Process(target=write_storm, args=(path, rows, index))
                 for index, path in enumerate(paths)]
    for process in processes:
        process.start()
    return processes


def dashboard_command(binary, directory, poll):
    return f"'{binary}' --data '{directory}' --config /dev/null" + (" --poll" if poll else "")


def open_dashboard(tmux, binary, directory, poll):
    pid = tmux.start(dashboard_command(binary, directory, poll))
    if wait_for(lambda: shown_likes(tmux.screen()) is not None, 30) is None:
        sys.exit("the dashboard did not open:\n" + tmux.screen())
    return pid


def key_round_trip(tmux):
    """'?' until the help overlay shows, then Esc until it is gone: two latencies, or None."""
    opened = press(tmux, "?", lambda: HELP_TEXT in tmux.screen())
    closed = press(tmux, "Escape", lambda: HELP_TEXT not in tmux.screen())
    return None if opened is None or closed is None else [opened, closed]


def describe(latencies):
    ordered = sorted(latencies)
    return (f"p50 {percentile(ordered, 50) * 1000:.0f} ms, p90 {percentile(ordered, 90) * 1000:.0f} ms, "
            f"max {ordered[-1] * 1000:.0f} ms")


def process_gone(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def main_storm(args, binary, scratch):
    directory = os.path.join(scratch, "data")
    paths = prepare(directory, args.writers)
    tmux = Tmux(scratch)
    try:
        pid = open_dashboard(tmux, binary, directory, args.poll)
        time.sleep(1)
        idle_latencies = []
        for _ in range(10):
            idle_latencies += key_round_trip(tmux) or []
            time.sleep(0.2)
        rss_before = rss_kib(pid)
        samples = []
        sampling = threading.Event()

        def sample():
            while not sampling.is_set():
                samples.append(rss_kib(pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        writers = start_writers(paths, args.rows)
        key_latencies = []
        missed_keys = 0
        while any(process.is_alive() for process in writers):
            latencies = key_round_trip(tmux)
            if latencies is None:
                missed_keys += 1
            else:
                key_latencies += latencies
            time.sleep(0.3)
        for process in writers:
            process.join()
        stopped = time.monotonic()
        storm_seconds = stopped - started

        rows = args.rows * args.writers
        rejected = (args.rows // BAD_ROW_EVERY) * args.writers
        expected_likes = compact_count(rows)
        settle = wait_for(lambda: shown_likes(tmux.screen()) == expected_likes
                          and f" {rejected} rejected rows" in tmux.screen(), 120, since=stopped)
        screen = tmux.screen()
        report = subprocess.run([binary, "report", "--data", directory, "--config", "/dev/null", "--format", "json"],
                                capture_output=True, text=True, check=True)
        cold = json.loads(report.stdout)
        cold_likes = cold["platforms"]["all"]["likes"]["value"]
        time.sleep(2)
        sampling.set()
        sampler.join()
        rss_after = rss_kib(pid)

        q_after = press(tmux, "q", lambda: process_gone(pid))
    finally:
        tmux.kill()

    print(f"storm: {args.writers} writers x {args.rows:,} rows = {rows:,} rows "
          f"({'--poll' if args.poll else 'inotify'}), {storm_seconds:.1f} s, {rows / storm_seconds:,.0f} rows/s")
    print(f"memory (VmRSS): before {rss_before / 1024:.1f} MiB, peak during {max(samples) / 1024:.1f} MiB, "
          f"after {rss_after / 1024:.1f} MiB ({len(samples)} samples)")
    print(f"keys before the storm ('?' then Esc, {len(idle_latencies)} presses): {describe(idle_latencies)}")
    if key_latencies:
        print(f"keys during the storm ({len(key_latencies)} presses, {missed_keys} missed): {describe(key_latencies)}")
    print("settled " + (f"{settle:.2f} s after the writers stopped" if settle is not None else "NOT within 120 s"))
    equal = (cold_likes == rows and cold["rejected_rows"] == rejected
             and shown_likes(screen) == compact_count(cold_likes) and f" {cold['rejected_rows']} rejected rows" in screen)
    print(f"totals: cold report likes {cold_likes:,} (expected {rows:,}), rejected rows {cold['rejected_rows']:,} "
          f"(expected {rejected:,}); dashboard shows likes {shown_likes(screen)} and "
          f"{'the same' if f' {rejected} rejected rows' in screen else 'a different'} rejected count: "
          f"{'EQUAL' if equal else 'DIFFERENT'}")
    print("q after the storm: " + (f"exited in {q_after * 1000:.0f} ms" if q_after is not None else "NOT within 10 s"))
    return directory, paths


def main_quit_mid_storm(args, binary, scratch):
    directory = os.path.join(scratch, "data-q")
    paths = prepare(directory, args.writers)
    tmux = Tmux(scratch)
    try:
        pid = open_dashboard(tmux, binary, directory, args.poll)
        writers = start_writers(paths, args.rows)
        time.sleep(2)
        still_writing = any(process.is_alive() for process in writers)
        q_during = press(tmux, "q", lambda: process_gone(pid))
        for process in writers:
            process.terminate()
            process.join()
    finally:
        tmux.kill()
    print("q mid-storm" + ("" if still_writing else " (the storm had ended: use more --rows)") + ": "
          + (f"exited in {q_during * 1000:.0f} ms" if q_during is not None else "NOT within 10 s"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--rows", type=int, default=2_000_000, help="rows per writer")
    parser.add_argument("--poll", action="store_true", help="the dashboard polls instead of using inotify")
    parser.add_argument("--binary", help="a kpitop executable (default: build the release one)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is not installed")
    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "kpitop"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        binary = os.path.join(ROOT, ".build", "release", "kpitop")
    scratch = tempfile.mkdtemp(prefix="kpitop-storm-")

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    try:
        main_storm(args, binary, scratch)
        main_quit_mid_storm(args, binary, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
