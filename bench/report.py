"""Turn a bench/run results folder into bench/RESULTS.md: a Markdown table per data size, the growth
from the smallest to the largest size, worker memory, and each target of issue #17, met or not.

    python bench/report.py bench/results bench/RESULTS.md
"""

import csv
import datetime
import json
import platform
import re
import subprocess
import sys
from pathlib import Path

#: p95 targets at 10 users on 2 cores (issue #17), by kind of page.
P95_TARGET_MS = {"public": 150, "participant": 150, "admin or report": 300}
ANONYMOUS_FLOOR_SHARE = 0.40
WORKER_RSS_TARGET_MB = 250
GROWTH_TARGET = 1.5
SEEDED = (
    r"^\s+(cohorts in the database|teams in the database|participants|TA sessions|submission versions"
    r"|notifications)\s+([\d,]+)"
)


def kind(label, plan):
    if label in plan["floor"]:
        return "floor"
    if label in plan["anonymous"]:
        return "public"
    if label in plan["participants"][0]["pages"] and "PDF" not in label:
        return "participant"
    return "admin or report"


def role(label, plan):
    if label in plan["floor"]:
        return "anyone"
    if label in plan["anonymous"]:
        return "visitor"
    if label in plan["participants"][0]["pages"]:
        return "participant"
    return "coach" if label in plan["coach"]["pages"] else "staff"


def read_stats(path):
    """{page name: row} of a locust *_stats.csv, without the Aggregated row."""
    if not path.exists():
        return {}
    with path.open() as handle:
        return {row["Name"]: row for row in csv.DictReader(handle) if row["Name"] != "Aggregated"}


def number(row, column):
    try:
        return float(row[column])
    except (KeyError, TypeError, ValueError):
        return None


def command_output(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=20).stdout.strip()  # noqa: S603
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def machine():
    cpu = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1) if match else cpu
    memory = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f"{kilobytes / 1024 / 1024:.0f} GiB"
    venv = Path(sys.executable).parent
    return [
        f"{command_output('nproc')} cores ({cpu}), {memory} memory, {platform.platform()}",
        f"Python {platform.python_version()}, {command_output('psql', '--version')} (server on the same "
        f"machine), {command_output('redis-server', '--version').split(' sha=')[0]}",
        f"gunicorn {command_output(str(venv / 'gunicorn'), '--version').split()[-1].rstrip(')')}, "
        f"{command_output(str(venv / 'locust'), '--version').split(' from ')[0]}",
    ]


def worker_memory(path):
    """(largest RSS of any worker, last RSS of each worker) in MB."""
    samples = {}
    largest = 0
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[2].isdigit():
                rss = int(parts[2]) / 1024
                samples[parts[1]] = rss
                largest = max(largest, rss)
    return largest, sorted(samples.values())


def ms(value):
    return "—" if value is None else f"{value:.0f}"


