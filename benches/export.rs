//! Exports and import at ten years of use: every session (10,000) to JSON
//! and to Markdown, and that JSON imported into an empty database.
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

/// Budget 2 s each: gather everything from the store and render it (what
/// `innerceo export --all --format F` does before writing the file).
#[divan::bench(args = ["json", "md"], sample_count = 3, sample_size = 1)]
fn export_all(bencher: Bencher, format: &str) {
    let store = Store::open(&support::data_set()).expect("open");
    let format = if format == "json" {
        Format::Json
    } else {
        Format::Md
    };
    bencher.bench_local(|| {
        let all =
            export::collect(&store, &Scope::All, false, innerceo::dates::now()).expect("collect");
        export::render(&all, format).expect("render")
    });
}

/// Budget 5 s: read the JSON export of everything (private notes included)
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
            let doc = import::read_file(&json).expect("read the export");
            let report = import::import(&store, &doc).expect("import");
            assert_eq!(report.sessions, store.counts().expect("counts").sessions);
            report
        });
}
