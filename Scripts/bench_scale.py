#!/usr/bin/env python3
"""Benchmark of kpitop at scale, next to DuckDB on the same files (issue 9's targets).

Cases (each generates its data once under bench-data/scale-<case>/):
  posts       1,000,000 post-level rows with ids (25,000 posts x 40 days, captions as titles)
  tickets     1,000,000 customer-service tickets with ids
  tickets5m   5,000,000 tickets
  files       20,000 small files (3 rows each) in 6 platform folders
  plain10m    10,000,000 plain daily metric rows (no ids), 5 files
  plain30m    30,000,000 plain rows

For the plain and many-files cases it also starts the dashboard in tmux twice (first start, then a
restart with the restart cache) and prints when its first numbers appeared.

For each case it prints, for a cold `kpitop report --format json` (release build, new process):
wall time (best of --runs), CPU, peak RSS and RSS per row (or per file), the bytes kpitop read
against the bytes of the files (from strace), and DuckDB's wall time for the same KPIs from the
same files (read_csv + group by) with the ratio. With --live (default for posts, tickets and
files) it also follows the directory with `report --watch --format jsonl` and appends one row at
a time: the CPU kpitop spent per appended row (from /proc/<pid>/task/*/schedstat) and the latency
from the append to the new report line (medians and p90 of --appends appends).

    python3 Scripts/bench_scale.py [--case posts,tickets,...|all] [--runs 3] [--appends 20]
"""
import argparse
import glob
import json
import os
import random
import re
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = date(2026, 11, 23)
PLATFORMS = ["instagram", "facebook", "x", "linkedin", "tiktok"]
REPORT = ["report", "--as-of", AS_OF.isoformat(), "--window", "28d", "--tz", "UTC"]


# MARK: Data

def marker_ok(directory, label):
    marker = os.path.join(directory, ".generated")
    return os.path.exists(marker) and open(marker).read() == label


def mark(directory, label):
    with open(os.path.join(directory, ".generated"), "w") as m:
        m.write(label)


def generate_posts(directory, posts=25_000, days=40):
    label = f"posts {posts}x{days}"
    if marker_ok(directory, label):
        return posts * days
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(7)
    words = ("launch summer sale new collection behind the scenes tips how to giveaway winners "
             "customer story thank you team live event recap today weekly update").split()
    per_platform = posts // len(PLATFORMS)
    for p_index, platform in enumerate(PLATFORMS):
        with open(os.path.join(directory, f"{platform}.csv"), "w") as out:
            out.write("date,post_id,title,impressions,reach,likes,comments,shares,saves,clicks\n")
            batch = []
            for n in range(per_platform):
                post_id = f"{1784140000000000 + p_index * 10_000_000 + n}_{170000 + n}"
                title = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18))).capitalize()
                first = AS_OF - timedelta(days=364 - (n * 325) // per_platform)
                for d in range(days):
                    day = first + timedelta(days=d)
                    impressions = rng.randint(50, 20_000)
                    reach = impressions * rng.randint(50, 95) // 100
                    likes = reach * rng.randint(1, 8) // 100
                    batch.append(f"{day.isoformat()},{post_id},\"{title}\",{impressions},{reach},{likes},"
                                 f"{likes // 9},{likes // 15},{likes // 20},{reach // 70}\n")
                if len(batch) >= 20_000:
                    out.writelines(batch)
                    batch = []
            out.writelines(batch)
    mark(directory, label)
    return posts * days


def generate_tickets(directory, tickets):
    label = f"tickets {tickets}"
    if marker_ok(directory, label):
        return tickets
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(11)
    start = datetime(2025, 11, 24, tzinfo=timezone.utc).timestamp()
    per_platform = tickets // len(PLATFORMS)
    span = 365 * 86_400
    for platform in PLATFORMS:
        with open(os.path.join(directory, f"{platform}.csv"), "w") as out:
            out.write("id,opened_at,first_response_at,resolved_at,csat,sentiment\n")
            batch = []
            for n in range(per_platform):
                opened = int(start + n * span / per_platform)
                response = opened + rng.randint(30, 20_000) if rng.random() < 0.95 else None
                resolved = opened + rng.randint(600, 400_000) if rng.random() < 0.85 else None
                csat = rng.randint(1, 5) if rng.random() < 0.4 else ""
                sentiment = rng.choice(["positive", "neutral", "negative", ""])
                iso = lambda t: "" if t is None else datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                batch.append(f"{platform[:2]}-{n},{iso(opened)},{iso(response)},{iso(resolved)},{csat},{sentiment}\n")
                if len(batch) >= 20_000:
                    out.writelines(batch)
                    batch = []
            out.writelines(batch)
    mark(directory, label)
    return tickets


def generate_files(directory, files=20_000, rows=3):
    label = f"files {files}x{rows}"
    if marker_ok(directory, label):
        return files * rows
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(3)
    folders = PLATFORMS + ["youtube"]
    for n in range(files):
        folder = os.path.join(directory, folders[n % len(folders)])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"export-{n:05d}.csv"), "w") as out:
            out.write("date,impressions,reach,likes,comments,clicks\n")
            for r in range(rows):
                day = AS_OF - timedelta(days=rng.randint(0, 60))
                out.write(f"{day.isoformat()},{rng.randint(10, 9000)},{rng.randint(5, 5000)},"
                          f"{rng.randint(0, 300)},{rng.randint(0, 40)},{rng.randint(0, 90)}\n")
    mark(directory, label)
    return files * rows


