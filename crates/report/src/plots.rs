//! SVG plots drawn with plotters' SVG backend (no system fonts needed: text is emitted as SVG
//! `<text>` and sized with plotters' built-in estimate): speedup against threads with the ideal
//! line, convoy throughput and tail latency per backend and GIL policy, and single-thread
//! overhead bars relative to `gil`.

use crate::Error;
use crate::analysis::Data;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

fn plot_err<E: std::fmt::Display>(e: E) -> Error {
    Error::Plot(e.to_string())
}

fn color(i: usize) -> RGBColor {
    const C: [RGBColor; 8] = [
        RGBColor(31, 119, 180),
        RGBColor(255, 127, 14),
        RGBColor(44, 160, 44),
        RGBColor(214, 39, 40),
        RGBColor(148, 103, 189),
        RGBColor(140, 86, 75),
        RGBColor(227, 119, 194),
        RGBColor(127, 127, 127),
    ];
    C[i % C.len()]
}

/// A named series of `(x, y)` points, drawn as one line.
type Series = (String, Vec<(f64, f64)>);

/// Draws each series as a line with a dot at every point, in the palette's colours, and names
/// it in the legend. The y axis may be linear or logarithmic.
fn draw_lines<Y: Ranged<ValueType = f64>>(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<RangedCoordf64, Y>>,
    series: &[Series],
) -> Result<(), Error> {
    for (i, (name, pts)) in series.iter().enumerate() {
        let c = color(i);
        chart
            .draw_series(LineSeries::new(pts.clone(), c.stroke_width(2)))
            .map_err(plot_err)?
            .label(name.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], c.stroke_width(2)));
        chart.draw_series(pts.iter().map(|p| Circle::new(*p, 3, c.filled()))).map_err(plot_err)?;
    }
    Ok(())
}

/// Draws the legend of the series drawn so far, boxed, in corner `corner`.
fn draw_legend<'a, C: CoordTranslate>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, C>,
    corner: SeriesLabelPosition,
) -> Result<(), Error> {
    chart
        .configure_series_labels()
        .position(corner)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
        .map_err(plot_err)
}

/// Speedup of every variant of `workload` against threads, with the ideal `y = x` line.
/// `None` when the workload was measured at one thread count only.
pub fn speedup(d: &Data, workload: &str) -> Result<Option<String>, Error> {
    let threads = d.threads(workload);
    let max_t = threads.iter().copied().max().unwrap_or(0);
    if threads.len() < 2 || !threads.contains(&1) {
        return Ok(None);
    }
    let series: Vec<Series> = d
        .variants(workload)
        .into_iter()
        .map(|v| {
            let pts = threads
                .iter()
                .filter_map(|t| Some((f64::from(*t), d.speedup(workload, &v, *t)?)))
                .collect();
            (v, pts)
        })
        .collect();
    let top =
        series.iter().flat_map(|(_, p)| p.iter().map(|(_, s)| *s)).fold(f64::from(max_t), f64::max)
            * 1.1;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 420)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_err)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(format!("{workload}: speedup over 1 thread"), ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0.8f64..f64::from(max_t) + 0.2, 0f64..top)
            .map_err(plot_err)?;
        chart
            .configure_mesh()
            .x_desc("threads")
            .y_desc("speedup (throughput / 1-thread throughput)")
            .x_labels(threads.len().max(2))
            .x_label_formatter(&|x| format!("{x:.0}"))
            .draw()
            .map_err(plot_err)?;
        let ideal = vec![(1.0, 1.0), (f64::from(max_t), f64::from(max_t))];
        chart
            .draw_series(DashedLineSeries::new(ideal, 6, 4, BLACK.mix(0.5).stroke_width(1)))
            .map_err(plot_err)?
            .label("ideal")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.mix(0.4)));
        draw_lines(&mut chart, &series)?;
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        root.present().map_err(plot_err)?;
    }
    Ok(Some(svg))
}

