//! Running the coach's own editor on a text: `$VISUAL`, else `$EDITOR`,
//! on a private temporary file, with the terminal handed over while it
//! runs. Failing or missing, it says so and nothing changes.

use std::io::Write as _;
use std::process::Command;

/// The editor command the environment names.
pub fn command(env: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|k| {
            env(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        })
        .ok_or_else(|| {
            "No editor is set: set $VISUAL or $EDITOR (for example EDITOR=nano) to write here \
             in your own editor"
                .to_owned()
        })
}

/// Runs `cmd` on a file holding `text` and returns what it holds after.
pub fn edit(cmd: &str, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("innerceo-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("Cannot make a file for the editor: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.flush())
        .map_err(|e| format!("Cannot write the file for the editor: {e}"))?;
    let path = file.path().to_path_buf();
    let status = editor_process(cmd, &path).status().map_err(|e| {
        format!("Could not start your editor \"{cmd}\": {e}. The text is unchanged")
    })?;
    if !status.success() {
        let how = status.code().map_or_else(
            || "was stopped".to_owned(),
            |c| format!("exited with status {c}"),
        );
        return Err(format!(
            "Your editor \"{cmd}\" {how}: the text is unchanged"
        ));
    }
    std::fs::read_to_string(&path)
        .map_err(|e| format!("Cannot read back what the editor wrote: {e}. The text is unchanged"))
}

/// The command as a shell would run it, so that `code --wait` or an
/// editor with flags works; the file is passed as its own argument.
#[cfg(unix)]
fn editor_process(cmd: &str, path: &std::path::Path) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("{cmd} \"$1\""))
        .arg("innerceo")
        .arg(path);
    c
}

#[cfg(not(unix))]
fn editor_process(cmd: &str, path: &std::path::Path) -> Command {
    let mut words = cmd.split_whitespace();
    let mut c = Command::new(words.next().unwrap_or(cmd));
    c.args(words).arg(path);
    c
}
