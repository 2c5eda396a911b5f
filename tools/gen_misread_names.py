#!/usr/bin/env python3
"""Writes assets/misread_names.txt: words of jieba's dictionary tagged as persons' names (nr)
that CC-CEDICT has only as common words (every entry's pinyin in lower case): 洪水 "flood",
明白 "to understand". A name the learned model finds that is one of them is no person.

usage: python3 tools/gen_misread_names.py <jieba-rs>/src/data/dict.txt CEDICT_GZ > assets/misread_names.txt
"""
import gzip
import re
import sys

jieba_dict, cedict = sys.argv[1], sys.argv[2]

readings = {}
with gzip.open(cedict, "rt", encoding="utf-8") as f:
    for line in f:
        m = re.match(r"(\S+) (\S+) \[([^]]*)\] /(.*)/$", line.strip())
        if m and not line.startswith("#"):
            readings.setdefault(m.group(2), []).append(m.group(3))

words = set()
for line in open(jieba_dict, encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 3 and parts[2] == "nr" and 2 <= len(parts[0]) <= 4:
        pinyins = readings.get(parts[0])
        if pinyins and all(not p[:1].isupper() for p in pinyins):
            words.add(parts[0])

print("# jieba-rs 0.11.0 dict.txt words tagged nr that CC-CEDICT has only in lower case; tools/gen_misread_names.py")
for w in sorted(words):
    print(w)
