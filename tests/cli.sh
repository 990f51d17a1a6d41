#!/bin/sh
# The command line of SPEC 2: modes, selections, errors and exit statuses.
# usage: cli.sh FAYAN   (run from tests/)
fayan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. ./tap.sh
export LC_ALL=C.UTF-8
unset COLUMNS NO_COLOR
seed=../assets/anqing-2020.txt
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

run() { # run ARGS... : sets $out, $err, $rc
	"$fayan" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?; out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
}

run --json - "$seed" -
case $rc:$err in "2:fayan: standard input ('-') may be named once"*) ok 0 "fayan - -: a usage error (SPEC 2)" ;;
	*) ok 1 "fayan - -: a usage error (SPEC 2)" ;; esac
run --list "$tmp/missing.txt"
is "$rc" 1 "missing file: exit 1"
is "$err" "fayan: $tmp/missing.txt: No such file or directory" "missing file: one-line error"

mkdir "$tmp/nothing"
run --list "$tmp/nothing"
is "$rc" 1 "a directory without *.txt files: exit 1"
is "$err" "fayan: $tmp/nothing: no *.txt files under it" "a directory without *.txt files: one-line error"

: >"$tmp/empty.txt"
run --list "$tmp/empty.txt"
is "$rc" 1 "empty file: exit 1"
is "$err" "fayan: $tmp/empty.txt: empty file" "empty file: one-line error"

printf '只有一行正文。\n还有一行。\n' >"$tmp/prose.txt"
run --print "$tmp/prose.txt"
is "$rc" 1 "no speeches: exit 1"
is "$err" "fayan: $tmp/prose.txt: no speeches found" "no speeches: one-line error"
run --check "$tmp/prose.txt"
is "$rc" 1 "--check on a file with no speeches: exit 1"
is "$(echo "$out" | grep error)" "$tmp/prose.txt: error: no speeches found; the layouts fayan knows are bold own-line name-first run-in delegate subtitle attribution reported (--layout=NAME forces one)" "--check says why, naming the layouts"

run --list "$tmp/missing.txt" "$seed"
is "$rc" 0 "a missing file among several: the rest are shown"
is "$(echo "$out" | head -1)" "市委组织部" "and listed"
is "$err" "fayan: $tmp/missing.txt: No such file or directory" "the missing one reported"

run --list -d 市人社局 "$seed"
is "$out" "$(printf '市人社局\n  聂立新 局长')" "-d restricts --list"
run --list -d 不存在 "$seed"
is "$rc" 2 "unknown department: usage error"
case $err in *--list*) ok 0 "with a hint to run --list" ;; *) ok 1 "with a hint to run --list: $err" ;; esac
run --print -s 不存在 "$seed"
is "$rc" 2 "unknown speaker: usage error"

run --print -s 黄震 --width=60 "$seed"
is "$(echo "$out" | sed -n 3,4p)" "$(printf '正视问题 找准差距\n黄震 · 安庆经开区党工委委员、管委会副主任')" "-s restricts --print"
is "$(echo "$out" | grep -c ' · ')" 1 "to one speech"

run --print --width=1 "$seed"
is "$rc" 2 "width below 2: usage error"
run --print --width=abc "$seed"
is "$rc" 2 "width not a number: usage error"
run --ambiguous=3 "$seed"
is "$rc" 2 "bad --ambiguous: usage error"
run --encoding=NO-SUCH-ENCODING "$seed"
is "$rc" 2 "unknown encoding: usage error"
run --list --json "$seed"
is "$rc" 2 "two modes: usage error"
run --bogus
is "$rc" 2 "unknown option: usage error"
run --help
is "$rc" 0 "--help exits 0"
case $out in Usage:*--department*) ok 0 "--help describes the options" ;; *) ok 1 "--help" ;; esac
run --version
is "$out" "fayan 0.1.0" "--version"

run "$seed"
"$fayan" --print "$seed" >"$tmp/print" 2>/dev/null
is "$out" "$(cat "$tmp/print")" "stdout not a terminal and no mode: as --print"
COLUMNS=30 "$fayan" --print "$seed" | cmp -s - "$tmp/print"
is $? 1 "COLUMNS changes the default width"
is "$(COLUMNS=30 "$fayan" --print "$seed" | md5sum)" "$("$fayan" --print --width=30 "$seed" | md5sum)" "COLUMNS=30 equals --width=30"

