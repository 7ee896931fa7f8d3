//! Inline SVG charts for the HTML export: the Six Centers radar (this
//! session solid over the previous one dashed) and the trend over several
//! sessions. Both stay readable in greyscale: lines differ by dash pattern
//! and width, not only by colour.

use std::fmt::Write as _;

use html_escape::encode_safe;

use crate::guide::{RatingItem, Scale};
use crate::radar;

/// Dash patterns that tell the trend lines apart without colour.
const DASHES: [&str; 6] = ["none", "6 3", "2 3", "10 3 2 3", "1 5", "12 5"];
/// Colours for screens; the dash patterns carry the meaning in print.
const COLOURS: [&str; 6] = [
    "#1f4e79", "#9c3d00", "#2e6b30", "#6a2c70", "#7a6a00", "#444444",
];

/// The radar of `current` scores over `previous` ones, one axis per label.
pub fn radar(
    items: &[&str],
    scale: Scale,
    current: &[Option<f64>],
    previous: Option<&[Option<f64>]>,
    labels: (&str, Option<&str>),
) -> String {
    // Wide enough for the longest label on either side.
    let (w, h, cx, cy, r) = (540.0, 360.0, 270.0, 180.0, 115.0);
    let n = items.len();
    let (min, max) = (scale.min as f64, scale.max as f64);
    let to_svg = |p: radar::Point| (cx + p.0 * r, cy - p.1 * r);
    let path = |pts: &[radar::Point]| -> String {
        pts.iter()
            .map(|&p| {
                let (x, y) = to_svg(p);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"radar\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"Six Centers radar\">"
    );
    for k in 1..=5 {
        let ring = radar::ring(n, f64::from(k) / 5.0);
        let _ = write!(s, "<polygon class=\"grid\" points=\"{}\"/>", path(&ring));
    }
    for (i, item) in items.iter().enumerate() {
        let (x, y) = to_svg(radar::axis(i, n));
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{cx}\" y1=\"{cy}\" x2=\"{x:.1}\" y2=\"{y:.1}\"/>"
        );
        let (ax, ay) = radar::axis(i, n);
        let (lx, ly) = to_svg((ax * 1.18, ay * 1.12));
        let anchor = if ax > 0.2 {
            "start"
        } else if ax < -0.2 {
            "end"
        } else {
            "middle"
        };
        let score = current
            .get(i)
            .copied()
            .flatten()
            .map_or_else(|| "-".to_owned(), |v| format!("{v}"));
        let _ = write!(
            s,
            "<text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\">{} <tspan class=\"score\">{score}</tspan></text>",
            encode_safe(item)
        );
    }
    if let Some(prev) = previous {
        let poly = radar::polygon(prev, min, max);
        let _ = write!(
            s,
            "<polygon class=\"previous\" points=\"{}\"/>",
            path(&poly)
        );
    }
    let poly = radar::polygon(current, min, max);
    let _ = write!(s, "<polygon class=\"current\" points=\"{}\"/>", path(&poly));
    for &p in poly.iter().take(n) {
        let (x, y) = to_svg(p);
        let _ = write!(
            s,
            "<circle class=\"current\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\"/>"
        );
    }
    // Legend: solid is this session, dashed the previous one.
    let _ = write!(
        s,
        "<line class=\"current\" x1=\"10\" y1=\"{y1}\" x2=\"40\" y2=\"{y1}\"/><text x=\"46\" y=\"{t1}\">{}</text>",
        encode_safe(labels.0),
        y1 = h - 30.0,
        t1 = h - 26.0
    );
    if let Some(prev) = labels.1 {
        let _ = write!(
            s,
            "<line class=\"previous\" x1=\"10\" y1=\"{y2}\" x2=\"40\" y2=\"{y2}\"/><text x=\"46\" y=\"{t2}\">{}</text>",
            encode_safe(prev),
            y2 = h - 12.0,
            t2 = h - 8.0
        );
    }
    s.push_str("</svg>");
    s
}

/// Lines of each item's score across sessions (`dates` label the x axis;
/// `series[i][k]` is item i's score in session k).
pub fn trend(
    items: &[RatingItem],
    scale: Scale,
    dates: &[String],
    series: &[Vec<Option<i64>>],
) -> String {
    let (w, h) = (640.0, 300.0);
    let (left, right, top, bottom) = (40.0, 170.0, 16.0, 40.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let span = ((scale.max - scale.min) as f64).max(1.0);
    let steps = dates.len().saturating_sub(1).max(1) as f64;
    let x = |k: usize| left + pw * (k as f64) / steps;
    let y = |v: i64| top + ph * (1.0 - ((v - scale.min) as f64 / span).clamp(0.0, 1.0));
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"trend\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"Six Centers over time\">"
    );
    for v in [scale.min, i64::midpoint(scale.min, scale.max), scale.max] {
        let yy = y(v);
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{left}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>",
            left + pw,
            left - 6.0,
            yy + 4.0
        );
    }
    for (k, d) in dates.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x(k),
            h - bottom + 18.0,
            encode_safe(d)
        );
    }
    for (i, item) in items.iter().enumerate() {
        let dash = DASHES[i % DASHES.len()];
        let colour = COLOURS[i % COLOURS.len()];
        let pts: Vec<String> = series
            .get(i)
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(k, v)| v.map(|v| format!("{:.1},{:.1}", x(k), y(v))))
            .collect();
        let _ = write!(
            s,
            "<polyline class=\"line\" stroke=\"{colour}\" stroke-dasharray=\"{dash}\" points=\"{}\"/>",
            pts.join(" ")
        );
        let ly = top + 14.0 + 20.0 * i as f64;
        let lx = left + pw + 12.0;
        let _ = write!(
            s,
            "<line class=\"line\" stroke=\"{colour}\" stroke-dasharray=\"{dash}\" x1=\"{lx:.1}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            lx + 30.0,
            lx + 36.0,
            ly + 4.0,
            encode_safe(&item.label)
        );
    }
    s.push_str("</svg>");
    s
}
