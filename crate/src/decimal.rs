//! Reading numbers from text (attribute values, catalog parameters) without `core`'s
//! `f64::from_str`, whose 10 KB table of 128-bit powers of five is a tenth of the widgets'
//! compressed WebAssembly.
//!
//! The grammar is exactly `f64::from_str`'s: an optional sign, digits with an optional point
//! (at least one digit), an optional exponent, or `inf`, `infinity`, `nan` in any case.
//! Results are correctly rounded, as `from_str`'s are, whenever the digits fit Clinger's fast
//! path (up to 15 significant digits and a power of ten up to 10²², which covers every value a
//! person types into a parameter); beyond it they are within a few units in the last place.

/// Powers of ten that are exact in an f64 (10²² < 2⁵³·5²²): Clinger (1990), "How to read floating point numbers accurately", fast path.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept; more cannot change an f64 by more than an ulp.
const MAX_DIGITS: u32 = 19;

/// Reads a decimal number with `f64::from_str`'s grammar; exact on Clinger's (1990) fast path, within a few ulp beyond it.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first()? {
        b'-' => (true, &bytes[1..]),
        b'+' => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let magnitude = parse_special(rest).or_else(|| parse_digits(rest))?;
    Some(if negative { -magnitude } else { magnitude })
}

/// `inf`, `infinity` and `nan`, in any case, as `f64::from_str` reads them.
fn parse_special(text: &[u8]) -> Option<f64> {
    if text.eq_ignore_ascii_case(b"inf") || text.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if text.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// Digits, an optional point and an optional exponent, unsigned.
fn parse_digits(text: &[u8]) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut kept: u32 = 0;
    let mut any_digit = false;
    let mut truncated = false;
    // The power of ten the kept digits must be multiplied by.
    let mut scale: i64 = 0;
    let mut after_point = false;
    let mut i = 0;
    while let Some(&c) = text.get(i) {
        match c {
            b'0'..=b'9' => {
                any_digit = true;
                let digit = u64::from(c - b'0');
                if kept < MAX_DIGITS {
                    if mantissa != 0 || digit != 0 {
                        kept += 1;
                    }
                    mantissa = mantissa * 10 + digit;
                    if after_point {
                        scale -= 1;
                    }
                } else {
                    truncated |= digit != 0;
                    if !after_point {
                        scale += 1;
                    }
                }
            }
            b'.' if !after_point => after_point = true,
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(&c) = text.get(i) {
        if c != b'e' && c != b'E' {
            return None;
        }
        scale = scale.saturating_add(parse_exponent(&text[i + 1..])?);
    }
    Some(scaled(mantissa, scale, truncated))
}

/// The exponent after `e`: an optional sign and at least one digit (saturating far beyond f64's range).
fn parse_exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        value = (value * 10 + i64::from(c - b'0')).min(1_000_000);
    }
    Some(if negative { -value } else { value })
}

/// mantissa · 10^scale as the nearest f64 (exact on the fast path).
fn scaled(mantissa: u64, scale: i64, truncated: bool) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let m = mantissa as f64;
    if !truncated && mantissa <= 1 << 53 && scale.unsigned_abs() <= 22 {
        // Both operands exact, so the one rounding of × or ÷ is the correct one.
        let power = EXACT_POWERS[scale.unsigned_abs() as usize];
        return if scale < 0 { m / power } else { m * power };
    }
    // Far from the fast path: scale in at most three steps so no intermediate under- or
    // overflows before the result does (10^±308 are normal f64s).
    let mut value = m;
    let mut rest = scale.clamp(-800, 800) as i32;
    while rest != 0 {
        let step = rest.clamp(-300, 300);
        value *= libm::pow(10.0, f64::from(step));
        rest -= step;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn agrees_with_from_str_on_what_people_type() {
        let samples = [
            "0",
            "-0",
            "+0",
            "1",
            "-1",
            "0.5",
            ".5",
            "5.",
            "-.25",
            "0.33",
            "-0.5",
            "1e3",
            "1E3",
            "1e+3",
            "2.5e-3",
            "-50",
            "0.01",
            "0.005",
            "0.001",
            "-2.1",
            "1.5",
            "35",
            "400",
            "1000",
            "0.1",
            "0.2",
            "0.3",
            "123456789012345",
            "3.141592653589793",
            "1e22",
            "1e-22",
            "0.000000000000000000001",
            "00012.5000",
            "9007199254740993",
            "1e308",
            "-1e308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "1e-400",
            "1e400",
            "inf",
            "-Infinity",
            "NaN",
        ];
        for text in samples {
            let ours = parse_decimal(text).unwrap_or_else(|| panic!("{text} refused"));
            let theirs: f64 = text.parse().unwrap();
            if theirs.is_nan() {
                assert!(ours.is_nan(), "{text}");
            } else if theirs == 0.0 || theirs.is_infinite() {
                assert_eq!(ours, theirs, "{text}");
            } else {
                let ulps = (ours.to_bits() as i64 - theirs.to_bits() as i64).unsigned_abs();
                assert!(ulps <= 3, "{text}: {ours:e} vs {theirs:e}");
            }
        }
    }

    #[test]
    fn is_exact_on_the_fast_path() {
        // Every value with up to 15 significant digits and a small exponent: bit-for-bit.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let digits = state % 1_000_000_000_000_000;
            let point = (state >> 50) % 16;
            let exponent = ((state >> 40) % 15) as i32 - 7;
            let mut text = std::format!("{digits}");
            if (point as usize) < text.len() {
                text.insert(text.len() - point as usize, '.');
            }
            let text = std::format!("{text}e{exponent}");
            let theirs: f64 = text.parse().unwrap();
            assert_eq!(parse_decimal(&text), Some(theirs), "{text}");
        }
    }

    #[test]
    fn refuses_what_from_str_refuses() {
        for text in [
            "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "5%", "abc", " 1", "1 ", "0x10",
            "--1", "1e5.0", "infinit",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
            assert!(text.parse::<f64>().is_err(), "{text:?}");
        }
    }
}
