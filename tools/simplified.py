"""Traditional to simplified Chinese by assets/traditional_chars.tsv (one character for one), as
the extractor reads it: shared by the generators that take names from traditional-script data."""
from pathlib import Path

_TABLE = Path(__file__).resolve().parent.parent / "assets" / "traditional_chars.tsv"


def simplifier():
    """A function that writes a name in simplified characters."""
    table = {}
    for line in open(_TABLE, encoding="utf-8"):
        if not line.startswith("#"):
            trad, simp = line.rstrip("\n").split("\t")
            table[trad] = simp
    return lambda name: "".join(table.get(c, c) for c in name)
