#!/usr/bin/python3
"""Proves --json loses and duplicates nothing: rebuilds the source's text from
the JSON and compares. usage: reassemble.py SOURCE LEXICON < json

The source's non-blank lines, trimmed, with each speaker line's ** and colon
and each byline's prefix taken out, must equal, in order, what the JSON gives:
title, then per speech headline, posts, speaker, paragraphs, reporter; the
pull quotes, lifted out of the text, must be exactly the lines left over."""
import json, re, sys
from collections import Counter

source, lexicon = sys.argv[1], sys.argv[2]
prefixes, section = [], None
for line in open(lexicon, encoding="utf-8"):
    line = line.strip()
    if line.startswith("["):
        section = line[1:line.index("]")]
    elif line and not line.startswith("#") and section == "byline":
        prefixes.append(line)
prefixes.sort(key=len, reverse=True)

data = json.load(sys.stdin)["collections"][0]
rebuilt = [data["title"] or ""]
pulled = Counter()
for s in data["speeches"]:
    rebuilt += [s["headline"] or "", s["title"], s["speaker"]] + s["paragraphs"]
    rebuilt.append(s["reporter"] or "")
    pulled.update(s["pullquotes"])
rebuilt = "".join(rebuilt)

src, leftover = [], Counter()
pq_lines = {r["line"] for s in data["speeches"] for r in s["repairs"] if r["kind"] == "pullquote"}
for no, line in enumerate(open(source, encoding="utf-8").read().split("\n"), 1):
    line = line.strip(" \t\u3000")
    if not line:
        continue
    if no in pq_lines:
        leftover[line] += 1
        continue
    line = re.sub(r"\*\*(.+?)\*\*\s*[::]\s*", r"\1", line, count=1)
    for p in prefixes:
        if line.startswith(p):
            line = line[len(p):].strip()
            break
    src.append(line)
src = "".join(src)

errors = 0
if src != rebuilt:
    i = next((k for k in range(min(len(src), len(rebuilt))) if src[k] != rebuilt[k]), None)
    print("# text differs at character", i, repr(src[i - 10:i + 10] if i else ""), "vs",
          repr(rebuilt[i - 10:i + 10] if i else ""))
    errors += 1
if leftover != pulled:
    print("# pull quotes differ:", dict(leftover), dict(pulled))
    errors += 1
print("# %d characters rebuilt, %d pull quotes" % (len(rebuilt), sum(pulled.values())))
sys.exit(1 if errors else 0)
