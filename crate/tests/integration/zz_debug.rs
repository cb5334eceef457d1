use growth_model::scenarios::*;
#[test]
fn zz_debug() {
    let sweeps: &[(&str, &str, &[&str])] = &[
        ("ps-land-ls", "g_X", &["0.0","0.01","0.025","0.03","0.04","0.06"]),
        ("tech-low-feedback-research-capital", "g_Z", &["0.0005","0.001"]),
        ("savings-decrease", "a", &["0.95"]),
    ];
    for (id, p, vs) in sweeps {
        let row = find(id).unwrap();
        for v in *vs {
                let o = vec![(*p, *v)];
                let r = classify_row(row, &o).map(|(_, s)| s);
                println!("{id} {p}={v}: {:?}", r.map(|s| (s.growth, s.labor_share, s.wages)).map_err(|e| e.to_string()));
        }
    }
}
