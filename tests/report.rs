//! Progress reports: every figure computed from an engagement with known
//! answers, the same in Markdown and HTML; a sponsor report without one
//! confidential word; the practice view without names unless asked; and
//! bad input refused with nothing changed.

#![allow(clippy::unwrap_used)]

#[path = "common/bin.rs"]
mod bin;
#[path = "report/browser.rs"]
mod browser;
#[path = "report/fixture.rs"]
mod fixture;
#[path = "common/webdriver.rs"]
mod webdriver;

use std::collections::BTreeMap;
use std::path::Path;

use bin::{innerceo, run_ok};
use fixture::PRIVATE_WORD;

/// A database with the fixture, in a folder that lives as long as it.
fn db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    fixture::fill(&db);
    (dir, db)
}

fn report(db: &Path, args: &[&str]) -> String {
    let out = run_ok(innerceo(db).arg("report").args(args));
    String::from_utf8(out.stdout).unwrap()
}

/// What a reader sees in a report, whatever the format: the facts
/// (`label: value`) and the rows of every table.
#[derive(Debug, PartialEq)]
struct Seen {
    facts: BTreeMap<String, String>,
    /// Each table's rows, its heading row first.
    tables: Vec<Vec<Vec<String>>>,
}

fn unescape(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

fn seen_md(md: &str) -> Seen {
    let mut facts = BTreeMap::new();
    let mut tables: Vec<Vec<Vec<String>>> = vec![];
    let mut in_table = false;
    for line in md.lines() {
        if let Some(rest) = line.strip_prefix("- **")
            && let Some((label, value)) = rest.split_once(":** ")
        {
            facts.insert(label.to_owned(), value.replace('\\', ""));
        }
        if !line.starts_with("| ") {
            in_table = false;
        } else if !line.starts_with("| ---") {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').replace('\\', ""))
                .collect();
            if !in_table {
                tables.push(vec![]);
                in_table = true;
            }
            tables.last_mut().unwrap().push(cells);
        }
    }
    Seen { facts, tables }
}

fn seen_html(html: &str) -> Seen {
    let mut facts = BTreeMap::new();
    for part in html.split("<dt>").skip(1) {
        let (label, rest) = part.split_once("</dt><dd>").unwrap();
        let value = rest.split_once("</dd>").unwrap().0;
        facts.insert(unescape(label), unescape(value));
    }
    let mut tables = vec![];
    for table in html.split("<table>").skip(1) {
        let mut rows = vec![];
        let table = table.split_once("</table>").unwrap().0;
        let head = table.split_once("</thead>").unwrap();
        let heads: Vec<String> = head
            .0
            .split("<th>")
            .skip(1)
            .map(|h| unescape(h.split_once("</th>").unwrap().0))
            .collect();
        rows.push(heads);
        for tr in head.1.split("<tr>").skip(1) {
            let cells = tr
                .split("<td class=\"")
                .skip(1)
                .map(|td| {
                    let inner = td.split_once("\">").unwrap().1;
                    unescape(inner.split_once("</td>").unwrap().0)
                })
                .collect();
            rows.push(cells);
        }
        tables.push(rows);
    }
    Seen { facts, tables }
}

/// The report in both formats, checked to say the same thing.
fn both(db: &Path, args: &[&str]) -> (String, String, Seen) {
    let mut md_args = args.to_vec();
    md_args.extend(["--format", "md"]);
    let mut html_args = args.to_vec();
    html_args.extend(["--format", "html"]);
    let md = report(db, &md_args);
    let html = report(db, &html_args);
    let (a, b) = (seen_md(&md), seen_html(&html));
    assert_eq!(a, b, "Markdown and HTML show the same figures");
    (md, html, a)
}

fn fact<'a>(s: &'a Seen, label: &str) -> &'a str {
    s.facts
        .get(label)
        .unwrap_or_else(|| panic!("no fact {label:?} in {:#?}", s.facts))
}

/// The row starting with `first` in the table with a column `column`.
fn row<'a>(s: &'a Seen, column: &str, first: &str) -> &'a [String] {
    s.tables
        .iter()
        .filter(|t| t[0].iter().any(|h| h == column))
        .flat_map(|t| t.iter().skip(1))
        .find(|r| r.first().is_some_and(|c| c == first))
        .unwrap_or_else(|| panic!("no row {first:?} under {column:?} in {:#?}", s.tables))
}

fn today() -> String {
    innerceo::dates::fmt_date(innerceo::dates::today())
}

