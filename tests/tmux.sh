#!/bin/sh
# End-to-end screen tests: the real binary in a real terminal emulator (tmux).
# Each screens/NAME.keys script is played into fayan running in tmux at the
# script's size, and the whole screen tmux shows must equal screens/NAME.screen,
# the screen the in-memory test renders: every row, so nothing stray is left.
# usage: tmux.sh FAYAN   (run from tests/)
fayan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. ./tap.sh
export LC_ALL=C.UTF-8
unset NO_COLOR COLUMNS LINES
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
sock=fayan-test-$$
. ./tmuxlib.sh
tmx_start_server
# Each case remembers its place in its own state directory, unless told.
case_no=0
start() { # start COLS ROWS ARGS...
	cols=$1 rows=$2; shift 2
	case_no=$((case_no + 1))
	tmx kill-session -t t 2>/dev/null
	tmx new-session -d -s t -x "$cols" -y "$rows" \
		"${TERM_FOR:+TERM=$TERM_FOR }XDG_STATE_HOME=${STATE:-$tmp/state-$case_no} $fayan --ambiguous=1 $*; sleep 30"
}

# mouse BUTTON ROW COL: the bytes a terminal sends for a mouse event, in the
# encoding TERM asks for: X10 (kmous=\E[M, tmux's own TERM) or SGR (\E[<,
# xterm-256color). BUTTON 0 press, 3 release, 64/65 wheel up/down.
mouse() {
	if [ "${MOUSE_SGR:-}" ]; then
		b=$1 end=M; [ "$1" = 3 ] && b=0 end=m
		tmx send-keys -t t -H $(printf '\033[<%d;%d;%d%s' "$b" $(($3 + 1)) $(($2 + 1)) "$end" | od -An -tx1)
	else
		tmx send-keys -t t -H 1b 5b 4d $(printf '%02x %02x %02x' $((32 + $1)) $((33 + $3)) $((33 + $2)))
	fi
}

# play SCRIPT: sends the keys of a script, token by token.
play() {
	rest=$1
	while [ -n "$rest" ]; do
		case $rest in
		'<'*'>'*)
			tok=${rest%%>*}; tok=${tok#<}; rest=${rest#*>}
			case $tok in
			Resize\ *) size=${tok#Resize }; tmx resize-window -t t -x "${size%x*}" -y "${size#*x}" ;;
			Click\ *) at=${tok#Click }; mouse 0 "${at%,*}" "${at#*,}"; mouse 3 "${at%,*}" "${at#*,}" ;;
			WheelUp\ *) at=${tok#WheelUp }; mouse 64 "${at%,*}" "${at#*,}" ;;
			WheelDown\ *) at=${tok#WheelDown }; mouse 65 "${at%,*}" "${at#*,}" ;;
			PgDn) tmx send-keys -t t NPage ;;
			PgUp) tmx send-keys -t t PPage ;;
			Esc) tmx send-keys -t t Escape; sleep 0.2 ;;
			*) tmx send-keys -t t "$tok" ;;
			esac ;;
		*)
			text=${rest%%<*}
			rest=${rest#"$text"}
			tmx send-keys -t t -l "$text" ;;
		esac
		sleep 0.05
	done
}

for keys in screens/*.keys; do
	name=$(basename "$keys" .keys)
	read -r cols rows opts <"$keys"
	case $opts in *-a*) continue ;; esac # tmux draws ambiguous characters 1 column wide
	args=""
	case $opts in *"-d "*) args="-d $(sed -n 1p "$keys" | sed 's/.*-d \([0-9]*\).*/\1/')" ;; esac
	case $opts in *"--config "*) args="$args --config $(sed -n 1p "$keys" | sed 's/.*--config \([^ ]*\).*/\1/')" ;; esac
	case $opts in *"-c "*)
		args="$args $(sed -n 1p "$keys" | sed 's/.*-c \([^ ]*\).*/\1/')"
		start "$cols" "$rows" $args
		sleep 1 ;;
	*)
		start "$cols" "$rows" $args
		wait_for screens/start-"$cols"x"$rows".screen 2>/dev/null || sleep 0.5 ;;
	esac
	play "$(sed -n 2p "$keys")"
	if wait_for "screens/$name.screen"; then ok 0 "tmux: $name"
	else
		ok 1 "tmux: $name"
		diff "screens/$name.screen" "$tmp/got" | head -10 | sed 's/^/# /'
	fi
done

