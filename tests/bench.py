#!/usr/bin/python3
"""fayan's benchmark (SPEC 5, issue 7): each figure beside a reference measured
in the same run on the same machine, as ratios; the load yardsticks as the
median of paired runs, with their range.
usage: tests/bench.py BUILDDIR [SIZE_MB]   (from the project root; default 100 MB)
Prints one table. Nothing here asserts a time: machines are shared and noisy."""
import os, pty, resource, select, signal, subprocess, sys, tempfile, time

build = sys.argv[1] if len(sys.argv) > 1 else "build"
size_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 100
fayan = os.path.abspath(os.path.join(build, "fayan"))
core = os.path.abspath(os.path.join(build, "tests", "bench_core"))
gen = os.path.abspath(os.path.join(build, "tests", "gencorpus"))
seed = os.path.abspath("assets/anqing-2020.txt")
env = dict(os.environ, LC_ALL="C.UTF-8", TERM="xterm-256color", NO_COLOR="", COLUMNS="80")
env.pop("NO_COLOR")
tmp = tempfile.mkdtemp(prefix="fayan-bench-")
env["XDG_STATE_HOME"] = tmp
big = os.path.join(tmp, "big.txt")
rows = []

def row(what, value, ref_what, ref, target=None, unit="s", pairs=None):
    """pairs: the ratios of paired runs; then the ratio is their median,
    shown with their range."""
    ratio = value / ref if ref else float("inf")
    shown = "%.2fx" % ratio
    if pairs:
        ratio = median(pairs)
        shown = "%.2fx [%.2f-%.2f]" % (ratio, min(pairs), max(pairs))
    verdict = "" if target is None else ("ok" if ratio <= target else "MISSED")
    rows.append((what, "%.4g %s" % (value, unit), ref_what, "%.4g %s" % (ref, unit),
                 shown, "<= %gx %s" % (target, verdict) if target else ""))

def median(xs):
    xs = sorted(xs)
    return (xs[(len(xs) - 1) // 2] + xs[len(xs) // 2]) / 2

def timed(cmd, repeat=5):
    """Best wall time and the peak RSS (KB) of a command. Output goes to a
    file, not /dev/null: GNU grep stops at the first match when it sees its
    output is /dev/null."""
    best, rss = None, 0
    sink = open(os.path.join(tmp, "sink"), "wb")
    for _ in range(repeat):
        sink.seek(0)
        t = time.monotonic()
        p = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(p.pid, 0)  # this child's own peak, not all children's
        t = time.monotonic() - t
        rss = max(rss, usage.ru_maxrss)
        best = t if best is None else min(best, t)
    sink.close()
    return best, rss

def paired(cmd, ref, repeat=9):
    """A yardstick: cmd and its reference run in turns, so that both see
    the machine as it is at that moment. Returns the median wall times of
    each, the ratio of each pair, and cmd's peak RSS (KB)."""
    a, b, ratios, rss = [], [], [], 0
    for _ in range(repeat):
        t, r = timed(cmd, 1)
        u, _ = timed(ref, 1)
        a.append(t)
        b.append(u)
        ratios.append(t / u)
        rss = max(rss, r)
    return median(a), median(b), ratios, rss

def core_value(*args):
    out = subprocess.run([core] + list(args), capture_output=True, text=True, env=env).stdout
    return {k: float(v) for k, v in (line.split() for line in out.splitlines())}

def in_pty(argv, until, keys=b"", rows_=24, cols=80, settle=0.3, timeout=60):
    """Runs argv in a pty; returns (seconds until `until` first appeared,
    bytes written after that first frame, the child's CPU seconds)."""
    state = tempfile.mkdtemp(dir=tmp)  # no remembered place from an earlier run
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.clear(); os.environ.update(env, XDG_STATE_HOME=state)
        os.environ.pop("COLUMNS", None)
        os.execv(argv[0], argv)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows_, cols, 0, 0))
    start, seen, first, counted = time.monotonic(), b"", None, 0
    def read_for(seconds):
        nonlocal seen
        got = 0
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            r, _, _ = select.select([fd], [], [], max(0, end - time.monotonic()))
            if not r:
                break
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return got, True
            if not chunk:
                return got, True
            got += len(chunk)
            if first is None:
                seen += chunk
        return got, False
    while first is None and time.monotonic() - start < timeout:
        read_for(0.05)
        if until in seen:
            first = time.monotonic() - start
    while read_for(settle)[0]:   # the first frame, to its end
        pass
    for k in keys if isinstance(keys, list) else [keys]:
        if k:
            os.write(fd, k)
            n, closed = read_for(settle)
            counted += n
    os.write(fd, b"q")
    while True:
        n, closed = read_for(0.5)
        counted += n
        if closed or not n:
            break
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    return first, counted, usage.ru_utime + usage.ru_stime

