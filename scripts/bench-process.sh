#!/usr/bin/env bash
# Whole-process measurements of the release binary on the ten-years data set,
# every figure of the budget table in docs/performance.md: generating it, time
# to the first frame on a terminal, `search` beside the sqlite3 shell's bare
# lookup (the two alternating, in one run), time and peak memory of every
# export format, of `import` and of `session list --json`, resident memory on
# home and in a session, and the system calls of an idle app.
#
#   scripts/bench-process.sh                   200 coachees x 50 sessions (10,000)
#   COACHEES=1000 scripts/bench-process.sh     50,000 sessions
#   COACHEES=2000 scripts/bench-process.sh     100,000 sessions
#   RUNS=50 WORDS='team|the' scripts/bench-process.sh
#
# Needs: python3, sqlite3, tmux and the tui driver; uses hyperfine when
# installed, and strace for the idle app
# (apt-get install -y hyperfine sqlite3 strace).
set -euo pipefail
cd "$(dirname "$0")/.."

COACHEES=${COACHEES:-200}
SESSIONS=${SESSIONS:-50}
RUNS=${RUNS:-20}
# Search classes: a rare word, a common one, two words, the commonest.
WORDS=${WORDS:-direction|team|hiring team|the}
IDLE=${IDLE:-10}
BIN=${BIN:-target/release/innerceo}
TUI=${TUI:-$(dirname "$0")/../../shared/tools/tui}
[ -x "$TUI" ] || TUI=/work/shared/tools/tui

if [ -z "${SKIP_BUILD:-}" ]; then
  cargo build --release --locked --quiet
fi
work=$(mktemp -d)
cleanup() {
  if [ -x "$TUI" ]; then "$TUI" -s innerceo-bench stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/innerceo.db

have() { command -v "$1" >/dev/null 2>&1; }

# Times a command: hyperfine when present, else RUNS runs of it.
timeit() {
  local name=$1
  shift
  if have hyperfine; then
    local cmd
    printf -v cmd '%q ' "$@"
    hyperfine --warmup 2 --runs "$RUNS" --style basic --shell=bash --output=null \
      --command-name "$name" "$cmd" 2>&1 | grep -vE "^\s*$|Warning|outlier|--warmup" || true
  else
    local t0 t1
    t0=$(date +%s%N)
    for _ in $(seq "$RUNS"); do "$@" >/dev/null; done
    t1=$(date +%s%N)
    echo "$name: mean $(((t1 - t0) / RUNS / 1000)) µs over $RUNS runs"
  fi
}

# One run's time and peak memory (the maximum resident set, as the kernel
# counts VmHWM), through /usr/bin/time.
peak() {
  local name=$1
  shift
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
    cat "$work/err"
    return 1
  fi
  read -r wall user sys kb <"$work/time"
  printf '%-34s %6s s wall (%s user, %s sys), peak %d MB\n' "$name" "$wall" "$user" "$sys" $((kb / 1024))
}

echo "== machine"
echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -m | awk '/Mem:/ {print $2 " MB"}'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kernel: $(uname -r); sqlite3 shell $(sqlite3 --version | cut -d' ' -f1); $("$BIN" --version)"
echo

echo "== generate: innerceo demo --coachees $COACHEES --sessions $SESSIONS --seed 1"
peak "generate" "$BIN" --db "$db" demo --coachees "$COACHEES" --sessions "$SESSIONS" --seed 1
sessions=$(sqlite3 "$db" 'SELECT count(*) FROM sessions')
echo "sessions: $sessions; file: $(du -h "$db" | cut -f1)"
echo

echo "== first frame: start innerceo on a 120x40 terminal until home is drawn ($RUNS runs)"
# A pseudo-terminal reads what the app writes; the frame is complete when
# home's table header (its last column, Overdue) has been written and then
# the cursor hidden, which ratatui does at the end of every frame.
python3 - "$BIN" "$db" "$RUNS" <<'PY'
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time
binary, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def first_frame():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "--db", db])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    took = None
    answered = False
    deadline = start + 10
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            # Answer as a terminal does: the background colour (OSC 11) and
            # the device attributes the `auto` theme asks for at start.
            if not answered and b"\x1b[c" in seen:
                os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c")
                answered = True
            top = seen.find(b"Overdue")
            if top >= 0 and seen.find(b"\x1b[?25l", top) >= 0:
                took = time.perf_counter() - start
                break
    os.kill(pid, signal.SIGTERM)
    # Drain until it has left, so the next run starts on an idle file.
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    if took is None:
        sys.exit("no first frame within 10 s; the output was:\n" + seen.decode(errors="replace")[-2000:])
    return took * 1000
first_frame()  # warm-up: page cache, as for anyone who used the app today
times = sorted(first_frame() for _ in range(runs))
p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"first frame: median {statistics.median(times):.1f} ms, p90 {p(0.9):.1f} ms, "
      f"min {times[0]:.1f} ms, max {times[-1]:.1f} ms  (budget < 50 ms)")
PY
echo

echo "== exports and import ($sessions sessions): time and peak memory (budget <= 64 MB at any size)"
for f in json md csv ics html; do
  peak "export --all --format $f" "$BIN" --db "$db" export --all --format "$f" --include-private -o "$work/all.$f"
  echo "  file: $(du -h "$work/all.$f" | cut -f1)"
