//! The real event loop, driven on `TestBackend` with scripted keys and a
//! clock the test sets: a whole session from home to the summary.

use std::collections::VecDeque;
use std::time::Duration;

use innerceo::tui::app::Screen;
use innerceo::tui::event_loop::{LoopIo, event_loop};
use innerceo::tui::input::Wake;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use time::OffsetDateTime;

use super::harness::*;

enum Step {
    Key(Event),
    /// A second passes with no input.
    Second,
    /// The loop waits: the timeout it asks for is kept, and nothing comes.
    Idle,
}

struct Script {
    steps: VecDeque<Step>,
    now: OffsetDateTime,
    bells: usize,
    /// Every byte the loop wrote to the terminal for the clipboard.
    written: Vec<u8>,
    /// What the loop asked to wait for at each `Idle`.
    timeouts: Vec<Duration>,
}

impl Script {
    fn new() -> Self {
        Self {
            steps: VecDeque::new(),
            now: NOW,
            bells: 0,
            written: Vec::new(),
            timeouts: Vec::new(),
        }
    }
    fn key(&mut self, code: KeyCode, mods: KeyModifiers) -> &mut Self {
        self.steps
            .push_back(Step::Key(Event::Key(KeyEvent::new(code, mods))));
        self
    }
    fn typ(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE);
        }
        self
    }
    fn ctrl(&mut self, c: char) -> &mut Self {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
    /// Adds Ana Silva on home and starts a session with the first guide.
    fn new_session(&mut self) -> &mut Self {
        self.typ("a")
            .typ("Ana Silva")
            .key(KeyCode::Enter, KeyModifiers::NONE)
            .typ("n")
            .key(KeyCode::Enter, KeyModifiers::NONE)
    }
    fn idle(&mut self) -> &mut Self {
        self.steps.push_back(Step::Idle);
        self
    }
    fn seconds(&mut self, n: usize) -> &mut Self {
        for _ in 0..n {
            self.steps.push_back(Step::Second);
        }
        self
    }
}

impl LoopIo for Script {
    fn wait(&mut self, timeout: Duration) -> anyhow::Result<Wake> {
        match self.steps.front() {
            Some(Step::Key(_)) => Ok(Wake::Ready),
            Some(Step::Idle) => {
                self.steps.pop_front();
                self.timeouts.push(timeout);
                Ok(Wake::Timeout)
            }
            Some(Step::Second) => {
                self.steps.pop_front();
                self.now += time::Duration::seconds(1);
                Ok(Wake::Timeout)
            }
            // The script is over: as if the terminal closed.
            None => Ok(Wake::Hangup),
        }
    }
    fn next_event(&mut self) -> anyhow::Result<Option<Event>> {
        if let Some(Step::Key(_)) = self.steps.front()
            && let Some(Step::Key(ev)) = self.steps.pop_front()
        {
            return Ok(Some(ev));
        }
        Ok(None)
    }
    fn now(&mut self) -> OffsetDateTime {
        self.now
    }
    fn stopped(&self) -> bool {
        false
    }
    fn bell(&mut self) {
        self.bells += 1;
    }
    fn copy(&mut self, text: &str) {
        self.written.extend(innerceo::tui::clipboard::osc52(text));
    }
}

