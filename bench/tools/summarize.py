#!/usr/bin/env python3
"""Turns the raw files of bench/run.sh's runs into one table and one JSON report (medians over the runs)."""
import argparse
import csv
import glob
import json
import os
import re
import statistics

ACTIONS = ["BootNotification", "Heartbeat", "StatusNotification", "MeterValues", "StartTransaction", "StopTransaction",
           "Authorize", "(connect)"]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def prometheus(path):
    """{(name, frozenset(labels)): value} of a Prometheus text file."""
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)', line)
        if not m:
            continue
        labels = frozenset(re.findall(r'(\w+)="([^"]*)"', m.group(3) or ""))
        try:
            out[(m.group(1), labels)] = float(m.group(4))
        except ValueError:
            pass
    return out


def server_quantiles(start, end, metric="csms_ocpp_message_handling_seconds"):
    """Per action: count and p50/p95/p99 (ms, bucket upper bounds) of what was handled between two scrapes."""
    buckets = {}
    for (name, labels), value in end.items():
        if name != metric + "_bucket":
            continue
        d = dict(labels)
        before = start.get((name, labels), 0.0)
        buckets.setdefault(d["action"], []).append((float("inf") if d["le"] == "+Inf" else float(d["le"]), value - before))
    result = {}
    for action, bs in buckets.items():
        bs.sort()
        total = bs[-1][1] if bs else 0
        if total <= 0:
            continue
        q = {}
        for name, p in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999)):
            q[name] = next((le * 1000 for le, c in bs if c >= p * total), None)
        q["count"] = int(total)
        result[action] = q
    return result


def progress(path):
    """[(seconds, connected, booted, errors)] from a simulator log's progress lines."""
    rows = []
    for line in open(path):
        m = re.match(r'\[\s*(\d+)s\] connected (\d+)/\d+\s+booted (\d+).*errors (\d+)', line)
        if m:
            rows.append(tuple(int(x) for x in m.groups()))
    return rows


def merged_actions(per_process):
    """Per action over the simulator processes: counts and rates summed; percentiles the worst process's (conservative,
    as a process's histogram is not in its report)."""
    actions = {}
    for process in per_process:
        for a in process:
            cur = actions.setdefault(a["action"], {"count": 0, "errors": 0, "timeouts": 0, "callErrors": 0, "lost": 0,
                                                   "p50": 0, "p95": 0, "p99": 0, "max": 0, "per_s": 0})
            for k in ("count", "errors", "timeouts", "callErrors", "lost"):
                cur[k] += a[k]
            for k, src in (("p50", "p50Ms"), ("p95", "p95Ms"), ("p99", "p99Ms"), ("max", "maxMs")):
                cur[k] = max(cur[k], a[src])
            cur["per_s"] += a["perSecond"]
    return actions


