#!/usr/bin/env python3
"""Prints each action's p99 of the CSMS beside the bare responder's, measured in the same runs, and their ratio.

Reads <dir>/run-N/sim-*.json (the CSMS) and <dir>/run-N/bare/sim-*.json (the ceiling); figures are medians over the
runs, of the whole run and of its measurement window (the chargers already connected). Writes the table to stdout and
the figures to --out as JSON.
"""
import argparse
import glob
import json
import os
import statistics

ACTIONS = ["WebSocket handshake", "BootNotification", "StatusNotification", "Authorize", "StartTransaction",
           "Heartbeat", "MeterValues", "StopTransaction"]


def p99s(report, part):
    actions = report["actions"] if part == "run" else (report.get("window") or {}).get("actions", [])
    figures = {a["action"]: a["p99Ms"] for a in actions}
    if part == "run":
        figures["WebSocket handshake"] = report["handshake"]["p99Ms"]
    return figures, sum(a["errors"] for a in actions) + report.get("connectFailures", 0)


def worst(files, part):
    """The worst p99 per action over one run's simulator processes (each process measures its own chargers)."""
    merged, errors = {}, 0
    for f in files:
        figures, errs = p99s(json.load(open(f)), part)
        errors += errs
        for action, value in figures.items():
            merged[action] = max(value, merged.get(action, 0))
    return merged, errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    runs = sorted(glob.glob(os.path.join(args.dir, "run-*")))
    result = {}
    for part in ("run", "window"):
        csms_runs, bare_runs, csms_errors, bare_errors = [], [], [], []
        for run in runs:
            csms, ce = worst(glob.glob(os.path.join(run, "sim-*.json")), part)
            bare, be = worst(glob.glob(os.path.join(run, "bare", "sim-*.json")), part)
            csms_runs.append(csms); bare_runs.append(bare); csms_errors.append(ce); bare_errors.append(be)
        title = "whole run" if part == "run" else "measurement window (chargers already connected)"
        print(f"\np99 latency, ms, median of {len(runs)} run(s), {title}")
        print(f"{'action':22} {'CSMS':>10} {'ceiling':>10} {'ratio':>8}")
        rows = {}
        for action in ACTIONS:
            c = [r[action] for r in csms_runs if action in r]
            b = [r[action] for r in bare_runs if action in r]
            if not c or not b:
                continue
            cm, bm = statistics.median(c), statistics.median(b)
            ratio = cm / bm if bm > 0 else float("inf")
            rows[action] = {"csms_p99_ms": cm, "ceiling_p99_ms": bm, "ratio": ratio, "csms_per_run": c,
                            "ceiling_per_run": b}
            print(f"{action:22} {cm:10.1f} {bm:10.1f} {ratio:8.1f}")
        print(f"errors per run: CSMS {csms_errors}, ceiling {bare_errors}")
        result[part] = {"actions": rows, "csms_errors": csms_errors, "ceiling_errors": bare_errors}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