done
for f in md csv ics html; do rm -f "$work/all.$f"; done
peak "import (into an empty file)" "$BIN" --db "$work/imported.db" import "$work/all.json"
rm -f "$work"/imported.db* "$work/all.json"
peak "session list --json" "$BIN" --db "$db" session list --json
peak "session list" "$BIN" --db "$db" session list
peak "search team" "$BIN" --db "$db" search team
peak "coachee list" "$BIN" --db "$db" coachee list
echo
timeit "innerceo session list --json" "$BIN" --db "$db" session list --json
timeit "innerceo coachee list" "$BIN" --db "$db" coachee list
echo

echo "== search beside the sqlite3 shell's bare lookup, alternating, $RUNS pairs (budget <= 2x)"
# The bare lookup: the FTS5 MATCH of the same prefix terms, its first 20
# rows, no ranking, no snippets; both whole processes, same file, taking
# turns so that the machine's load falls on both alike. Medians.
python3 - "$BIN" "$db" "$RUNS" "$WORDS" <<'PY'
import statistics, subprocess, sys, time
binary, db, runs, words = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split("|")
def bare(q):
    terms = " AND ".join('"%s"*' % w.replace('"', '""') for w in q.split())
    sql = "SELECT rowid FROM search_index WHERE search_index MATCH '%s' LIMIT 20"
    return ["sqlite3", db, sql % terms.replace("'", "''")]
def took(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000
cases = [("open only (search .)", [binary, "--db", db, "search", "."],
          ["sqlite3", db, "SELECT count(*) FROM sqlite_schema"])]
cases += [("search " + q, [binary, "--db", db, "search", q], bare(q)) for q in words]
for name, a, b in cases:
    for _ in range(3):
        took(a), took(b)
    ta, tb = [], []
    for _ in range(runs):
        ta.append(took(a))
        tb.append(took(b))
    ma, mb = statistics.median(ta), statistics.median(tb)
    print(f"{name:26} innerceo {ma:6.1f} ms   sqlite3 {mb:6.1f} ms   x{ma / mb:.2f}")
PY
echo

echo "== resident memory (VmRSS now, VmHWM peak), 120x40 terminal in tmux"
if ! have tmux || [ ! -x "$TUI" ]; then
  echo "skipped: needs tmux and the tui driver ($TUI)"
  exit 0
fi
"$TUI" -s innerceo-bench start 120x40 -- "$BIN" --db "$db"
"$TUI" -s innerceo-bench wait "Overdue" 10 >/dev/null
pane=$("$TUI" -s innerceo-bench pid)
# The pane runs the command through a shell that may or may not exec it.
pid=$pane
if [ "$(cat /proc/"$pane"/comm)" != innerceo ]; then pid=$(pgrep -P "$pane" -x innerceo); fi
mem() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' /proc/"$pid"/status; echo "(budget < 50 MB)"; }
echo -n "home:       "
mem
# The first coachee; resume their unfinished session if they have one,
# else start a one-to-one, then type into it.
"$TUI" -s innerceo-bench keys n
sleep 0.5
if "$TUI" -s innerceo-bench screen | grep -q "pick a guide"; then
  "$TUI" -s innerceo-bench keys Enter
else
  "$TUI" -s innerceo-bench keys c
fi
"$TUI" -s innerceo-bench wait "Stage [0-9]+/[0-9]+" 10 >/dev/null
"$TUI" -s innerceo-bench keys C-n
"$TUI" -s innerceo-bench type "Measuring memory while typing an answer in a session."
sleep 0.5
echo -n "in session: "
mem
"$TUI" -s innerceo-bench screen | head -1

echo
echo "== idle app on home: system calls over ${IDLE} s without a key (budget 0)"
if have strace; then
  "$TUI" -s innerceo-bench stop >/dev/null 2>&1 || true
  "$TUI" -s innerceo-bench start 120x40 -- "$BIN" --db "$db"
  "$TUI" -s innerceo-bench wait "Overdue" 10 >/dev/null
  pane=$("$TUI" -s innerceo-bench pid)
  pid=$pane
  if [ "$(cat /proc/"$pane"/comm)" != innerceo ]; then pid=$(pgrep -P "$pane" -x innerceo); fi
  sleep 2
  # Without touching it first: every wake-up is a context switch.
  switches() { awk '/ctxt_switches/ {n += $2} END {print n}' /proc/"$pid"/status; }
  before=$(switches)
  sleep "$IDLE"
  echo "wake-ups in ${IDLE} s (voluntary and involuntary context switches): $(($(switches) - before))"
  # Then what it does: strace stops the wait the app is sleeping in as it
  # attaches (shown as "resumed"); the app goes back to sleep. Any other
  # line is work done while idle.
  timeout "$IDLE" strace -f -p "$pid" -o "$work/strace" 2>/dev/null || true
  calls=$(grep -cvE 'resumed>|<unfinished|<detached|^[0-9]+ +(\+\+\+|---)' "$work/strace" || true)
  echo "system calls in ${IDLE} s under strace, besides going back to sleep: $calls"
  sed 's/^/  /' "$work/strace" | head -5
else
  echo "skipped: needs strace"
fi