# The same mouse events in xterm's SGR encoding, which TERM=xterm-256color
# asks for (tmux's own TERM asks for X10, above).
TERM_FOR=xterm-256color MOUSE_SGR=1
for name in mouse-wheel-text mouse-picker mouse-open; do
	read -r cols rows opts <"screens/$name.keys"
	start "$cols" "$rows"
	wait_for screens/start-"$cols"x"$rows".screen
	play "$(sed -n 2p "screens/$name.keys")"
	wait_for "screens/$name.screen"; ok $? "tmux, SGR mouse reports: $name"
done
TERM_FOR= MOUSE_SGR=

# The place is remembered across a restart, and a corrupt file is ignored.
STATE=$tmp/place
start 60 16
wait_for screens/start-60x16.screen
play "$(sed -n 2p screens/place.keys)"
wait_for screens/place.screen
tmx send-keys -t t q
sleep 0.3
start 60 16
i=0; while ! screen | grep -q '回到上次的位置' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '回到上次的位置'; ok $? "a restart says it restored the place"
tmx send-keys -t t C-l # any key clears the notice
wait_for screens/place.screen; ok $? "the place survives a restart"
tmx send-keys -t t q
sleep 0.3
start 60 16 --no-restore
wait_for screens/start-60x16.screen; ok $? "--no-restore starts at the beginning"
tmx send-keys -t t q
sleep 0.3
for f in "$STATE"/fayan/place-*; do printf 'fayan-place 1\nspeech 99999 1\n' >"$f"; done
start 60 16
wait_for screens/start-60x16.screen; ok $? "a corrupt state file is ignored"
# A mark is kept across a restart, --no-restore too (SPEC 3.1 m, ').
tmx send-keys -t t J m a q
sleep 0.3
start 60 16 --no-restore
wait_for screens/start-60x16.screen
tmx send-keys -t t "'" a
i=0; while ! screen | grep -q '▶ 杨旭东' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '▶ 杨旭东' && screen | grep -q '标记 a'; ok $? "a mark set before a restart takes the reader back"
unset STATE
# The parts of a page on the screen (SPEC 3): the subtitle and the preamble
# open the text of its first speech (王刚's, second in the list).
printf '题\n——交流会发言摘要\n\n编者按：这是按语。\n\n镇长王刚：一。\n\n镇党委书记 郑朝阳：二。\n' >"$tmp/parts.txt"
start 80 16 "$tmp/parts.txt"
i=0; while ! screen | grep -q '郑朝阳' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
tmx send-keys -t t J
i=0; while ! screen | grep -q '交流会发言摘要' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '│ ——交流会发言摘要' && screen | grep -q '│ 　　编者按：这是按语。'
ok $? "the page's subtitle and preamble are on the screen, above its first speech"
tmx send-keys -t t q
sleep 0.3

# The place is a position in the text: a restart at another width shows the
# same words at the top of the text.
STATE=$tmp/place-width
start 60 16
wait_for screens/start-60x16.screen
play "JJ<Enter>jjjjj"
sleep 0.3
top=$(tmx capture-pane -p -t t | sed -n 2p | sed 's/^[^│]*│ *//' | cut -c1-9)
tmx send-keys -t t q
sleep 0.3
start 80 12
sleep 0.8
new=$(tmx capture-pane -p -t t | sed -n 2p | sed 's/^[^│]*│ *//')
case $new in *"$top"*) ok 0 "a restart at another width shows the same first words ($top)" ;;
	*) ok 1 "a restart at another width shows the same first words ($top)"; echo "# got: $new" ;; esac
unset STATE

# With 2,000 files the place still comes back.
mkdir -p "$tmp/big"
i=0; while [ $i -lt 2000 ]; do
	printf '第%d期\n\n标题%d\n\n市财政局局长**王强%d**：正文%d。\n' $i $i $i $i >"$tmp/big/第$i期.txt"
	i=$((i + 1))
done
STATE=$tmp/place-big
start 80 24 "$tmp/big"
sleep 2
play "JJJ"
sleep 0.3
screen | tail -1 | grep -q ' 4/2000 '; ok $? "2,000 files: J J J goes to the fourth speech"
tmx send-keys -t t q
sleep 0.5
start 80 24 "$tmp/big"
i=0; while ! screen | grep -q '回到上次的位置' && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
screen | tail -1 | grep -q ' 4/2000 '; ok $? "and the place comes back after a restart"
unset STATE

# --ambiguous=auto (the default): fayan asks tmux where “ left the cursor;
# tmux draws it one column wide, so the screen is the width-1 screen.
tmx kill-session -t t 2>/dev/null
tmx new-session -d -s t -x 80 -y 24 "XDG_STATE_HOME=$tmp/auto $fayan; sleep 30"
wait_for screens/start-80x24.screen; ok $? "--ambiguous=auto: tmux's answer gives width 1"
tmx send-keys -t t j
i=0; while ! screen | grep -q '▶ 聂立新 局长' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '▶ 聂立新 局长'; ok $? "and keys work: no cursor report was taken for one"

