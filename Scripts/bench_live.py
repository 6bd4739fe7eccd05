#!/usr/bin/env python3
"""Benchmark of kpitop's live behaviour (a measurement that prints figures, not a test).

1. Append-to-snapshot latency. `kpitop report --watch --format jsonl` runs on a generated
   data directory (a few platform files, 90 days), once with inotify and once with --poll.
   After its first report line, the script appends one complete row at a time (one write(2)
   each, 100 ms apart on a fixed schedule) that raises instagram's impressions to a known new
   value, and times from just after the write to the first output line whose report shows it.
   Prints p50/p90/p99/max per mode. Targets with inotify: p50 < 50 ms, p99 < 200 ms.
2. Idle CPU. The dashboard runs in a private tmux server (120x40) on a static directory;
   after it has settled, the script reads the process's utime+stime from /proc/PID/stat,
   waits (60 s by default) and reads them again. Prints CPU seconds and % of one core
   (target < 0.3%), and the same for `kpitop demo`, which appends a few rows a second.

    python3 Scripts/bench_live.py [--samples 200] [--idle-seconds 60] [--skip-latency] [--skip-idle]

Linux only (/proc). Needs tmux for the idle figures. Builds the release binary first
(`swift build -c release`); temporary directories and the tmux server are removed on every
exit path.
"""
import argparse
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLATFORMS = ["instagram", "facebook", "x", "linkedin", "tiktok"]
COLUMNS = ["date", "id", "title", "impressions", "reach", "likes", "comments", "shares", "saves",
           "clicks", "followers"]
POSTS_PER_DAY = 12
HISTORY_DAYS = 90
AS_OF = date(2026, 11, 23)
# The appended rows go to this platform's file and change this KPI.
TARGET_PLATFORM = "instagram"
TARGET_KPI = "impressions"
LINE_TIMEOUT = 5.0


def generate(directory):
    """Writes one CSV per platform folder: POSTS_PER_DAY posts a day for HISTORY_DAYS days."""
    for index, platform in enumerate(PLATFORMS):
        folder = os.path.join(directory, platform)
        os.makedirs(folder)
        with open(os.path.join(folder, "posts.csv"), "w") as out:
            out.write(",".join(COLUMNS) + "\n")
            for day_index in range(HISTORY_DAYS):
                day = AS_OF - timedelta(days=HISTORY_DAYS - 1 - day_index)
                for post in range(POSTS_PER_DAY):
                    seed = (index + 1) * 7919 + day_index * 131 + post * 17
                    impressions = 1_000 + seed % 9_000
                    reach = impressions * 7 // 10
                    likes = reach // 25
                    out.write(f"{day.isoformat()},{platform}-{day_index}-{post},Post {post} of day {day_index},"
                              f"{impressions},{reach},{likes},{likes // 8},{likes // 12},{likes // 20},"
                              f"{reach // 60},{20_000 * (index + 1) + day_index * 11}\n")


def percentile(sorted_values, q):
    """Nearest-rank percentile of an ascending list."""
    rank = max(1, -(-len(sorted_values) * q // 100))
    return sorted_values[int(rank) - 1]


class ReportWatch:
    """`kpitop report --watch --format jsonl`, its output lines timestamped as they arrive."""

    def __init__(self, binary, directory, poll):
        arguments = [binary, "report", "--watch", "--format", "jsonl", "--data", directory,
                     "--as-of", AS_OF.isoformat(), "--window", "28d", "--tz", "UTC"]
        if poll:
            arguments.append("--poll")
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line))
        self.lines.put((time.perf_counter(), None))

    def next_value(self, timeout):
        """(arrival time, the target KPI's value) of the next line; None on timeout."""
        try:
            arrived, line = self.lines.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
        if line is None:
            sys.exit(f"kpitop report --watch exited with status {self.process.wait()}")
        return arrived, json.loads(line)["platforms"][TARGET_PLATFORM][TARGET_KPI]["value"]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def measure_latency(binary, scratch, poll, samples, spacing):
    """Latencies (seconds) of `samples` appends, and how many were never seen.

    Appends go out on a fixed schedule whatever the output does (so a polling interval is
    not phase-locked to the writes); append k is seen by the first line, after its write,
    whose value includes it (values only grow)."""
    directory = tempfile.mkdtemp(prefix="data-", dir=scratch)
    generate(directory)
    target_file = os.path.join(directory, TARGET_PLATFORM, "posts.csv")
    watch = ReportWatch(binary, directory, poll)
    try:
        first = watch.next_value(timeout=30)
        if first is None:
            sys.exit("no first report within 30 s")
        expected = first[1]
        writes = []  # (time just after the write, the value that includes it)
        seen = []  # (arrival, value) of every later line
        descriptor = os.open(target_file, os.O_WRONLY | os.O_APPEND)
        try:
            schedule = time.perf_counter()
            for sample in range(samples):
                added = 100 + sample
                expected += added
                schedule += spacing
                while (line := watch.next_value(timeout=schedule - time.perf_counter())) is not None:
                    seen.append(line)
                os.write(descriptor, f"{AS_OF.isoformat()},,,{added},,,,,,,\n".encode())
                writes.append((time.perf_counter(), expected))
        finally:
            os.close(descriptor)
        deadline = time.perf_counter() + LINE_TIMEOUT
        while (not seen or seen[-1][1] < expected) and \
                (line := watch.next_value(timeout=deadline - time.perf_counter())) is not None:
            seen.append(line)
    finally:
        watch.stop()
        shutil.rmtree(directory, ignore_errors=True)
    latencies, next_line = [], 0
    for written, value in writes:
        while next_line < len(seen) and (seen[next_line][0] < written or seen[next_line][1] < value):
            next_line += 1
        if next_line == len(seen):
            break
        latencies.append(seen[next_line][0] - written)
    return latencies, len(writes) - len(latencies)


