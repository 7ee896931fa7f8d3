//! The session's stage list: each stage with its mark, the current one
//! marked `›`, titles wrapped rather than cut, and a legend of the marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::screens::common::block_with;
use crate::tui::screens::session::StageProgress;
use crate::tui::theme::Theme;
use crate::tui::wrap;

/// One stage as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageRow {
    pub title: String,
    pub progress: StageProgress,
    /// It has a private note (never set in share-safe mode).
    pub note: bool,
}

/// What the list draws.
#[derive(Debug, Clone)]
pub struct StageList {
    pub rows: Vec<StageRow>,
    /// Index of the stage on screen.
    pub current: usize,
    pub theme: Theme,
}

impl Widget for &StageList {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let block = block_with(t, " Stages ", false);
        let inner = block.inner(area);
        block.render(area, buf);
        let room = usize::from(inner.width).saturating_sub(4).max(4);
        let mut lines = Vec::new();
        for (i, st) in self.rows.iter().enumerate() {
            let here = i == self.current;
            let title = if st.note {
                format!("{} ✎", st.title)
            } else {
                st.title.clone()
            };
            for (k, row) in wrap::wrap(&title, room).into_iter().enumerate() {
                let lead = if k > 0 {
                    Span::raw("    ")
                } else {
                    Span::styled(
                        format!("{}{} ", if here { "› " } else { "  " }, st.progress.mark()),
                        if here { t.key } else { t.ok },
                    )
                };
                lines.push(Line::from(vec![
                    lead,
                    Span::styled(row, if here { t.current } else { t.base }),
                ]));
            }
        }
        lines.push(Line::from(""));
        for text in ["✓ done", "◐ partly", "– skipped", "✎ private note"] {
            lines.push(Line::styled(format!(" {text}"), t.dim));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn test_case(list: &StageList, width: u16, height: u16, expected: &[&str]) {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        list.render(buf.area, &mut buf);
        // Plain theme: only symbols matter, styles are compared as given.
        let mut want = Buffer::with_lines(expected.iter().copied());
        want.set_style(want.area, ratatui::style::Style::reset());
        let mut got = buf.clone();
        got.set_style(got.area, ratatui::style::Style::reset());
        assert_eq!(got, want);
    }

    #[test]
    fn marks_the_current_stage_wraps_long_titles_and_explains_the_marks() {
        let list = StageList {
            rows: vec![
                StageRow {
                    title: "Looking back".into(),
                    progress: StageProgress::Done,
                    note: false,
                },
                StageRow {
                    title: "Six Centers of Me".into(),
                    progress: StageProgress::Partly,
                    note: true,
                },
                StageRow {
                    title: "Close".into(),
                    progress: StageProgress::NotVisited,
                    note: false,
                },
            ],
            current: 1,
            theme: Theme::plain(),
        };
        test_case(
            &list,
            20,
            11,
            &[
                "┌ Stages ──────────┐",
                "│  ✓ Looking back  │",
                "│› ◐ Six Centers of│",
                "│    Me ✎          │",
                "│    Close         │",
                "│                  │",
                "│ ✓ done           │",
                "│ ◐ partly         │",
                "│ – skipped        │",
                "│ ✎ private note   │",
                "└──────────────────┘",
            ],
        );
    }
}