def main(results, out):
    results = Path(results)
    sizes = sorted(int(p.stem.split("-")[1]) for p in results.glob("plan-*.json"))
    lines = [
        "# Benchmark results",
        "",
        f"Made by `make bench` (bench/run) on {datetime.date.today().isoformat()}. Regenerate with "
        "`make bench`; this file is overwritten.",
        "",
        "## Machine and run",
        "",
        *[f"- {line}" for line in machine()],
    ]
    settings = {}
    for size in sizes:
        settings[size] = json.loads((results / f"plan-{size}.json").read_text())
    meta_path = results / "run.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if meta:
        lines.append(
            f"- gunicorn with `cms.settings.production`, {meta.get('workers', 2)} sync workers, PostgreSQL "
            f"and Redis on loopback; locust headless, {meta.get('users')} users; each size: after a warm-up "
            f"that asks for every page of the plan from every worker, a {meta.get('mixed_seconds')} s walk "
            f"of every role at once, each person reading a page for "
            f"{' to '.join(meta.get('think_seconds', []))} s before the next, then each page alone for "
            f"{meta.get('page_seconds')} s, asked for again as soon as it is answered (no think time)."
        )
        if meta.get("note"):
            lines.append(f"- {meta['note']}")
    lines += [
        "",
        "Columns: **alone** is the page requested by every user at once (its throughput, and that as a "
        "share of the floor's, the trivial `/healthz` view through the same stack); **walk** is the mix "
        "of roles walking their paths together (latency under a realistic load; **n** requests of the "
        "page in it); **queries** are the "
        "SQL queries per request counted by the server (`BENCH_QUERY_LOG`): the most a person's page "
        "needs (the largest of the medians per address: each participant's pages are their own), and "
        "in brackets the most any request ran (a worker's first request of a page fills its caches).",
    ]
    p95s = {}  # (size, label): (alone p95, walk p95)
    query_counts = {}
    misses = []
    for size in sizes:
        plan = settings[size]
        mixed = read_stats(results / f"mixed-{size}_stats.csv")
        queries = {}
        queries_path = results / f"queries-mixed-{size}.json"
        if queries_path.exists():
            queries = json.loads(queries_path.read_text())
        alone = {}
        for path in sorted(results.glob(f"page-{size}-*_stats.csv")):
            alone.update(read_stats(path))
        floor_label = next(iter(plan["floor"]))
        floor_rps = number(alone.get(floor_label, {}), "Requests/s")
        seed = (results / f"seed-{size}.txt").read_text() if (results / f"seed-{size}.txt").exists() else ""
        counts = re.findall(SEEDED, seed, re.M)
        lines += ["", f"## {size} teams", ""]
        if counts:
            lines += ["Seeded: " + ", ".join(f"{value} {name}" for name, value in counts) + ".", ""]
        lines += [
            "| page | role | alone req/s | × floor | walk n | walk p50 ms | walk p95 ms | alone p95 ms "
            "| queries | failures | p95 target ms | met |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        labels = [*plan["floor"], *plan["anonymous"], *plan["participants"][0]["pages"]]
        labels += [*plan["coach"]["pages"], *plan["staff"]["pages"]]
        for label in labels:
            page_kind = kind(label, plan)
            walk = mixed.get(label, {})
            single = alone.get(label, {})
            rps = number(single, "Requests/s")
            share = rps / floor_rps if rps is not None and floor_rps else None
            p95 = number(walk, "95%")
            p95s[(size, label)] = (number(single, "95%"), p95)
            target = P95_TARGET_MS.get(page_kind)
            met = "" if target is None or p95 is None else ("yes" if p95 <= target else "**no**")
            if page_kind == "public" and share is not None and share < ANONYMOUS_FLOOR_SHARE:
                met = (met + ", " if met else "") + f"**no** (< {ANONYMOUS_FLOOR_SHARE:.0%} of floor)"
            if "no" in met:
                plain = met.replace("**", "")
                misses.append(f"{size} teams, {label}: {plain} (p95 {ms(p95)} ms, target {target} ms)")
            failures = int(number(walk, "Failure Count") or 0) + int(number(single, "Failure Count") or 0)
            query = queries.get(label)
            query_counts[(size, label)] = query["typical"] if query else None
            query_text = f"{query['typical']:.0f} ({query['max']})" if query else "—"
            lines.append(
                f"| {label} | {role(label, plan)} | {ms(rps)} | {'—' if share is None else f'{share:.2f}'} "
                f"| {ms(number(walk, 'Request Count'))} | {ms(number(walk, '50%'))} | {ms(p95)} "
                f"| {ms(number(single, '95%'))} | {query_text} "
                f"| {failures} | {target or '—'} | {met} |"
            )
        largest, last = worker_memory(results / f"rss-{size}.txt")
        rss_met = largest <= WORKER_RSS_TARGET_MB
        lines += [
            "",
            f"Worker memory (RSS): largest {largest:.0f} MB, at the end "
            f"{', '.join(f'{value:.0f}' for value in last)} MB "
            f"(target ≤ {WORKER_RSS_TARGET_MB} MB: {'met' if rss_met else 'not met'}).",
        ]
        if not rss_met:
            misses.append(f"{size} teams: worker memory {largest:.0f} MB > {WORKER_RSS_TARGET_MB} MB")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        lines += [
            "",
            f"## Growth from {small} to {large} teams",
            "",
            "Judged on each page alone: the same page for the same person at 10 users, hundreds of "
            "requests at each size. The walk's p95 is shown beside it; it rests on the few dozen requests "
            "a coach or staff member makes in the walk, so one request that waits behind another page "
            "moves it.",
            "",
            f"| page | alone p95 at {small} ms | alone p95 at {large} ms | ratio | ≤ {GROWTH_TARGET}× "
            f"| walk p95 at {small} ms | walk p95 at {large} ms | queries at {small} | queries at {large} |",
            "|---|---:|---:|---:|---|---:|---:|---:|---:|",
        ]
        for (size, label), (p95, walk_p95) in p95s.items():
            if size != small:
                continue
            bigger, bigger_walk = p95s.get((large, label), (None, None))
            ratio = bigger / p95 if p95 and bigger else None
            met = "" if ratio is None else ("yes" if ratio <= GROWTH_TARGET else "**no**")
            if met == "**no**":
                misses.append(f"growth {small}→{large} teams, {label}: alone p95 × {ratio:.1f}")
            few, many = query_counts.get((small, label)), query_counts.get((large, label))
            if few is not None and many is not None and many > few:
                misses.append(f"{label}: SQL queries per request grow with the data ({few:.0f} → {many:.0f})")
            lines.append(
                f"| {label} | {ms(p95)} | {ms(bigger)} | {'—' if ratio is None else f'{ratio:.2f}'} | {met} "
                f"| {ms(walk_p95)} | {ms(bigger_walk)} | {ms(few)} | {ms(many)} |"
            )
    lines += ["", "## Targets of issue #17", ""]
    if misses:
        lines += [f"{len(misses)} targets are not met in this run:", ""]
        lines += [f"- {miss}" for miss in misses]
    else:
        lines.append("Every target is met in this run.")
    Path(out).write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
