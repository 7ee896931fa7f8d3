//! Passphrases: read from a private file or typed with hidden input, never
//! taken from arguments or the environment, never printed.

use std::fmt;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// A passphrase. Its `Debug` never shows it, and it is wiped when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(zeroize::Zeroizing<String>);

impl Passphrase {
    /// A passphrase from text; refused when empty.
    pub fn new(text: String) -> Result<Self> {
        if text.is_empty() {
            bail!("the passphrase is empty: choose one with at least one character");
        }
        Ok(Self(zeroize::Zeroizing::new(text)))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// Reads a passphrase from the first line of `path`. The file must not be
/// readable or writable by anyone but its owner (like an SSH key).
pub fn read_passphrase_file(path: &Path) -> Result<Passphrase> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path)
            .with_context(|| format!("cannot read the passphrase file {}", path.display()))?;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            bail!(
                "the passphrase file {} can be read by others (mode {:o}): run `chmod 600 {}` first",
                path.display(),
                mode & 0o777,
                path.display()
            );
        }
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the passphrase file {}", path.display()))?;
    let line = text.lines().next().unwrap_or_default().to_owned();
    Passphrase::new(line)
        .with_context(|| format!("the passphrase file {} holds no passphrase", path.display()))
}

/// Asks on the terminal with hidden input.
pub fn prompt(question: &str) -> Result<Passphrase> {
    let text = rpassword::prompt_password(question)
        .context("cannot read a passphrase: no terminal to ask on (use --passphrase-file)")?;
    Passphrase::new(text)
}

/// Asks twice for a new passphrase; they must match.
pub fn prompt_new() -> Result<Passphrase> {
    let first = prompt("New passphrase: ")?;
    let second = prompt("Same passphrase again: ")?;
    if first != second {
        bail!("the two passphrases differ; nothing was changed");
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_passphrase() {
        let p = Passphrase::new("hunter2".into()).expect("non-empty");
        assert!(!format!("{p:?}").contains("hunter2"));
        assert!(Passphrase::new(String::new()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let f = dir.path().join("pass");
        std::fs::write(&f, "correct horse\n").expect("write");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let e = read_passphrase_file(&f).expect_err("readable by others");
        assert!(e.to_string().contains("chmod 600"), "{e}");
        assert!(!e.to_string().contains("correct horse"));
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert_eq!(
            read_passphrase_file(&f).expect("private").expose(),
            "correct horse"
        );
    }
}