run --list "$seed" "$seed"
is "$(echo "$out" | grep -c '^市委组织部$')" 1 "departments of the same name merge across files"
is "$(echo "$out" | grep -c '聂立新')" 2 "a speaker is listed once per department"
run --json "$seed" "$seed"
is "$(echo "$out" | grep -o '"path"' | wc -l)" 2 "two collections in --json"

printf '题\n嘉宾**甲**:一段。\n' >"$tmp/nodept.txt"
run --list "$seed" "$tmp/nodept.txt"
is "$(echo "$out" | tail -2)" "$(printf '(未分部门)\n  甲 嘉宾')" "speeches without a department come last"

printf '题\n局长**甲\033]0;pwned\007**:正文\033[2J里有\033[31m转义。\n' >"$tmp/esc.txt"
run --print "$tmp/esc.txt"
case $out in *"$(printf '\033')"*) ok 1 "no escape byte reaches --print output" ;; *) ok 0 "no escape byte reaches --print output" ;; esac
case $out in *␛*) ok 0 "ESC shown as ␛" ;; *) ok 1 "ESC shown as ␛" ;; esac
run --list "$tmp/esc.txt"
case $out in *"$(printf '\033')"*) ok 1 "nor --list output" ;; *) ok 0 "nor --list output" ;; esac

# Far more than a pipe holds (64 KiB): fayan must meet the closed pipe.
set -- ; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do set -- "$@" "$seed"; done
"$fayan" --print "$@" 2>"$tmp/pipe.err" | head -1 >/dev/null
is "$(cat "$tmp/pipe.err")" "" "--print | head ends quietly (nothing on stderr)"
( "$fayan" --print "$@" 2>/dev/null; echo $? >"$tmp/pipe.rc" ) | head -1 >/dev/null
is "$(cat "$tmp/pipe.rc")" 141 "and by SIGPIPE, fayan's own status"
set --

# A full disk: every printing mode says so and exits 1.
for mode in --print --list --json --check --grep=十四五; do
	"$fayan" "$mode" "$seed" >/dev/full 2>"$tmp/full.err"
	rc=$?
	is "$rc" 1 "$mode to a full disk: exit 1"
	grep -q "^fayan: write error: No space left on device$" "$tmp/full.err"; ok $? "$mode to a full disk: says why"
done
# ... and so do --help, --version and --layout=list (issue 22.14).
for opt in --help --version --layout=list; do
	"$fayan" "$opt" >/dev/full 2>"$tmp/full.err"
	is "$?:$(cat "$tmp/full.err")" "1:fayan: write error: No space left on device" "$opt to a full disk: exit 1, and why"
done

# A real GB18030 locale is left alone, and the printing modes write GB18030
# (the locale is built here, from Debian's locales package).
if localedef -i zh_CN -f GB18030 "$tmp/zh_CN.GB18030" 2>/dev/null; then
	LOCPATH=$tmp LC_ALL=zh_CN.GB18030 "$fayan" --json "$seed" | iconv -f GB18030 -t UTF-8 >"$tmp/gb.json"
	"$fayan" --json "$seed" | cmp -s - "$tmp/gb.json"
	ok $? "GB18030 locale: --json is written in GB18030 (the same text once converted)"
	# wcwidth in that locale makes “ ” two columns, as --ambiguous=2 does
	LOCPATH=$tmp LC_ALL=zh_CN.GB18030 "$fayan" --print --width=60 "$seed" | iconv -f GB18030 -t UTF-8 >"$tmp/gb.txt"
	"$fayan" --print --width=60 --ambiguous=2 "$seed" | cmp -s - "$tmp/gb.txt"
	ok $? "GB18030 locale: --print is GB18030 and wraps by the locale's widths"
else
	echo "ok $((n + 1)) # SKIP no locales package to build zh_CN.GB18030"; n=$((n + 1))
fi

