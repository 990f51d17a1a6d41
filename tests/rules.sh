#!/bin/sh
# House rules that must not rot (STYLE.md): only src/tui.c includes curses;
# no source file past 600 lines; corpus files mapped only by mapfile.c, whose
# SIGBUS handler ends a printing mode cleanly when a file is cut short, and
# never for the screen (SPEC 1.4 asks for read(); see mapfile.h for why not).
# usage: rules.sh   (run from tests/)
. ./tap.sh
cd ../src || exit 1
is "$(grep -l -E '#include <(n?curses|term)\.h>' *.c *.h | tr '\n' ' ')" "tui.c " "only tui.c includes curses"
is "$(wc -l *.c *.h | awk '$2 != "total" && $1 > 600 { print $2 }' | tr '\n' ' ')" "" "no source file over 600 lines"
is "$(grep -l 'mmap *(.*fd' *.c | tr '\n' ' ')" "mapfile.c " "only mapfile.c maps a file"
is "$(grep -c 'mmap *(' corpus.c)" 1 "corpus.c maps memory only (its text blocks)"
grep -A1 'mmap *(' corpus.c | grep -q 'MAP_ANONYMOUS.*-1, 0)'
ok $? "and anonymous"
is "$(grep -l 'mapfile_map *(' *.c | tr '\n' ' ')" "load.c mapfile.c " "and only load calls it"
grep -q 'load_all(.*, !screen);' main.c
ok $? "the screen never maps (main hands load_all !screen)"
done_testing
