//! In-browser tests (wasm-bindgen-test, headless Chromium): what the wasm draws on a real canvas.
#![cfg(target_arch = "wasm32")]

use growth_widgets::GrowthWidget;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    canvas
}

/// Pixels whose colour differs from the top-left (background) pixel.
fn ink(canvas: &HtmlCanvasElement) -> usize {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data();
    let bg = [data[0], data[1], data[2]];
    data.chunks(4)
        .filter(|p| {
            (0..3)
                .map(|i| (p[i] as i32 - bg[i] as i32).abs())
                .sum::<i32>()
                > 30
        })
        .count()
}

#[wasm_bindgen_test]
fn elasticity_draws_isoquants_on_a_canvas() {
    let mut widget = GrowthWidget::new("elasticity").unwrap();
    let target = canvas(900, 500);
    widget.render(target.clone(), 1.0, &[], "").unwrap();
    let drawn = ink(&target);
    assert!(drawn > 900 * 500 / 50, "only {drawn} pixels drawn");
}

#[wasm_bindgen_test]
fn changing_rho_changes_the_drawing() {
    let mut widget = GrowthWidget::new("elasticity").unwrap();
    let (a, b) = (canvas(600, 400), canvas(600, 400));
    widget.render(a.clone(), 1.0, &[], "").unwrap();
    widget.set_value("rho", 0.9).unwrap();
    widget.render(b.clone(), 1.0, &[], "").unwrap();
    assert_ne!(a.to_data_url().unwrap(), b.to_data_url().unwrap());
}

#[wasm_bindgen_test]
fn bad_text_is_refused_and_the_old_value_kept() {
    let mut widget = GrowthWidget::new("elasticity").unwrap();
    // Each outcome carries the message to show; the widget keeps its value.
    let refused = |outcome: JsValue| {
        let error = js_sys::Reflect::get(&outcome, &JsValue::from_str("error")).unwrap();
        !error.is_null() && !error.is_undefined()
    };
    assert!(refused(widget.attribute("rho", Some("abc".into()))));
    assert!(refused(widget.attribute("rho", Some("7".into()))));
    assert!(refused(widget.attribute("nonsense", Some("1".into()))));
    assert!(!refused(widget.attribute("rho", Some("-1".into()))));
    assert!(GrowthWidget::new("no-such-kind").is_err());
    let point = widget.probe("point", 0.0).unwrap();
    assert!(point.iter().all(|v| v.is_finite()));
}