# -d and -s take a part of a name that picks out one (SPEC 2).
run --list -d 筑梦 "$seed"
is "$(echo "$out" | head -1)" "市筑梦新区" "-d 筑梦 picks 市筑梦新区"
run --print -s 叶 "$seed"
is "$(echo "$out" | sed -n 4p)" "叶霁 · 安庆经开区经发局副局长" "-s 叶 picks 叶霁"
run --print -s 王 "$seed"
is "$rc" 2 "-s 王 is ambiguous: a usage error"
case $err in *"王珏, 王书明"*) ok 0 "which lists the candidates" ;; *) ok 1 "which lists the candidates" ;; esac
run --list -d 不存在 "$seed"
is "$rc" 2 "-d with no match: a usage error"
# -d and -s restrict --json too, fold 繁简, and a pair that selects no
# speech is a usage error (SPEC 2).
run --json -d 人社 "$seed"
is "$(printf '%s' "$out" | grep -o '"speaker":' | wc -l)" 1 "-j -d 人社: only 市人社局's one speech"
run --list -d 人社 -s 杨 "$seed"
is "$rc:$err" "2:fayan: no speech of 杨旭东 is in 市人社局
Try 'fayan --help' for more information." "-d 人社 -s 杨 selects nothing: a usage error"
run --print -s 聶 "$seed"
is "$rc:$(echo "$out" | sed -n 4p)" "0:聂立新 · 市委组织部副部长、市人社局局长" "-s 聶 (Traditional) finds 聂立新"
# a candidate list quotes the corpus as the screen shows it: no escape reaches stderr
printf '题\n\n标题\n\n局长**张\033]0;OWNED\007三**:一。\n\n标题\n\n局长**张四**:二。\n' >"$tmp/esc.txt"
run --list -s 张 "$tmp/esc.txt"
case $err in *$(printf '\033')*) ok 1 "-s candidates on stderr carry no escape" ;;
	*"matches 2 speakers"*) ok 0 "-s candidates on stderr carry no escape" ;;
	*) ok 1 "-s candidates on stderr carry no escape ($err)" ;; esac
# The user's word lists add to the built-in ones (--lexicon FILE, else
# $XDG_CONFIG_HOME/fayan/lexicon.txt); a bad line is reported and skipped.
printf '题\n\n甲村\n\n村务监督员 某甲\n\n　　村里的事大家管。\n\n乙村\n\n村务监督员 某乙\n\n　　我们一起来。\n' >"$tmp/village.txt"
run --json "$tmp/village.txt"
case $rc:$out in 0:*'"speaker":"某甲"'*'"speaker":"某乙"'*) ok 0 "without the user's words, the page's pattern reads both speakers" ;;
	*) ok 1 "without the user's words, the page's pattern reads both speakers" ;; esac
run --check "$tmp/village.txt"
case $out in *"village.txt:5: warning: speaker line (own-line) taken by the page's pattern: \"某甲\" has no known surname"*)
	ok 0 "--check says which line the pattern took, and the word no list holds" ;;
	*) ok 1 "--check says which line the pattern took, and the word no list holds" ;; esac
printf '[surname]\n某\n[role]\n村务监督员\n' >"$tmp/words.txt"
run --json --lexicon="$tmp/words.txt" "$tmp/village.txt"
case $out in *'"speaker":"某甲"'*'"speaker":"某乙"'*) ok 0 "--lexicon adds a surname and a role: two speeches" ;;
	*) ok 1 "--lexicon adds a surname and a role: two speeches" ;; esac
mkdir -p "$tmp/config/fayan" && cp "$tmp/words.txt" "$tmp/config/fayan/lexicon.txt"
XDG_CONFIG_HOME=$tmp/config run --json "$tmp/village.txt"
is "$rc" 0 "and so does \$XDG_CONFIG_HOME/fayan/lexicon.txt"
printf '[surname]\n某\n[no-such-list]\nx\n[role]\n村务监督员\n' >"$tmp/bad-words.txt"
run --json --lexicon="$tmp/bad-words.txt" "$tmp/village.txt"
is "$rc:$err" "0:fayan: $tmp/bad-words.txt:3: not a known [section]; its entries are skipped" \
	"a bad section is reported with file and line, and the rest still counts"
