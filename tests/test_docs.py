"""The generated docs agree with what generates them: ``docs/columns.md`` with the families' code,
and every measured number in README.md and docs/*.md with ``benchmarks/results/*.json``.

Both generators only read the package and committed files, so these run on a fresh clone.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "docs" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def validation():
    return _load("make_validation")


def test_pages_generated_from_docstrings_match_the_code() -> None:
    module = _load("make_columns")
    for page, render in module.PAGES.items():
        assert page.read_text(encoding="utf-8") == render(), f"{page.name} is stale: run python docs/make_columns.py"


def test_columns_page_lists_every_column() -> None:
    import framing

    page = (REPO / "docs" / "columns.md").read_text(encoding="utf-8")
    missing = [c for c in framing.columns() if f"`{c}`" not in page]
    assert not missing


@pytest.mark.parametrize("path", [p.relative_to(REPO).as_posix() for p in _load("make_validation").documents()])
def test_generated_numbers_match_their_json(validation, path: str) -> None:
    """Every block between ``<!-- name:begin -->`` and ``<!-- name:end -->`` is what the JSON renders to."""
    text = (REPO / path).read_text(encoding="utf-8")
    unknown = [name for name in validation.blocks_in(text) if name not in validation.BLOCKS]
    assert not unknown, f"{path}: unknown blocks {unknown}"
    assert validation.updated(text) == text, (
        f"{path} differs from benchmarks/results: run python docs/make_validation.py"
    )


def test_every_block_is_used(validation) -> None:
    used = {name for path in validation.documents() for name in validation.blocks_in(path.read_text(encoding="utf-8"))}
    assert set(validation.BLOCKS) - used == set()


def test_a_changed_number_is_caught(validation) -> None:
    """The check can fail: one digit changed inside a generated table makes the page stale."""
    text = (REPO / "docs" / "validation.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- flags_seeds:begin -->.*?<!-- flags_seeds:end -->", text, re.DOTALL).group(0)
    number = re.search(r"\| (\d\.\d{3}) \|", block).group(1)  # a generated score in the seeds table
    tampered = text.replace(block, block.replace(number, f"{float(number) + 0.001:.3f}"))
    assert tampered != text
    assert validation.updated(tampered) != tampered


MEASURED = re.compile(r"(?<![\w.])\d+\.\d{3,}(?![\w.])|(?<![\w.])\d+\.\d+ ?%")


@pytest.mark.parametrize("page", ["README.md", "docs/validation.md", "docs/performance.md"])
def test_no_measured_number_is_typed_by_hand(validation, page: str) -> None:
    """Outside the generated blocks (and code), these pages carry no number that looks measured
    (three or more decimals, or a percentage with decimals): such numbers belong in a block."""
    text = validation.without_blocks((REPO / page).read_text(encoding="utf-8"))
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)
    assert MEASURED.findall(text) == []


#: Pages other work is writing now; the README and the index link to them already.
PENDING: set[str] = set()
_LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize(
    "page", ["README.md", *sorted(p.relative_to(REPO).as_posix() for p in (REPO / "docs").glob("*.md"))]
)
def test_relative_links_resolve(page: str) -> None:
    """Every relative link of the README and the docs points at a file of the repository (and an
    anchor of a generated page at one of its headings)."""
    source = REPO / page
    text = re.sub(r"```.*?```", "", source.read_text(encoding="utf-8"), flags=re.DOTALL)
    broken = []
    for target in _LINK.findall(text):
        if re.match(r"\w+:", target) or target.startswith("#"):
            continue
        path, _, anchor = target.partition("#")
        resolved = (source.parent / path).resolve()
        relative = resolved.relative_to(REPO).as_posix() if resolved.is_relative_to(REPO) else str(resolved)
        if relative in PENDING:
            continue
        if not resolved.exists():
            broken.append(target)
        elif anchor and resolved.name == "columns.md":
            headings = {
                h.strip().lower().replace(" ", "-")
                for h in re.findall(r"^#+ (.*)$", resolved.read_text(encoding="utf-8"), re.MULTILINE)
            }
            if anchor not in headings:
                broken.append(target)
    assert not broken, f"{page}: broken links {broken}"


def test_api_page_signatures_match_the_code() -> None:
    """Each ``- `framing.name(...)``` entry of docs/api.md names exactly the parameters of ``framing.name``."""
    import inspect

    import framing

    page = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    entries = re.findall(r"^- `framing\.(\w+)\((.*?)\)`", page, flags=re.MULTILINE | re.DOTALL)
    assert len(entries) >= 8
    for name, arguments in entries:
        listed = [a.strip().split("=")[0] for a in arguments.replace("\n", " ").split(",")]
        listed = [a for a in listed if a and a != "*"]
        actual = [p for p in inspect.signature(getattr(framing, name)).parameters if p != "self"]
        assert listed == actual, f"docs/api.md: framing.{name}({', '.join(listed)}) but the code has {actual}"
