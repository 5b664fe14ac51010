"""The command line as people meet it: options that never take an input, one error style, defaults
in --help, a fast --help, empty inputs that say so, summaries of every file `framing score` writes,
the sentence table streamed with the scores' guarantees."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.faces import stream
from framing.faces.cli import build_parser, main
from framing.faces.summary import read_scores, summarize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REPO = SEEDS.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """12 JSONL records from the seeds (each a few lines), with a source; one bad line, one empty text."""
    lines = []
    for i, p in enumerate(sorted(SEEDS.glob("*.txt"))):
        paragraphs = [x for x in p.read_text(encoding="utf-8").split("\n") if len(x.split()) > 5]
        lines.append({"id": f"a{i}", "source": f"s{i % 2}", "text": "\n".join(paragraphs[:8])})
        lines.append({"id": f"b{i}", "source": f"s{i % 2}", "text": "\n".join(paragraphs[8:14]) or "Short text here."})
    path = tmp_path_factory.mktemp("faces") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in lines:
            handle.write(json.dumps(record) + "\n")
        handle.write("{not json\n")
        handle.write(json.dumps({"id": "empty", "source": "s0", "text": ""}) + "\n")
    return path


def test_options_never_take_an_input(tmp_path, capsys):
    text = tmp_path / "one.txt"
    text.write_text("The mayor said the bridge will open. Critics disagree.", encoding="utf-8")
    for options in (["--keep", "source"], ["--signals", "sourcing"], ["--signals", "sourcing,style"],
                    ["--signals", "sourcing", "--signals", "style"], ["--lexicons", "immigration"]):  # fmt: skip
        args = build_parser().parse_args(["score", *options, str(text)])
        assert args.inputs == [str(text)], options
    args = build_parser().parse_args(["score", "--signals", "sourcing,style", "--signals", "framing", str(text)])
    from framing.faces.cli import flat

    assert flat(args.signals) == ["sourcing", "style", "framing"]
    assert main(["score", "--signals", "sourcing", str(text)]) == 0
    assert "attributions" in capsys.readouterr().out
    assert main(["score", "--signals", "sourcing,nonsense", str(text)]) == 2
    err = capsys.readouterr().err
    assert "framing: error: argument --signals: unknown 'nonsense'" in err


def test_scoring_commands_share_the_config_options():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name in ("score", "report"):
        options = {o for a in commands[name]._actions for o in a.option_strings}
        assert {"--signals", "--lexicons", "--patterns", "--compat"} <= options, name


def test_help_shows_defaults_and_exit_codes():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        text = sub.format_help()
        assert "exit codes" in text and "  0        done" in text and "framing: error:" in text, name
        for action in sub._actions:
            if action.option_strings and action.default not in (None, False, [], "==SUPPRESS==") and action.help:
                assert "default" in sub._get_formatter()._get_help_string(action), (name, action.dest)
    assert (
        "(default: 1,000,000" in commands["score"].format_help().replace("\n", " ").replace("  ", " ")
        or "(default: 1000000)" in commands["score"].format_help()
    )


def test_the_help_knows_every_family():
    from framing.config import FAMILY_NAMES
    from framing.faces import options

    assert options.FAMILY_NAMES == FAMILY_NAMES


def test_help_imports_nothing_heavy():
    code = (
        "import sys\nfrom framing.faces.cli import main\ntry:\n    main(['score', '--help'])\nexcept SystemExit:\n"
        "    pass\nprint(sorted(m for m in ('numpy', 'pandas', 'rich', 'scipy', 'sklearn', 'framing.config') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_one_error_style_and_one_missing_file_message(tmp_path, capsys):
    missing = tmp_path / "nowhere.txt"
    for command in (["score", str(missing)], ["report", str(missing)], ["summary", str(tmp_path / "nowhere.csv")]):
        assert main(command) == 3
        err = capsys.readouterr().err.strip().splitlines()
        assert (
            len(err) == 1 and err[0].startswith("framing: error: ") and err[0].endswith(": no such file or folder")
        ), err
    assert main(["score", "--jobs", "x", str(missing)]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("framing: error: argument --jobs")


def test_empty_inputs_say_so(tmp_path, capsys):
    folder = tmp_path / "empty"
    folder.mkdir()
    assert main(["score", str(folder)]) == 3
    assert "no .txt files in this folder" in capsys.readouterr().err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["score", str(empty)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no documents in" in captured.err and "Empty DataFrame" not in captured.out
    for ext in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"scores.{ext}"
        assert main(["score", str(empty), "-o", str(out), "--flags"]) == 0
        assert "no records in the inputs" in capsys.readouterr().err
        assert main(["summary", str(out)]) == 0
        assert "0 documents" in capsys.readouterr().out
    (tmp_path / "zero.csv").write_bytes(b"")
    assert main(["summary", str(tmp_path / "zero.csv")]) == 0
    assert "no documents" in capsys.readouterr().out


@pytest.mark.parametrize("ext", ["csv", "jsonl", "parquet"])
def test_summary_reads_every_file_score_writes(tmp_path, corpus, ext, capsys):
    out = tmp_path / f"scores.{ext}"
    assert main(["score", str(corpus), "-o", str(out), "--flags", "--keep", "source"]) == 0
    capsys.readouterr()
    frame = read_scores(out)
    assert frame["quality.flagged"].dtype == "boolean"
    tables = summarize(frame)
    assert tables["flagged"][1] == len(frame) - 2  # the bad line and the empty text are not evaluated
    plot = tmp_path / f"summary-{ext}.png"
    assert main(["summary", str(out), "--plot", str(plot)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"{len(frame)} documents, 2 with errors, ")
    assert "flagged" in printed and "by source" in printed
    documents_row = next(line for line in printed.splitlines() if line.startswith("documents "))
    assert documents_row.split()[1:] == ["1", "7", "4"]  # (none): the unreadable line; s0, s1: their records
    assert max(len(line) for line in printed.splitlines()) <= 100
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_balance_only_over_on_topic_documents():
    frame = pd.DataFrame({
        "id": list("abcd"), "source": ["x", "x", "y", "y"],
        "framing.immigration.balance": [0.5, 0.9, -0.2, 0.7],
        "framing.immigration.on_topic": [1.0, 0.0, 0.0, 0.0],
        "error": [None] * 4,
    })  # fmt: skip
    sources = summarize(frame)["sources"]
    assert sources["security_humanitarian_balance"].tolist()[0] == 0.5
    assert pd.isna(sources["security_humanitarian_balance"].tolist()[1])  # y has no on-topic document
    assert sources["framing.immigration.on_topic"].tolist() == [1, 0]


def test_plot_has_no_degenerate_panels(tmp_path):
    pytest.importorskip("matplotlib")
    from framing.faces import summary

    frame = pd.DataFrame({
        "id": list("abc"), "boilerplate.line_share": [0.0, 0.0, 0.0], "readability.flesch_kincaid_grade": [8.0, 9.0, 12.0],
        "error": [None] * 3,
    })  # fmt: skip
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    seen = {}
    real_close = plt.close

    def keep(fig):
        seen["fig"] = fig

    plt.close = keep
    try:
        summary.plot(frame, tmp_path / "p.png", by=None)
    finally:
        plt.close = real_close
    axes = {ax.get_title(): ax for ax in seen["fig"].axes}
    flat_panel = axes["boilerplate.line_share"]
    assert not flat_panel.patches and "all 3 documents: 0" in [t.get_text() for t in flat_panel.texts]
    grade = axes["readability.flesch_kincaid_grade"]
    labels = [t for t in grade.texts if t.get_text().startswith("ref ")]
    xs = sorted(t.xy[0] for t in labels)
    span = grade.get_xlim()[1] - grade.get_xlim()[0]
    assert all(b - a >= 0.06 * span for a, b in zip(xs, xs[1:]))  # reference labels never overlap
    real_close(seen["fig"])


def test_few_documents_one_column_each_many_a_summary(tmp_path, corpus, capsys):
    assert main(["score", str(SEEDS), "--flags"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "\nquality\n" in out and "  flagged " in out
    assert main(["score", str(corpus)]) == 0  # 12 records: more than DOCUMENT_TABLE_MAX
    out = capsys.readouterr().out
    assert "12 documents" in out and "scores.csv" in out
    assert len(out.splitlines()) < 40 and max(len(line) for line in out.splitlines()) <= 100


def _sentences(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else read_scores(path)


@pytest.mark.parametrize("ext", ["csv", "jsonl", "parquet"])
def test_sentences_stream_is_the_sentence_table(tmp_path, corpus, ext, capsys):
    out, sentences = tmp_path / "scores.csv", tmp_path / f"sentences.{ext}"
    args = ["score", str(corpus), "-o", str(out), "--sentences", str(sentences), "--signals", "sourcing,framing"]
    assert main([*args, "--chunk-size", "3"]) == 0
    table = _sentences(sentences)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.startswith('{"')]
    expected = framing.sentences([r["text"] for r in records], ids=[r["id"] for r in records],
                                 signals=["sourcing", "framing"])  # fmt: skip
    good = table[table["id"].isin(expected["id"])].reset_index(drop=True)
    assert good["id"].tolist() == expected["id"].astype(str).tolist()  # every sentence once, in order
    assert good["start"].astype("Int64").tolist() == expected["start"].tolist()
    assert good["attributed"].astype("boolean").fillna(False).tolist() == expected["attributed"].fillna(False).tolist()
    bad = table[~table["id"].isin(expected["id"])]
    assert len(bad) == 1 and bad["error"].notna().all()  # the unreadable line: one row with its reason
    assert not (tmp_path / f"sentences.{ext}.partial").exists() and not (tmp_path / f"sentences.{ext}.lock").exists()
    capsys.readouterr()


def test_sentences_same_bytes_for_any_chunks_jobs_and_after_a_resume(tmp_path, corpus, monkeypatch, capsys):
    def run(name, *extra):
        out, sentences = tmp_path / f"{name}.csv", tmp_path / f"{name}.sentences.jsonl"
        code = main(
            ["score", str(corpus), "-o", str(out), "--sentences", str(sentences), "--signals", "sourcing", *extra]
        )
        return code, out, sentences

    _, _, one = run("one", "--chunk-size", "100")
    _, _, two = run("two", "--chunk-size", "4", "--jobs", "2")
    assert one.read_bytes() == two.read_bytes()
    real, calls = stream.score_chunk, []

    def stop_at_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "score_chunk", stop_at_third)
    code, _, sentences = run("three", "--chunk-size", "4")
    assert code == 130 and not sentences.exists() and (tmp_path / "three.sentences.jsonl.partial").is_dir()
    monkeypatch.setattr(stream, "score_chunk", real)
    code, _, sentences = run("three", "--chunk-size", "4", "--resume")
    assert code == 0 and sentences.read_bytes() == one.read_bytes()
    capsys.readouterr()


def test_sentences_file_may_not_be_the_scores_file(tmp_path, corpus, capsys):
    out = tmp_path / "x.csv"
    assert main(["score", str(corpus), "-o", str(out), "--sentences", str(out)]) == 2
    assert "--sentences" in capsys.readouterr().err


def test_docs_cli_lists_every_option_and_exit_code():
    from framing.faces import options

    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}" in doc, (name, option)
    for code in (options.EXIT_OK, options.EXIT_INTERNAL, options.EXIT_USAGE, options.EXIT_INPUT, options.EXIT_OUTPUT,
                 options.EXIT_BUSY, options.EXIT_INTERRUPTED, options.EXIT_TERMINATED):  # fmt: skip
        assert f"| {code} |" in doc or f"{code}, " in doc or f", {code} |" in doc, code


def test_long_headers_fold_within_their_column():
    from framing.faces.terminal import _fold

    for header in ("abcnews.go.com", "000_381e8b15b645cf75", "corpus.jsonl:12", "x" * 25):
        assert all(0 < len(part) <= 10 for part in _fold(header, 10)), header
        assert "".join(_fold(header, 10)).replace(" ", "") == header.replace(" ", "")


def test_report_of_a_document_that_cannot_be_scored(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["report", str(empty)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no verdict") and "error: empty text" in out and "scores" not in out


def test_register_chooses_the_norms_the_flags_compare_with(tmp_path, capsys):
    news, web = tmp_path / "news.csv", tmp_path / "web.csv"
    assert main(["score", str(SEEDS), "--flags", "-o", str(news)]) == 0
    assert main(["score", str(SEEDS), "--flags", "--register", "web", "-o", str(web)]) == 0
    expected = framing.flag([p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))], register="web")
    got = pd.read_csv(web)
    assert got["quality.score"].round(6).tolist() == expected["quality.score"].round(6).tolist()
    assert got["quality.score"].tolist() != pd.read_csv(news)["quality.score"].tolist()
    assert main(["score", str(SEEDS), "--flags", "--register", "blogs"]) == 2
    assert "framing: error" in capsys.readouterr().err
