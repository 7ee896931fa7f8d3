//! A headless Chromium driven over WebDriver (ChromeDriver), for tests that
//! must see a page as a real browser does: a few commands of the W3C
//! protocol spoken over a plain HTTP connection, nothing more.
//!
//! Without Chromium and ChromeDriver a test says so and fails, unless
//! `INNERCEO_SKIP_BROWSER_TESTS=1` asks to skip it (and it says that too).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    /// Where the browser saves downloads.
    pub downloads: PathBuf,
    profile: tempfile::TempDir,
}

/// A started browser, or `None` when it is missing and skipping was asked
/// for; a missing browser otherwise fails the test with what to install.
pub fn browser() -> Option<Browser> {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    if !missing.is_empty() {
        let what = format!(
            "this browser test needs Chromium and ChromeDriver, and {} is missing: \
             apt-get install chromium chromium-driver",
            missing.join(" and ")
        );
        if std::env::var_os("INNERCEO_SKIP_BROWSER_TESTS").is_some() {
            eprintln!("SKIPPED (INNERCEO_SKIP_BROWSER_TESTS is set): {what}");
            return None;
        }
        panic!("{what} (or set INNERCEO_SKIP_BROWSER_TESTS=1 to skip these tests)");
    }
    Some(Browser::start())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().expect("profile folder");
        let downloads = profile.path().join("downloads");
        std::fs::create_dir_all(&downloads).expect("downloads folder");
        let mut b = Browser {
            driver,
            port,
            session: String::new(),
            downloads,
            profile,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while b.try_call("GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not answer");
            std::thread::sleep(Duration::from_millis(50));
        }
        // The flags keep Chromium off the network (this machine has none)
        // and out of the way of the user's own profile.
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1200,1000",
                        format!("--user-data-dir={}", b.profile.path().join("chrome").display()),
                    ],
                    "prefs": {
                        "download.default_directory": b.downloads.display().to_string(),
                        "download.prompt_for_download": false,
                    },
                },
            }},
        });
        let v = b.call("POST", "/session", Some(caps));
        v["sessionId"]
            .as_str()
            .expect("a session id")
            .clone_into(&mut b.session);
        b
    }

    fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(Duration::from_mins(1))).ok();
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
        // ChromeDriver keeps the connection open: read the head, then as
        // many bytes as it says the body has.
        let mut raw = Vec::new();
        let mut buf = [0u8; 8192];
        let head_end = loop {
            if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                break i;
            }
            let n = s.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("the connection closed before an answer".into());
            }
            raw.extend_from_slice(&buf[..n]);
        };
        let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
        let length = head
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case("content-length")
                    .then(|| v.trim().parse::<usize>().ok())?
            })
            .ok_or("no Content-Length in the answer")?;
        let mut body = raw[head_end + 4..].to_vec();
        while body.len() < length {
            let n = s.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buf[..n]);
        }
        let body = String::from_utf8_lossy(&body).into_owned();
        let v: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
        if !head.starts_with("HTTP/1.1 200") {
            return Err(format!("{head}\n{v}"));
        }
        Ok(v["value"].clone())
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.try_call(method, path, body)
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"))
    }

    fn at(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    pub fn goto(&self, url: &str) {
        self.call("POST", &self.at("/url"), Some(json!({ "url": url })));
    }

    pub fn open_file(&self, path: &Path) {
        let path = path.canonicalize().expect("the page exists");
        self.goto(&format!("file://{}", path.display()));
    }

    pub fn refresh(&self) {
        self.call("POST", &self.at("/refresh"), Some(json!({})));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub fn execute(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            &self.at("/execute/sync"),
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Types into the element that has the focus, key by key, as a person
    /// would: `\u{E004}` is Tab, `\u{E007}` Enter, `\u{E00D}` Space.
    pub fn type_keys(&self, text: &str) {
        let mut actions = vec![];
        for ch in text.chars() {
            let c = ch.to_string();
            actions.push(json!({ "type": "keyDown", "value": c }));
            actions.push(json!({ "type": "keyUp", "value": c }));
        }
        self.call(
            "POST",
            &self.at("/actions"),
            Some(json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })),
        );
    }

    /// The page's console messages at level SEVERE (errors, blocked loads,
    /// content-security-policy violations).
    pub fn errors(&self) -> Vec<String> {
        let v = self.call(
            "POST",
            &self.at("/se/log"),
            Some(json!({ "type": "browser" })),
        );
        v.as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Accepts an open `confirm` / `beforeunload` dialog, if any.
    pub fn accept_dialog(&self) -> bool {
        self.try_call("POST", &self.at("/alert/accept"), Some(json!({})))
            .is_ok()
    }

    pub fn dialog_text(&self) -> Option<String> {
        self.try_call("GET", &self.at("/alert/text"), None)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    }

    /// Waits until a file whose name starts with `prefix` is fully
    /// downloaded, and returns its path.
    pub fn downloaded(&self, prefix: &str) -> PathBuf {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let found = std::fs::read_dir(&self.downloads)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .find(|p| {
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                    name.starts_with(prefix) && !name.ends_with(".crdownload")
                });
            if let Some(p) = found {
                return p;
            }
            assert!(Instant::now() < deadline, "no download named {prefix}…");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.try_call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
