#!/usr/bin/env python3
"""Generate assets/world_cities.tsv: cities the world's time zones are named after, in English and
Chinese (莫斯科 Moscow, 雅加达 Jakarta), from CLDR's exemplar cities.

Source: npm cldr-dates-modern 45.0.0, main/en and main/zh timeZoneNames.json (Unicode-3.0). The
English name is CLDR's exemplar city where it gives one, else the zone id's last part. Left out:
Antarctic stations and the sub-zones of US states (named after counties and towns such as
`Center`), cities whose English name is shorter than four letters, and cities the division table
already has (上海, 香港); a name that is an ordinary word or a person's name far more often
(AMBIGUOUS below: Phoenix, Darwin, 万象) is left empty and the city keeps its other name.

Run:  npm pack cldr-dates-modern@45.0.0 && tar xzf cldr-dates-modern-45.0.0.tgz
      python3 tools/gen_world_cities.py package/main
"""
import json
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
# Names that are ordinary words or people's names far more often than these cities in news.
AMBIGUOUS = {"Regina", "Resolute", "Phoenix", "Stanley", "Darwin", "Oral", "Chita", "Hobart",
             "Lindeman", "Jersey", "Kirov", "Dawson", "Creston", "Nome", "Thule", "Canary",
             "Bahia", "Santiago", "Lome", "Wake", "Easter", "Christmas", "Midway", "Stanley",
             "万象", "达尔文", "凤凰城", "威克"}
SKIP_PREFIXES = (("Antarctica",), ("Arctic",), ("Etc",), ("America", "Indiana"),
                 ("America", "Kentucky"), ("America", "North_Dakota"))


def zones(tree, path=()):
    for key, value in tree.items():
        if isinstance(value, dict):
            if "exemplarCity" in value or "long" in value or "short" in value:
                yield path + (key,), value.get("exemplarCity")
            else:
                yield from zones(value, path + (key,))


def main():
    main_dir = Path(sys.argv[1])
    load = lambda lang: json.loads((main_dir / lang / "timeZoneNames.json").read_text(encoding="utf-8"))[
        "main"][lang]["dates"]["timeZoneNames"]["zone"]
    en = dict(zones(load("en")))
    zh = dict(zones(load("zh")))
    known = set()
    for line in (ASSETS / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            cols = line.split("\t")
            known.update(cols[1:3])
    rows = []
    for path, zh_name in zh.items():
        if not zh_name or any(path[:len(p)] == p for p in SKIP_PREFIXES):
            continue
        en_name = en.get(path) or path[-1].replace("_", " ")
        if zh_name in known:
            continue
        # An ambiguous or too short name is left out; the city keeps its other one.
        if len(en_name) < 4 or en_name in AMBIGUOUS:
            en_name = ""
        if len(zh_name) < 2 or zh_name in AMBIGUOUS:
            zh_name = ""
        if not en_name and not zh_name:
            continue
        rows.append(("/".join(path), zh_name, en_name))
    rows.sort()
    with (ASSETS / "world_cities.tsv").open("w", encoding="utf-8") as f:
        f.write("# time zone id\tchinese\tenglish (CLDR exemplar cities; see SOURCES.md)\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} cities")


if __name__ == "__main__":
    main()
