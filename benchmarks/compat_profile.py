"""Where the time of one ``framing.score(texts, signals="readability", compat="textstat")`` call
goes on the English batch of ``speed_all`` (issue 12): cProfile of one call, and a per-stage timer.

The batch is ``benchmarks/_batch.build_batch(--docs)`` (2,000 distinct news-length documents by
default), as ``speed_all.py``'s ``compat-1`` runs time it. Every repeat scores with a new
:class:`~framing.core.vocabulary.Vocabulary` (the *new vocabulary* case of the benchmark; the
warm-up texts of ``_batch.warmup_documents`` first, as ``speed_readability.time_framing`` does).

Stages: the whole call (wall and CPU seconds), and the same work step by step on the pipeline's
batches (segmentation, code points, character classes, ``textstat_counts``,
``textstat_formulas``, lines and paragraphs, the family's column dictionary, the DataFrame), plus
the lines of ``textstat_counts`` that cost the most (a ``sys.settrace`` line timer: its own
overhead is about a microsecond a line, small next to the numpy calls it times). The minimum over
``--repeats`` is reported (the machine is shared), with the 1-minute load before and after.

    PYTHONPATH=. python benchmarks/compat_profile.py [--docs 2000] [--repeats 5] [--output PATH]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import linecache
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results" / "compat_profile.json"


def _line_timer(codes: set) -> tuple[Counter, object]:
    """A ``sys.settrace`` function that adds the time of every line of the code objects ``codes``
    to a counter keyed by ``(file, line)``."""
    spent: Counter = Counter()

    def tracer(frame, event, arg):
        if frame.f_code not in codes:
            return None
        last = {"line": frame.f_lineno, "t": time.perf_counter()}

        def local(frame, event, arg):
            now = time.perf_counter()
            spent[(frame.f_code.co_filename, last["line"])] += now - last["t"]
            last["line"] = frame.f_lineno
            last["t"] = time.perf_counter()
            return local

        return local

    return spent, tracer


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))

    import framing
    from benchmarks import _batch
    from framing.config import make_config
    from framing.core.segment import segment
    from framing.core.vocabulary import Vocabulary
    from framing.families import readability
    from framing.families.readability import textstat as ts
    from framing.pipeline import DEFAULT_BATCH_SIZE, _jobs

    texts = _batch.build_batch(args.docs)
    warmup = _batch.warmup_documents()
    load_before = os.getloadavg()[0]

    def fresh() -> Vocabulary:
        vocabulary = Vocabulary()
        framing.score(warmup, signals="readability", compat="textstat", vocabulary=vocabulary)
        return vocabulary

    def call(vocabulary: Vocabulary):
        return framing.score(texts, signals="readability", compat="textstat", vocabulary=vocabulary)

    # the whole call
    walls, cpus = [], []
    for _ in range(args.repeats):
        vocabulary = fresh()
        start, start_cpu = time.perf_counter(), time.process_time()
        call(vocabulary)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)

    # step by step, on the pipeline's batches
    config = make_config(None, signals="readability", compat="textstat")
    jobs = _jobs(texts, config, DEFAULT_BATCH_SIZE)
    stage_names = ("segment", "codepoints", "char_classes", "textstat_counts", "textstat_formulas",
                   "lines_paragraphs", "family_compute_rest", "dataframe")  # fmt: skip
    stages: dict[str, list[float]] = {name: [] for name in stage_names}
    for _ in range(args.repeats):
        vocabulary = fresh()
        spent = dict.fromkeys(stage_names, 0.0)
        parts = []
        for batch, _config in jobs:
            t0 = time.perf_counter()
            corpus = segment(batch, max_chars=config.max_chars, vocabulary=vocabulary, blank_ok=True)
            t1 = time.perf_counter()
            corpus.codepoints  # noqa: B018 (cached: the later stages find it)
            t2 = time.perf_counter()
            corpus.char_classes  # noqa: B018
            t3 = time.perf_counter()
            counts = ts.textstat_counts(corpus, "en_US")
            t4 = time.perf_counter()
            ts.textstat_formulas(counts, "en_US")
            t5 = time.perf_counter()
            corpus.lines.per_doc(corpus.n_docs), corpus.paragraphs.per_doc(corpus.n_docs)
            t6 = time.perf_counter()
            parts.append(readability.compute(corpus, compat="textstat"))  # counts again: subtract them
            t7 = time.perf_counter()
            for name, seconds in zip(stage_names, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)):
                spent[name] += seconds
            spent["family_compute_rest"] += max(0.0, (t7 - t6) - (t5 - t3))
        t8 = time.perf_counter()
        import pandas as pd

        data = {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}
        pd.DataFrame(data, columns=list(data))
        spent["dataframe"] = time.perf_counter() - t8
        for name, seconds in spent.items():
            stages[name].append(seconds)

    # the lines of textstat_counts and textstat_formulas
    codes = {ts.textstat_counts.__code__, ts.textstat_formulas.__code__}
    line_runs: list[Counter] = []
    for _ in range(min(args.repeats, 3)):
        vocabulary = fresh()
        spent, tracer = _line_timer(codes)
        sys.settrace(tracer)
        try:
            call(vocabulary)
        finally:
            sys.settrace(None)
        line_runs.append(spent)
    keys = set().union(*line_runs)
    lines = {key: min(run.get(key, 0.0) for run in line_runs) for key in keys}
    top_lines = [
        {"file": Path(f).relative_to(REPO).as_posix() if f.startswith(str(REPO)) else f, "line": n,
         "ms": round(s * 1000, 2), "code": linecache.getline(f, n).strip()[:120]}
        for (f, n), s in sorted(lines.items(), key=lambda kv: -kv[1])[:30]
    ]  # fmt: skip

    # cProfile of one call
    vocabulary = fresh()
    profile = cProfile.Profile()
    profile.enable()
    call(vocabulary)
    profile.disable()
    stream = io.StringIO()
    pstats.Stats(profile, stream=stream).sort_stats("tottime").print_stats(25)
    top_functions = []
    for (file, line, name), (_cc, ncalls, tottime, cumtime, _callers) in sorted(
        pstats.Stats(profile).stats.items(), key=lambda kv: -kv[1][2]
    )[:25]:
        where = Path(file).relative_to(REPO).as_posix() if file.startswith(str(REPO)) else Path(file).name
        top_functions.append({"function": f"{where}:{line}({name})", "calls": ncalls,
                              "tottime_ms": round(tottime * 1000, 2), "cumtime_ms": round(cumtime * 1000, 2)})  # fmt: skip

    n_chars = sum(map(len, texts))
    result = {
        "script": "benchmarks/compat_profile.py",
        "framing_file": framing.__file__,
        "docs": len(texts),
        "characters": n_chars,
        "batches": len(jobs),
        "repeats": args.repeats,
        "call_wall_s_min": min(walls),
        "call_wall_s_all": walls,
        "call_cpu_s_min": min(cpus),
        "call_cpu_s_all": cpus,
        "microseconds_per_doc_wall_min": min(walls) / len(texts) * 1e6,
        "docs_per_s_wall_best": len(texts) / min(walls),
        "stages_ms_min": {name: round(min(values) * 1000, 2) for name, values in stages.items()},
        "top_lines_ms_min": top_lines,
        "top_functions_tottime": top_functions,
        "load_average_1min_before": round(load_before, 2),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k not in ("top_functions_tottime",)}, indent=1))
    return result


if __name__ == "__main__":
    main()
