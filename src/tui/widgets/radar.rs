//! The Six Centers hexagon radar on a Canvas: this session solid, the earlier one dotted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Line as TextLine;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line, Points};

use crate::radar;
use crate::tui::theme::Theme;

/// A radar of `labels.len()` axes.
pub struct Radar<'a> {
    pub labels: Vec<String>,
    pub current: Vec<Option<f64>>,
    pub previous: Option<Vec<Option<f64>>>,
    pub min: f64,
    pub max: f64,
    pub theme: &'a Theme,
}

impl Widget for &Radar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.labels.is_empty() {
            return;
        }
        // Too small for a hexagon to read: say where it is instead of a smudge.
        if area.width < 24 || area.height < 8 {
            ratatui::widgets::Paragraph::new("(the radar shows in a larger window)")
                .style(self.theme.dim)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let n = self.labels.len();
        // Cells are about twice as tall as wide: widen the x range so the
        // hexagon keeps its shape whatever the area.
        let (w, h) = (f64::from(area.width), f64::from(area.height));
        let mut yr = 1.45;
        let mut xr = yr * w / (2.0 * h);
        // Room for the longest label beside the rim on both sides: widen
        // the bounds (both, to keep the shape) until it fits, so no label
        // is ever cut at the edge.
        let longest = self
            .labels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0) as f64;
        let free = 1.0 - 2.0 * (longest + 1.0) / w;
        if free > 0.15 {
            let need = 1.12 * 0.87 / free;
            if xr < need {
                xr = need;
                yr = xr * 2.0 * h / w;
            }
        }
        // The theme's colours, so a light theme's chart reads on white.
        let fg = |s: ratatui::style::Style| s.fg.unwrap_or(Color::Reset);
        let grid = fg(self.theme.border);
        let now = fg(self.theme.current);
        let before = fg(self.theme.key);
        let labels = self.labels.clone();
        let cell = 2.0 * xr / f64::from(area.width);
        let current = radar::polygon(&self.current, self.min, self.max);
        let previous = self
            .previous
            .as_ref()
            .map(|p| radar::dotted(&radar::polygon(p, self.min, self.max), 0.06));
        Canvas::default()
            .x_bounds([-xr, xr])
            .y_bounds([-yr, yr])
            .marker(Marker::Braille)
            .paint(move |ctx| {
                let rim = radar::ring(n, 1.0);
                ctx.draw(&Points {
                    coords: &radar::dotted(&rim, 0.08),
                    color: grid,
                });
                for i in 0..n {
                    let (x, y) = radar::axis(i, n);
                    ctx.draw(&Points {
                        coords: &radar::dotted(&[(0.0, 0.0), (x, y)], 0.25),
                        color: grid,
                    });
                }
                ctx.layer();
                if let Some(prev) = &previous {
                    ctx.draw(&Points {
                        coords: prev,
                        color: before,
                    });
                }
                ctx.layer();
                for w in current.windows(2) {
                    ctx.draw(&Line::new(w[0].0, w[0].1, w[1].0, w[1].1, now));
                }
                for (i, label) in labels.iter().enumerate() {
                    let (x, y) = radar::axis(i, n);
                    // Labels sit just outside the rim; those on the left end there.
                    let w = label.chars().count() as f64 * cell;
                    let lx = if x < -0.1 { x * 1.12 - w } else { x * 1.12 };
                    ctx.print(
                        lx.clamp(-xr, xr - w),
                        (y * 1.18).clamp(-yr, yr),
                        TextLine::from(label.clone()),
                    );
                }
            })
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The buffer's text, row by row.
    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn every_axis_label_is_whole_at_the_session_size() {
        let labels: Vec<String> = [
            "Autonomy",
            "Motivation",
            "Confidence",
            "Efficacy",
            "Job",
            "Relationships",
        ]
        .map(String::from)
        .to_vec();
        let theme = Theme::plain();
        let radar = Radar {
            labels: labels.clone(),
            current: vec![Some(7.0); 6],
            previous: None,
            min: 1.0,
            max: 10.0,
            theme: &theme,
        };
        for (w, h) in [(48, 26), (44, 24), (60, 32)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            (&radar).render(buf.area, &mut buf);
            let text = rows(&buf).join("\n");
            for l in &labels {
                assert!(text.contains(l.as_str()), "{l} cut at {w}x{h}:\n{text}");
            }
        }
    }

    #[test]
    fn too_small_says_where_the_radar_is() {
        let theme = Theme::plain();
        let radar = Radar {
            labels: vec!["A".into(); 6],
            current: vec![None; 6],
            previous: None,
            min: 1.0,
            max: 10.0,
            theme: &theme,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 3));
        (&radar).render(buf.area, &mut buf);
        let mut got = buf.clone();
        got.set_style(got.area, ratatui::style::Style::reset());
        assert_eq!(
            got,
            Buffer::with_lines([
                "(the radar shows in ",
                "a larger window)    ",
                "                    "
            ])
        );
    }
}
