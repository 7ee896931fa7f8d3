//! Exports and import: golden files of a fixed data set in every format,
//! each format read back by a parser, private notes kept out, hostile text
//! made harmless, and JSON import that is all or nothing and idempotent.

// A panic is how a test fails, so unwrapping is the point here.
#![allow(clippy::unwrap_used)]

#[path = "common/fixture.rs"]
mod fixture;

#[path = "export/doc.rs"]
mod document;
#[path = "export/import.rs"]
mod import;

use innerceo::export::{self, Export, Format, Scope};
use innerceo::store::Store;

use fixture::{A1, EXPORTED_AT, PRIVATE_WORD};

fn export_of(store: &Store, scope: Scope, private: bool) -> Export {
    export::collect(store, &scope, private, EXPORTED_AT).unwrap()
}

fn text(e: &Export, format: Format) -> String {
    String::from_utf8(export::render(e, format).unwrap()).unwrap()
}

// ---- golden files ----

#[test]
fn golden_markdown() {
    let store = fixture::store();
    insta::assert_snapshot!(
        "all.md",
        text(&export_of(&store, Scope::All, false), Format::Md)
    );
    insta::assert_snapshot!(
        "session.md",
        text(
            &export_of(&store, Scope::Session("a2000000".into()), false),
            Format::Md
        )
    );
}

#[test]
fn golden_html() {
    let store = fixture::store();
    insta::assert_snapshot!(
        "all.html",
        text(&export_of(&store, Scope::All, false), Format::Html)
    );
}

#[test]
fn golden_json() {
    let store = fixture::store();
    insta::assert_snapshot!(
        "all.json",
        text(&export_of(&store, Scope::All, false), Format::Json)
    );
}

#[test]
fn golden_csv() {
    let store = fixture::store();
    insta::assert_snapshot!(
        "all.csv",
        text(&export_of(&store, Scope::All, false), Format::Csv)
    );
}

#[test]
fn golden_ics() {
    let store = fixture::store();
    let ics = text(&export_of(&store, Scope::All, false), Format::Ics);
    // Shown with LF so the snapshot file is readable; CRLF is checked below.
    insta::assert_snapshot!("all.ics", ics.replace("\r\n", "\n"));
}

// ---- each format read back by a parser ----

#[test]
fn markdown_has_headings_and_tables_for_a_parser() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
    let store = fixture::store();
    let md = text(&export_of(&store, Scope::All, false), Format::Md);
    let mut headings = Vec::new();
    let mut tables = 0;
    let mut in_heading = None;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level, String::new())),
            Event::Text(t) => {
                if let Some((_, s)) = in_heading.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => headings.extend(in_heading.take()),
            Event::Start(Tag::Table(_)) => tables += 1,
            _ => {}
        }
    }
    let titles: Vec<&str> = headings.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        headings[0],
        (HeadingLevel::H1, "Coaching sessions".to_owned())
    );
    assert!(titles.contains(&"Contents"), "{titles:?}");
    assert!(
        titles.contains(&"Ada Lovelace — Thu 1 Oct 2026"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Six Centers"), "{titles:?}");
    // A user answer starting with "#" is text, not a heading.
    assert!(!titles.iter().any(|t| t.contains("churn")), "{titles:?}");
    // Per session: Six Centers and actions (and reviews in the second one).
    assert!(tables >= 6, "{tables} tables");
    // The pipe inside an action stays inside its cell.
    assert!(
        md.contains("Book a skip\\-level lunch \\| ask about hiring")
            || md.contains("Book a skip-level lunch \\| ask about hiring"),
        "{md}"
    );
}

fn unescape_ics(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Name and unescaped value of each property of a component.
type Props = Vec<(String, String)>;

fn ics_components(ics: &str) -> (Vec<Props>, Vec<Props>) {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = calendars.next().unwrap().unwrap();
    assert!(calendars.next().is_none());
    let props = |ps: &[ical::property::Property]| {
        ps.iter()
            .map(|p| {
                (
                    p.name.clone(),
                    unescape_ics(p.value.as_deref().unwrap_or("")),
                )
            })
            .collect::<Vec<_>>()
    };
    (
        cal.todos.iter().map(|t| props(&t.properties)).collect(),
        cal.events.iter().map(|e| props(&e.properties)).collect(),
    )
}

fn prop<'a>(c: &'a [(String, String)], name: &str) -> &'a str {
    c.iter()
        .find(|(n, _)| n == name)
        .map_or_else(|| panic!("no {name} in {c:?}"), |(_, v)| v.as_str())
}

