"""The one configuration of a scoring run: what is computed, with which data.

Everything a score depends on besides the text is in a :class:`Config`: the families, the
readability mode, the frame lexicons, the boilerplate patterns and the length limit. It is frozen,
checked once when it is made, and picklable, so the same object is sent to every worker process
whatever its start method (``fork``, ``spawn``, ``forkserver``): there is no module-level registry
a worker could miss.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from os import PathLike
from typing import TYPE_CHECKING, Any, Union

from framing.core.compat import COMPAT_MODES, check_compat
from framing.core.language import check_language

if TYPE_CHECKING:  # loaded when a Config is made, so that importing this module stays cheap
    from framing.cues.lexicon import Lexicon
    from framing.families.boilerplate import PatternSet

#: The signal families, in output order.
FAMILY_NAMES: tuple[str, ...] = ("readability", "repetition", "boilerplate", "sourcing", "style", "framing")

LexiconLike = Union[str, PathLike, Mapping[str, Any], "Lexicon"]
PatternsLike = Union[str, PathLike, Mapping[str, Any], "PatternSet"]


def _signals(signals: Iterable[str] | str | None) -> tuple[str, ...]:
    if signals is None:
        return FAMILY_NAMES
    if isinstance(signals, str):
        signals = [signals]
    chosen = list(dict.fromkeys(signals))
    unknown = [s for s in chosen if s not in FAMILY_NAMES]
    if unknown or not chosen:
        raise ValueError(f"unknown signal families {unknown}; choose from {list(FAMILY_NAMES)}")
    return tuple(name for name in FAMILY_NAMES if name in chosen)


def _lexicons(chosen: Iterable[LexiconLike] | LexiconLike | None) -> tuple[Lexicon, ...]:
    from framing.cues.lexicon import BUNDLED, Lexicon, load_lexicon

    if chosen is None:
        chosen = BUNDLED
    elif isinstance(chosen, (str, PathLike, Mapping, Lexicon)):
        chosen = [chosen]
    loaded = tuple(load_lexicon(item) for item in chosen)
    names = [lex.name for lex in loaded]
    if not loaded or len(set(names)) != len(names):
        raise ValueError(f"choose at least one frame set, each name once; got {names}")
    return loaded


def _patterns(patterns: PatternsLike | None) -> PatternSet:
    from framing.families.boilerplate import PatternSet, load_patterns

    if isinstance(patterns, PatternSet):
        return patterns
    if patterns is not None and not isinstance(patterns, (str, PathLike, Mapping)):
        raise TypeError(f"patterns must be a path, a mapping or a PatternSet, got {type(patterns).__name__}")
    return load_patterns(patterns)  # None: the shipped patterns; else the shipped ones plus these


@dataclass(frozen=True)
class Config:
    """What a scoring run computes, checked once.

    Parameters
    ----------
    signals : str or list of str, optional
        Families to compute (default: all of :data:`FAMILY_NAMES`, kept in that order).
    compat : {None, "textstat"}, default None
        ``"textstat"`` reproduces textstat 0.7.8's readability numbers.
    lexicons : lexicon or list of lexicons, optional
        Frame sets of the ``framing`` family: bundled names (``"immigration"``, ``"generic"``),
        ``.toml``/``.json`` paths, mappings in the lexicon format or
        :class:`~framing.cues.lexicon.Lexicon` objects (default: the bundled ones).
    patterns : path, mapping or PatternSet, optional
        Boilerplate patterns added to the shipped ones (a JSON file or mapping in the layout of
        ``framing/data/boilerplate_patterns.json``), or a
        :class:`~framing.families.boilerplate.PatternSet` used as is (default: the shipped ones).
    max_chars : int, optional
        Longer texts get an ``error`` instead of scores.
    language : str or sequence of str, optional
        With ``compat="textstat"``: textstat's ``set_lang`` value (default ``"en_US"``; any
        language Pyphen has a dictionary for). In the default mode: ``"auto"`` (the default, also
        for ``None``) detects each text's language, a code (``"en"``, ``"de"``, ``"fr"``, ...)
        declares every text's, a sequence gives one code (or ``"auto"``) per text; the output has a
        ``text.language`` column (see ``docs/languages.md``).

    Examples
    --------
    >>> config = Config(signals=["sourcing", "readability"], patterns={"advertising": ["brought to you by acme"]})
    >>> config.signals
    ('readability', 'sourcing')
    >>> Config(compat="spss")
    Traceback (most recent call last):
    ...
    ValueError: compat must be one of (None, 'textstat'), got 'spss'
    """

    signals: tuple[str, ...] = FAMILY_NAMES
    compat: str | None = None
    lexicons: tuple[Lexicon, ...] = field(default=None)  # type: ignore[assignment]
    patterns: PatternSet = field(default=None)  # type: ignore[assignment]
    max_chars: int | None = None
    language: str | tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        check_compat(self.compat)
        object.__setattr__(self, "language", check_language(self.language, self.compat))
        if self.max_chars is not None and (isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) or self.max_chars < 1):
            raise ValueError(f"max_chars must be a positive integer or None, got {self.max_chars!r}")
        object.__setattr__(self, "signals", _signals(self.signals))
        object.__setattr__(self, "lexicons", _lexicons(self.lexicons))
        object.__setattr__(self, "patterns", _patterns(self.patterns))

    def replace(self, **changes: Any) -> Config:
        """A copy with some fields changed (checked like a new one)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Config(**values)


def make_config(config: Config | None = None, **options: Any) -> Config:
    """``config`` as is, or a new :class:`Config` from keyword options (not both).

    The public functions take either a ready ``config=`` or the options one by one; this is the
    one place they are turned into a checked configuration.
    """
    given = {k: v for k, v in options.items() if v is not None}
    if config is not None:
        if not isinstance(config, Config):
            raise TypeError(f"config must be a framing.Config, got {type(config).__name__}")
        if given:
            raise ValueError(f"pass either config= or {sorted(given)}, not both")
        return config
    return Config(**given)


__all__ = ["COMPAT_MODES", "Config", "FAMILY_NAMES", "make_config"]
