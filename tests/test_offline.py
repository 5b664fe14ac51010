"""framing must not download anything: score with an empty NLTK data path and no network."""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import socket, sys

    def refuse(*args, **kwargs):
        raise OSError("network blocked by test_offline")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import nltk
    nltk.data.path[:] = [sys.argv[1]]
    import framing

    texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    for compat in (None, "textstat"):
        frame = framing.score(texts + ["Mr. Smith met U.S. officials. It rose 3.5 percent."], compat=compat)
        assert frame["error"].isna().all(), frame["error"]
        assert frame["readability.flesch_kincaid_grade"].notna().all()
    print("offline ok", len(frame))
    """
)


def test_scores_without_nltk_data_or_network(tmp_path, seed_texts):
    from pathlib import Path

    empty = tmp_path / "nltk_data"
    empty.mkdir()
    seeds = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    env = {**os.environ, "NLTK_DATA": str(empty)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(empty), *seeds], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "offline ok 6" in result.stdout
    assert not any(empty.iterdir())  # nothing was downloaded into it
