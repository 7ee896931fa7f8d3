//! Inline SVG charts for the HTML export: the Six Centers radar (this
//! session solid over the previous one dashed) and the trend over several
//! sessions. Both stay readable in greyscale: lines differ by dash pattern
//! and width, not only by colour.

use std::fmt::Write as _;

use html_escape::encode_safe;

use crate::guide::Scale;
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

/// The date labels' font size in the trend, in SVG units.
pub const DATE_FONT: f64 = 12.0;
/// A date label's width at `DATE_FONT` with room to spare: the widest
/// digits of common sans-serif fonts are about 0.6 em.
pub fn date_label_width(label: &str) -> f64 {
    label.chars().count() as f64 * DATE_FONT * 0.62
}
/// The least space between two date labels.
pub const DATE_GAP: f64 = 8.0;

/// Which of the dates at `xs` (ascending) get a label so that no two
/// overlap: greedily from the first, always the last, dropping the one
/// before it when they would touch.
pub fn labelled(xs: &[f64], widths: &[f64]) -> Vec<usize> {
    let mut keep: Vec<usize> = Vec::new();
    let clear =
        |a: usize, b: usize| xs[b] - xs[a] >= f64::midpoint(widths[a], widths[b]) + DATE_GAP;
    for k in 0..xs.len() {
        if keep.last().is_none_or(|&last| clear(last, k)) {
            keep.push(k);
        }
    }
    let last = xs.len().wrapping_sub(1);
    if !xs.is_empty() && keep.last() != Some(&last) {
        while keep.len() > 1 && !clear(keep[keep.len() - 1], last) {
            keep.pop();
        }
        if keep.last().is_none_or(|&k| clear(k, last)) {
            keep.push(last);
        }
    }
    keep
}

/// Lines of each item's score across sessions, placed on the x axis by
/// date (so the gaps between sessions show), each session marked by a
/// tick and as many dates labelled as fit without overlapping.
/// `series[i][k]` is item i's score on `dates[k]`.
pub fn trend(
    labels: &[&str],
    scale: Scale,
    dates: &[time::Date],
    series: &[Vec<Option<i64>>],
) -> String {
    let (w, h) = (640.0, 300.0);
    let (left, right, top, bottom) = (48.0, 170.0, 16.0, 40.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let span = ((scale.max - scale.min) as f64).max(1.0);
    let (first, last) = (dates.first().copied(), dates.last().copied());
    let days = match (first, last) {
        (Some(a), Some(b)) => ((b - a).whole_days() as f64).max(1.0),
        _ => 1.0,
    };
    let xs: Vec<f64> = dates
        .iter()
        .map(|d| match first {
            Some(a) if dates.len() > 1 => left + pw * ((*d - a).whole_days() as f64) / days,
            _ => left + pw / 2.0,
        })
        .collect();
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
    let texts: Vec<String> = dates.iter().map(|d| crate::dates::fmt_date(*d)).collect();
    let widths: Vec<f64> = texts.iter().map(|t| date_label_width(t)).collect();
    let axis = top + ph;
    for x in &xs {
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{axis:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
            axis + 5.0
        );
    }
    for k in labelled(&xs, &widths) {
        let _ = write!(
            s,
            "<text class=\"date\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"{DATE_FONT}\" text-anchor=\"middle\">{}</text>",
            xs[k],
            h - bottom + 18.0,
            encode_safe(&texts[k])
        );
    }
    for (i, label) in labels.iter().enumerate() {
        let dash = DASHES[i % DASHES.len()];
        let colour = COLOURS[i % COLOURS.len()];
        let pts: Vec<String> = series
            .get(i)
            .into_iter()
            .flatten()
            .zip(&xs)
            .filter_map(|(v, x)| v.map(|v| format!("{x:.1},{:.1}", y(v))))
            .collect();
        let _ = write!(
            s,
            "<polyline class=\"line\" stroke=\"{colour}\" stroke-dasharray=\"{dash}\" points=\"{}\"/>",
            pts.join(" ")
        );
        let ly = top + 14.0 + 20.0 * i as f64;
        let lx = left + pw + 16.0;
        let _ = write!(
            s,
            "<line class=\"line\" stroke=\"{colour}\" stroke-dasharray=\"{dash}\" x1=\"{lx:.1}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            lx + 30.0,
            lx + 36.0,
            ly + 4.0,
            encode_safe(label)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_overlap_and_keep_both_ends() {
        let w = date_label_width("2026-08-22");
        for n in 1..60 {
            for spread in [10.0, 100.0, 400.0, 420.0] {
                let xs: Vec<f64> = (0..n).map(|k| spread * k as f64 / n as f64).collect();
                let widths = vec![w; n];
                let keep = labelled(&xs, &widths);
                assert_eq!(keep[0], 0, "first date labelled ({n}, {spread})");
                if xs[n - 1] - xs[0] >= w + DATE_GAP {
                    assert_eq!(
                        *keep.last().expect("a label"),
                        n - 1,
                        "last date labelled ({n})"
                    );
                }
                for pair in keep.windows(2) {
                    assert!(
                        xs[pair[1]] - xs[pair[0]] >= w + DATE_GAP,
                        "{n} dates over {spread}: labels {pair:?} overlap"
                    );
                }
            }
        }
    }
}
