"""textstat 0.7.8's test suite run on framing (see ``shim.py``).

Two of its assertions fail for textstat 0.7.8 itself with the Pyphen the project installs (its
expected Spanish values predate a change in Pyphen's ``es`` dictionary); framing reproduces
textstat's actual numbers there, so the two are expected to fail, strictly
(``tests/test_textstat_suite.py`` checks that framing equals textstat's own value on them).
Left out: ``backend/utils/test_get_typed_cache.py``, which checks textstat's lru caches
(framing keeps no per-function caches).
"""

from __future__ import annotations

import pytest

#: textstat 0.7.8's own failures (run its suite against the installed textstat to see them)
TEXTSTAT_OWN_FAILURES = {
    "backend/metrics/test_flesch_reading_ease.py::test_flesch_reading_ease[text6-es_ES-86.778]",
    "textstat/test_set_lang.py::test_set_lang[es_ES-172]",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.split("textstat_078/", 1)[-1] in TEXTSTAT_OWN_FAILURES:
            item.add_marker(pytest.mark.xfail(strict=True, reason="textstat 0.7.8 itself fails this with the installed Pyphen"))
