//! The stage card as rows of text: every word wrapped, each element's rows known.
//!
//! The card is laid out at its full height and drawn through a window that
//! follows the focus, so nothing is ever cut to fit: it scrolls instead.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{EditorKey, Element, Session, rows};
use crate::guide::{Prompt, Stage, StageKind};
use crate::tui::msg::Env;
use crate::tui::theme::Theme;
use crate::tui::wrap;

/// The focus marker, the same on every element.
pub const MARK: &str = "› ";

/// The laid-out card.
pub struct Card {
    pub rows: Vec<Line<'static>>,
    /// Rows of each element, by its index in `Session::elements`.
    pub spans: Vec<(usize, usize)>,
    /// Where the cursor goes while typing: (row, column).
    pub cursor: Option<(usize, usize)>,
}

pub(super) struct Builder<'a> {
    pub(super) width: usize,
    pub(super) theme: &'a Theme,
    pub(super) rows: Vec<Line<'static>>,
    pub(super) spans: Vec<(usize, usize)>,
    pub(super) cursor: Option<(usize, usize)>,
}

impl Builder<'_> {
    pub(super) fn blank(&mut self) {
        self.rows.push(Line::from(""));
    }

    /// `text` wrapped after `first` (a prefix such as the focus marker and
    /// a number), continuation rows indented to line up with the text.
    pub(super) fn text(&mut self, first: Vec<Span<'static>>, text: &str, style: Style) {
        let lead: usize = first.iter().map(|s| wrap::width(&s.content)).sum();
        let room = self.width.saturating_sub(lead).max(8);
        let mut first = Some(first);
        for row in wrap::wrap(text, room) {
            let mut spans = first
                .take()
                .unwrap_or_else(|| vec![Span::raw(" ".repeat(lead))]);
            spans.push(Span::styled(row, style));
            self.rows.push(Line::from(spans));
        }
    }

    /// One row of `head` then each span of `tail`, a tail span that would
    /// pass the card's edge going to a row of its own at `indent`.
    pub(super) fn row_with_tail(
        &mut self,
        head: Vec<Span<'static>>,
        tail: Vec<Span<'static>>,
        indent: usize,
    ) {
        let width =
            |spans: &[Span<'_>]| -> usize { spans.iter().map(|s| wrap::width(&s.content)).sum() };
        let mut line = head;
        for span in tail {
            if width(&line) + wrap::width(&span.content) > self.width && width(&line) > indent {
                self.rows.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(indent.saturating_sub(2))));
            }
            line.push(span);
        }
        self.rows.push(Line::from(line));
    }

    /// Plain wrapped text at an indent.
    pub(super) fn para(&mut self, indent: usize, text: &str, style: Style) {
        self.text(vec![Span::raw(" ".repeat(indent))], text, style);
    }

    /// The marker column: `› ` on the focused element, blank elsewhere.
    pub(super) fn mark(&self, focused: bool) -> Span<'static> {
        if focused {
            Span::styled(MARK, self.theme.key)
        } else {
            Span::raw("  ")
        }
    }

    /// An editor's text under a gutter; with the cursor when typing in it.
    pub(super) fn editor(
        &mut self,
        s: &Session,
        key: &EditorKey,
        indent: usize,
        typing: bool,
        empty: &str,
    ) {
        let t = self.theme;
        let gutter = if typing { "┃ " } else { "│ " };
        let gutter_style = if typing { t.key } else { t.dim };
        let room = self.width.saturating_sub(indent + 3).max(8);
        let Some(ed) = s.editors.get(key) else {
            return;
        };
        let lines: Vec<String> = ed.lines().to_vec();
        let is_empty = lines.iter().all(String::is_empty);
        let start = self.rows.len();
        let lead = || {
            vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(gutter, gutter_style),
            ]
        };
        if is_empty && !typing {
            let mut spans = lead();
            spans.push(Span::styled(empty.to_owned(), t.dim));
            self.rows.push(Line::from(spans));
            return;
        }
        for line in &lines {
            let chars: Vec<char> = line.chars().collect();
            for r in wrap::rows(line, room) {
                let mut spans = lead();
                let text: String = chars[r.start..r.end].iter().collect();
                spans.push(Span::raw(text.trim_end().to_owned()));
                self.rows.push(Line::from(spans));
            }
        }
        if typing {
            let ratatui_textarea::DataCursor(row, col) = ed.cursor();
            let (r, c) = wrap::cursor_at(&lines, room, row, col);
            self.cursor = Some((start + r, indent + 2 + c));
        }
    }

    /// Opens the rows of element `i`.
    pub(super) fn begin(&mut self) -> usize {
        self.rows.len()
    }

    pub(super) fn end(&mut self, start: usize) {
        self.spans.push((start, self.rows.len()));
    }
}

