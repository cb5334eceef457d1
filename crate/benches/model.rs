//! Where the time goes in the model: one CES evaluation, one isoquant as drawn, one research
//! simulation, one scenario row, one 64 × 48 regime map. Run with `cargo bench -p growth-model` (npm run bench runs it).
use criterion::{criterion_group, criterion_main, Criterion};
use growth_model::regime_map::{centre, pairs_text, research_regime, LEVELS};
use growth_model::scenarios::{find, run_row};
use growth_model::{Ces, ResearchFeedback};
use std::hint::black_box;
use std::time::Duration;

fn model(c: &mut Criterion) {
    let ces = Ces::new(0.33, -0.5, 1.0, 1.0).expect("valid");
    c.bench_function("ces_point", |b| {
        b.iter(|| ces.point(black_box(2.0), black_box(1.5)))
    });
    c.bench_function("ces_isoquant_601_points", |b| {
        b.iter(|| {
            (0..=600)
                .filter_map(|i| {
                    ces.isoquant_point(2.0, -12.0 + 24.0 * i as f64 / 600.0)
                        .ok()
                })
                .count()
        })
    });
    let research = ResearchFeedback::new(1.0, 1.5, 1.0, 0.05, 0.1, 1.0, 0.0).expect("valid");
    c.bench_function("research_feedback_type_ii_run", |b| {
        b.iter(|| research.simulate(black_box(300.0)))
    });
    let row = find("ps-land-hanson").expect("row");
    c.bench_function("scenario_row_hanson", |b| b.iter(|| run_row(row, &[])));
    // The regime-map kind's default map at its finest level: 64 × 48 research-model cells
    // over φ ∈ [−5, 3] × n ∈ [−0.1, 0.2] (one classification each, as the widget computes them).
    let mut maps = c.benchmark_group("regime_map");
    maps.sample_size(10)
        .measurement_time(Duration::from_secs(15));
    maps.bench_function("research_64x48", |b| {
        let (nx, ny) = LEVELS[3];
        b.iter(|| {
            (0..nx * ny)
                .filter(|k| {
                    let values = pairs_text(&[
                        ("phi", centre(-5.0, 3.0, nx, k % nx)),
                        ("n", centre(-0.1, 0.2, ny, k / nx)),
                        ("years", 300.0),
                    ]);
                    let pairs: Vec<(&str, &str)> =
                        values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    research_regime(&pairs).is_ok()
                })
                .count()
        })
    });
    maps.finish();
}

criterion_group!(benches, model);
criterion_main!(benches);
