#!/usr/bin/env python3
"""Benchmark of a cold `kpitop report` against DuckDB on the same files.

Generates N metric rows (default 2,000,000) across 5 platform files, then prints for a cold
`kpitop report` (a new process, release build): wall time, rows/s, MB/s and peak RSS; and the
same KPIs computed by DuckDB (read_csv + group by), with the ratio kpitop/DuckDB. It also
checks that both give the same sums, and repeats kpitop at N/4 to show that peak RSS does not
grow with the row count.

    python3 Scripts/bench_report.py [--rows 2000000] [--runs 3]
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLATFORMS = ["instagram", "facebook", "x", "linkedin", "tiktok"]
COLUMNS = ["date", "impressions", "reach", "likes", "comments", "shares", "saves",
           "clicks", "conversions", "revenue", "spend"]
AS_OF = date(2026, 11, 23)
DAYS = 365


def generate(directory, rows):
    """Writes rows/5 rows per platform file, spread over DAYS days ending AS_OF (idempotent)."""
    marker = os.path.join(directory, ".rows")
    if os.path.exists(marker) and open(marker).read() == str(rows):
        return
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(42)
    per_file = rows // len(PLATFORMS)
    for name in PLATFORMS:
        with open(os.path.join(directory, f"{name}.csv"), "w") as out:
            out.write(",".join(COLUMNS) + "\n")
            lines = []
            for i in range(per_file):
                day = AS_OF - timedelta(days=DAYS - 1 - (i * DAYS) // per_file)
                impressions = rng.randint(100, 50_000)
                reach = impressions * rng.randint(40, 90) // 100
                likes = reach * rng.randint(1, 6) // 100
                lines.append(f"{day.isoformat()},{impressions},{reach},{likes},{likes // 8},"
                             f"{likes // 12},{likes // 20},{reach // 60},{reach // 3000},"
                             f"{rng.randint(0, 50000) / 100:.2f},{rng.randint(0, 20000) / 100:.2f}\n")
                if len(lines) == 10_000:
                    out.writelines(lines)
                    lines = []
            out.writelines(lines)
    with open(marker, "w") as m:
        m.write(str(rows))


def run_kpitop(binary, directory):
    """One cold report; returns (seconds, user CPU seconds, parsed JSON)."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "report", "--data", directory, "--as-of", AS_OF.isoformat(),
                             "--window", "28d", "--tz", "UTC", "--format", "json"],
                            stdout=subprocess.PIPE)
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"kpitop report failed with status {proc.returncode}")
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - cpu_before, json.loads(out)


def peak_rss_of(binary, directory):
    """Peak RSS (bytes) of one report run, from wait4's rusage."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(binary, [binary, "report", "--data", directory, "--as-of", AS_OF.isoformat(),
                          "--window", "28d", "--tz", "UTC", "--format", "json"])
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss * 1024


def run_duckdb(directory):
    """The same KPIs with DuckDB: one read_csv of the files grouped by platform and day (what
    kpitop keeps), then the window's sums and ratios from those groups. Returns (seconds,
    user CPU seconds, {kpi: value})."""
    import duckdb
    start_day = AS_OF - timedelta(days=27)
    files = [os.path.join(directory, f"{p}.csv") for p in PLATFORMS]
    cpu_before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    start = time.perf_counter()
    con = duckdb.connect()
    groups = con.execute(f"""
        SELECT regexp_extract(filename, '([a-z]+)\\.csv$', 1) AS platform, "date",
               sum(impressions), sum(reach), sum(likes), sum(comments), sum(shares), sum(saves),
               sum(clicks), sum(conversions), sum(revenue), sum(spend)
        FROM read_csv({files!r}, header = true, filename = true)
        GROUP BY ALL
    """).fetchall()
    sums = [0.0] * 10
    for row in groups:
        if start_day <= row[1] <= AS_OF:
            sums = [a + float(b) for a, b in zip(sums, row[2:])]
    elapsed = time.perf_counter() - start
    cpu = resource.getrusage(resource.RUSAGE_SELF).ru_utime - cpu_before
    names = ["impressions", "reach", "likes", "comments", "shares", "saves", "clicks",
             "conversions", "revenue", "spend"]
    values = dict(zip(names, sums))
    interactions = values["likes"] + values["comments"] + values["shares"] + values["saves"]
    values["engagement_rate"] = interactions / values["reach"]
    values["ctr"] = values["clicks"] / values["impressions"]
    values["cpa"] = values["spend"] / values["conversions"]
    values["roas"] = values["revenue"] / values["spend"]
    return elapsed, cpu, values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "kpitop"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "kpitop")
    directory = os.path.join(ROOT, "bench-data", str(args.rows))
    generate(directory, args.rows)
    size = sum(os.path.getsize(os.path.join(directory, f"{p}.csv")) for p in PLATFORMS)

    times, cpus = [], []
    for _ in range(args.runs):
        elapsed, cpu, report = run_kpitop(binary, directory)
        times.append(elapsed)
        cpus.append(cpu)
    best = min(times)
    rss = peak_rss_of(binary, directory)
    print(f"rows            {args.rows:,} in {len(PLATFORMS)} files, {size / 1e6:.1f} MB")
    print(f"kpitop report   {best:.3f} s (best of {args.runs}; all {', '.join(f'{t:.3f}' for t in times)})")
    print(f"  user CPU      {min(cpus):.3f} s (least of {args.runs})")
    print(f"  throughput    {args.rows / best / 1e6:.2f} M rows/s, {size / best / 1e6:.1f} MB/s")
    print(f"  peak RSS      {rss / 1e6:.1f} MB")

    small = max(args.rows // 4, 1000)
    small_dir = os.path.join(ROOT, "bench-data", str(small))
    generate(small_dir, small)
    print(f"  peak RSS at {small:,} rows: {peak_rss_of(binary, small_dir) / 1e6:.1f} MB")

    try:
        duck_times, duck_cpus, duck = [], [], None
        for _ in range(args.runs):
            elapsed, cpu, duck = run_duckdb(directory)
            duck_times.append(elapsed)
            duck_cpus.append(cpu)
    except ImportError:
        print("duckdb         not installed (pip install duckdb)")
        return
    duck_best = min(duck_times)
    print(f"duckdb          {duck_best:.3f} s (best of {args.runs}; read_csv + group by platform, day; in-process)")
    print(f"  user CPU      {min(duck_cpus):.3f} s (least of {args.runs})")
    print(f"ratio           kpitop/duckdb = {best / duck_best:.2f} (target <= 0.5)")

    ours = report["platforms"]["all"]
    mismatches = [k for k, v in duck.items()
                  if ours[k]["value"] is None or abs(float(v) - ours[k]["value"]) > 1e-9 * max(1.0, abs(float(v)))]
    print("agreement       " + ("all window KPIs equal DuckDB's" if not mismatches
                                else f"MISMATCH in {', '.join(mismatches)}"))


if __name__ == "__main__":
    main()
