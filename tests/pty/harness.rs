//! Runs the real `innerceo` binary in a pseudo-terminal and reads its screen.
//!
//! A reader thread feeds everything the app prints into a `vt100` parser, so
//! a test can wait for text the way a person looks at the screen. Every wait
//! has a timeout, and a failure prints the screen the user would have seen.
//! Nothing blocks forever: the master side is non-blocking, the reader thread
//! polls a stop flag, and dropping a `Term` kills the app.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use nix::fcntl::{FcntlArg, OFlag, fcntl};
use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, SetArg, SpecialCharacterIndices, tcgetattr, tcsetattr};
use nix::unistd::Pid;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty};

/// How long a wait for text may take by default. Generous: CI machines are
/// shared and a debug build starts slowly when the machine is busy.
pub const WAIT: Duration = Duration::from_secs(30);

/// Keys as a terminal sends them (xterm sequences, which crossterm reads).
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const TAB: &str = "\t";
    pub const BACKTAB: &str = "\x1b[Z";
    pub const ESC: &str = "\x1b";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const PAGE_DOWN: &str = "\x1b[6~";
    pub const PAGE_UP: &str = "\x1b[5~";
    pub const F1: &str = "\x1bOP";
    pub const F12: &str = "\x1b[24~";
    pub const BACKSPACE: &str = "\x7f";

    /// Ctrl and a letter: the letter's code with the top bits cleared.
    pub fn ctrl(c: char) -> String {
        char::from((c.to_ascii_lowercase() as u8) & 0x1f).to_string()
    }
}

/// Sequences the app must print when it gives the terminal back.
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// What the reader thread shares with the test.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

/// How to start the app.
pub struct Options {
    pub db: PathBuf,
    pub cols: u16,
    pub rows: u16,
    pub env: Vec<(String, String)>,
    pub args: Vec<String>,
    /// What the terminal answers when asked for its background colour
    /// (OSC 11), e.g. `rgb:ffff/ffff/ffff`; `None`: it does not say. It
    /// always answers the Device Attributes query, as terminals do.
    pub background: Option<String>,
}

impl Options {
    pub fn new(db: &Path) -> Self {
        Self {
            db: db.to_owned(),
            cols: 120,
            rows: 40,
            env: Vec::new(),
            args: Vec::new(),
            background: None,
        }
    }

    /// The terminal reports this background colour (`rgb:RRRR/GGGG/BBBB`).
    pub fn background(mut self, rgb: &str) -> Self {
        self.background = Some(rgb.to_owned());
        self
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }
}

/// The app running in a pseudo-terminal.
pub struct Term {
    name: String,
    // Dropped in this order by `hangup`; `Option` so each can go on its own.
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    slave: Option<Box<dyn SlavePty + Send>>,
    slave_path: Option<PathBuf>,
    child: Box<dyn Child + Send + Sync>,
    pid: i32,
    out: Arc<Mutex<Output>>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
    /// What the terminal reports as its background, when asked.
    background: Option<String>,
    /// How much of the output was already looked at for queries.
    queries_seen: usize,
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).expect("max(1) is never zero")
}

impl Term {
    /// Starts the app on `db` in a 120x40 terminal.
    pub fn start(db: &Path) -> Term {
        Term::spawn(Options::new(db))
    }

