#!/bin/sh
# fayan over a real SSH connection on loopback: the test starts its own sshd
# (throwaway host and user keys, a free high port, 127.0.0.1 only, no
# AcceptEnv), connects with ssh -tt with LANG and LC_ALL unset, checks the
# Chinese text on screen, resizes through the connection, quits; then drops a
# connection under a running fayan and checks the process is gone within a
# second. usage: ssh.sh FAYAN   (run from tests/)
fayan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. ./tap.sh
sshd=/usr/sbin/sshd
if [ ! -x "$sshd" ] || ! command -v ssh >/dev/null || ! command -v tmux >/dev/null; then
	echo "1..0 # SKIP openssh-server, openssh-client or tmux missing"; exit 0
fi
sock=fayan-ssh-$$
sshd_pid=
stop_more() { [ -z "$sshd_pid" ] || kill "$sshd_pid" 2>/dev/null; }
. ./tmuxlib.sh

ssh-keygen -q -t ed25519 -N '' -f "$tmp/host_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$tmp/user_key" || exit 1
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"
mkdir -p /run/sshd 2>/dev/null

port=$(( 20000 + $$ % 20000 ))
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
cat >"$tmp/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/host_key
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
PrintMotd no
LogLevel ERROR
CONF
cat >"$tmp/ssh_config" <<CONF
Host fayan-test
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $tmp/user_key
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
CONF
"$sshd" -D -f "$tmp/sshd_config" -E "$tmp/sshd.log" &
sshd_pid=$!
i=0; while ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done

seed=$tmp/seed-$$.txt
cp ../assets/anqing-2020.txt "$seed"
remote="ASAN_OPTIONS=${ASAN_OPTIONS:-} XDG_STATE_HOME=$tmp/state exec $fayan --ambiguous=1 $seed"

env -u LANG -u LC_ALL -u LC_CTYPE ssh -F "$tmp/ssh_config" -o BatchMode=yes fayan-test 'locale | sed -n 1p' >"$tmp/locale" 2>&1
is "$(cat "$tmp/locale")" "LANG=" "the remote session arrives with no locale"

tmx_start_server
tmx new-session -d -s t -x 80 -y 24 \
	"env -u LANG -u LC_ALL -u LC_CTYPE ssh -F $tmp/ssh_config -tt fayan-test '$remote'; sleep 30"
wait_for screens/start-80x24.screen 80
ok $? "Chinese text on screen over SSH with no locale"
grep -q '聂立新 · 市委组织部副部长' "$tmp/got"; ok $? "the speaker line is there"

tmx resize-window -t t -x 60 -y 20
wait_for screens/resize-only.screen 80
ok $? "resize through the connection redraws at 60x20"

# The reader's keys of a library reader over the connection too: a mark,
# then the count while a search is typed (SPEC 3.1, 3.2).
tmx send-keys -t t J m a K "'" a
i=0; while ! tmx capture-pane -p -t t | grep -q '▶ 杨旭东' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
tmx capture-pane -p -t t | grep -q '▶ 杨旭东' && tmx capture-pane -p -t t | grep -q '标记 a'
ok $? "m a, then elsewhere, then ' a comes back, over SSH"
tmx send-keys -t t / 十四五
i=0; while ! tmx capture-pane -p -t t | grep -q '第 [0-9]*/10 处' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
tmx capture-pane -p -t t | tail -1 | grep -q '^/十四五 .*第 [0-9]*/10 处'
ok $? "a search counts its matches as it is typed, over SSH"
tmx send-keys -t t Escape

remote_pid=$(pgrep -f "$seed" | head -1)
tmx send-keys -t t q
i=0; while pgrep -f "$seed" >/dev/null && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
pgrep -f "$seed" >/dev/null; is $? 1 "q ends the remote fayan"

# A dropped connection: kill the client; the remote fayan must go within a second.
tmx kill-session -t t
tmx new-session -d -s t -x 80 -y 24 \
	"env -u LANG -u LC_ALL -u LC_CTYPE ssh -F $tmp/ssh_config -tt fayan-test '$remote'; sleep 30"
wait_for screens/start-80x24.screen 80
remote_pid=$(pgrep -f "^$fayan --ambiguous=1 $seed" | head -1)
ok $([ -n "$remote_pid" ]; echo $?) "the remote fayan runs (pid ${remote_pid:-none})"
client_pid=$(pgrep -f "ssh -F $tmp/ssh_config -tt" | head -1)
kill -9 "$client_pid" 2>/dev/null
# Alive: present and not a zombie waiting for sshd to reap it.
alive() { case $(ps -o stat= -p "$1" 2>/dev/null) in ""|Z*) return 1 ;; esac; }
i=0; while alive "$remote_pid" && [ $i -lt 10 ]; do sleep 0.1; i=$((i + 1)); done
alive "$remote_pid"; is $? 1 "a dropped connection ends fayan within a second"
done_testing
