//! Exports and import at ten years of use: every session (10,000) to JSON
//! and to Markdown, written as `innerceo export` writes them (a session at a
//! time, to a file), and that JSON imported into an empty database as
//! `innerceo import` does (read, checked and written in one pass). Peak
//! memory is measured on the whole process by `scripts/bench-process.sh`.
//!
//! `cargo bench --bench export`. Each sample takes seconds: few samples.

#[path = "support/mod.rs"]
mod support;

use divan::Bencher;
use innerceo::export::{self, Format, Scope, import};
use innerceo::store::Store;

fn main() {
    support::data_set();
    divan::main();
}

/// Budget < 1 s for JSON at 10,000 sessions: read every session from the
/// store and write it to a file, one at a time.
#[divan::bench(args = ["json", "md"], sample_count = 3, sample_size = 1)]
fn export_all(bencher: Bencher, format: &str) {
    let store = Store::open(&support::data_set()).expect("open");
    let format = if format == "json" {
        Format::Json
    } else {
        Format::Md
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("all");
    bencher.bench_local(|| {
        store
            .in_snapshot(|| -> anyhow::Result<export::Written> {
                let src = export::Stream::new(&store, &Scope::All, false, innerceo::dates::now())?;
                export::write_atomic_with(&path, |w| export::write(&src, format, w))
            })
            .expect("export")
    });
}

/// Budget < 2.5 s: read the JSON export of everything (private notes included)
/// and import it into a new, empty database file.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_all(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("all.json");
    {
        let store = Store::open(&support::data_set()).expect("open");
        let all =
            export::collect(&store, &Scope::All, true, innerceo::dates::now()).expect("collect");
        std::fs::write(&json, export::render(&all, Format::Json).expect("render"))
            .expect("write the export");
    }
    let mut n = 0;
    bencher
        .with_inputs(|| {
            n += 1;
            dir.path().join(format!("import-{n}.db"))
        })
        .bench_local_values(|db| {
            let store = Store::open(&db).expect("open an empty file");
            let report = import::import_file(&store, &json).expect("import");
            assert_eq!(report.sessions, store.counts().expect("counts").sessions);
            report
        });
}