# a --config or --lexicon name is shown as the screen shows text (issue 22.9)
evil=$(printf '%s/x\033]0;OWNED\007y' "$tmp")
run --list --config="$evil" "$seed"
case $err in *$(printf '\033')*) ok 1 "--config: no escape from its name reaches stderr" ;;
	*"No such file"*) ok 0 "--config: no escape from its name reaches stderr" ;;
	*) ok 1 "--config: no escape from its name reaches stderr ($err)" ;; esac
cp "$tmp/bad-words.txt" "$evil"
run --list --lexicon="$evil" "$seed"
case $err in *$(printf '\033')*) ok 1 "--lexicon: no escape from its name in a line's error" ;;
	*"not a known [section]"*) ok 0 "--lexicon: no escape from its name in a line's error" ;;
	*) ok 1 "--lexicon: no escape from its name in a line's error ($err)" ;; esac
run --json --lexicon="$tmp/no-such-file.txt" "$tmp/village.txt"
is "$rc" 1 "a --lexicon that cannot be read is an error"
# Near misses (SPEC 1.5): a line of the page's speaker-line shape left as
# text is named, with why; so is every line the page's pattern took.
printf '题\n\n守正创新\n市歌舞剧院艺术总监  蹇卫东\n　　艺术要扎根人民。\n\n市歌舞剧院首席演员  禤丽华\n　　她的话在这里。\n\n城市更新\n市住建局局长  王建国\n　　以人为本。\n\n乡村振兴\n县委书记  刘晓梅与王五与赵六\n　　关键在人。\n' >"$tmp/near.txt"
run --check "$tmp/near.txt"
case $out in *"near.txt:4: warning: speaker line (own-line) taken by the page's pattern: \"艺术总监\" is no known role; add it under [role] in a --lexicon file"*)
	ok 0 "--check: the pattern took line 4, whose role no list holds" ;;
	*) ok 1 "--check: the pattern took line 4, whose role no list holds" ;; esac
case $out in *"near.txt:7: warning: looks like a speaker line (own-line) but does not stand where"*)
	ok 0 "--check: a speaker-shaped line in the wrong place is a near miss" ;;
	*) ok 1 "--check: a speaker-shaped line in the wrong place is a near miss" ;; esac
case $out in *"near.txt:15: warning: looks like a speaker line (own-line) but no name of two to four characters can be cut from"*)
	ok 0 "--check: a line under a headline with no name to cut is a near miss" ;;
	*) ok 1 "--check: a line under a headline with no name to cut is a near miss" ;; esac
# a line of a marked layout's shape, alone on the page and in no list, is
# named, not silently left in the speech before
printf '审议发言摘登\n\n**邗思代表**（某县巡河员）：报告实事求是。\n\n**眭朗委员**（某市讲解员）：建议加大投入。\n\n**粘岚**（某镇调音师）：养老服务要做细。\n' >"$tmp/alone.txt"
run --check "$tmp/alone.txt"
case $out in *"alone.txt:7: warning: looks like a speaker line (name-first) but is the only line of its layout on the page"*)
	ok 0 "--check: a name-first line alone among delegates is a near miss" ;;
	*) ok 1 "--check: a name-first line alone among delegates is a near miss ($out)" ;; esac
run --layout=name-first --json "$tmp/alone.txt"
case $out in *'"speaker":"粘岚"'*) ok 0 "--layout=name-first takes the line the warning names" ;;
	*) ok 1 "--layout=name-first takes the line the warning names ($out)" ;; esac
# the role named is what a list would hold: 社员 of 合作社社员, not 员
printf '题\n\n某合作社社员 邗思：今年收成好。\n\n某剧院首席演员 禤丽华：她的话在这里。\n' >"$tmp/role.txt"
run --check "$tmp/role.txt"
case $out in *"role.txt:3: warning: speaker line (run-in) taken by the page's pattern: \"社员\" is no known role"*)
	ok 0 "--check: the unknown role of 合作社社员 is 社员" ;;
	*) ok 1 "--check: the unknown role of 合作社社员 is 社员 ($out)" ;; esac
