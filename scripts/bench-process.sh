#!/usr/bin/env bash
# Whole-process measurements of the release binary on the ten-years data set:
# generating it, time to the first frame on a terminal, resident memory on
# home and in a session, `session list --json`, and `search` side by side with
# the sqlite3 shell running the same FTS5 query. See docs/performance.md.
#
#   scripts/bench-process.sh                 200 coachees x 50 sessions (10,000)
#   COACHEES=20 scripts/bench-process.sh     1,000 sessions
#   RUNS=50 WORD=team RARE=direction scripts/bench-process.sh
#
# Needs: python3, tmux; uses hyperfine and sqlite3 when installed
# (apt-get install -y hyperfine sqlite3), else a plain timing loop.
set -euo pipefail
cd "$(dirname "$0")/.."

COACHEES=${COACHEES:-200}
SESSIONS=${SESSIONS:-50}
RUNS=${RUNS:-20}
WORD=${WORD:-team}
RARE=${RARE:-direction}
BIN=${BIN:-target/release/innerceo}
TUI=${TUI:-$(dirname "$0")/../../shared/tools/tui}
[ -x "$TUI" ] || TUI=/work/shared/tools/tui

if [ -z "${SKIP_BUILD:-}" ]; then
  cargo build --release --locked --quiet
fi
work=$(mktemp -d)
cleanup() {
  if [ -x "$TUI" ]; then "$TUI" -s innerceo-bench stop || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/innerceo.db

have() { command -v "$1" >/dev/null 2>&1; }

# The FTS5 query a person would type in the sqlite3 shell for what
# `innerceo search WORD` does: prefix match, best first, a first page
# with snippets.
fts_sql() {
  echo "SELECT rowid, snippet(search_index, 0, '[', ']', '…', 12) FROM search_index" \
    "WHERE search_index MATCH '\"$1\"*' ORDER BY rank LIMIT 50"
}

# Times a command: hyperfine when present, else RUNS runs of /usr/bin/time.
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

echo "== machine"
echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -m | awk '/Mem:/ {print $2 " MB"}'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "== generate: innerceo demo --coachees $COACHEES --sessions $SESSIONS --seed 1"
/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB max RSS" \
  "$BIN" --db "$db" demo --coachees "$COACHEES" --sessions "$SESSIONS" --seed 1
echo "file: $(du -h "$db" | cut -f1)"
echo

echo "== first frame: start innerceo on a 120x40 terminal until home is drawn ($RUNS runs)"
# A pseudo-terminal reads what the app writes; the frame is complete when
# home's table header has been written and then the cursor hidden, which ratatui
# does at the end of every frame.
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
    deadline = start + 10
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            top = seen.find(b"Last session")
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

echo "== session list --json ($(sqlite3 "$db" 'SELECT count(*) FROM sessions' 2>/dev/null || echo '?') sessions)"
timeit "innerceo session list --json" "$BIN" --db "$db" session list --json
timeit "innerceo coachee list" "$BIN" --db "$db" coachee list
echo

echo "== search, innerceo beside the sqlite3 shell (same file, same FTS5 MATCH)"
if "$BIN" search --help >/dev/null 2>&1; then
  for w in "$WORD" "$RARE"; do
    timeit "innerceo search $w" "$BIN" --db "$db" search "$w"
    if have sqlite3; then
      timeit "sqlite3 MATCH '\"$w\"*'" sqlite3 "$db" "$(fts_sql "$w")"
    fi
  done
else
  echo "this build has no \`innerceo search\` command yet; sqlite3 alone:"
  if have sqlite3; then
    for w in "$WORD" "$RARE"; do
      timeit "sqlite3 MATCH '\"$w\"*'" sqlite3 "$db" "$(fts_sql "$w")"
    done
  fi
fi
echo

echo "== resident memory (VmRSS now, VmHWM peak), 120x40 terminal in tmux"
if ! have tmux || [ ! -x "$TUI" ]; then
  echo "skipped: needs tmux and the tui driver ($TUI)"
  exit 0
fi
"$TUI" -s innerceo-bench start 120x40 -- "$BIN" --db "$db"
"$TUI" -s innerceo-bench wait "Last session" 10 >/dev/null
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
