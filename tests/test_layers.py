"""The house's layers, enforced: an import may only go down, and no family imports another.

    core  <  cues  <  families  <  config, pipeline  <  judges, compare  <  faces, textstat  <  framing/__init__

(``compare``, the cross-document layer, sits at the judges' level: it may import core, cues,
families, config, pipeline and judges, never faces. ``textstat``, the textstat-compatible
functions of ``framing.textstat``, sits at the faces' level.)

Imports under ``if TYPE_CHECKING:`` are for type checkers only and are not counted.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"

#: the first part of a module's name under ``framing`` -> its layer
LAYERS = {"core": 0, "cues": 1, "families": 2, "config": 3, "pipeline": 3, "judges": 4, "compare": 4, "faces": 5, "textstat": 5}
TOP = 6  # framing/__init__.py and framing/__main__.py


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int:
    parts = module.split(".")
    if parts[0] != "framing":
        raise ValueError(module)
    if len(parts) == 1 or parts[1] == "__main__":
        return TOP
    return LAYERS[parts[1]]


def family_of(module: str) -> str | None:
    """``framing.families.X...`` -> ``X`` (``base`` is the contract every family shares, not a family)."""
    parts = module.split(".")
    if len(parts) > 2 and parts[:2] == ["framing", "families"] and parts[2] != "base":
        return parts[2]
    return None


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(source: str, module: str, is_package: bool) -> set[str]:
    """The ``framing`` modules ``source`` imports at run time (relative imports resolved)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "framing")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "framing" and all(a.name == "__version__" for a in node.names):
                return  # the version string is defined in framing/__init__.py and imports nothing
            if target.split(".")[0] == "framing":
                found.add(target)
                # `from framing.families import boilerplate` imports the module framing.families.boilerplate
                found.update(f"{target}.{a.name}" for a in node.names if (PACKAGE.parent / f"{target}.{a.name}".replace(".", "/")).exists()
                             or (PACKAGE.parent / (f"{target}.{a.name}".replace(".", "/") + ".py")).exists())
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """Every import of ``source`` (the code of ``module``) that breaks the layering."""
    problems = []
    here, family = layer_of(module), family_of(module)
    for target in sorted(imports(source, module, is_package)):
        if target == "framing":
            if here != TOP:
                problems.append(f"{module} imports the top-level package (import the defining module)")
            continue
        if layer_of(target) > here:
            problems.append(f"{module} (layer {here}) imports {target} (layer {layer_of(target)})")
        other = family_of(target)
        if family and other and other != family:
            problems.append(f"family {module} imports family {target}")
        if family is None and other and here == LAYERS["families"] and module != "framing.families":
            problems.append(f"{module} imports family {target}")
    return problems


def package_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", package_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path: Path) -> None:
    module = module_name(path)
    assert violations(path.read_text(encoding="utf-8"), module, path.name == "__init__.py") == []


def test_every_module_is_in_a_layer() -> None:
    for path in package_modules():
        layer_of(module_name(path))  # raises KeyError for a module outside the named layers


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("framing.families.sourcing", "from framing.families import style"),
        ("framing.families.sourcing", "from framing.families.boilerplate import PatternSet"),
        ("framing.families.boilerplate.rules", "from ..style import compute"),
        ("framing.core.segment", "from framing.cues.lexicon import Lexicon"),
        ("framing.cues.quotes", "import framing.faces.api"),
        ("framing.judges.flags", "from framing.faces.api import score"),
        ("framing.families.style", "import framing"),
        ("framing.families.style", "def f():\n    from framing.judges import norms"),
    ],
)
def test_the_check_catches_a_wrong_import(module: str, source: str) -> None:
    assert violations(source, module) != []


def test_type_checking_imports_are_allowed() -> None:
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from framing.config import Config\n"
    assert violations(source, "framing.families.style") == []


def test_import_framing_is_light() -> None:
    """``import framing`` loads no numerical or data library: the public names load on first use."""
    code = "import sys, framing; heavy = {'numpy', 'pandas', 'scipy', 'sklearn', 'nltk'} & set(sys.modules); print(sorted(heavy))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