# The configuration (SPEC 6): --dump-config prints what is in force, in the
# file's syntax; a wrong line is reported with file and line and skipped.
run --dump-config
is "$rc" 0 "--dump-config: exit 0"
case $out in *"set text-width 80"*"bind q quit"*"color match black yellow"*) ok 0 "--dump-config: the defaults, in the file's syntax" ;;
	*) ok 1 "--dump-config: the defaults, in the file's syntax" ;; esac
printf 'set list-width 28\nbind x quit\nset list-width wide\nunbind q\ncolor department red default bold\n' >"$tmp/config/fayan/config"
XDG_CONFIG_HOME=$tmp/config run --dump-config
is "$rc:$err" "0:fayan: $tmp/config/fayan/config:3: invalid value 'wide' for list-width (a number of columns; 0: in proportion to the terminal)" \
	"\$XDG_CONFIG_HOME/fayan/config is read; a wrong line is reported with file and line"
case $out in *"set list-width 28"*"bind x quit"*"unbind q"*"color department red default bold"*) ok 0 "the rest of the file is in force" ;;
	*) ok 1 "the rest of the file is in force" ;; esac
XDG_CONFIG_HOME=$tmp/config run --no-config --dump-config
case $rc:$err:$out in "0::"*"bind q quit"*) ok 0 "--no-config reads none" ;; *) ok 1 "--no-config reads none" ;; esac
printf 'set mouse off\n' >"$tmp/other.conf"
XDG_CONFIG_HOME=$tmp/config run --config "$tmp/other.conf" --ambiguous=2 --dump-config
case $out in *"set ambiguous 2"*"set mouse off"*"bind q quit"*) ok 0 "--config FILE instead of the user's; the command line's options over it" ;;
	*) ok 1 "--config FILE instead of the user's; the command line's options over it" ;; esac
run --config "$tmp/no-such.conf" --dump-config
is "$rc:$err" "1:fayan: $tmp/no-such.conf: No such file or directory" "a --config that cannot be read is an error"
XDG_CONFIG_HOME=$tmp/config run --list "$seed"
is "$rc" 0 "a configuration with a wrong line: fayan still runs"
# A directory is every *.txt under it, in natural order, hidden entries
# skipped; an empty file among them is reported and the rest shown.
mkdir -p "$tmp/lib/sub" "$tmp/lib/.hidden"
for f in 第10期 第2期 sub/第1期 .hidden/第3期; do cp "$seed" "$tmp/lib/$f.txt"; done
cp "$seed" "$tmp/lib/.第4期.txt"; cp "$seed" "$tmp/lib/第5期.md"; : >"$tmp/lib/empty.txt"
run --json "$tmp/lib"
is "$rc:$err" "0:fayan: $tmp/lib/empty.txt: empty file" "a directory: exit 0, its empty file reported"
is "$(printf '%s' "$out" | grep -o '"path":"[^"]*"' | tr '\n' ' ')" \
	"\"path\":\"$tmp/lib/empty.txt\" \"path\":\"$tmp/lib/sub/第1期.txt\" \"path\":\"$tmp/lib/第2期.txt\" \"path\":\"$tmp/lib/第10期.txt\" " \
	"its *.txt files recursively, in natural order; hidden and other files left out"
ln -s .. "$tmp/lib/sub/loop"
run --list "$tmp/lib" "$seed"
is "$rc" 0 "a symlink loop is walked once"
# --by: --list and --print in the screen's orders (SPEC 3.6).
run --list --by=page "$seed"
is "$(printf '%s\n' "$out" | sed -n '1p;2p;6p' | tr '\n' '|')" \
	"我市考察团对标长三角先发地区考察活动之讨论发言摘要|  聂立新 市委组织部副部长、市人社局局长|  梅静 市数据资源管理局副局长|" \
	"--list --by=page: the collection's title, its speakers as the page has them"
run --list --by=speaker "$seed"
is "$(printf '%s\n' "$out" | sed -n '1,2p' | tr '\n' '|')" "聂立新|  市委组织部副部长、市人社局局长 · 打造就业创业“暖心城市”|" \
	"--list --by=speaker: a person, then their speeches"
for by in department page speaker; do
	run --print --by=$by --width=60 "$seed"
	is "$rc:$(printf '%s\n' "$out" | grep -c ' · ')" "0:14" "--print --by=$by: each of the 14 speeches once"
done
run --print --width=60 "$seed"; plain=$out
run --print --by=page --width=60 "$seed"
[ "$out" = "$plain" ]; ok $? "--print is in page order unless told"
run --list --by=alphabet "$seed"
is "$rc" 2 "--by=alphabet: a usage error"
# 繁简 folding (SPEC 3.2): 發展 finds 发展, and a Traditional page is found
# by a Simplified term; without OpenCC's data, said once, and nothing folds.
run --grep 发展 --width=80 "$seed"; simplified=$out
run --grep 發展 --width=80 "$seed"
[ "$rc" = 0 ] && [ -n "$out" ] && [ "$out" = "$simplified" ]; ok $? "--grep 發展 gives what --grep 发展 does"
printf '題\n\n**王國強**：推動高質量發展。\n' >"$tmp/trad.txt"
run --grep 发展 --layout=bold "$tmp/trad.txt"
case $out in *"王國強"*"高質量發展。"*) ok 0 "--grep 发展 finds 發展 in a Traditional page, shown as written" ;;
	*) ok 1 "--grep 发展 finds 發展 in a Traditional page, shown as written" ;; esac
