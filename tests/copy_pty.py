#!/usr/bin/python3
"""y copies the open speech to the terminal's clipboard with OSC 52 (SPEC 3.1):
fayan runs in a pty, y is typed, and the bytes it wrote are searched for
ESC ] 52 ; c ; BASE64 BEL, which must decode to the speech as plain text
(headline, speaker line, a paragraph a line) — what | hands a command.
usage: copy_pty.py FAYAN   prints TAP"""
import base64, os, pty, re, select, sys, time

from taplib import ok, done

fayan = sys.argv[1]

def read_for(fd, seconds, until=None):
    seen, end = b"", time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if until and until in seen:
                break
    return seen

pid, fd = pty.fork()
if pid == 0:
    os.environ.update(TERM="xterm-256color", LC_ALL="C.UTF-8", XDG_STATE_HOME="/nonexistent")
    os.execv(fayan, [fayan, "--ambiguous=1"])
read_for(fd, 5, "全部".encode())
os.write(fd, b"y")
out = read_for(fd, 3, b"\x07")
m = re.search(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", out)
ok(m is not None, "y writes an OSC 52 sequence to the terminal")
text = base64.b64decode(m.group(1)).decode("utf-8") if m else ""
lines = text.split("\n")
ok(len(lines) > 3 and lines[0] == "打造就业创业“暖心城市”", "its first line is the headline: %r" % lines[:1])
ok(len(lines) > 3 and lines[1].startswith("聂立新 · 市委组织部副部长"), "then the speaker line: %r" % lines[1:2])
ok(len(lines) > 3 and "\u3000" not in text and all(len(l) < 1000 for l in lines),
   "then a paragraph a line, unwrapped and unindented")
more = read_for(fd, 1)
ok("已复制".encode() in more + out, "the status line says how much was copied")
os.write(fd, b"q")
time.sleep(0.3)
try:
    os.kill(pid, 9)
except OSError:
    pass
os.waitpid(pid, 0)
done()