    pub fn spawn(opts: Options) -> Term {
        let system = portable_pty::native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows: opts.rows,
                cols: opts.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_innerceo"));
        cmd.arg("--db");
        cmd.arg(&opts.db);
        for a in &opts.args {
            cmd.arg(a);
        }
        // A known terminal and no trace of the developer's own set-up: their
        // guides, database or colour choice must not change what is tested.
        let home = opts.db.parent().unwrap_or(Path::new("/tmp"));
        for var in [
            "INNERCEO_DB",
            "INNERCEO_TEST_PANIC",
            "NO_COLOR",
            "RUST_BACKTRACE",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.cwd(home);
        for (k, v) in &opts.env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start innerceo");
        let pid = child
            .process_id()
            .and_then(|p| i32::try_from(p).ok())
            .expect("child pid");
        let master = pair.master;
        let raw_fd = master.as_raw_fd().expect("master fd");
        // Non-blocking: the reader thread must be able to stop, and a write
        // to an app that stopped reading must time out instead of hanging.
        let flags = fcntl(raw_fd, FcntlArg::F_GETFL).expect("F_GETFL");
        fcntl(
            raw_fd,
            FcntlArg::F_SETFL(OFlag::from_bits_truncate(flags) | OFlag::O_NONBLOCK),
        )
        .expect("F_SETFL");
        let reader = master.try_clone_reader().expect("pty reader");
        let writer = master.take_writer().expect("pty writer");
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(opts.rows), nonzero(opts.cols), 0),
            raw: Vec::new(),
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let reader = {
            let out = Arc::clone(&out);
            let stop = Arc::clone(&stop);
            thread::spawn(move || read_loop(reader, &out, &stop))
        };
        Term {
            name: opts
                .db
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            slave_path: master.tty_name(),
            writer: Some(writer),
            master: Some(master),
            // Kept open so the terminal's settings outlive the app: a test
            // reads them after it exits to see that raw mode was turned off.
            slave: Some(pair.slave),
            child,
            pid,
            out,
            stop,
            reader: Some(reader),
            status: None,
            background: opts.background.clone(),
            queries_seen: 0,
        }
    }

    pub fn pid(&self) -> i32 {
        self.pid
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The screen as text, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.output().parser.screen().contents()
    }

    /// The colour of the text at a row and column of the screen.
    pub fn fg_at(&self, row: u16, col: u16) -> Option<vt100::Color> {
        self.output()
            .parser
            .screen()
            .cell(row, col)
            .map(vt100::Cell::fgcolor)
    }

    /// Everything the app printed so far, escape sequences included.
    pub fn raw(&self) -> Vec<u8> {
        self.output().raw.clone()
    }

    /// How many bytes the app has printed so far.
    pub fn printed(&self) -> usize {
        self.output().raw.len()
    }