def generate_plain(directory, rows):
    label = f"plain {rows}"
    if marker_ok(directory, label):
        return rows
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(42)
    per_file = rows // len(PLATFORMS)
    for name in PLATFORMS:
        with open(os.path.join(directory, f"{name}.csv"), "w") as out:
            out.write("date,impressions,reach,likes,comments,shares,saves,clicks,conversions,revenue,spend\n")
            lines = []
            for i in range(per_file):
                day = AS_OF - timedelta(days=364 - (i * 365) // per_file)
                impressions = rng.randint(100, 50_000)
                reach = impressions * rng.randint(40, 90) // 100
                likes = reach * rng.randint(1, 6) // 100
                lines.append(f"{day.isoformat()},{impressions},{reach},{likes},{likes // 8},"
                             f"{likes // 12},{likes // 20},{reach // 60},{reach // 3000},"
                             f"{rng.randint(0, 50000) / 100:.2f},{rng.randint(0, 20000) / 100:.2f}\n")
                if len(lines) == 50_000:
                    out.writelines(lines)
                    lines = []
            out.writelines(lines)
    mark(directory, label)
    return rows


# MARK: kpitop

def data_bytes(directory):
    return sum(os.path.getsize(p) for p in glob.glob(os.path.join(directory, "**", "*.csv"), recursive=True))


def cold_run(binary, directory):
    """One cold report: (wall seconds, CPU seconds, peak RSS bytes, parsed JSON), the usage
    being this child's own (wait4), not the largest of every child so far.

    The peak RSS comes from GNU time, which starts kpitop from its own small process: a child
    started straight from this one counts this process's memory at the fork in its peak (the
    kernel keeps the high-water mark across exec), which after DuckDB ran here is some 290 MB."""
    gnu_time = shutil.which("time")
    with tempfile.NamedTemporaryFile("r") as peak:
        prefix = [gnu_time, "-f", "%M", "-o", peak.name] if gnu_time else []
        start = time.perf_counter()
        proc = subprocess.Popen(prefix + [binary] + REPORT + ["--data", directory, "--format", "json"],
                                stdout=subprocess.PIPE)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            sys.exit(f"kpitop report failed with status {proc.returncode}")
        rss = int(peak.read().split()[-1]) * 1024 if gnu_time else usage.ru_maxrss * 1024
    return wall, usage.ru_utime + usage.ru_stime, rss, json.loads(out)


def bytes_read(binary, directory):
    """Bytes kpitop read from data files, from an strace of read/pread64 on .csv descriptors."""
    prefix = "/tmp/kpitop-bench.strace"
    for old in glob.glob(prefix + ".*"):
        os.remove(old)
    # -ff: one file per thread, so no call is split into "unfinished" and "resumed" halves.
    subprocess.run(["strace", "-ff", "-qq", "-e", "trace=read,pread64", "-e", "signal=none",
                    "-y", "-o", prefix, binary] + REPORT + ["--data", directory, "--format", "json"],
                   stdout=subprocess.DEVNULL, check=True)
    total = 0
    pattern = re.compile(r"(?:read|pread64)\(\d+<([^>]*)>.*= (\d+)$")
    for trace in glob.glob(prefix + ".*"):
        with open(trace) as lines:
            for line in lines:
                m = pattern.search(line.rstrip())
                if m and m.group(1).endswith(".csv"):
                    total += int(m.group(2))
        os.remove(trace)
    return total


def cpu_ns(pid):
    total = 0
    for path in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            total += int(open(path).read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total


def rss_bytes(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def read_line(proc, timeout):
    deadline = time.perf_counter() + timeout
    line = b""
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            break
        chunk = os.read(proc.stdout.fileno(), 1 << 20)
        if not chunk:
            break
        line += chunk
        if line.endswith(b"\n"):
            return line
    return None


def live_appends(binary, directory, append_path, row_for, appends):
    """Follows `directory` with report --watch; appends `appends` rows to `append_path` one at
    a time. Returns (CPU ms per append list, latency ms list, RSS after load)."""
    proc = subprocess.Popen([binary] + REPORT + ["--data", directory, "--watch", "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        if read_line(proc, 600) is None:
            raise RuntimeError("no first report line")
        time.sleep(1.5)
        while read_line(proc, 0.3) is not None:   # lines of a pending last line, if any
            pass
        rss = rss_bytes(proc.pid)
        cpus, latencies = [], []
        for n in range(appends):
            before = cpu_ns(proc.pid)
            start = time.perf_counter()
            with open(append_path, "a") as out:
                out.write(row_for(n))
            if read_line(proc, 10) is None:
                raise RuntimeError("no report line after an append")
            latencies.append((time.perf_counter() - start) * 1000)
            time.sleep(0.25)
            cpus.append((cpu_ns(proc.pid) - before) / 1e6)
        return cpus, latencies, rss
    finally:
        proc.terminate()
        proc.wait()


def median_p90(values):
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, (9 * len(ordered) + 9) // 10 - 1)]


# MARK: DuckDB

def duckdb_run(sql):
    import duckdb
    start = time.perf_counter()
    con = duckdb.connect()
    result = con.execute(sql).fetchall()
    return time.perf_counter() - start, result


def duckdb_sql(case, directory):
    start, end = (AS_OF - timedelta(days=27)).isoformat(), AS_OF.isoformat()
    files = sorted(glob.glob(os.path.join(directory, "**", "*.csv"), recursive=True))
    if len(files) > 100:
        files = os.path.join(directory, "*", "*.csv")   # a glob: DuckDB opens the files one by one
    if case == "posts":
        return f"""
            WITH rows AS (SELECT * FROM read_csv({files!r}, header = true, filename = true)),
                 days AS (SELECT filename, "date", sum(impressions) i, sum(reach) r,
                                 sum(likes + comments + shares + saves) e FROM rows GROUP BY ALL),
                 top AS (SELECT post_id, sum(likes + comments + shares + saves) e FROM rows
                         WHERE "date" BETWEEN '{start}' AND '{end}' GROUP BY post_id ORDER BY e DESC LIMIT 500)
            SELECT (SELECT sum(i) FROM days WHERE "date" BETWEEN '{start}' AND '{end}'),
                   (SELECT sum(e) / sum(r) FROM days WHERE "date" BETWEEN '{start}' AND '{end}'),
                   (SELECT count(*) FROM top)"""
    if case.startswith("tickets"):
        return f"""
            WITH t AS (SELECT opened_at, first_response_at, resolved_at, csat
                       FROM read_csv({files!r}, header = true, timestampformat = '%Y-%m-%dT%H:%M:%SZ'))
            SELECT count(*), count(first_response_at) / count(*),
                   quantile_disc(epoch(first_response_at) - epoch(opened_at), 0.5),
                   quantile_disc(epoch(first_response_at) - epoch(opened_at), 0.9),
                   quantile_disc(epoch(resolved_at) - epoch(opened_at), 0.5),
                   avg(CASE WHEN csat >= 4 THEN 1.0 WHEN csat IS NOT NULL THEN 0.0 END)
            FROM t WHERE opened_at >= TIMESTAMP '{start}' AND opened_at < TIMESTAMP '{end}' + INTERVAL 1 DAY"""
    return f"""
        WITH days AS (SELECT filename, "date", sum(impressions) i, sum(reach) r, sum(likes) l, sum(clicks) c
                      FROM read_csv({files!r}, header = true, filename = true) GROUP BY ALL)
        SELECT sum(i), sum(l) / sum(r), sum(c) / sum(i) FROM days WHERE "date" BETWEEN '{start}' AND '{end}'"""


# MARK: Cases

CASES = {
    "posts": lambda d: generate_posts(d),
    "tickets": lambda d: generate_tickets(d, 1_000_000),
    "tickets5m": lambda d: generate_tickets(d, 5_000_000),
    "files": lambda d: generate_files(d),
    "plain10m": lambda d: generate_plain(d, 10_000_000),
    "plain30m": lambda d: generate_plain(d, 30_000_000),
}


def append_plan(case, directory):
    if case == "posts":
        return os.path.join(directory, "instagram.csv"), \
            lambda n: f"{AS_OF.isoformat()},bench-{n},\"Appended post {n}\",{1000 + n},800,40,4,2,1,9\n"
    if case.startswith("tickets"):
        return os.path.join(directory, "instagram.csv"), \
            lambda n: f"bench-{n},{AS_OF.isoformat()}T10:{n % 60:02d}:00Z,{AS_OF.isoformat()}T11:00:00Z,,5,positive\n"
    if case == "files":
        return os.path.join(directory, "instagram", "export-00000.csv"), \
            lambda n: f"{AS_OF.isoformat()},{100 + n},50,5,1,2\n"
    return os.path.join(directory, "instagram.csv"), \
        lambda n: f"{AS_OF.isoformat()},{100 + n},80,4,0,0,0,1,0,1.00,0.50\n"


def run_case(case, binary, runs, appends, live):
    directory = os.path.join(ROOT, "bench-data", f"scale-{case}")
    rows = CASES[case](directory)
    size = data_bytes(directory)
    print(f"\n== {case}: {rows:,} rows, {size / 1e6:.1f} MB in "
          f"{len(glob.glob(os.path.join(directory, '**', '*.csv'), recursive=True)):,} files")
    results = [cold_run(binary, directory) for _ in range(runs)]
    wall = min(r[0] for r in results)
    cpu = min(r[1] for r in results)
    rss = max(r[2] for r in results)
    print(f"kpitop cold     {wall:.3f} s wall (best of {runs}: {', '.join(f'{r[0]:.3f}' for r in results)}), "
          f"{cpu:.2f} s CPU, peak RSS {rss / 1e6:.1f} MB")
    if case == "files":
        with tempfile.TemporaryDirectory() as empty:
            base = cold_run(binary, empty)[2]
        print(f"  per file      {rss / 20_000 / 1024:.2f} KB of RSS (target < 2 KB), of which the process's base "
              f"({base / 1e6:.1f} MB with no file) is {base / 20_000 / 1024:.2f} KB")
    else:
        print(f"  per row       {rss / rows:.0f} B of RSS (target < 200 B)")
    read = bytes_read(binary, directory)
    print(f"  bytes read    {read / 1e6:.1f} MB = {read / size:.3f}x the files")
    try:
        duck_times = []
        for _ in range(runs):
            t, _ = duckdb_run(duckdb_sql(case, directory))
            duck_times.append(t)
        duck = min(duck_times)
        print(f"duckdb          {duck:.3f} s (best of {runs}); kpitop/duckdb = {wall / duck:.2f}")
    except ImportError:
        print("duckdb          not installed (pip install duckdb)")
    if live:
        path, row = append_plan(case, directory)
        original = os.path.getsize(path)
        try:
            cpus, latencies, live_rss = live_appends(binary, directory, path, row, appends)
        finally:
            with open(path, "r+") as f:
                f.truncate(original)
        c50, c90 = median_p90(cpus)
        l50, l90 = median_p90(latencies)
        print(f"live append     CPU per row p50 {c50:.1f} ms, p90 {c90:.1f} ms (target < 20; < 5 for files); "
              f"latency p50 {l50:.1f} ms, p90 {l90:.1f} ms (target < 60); RSS while following {live_rss / 1e6:.1f} MB")


def first_numbers(binary, directory, cache_home):
    """Seconds from starting the dashboard (120x40 tmux) until the overview shows a number, and
    what the screen said of it then ('partial', 'last run' or 'final'), and until the load is done.
    Then waits (up to 60 s) for the restart cache to be written before quitting, as a user who
    looks at the numbers for a moment would."""
    session = f"kpitop-bench-{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], stderr=subprocess.DEVNULL)
    start = time.monotonic()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    f"env XDG_CACHE_HOME={cache_home} {binary} --data {directory} --config /dev/null"], check=True)
    first, kind, done = None, None, None
    try:
        while time.monotonic() - start < 120:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True).stdout
            now = time.monotonic() - start
            if first is None and re.search(r"Impressions\s+[0-9]", screen):
                first = now
                kind = ("last run" if "last run's numbers" in screen
                        else "partial" if "partial numbers" in screen else "final")
            if first is not None and "loading" not in screen:
                done = now
                break
            time.sleep(0.005)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not glob.glob(os.path.join(cache_home, "kpitop", "*.cache")):
            time.sleep(0.05)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], stderr=subprocess.DEVNULL)
    return first, kind, done


def startup(binary, directory):
    """The dashboard's first numbers on a large directory (target 300 ms), then on a restart
    over the unchanged files with the restart cache (target 150 ms)."""
    cache_home = tempfile.mkdtemp(prefix="kpitop-bench-cache-")
    try:
        for label in ("first start", "restart"):
            first, kind, done = first_numbers(binary, directory, cache_home)
            print(f"dashboard {label:11} numbers after {first:.3f} s ({kind}), load done after {done:.2f} s "
                  f"(targets: 0.300 s, restart 0.150 s; includes tmux's start)")
    finally:
        shutil.rmtree(cache_home, ignore_errors=True)


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", default="posts,tickets,files")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--appends", type=int, default=20)
    parser.add_argument("--no-live", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    cases = list(CASES) if args.case == "all" else args.case.split(",")
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "kpitop"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "kpitop")
    for case in cases:
        run_case(case, binary, args.runs, args.appends,
                 live=not args.no_live and not case.startswith("plain"))
        if (case.startswith("plain") or case == "files") and shutil.which("tmux"):
            startup(binary, os.path.join(ROOT, "bench-data", f"scale-{case}"))


if __name__ == "__main__":
    main()
