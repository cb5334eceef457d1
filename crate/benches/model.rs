//! Where the time goes in the model: one CES evaluation, one isoquant as drawn, one research
//! simulation, one scenario row. Run with `cargo bench -p growth-model` (npm run bench runs it).
use criterion::{criterion_group, criterion_main, Criterion};
use growth_model::scenarios::{find, run_row};
use growth_model::{Ces, ResearchFeedback};
use std::hint::black_box;

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
}

criterion_group!(benches, model);
criterion_main!(benches);
