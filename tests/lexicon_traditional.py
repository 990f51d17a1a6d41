#!/usr/bin/python3
"""The word lists in Traditional characters too (SPEC 1.5, 3.2): a page printed
in Traditional characters names its speakers with 張, 局長, 書記, and the
parser reads it through the same lists. Each listed section ends with a block
of the Traditional forms of its entries, as OpenCC's s2t, s2tw and s2hk
configurations write them (libopencc, through ctypes).

usage: tests/lexicon_traditional.py LEXICON          checks (TAP): every form is there
       tests/lexicon_traditional.py LEXICON --write  rewrites the blocks
Without libopencc or its data the check is skipped, as fayan's folding is."""
import ctypes, sys

SECTIONS = ["byline", "role", "org-suffix", "dept-suffix", "place-prefix", "prefix-end",
            "compound", "role-prefix", "surname", "name-stop", "designation", "speech-verb",
            "dateline", "preamble", "trailer", "group", "subtitle-tail", "attribution", "not-name",
            "person-noun"]
CHARS = {"not-name", "person-noun"}
MARK = "# Traditional forms (tests/lexicon_traditional.py --write):"
CONFIGS = ("s2t.json", "s2tw.json", "s2hk.json")


def converters():
    try:
        lib = ctypes.CDLL("libopencc.so.1.1")
    except OSError:
        return None
    lib.opencc_open.restype = ctypes.c_void_p
    lib.opencc_open.argtypes = [ctypes.c_char_p]
    lib.opencc_convert_utf8.restype = ctypes.c_void_p
    lib.opencc_convert_utf8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.opencc_convert_utf8_free.argtypes = [ctypes.c_void_p]
    ods = [lib.opencc_open(c.encode()) for c in CONFIGS]
    if any(od in (None, ctypes.c_void_p(-1).value) for od in ods):
        return None

    def convert(text):
        forms = []
        for od in ods:
            b = text.encode()
            p = lib.opencc_convert_utf8(od, b, len(b))
            forms.append(ctypes.cast(p, ctypes.c_char_p).value.decode())
            lib.opencc_convert_utf8_free(p)
        return forms
    return convert


def sections(lines):
    """(name, first line, end line) of each section."""
    heads = [(i, l.split("]")[0][1:]) for i, l in enumerate(lines) if l.startswith("[")]
    for k, (i, name) in enumerate(heads):
        yield name, i, heads[k + 1][0] if k + 1 < len(heads) else len(lines)


def own_entries(lines, name):
    """A section's entries before its Traditional block, in order."""
    out = []
    for l in lines:
        if l.startswith(MARK):
            break
        if l.startswith("#") or l.startswith("["):
            continue
        out.extend(l.replace(" ", "") if name in CHARS else l.split())
    return out


def traditional(convert, name, entries):
    have, forms = set(entries), []
    for e in entries:
        for f in convert(e):
            for w in (f if name in CHARS else [f]):
                if w not in have:
                    have.add(w)
                    forms.append(w)
    return forms


def block(name, forms):
    out, line = [MARK], ""
    for f in forms:
        sep = "" if name in CHARS else " "
        if line and len(line) + len(sep) + len(f) > 36:
            out.append(line)
            line = ""
        line += (sep if line else "") + f
    if line:
        out.append(line)
    return out


def main():
    path, write = sys.argv[1], "--write" in sys.argv[2:]
    convert = converters()
    if convert is None:
        print("1..0 # SKIP libopencc or its data cannot be opened")
        return 0
    lines = open(path, encoding="utf-8").read().split("\n")
    first = next(i for i, l in enumerate(lines) if l.startswith("["))
    out, missing, count = lines[:first], [], 0
    for name, start, end in sections(lines):
        body = lines[start:end]
        if name not in SECTIONS:
            out.extend(body)
            continue
        entries = own_entries(body, name)
        forms = traditional(convert, name, entries)
        listed = set(own_entries_all(body, name))
        missing += ["[%s] %s" % (name, f) for f in forms if f not in listed]
        count += len(forms)
        kept = [l for l in body[:next((i for i, l in enumerate(body) if l.startswith(MARK)),
                                      len(body))]]
        while kept and kept[-1] == "":
            kept.pop()
        out.extend(kept + (block(name, forms) if forms else []) + [""])
    if write:
        while out and out[-1] == "":
            out.pop()
        open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
        print("%d Traditional forms written" % count)
        return 0
    print("1..1")
    if missing:
        print("not ok 1 - every entry's Traditional forms are listed (%d missing: %s …)"
              % (len(missing), ", ".join(missing[:5])))
        print("# run tests/lexicon_traditional.py assets/lexicon.txt --write")
        return 1
    print("ok 1 - every entry's Traditional forms are listed (%d forms)" % count)
    return 0


def own_entries_all(lines, name):
    """Every entry of a section, its Traditional block included."""
    out = []
    for l in lines:
        if l.startswith("#") or l.startswith("["):
            continue
        out.extend(l.replace(" ", "") if name in CHARS else l.split())
    return out


if __name__ == "__main__":
    sys.exit(main())