#[test]
fn every_figure_of_a_coachee_report_comes_from_the_sessions() {
    let (_dir, db) = db();
    let (md, html, s) = both(&db, &["--coachee", "maya"]);
    assert_eq!(
        fact(&s, "Sessions held"),
        "4, from 2026-03-02 to 2026-04-21"
    );
    // 3600 + 2700 + 3000 + 3300 seconds; 52.5 minutes each, rounded.
    assert_eq!(fact(&s, "Total time"), "3 h 30 min (53 min on average)");
    assert_eq!(fact(&s, "Rhythm planned"), "every 2 weeks");
    assert_eq!(
        fact(&s, "Time between sessions"),
        "median 15 days (from 14 to 21)"
    );
    // 14 against 14 agreed, 21 against the 14-day rhythm, 15 against 14.
    assert_eq!(
        fact(&s, "Kept to the plan"),
        "2 of 3 gaps (within 3 days of the date planned)"
    );
    assert_eq!(fact(&s, "Guides used"), "One-to-one (4)");
    let days = |d: &str| row(&s, "Guide", d)[3..6].to_vec();
    assert_eq!(days("2026-03-02"), ["-", "-", "6/10"]);
    assert_eq!(days("2026-03-16"), ["14", "14", "7/10"]);
    assert_eq!(days("2026-04-06"), ["21", "14", "8/10"]);
    assert_eq!(days("2026-04-21"), ["15", "14", "9/10"]);
    assert_eq!(row(&s, "Guide", "2026-03-02")[2], "1 h 00 min");

    // First, latest, change, and the sparkline (· where unscored).
    assert_eq!(
        row(&s, "Center", "Autonomy"),
        ["Autonomy", "4", "7", "+3", "▃▄·▆"]
    );
    assert_eq!(row(&s, "Center", "Self-motivation")[1..4], ["6", "5", "-1"]);
    assert_eq!(row(&s, "Center", "Relationships")[1..4], ["5", "5", "0"]);

    assert_eq!(fact(&s, "Latest"), "Stepping up (2026-04-21)");
    assert_eq!(fact(&s, "Chosen"), "Stepping in (2), Stepping up (2)");
    assert_eq!(
        row(&s, "Pathway", "2026-04-06")[..3],
        [
            "2026-04-06",
            "Stepping up",
            "Leadership skills, Personal skills"
        ]
    );

    assert_eq!(fact(&s, "Agreed"), "6");
    assert_eq!(fact(&s, "Done"), "3");
    assert_eq!(fact(&s, "Dropped"), "1");
    assert_eq!(fact(&s, "Open"), format!("2 (1 overdue on {})", today()));
    assert_eq!(fact(&s, "Completion"), "50% (3 of 6 done)");
    // Done after 10, 20 and 9 days.
    assert_eq!(fact(&s, "Agreed to done"), "median 10 days");
    assert_eq!(
        row(&s, "Owner", "Action text number 4 of the engagement")[2..],
        ["2026-04-06", "2026-04-10 (overdue)"]
    );
    assert_eq!(
        row(&s, "Owner", "Action text number 5 of the engagement")[3],
        "2099-01-01"
    );
    for done in [1, 2, 3, 6] {
        let text = format!("Action text number {done} of");
        assert!(
            !md.contains(&text) && !html.contains(&text),
            "{text} is not open"
        );
    }

    for text in [
        "key_insight words of session m100",
        "commitment words of session m400",
        "intent words of session m300",
        "shared note words of session m200",
        "rationale words of session m300",
    ] {
        // Markdown escapes the underscores.
        assert!(
            md.replace('\\', "").contains(text),
            "Markdown holds {text:?}"
        );
        assert!(html.contains(text), "HTML holds {text:?}");
    }
    assert!(!md.contains(PRIVATE_WORD) && !html.contains(PRIVATE_WORD));
    for name in ["Kofi", "Lena"] {
        assert!(!md.contains(name), "only Maya's sessions");
    }
    assert!(md.starts_with("# Coaching progress report: Maya Ortiz"));
}

#[test]
fn a_period_counts_only_its_sessions_and_statuses_as_they_were() {
    let (_dir, db) = db();
    let (_, _, s) = both(&db, &["--coachee", "Maya Ortiz", "--until", "2026-03-31"]);
    assert_eq!(
        fact(&s, "Sessions held"),
        "2, from 2026-03-02 to 2026-03-16"
    );
    // As of 31 March action 3 was still open (dropped on 6 April), and
    // overdue since the 20th.
    assert_eq!(fact(&s, "Agreed"), "3");
    assert_eq!(fact(&s, "Done"), "2");
    assert_eq!(fact(&s, "Dropped"), "0");
    assert_eq!(fact(&s, "Open"), "1 (1 overdue on 2026-03-31)");
    assert_eq!(fact(&s, "Completion"), "67% (2 of 3 done)");
    assert_eq!(fact(&s, "Agreed to done"), "median 15 days");
    assert_eq!(row(&s, "Center", "Autonomy")[1..4], ["4", "5", "+1"]);

    let (md, _, s) = both(&db, &["--coachee", "maya", "--since", "2026-03-10"]);
    assert_eq!(
        fact(&s, "Sessions held"),
        "3, from 2026-03-16 to 2026-04-21"
    );
    assert_eq!(row(&s, "Center", "Autonomy")[1..4], ["5", "7", "+2"]);
    assert!(md.contains("2026-03-10 to "), "the period is named");
    assert!(!md.contains("session m100"));
}

