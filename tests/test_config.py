"""The one configuration: checked once, frozen, picklable, and the only way options reach a family."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pandas as pd
import pytest

import framing
from framing.config import FAMILY_NAMES, Config, make_config
from framing.families.base import Family
from framing.pipeline import FAMILIES

TEXT = "\n\n".join(
    [
        "The council approved the new budget on Tuesday after a long debate, officials said.",
        "Harbor Times Daily Edition",
        "Critics said the plan would raise taxes for families across the county next year.",
    ]
)
MINE = {"navigation": {"line": ["harbor times daily edition"]}}
CLIMATE = {
    "name": "climate",
    "frames": {"alarm": {"cues": {"crisis": 1.0, "catastroph*": 2.0}}, "hope": {"cues": {"solution": 1.0}}},
}


def test_every_family_keeps_the_contract() -> None:
    assert list(FAMILIES) == list(FAMILY_NAMES)
    config = Config()
    for name, family in FAMILIES.items():
        assert isinstance(family, Family), name
        assert family.name == name
        assert len(family.columns(config)) == len(set(family.columns(config)))


def test_config_is_checked_once_and_frozen() -> None:
    config = Config(signals=["sourcing", "readability", "sourcing"], compat="textstat", max_chars=100)
    assert config.signals == ("readability", "sourcing")  # output order, once each
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.compat = None  # type: ignore[misc]
    with pytest.raises(ValueError, match="unknown signal families"):
        Config(signals=["readability", "vibes"])
    with pytest.raises(ValueError, match="compat"):
        Config(compat="spss")
    with pytest.raises(ValueError, match="max_chars"):
        Config(max_chars=0)
    with pytest.raises(ValueError):
        Config(patterns={"sports": ["goal"]})  # unknown category, refused before any work
    with pytest.raises(TypeError):
        Config(patterns=42)
    assert config.replace(compat=None).compat is None and config.compat == "textstat"


def test_options_or_a_config_not_both() -> None:
    config = Config(signals="readability")
    assert make_config(config) is config
    assert make_config(None, signals="readability") == config
    with pytest.raises(ValueError, match="not both"):
        framing.score([TEXT], config=config, signals="sourcing")
    with pytest.raises(TypeError):
        framing.score([TEXT], config={"signals": "readability"})


def test_a_pickled_config_computes_the_same_numbers() -> None:
    config = Config(patterns=MINE, lexicons=[CLIMATE, "immigration"])
    copy = pickle.loads(pickle.dumps(config))
    assert copy == config
    a = framing.score([TEXT], config=config)
    b = framing.score([TEXT], config=copy)
    pd.testing.assert_frame_equal(a, b)
    assert "framing.climate.alarm" in a.columns and "framing.generic.conflict" not in a.columns


def test_patterns_change_only_the_run_they_are_given_to() -> None:
    mine = framing.score([TEXT], signals="boilerplate", patterns=MINE)
    shipped = framing.score([TEXT], signals="boilerplate")
    assert mine["boilerplate.navigation"].tolist() == [1.0]
    assert shipped["boilerplate.navigation"].tolist() == [0.0]
    report = framing.analyze(TEXT, signals="boilerplate", patterns=MINE)
    assert [e.text for e in report.evidence] == ["Harbor Times Daily Edition"]
    assert report.scores["boilerplate.navigation"] == 1.0


def test_patterns_reach_worker_processes() -> None:
    texts = [TEXT] * 6
    alone = framing.score(texts, signals="boilerplate", patterns=MINE)
    workers = framing.score(texts, signals="boilerplate", patterns=MINE, n_jobs=2, batch_size=2)
    pd.testing.assert_frame_equal(alone, workers)
    assert workers["boilerplate.navigation"].tolist() == [1.0] * 6


def test_analyzer_takes_patterns() -> None:
    analyzer = framing.Analyzer(signals="boilerplate", patterns=MINE)
    assert analyzer.patterns is MINE  # the constructor only stores
    X = analyzer.fit_transform([TEXT, TEXT])
    names = list(analyzer.get_feature_names_out())
    assert X[:, names.index("boilerplate.navigation")].tolist() == [1.0, 1.0]
    assert isinstance(analyzer.config_, Config)


def test_command_line_patterns_and_lexicons(tmp_path) -> None:
    from framing.faces.cli import main

    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    patterns = tmp_path / "mine.json"
    patterns.write_text(json.dumps(MINE), encoding="utf-8")
    lexicon = tmp_path / "climate.json"
    lexicon.write_text(json.dumps(CLIMATE), encoding="utf-8")
    out = tmp_path / "scores.csv"
    assert main(["score", str(source), "-o", str(out), "--patterns", str(patterns), "--lexicons", str(lexicon)]) == 0
    frame = pd.read_csv(out)
    assert frame["boilerplate.navigation"].tolist() == [1.0]
    assert "framing.climate.alarm" in frame.columns and "framing.immigration.balance" not in frame.columns


def test_score_takes_a_vocabulary_of_ones_own() -> None:
    from framing.core.vocabulary import Vocabulary

    mine = Vocabulary(max_types=50)
    with_mine = framing.score([TEXT] * 3, vocabulary=mine)
    assert len(mine) > 0  # it was used
    pd.testing.assert_frame_equal(with_mine, framing.score([TEXT] * 3))
    mine.clear()
    assert len(mine) == 0