/// Lays out the current stage at `width` columns.
pub fn build(s: &Session, theme: &Theme, width: usize, env: &Env) -> Card {
    let mut b = Builder {
        width: width.max(20),
        theme,
        rows: Vec::new(),
        spans: Vec::new(),
        cursor: None,
    };
    if let Some(text) = s.holder_text() {
        b.para(0, &text, theme.warn);
        b.blank();
    }
    if let Some(stage) = s.stage_def() {
        intro(&mut b, s, stage);
        if s.stage == 0 {
            topics(&mut b, s, env);
        }
        match &stage.kind {
            StageKind::Questions { prompts } => prompts_rows(&mut b, s, stage, prompts),
            StageKind::Review => rows::review_rows(&mut b, s, env),
            StageKind::Ratings { items, scale } => {
                rows::ratings_rows(&mut b, s, stage, items, *scale);
            }
            StageKind::Choice { .. } => rows::choice_rows(&mut b, s, stage),
            StageKind::Goals { read_only } => super::goals::goal_rows(&mut b, s, *read_only),
            StageKind::Actions => rows::actions_rows(&mut b, s),
            StageKind::Close { prompts, .. } => {
                prompts_rows(&mut b, s, stage, prompts);
                rows::close_rows(&mut b, s, stage, env);
            }
        }
    }
    // Blank rows at the end would only make "more below" point at nothing.
    let last = b.spans.iter().map(|(_, e)| *e).max().unwrap_or(0);
    while b.rows.len() > last && b.rows.last().is_some_and(|r| r.width() == 0) {
        b.rows.pop();
    }
    Card {
        rows: b.rows,
        spans: b.spans,
        cursor: b.cursor,
    }
}

/// The topics parked for this session, on the first stage, where the
/// conversation starts, when the guide has no review stage to mark them in.
fn topics(b: &mut Builder, s: &Session, env: &Env) {
    let reviews = s
        .data
        .record
        .session
        .guide
        .stages
        .iter()
        .any(|st| matches!(st.kind, StageKind::Review));
    let open: Vec<&crate::model::Topic> = s
        .data
        .topics
        .iter()
        .filter(|(t, _)| t.is_open())
        .map(|(t, _)| t)
        .collect();
    if reviews || open.is_empty() {
        return;
    }
    b.para(0, "Topics parked for this session:", b.theme.ok);
    for t in open {
        let text = if t.private && env.share_safe {
            "(a private topic: hidden in share-safe mode)"
        } else {
            t.text.as_str()
        };
        b.para(2, &format!("• {text}"), b.theme.base);
    }
    b.blank();
}

fn intro(b: &mut Builder, s: &Session, stage: &Stage) {
    if stage.intro.is_empty() {
        return;
    }
    if s.intro_folded.contains(&stage.id) {
        b.para(0, "(introduction folded: Ctrl-g shows it)", b.theme.dim);
    } else {
        b.para(0, &stage.intro, b.theme.dim);
    }
    b.blank();
}

pub(super) fn focus_is(s: &Session, el: Element) -> bool {
    !s.in_pane && s.focused() == Some(el)
}

fn prompts_rows(b: &mut Builder, s: &Session, stage: &Stage, prompts: &[Prompt]) {
    let t = b.theme;
    for (i, p) in prompts.iter().enumerate() {
        let el = Element::Prompt(i);
        let focused = focus_is(s, el);
        let start = b.begin();
        let style = if focused { t.title } else { t.base };
        let num = Span::styled(format!("{}. ", i + 1), if focused { t.key } else { t.dim });
        b.text(vec![b.mark(focused), num], &p.text, style);
        if focused && !p.hint.is_empty() {
            b.para(5, &p.hint, t.dim);
        }
        let key = EditorKey::Answer {
            stage: stage.id.clone(),
            prompt: p.id.clone(),
        };
        b.editor(
            s,
            &key,
            3,
            focused && s.read_only.is_none(),
            "(no answer yet)",
        );
        b.end(start);
        b.blank();
    }
}
