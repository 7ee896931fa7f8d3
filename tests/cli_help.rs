//! `--help` everywhere: every command and subcommand says what it does, and
//! a command with subcommands says what each of them does.

use clap::CommandFactory;
use innerceo::cli::Cli;

#[path = "common/bin.rs"]
mod bin;

/// Every command below `cmd`, with its path ("session show").
fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
    for sub in cmd.get_subcommands() {
        let path = format!("{path} {}", sub.get_name()).trim().to_owned();
        out.push((path.clone(), sub.clone()));
        walk(sub, &path, out);
    }
}

#[test]
fn every_subcommand_and_argument_has_a_description() {
    let mut all = Vec::new();
    walk(&Cli::command(), "", &mut all);
    assert!(all.len() > 20, "{} commands", all.len());
    for (path, cmd) in &all {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        assert!(
            !about.trim().is_empty(),
            "`innerceo {path}` has no description"
        );
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(
                !help.trim().is_empty(),
                "`innerceo {path}`: {} has no description",
                arg.get_id()
            );
            // A list of values explains each, once it explains one (a
            // shell's name needs no description, a status does).
            let values = arg.get_possible_values();
            if !arg.get_action().takes_values() || values.iter().all(|v| v.get_help().is_none()) {
                continue;
            }
            for value in values {
                assert!(
                    value.get_help().is_some(),
                    "`innerceo {path}`: value {} of {} has no description",
                    value.get_name(),
                    arg.get_id()
                );
            }
        }
    }
}

#[test]
fn a_command_with_subcommands_names_what_each_of_them_does() {
    let mut all = Vec::new();
    walk(&Cli::command(), "", &mut all);
    for (path, cmd) in &all {
        let about = cmd
            .get_about()
            .map(|a| a.to_string().to_lowercase())
            .unwrap_or_default();
        let words: Vec<&str> = about
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .collect();
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            assert!(
                words.contains(&sub.get_name()),
                "`innerceo {path} --help` (\"{about}\") does not say what `{}` does",
                sub.get_name()
            );
        }
    }
}

#[test]
fn session_help_says_what_list_and_show_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin::run_ok(bin::innerceo(&dir.path().join("x.db")).args(["session", "--help"]));
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(help.contains("list them"), "{help}");
    assert!(help.contains("show one"), "{help}");
    assert!(help.contains("list  List sessions, newest first"), "{help}");
}
