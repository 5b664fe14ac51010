"""Wall time and peak RSS of whole commands, timed from a small launcher process (standard library only).

Linux gives a child the larger of its own peak RSS and that of the memory it was forked from
(``ru_maxrss`` survives ``exec``), so a command spawned by a process that holds numpy, pandas and a
batch of documents would report that process's size. ``benchmarks/speed_all.py`` therefore runs
this file as its own small interpreter::

    python benchmarks/_processes.py '{"commands": {"key": ["argv", ...]}, "runs": 11, "warm_up": true, "cwd": "."}'

and reads one JSON object from its standard output: per command key, every run's seconds, the
median, the largest peak RSS (MiB) and the 1-minute load average before and after the runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def run_once(command: list[str], cwd: str) -> tuple[float, float]:
    """Wall seconds from spawn to exit of ``command`` (output discarded) and its peak RSS (MiB)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, command)
    peak = usage.ru_maxrss / 1024**2 if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return elapsed, peak


def time_processes(commands: dict[str, list[str]], runs: int, *, warm_up: bool, cwd: str) -> dict[str, dict[str, Any]]:
    """``runs`` timings of every command, interleaved run by run (after one untimed run of each
    with ``warm_up``: bytecode compiled, files in the OS's cache)."""
    if warm_up:
        for command in commands.values():
            run_once(command, cwd)
    seconds: dict[str, list[float]] = {key: [] for key in commands}
    peaks: dict[str, list[float]] = {key: [] for key in commands}
    load_before = os.getloadavg()[0]
    for _ in range(runs):
        for key, command in commands.items():
            elapsed, peak = run_once(command, cwd)
            seconds[key].append(elapsed)
            peaks[key].append(peak)
    load_after = os.getloadavg()[0]
    return {
        key: {
            "command": " ".join([Path(commands[key][0]).name, *commands[key][1:]]),
            "seconds_median": statistics.median(seconds[key]),
            "seconds_all": seconds[key],
            "peak_rss_mib": max(peaks[key]),
            "loadavg_1min_before": load_before,
            "loadavg_1min_after": load_after,
        }
        for key in commands
    }


if __name__ == "__main__":
    request = json.loads(sys.argv[1])
    print(
        json.dumps(time_processes(request["commands"], request["runs"], warm_up=request["warm_up"], cwd=request["cwd"]))
    )