    /// Waits until the app prints more than `before` bytes (it drew
    /// something); false if it did not within `timeout`.
    pub fn wait_printed_more(&self, before: usize, timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.printed() > before {
                return true;
            }
            thread::sleep(Duration::from_millis(5));
        }
        false
    }

    /// Stops the test with what went wrong and what the user saw.
    #[track_caller]
    pub fn fail(&self, what: &str) -> ! {
        let raw = self.raw();
        let tail = &raw[raw.len().saturating_sub(600)..];
        panic!(
            "{what}\n[{}] pid {} {}\n--- screen ---\n{}\n--- last bytes printed ---\n{:?}",
            self.name,
            self.pid,
            match &self.status {
                Some(s) => format!("exited: {s:?}"),
                None => "running".to_owned(),
            },
            self.screen(),
            String::from_utf8_lossy(tail)
        )
    }

    /// Sends bytes as if typed, waiting while the terminal's buffer is full.
    pub fn send(&mut self, bytes: &[u8]) {
        let deadline = Instant::now() + WAIT;
        let mut rest = bytes;
        while !rest.is_empty() {
            let Some(w) = self.writer.as_mut() else {
                self.fail("the terminal was already closed");
            };
            match w.write(rest) {
                Ok(0) => self.fail("the terminal accepts no more input"),
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    if Instant::now() > deadline {
                        self.fail("the app stopped reading its input");
                    }
                    thread::sleep(Duration::from_millis(2));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => self.fail(&format!("cannot write to the terminal: {e}")),
            }
        }
    }

    /// Types text; a newline is the Enter key.
    pub fn typ(&mut self, text: &str) {
        self.send(text.replace('\n', "\r").as_bytes());
    }

    /// Presses one key (see [`keys`]). After Esc it waits a little: a byte
    /// that follows Esc in the same read would turn it into Alt+that key.
    pub fn key(&mut self, key: &str) {
        let before = (key == keys::ESC).then(|| self.screen());
        self.send(key.as_bytes());
        if let Some(before) = before {
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(2) && self.screen() == before {
                thread::sleep(Duration::from_millis(10));
            }
            let min = Duration::from_millis(100);
            if let Some(rest) = min.checked_sub(start.elapsed()) {
                thread::sleep(rest);
            }
        }
    }

    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            self.key(k);
        }
    }

    pub fn ctrl(&mut self, c: char) {
        self.key(&keys::ctrl(c));
    }

    /// A bracketed paste, as a terminal sends it (newlines as CR).
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.replace('\n', "\r").as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send(&bytes);
    }

    /// Waits until `needle` is on screen.
    #[track_caller]
    pub fn wait_for(&mut self, needle: &str) {
        self.wait_for_within(needle, WAIT);
    }

    #[track_caller]
    pub fn wait_for_within(&mut self, needle: &str, timeout: Duration) {
        self.wait_until(&format!("\"{needle}\" on screen"), timeout, |s| {
            s.contains(needle)
        });
    }

    /// Answers the queries the app printed since the last call, as a real
    /// terminal would: OSC 11 with the background (when this one reports
    /// one), Device Attributes always. Called while waiting.
    fn answer_queries(&mut self) {
        let raw = self.raw();
        let from = self.queries_seen.saturating_sub(8).min(raw.len());
        let seen = self.queries_seen;
        // A query counts once: when the bytes that end it arrive.
        let find = |needle: &[u8]| {
            raw[from..]
                .windows(needle.len())
                .enumerate()
                .any(|(i, w)| w == needle && from + i + needle.len() > seen)
        };
        let mut reply = Vec::new();
        if find(b"\x1b]11;?")
            && let Some(rgb) = &self.background
        {
            reply.extend_from_slice(format!("\x1b]11;{rgb}\x1b\\").as_bytes());
        }
        if find(b"\x1b[c") {
            reply.extend_from_slice(b"\x1b[?62;22c");
        }
        self.queries_seen = raw.len();
        if !reply.is_empty() {
            self.send(&reply);
        }
    }

    /// Waits until the screen satisfies `ok`; fails early if the app exits.
    #[track_caller]
    pub fn wait_until(&mut self, what: &str, timeout: Duration, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.answer_queries();
            if ok(&self.screen()) {
                return;
            }
            if !self.is_alive() {
                // The last frame may still be on its way to the parser.
                thread::sleep(Duration::from_millis(50));
                if ok(&self.screen()) {
                    return;
                }
                self.fail(&format!("the app exited while waiting for {what}"));
            }
            if start.elapsed() > timeout {
                self.fail(&format!("no {what} after {timeout:?}"));
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Changes the terminal's size, as a user dragging the window does.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let Some(m) = self.master.as_ref() else {
            self.fail("the terminal was already closed");
        };
        // The screen parser takes the new size first, and keeps the reader
        // thread waiting until the terminal has it too: what the app draws
        // after the resize must never land on a screen of the old size.
        let mut out = self
            .out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        out.parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        m.resize(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize the pseudo-terminal");
    }

    pub fn signal(&self, sig: Signal) {
        kill(Pid::from_raw(self.pid), sig).expect("send a signal to the app");
    }

    pub fn is_alive(&mut self) -> bool {
        if self.status.is_some() {
            return false;
        }
        match self.child.try_wait() {
            Ok(Some(s)) => {
                self.status = Some(s);
                false
            }
            Ok(None) => true,
            Err(e) => self.fail(&format!("cannot check on the app: {e}")),
        }
    }

    /// Waits for the app to exit and returns how it ended.
    #[track_caller]
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        while self.is_alive() {
            if start.elapsed() > timeout {
                self.fail(&format!("the app is still running after {timeout:?}"));
            }
            thread::sleep(Duration::from_millis(10));
        }
        // Let the reader catch the last bytes (the terminal restore).
        self.settle();
        self.status.clone().expect("status set once exited")
    }

    /// Waits until the app has printed nothing for a moment.
    fn settle(&self) {
        let mut last = self.output().raw.len();
        let start = Instant::now();
        loop {
            thread::sleep(Duration::from_millis(60));
            let now = self.output().raw.len();
            if now == last || start.elapsed() > Duration::from_secs(2) {
                return;
            }
            last = now;
        }
    }

    /// kill -9: the app gets no chance to save or restore anything.
    pub fn kill9(&mut self) -> ExitStatus {
        self.signal(Signal::SIGKILL);
        self.wait_exit(WAIT)
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), as
    /// the app leaves it set while running.
    pub fn is_raw(&self) -> bool {
        let t = self.master.as_ref().and_then(|m| m.get_termios());
        let Some(t) = t else {
            self.fail("cannot read the terminal's settings");
        };
        !t.local_flags.contains(LocalFlags::ICANON) && !t.local_flags.contains(LocalFlags::ECHO)
    }

    /// Whether, after the last time the app took over the screen, it left
    /// the alternate screen and showed the cursor again.
    pub fn restored_screen(&self) -> bool {
        let raw = self.raw();
        let start = rfind(&raw, ENTER_ALT_SCREEN).map_or(0, |i| i + ENTER_ALT_SCREEN.len());
        let after = &raw[start..];
        rfind(after, LEAVE_ALT_SCREEN).is_some() && rfind(after, SHOW_CURSOR).is_some()
    }

    /// Closes the terminal as when its window is closed: the kernel hangs up
    /// the app's terminal and sends it SIGHUP. Returns how the app ended.
    pub fn hangup(&mut self) -> ExitStatus {
        // portable-pty's writer sends a newline and the EOF character when
        // dropped (for shells); the app would read them as Ctrl-j and Ctrl-d,
        // which edit text. Clearing the EOF character turns that off.
        if let Some(path) = &self.slave_path
            && let Ok(f) = OpenOptions::new()
                .read(true)
                .write(true)
                .custom_flags(OFlag::O_NOCTTY.bits())
                .open(path)
        {
            set_no_eof(&f);
        }
        self.stop.store(true, Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        self.writer = None;
        self.slave = None;
        self.master = None;
        self.wait_exit(WAIT)
    }
}