#[test]
fn icalendar_is_valid_folded_and_parses_back() {
    let store = fixture::store();
    let ics = text(&export_of(&store, Scope::All, false), Format::Ics);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "bare LF in {ics:?}"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(ics.contains("\r\n "), "the long action is folded");
    let (todos, events) = ics_components(&ics);
    // Open actions with a due date: act2 (carried), act4 and Bo's.
    assert_eq!(todos.len(), 3, "{todos:?}");
    assert_eq!(events.len(), 2, "{events:?}");
    let bo = todos
        .iter()
        .find(|t| prop(t, "UID") == "ac000000-0000-4000-8000-000000000005@innerceo")
        .unwrap();
    assert_eq!(
        prop(bo, "SUMMARY"),
        "Map owners, risks; dependencies \\ timelines for the platform migration across every team involved"
    );
    assert_eq!(prop(bo, "DUE"), "20261120");
    assert_eq!(prop(bo, "STATUS"), "NEEDS-ACTION");
    assert_eq!(prop(bo, "DTSTAMP"), "20261201T090000Z");
    assert!(prop(bo, "DESCRIPTION").starts_with("Coachee: Bo Chen\nOwner: coachee\n"));
    let next = events
        .iter()
        .find(|e| prop(e, "UID") == format!("{A1}@innerceo"))
        .unwrap();
    assert_eq!(prop(next, "DTSTART"), "20261029");
    assert_eq!(prop(next, "SUMMARY"), "Coaching session with Ada Lovelace");
}

#[test]
fn icalendar_escapes_and_folds_hostile_text() {
    let store = Store::open_in_memory().unwrap();
    let nasty = |s: &str| format!("{s}, with; semi\\colons\nand lines\r\n{}", "ü李".repeat(40));
    fixture::fill(&store, &nasty);
    let ics = text(&export_of(&store, Scope::All, false), Format::Ics);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
    }
    let (todos, _) = ics_components(&ics);
    let summaries: Vec<&str> = todos.iter().map(|t| prop(t, "SUMMARY")).collect();
    let want = nasty("Book a skip-level lunch | ask about hiring").replace("\r\n", "\n");
    assert!(summaries.contains(&want.as_str()), "{summaries:?}");
}

