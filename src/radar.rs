//! Geometry of the Six Centers radar: a polygon per session on N axes.
//!
//! Drawn by the TUI (Canvas) and the HTML export (SVG), so it lives here and
//! knows nothing of either.

use std::f64::consts::PI;

/// A point in the radar's own space: the centre is (0, 0), the outer ring has radius 1.
pub type Point = (f64, f64);

/// The direction of axis `i` of `n`, starting straight up, going clockwise.
pub fn axis(i: usize, n: usize) -> Point {
    let n = n.max(1) as f64;
    let angle = PI / 2.0 - 2.0 * PI * (i as f64) / n;
    (angle.cos(), angle.sin())
}

/// Where `score` sits on axis `i`, scaled so `min` is the centre and `max` the rim.
pub fn point(i: usize, n: usize, score: f64, min: f64, max: f64) -> Point {
    let span = (max - min).max(f64::EPSILON);
    let r = ((score - min) / span).clamp(0.0, 1.0);
    let (x, y) = axis(i, n);
    (x * r, y * r)
}

/// The closed polygon for a set of scores (missing scores sit at the centre).
pub fn polygon(scores: &[Option<f64>], min: f64, max: f64) -> Vec<Point> {
    let n = scores.len();
    let mut pts: Vec<Point> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| point(i, n, s.unwrap_or(min), min, max))
        .collect();
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    pts
}

/// A regular ring at fraction `r` of the rim, closed.
pub fn ring(n: usize, r: f64) -> Vec<Point> {
    (0..=n)
        .map(|i| {
            let (x, y) = axis(i % n.max(1), n);
            (x * r, y * r)
        })
        .collect()
}

/// Points evenly spaced along a polyline, every `step` units: a dotted line
/// that stays distinct from a solid one without colour.
pub fn dotted(poly: &[Point], step: f64) -> Vec<Point> {
    let mut out = Vec::new();
    for w in poly.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        let n = (len / step.max(1e-6)).ceil().max(1.0) as usize;
        for k in 0..n {
            let t = k as f64 / n as f64;
            out.push((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn first_axis_points_up_and_they_go_clockwise() {
        assert!(close(axis(0, 6), (0.0, 1.0)));
        let (x, y) = axis(1, 6);
        assert!(x > 0.0 && y > 0.0, "second axis is up-right: {x},{y}");
        assert!(close(axis(3, 6), (0.0, -1.0)));
    }

    #[test]
    fn scores_scale_from_centre_to_rim() {
        assert!(close(point(0, 6, 10.0, 1.0, 10.0), (0.0, 1.0)));
        assert!(close(point(0, 6, 1.0, 1.0, 10.0), (0.0, 0.0)));
        assert!(close(point(3, 6, 5.5, 1.0, 10.0), (0.0, -0.5)));
        // Out-of-range scores are kept on the chart.
        assert!(close(point(0, 6, 42.0, 1.0, 10.0), (0.0, 1.0)));
    }

    #[test]
    fn polygons_and_rings_are_closed() {
        let p = polygon(&[Some(5.0), None, Some(10.0)], 1.0, 10.0);
        assert_eq!(p.len(), 4);
        assert!(close(p[0], p[3]));
        let r = ring(6, 0.5);
        assert_eq!(r.len(), 7);
        assert!(close(r[0], r[6]));
    }
}