fn set_no_eof(f: &File) {
    if let Ok(mut t) = tcgetattr(f) {
        t.control_chars[SpecialCharacterIndices::VEOF as usize] = 0;
        let _ = tcsetattr(f, SetArg::TCSANOW, &t);
    }
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn read_loop(mut reader: Box<dyn Read + Send>, out: &Mutex<Output>, stop: &AtomicBool) {
    let mut buf = vec![0u8; 64 * 1024];
    while !stop.load(Ordering::Relaxed) {
        match reader.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                let mut o = out
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                o.parser.process(&buf[..n]);
                o.raw.extend_from_slice(&buf[..n]);
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // EIO: the terminal was hung up; nothing more will come.
            Err(_) => return,
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.is_alive() {
            let _ = kill(Pid::from_raw(self.pid), Signal::SIGKILL);
            let _ = self.child.wait();
        }
        self.stop.store(true, Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }
}

/// A fresh folder with a database path in it.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("innerceo.db");
    (dir, db)
}

/// Runs a command of the real binary (e.g. `coachee add`) and checks it worked.
pub fn cli(db: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_innerceo"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("INNERCEO_DB")
        .output()
        .expect("run innerceo");
    assert!(
        out.status.success(),
        "innerceo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `PRAGMA integrity_check` through a connection of the test's own.
pub fn assert_intact(db: &Path) {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .expect("open the database");
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(verdict, "ok", "{}", db.display());
}

/// The answer to one prompt of the only session of the coachee named `name`.
pub fn answer(db: &Path, coachee: &str, stage: &str, prompt: &str) -> Option<String> {
    let store = innerceo::store::Store::open(db).expect("open the store");
    let c = store
        .find_coachee(coachee)
        .expect("find coachee")
        .unwrap_or_else(|| panic!("no coachee {coachee}"));
    let sessions = store.session_summaries(Some(&c.id)).expect("sessions");
    let s = sessions.first()?;
    let rec = store.session_record(&s.id).expect("session record");
    rec.answer(stage, prompt).map(str::to_owned)
}

/// From home with one coachee selected: start a one-to-one and go to the
/// Clarity stage, ready to type the first answer.
/// On an empty home screen: adds the first coachee through the form.
pub fn add_first_coachee(t: &mut Term, name: &str, role: &str) {
    t.wait_for("No coachees yet");
    t.key("a");
    t.typ(name);
    if !role.is_empty() {
        t.key(keys::TAB);
        t.typ(role);
    }
    t.key(keys::ENTER);
    t.wait_for(&format!("Added {name}"));
}

pub fn start_one_to_one(t: &mut Term) {
    t.key("n");
    t.wait_for("pick a guide");
    t.key(keys::ENTER);
    t.wait_for("Stage 1/8");
    t.ctrl('n');
    t.wait_for("Stage 2/8: Goals");
    t.ctrl('n');
    t.wait_for("Stage 3/8: Clarity");
}