FAYAN_OPENCC_CONFIG=/nonexistent/t2s.json run --grep 發展 "$seed"
is "$rc:$out:$err" "0::fayan: 繁简 folding is off: OpenCC's data files were not found" \
	"OpenCC's data missing: fayan still works, and says once that folding is off"
# Zero-width format characters are not sent to the terminal (SPEC 3.5), by
# --print and --grep too; they stay in the JSON.
printf '题\n\n标题\n\n市财政局局长**王强**：甲\342\200\215乙\342\200\213丙\357\273\277丁。\n' >"$tmp/zw.txt"
run --print "$tmp/zw.txt"
case $out in *甲乙丙丁*) ok 0 "--print leaves out ZWJ, ZWSP and BOM" ;; *) ok 1 "--print leaves out ZWJ, ZWSP and BOM" ;; esac
run --grep 丙 "$tmp/zw.txt"
case $out in *甲乙丙丁*) ok 0 "--grep too" ;; *) ok 1 "--grep too" ;; esac
run --json "$tmp/zw.txt"
case $out in *"甲"$(printf '\342\200\215')"乙"*) ok 0 "the JSON keeps them" ;; *) ok 1 "the JSON keeps them" ;; esac
# A file of 4 MiB or more (read into 2 MiB pages, its halves by two
# threads) gives what the same text gives through a pipe (read as it
# comes), and read from where standard input's offset stands.
i=0; while [ $i -lt 300 ]; do cat "$seed"; i=$((i + 1)); done >"$tmp/large.txt"
run --json "$tmp/large.txt"
whole=$out
is "$rc" 0 "a large file: exit 0"
cat "$tmp/large.txt" | "$fayan" --json - >"$tmp/read" 2>/dev/null
test "$whole" = "$(sed "s|\"-\"|\"$tmp/large.txt\"|g" "$tmp/read")"
ok $? "a large file gives what a pipe gives (--json)"
tail -n +2 "$tmp/large.txt" | "$fayan" --json - >"$tmp/piped" 2>/dev/null
{ read -r first; "$fayan" --json - >"$tmp/read" 2>/dev/null; } <"$tmp/large.txt"
test -s "$tmp/read" && cmp -s "$tmp/piped" "$tmp/read"
ok $? "a large standard input read from its offset on, as a pipe of the same gives it"
printf '\357\273\277' >"$tmp/large-bom.txt"; cat "$tmp/large.txt" >>"$tmp/large-bom.txt"
run --print "$tmp/large-bom.txt"
bom=$out
run --print "$tmp/large.txt"
test -n "$out" && test "$bom" = "$out"
ok $? "a large file with a BOM: the BOM dropped, the text the same"

done_testing

