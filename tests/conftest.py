from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five founding articles shipped in ``seeds/``."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))}