subprocess.run([gen, seed, str(size_mb)], stdout=open(big, "wb"), check=True)
mb = os.path.getsize(big) / 1e6

# Load: fayan --check vs grep -c and wc -l over the same file; the
# yardsticks paired, their median ratio and its range (the machine's page
# clearing varies from run to run).
t_fayan, t_grep, r_load, rss = paired([fayan, "--check", big], ["grep", "-c", "全媒体记者", big])
t_wc, _ = timed(["wc", "-l", big])
row("load: fayan --check %.0f MB (%.0f MB/s)" % (mb, mb / t_fayan), t_fayan, "grep -c", t_grep, 3,
    pairs=r_load)
row("load (same)", t_fayan, "wc -l", t_wc)
row("peak RSS of fayan --check", rss / 1024, "file size", mb / 1.048576, 1.5, "MiB")

# The same load in the own-line layout (names found through the surname list).
own = os.path.join(tmp, "own-line.txt")
subprocess.run([gen, seed, str(size_mb), "own-line"], stdout=open(own, "wb"), check=True)
own_mb = os.path.getsize(own) / 1e6
t_own, t_own_grep, r_own, _ = paired([fayan, "--check", own], ["grep", "-c", "全媒体记者", own])
row("load, own-line layout, %.0f MB" % own_mb, t_own, "grep -c", t_own_grep, 3, pairs=r_own)
os.unlink(own)

# First frame, in a pty at 80x24: the bundled collection and the big one,
# against less on the same file reaching its end (less +G).
f_small = in_pty([fayan, "--ambiguous=1"], "j/k".encode())[0]
f_big = in_pty([fayan, "--ambiguous=1", big], "j/k".encode())[0]
less = subprocess.run(["sh", "-c", "command -v less"], capture_output=True, text=True).stdout.strip()
f_less = in_pty([less, "+G", big], b"(END)", settle=0.2)[0]
row("first frame: bundled collection", f_small, "less +G on %.0f MB" % mb, f_less)
row("first frame: %.0f MB collection" % mb, f_big, "less +G on %.0f MB" % mb, f_less, 2)

# CPU per navigation key (state + render, in process): big vs bundled.
k_small = core_value("keys", "-")["key_cpu"]
k_big = core_value("keys", big)["key_cpu"]
row("CPU per key, %.0f MB collection" % mb, k_big * 1e6, "per key, bundled", k_small * 1e6, 2, "us")

# Search across the big collection vs grep -c of the same term.
s = core_value("search", big, "十四五")
t_gs, _ = timed(["grep", "-c", "十四五", big])
row("search 十四五 (%d matches)" % s["matches"], s["search_wall"], "grep -c 十四五", t_gs, 2)

# Layout throughput at width 78.
lay = core_value("layout", big)
row("layout at width 78, per MB", lay["layout_s_per_mb"], "(no reference)", lay["layout_s_per_mb"])

# Bytes to the terminal: read the bundled collection with the list hidden
# (z), Space to the end, q; against less paging fayan --print --width=78.
printed = os.path.join(tmp, "printed.txt")
with open(printed, "wb") as f:
    subprocess.run([fayan, "--print", "--width=78", seed], stdout=f, env=env, check=True)