#[test]
fn csv_reads_back_and_neutralises_formulas() {
    let store = fixture::store();
    let csv_text = text(&export_of(&store, Scope::All, false), Format::Csv);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "coachee",
            "session date",
            "text",
            "owner",
            "due",
            "status",
            "completed"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let formula = rows.iter().find(|r| r[2].contains("HYPERLINK")).unwrap();
    assert_eq!(
        &formula[2],
        "'=HYPERLINK(\"http://example.com\") read the budget"
    );
    assert_eq!(&formula[5], "dropped");
    let first = &rows[0];
    assert_eq!(&first[0], "Ada Lovelace");
    assert_eq!(&first[1], "2026-10-01");
    assert_eq!(
        &first[2],
        "Draft the Q1 roadmap, then share it with the team"
    );
    assert_eq!(&first[4], "2026-10-15");
    assert_eq!(&first[6], "2026-10-29");

    let hostile = Store::open_in_memory().unwrap();
    for lead in ["=", "+", "-", "@", "\t", "\r"] {
        let t = |s: &str| format!("{lead}{s}");
        let store = Store::open_in_memory().unwrap();
        fixture::fill(&store, &t);
        let out = text(&export_of(&store, Scope::All, false), Format::Csv);
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(out.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        for row in &rows {
            for i in [0, 2, 3] {
                assert!(row[i].starts_with('\''), "{lead:?}: {:?}", &row[i]);
            }
        }
    }
    drop(hostile);
}

// ---- what must not leak, and what must not run ----

#[test]
fn private_notes_only_with_include_private_and_then_marked() {
    let store = fixture::store();
    for format in [
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Ics,
    ] {
        for scope in [
            Scope::All,
            Scope::Session(A1.into()),
            Scope::Coachee("ada lovelace".into()),
        ] {
            let without = text(&export_of(&store, scope.clone(), false), format);
            assert!(
                !without.contains(PRIVATE_WORD),
                "{format:?} {scope:?} leaks:\n{without}"
            );
            let with = text(&export_of(&store, scope.clone(), true), format);
            assert!(
                with.contains(PRIVATE_WORD),
                "{format:?} {scope:?} lacks private notes"
            );
            let marked = match format {
                Format::Md | Format::Html => "coach only",
                Format::Json => "\"visibility\": \"private\"",
                Format::Csv => "private note (coach only)",
                Format::Ics => "Private — coach only",
            };
            assert!(
                with.contains(marked),
                "{format:?} does not mark private notes:\n{with}"
            );
        }
    }
    let md = innerceo::export::md::render(&export_of(&store, Scope::Session(A1.into()), false));
    assert!(!md.contains("Private"), "{md}");
}

#[test]
fn html_renders_hostile_text_as_text() {
    let store = Store::open_in_memory().unwrap();
    let hostile =
        |s: &str| format!("{s} <script>alert(1)</script> \"><img src=x onerror=alert(2)> & co");
    fixture::fill(&store, &hostile);
    let html = text(&export_of(&store, Scope::All, true), Format::Html);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"),
        "{html}"
    );
    assert!(html.contains("&amp; co"));
    // Every field carries the marker text: names, roles, answers, notes,
    // actions, owners, rationales, review notes, rating notes.
    for field in [
        "Ada Lovelace",
        "Head of Product",
        "Ship the new onboarding",
        "Agreed to revisit",
        "Draft the Q1 roadmap",
        "coach",
        "Own the roadmap",
        "Shared on Monday",
        "More room since",
        "Seemed tired",
    ] {
        assert!(html.contains(field), "{field} missing");
    }
    // No request leaves the page: no external URL in any src or href.
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "{html}"
    );
    assert!(!html.contains("<link") && !html.contains("@import"));
    // The same text is harmless in Markdown: a renderer sees it as text,
    // and the only raw HTML is the document's own anchors and line breaks.
    let md = text(&export_of(&store, Scope::All, true), Format::Md);
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    for event in pulldown_cmark::Parser::new_ext(&md, options) {
        if let pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) = event {
            assert!(
                h.starts_with("<a id=\"session-") || &*h == "</a>" || &*h == "<br>",
                "raw HTML: {h}"
            );
        }
    }
    assert!(md.contains("\\<script\\>"), "{md}");
}

#[test]
fn html_draws_the_radar_and_a_trend_for_several_sessions() {
    let store = fixture::store();
    let all = text(&export_of(&store, Scope::All, false), Format::Html);
    assert_eq!(all.matches("class=\"radar\"").count(), 2);
    assert_eq!(
        all.matches("class=\"trend\"").count(),
        2,
        "one section and one svg for Ada only"
    );
    assert!(
        all.contains("polygon class=\"previous\""),
        "the second session draws the first dashed"
    );
    assert!(all.contains("@media print") && all.contains("page-break-before"));
    let one = text(
        &export_of(&store, Scope::Session(A1.into()), false),
        Format::Html,
    );
    assert!(!one.contains("class=\"trend\""));
    assert!(
        !one.contains("polygon class=\"previous\""),
        "the first session has nothing before it"
    );
}

// ---- writing files ----

#[cfg(unix)]
#[test]
fn files_are_written_private_and_whole() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    export::write_atomic(&path, b"new content").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new content");
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let e = export::write_atomic(&dir.path().join("missing/out.md"), b"x").unwrap_err();
    assert!(e.to_string().contains("does not exist"), "{e}");
}

// ---- streaming: a session is written before the next one is read ----

/// What happened, in order: a session read from the store, bytes written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Read,
    Wrote,
}

type Log = std::rc::Rc<std::cell::RefCell<Vec<Event>>>;

/// The store's export, noting each session it hands over.
struct Logged<'a> {
    inner: export::Stream<'a>,
    log: Log,
}

impl export::Source for Logged<'_> {
    fn exported_at(&self) -> time::OffsetDateTime {
        self.inner.exported_at()
    }
    fn include_private(&self) -> bool {
        self.inner.include_private()
    }
    fn coachees(&self) -> &[innerceo::model::Coachee] {
        self.inner.coachees()
    }
    fn count(&self) -> anyhow::Result<usize> {
        self.inner.count()
    }
    fn each_entry(
        &self,
        f: &mut dyn FnMut(&export::source::Entry<'_>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.inner.each_entry(f)
    }
    fn each_item(
        &self,
        f: &mut dyn FnMut(&export::Item) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.inner.each_item(&mut |item| {
            self.log.borrow_mut().push(Event::Read);
            f(item)
        })
    }
    fn trend(
        &self,
        coachee_id: &innerceo::model::CoacheeId,
    ) -> anyhow::Result<Option<export::source::Trend>> {
        self.inner.trend(coachee_id)
    }
    fn topics(&self) -> anyhow::Result<Vec<export::json_topics::JsonTopic>> {
        self.inner.topics()
    }

    fn goals(&self) -> anyhow::Result<Vec<export::json_topics::JsonGoal>> {
        self.inner.goals()
    }
}