#[test]
fn the_real_loop_runs_a_whole_session_on_a_test_backend() {
    let mut rt = runtime();
    let mut s = Script::new();
    let none = KeyModifiers::NONE;
    s.new_session()
        // Looking back: 9 minutes, over its 8-minute timebox.
        .seconds(9 * 60)
        .ctrl('n')
        // Goals: none yet.
        .ctrl('n')
        .typ("Ship the pricing model")
        .seconds(30)
        .ctrl('n')
        .ctrl('n')
        .typ("7")
        .key(KeyCode::Down, none)
        .typ("8")
        .ctrl('n')
        .ctrl('n')
        .typ("a")
        .typ("Draft the plan")
        .key(KeyCode::Enter, none)
        .ctrl('n')
        .typ("Clarity beats control")
        .ctrl('f')
        .typ("y")
        .seconds(2)
        .typ("q");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    event_loop(&mut terminal, &mut rt, &mut s).expect("loop");
    assert!(rt.app.quit, "q on the summary quits");
    assert!(s.steps.is_empty(), "every scripted step was used");
    assert_eq!(s.bells, 1, "the overrun rang once");
    let Screen::Summary(sum) = &rt.app.screen else {
        panic!("not on the summary");
    };
    let rec = &sum.data.record;
    assert_eq!(
        rec.answer("clarity", "intent"),
        Some("Ship the pricing model")
    );
    assert_eq!(
        rec.rating("six-centers", "autonomy").and_then(|r| r.score),
        Some(7)
    );
    assert_eq!(rec.actions.len(), 1);
    assert_eq!(rec.session.stage_seconds.get("review"), Some(&(9 * 60)));
    assert_eq!(rec.session.stage_seconds.get("clarity"), Some(&30));
    let buffer = terminal.backend().buffer();
    let text: String = (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    assert!(text.contains("Ship the pricing model"), "{text}");
}

/// The text of every OSC 52 sequence in `bytes`, decoded.
fn clipboard_texts(bytes: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(bytes).into_owned();
    s.split("\x1b]52;c;")
        .skip(1)
        .map(|part| {
            let coded = part.split('\x07').next().unwrap_or("");
            let mut bits = Vec::new();
            let (mut acc, mut n) = (0u32, 0);
            for c in coded.bytes().filter(|c| *c != b'=') {
                let v = match c {
                    b'A'..=b'Z' => c - b'A',
                    b'a'..=b'z' => c - b'a' + 26,
                    b'0'..=b'9' => c - b'0' + 52,
                    b'+' => 62,
                    b'/' => 63,
                    _ => panic!("not base64: {c}"),
                };
                acc = (acc << 6) | u32::from(v);
                n += 6;
                if n >= 8 {
                    n -= 8;
                    bits.push(u8::try_from((acc >> n) & 0xff).expect("byte"));
                }
            }
            String::from_utf8(bits).expect("utf-8")
        })
        .collect()
}

#[test]
fn y_copies_the_session_as_markdown_through_the_terminal_and_share_safe_leaves_private_notes_out() {
    let mut rt = runtime();
    let mut s = Script::new();
    s.new_session()
        .ctrl('n')
        .ctrl('n')
        .typ("Ship the pricing model")
        .ctrl('o')
        .typ("Seemed tired today")
        .ctrl('o')
        .ctrl('f')
        .typ("y")
        // On the summary: copy, then share-safe and copy again.
        .typ("y")
        .ctrl('t')
        .typ("y")
        .typ("q");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    event_loop(&mut terminal, &mut rt, &mut s).expect("loop");
    let copies = clipboard_texts(&s.written);
    assert_eq!(copies.len(), 2, "two copies");
    let Screen::Summary(sum) = &rt.app.screen else {
        panic!("not on the summary");
    };
    let id = sum.data.record.session.id.clone();
    let (want, _) =
        innerceo::tui::clipboard::session_markdown(&rt.store, &id, true, rt.app.now).expect("md");
    assert_eq!(
        copies[0], want,
        "the session's Markdown, as the export writes it"
    );
    assert!(copies[0].contains("Ship the pricing model"));
    assert!(copies[0].contains("Seemed tired today"));
    assert!(copies[1].contains("Ship the pricing model"));
    assert!(
        !copies[1].contains("Seemed tired today"),
        "share-safe copies no private note"
    );
}

#[test]
fn an_idle_home_sleeps_until_the_date_changes() {
    let mut rt = runtime();
    let mut s = Script::new();
    s.idle().idle();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    event_loop(&mut terminal, &mut rt, &mut s).expect("loop");
    let midnight = innerceo::dates::until_tomorrow(NOW);
    assert!(midnight > Duration::from_hours(1), "{midnight:?}");
    // Nothing on home moves before the date does: no wake-up until then,
    // not even after a wait that ended with nothing to do.
    assert_eq!(s.timeouts, vec![midnight, midnight]);
}

#[test]
fn a_live_session_wakes_once_a_second_and_typing_is_saved_within_a_quarter() {
    let mut rt = runtime();
    let mut s = Script::new();
    s.new_session().idle().ctrl('n').ctrl('n').typ("x").idle();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    event_loop(&mut terminal, &mut rt, &mut s).expect("loop");
    assert_eq!(s.timeouts.len(), 2);
    assert!(
        s.timeouts[0] <= Duration::from_secs(1),
        "the session clocks tick: {:?}",
        s.timeouts[0]
    );
    assert!(
        s.timeouts[1] <= innerceo::tui::runtime::SAVE_DELAY,
        "a save is due within 250 ms of typing: {:?}",
        s.timeouts[1]
    );
}

#[test]
fn saved_typing_is_tidied_once_the_keys_rest_and_then_nothing_is_due() {
    let mut rt = runtime();
    let mut s = Script::new();
    s.new_session().ctrl('n').ctrl('n').typ("x").ctrl('s');
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    event_loop(&mut terminal, &mut rt, &mut s).expect("loop");
    let due = rt.next_deadline().expect("a tidy is due after a save");
    assert!(due <= innerceo::tui::runtime::TIDY_IDLE, "{due:?}");
    std::thread::sleep(due + Duration::from_millis(20));
    rt.on_deadline();
    assert_eq!(rt.next_deadline(), None, "nothing waits once tidied");
}
