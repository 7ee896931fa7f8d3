//! The HTML report and the coachee export in a real browser: no console
//! error (so nothing was blocked by the page's security policy), and the
//! trend chart's date labels, measured where Chromium drew them, never
//! overlap, however many sessions there are.

use std::path::Path;

use serde_json::{Value, json};

use super::bin::{innerceo, run_ok};
use super::{fixture, webdriver};

/// The boxes Chromium drew for the chart's date labels, left to right.
fn label_boxes(b: &webdriver::Browser) -> Vec<(f64, f64, f64, f64, String)> {
    let v = b.execute(
        "return [...document.querySelectorAll('svg.trend text.date')].map(t => {
           const r = t.getBoundingClientRect();
           return [r.left, r.right, r.top, r.bottom, t.textContent];
         });",
        json!([]),
    );
    let f = |x: &Value| x.as_f64().unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                f(&r[0]),
                f(&r[1]),
                f(&r[2]),
                f(&r[3]),
                r[4].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn check_page(b: &webdriver::Browser, page: &Path, sessions: usize) {
    b.open_file(page);
    let errors = b.errors();
    assert!(
        errors.is_empty(),
        "{}: console errors {errors:?}",
        page.display()
    );
    let boxes = label_boxes(b);
    assert!(
        boxes.len() >= 2,
        "{sessions} sessions: first and last dated, got {boxes:?}"
    );
    for pair in boxes.windows(2) {
        let (a, z) = (&pair[0], &pair[1]);
        assert!(
            a.1 <= z.0,
            "{sessions} sessions in {}: {} ends at {:.1} but {} starts at {:.1}",
            page.display(),
            a.4,
            a.1,
            z.4,
            z.0
        );
    }
    let svg = b.execute(
        "const r = document.querySelector('svg.trend').getBoundingClientRect();
         return [r.left, r.right];",
        json!([]),
    );
    let (left, right) = (svg[0].as_f64().unwrap(), svg[1].as_f64().unwrap());
    for x in &boxes {
        assert!(
            x.0 >= left - 0.5 && x.1 <= right + 0.5,
            "{} inside the chart",
            x.4
        );
    }
}

#[test]
fn the_reports_chart_labels_never_overlap_in_a_real_browser() {
    let Some(b) = webdriver::browser() else {
        return;
    };
    for n in [2, 3, 8, 20, 52] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        fixture::fill_with(&db, &fixture::weekly(n));
        let report = dir.path().join("report.html");
        run_ok(
            innerceo(&db)
                .args(["report", "--coachee", "noor", "-o"])
                .arg(&report),
        );
        check_page(&b, &report, n);
        let sponsor = dir.path().join("sponsor.html");
        run_ok(
            innerceo(&db)
                .args(["report", "--coachee", "noor", "--sponsor", "-o"])
                .arg(&sponsor),
        );
        check_page(&b, &sponsor, n);
        // The coachee export draws the same chart.
        let export = dir.path().join("export.html");
        run_ok(
            innerceo(&db)
                .args(["export", "--coachee", "noor", "--format", "html", "-o"])
                .arg(&export),
        );
        check_page(&b, &export, n);
    }
}