presses = int(core_value("pages")["pages"])
_, b_fayan, _ = in_pty([fayan, "--ambiguous=1"], "j/k".encode(), [b"z"] + [b" "] * presses)
lines = sum(1 for _ in open(printed, "rb"))
pages = -(-(lines - 23) // 23)
_, b_less, _ = in_pty([less, printed], b"\n", [b" "] * pages)
row("terminal bytes to read it all (z, %d Space)" % presses, b_fayan, "less, %d Space" % pages,
    b_less, 1.5, "B")

# Bytes for single actions on the bundled collection at 60x16 (where its
# first speech is longer than the screen); less on the printed text beside
# them where it has the same action.
small = dict(rows_=16, cols=60)
printed60 = os.path.join(tmp, "printed60.txt")
with open(printed60, "wb") as f:
    subprocess.run([fayan, "--print", "--width=58", seed], stdout=f, env=env, check=True)
_, less_line, _ = in_pty([less, printed60], b"\n", [b"j"], **small)
_, less_page, _ = in_pty([less, printed60], b"\n", [b" "], **small)
for name, keys, ref_name, ref in [
        ("open a speech (Enter)", [b"\r"], "-", None),
        ("scroll one line (j in the text)", [b"l", b"j"], "less j", less_line),
        ("scroll one line, list hidden (z j)", [b"z", b"j"], "less j", less_line),
        ("page (Space)", [b"l", b" "], "less Space", less_page),
        ("change the filter (4)", [b"4"], "-", None)]:
    _, focus, _ = in_pty([fayan, "--ambiguous=1"], "j/k".encode(), keys[:1], **small)
    _, n, _ = in_pty([fayan, "--ambiguous=1"], "j/k".encode(), keys, **small)
    if keys[0] in (b"l", b"z"):  # the focus change itself is not the action
        n -= focus
    row("terminal bytes, 60x16: " + name, n, ref_name, ref if ref else n, None, "B")

# A library (SPEC 5, 3.6): a directory of 10,000 collections of about 10 KB.
lib = os.path.join(tmp, "lib")
os.mkdir(lib)
n_files = int(10000 * size_mb / 100) or 1
subprocess.run([gen, seed, str(n_files), "dir", lib], check=True)
lib_mb = sum(os.path.getsize(os.path.join(lib, f)) for f in os.listdir(lib)) / 1e6
t_lib, t_rgrep, r_lib, rss_lib = paired([fayan, "--list", lib], ["grep", "-rc", "全媒体记者", lib], 7)
t_lib_check, _ = timed([fayan, "--check", lib], repeat=3)
row("library: fayan --list, %d files, %.0f MB" % (n_files, lib_mb), t_lib, "grep -rc", t_rgrep, 3,
    pairs=r_lib)
row("library: fayan --check (prints every finding)", t_lib_check, "grep -rc", t_rgrep)
row("library: peak RSS", rss_lib / 1024, "files' total size", lib_mb / 1.048576, 1.5, "MiB")
cat = os.path.join(tmp, "lib-cat.txt")
subprocess.run(["sh", "-c", 'cat "$0"/*.txt > "$1"', lib, cat], check=True)
f_lib = in_pty([fayan, "--ambiguous=1", lib], "j/k".encode(), timeout=120)[0]
f_lib_less = in_pty([less, "+G", cat], b"(END)", settle=0.2)[0]
row("first frame: the library", f_lib, "less +G of their concatenation", f_lib_less)
os.unlink(cat)
sw_small = core_value("switch", "-")
sw_big = core_value("switch", lib)
row("CPU per v (view), library", sw_big["view_cpu"] * 1e6, "per v, bundled", sw_small["view_cpu"] * 1e6, 2, "us")
row("CPU per filter key, library", sw_big["filter_cpu"] * 1e6, "bundled", sw_small["filter_cpu"] * 1e6, 2, "us")
row("CPU per filter key, page view, library", sw_big["filter_page_view_cpu"] * 1e6, "bundled",
    sw_small["filter_page_view_cpu"] * 1e6, 2, "us")
cc_small = core_value("concord", "-", "发展")
cc_big = core_value("concord", big, "发展")
row("CPU per j in the concordance of 发展, %.0f MB" % mb, cc_big["concord_cpu"] * 1e6,
    "bundled", cc_small["concord_cpu"] * 1e6, 2, "us")
fs = core_value("fold", big, "發展")
t_gf, _ = timed(["grep", "-c", "发展", big])
row("search 發展 with 繁简 folding (%d matches)" % fs["matches"], fs["fold_wall"], "grep -c 发展", t_gf, 2)

w = [max(len(str(r[i])) for r in rows) for i in range(6)]
head = ("measure", "fayan", "reference", "ref", "ratio", "target")
print("  ".join(h.ljust(w[i]) for i, h in enumerate(head)))
for r in rows:
    print("  ".join(str(c).ljust(w[i]) for i, c in enumerate(r)))
subprocess.run(["rm", "-rf", tmp])
