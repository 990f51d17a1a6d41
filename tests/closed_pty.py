#!/usr/bin/python3
"""A closed terminal under a running fayan (SPEC 4): the pty's master is
closed; fayan must end within a second, having used little CPU (no spinning
on the key reader's errors). Once with SIGHUP as usual, once with SIGHUP
ignored (as under nohup), so that only the read's EIO tells, and once more
so while | runs a command that would outlive it.
usage: closed_pty.py FAYAN   prints TAP"""
import os, pty, signal, sys, time

from taplib import ok, done

fayan = sys.argv[1]

def run(ignore_hup, keys=b""):
    pid, fd = pty.fork()
    if pid == 0:
        if ignore_hup:
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
        os.environ.update(TERM="xterm-256color", LC_ALL="C.UTF-8", XDG_STATE_HOME="/nonexistent")
        os.execv(fayan, [fayan, "--ambiguous=1"])
    seen, start = b"", time.time()
    while "全部".encode() not in seen and time.time() - start < 5:
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
    ok("全部".encode() in seen, "fayan drew its screen (SIGHUP %s)" % ("ignored" if ignore_hup else "caught"))
    if keys:  # a command under | that outlives the terminal
        for k in keys:
            os.write(fd, bytes([k]))
            time.sleep(0.02)
        time.sleep(0.5)
    closed = time.time()
    os.close(fd)
    while True:
        wpid, status, usage = os.wait4(pid, os.WNOHANG)
        if wpid or time.time() - closed > 3:
            break
        time.sleep(0.01)
    elapsed = time.time() - closed
    if not wpid:
        os.kill(pid, signal.SIGKILL)
        wpid, status, usage = os.wait4(pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    ok(elapsed < 1.0, "ended %.2f s after the terminal closed" % elapsed)
    ok(cpu < 0.5, "using %.3f s of CPU in all" % cpu)

run(False)
run(True)
# While | runs a command, with SIGHUP ignored: the closed terminal is still
# noticed, the command stopped, fayan ended (issue 22.8).
run(True, b"|sleep 30\r")
done()
