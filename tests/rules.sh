#!/bin/sh
# House rules that must not rot (STYLE.md): only src/tui.c includes curses;
# no source file past 600 lines; no mmap of corpus files (SPEC 1.4).
# usage: rules.sh   (run from tests/)
. ./tap.sh
cd ../src || exit 1
is "$(grep -l -E '#include <(n?curses|term)\.h>' *.c *.h | tr '\n' ' ')" "tui.c " "only tui.c includes curses"
is "$(wc -l *.c *.h | awk '$2 != "total" && $1 > 600 { print $2 }' | tr '\n' ' ')" "" "no source file over 600 lines"
is "$(grep -l 'mmap *(' *.c | tr '\n' ' ')" "" "no file is mapped"
done_testing