# A key typed while fayan still loads (a sleep stands for a long one) is kept
# past the terminal's answer to the width probe, not thrown away (issue 22.7).
tmx kill-session -t t 2>/dev/null
tmx new-session -d -s t -x 80 -y 24 "sleep 1; XDG_STATE_HOME=$tmp/early $fayan; echo EXITED; sleep 30"
sleep 0.3
tmx send-keys -t t q
i=0; while ! screen | grep -q EXITED && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q EXITED; ok $? "q typed during the load quits once the screen is up"

# | pipes the speech as plain text (SPEC 3.1): the headline, the speaker line,
# then a paragraph a line, unwrapped, as --json has them.
start 80 24
wait_for screens/start-80x24.screen
play "|cat >$tmp/piped<Enter>"
sleep 0.5
tmx send-keys -t t Enter
wait_for screens/start-80x24.screen; ok $? "| returns to the screen after a key"
"$fayan" --json -s 聂立新 ../assets/anqing-2020.txt | /usr/bin/python3 -c 'import json, sys
s = json.load(sys.stdin)["collections"][0]["speeches"][0]
print(s["headline"]); print(s["speaker"] + " · " + s["title"]); print("\n".join(s["paragraphs"]))' >"$tmp/want"
cmp -s "$tmp/piped" "$tmp/want"; ok $? "| gives the command the speech as plain text, a paragraph a line"

# A directory opens as one library; its unusable files are summed up in one
# notice, not printed under the screen, and ! lists them.
mkdir -p "$tmp/lib"
cp ../assets/anqing-2020.txt "$tmp/lib/第2期.txt"; cp ../assets/anqing-2020.txt "$tmp/lib/第10期.txt"
: >"$tmp/lib/empty.txt"; printf '只有正文。\n' >"$tmp/lib/prose.txt"
start 80 24 "$tmp/lib"
i=0; while ! screen | grep -q '2 个文件无法使用（! 列出）' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
screen | tail -1 | grep -q '2 个文件无法使用（! 列出）'; ok $? "a directory: its unusable files summed up on the status line"
screen | grep -q '/28 '; ok $? "and both copies' 28 speeches listed"
tmx send-keys -t t '!'
sleep 0.3
screen | grep -q "empty.txt：空文件" && screen | grep -q "prose.txt：没有找到发言"
ok $? "! lists them, file and message, in Chinese"
# two pages of one title: the title row tells them apart, ] goes to the next
mkdir -p "$tmp/same"
printf '同名的文集\n\n题\n\n局长**张三**:一。\n' >"$tmp/same/第1期.txt"
printf '同名的文集\n\n题二\n\n局长**李四**:二。\n' >"$tmp/same/第2期.txt"
start 80 24 "$tmp/same"
i=0; while ! screen | head -1 | grep -q '^第1期 1/2 · 同名的文集' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
screen | head -1 | grep -q '^第1期 1/2 · 同名的文集'; ok $? "a library's title row names the file and its number"
tmx send-keys -t t ']'
i=0; while ! screen | head -1 | grep -q '^第2期 2/2 · 同名的文集' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
screen | head -1 | grep -q '^第2期 2/2 · 同名的文集'; ok $? "] goes to the next collection, and the title row says so"
# a file that cannot be read and a configuration's wrong line are listed too
printf 'bind x nosuch\n' >"$tmp/bad.conf"
start 80 24 --config "$tmp/bad.conf" "$tmp/lib" "$tmp/missing.txt"
i=0; while ! screen | grep -q '3 个文件无法使用' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
tmx send-keys -t t '!'
sleep 0.3
screen | grep -q "missing.txt：没有这个文件或目录" && screen | grep -q "bad.conf:1：没有动作 'nosuch'"
ok $? "! lists an unreadable file and a wrong configuration line, file and line"

