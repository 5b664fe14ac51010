"""Languages by default (issue 19): detection, one language per text, the string column in every
consumer, and the German/French/Spanish attribution cues of the sourcing family."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import framing
from framing.config import Config
from framing.faces.cli import main
from framing.families import sourcing

GERMAN = ("Die Regierung hat am Montag neue Regeln beschlossen, sagte ein Sprecher. Die Preise steigen laut "
          "Bericht weiter, und die Opposition ist mit der Lage nicht zufrieden.")  # fmt: skip
FRENCH = ("Le gouvernement a adopté de nouvelles règles, a déclaré le ministre. Selon lui, les prix vont "
          "baisser et la situation est claire pour tous les habitants de la ville.")  # fmt: skip
SPANISH = ("El gobierno aprobó nuevas normas el lunes, dijo un portavoz. Según el informe, los precios "
           "seguirán subiendo y la oposición no está contenta con la situación.")  # fmt: skip
ENGLISH = "The government approved new rules on Monday, a spokesman said. Prices will keep rising, the report says."


def test_detected_by_default_and_declared_skips_detection():
    frame = framing.score([GERMAN, FRENCH, SPANISH, ENGLISH, "Hi."])
    assert frame["text.language"].tolist() == ["de", "fr", "es", "en", "und"]
    assert frame["text.language"].dtype == object
    declared = framing.score([GERMAN, ENGLISH], language="en")
    assert declared["text.language"].tolist() == ["en", "en"]
    assert Config().language == "auto" and Config(language=None).language == "auto"


def test_english_and_undetermined_rows_are_measured_as_english():
    texts = [ENGLISH, "Hi.", "Tap here"]
    auto, declared = framing.score(texts), framing.score(texts, language="en")
    names = framing.columns()
    np.testing.assert_array_equal(auto[names].to_numpy(float), declared[names].to_numpy(float))


def test_one_language_per_text_and_independence():
    frame = framing.score([GERMAN, GERMAN, ENGLISH], language=["de", "fr", None])
    assert frame["text.language"].tolist() == ["de", "fr", "en"]
    alone = framing.score([GERMAN], language=["de"])
    names = framing.columns()
    np.testing.assert_array_equal(frame.loc[[0], names].to_numpy(float), alone[names].to_numpy(float))
    # a row's scores never depend on its neighbours or the batch size
    small = framing.score([GERMAN, GERMAN, ENGLISH], language=["de", "fr", "auto"], batch_size=1)
    pd.testing.assert_frame_equal(small, frame)
    with pytest.raises(ValueError, match="2 entries but there are 3 texts"):
        framing.score([GERMAN, GERMAN, ENGLISH], language=["de", "fr"])


def test_a_bad_per_row_code_is_that_rows_error():
    frame = framing.score([GERMAN, ENGLISH], language=["German", "en"])
    assert "unknown language code 'German'" in frame.loc[0, "error"]
    assert frame.loc[0, framing.columns()].isna().all() and frame.loc[1, "error"] is None
    with pytest.raises(ValueError, match="unknown language code"):
        framing.score([GERMAN], language="German")


def test_unsupported_declared_language_keeps_language_free_columns_only():
    row = framing.score(['"Ceci est une longue citation ici," 12 13.'], language="ja").iloc[0]
    assert row["text.language"] == "ja" and row["text.words"] > 0
    assert np.isnan(row["sourcing.attributions"]) and np.isnan(row["readability.flesch_reading_ease"])
    assert row["sourcing.figures"] == 2


def test_sourcing_cues_per_language():
    frame = framing.score([GERMAN, FRENCH, SPANISH, ENGLISH], signals="sourcing")
    assert frame["sourcing.attributions"].tolist()[:3] == [2.0, 2.0, 2.0]
    assert frame["sourcing.anonymous_sources"].tolist()[:3] == [1.0, 0.0, 1.0]
    english_only = [c for c in sourcing.COLUMNS if c not in (*sourcing.CUE_LANGUAGE_COLUMNS, *sourcing.ANY_LANGUAGE_COLUMNS)]
    assert frame.loc[:2, english_only].isna().all().all()
    assert frame.loc[3, english_only].notna().all()
    report = framing.analyze(GERMAN, signals="sourcing")
    assert [e.text for e in report.evidence if e.code == "attribution"] == ["sagte", "laut"]
    assert report.scores["text.language"] == "de"


def test_consumers_of_the_string_column(tmp_path):
    frame = framing.score([GERMAN, ENGLISH, None], norms=True)
    assert "text.language.pct" not in frame and frame["text.language"].tolist() == ["de", "en", None]
    flags = framing.flag([GERMAN, ENGLISH], keep_scores=True)
    assert flags["text.language"].tolist() == ["de", "en"]
    analyzer = framing.Analyzer().fit([ENGLISH, GERMAN, FRENCH, SPANISH] * 3)
    assert "text.language" not in list(analyzer.feature_names_out_)
    assert analyzer.transform([GERMAN, ENGLISH]).dtype == np.float64
    source = tmp_path / "in.jsonl"
    records = [{"id": 1, "text": GERMAN, "lang": "de"}, {"id": 2, "text": ENGLISH}, {"id": 3, "text": FRENCH, "lang": "xx1"}]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    for suffix in (".csv", ".jsonl", ".parquet"):
        out = tmp_path / f"out{suffix}"
        assert main(["score", str(source), "--language-field", "lang", "-o", str(out), "--signals", "sourcing"]) == 0
        rows = {".csv": pd.read_csv, ".jsonl": lambda p: pd.read_json(p, lines=True), ".parquet": pd.read_parquet}[suffix](out)
        assert rows["text.language"].tolist()[:2] == ["de", "en"], suffix
        assert "unknown language code" in rows["error"].tolist()[2]
    out = tmp_path / "fr.csv"
    assert main(["score", str(source), "--language", "fr", "-o", str(out), "--signals", "readability"]) == 0
    assert pd.read_csv(out)["text.language"].tolist() == ["fr", "fr", "fr"]
    # resume of the same command keeps the parts; another language is another run
    assert main(["score", str(source), "--language", "fr", "-o", str(out), "--signals", "readability", "--resume"]) == 0


def test_compat_mode_has_no_language_column_and_one_language():
    frame = framing.score([GERMAN], compat="textstat", language="de")
    assert "text.language" not in frame
    with pytest.raises(ValueError, match="one language for the batch"):
        framing.score([GERMAN], compat="textstat", language=["de"])