/// An output that notes each write.
struct Out(Log);

impl std::io::Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().push(Event::Wrote);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn every_format_writes_each_session_before_reading_the_next() {
    // Sessions bigger than any buffer on the way out: holding them would show.
    let big = |s: &str| format!("{s} {}", "long words ".repeat(8_000));
    let store = Store::open_in_memory().unwrap();
    fixture::fill(&store, &big);
    for format in [
        Format::Json,
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Ics,
    ] {
        let log = Log::default();
        let src = Logged {
            inner: export::Stream::new(&store, &Scope::All, true, EXPORTED_AT).unwrap(),
            log: log.clone(),
        };
        let written = export::write(&src, format, &mut Out(log.clone())).unwrap();
        let events = log.borrow().clone();
        let reads: Vec<usize> = (0..events.len())
            .filter(|&i| events[i] == Event::Read)
            .collect();
        assert_eq!(reads.len(), 3, "{format:?}: each session read once");
        assert!(
            events[..reads[2]].contains(&Event::Wrote),
            "{format:?}: nothing was written before the last session was read: {events:?}"
        );
        if matches!(format, Format::Json | Format::Md | Format::Html) {
            assert_eq!(written.sessions, 3);
            for pair in reads.windows(2) {
                assert!(
                    events[pair[0]..pair[1]].contains(&Event::Wrote),
                    "{format:?}: two sessions read with nothing written between: {events:?}"
                );
            }
        }
    }
}

/// Every to-do and next session reminds the coach the morning before, in
/// a way calendars understand; `--no-alarms` leaves the reminders out.
#[test]
fn icalendar_reminders_are_there_unless_turned_off() {
    let store = fixture::store();
    let ics = text(&export_of(&store, Scope::All, false), Format::Ics);
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = calendars.next().unwrap().unwrap();
    let trigger = |a: &ical::parser::ical::component::IcalAlarm| {
        let t = a.properties.iter().find(|p| p.name == "TRIGGER").unwrap();
        let related = t
            .params
            .iter()
            .flatten()
            .find(|(k, _)| k == "RELATED")
            .map(|(_, v)| v.join(","));
        let action = a.properties.iter().find(|p| p.name == "ACTION").unwrap();
        (
            t.value.clone().unwrap(),
            related,
            action.value.clone().unwrap(),
        )
    };
    assert_eq!(cal.todos.len(), 3);
    for todo in &cal.todos {
        assert_eq!(todo.alarms.len(), 1, "one reminder per to-do");
        assert_eq!(
            trigger(&todo.alarms[0]),
            (
                "-PT15H".to_owned(),
                Some("END".to_owned()),
                "DISPLAY".to_owned()
            ),
            "09:00 the day before the due date"
        );
    }
    assert_eq!(cal.events.len(), 2);
    for event in &cal.events {
        assert_eq!(event.alarms.len(), 1);
        assert_eq!(
            trigger(&event.alarms[0]),
            ("-PT15H".to_owned(), None, "DISPLAY".to_owned())
        );
    }

    // From the command line, --no-alarms leaves them out.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    fixture::fill(&Store::open(&db).unwrap(), &fixture::plain);
    let mut cmd = assert_cmd::Command::cargo_bin("innerceo").unwrap();
    let out = cmd
        .env("INNERCEO_CONFIG", "/dev/null")
        .arg("--db")
        .arg(&db)
        .args(["export", "--all", "--format", "ics", "--no-alarms"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let quiet = String::from_utf8(out.stdout).unwrap();
    assert!(
        quiet.contains("BEGIN:VTODO") && !quiet.contains("VALARM"),
        "{quiet}"
    );
    let mut cmd = assert_cmd::Command::cargo_bin("innerceo").unwrap();
    let out = cmd
        .env("INNERCEO_CONFIG", "/dev/null")
        .arg("--db")
        .arg(&db)
        .args(["export", "--all", "--format", "md", "--no-alarms"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-alarms is for --format ics"));
}
