#!/usr/bin/env python3
"""Writes assets/common_words.txt: two-character words of jieba's dictionary that are frequent
common nouns, verbs, adjectives or adverbs (frequency >= 2000). A "given name" that is one of
them (高水平: 水平) marks a dictionary phrase, not a person.

usage: python3 tools/gen_common_words.py <jieba-rs>/src/data/dict.txt > assets/common_words.txt
"""
import sys

GENERIC_TAGS = {"n", "v", "a", "vn", "ad", "d", "an", "b", "l", "i"}

words = []
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 3 and len(parts[0]) == 2 and int(parts[1]) >= 2000 and parts[2] in GENERIC_TAGS:
        words.append(parts[0])
print("# frequent two-character common words of jieba-rs 0.11.0 src/data/dict.txt (MIT); tools/gen_common_words.py")
for w in sorted(set(words)):
    print(w)
