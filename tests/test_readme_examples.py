"""The code examples of the README and the docs run, as a reader would run them.

Each page's ``python`` blocks run in order in one namespace, in a temporary folder that holds the
repository's ``seeds/``; a fenced block right after ``<!-- file: NAME -->`` is written to NAME
first (the TOML or JSON files the examples load), and a block right after ``<!-- not run: why -->``
is skipped (it needs a cluster or data a clone does not have). Also: the README's test command is
the one CI runs.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The pages whose examples run here; a new page with examples is one more line.
PAGES = [
    "README.md",
    "docs/api.md",
    "docs/lexicons.md",
    "docs/norms.md",
    "docs/scaling.md",
    "docs/evidence.md",
    "docs/sentences.md",
    "docs/vocabulary.md",
]

_FENCE = re.compile(r"(?:<!-- (file|not run): ?([^>]*?) -->\n)?```(\w*)\n(.*?)```", re.DOTALL)


def blocks(page: str) -> list[tuple[str | None, str, str, str]]:
    """(directive, argument, language, code) of every fenced block of ``page``, in order."""
    text = (REPO / page).read_text(encoding="utf-8")
    return [(m.group(1), m.group(2) or "", m.group(3), m.group(4)) for m in _FENCE.finditer(text)]


@pytest.mark.parametrize("page", PAGES)
def test_examples_run(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").symlink_to(REPO / "seeds")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__example__"}
    ran = 0
    for directive, argument, language, code in blocks(page):
        if directive == "file":
            (tmp_path / argument.strip()).write_text(code, encoding="utf-8")
        elif language == "python" and directive != "not run":
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                exec(compile(code, f"{page}:example", "exec"), namespace)  # noqa: S102
            ours = [w for w in caught if "ConvergenceWarning" in type(w.message).__name__
                    or str(REPO) in str(w.filename)]  # fmt: skip
            assert not ours, f"{page}: the example warns: {[str(w.message) for w in ours]}"
            ran += 1
    assert ran or page == "docs/scaling.md", f"{page} has no runnable example"


def test_every_python_block_of_the_pages_is_run_or_says_why() -> None:
    for page in PAGES:
        for directive, argument, _language, _ in blocks(page):
            if directive == "not run":
                assert argument.strip(), f"{page}: say why a block is not run"


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install = re.search(r"^(python3 -m venv \.venv && \.venv/bin/pip install -e \S+ && \.venv/bin/python -m pytest.*)$",
                        readme, re.MULTILINE)  # fmt: skip
    assert install, "the README lost its test command"
    assert install.group(1) in ci, "README's test command differs from .ci/run's"


def test_the_examples_run_from_the_repository_root_too() -> None:
    assert (REPO / "seeds").is_dir() and any((REPO / "seeds").glob("*.txt"))
    assert os.path.exists(REPO / "LICENSE")