#[test]
fn private_notes_only_when_asked_for() {
    let (_dir, db) = db();
    let md = report(&db, &["--coachee", "maya", "--include-private"]);
    assert!(md.contains("Zanzibar private note words of session m200"));
    assert!(md.contains("private, coach only"), "marked as private");
    // The coach's notes about the coachee stay out of every report.
    assert!(!md.contains("coachee notes about"));
}

#[test]
fn a_sponsor_report_holds_no_confidential_word_and_says_so_first() {
    let (_dir, db) = db();
    let (md, html, s) = both(&db, &["--coachee", "maya", "--sponsor"]);
    assert!(
        md.starts_with("**For a sponsor: this report leaves out every answer, note, insight, commitment and action text"),
        "{md}"
    );
    let body = html.split_once("<body>").unwrap().1;
    assert!(
        body.trim_start()
            .starts_with("<p class=\"notice\">For a sponsor:")
    );
    for text in fixture::confidential_texts() {
        assert!(!md.contains(&text), "Markdown holds {text:?}");
        assert!(!html.contains(&text), "HTML holds {text:?}");
    }
    // Dates, counts, scores, statuses and the pathway stay.
    assert_eq!(fact(&s, "Completion"), "50% (3 of 6 done)");
    assert_eq!(row(&s, "Center", "Autonomy")[1..4], ["4", "7", "+3"]);
    assert_eq!(fact(&s, "Latest"), "Stepping up (2026-04-21)");
    assert_eq!(
        row(&s, "Pathway", "2026-04-06").len(),
        3,
        "no rationale column"
    );

    let out = innerceo(&db)
        .args([
            "report",
            "--coachee",
            "maya",
            "--sponsor",
            "--include-private",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be used with"));
}

#[test]
fn the_practice_view_adds_up_active_coachees_and_names_none_unless_asked() {
    let (_dir, db) = db();
    let (md, html, s) = both(&db, &["--all", "--sponsor"]);
    assert!(md.starts_with("**For a sponsor:"), "{md}");
    assert_eq!(fact(&s, "Active coachees"), "2");
    assert_eq!(fact(&s, "Coached in the period"), "2 of 2");
    assert_eq!(fact(&s, "Sessions held"), "6");
    assert_eq!(fact(&s, "Sessions per coachee"), "median 3 (from 2 to 4)");
    // Autonomy: Maya +3, Kofi +1. Self-motivation: Maya -1, Kofi 0.
    assert_eq!(
        row(&s, "Center", "Autonomy"),
        ["Autonomy", "2", "+2.0", "1.0", "+1", "+3"]
    );
    assert_eq!(
        row(&s, "Center", "Self-motivation")[2..],
        ["-0.5", "0.5", "-1", "0"]
    );
    assert_eq!(fact(&s, "Agreed"), "7");
    assert_eq!(fact(&s, "Completion"), "57% (4 of 7 done)");
    assert_eq!(row(&s, "Times chosen", "Stepping in")[1..], ["3", "1"]);
    assert_eq!(row(&s, "Times chosen", "Stepping up")[1..], ["2", "1"]);
    for name in ["Maya", "Kofi", "Lena", "Ortiz", "Mensah"] {
        assert!(!md.contains(name) && !html.contains(name), "{name} named");
    }
    for text in fixture::confidential_texts() {
        assert!(!md.contains(&text) && !html.contains(&text), "{text:?}");
    }
    // Archived coachees are not part of the practice.
    assert!(!md.contains("Stepping out"));

    let md = report(&db, &["--all", "--sponsor", "--names"]);
    assert!(md.contains("| Maya Ortiz | 4 | 2026-04-21 |"), "{md}");
    assert!(md.contains("| Kofi Mensah | 2 | 2026-04-02 |"), "{md}");
    assert!(!md.contains("Lena"), "archived");
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_changed() {
    let (dir, db) = db();
    let before = std::fs::read(&db).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--coachee", "maya", "--since", "2026-13-01"],
            "is not a date: write it as YYYY-MM-DD",
        ),
        (
            &["--coachee", "maya", "--until", "last week"],
            "--until \"last week\" is not a date",
        ),
        (
            &[
                "--coachee",
                "maya",
                "--since",
                "2026-05-01",
                "--until",
                "2026-04-01",
            ],
            "is after --until",
        ),
        (&["--coachee", "nobody"], "no coachee named \"nobody\""),
        (&["--since", "2026-01-01"], "--coachee"),
        (&["--coachee", "maya", "--names"], "--all"),
        (&["--all", "--include-private"], "holds no notes"),
        (
            &["--coachee", "maya", "-o", "/no/such/folder/r.md"],
            "does not exist",
        ),
    ];
    for (args, says) in cases {
        let out = innerceo(&db).arg("report").args(*args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} refused");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is unchanged"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "no file written: {files:?}");
}

#[test]
fn a_report_file_is_private_and_its_format_follows_the_name() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = db();
    let path = dir.path().join("maya.html");
    let out = run_ok(
        innerceo(&db)
            .args(["report", "--coachee", "maya", "-o"])
            .arg(&path),
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Wrote the report for Maya Ortiz"), "{said}");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no request anywhere"
    );
    assert!(html.contains("default-src 'none'"));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "readable by the user only");
}
