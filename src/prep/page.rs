//! The preparation form as one self-contained HTML page: no request to
//! anywhere, its one script inline and allowed by its hash in the page's
//! content security policy, usable by keyboard alone, printable.

use std::fmt::Write as _;

use base64::Engine as _;
use html_escape::{encode_double_quoted_attribute, encode_safe};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{Form, Mark, TOPICS, slug};
use crate::dates::{fmt_date, fmt_date_long};

/// The page's script, the same for every form (the form's own data is a
/// JSON block beside it), so its hash is the same too.
pub const SCRIPT: &str = include_str!("prep.js");

const STYLE: &str = "
:root { color-scheme: light; }
body { font: 17px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1a1a1a; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2.2rem; }
.sub, .help { color: #444; }
fieldset { border: 1px solid #999; border-radius: 6px; margin: 1rem 0; padding: .6rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.due { font-weight: 400; color: #444; white-space: nowrap; }
.marks label { display: inline-block; margin: .3rem 1.2rem .3rem 0; }
label.block { display: block; margin-top: .6rem; }
textarea { display: block; width: 100%; box-sizing: border-box; min-height: 3.2rem; font: inherit; margin-top: .2rem; }
input[type=number] { font: inherit; width: 5rem; margin-left: .5rem; }
:focus-visible { outline: 3px solid #1f4e79; outline-offset: 2px; }
blockquote { border-left: 4px solid #888; margin: .6rem 0; padding: .3rem .8rem; background: #f6f6f6; white-space: pre-wrap; }
button { font: inherit; font-weight: 600; padding: .6rem 1.4rem; margin-top: 1.5rem; border: 2px solid #1f4e79; border-radius: 6px; background: #1f4e79; color: #fff; cursor: pointer; }
#status { min-height: 1.5rem; font-weight: 600; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  button, #status, .help.screen { display: none; }
  fieldset { break-inside: avoid; page-break-inside: avoid; }
  textarea { border: 1px solid #999; min-height: 4rem; }
}
";

/// `'sha256-…'` for the content security policy.
pub fn script_hash() -> String {
    let digest = Sha256::digest(SCRIPT.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Text for inside a `<script type="application/json">` block: JSON that
/// can never close the element early.
fn json_block(v: &serde_json::Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

pub fn render(form: &Form) -> String {
    let name = encode_safe(&form.coachee_name);
    let meta = json!({
        "form_id": form.form_id,
        "database_id": form.database_id,
        "coachee_id": form.coachee_id,
        "slug": slug(&form.coachee_name),
        "actions": form.actions.iter().map(|a| &a.id).collect::<Vec<_>>(),
        "centers": form.centers.iter().map(|c| &c.id).collect::<Vec<_>>(),
        "labels": form.centers.iter().map(|c| &c.label).collect::<Vec<_>>(),
        "min": form.scale.min,
        "max": form.scale.max,
        "topics": TOPICS,
    });
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src {}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Before your next coaching session: {name}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        script_hash()
    );
    let _ = writeln!(
        out,
        "<h1>Before your next coaching session</h1>\n<p class=\"sub\">For {name} · {}</p>",
        fmt_date_long(form.issued_on)
    );
    let _ = writeln!(
        out,
        "<p class=\"help screen\">Take a few minutes to look back and to choose what you want \
         to talk about. Answer as much or as little as you like. While you type, your answers \
         are kept as a draft in this browser's local storage, on this computer only; nothing \
         is sent anywhere. When you are done, press <strong>Save my answers</strong> and send \
         the file it saves to your coach.</p>"
    );
    if let Some(r) = &form.reminder {
        let _ = writeln!(
            out,
            "<section>\n<h2>Last time</h2>\n<p>What you took away from our last session:</p>\n<blockquote>{}</blockquote>\n</section>",
            encode_safe(r)
        );
    }
    let _ = writeln!(out, "<form id=\"prep\" autocomplete=\"off\">");
    actions(&mut out, form);
    centers(&mut out, form);
    let _ = writeln!(
        out,
        "<section>\n<h2>What would you like to talk about?</h2>\n\
         <p class=\"help\">A few topics for next time, most important first.</p>"
    );
    for t in 0..TOPICS {
        let _ = writeln!(
            out,
            "<label class=\"block\" for=\"topic-{t}\">Topic {}</label><textarea id=\"topic-{t}\" name=\"topic-{t}\"></textarea>",
            t + 1
        );
    }
    let _ = writeln!(out, "</section>");
    let _ = writeln!(
        out,
        "<button type=\"button\" id=\"save\">Save my answers</button>\n\
         <p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n</main>"
    );
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"form-data\">{}</script>",
        json_block(&meta)
    );
    let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
    crate::controls::strip(&out).into_owned()
}

fn actions(out: &mut String, form: &Form) {
    let _ = writeln!(out, "<section>\n<h2>Your actions</h2>");
    if form.actions.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"help\">No open actions from earlier sessions.</p>"
        );
    } else {
        let _ = writeln!(
            out,
            "<p class=\"help\">How did each one go? Choose with the arrow keys, and add a note if you like.</p>"
        );
    }
    for (i, a) in form.actions.iter().enumerate() {
        let due = a
            .due
            .map(|d| format!(" <span class=\"due\">(due {})</span>", fmt_date(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<fieldset>\n<legend>{}{due}</legend>\n<div class=\"marks\">",
            encode_safe(&a.text)
        );
        for m in [Mark::Done, Mark::InProgress, Mark::Stuck] {
            let value = serde_json::to_value(m)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let id = format!("mark-{i}-{value}");
            let _ = writeln!(
                out,
                "<label for=\"{id}\"><input type=\"radio\" id=\"{id}\" name=\"mark-{i}\" value=\"{}\"> {}</label>",
                encode_double_quoted_attribute(&value),
                capitalised(m.label())
            );
        }
        let _ = writeln!(
            out,
            "</div>\n<label class=\"block\" for=\"action-note-{i}\">Note</label><textarea id=\"action-note-{i}\" name=\"action-note-{i}\"></textarea>\n</fieldset>"
        );
    }
    let _ = writeln!(out, "</section>");
}

fn centers(out: &mut String, form: &Form) {
    let (min, max) = (form.scale.min, form.scale.max);
    let _ = writeln!(
        out,
        "<section>\n<h2>The Six Centers</h2>\n<p class=\"help\">Rate each from {min} (not at all) \
         to {max} (fully) as things are for you now, and say why if you like.</p>"
    );
    for (i, c) in form.centers.iter().enumerate() {
        let _ = writeln!(
            out,
            "<fieldset>\n<legend>{}</legend>\n<p>{}</p>\n\
             <label for=\"score-{i}\">Your score, {min} to {max}</label>\
             <input type=\"number\" id=\"score-{i}\" name=\"score-{i}\" min=\"{min}\" max=\"{max}\" step=\"1\" inputmode=\"numeric\">\n\
             <label class=\"block\" for=\"center-note-{i}\">Why this score?</label><textarea id=\"center-note-{i}\" name=\"center-note-{i}\"></textarea>\n</fieldset>",
            encode_safe(&c.label),
            encode_safe(&c.question)
        );
    }
    let _ = writeln!(out, "</section>");
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