def one_run(run_dir, args):
    info = json.load(open(os.path.join(run_dir, "run.json")))
    sims = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(run_dir, "sim-*.json")))]
    actions = merged_actions([sim["actions"] + [sim["handshake"]] for sim in sims])
    # The simulators' measurement window is the steady window (run.sh passes it); older reports have none.
    windows = [sim.get("window") for sim in sims]
    client_steady = merged_actions([w["actions"] for w in windows]) if all(windows) else {}
    run = {
        "run": info["run"],
        "load_start": open(os.path.join(run_dir, "loadavg-start")).read().split()[:3],
        "load_end": open(os.path.join(run_dir, "loadavg-end")).read().split()[:3],
        "msg_per_s": sum(s["messagesPerSecond"] for s in sims),
        "connects": sum(s["connects"] for s in sims),
        "connect_failures": sum(s["connectFailures"] for s in sims),
        "connect_failure_reasons": [s["connectFailureReasons"] for s in sims],
        "dropped": sum(s["disconnects"] for s in sims),
        "booted": sum(s["bootsAccepted"] for s in sims),
        "errors": sum(s["errors"] for s in sims),
        "timeouts": sum(a["timeouts"] for a in actions.values()),
        "actions": actions,
        "client_steady": client_steady,
        "simulator_exit": info["simulator_exit"],
    }
    # Connected at the end of the steady state, from the server's gauge.
    steady = prometheus(os.path.join(run_dir, "prometheus-steady.txt"))
    steady_start = prometheus(os.path.join(run_dir, "prometheus-steady-start.txt"))
    connected = steady.get(("csms_ocpp_connected", frozenset()), None)
    run["connected_at_steady_end"] = connected
    run["server_steady"] = server_quantiles(steady_start, steady)
    end = prometheus(os.path.join(run_dir, "prometheus-end.txt"))
    run["server_whole_run"] = server_quantiles({}, end)
    run["server_connects"] = end.get(("csms_ocpp_connects_total", frozenset()))
    run["server_disconnects"] = end.get(("csms_ocpp_disconnects_total", frozenset()))
    run["hikari_timeouts"] = sum(v for (n, l), v in end.items() if n == "hikaricp_connections_timeout_total")
    # The real parts behind the transactions: balance checks over JSON-RPC (anvil), payment links (Stripe fake).
    checks = {dict(l).get("status"): v for (n, l), v in end.items() if n == "csms_balance_checks_seconds_count"}
    check_seconds = sum(v for (n, l), v in end.items() if n == "csms_balance_checks_seconds_sum")
    run["balance_checks"] = sum(checks.values())
    run["balance_sufficient"] = checks.get("sufficient", 0)
    run["balance_check_mean_ms"] = 1000 * check_seconds / run["balance_checks"] if run["balance_checks"] else None
    run["sessions_ended"] = info.get("sessions_ended")
    run["listen_overflows"] = info.get("listen_overflows")
    run["stripe_links_active"] = info.get("stripe_links_active")
    run["payment_links_created"] = sum(v for (n, l), v in end.items()
                                       if n == "csms_payment_provider_calls_seconds_count" and ("outcome", "created") in l)
    run["payment_link_failures"] = sum(v for (n, l), v in end.items()
                                       if n == "csms_payment_provider_calls_seconds_count" and ("outcome", "created") not in l)
    run["oom"] = int(open(os.path.join(run_dir, "oom-count")).read().strip() or 0) \
        if os.path.exists(os.path.join(run_dir, "oom-count")) else None
    run["heap_after_gc_mb"] = info["steady_heap_kb"] / 1024 if info["steady_heap_kb"] else None
    run["heap_base_mb"] = info["base_heap_kb"] / 1024 if info["base_heap_kb"] else None
    if connected and info["steady_heap_kb"]:
        run["heap_per_charger_kb"] = info["steady_heap_kb"] / connected
        run["heap_delta_per_charger_kb"] = (info["steady_heap_kb"] - info["base_heap_kb"]) / connected
    run["rss_mb"] = info["steady_rss_kb"] / 1024 if info["steady_rss_kb"] else None
    run["threads"] = info["steady_threads"]
    run["fds"] = info["steady_fds"]
    # CPU: whole run and the steady window (between the two steady scrapes), as % of one core.
    rows = list(csv.DictReader(open(os.path.join(run_dir, "samples.csv"))))
    if len(rows) >= 2:
        t0, t1 = float(rows[0]["t"]), float(rows[-1]["t"])
        run["cpu_pct_run"] = (int(rows[-1]["cpu_ticks"]) - int(rows[0]["cpu_ticks"])) / (t1 - t0)
        run["load1_avg"] = statistics.mean(float(r["load1"]) for r in rows)
        run["max_threads"] = max(int(r["threads"]) for r in rows)
        run["max_rss_mb"] = max(int(r["rss_kb"]) for r in rows) / 1024
        if info.get("steady_start") and info.get("steady_end"):
            win = [r for r in rows if info["steady_start"] <= float(r["t"]) <= info["steady_end"]]
            if len(win) >= 2:
                span = float(win[-1]["t"]) - float(win[0]["t"])
                run["cpu_pct_steady"] = (int(win[-1]["cpu_ticks"]) - int(win[0]["cpu_ticks"])) / span
                # What shares the two cores, over the same window (the simulators are gone by the last samples), in
                # % of a core (clock ticks are 1/100 s); and the share of the window in which some task waited for
                # I/O (PSI microseconds). Older samples lack some columns.
                for column, key, per_percent in (("sim_cpu_ticks", "sim_cpu_pct_steady", 1),
                                                 ("db_cpu_ticks", "db_cpu_pct_steady", 1),
                                                 ("fakes_cpu_ticks", "fakes_cpu_pct_steady", 1),
                                                 ("io_stall_us", "io_stall_pct_steady", 1e4)):
                    if win[0].get(column) not in (None, "") and win[-1].get(column) not in (None, ""):
                        run[key] = (int(win[-1][column]) - int(win[0][column])) / span / per_percent
    # Storm: seconds until 99.9% (and 100%) of the fleet had booted, from the progress lines (5 s resolution).
    prog = [progress(p) for p in sorted(glob.glob(os.path.join(run_dir, "sim-*.log")))]
    if prog and all(prog):
        length = min(len(p) for p in prog)
        combined = [(prog[0][i][0], sum(p[i][1] for p in prog), sum(p[i][2] for p in prog)) for i in range(length)]
        n = args.chargers
        run["booted_999_s"] = next((t for t, c, b in combined if b >= 0.999 * n), None)
        run["booted_all_s"] = next((t for t, c, b in combined if b >= n), None)
        run["max_connected"] = max(c for t, c, b in combined)
    return run


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def main():
    ap = argparse.ArgumentParser()
    for a in ("out", "dir", "profile", "jvm", "tag", "commit"):
        ap.add_argument("--" + a, default="")
    for a in ("chargers", "procs"):
        ap.add_argument("--" + a, type=int)
    for a in ("duration", "heartbeat", "meter", "share", "ramp"):
        ap.add_argument("--" + a, type=float)
    args = ap.parse_args()
    runs = [one_run(d, args) for d in sorted(glob.glob(os.path.join(args.dir, "run-*")))]
    names = sorted({a for r in runs for a in r["actions"]}, key=lambda a: ACTIONS.index(a) if a in ACTIONS else 99)
    med = {"actions": {}, "client_steady": {}, "server_steady": {}}
    for a in names:
        med["actions"][a] = {k: median([r["actions"].get(a, {}).get(k) for r in runs])
                             for k in ("count", "errors", "timeouts", "p50", "p95", "p99", "max", "per_s")}
        med["client_steady"][a] = {k: median([r["client_steady"].get(a, {}).get(k) for r in runs])
                                   for k in ("count", "errors", "timeouts", "p50", "p95", "p99", "max", "per_s")}
        med["server_steady"][a] = {k: median([r["server_steady"].get(a, {}).get(k) for r in runs])
                                   for k in ("count", "p50", "p95", "p99", "p999")}
    for k in ("msg_per_s", "connects", "connect_failures", "dropped", "booted", "errors", "timeouts",
              "connected_at_steady_end", "listen_overflows", "hikari_timeouts", "oom", "heap_after_gc_mb", "heap_base_mb",
              "heap_per_charger_kb", "heap_delta_per_charger_kb", "rss_mb", "max_rss_mb", "threads", "max_threads",
              "fds", "cpu_pct_run", "cpu_pct_steady", "sim_cpu_pct_steady",
              "db_cpu_pct_steady", "fakes_cpu_pct_steady", "io_stall_pct_steady", "load1_avg", "booted_999_s", "booted_all_s",
              "max_connected", "balance_checks", "balance_sufficient", "balance_check_mean_ms",
              "payment_links_created", "payment_link_failures", "sessions_ended", "stripe_links_active"):
        med[k] = median([r.get(k) for r in runs])
    report = {"profile": args.profile, "commit": args.commit, "tag": args.tag, "chargers": args.chargers,
              "duration_s": args.duration, "heartbeat_s": args.heartbeat, "meter_s": args.meter,
              "transaction_share": args.share, "ramp_per_s": args.ramp, "simulator_processes": args.procs,
              "jvm_flags": args.jvm, "runs": len(runs), "median": med, "per_run": runs}
    with open(args.out, "w") as f:
        json.dump(report, f, indent=1, default=str)

    print()
    print(f"{args.profile}: {args.chargers} chargers, H={args.heartbeat:g}s M={args.meter:g}s share={args.share:g}, "
          f"{args.duration:g}s/run, ramp {args.ramp:g}/s, {len(runs)} run(s), commit {args.commit} {args.tag}")
    print(f"load average per run: {', '.join('/'.join(r['load_start']) + ' -> ' + '/'.join(r['load_end']) for r in runs)}")
    print("client side, whole run (ramp included), medians over runs:")
    print(f"{'action':<20}{'count':>9}{'errors':>8}{'t/o':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'msg/s':>9}")
    for a in names:
        m = med["actions"][a]
        print(f"{a:<20}{fmt(m['count'], 0):>9}{fmt(m['errors'], 0):>8}{fmt(m['timeouts'], 0):>6}{fmt(m['p50'], 1):>9}"
              f"{fmt(m['p95'], 1):>9}{fmt(m['p99'], 1):>9}{fmt(m['max'], 1):>9}{fmt(m['per_s'], 1):>9}")
    print("steady window (after the ramp, before the drain), medians over runs; client: send to answer, server: "
          "handling (histogram bucket bounds):")
    print(f"{'action':<20}{'count':>9}{'errors':>8}{'t/o':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'msg/s':>9}"
          f"   | server: {'n':>7}{'p50':>7}{'p95':>7}{'p99':>7}")
    for a in names:
        c, s = med["client_steady"].get(a, {}), med["server_steady"].get(a, {})
        if c.get("count") is None and s.get("count") is None:
            continue
        print(f"{a:<20}{fmt(c.get('count'), 0):>9}{fmt(c.get('errors'), 0):>8}{fmt(c.get('timeouts'), 0):>6}"
              f"{fmt(c.get('p50'), 1):>9}{fmt(c.get('p95'), 1):>9}{fmt(c.get('p99'), 1):>9}{fmt(c.get('max'), 1):>9}"
              f"{fmt(c.get('per_s'), 1):>9}   | {'':>7}{fmt(s.get('count'), 0):>7}{fmt(s.get('p50'), 1):>7}"
              f"{fmt(s.get('p95'), 1):>7}{fmt(s.get('p99'), 1):>7}")
    print(f"msg/s {fmt(med['msg_per_s'])}  errors {fmt(med['errors'], 0)}  timeouts {fmt(med['timeouts'], 0)}  "
          f"connect failures {fmt(med['connect_failures'], 0)}  dropped {fmt(med['dropped'], 0)}  booted {fmt(med['booted'], 0)}  "
          f"connected@steady {fmt(med['connected_at_steady_end'], 0)}  listen queue overflows {fmt(med['listen_overflows'], 0)}")
    print(f"heap after GC {fmt(med['heap_after_gc_mb'])} MB (idle server {fmt(med['heap_base_mb'])} MB) = "
          f"{fmt(med['heap_per_charger_kb'], 2)} KB/charger ({fmt(med['heap_delta_per_charger_kb'], 2)} KB above idle); "
          f"RSS {fmt(med['rss_mb'], 0)} MB (max {fmt(med['max_rss_mb'], 0)}); threads {fmt(med['threads'], 0)} "
          f"(max {fmt(med['max_threads'], 0)}); fds {fmt(med['fds'], 0)}")
    print(f"server CPU {fmt(med['cpu_pct_run'], 0)}% of a core over the run, {fmt(med['cpu_pct_steady'], 0)}% steady; "
          f"steady, beside it: simulators {fmt(med['sim_cpu_pct_steady'], 0)}%, MariaDB {fmt(med['db_cpu_pct_steady'], 0)}%, "
          f"anvil + Stripe fake {fmt(med['fakes_cpu_pct_steady'], 0)}%; some task waiting for I/O "
          f"{fmt(med['io_stall_pct_steady'], 0)}% of the time; load1 avg {fmt(med['load1_avg'])}; "
          f"pool timeouts {fmt(med['hikari_timeouts'], 0)}; OOM {fmt(med['oom'], 0)}")
    print(f"balance checks {fmt(med['balance_checks'], 0)} ({fmt(med['balance_sufficient'], 0)} sufficient, mean "
          f"{fmt(med['balance_check_mean_ms'])} ms); sessions ended {fmt(med['sessions_ended'], 0)}, with an active "
          f"Stripe link {fmt(med['stripe_links_active'], 0)}; provider calls failed {fmt(med['payment_link_failures'], 0)}")
    if args.profile == "storm":
        print(f"booted 99.9% after {fmt(med['booted_999_s'], 0)} s, all after {fmt(med['booted_all_s'], 0)} s "
              f"(per run: {[r.get('booted_999_s') for r in runs]})")
    print(f"report: {args.out}")


if __name__ == "__main__":
    main()
