"""``python -m framing``: the command line (see :mod:`framing.faces.cli`)."""

from framing.faces.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
