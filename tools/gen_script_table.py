#!/usr/bin/env python3
"""Generate assets/traditional_chars.tsv: traditional Chinese characters and their simplified form.

Source: OpenCC's TSCharacters.txt and STCharacters.txt dictionaries as shipped in PyPI opencc-python-reimplemented 0.1.7
(Apache-2.0). Only one-to-one pairs whose two characters take the same number of UTF-8 bytes are
kept: the extractor reads a traditional text through this table without moving any offset.
A character that simplified text uses as well (乾, 於: a reading of its own, or a key of
STCharacters) is left out, so that the table's characters mark a text as traditional.

Run:  pip download opencc-python-reimplemented==0.1.7 --no-deps && unzip the wheel, then
      python3 tools/gen_script_table.py <unpacked wheel>/opencc/dictionary
"""
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "traditional_chars.tsv"


def main():
    folder = Path(sys.argv[1])
    simplified_too = {line.split("\t")[0]
                      for line in (folder / "STCharacters.txt").read_text(encoding="utf-8").splitlines()}
    pairs = []
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        readings = parts[1].split(" ")
        trad, simp = parts[0], readings[0]
        if len(trad) == 1 and len(simp) == 1 and trad not in readings \
                and trad not in simplified_too \
                and len(trad.encode()) == len(simp.encode()):
            pairs.append((trad, simp))
    pairs.sort()
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# traditional\tsimplified (OpenCC TSCharacters, first reading; see SOURCES.md)\n")
        for trad, simp in pairs:
            f.write(f"{trad}\t{simp}\n")
    print(f"{len(pairs)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
