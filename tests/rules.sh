#!/bin/sh
# House rules that must not rot (STYLE.md): only src/tui.c includes curses;
# no source file past 600 lines; corpus files are read, never mapped (SPEC 1.4:
# a mapped file cut short would kill the reader with SIGBUS).
# usage: rules.sh   (run from tests/)
. ./tap.sh
cd ../src || exit 1
is "$(grep -l -E '#include <(n?curses|term)\.h>' *.c *.h | tr '\n' ' ')" "tui.c " "only tui.c includes curses"
is "$(wc -l *.c *.h | awk '$2 != "total" && $1 > 600 { print $2 }' | tr '\n' ' ')" "" "no source file over 600 lines"
is "$(grep -l 'mmap *(.*fd' *.c | tr '\n' ' ')" "" "no file is mapped"
is "$(grep -c 'mmap *(' corpus.c)" 1 "corpus.c maps memory only (its text blocks)"
grep -A1 'mmap *(' corpus.c | grep -q 'MAP_ANONYMOUS.*-1, 0)'
ok $? "and anonymous"
done_testing