# /發展 finds the bundled collection's 发展 (繁简 folding), and t shows a
# Traditional page in Simplified.
start 80 24
wait_for screens/start-80x24.screen
play "/发展<Enter>"
sleep 0.3
want=$(screen | tail -1 | grep -o '第 [0-9]*/[0-9]* 处')
tmx send-keys -t t q
start 80 24 --no-restore
wait_for screens/start-80x24.screen
play "/發展<Enter>"
sleep 0.3
got=$(screen | tail -1 | grep -o '第 [0-9]*/[0-9]* 处')
[ -n "$want" ] && [ "$got" = "$want" ]; ok $? "/發展 finds what /发展 finds ($want)"
printf '題\n\n**王國強**：推動高質量發展，這是關鍵。\n' >"$tmp/trad.txt"
start 80 24 --layout=bold "$tmp/trad.txt"
sleep 0.5
play "t"
sleep 0.3
screen | grep -q '推动高质量发展，这是关键。'; ok $? "t shows a Traditional page in Simplified"
screen | grep -q '▶ 王国强' && screen | head -1 | grep -q '^题' && screen | tail -1 | grep -q '简体'
ok $? "the list and the title too, and the status line says 简体"
play "t"
sleep 0.3
screen | grep -q '推動高質量發展，這是關鍵。'; ok $? "and t again as written"
# s with a Simplified name finds its Traditional form (SPEC 3.2: names fold)
printf '題\n\n局長**王國強**：一。\n\n市委組織部部長**聶立新**：二。\n' >"$tmp/trad2.txt"
start 80 24 --layout=bold "$tmp/trad2.txt"
i=0; while ! screen | grep -q '聶立新' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '▶ 王國強' || play "J" # start away from 聶立新
i=0; while ! screen | grep -q '▶ 王國強' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
play "s聂<Enter>"
i=0; while ! screen | grep -q '▶ 聶立新' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '▶ 聶立新'; ok $? "s 聂 on a Traditional page selects 聶立新"

# A configuration that rebinds q and recolours the departments: q does
# nothing, x quits, and the department rows are drawn in red (SGR 31).
start 80 24 --config screens/configs/quit-x.conf
wait_for screens/start-80x24.screen
tmx capture-pane -e -p -t t | sed -n 2p | grep -q "$(printf '\033')\[[0-9;]*31[;m]"
ok $? "config: the departments in the colour it gives"
pid=$(tmx list-panes -t t -F '#{pane_pid}')
tmx send-keys -t t q
sleep 0.5
pgrep -P "$pid" -x fayan >/dev/null; ok $? "config: unbind q, so q does not quit"
tmx send-keys -t t x
sleep 0.5
pgrep -P "$pid" -x fayan >/dev/null; is $? 1 "config: bind x quit"

# q leaves the alternate screen and the process ends.
start 80 24
wait_for screens/start-80x24.screen
pid=$(tmx list-panes -t t -F '#{pane_pid}')
tmx send-keys -t t q
sleep 0.5
pgrep -P "$pid" -x fayan >/dev/null; is $? 1 "q quits"
# A key that is no UTF-8 (Latin-1 é, an 8-bit Meta, a stray continuation
# byte) is dropped, not taken for a closed terminal; a character cut across
# two reads is waited for (SPEC 4).
start 60 16 --no-restore
wait_for screens/start-60x16.screen
pid=$(tmx list-panes -t t -F '#{pane_pid}')
tmx send-keys -t t -H e9; sleep 0.2; tmx send-keys -t t -H ea; sleep 0.2; tmx send-keys -t t -H 80
sleep 0.3
pgrep -P "$pid" -x fayan >/dev/null; ok $? "bytes that are no character leave fayan running"
tmx send-keys -t t /; sleep 0.2; tmx send-keys -t t -H e4 b8; sleep 0.05; tmx send-keys -t t -H ad
i=0; while ! screen | tail -1 | grep -q '^/中' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
screen | tail -1 | grep -q '^/中'; ok $? "a character split across two reads reaches the prompt whole"
tmx send-keys -t t Escape q
# Q quits from an overlay, as from anywhere (SPEC 3.1).
start 60 16 --no-restore
wait_for screens/start-60x16.screen
pid=$(tmx list-panes -t t -F '#{pane_pid}')
tmx send-keys -t t '?'
i=0; while ! screen | grep -q '帮助' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
tmx send-keys -t t Q
i=0; while pgrep -P "$pid" -x fayan >/dev/null && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
! pgrep -P "$pid" -x fayan >/dev/null; ok $? "Q with the help open quits"
# fayan -p > FILE in a 60-column terminal: the controlling terminal's width.
tmx kill-session -t t 2>/dev/null
tmx new-session -d -s t -x 60 -y 16 "env -u COLUMNS $fayan -p ../assets/anqing-2020.txt >$tmp/p60; echo done >$tmp/p60.done; sleep 30"
i=0; while [ ! -e "$tmp/p60.done" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
widest=$(/usr/bin/python3 -c 'import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(max(w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$tmp/p60")
is "$widest" 60 "fayan -p > FILE in a 60-column pane: lines of at most 60 columns"
done_testing

