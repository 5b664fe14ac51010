"""The sentence table: every sentence once, in order, agreeing with the document scores."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing.config import Config
from framing.faces.sentences import _check_columns_documented, sentence_columns

SEEDS = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).resolve().parents[1].glob("seeds/*.txt"))]
ODD = ["“We will win this fight for all of us.”", "– Dawn R.", "!!!", "", None, "One line\r\nTwo line\rThree"]


@pytest.fixture(scope="module")
def seed_table() -> pd.DataFrame:
    return framing.sentences(SEEDS, text=True)


def test_every_sentence_once_in_order(seed_table: pd.DataFrame) -> None:
    corpus = framing.segment(SEEDS)
    spans = corpus.sentences
    assert len(seed_table) == len(spans)
    assert seed_table["id"].tolist() == spans.doc.tolist()
    assert seed_table["start"].tolist() == spans.start.tolist() and seed_table["end"].tolist() == spans.end.tolist()
    for row in seed_table.itertuples():
        assert row.text == SEEDS[row.id][row.start : row.end]
    assert (seed_table.groupby("id")["sentence"].apply(lambda s: s.tolist() == list(range(len(s))))).all()


def test_sentence_columns_add_up_to_the_document_scores(seed_table: pd.DataFrame) -> None:
    scores = framing.score(SEEDS)
    by_doc = seed_table.groupby("id")
    for sentence_column, score_column in [("words", "text.words"), ("polysyllables", "text.polysyllables"),
                                          ("figures", "sourcing.figures"), ("dates", "sourcing.dates"),
                                          ("anonymous_sources", "sourcing.anonymous_sources"),
                                          ("document_sources", "sourcing.document_sources"),
                                          ("relations", "sourcing.relations"),
                                          ("unsourced_claim", "sourcing.unsourced_claims")]:  # fmt: skip
        assert by_doc[sentence_column].sum().tolist() == scores[score_column].tolist(), sentence_column
    # the document counts distinct named sources; the sentences count every mention
    assert (by_doc["named_sources"].sum().to_numpy() >= scores["sourcing.named_sources"].to_numpy()).all()
    cues = by_doc["cues"].apply(lambda s: sum(len(c.split("; ")) for c in s if c))
    assert cues.tolist() == scores["sourcing.attributions"].tolist()
    for lex in Config().lexicons:
        for frame in lex.frame_names:
            if lex.sentence_model:  # the model's probability in the sentences it says carry the frame: their share
                share = by_doc[f"{lex.name}.{frame}"].apply(lambda p: (p > 0).mean()).to_numpy()
                np.testing.assert_allclose(share, scores[f"framing.{lex.name}.{frame}"].fillna(0).to_numpy(), rtol=1e-9)
                continue
            per_1000 = by_doc[f"{lex.name}.{frame}"].sum() / by_doc["words"].sum() * 1000
            np.testing.assert_allclose(per_1000, scores[f"framing.{lex.name}.{frame}_score"], rtol=1e-9)
    restated = seed_table.dropna(subset=["restates"])
    assert (restated["restates"] < restated["sentence"]).all() and restated["similarity"].between(0, 1).all()
    from framing.families.boilerplate import LABELS

    assert set(seed_table["boilerplate"]) - {""} <= set(LABELS) and (seed_table["boilerplate"] != "").any()


def test_a_document_never_depends_on_its_neighbours() -> None:
    texts = ODD + SEEDS[1:3]
    together = framing.sentences(texts, batch_size=3, n_jobs=2)
    alone = pd.concat([framing.sentences([t], ids=[i]) for i, t in enumerate(texts)], ignore_index=True)
    pd.testing.assert_frame_equal(together, alone)
    first = together[together["id"] == 0]
    assert not first["in_quote"].any() and first["orphan_quote"].all()  # the next text is not its speaker


def test_bad_documents_keep_one_row_with_their_error() -> None:
    table = framing.sentences(ODD, ids=list("abcdef"))
    errors = table.drop_duplicates("id").set_index("id")["error"]
    assert errors.to_dict() == {"a": None, "b": None, "c": None, "d": "empty text", "e": "missing text", "f": None}
    assert table["id"].drop_duplicates().tolist() == list("abcdef")
    assert table.loc[table["id"] == "e", "sentence"].isna().all()


def test_columns_follow_the_configuration_and_are_documented() -> None:
    config = Config(signals=["sourcing", "framing"], lexicons="immigration")
    table = framing.sentences(SEEDS[:1], config=config)
    assert list(table.columns) == [name for name, _ in sentence_columns(config)]
    assert "words" not in table.columns and "immigration.security" in table.columns
    assert framing.sentences([], signals="style").columns.tolist()[-1] == "error"
    every = [name for name, _ in sentence_columns(Config(), text=True)]
    generic = {f"{lex.name}.{frame}" for lex in Config().lexicons for frame in lex.frame_names}
    assert _check_columns_documented([n for n in every if n not in generic]) == []
