//! A score as a bar of cells (`████████░░`): drawn on its own as a widget,
//! or as a span inside a line of the Six Centers card.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

/// What the bar draws: a score on a scale (`None`: not rated yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingBar {
    pub score: Option<i64>,
    pub min: i64,
    pub max: i64,
    pub style: Style,
}

impl RatingBar {
    /// The bar in `width` cells. An unrated score is a dotted line, so it
    /// reads without colour; a rated one fills at least one cell, so the
    /// lowest score still shows as given. Counted from zero when the scale
    /// starts above it, as the session document's bar (`export::doc`), so
    /// 5 of 10 is half a bar on screen and in the summary alike.
    pub fn text(&self, width: usize) -> String {
        let Some(s) = self.score else {
            return "·".repeat(width);
        };
        let base = self.min.min(0);
        let span = (self.max - base).max(1) as f64;
        let filled = (((s - base) as f64 / span) * width as f64)
            .round()
            .clamp(0.0, width as f64) as usize;
        let filled = filled.max(1).min(width);
        format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
    }

    /// The bar as a span of `width` cells, for a line of text.
    pub fn span(&self, width: usize) -> Span<'static> {
        Span::styled(self.text(width), self.style)
    }
}

impl Widget for &RatingBar {
    /// The bar across the area's first row.
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        buf.set_span(
            area.x,
            area.y,
            &self.span(usize::from(area.width)),
            area.width,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn test_case(bar: RatingBar, width: u16, expected: &str) {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        (&bar).render(buf.area, &mut buf);
        assert_eq!(buf, Buffer::with_lines([expected]));
    }

    fn score(score: Option<i64>) -> RatingBar {
        RatingBar {
            score,
            min: 1,
            max: 10,
            style: Style::default(),
        }
    }

    #[test]
    fn fills_in_proportion_to_the_score_and_dots_an_unrated_one() {
        test_case(score(Some(10)), 10, "██████████");
        test_case(score(Some(1)), 10, "█░░░░░░░░░");
        test_case(score(Some(7)), 10, "███████░░░");
        test_case(score(Some(5)), 4, "██░░");
        test_case(score(None), 6, "······");
        test_case(score(Some(4)), 0, "");
    }

    /// The bar on screen has as many cells as the session document's bar
    /// (summary, Markdown) for every score of the scale, at its width.
    #[test]
    fn every_score_fills_as_many_cells_as_the_documents_bar() {
        let scale = crate::guide::Scale { min: 1, max: 10 };
        for s in 1..=10 {
            let (_, doc) = crate::export::doc::score(Some(s), scale).expect("a score");
            let mine = score(Some(s)).text(doc.chars().count());
            assert_eq!(mine, doc, "score {s}");
        }
    }
}