/// Convoy: requests per second (left) and p99 latency (right) against the number of CPU-bound
/// threads, one line per backend and GIL policy, both on log scales.
pub fn convoy(d: &Data, w: &str) -> Result<Option<String>, Error> {
    let threads = d.threads(w);
    if threads.is_empty() {
        return Ok(None);
    }
    let max_k = f64::from(threads.iter().copied().max().unwrap_or(0));
    let metric = |key: &str| -> Vec<Series> {
        d.variants(w)
            .into_iter()
            .map(|v| {
                let pts = threads
                    .iter()
                    .filter_map(|t| {
                        let m = *d.get(w, &v, *t)?.metrics.get(key)?;
                        (m > 0.0).then_some((f64::from(*t), m))
                    })
                    .collect();
                (v, pts)
            })
            .collect()
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1000, 420)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_err)?;
        let (left, right) = root.split_horizontally(500);
        // Throughput falls and latency rises with load: each legend goes where its data is not,
        // in head room added on the log axis (as many decades again as the data spans).
        for (area, key, title, unit, below) in [
            (&left, "rps", "convoy: echo requests per second", "requests/s", true),
            (&right, "p99_ms", "convoy: p99 latency", "ms", false),
        ] {
            let series = metric(key);
            let vals: Vec<f64> =
                series.iter().flat_map(|(_, p)| p.iter().map(|(_, y)| *y)).collect();
            let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().copied().fold(0.0, f64::max);
            if vals.is_empty() {
                continue;
            }
            let mut chart = ChartBuilder::on(area)
                .caption(title, ("sans-serif", 18))
                .margin(12)
                .x_label_area_size(40)
                .y_label_area_size(60)
                .build_cartesian_2d(-0.2f64..max_k + 0.2, {
                    let room = (hi / lo).max(10.0);
                    let (lo, hi) = if below {
                        (lo / room / 2.0, hi * 2.0)
                    } else {
                        (lo / 2.0, hi * room * 2.0)
                    };
                    (lo..hi).log_scale()
                })
                .map_err(plot_err)?;
            chart
                .configure_mesh()
                .x_desc("CPU-bound threads")
                .y_desc(unit)
                .x_labels(threads.len().max(2))
                .x_label_formatter(&|x| format!("{x:.0}"))
                .draw()
                .map_err(plot_err)?;
            draw_lines(&mut chart, &series)?;
            let corner =
                if below { SeriesLabelPosition::LowerLeft } else { SeriesLabelPosition::UpperLeft };
            draw_legend(&mut chart, corner)?;
        }
        root.present().map_err(plot_err)?;
    }
    Ok(Some(svg))
}

/// Single-thread cost of every variant relative to `gil` (time per operation), one group of
/// bars per workload. `None` when no workload has a `gil` row at one thread.
pub fn overhead(d: &Data) -> Result<Option<String>, Error> {
    let workloads: Vec<String> = d
        .workloads()
        .into_iter()
        .filter(|w| {
            !matches!(w.as_str(), "convoy" | "async_echo" | "io_sleep" | "async_sleep" | "spawn")
        })
        .filter(|w| {
            d.baseline()
                .and_then(|b| d.default_variant(w, b))
                .and_then(|v| d.get(w, &v, 1))
                .is_some()
        })
        .collect();
    if workloads.is_empty() {
        return Ok(None);
    }
    let mut variants: Vec<String> = Vec::new();
    for w in &workloads {
        for v in d.variants(w) {
            let default_policy = d.is_default_variant(w, &v);
            if default_policy && !variants.contains(&v) && d.get(w, &v, 1).is_some() {
                variants.push(v);
            }
        }
    }
    let bars: Vec<(usize, usize, f64)> = workloads
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            variants
                .iter()
                .enumerate()
                .filter_map(move |(j, v)| Some((i, j, d.vs_gil_1(d.get(w, v, 1)?)?)))
        })
        .collect();
    // Head room above the bars for the legend.
    let top = bars.iter().map(|b| b.2).fold(1.0, f64::max) * 1.45;
    let n = workloads.len();
    let m = variants.len().max(1);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (160 + 110 * n as u32, 420)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_err)?;
        let mut chart = ChartBuilder::on(&root)
            .caption("single-thread time per operation relative to gil", ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(-0.5f64..n as f64 - 0.5, 0f64..top)
            .map_err(plot_err)?;
        let names = workloads.clone();
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n + 1)
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() < 0.01 && i >= 0.0 {
                    names.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_desc("x gil at 1 thread")
            .draw()
            .map_err(plot_err)?;
        chart
            .draw_series(LineSeries::new(vec![(-0.5, 1.0), (n as f64 - 0.5, 1.0)], BLACK.mix(0.5)))
            .map_err(plot_err)?;
        let width = 0.8 / m as f64;
        for (j, v) in variants.iter().enumerate() {
            let c = color(j);
            chart
                .draw_series(bars.iter().filter(|b| b.1 == j).map(|&(i, j, y)| {
                    let x0 = i as f64 - 0.4 + j as f64 * width;
                    Rectangle::new([(x0, 0.0), (x0 + width * 0.9, y)], c.filled())
                }))
                .map_err(plot_err)?
                .label(v.clone())
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], c.filled()));
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        root.present().map_err(plot_err)?;
    }
    Ok(Some(svg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::{data, rec};

    #[test]
    fn draws_svgs() {
        let mut recs = vec![
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "gil/interval", 2, 1.1, 100),
            rec("countdown", "atomic", 1, 2.0, 100),
            rec("countdown", "atomic", 2, 1.0, 100),
        ];
        for (k, rps) in [(0, 10_000.0), (1, 100.0)] {
            let mut r = rec("convoy", "gil/interval", k, 1.0, 100);
            r.metrics.insert("rps".into(), rps);
            r.metrics.insert("p99_ms".into(), 1e3 / rps);
            recs.push(r);
        }
        let d = data(recs);
        let s = speedup(&d, "countdown").unwrap().unwrap();
        assert!(s.starts_with("<svg") && s.contains("atomic") && s.contains("ideal"), "{s}");
        let c = convoy(&d, "convoy").unwrap().unwrap();
        assert!(c.contains("p99 latency"));
        let o = overhead(&d).unwrap().unwrap();
        assert!(o.contains("<rect") && o.contains("countdown"));
        assert!(speedup(&d, "nothing").unwrap().is_none());
    }
}