def print_latency(label, latencies, missed, target):
    if not latencies:
        print(f"{label:<9} no append was seen ({missed} missed)")
        return
    values = sorted(latencies)
    ms = lambda s: f"{s * 1000:7.1f}"
    print(f"{label:<9} p50 {ms(percentile(values, 50))}  p90 {ms(percentile(values, 90))}  "
          f"p99 {ms(percentile(values, 99))}  max {ms(values[-1])} ms  "
          f"({len(values)} appends{f', {missed} never seen' if missed else ''}){target}")


class Tmux:
    """A private tmux server (its own socket and configuration) with one 120x40 pane."""

    def __init__(self, scratch):
        self.servers = 0
        self.socket = None
        self.configuration = os.path.join(scratch, "tmux.conf")
        with open(self.configuration, "w") as out:
            out.write("set -g default-terminal tmux-256color\nset -g status off\n")
        self.environment = dict(os.environ, LANG="C.UTF-8")
        self.environment.pop("TMUX", None)

    def run(self, *arguments):
        done = subprocess.run(["tmux", "-u", "-L", self.socket, "-f", self.configuration, *arguments],
                              env=self.environment, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"tmux {' '.join(arguments)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, command):
        """A new server (a fresh socket name) running `command`; returns the command's pid."""
        self.servers += 1
        self.socket = f"kpitop-bench-{os.getpid()}-{self.servers}"
        self.run("new-session", "-d", "-x", "120", "-y", "40", "exec " + command)
        return int(self.run("display-message", "-p", "#{pane_pid}").strip())

    def screen(self):
        return self.run("capture-pane", "-p")

    def kill(self):
        if self.socket is None:
            return
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], env=self.environment,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cpu_seconds(pid):
    """utime + stime of a process (all its threads), in seconds."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def context_switches(pid):
    """Voluntary context switches of every thread of a process: roughly, its wake-ups."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as status:
                for line in status:
                    if line.startswith("voluntary_ctxt_switches:"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total


def measure_idle(tmux, command, settle, seconds):
    """(CPU seconds, wake-ups) of the dashboard command over `seconds` after it settled."""
    pid = tmux.start(command)
    try:
        deadline = time.monotonic() + 30
        while "Reach" not in tmux.screen():
            if time.monotonic() > deadline:
                sys.exit("the dashboard did not open within 30 s:\n" + tmux.screen())
            time.sleep(0.1)
        time.sleep(settle)
        cpu_before, switches_before = cpu_seconds(pid), context_switches(pid)
        time.sleep(seconds)
        return cpu_seconds(pid) - cpu_before, context_switches(pid) - switches_before
    finally:
        tmux.kill()


def print_idle(label, cpu, switches, seconds, target):
    print(f"{label:<22} {cpu:6.2f} CPU s in {seconds:.0f} s = {cpu / seconds * 100:5.2f}% of a core, "
          f"{switches / seconds:6.1f} wake-ups/s{target}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=200, help="appends per watch mode (default 200)")
    parser.add_argument("--spacing-ms", type=int, default=100, help="time between appends (default 100)")
    parser.add_argument("--idle-seconds", type=float, default=60, help="idle measurement (default 60)")
    parser.add_argument("--settle-seconds", type=float, default=5, help="wait before measuring (default 5)")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--skip-idle", action="store_true")
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "kpitop"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "kpitop")

    # SIGTERM and SIGHUP unwind like Ctrl-C, so the `finally` blocks clean up.
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGHUP, interrupt)

    scratch = tempfile.mkdtemp(prefix="kpitop-bench-live-")
    tmux = Tmux(scratch)
    try:
        if not args.skip_latency:
            print(f"append-to-snapshot latency, {args.samples} appends {args.spacing_ms} ms apart "
                  f"({len(PLATFORMS)} files x {HISTORY_DAYS} days x {POSTS_PER_DAY} rows)")
            for label, poll, target in [("inotify", False, "  (target p50 < 50, p99 < 200)"),
                                        ("polling", True, "")]:
                latencies, missed = measure_latency(binary, scratch, poll, args.samples, args.spacing_ms / 1000)
                print_latency(label, latencies, missed, target)
        if not args.skip_idle:
            if shutil.which("tmux") is None:
                sys.exit("tmux is not installed: no idle figures")
            print(f"CPU over {args.idle_seconds:.0f} s after {args.settle_seconds:.0f} s to settle (120x40 tmux pane)")
            directory = tempfile.mkdtemp(prefix="data-", dir=scratch)
            generate(directory)
            cpu, switches = measure_idle(tmux, f"'{binary}' --data '{directory}'",
                                         args.settle_seconds, args.idle_seconds)
            print_idle("dashboard, static data", cpu, switches, args.idle_seconds, "  (target < 0.30%)")
            cpu, switches = measure_idle(tmux, f"'{binary}' demo", args.settle_seconds, args.idle_seconds)
            print_idle("demo (appends rows)", cpu, switches, args.idle_seconds, "")
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        tmux.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
