//! Numbers as text for people, written with integer arithmetic into any [`fmt::Write`]: the
//! counterpart of [`crate::parse_decimal`]. `core`'s float formatting (Grisu with a Dragon4
//! fallback and its bignum and power tables) is about 20 KB of WebAssembly; every number the
//! widgets show or put in a message is written here instead, to at most 15 significant digits,
//! which is more than any reading or message needs.

use core::fmt;

/// 10^k for k in 0..=22: every one of them exactly representable.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `v` × 10^k, in exact steps while they last.
fn scale10(mut v: f64, mut k: i32) -> f64 {
    while k > 22 {
        v *= 1e22;
        k -= 22;
    }
    while k < -22 {
        v /= 1e22;
        k += 22;
    }
    if k >= 0 {
        v * EXACT_POWERS[k as usize]
    } else {
        v / EXACT_POWERS[(-k) as usize]
    }
}

/// The first `digits` (1..=15) significant digits of finite, positive `v`, rounded, and the
/// decimal exponent of the first: `v ≈ n × 10^(e − digits + 1)` with `10^(digits−1) ≤ n < 10^digits`.
fn significant(v: f64, digits: u32) -> (u64, i32) {
    let digits = digits.clamp(1, 15);
    let low = 10_u64.pow(digits - 1);
    let high = low * 10;
    let mut e = libm::floor(libm::log10(v)) as i32;
    for _ in 0..3 {
        let n = libm::round(scale10(v, digits as i32 - 1 - e));
        if n >= high as f64 {
            e += 1;
        } else if n < low as f64 {
            e -= 1;
        } else {
            return (n as u64, e);
        }
    }
    // log10 was off by more than one step only for values at the edge of the range.
    let n = crate::clamp(
        libm::round(scale10(v, digits as i32 - 1 - e)),
        low as f64,
        (high - 1) as f64,
    );
    (n as u64, e)
}

/// The decimal digits of `n`, most significant first, into `buf`; returns how many.
fn digits_of(mut n: u64, buf: &mut [u8; 20]) -> usize {
    let mut tmp = [0u8; 20];
    let mut len = 0;
    loop {
        tmp[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 {
            break;
        }
    }
    for i in 0..len {
        buf[i] = tmp[len - 1 - i];
    }
    len
}

fn write_digits(w: &mut impl fmt::Write, digits: &[u8]) -> fmt::Result {
    for d in digits {
        w.write_char(char::from(*d))?;
    }
    Ok(())
}

fn write_zeros(w: &mut impl fmt::Write, count: i32) -> fmt::Result {
    for _ in 0..count.max(0) {
        w.write_char('0')?;
    }
    Ok(())
}

fn non_finite(w: &mut impl fmt::Write, v: f64) -> fmt::Result {
    w.write_str(if v.is_nan() {
        "NaN"
    } else if v > 0.0 {
        "inf"
    } else {
        "-inf"
    })
}

/// `v` to `digits` significant digits with trailing zeros dropped, in plain decimal notation
/// like `{}` from 10⁻⁶ to below 10¹⁶ (0.30000000000000004 → `0.3`), and as `5e-324` or
/// `1.8e308` outside that, where plain notation would be a wall of zeros.
pub fn write_general(w: &mut impl fmt::Write, v: f64, digits: u32) -> fmt::Result {
    if !v.is_finite() {
        return non_finite(w, v);
    }
    if v == 0.0 {
        return w.write_char('0');
    }
    if v < 0.0 {
        w.write_char('-')?;
    }
    let (n, e) = significant(v.abs(), digits);
    let mut buf = [0u8; 20];
    let mut len = digits_of(n, &mut buf);
    while len > 1 && buf[len - 1] == b'0' {
        len -= 1;
    }
    let digits = &buf[..len];
    if !(-6..16).contains(&e) {
        write_digits(w, &digits[..1])?;
        if len > 1 {
            w.write_char('.')?;
            write_digits(w, &digits[1..])?;
        }
        w.write_char('e')?;
        if e < 0 {
            w.write_char('-')?;
        }
        let len = digits_of(u64::from(e.unsigned_abs()), &mut buf);
        return write_digits(w, &buf[..len]);
    }
    if e < 0 {
        w.write_str("0.")?;
        write_zeros(w, -e - 1)?;
        return write_digits(w, digits);
    }
    let whole = (e + 1) as usize;
    if whole >= len {
        write_digits(w, digits)?;
        return write_zeros(w, whole as i32 - len as i32);
    }
    write_digits(w, &digits[..whole])?;
    w.write_char('.')?;
    write_digits(w, &digits[whole..])
}

/// `v` with exactly `decimals` digits after the point (like `{:.N}`), or with trailing zeros
/// (and the point) dropped when `trim`; rounded half away from zero.
pub fn write_fixed(w: &mut impl fmt::Write, v: f64, decimals: u32, trim: bool) -> fmt::Result {
    if !v.is_finite() {
        return non_finite(w, v);
    }
    let decimals = decimals.min(15);
    let scaled = libm::round(scale10(v.abs(), decimals as i32));
    if scaled >= 1e18 {
        // Beyond integer range: the digits that matter are all before the point.
        if v < 0.0 {
            w.write_char('-')?;
        }
        return write_general(w, v.abs(), 15);
    }
    let scaled = scaled as u64;
    let unit = 10_u64.pow(decimals);
    let (whole, mut fraction) = (scaled / unit, scaled % unit);
    if trim && scaled == 0 {
        return w.write_char('0');
    }
    if v < 0.0 {
        w.write_char('-')?;
    }
    let mut buf = [0u8; 20];
    let len = digits_of(whole, &mut buf);
    write_digits(w, &buf[..len])?;
    let mut width = decimals;
    if trim {
        if fraction == 0 {
            return Ok(());
        }
        while fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
    }
    if width == 0 {
        return Ok(());
    }
    w.write_char('.')?;
    let len = digits_of(fraction, &mut buf);
    write_zeros(w, width as i32 - len as i32)?;
    write_digits(w, &buf[..len])
}

/// `v` in scientific notation with `decimals` digits after the point (like `{:.Ne}`):
/// 0.00012345 with 3 → `1.235e-4`.
pub fn write_exponent(w: &mut impl fmt::Write, v: f64, decimals: u32) -> fmt::Result {
    if !v.is_finite() {
        return non_finite(w, v);
    }
    if v < 0.0 {
        w.write_char('-')?;
    }
    let decimals = decimals.min(14);
    let (n, e) = if v == 0.0 {
        (0, 0)
    } else {
        significant(v.abs(), decimals + 1)
    };
    let mut buf = [0u8; 20];
    let len = digits_of(n, &mut buf);
    let len = len.max(1);
    write_digits(w, &buf[..1])?;
    if decimals > 0 {
        w.write_char('.')?;
        write_digits(w, &buf[1..len])?;
        write_zeros(w, decimals as i32 + 1 - len as i32)?;
    }
    w.write_char('e')?;
    if e < 0 {
        w.write_char('-')?;
    }
    let len = digits_of(u64::from(e.unsigned_abs()), &mut buf);
    write_digits(w, &buf[..len])
}

/// A number shown with [`write_general`] at 12 significant digits: `format!("{}", Num(x))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_general(f, self.0, 12)
    }
}

/// A number shown with [`write_general`] at the given significant digits (15 for text that is
/// parsed back, e.g. a parameter passed as `key=value`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Digits(pub f64, pub u32);

impl fmt::Display for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_general(f, self.0, self.1)
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use std::string::String;

    fn general(v: f64, digits: u32) -> String {
        let mut s = String::new();
        write_general(&mut s, v, digits).unwrap();
        s
    }

    fn fixed(v: f64, decimals: u32, trim: bool) -> String {
        let mut s = String::new();
        write_fixed(&mut s, v, decimals, trim).unwrap();
        s
    }

    fn exponent(v: f64, decimals: u32) -> String {
        let mut s = String::new();
        write_exponent(&mut s, v, decimals).unwrap();
        s
    }

    #[test]
    fn general_is_plain_decimal_like_display() {
        for (v, text) in [
            (0.0, "0"),
            (-50.0, "-50"),
            (1.0, "1"),
            (0.05, "0.05"),
            (1e-6, "0.000001"),
            (1e-9, "1e-9"),
            (5e-324, "4.94065645841e-324"),
            (-1.5e300, "-1.5e300"),
            (1e15, "1000000000000000"),
            (0.1 + 0.2, "0.3"),
            (-0.5, "-0.5"),
            (2.4, "2.4"),
            (123456.789, "123456.789"),
        ] {
            assert_eq!(general(v, 12), text, "{v}");
        }
        assert_eq!(general(f64::NAN, 12), "NaN");
        assert_eq!(general(f64::NEG_INFINITY, 12), "-inf");
        assert_eq!(general(f64::MAX, 12), "1.79769313486e308");
    }

    #[test]
    fn general_agrees_with_display_wherever_display_needs_few_digits() {
        // Every value with at most 12 significant digits prints exactly as core prints it.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mantissa = (state % 1_000_000_000_000) as f64;
            let exponent = (state >> 40) as i32 % 20 - 10;
            let v = crate::parse_decimal(&std::format!("{mantissa}e{exponent}")).unwrap();
            let core = std::format!("{v}");
            if (1e-6..1e16).contains(&v.abs())
                && core
                    .trim_start_matches(['-', '0', '.'])
                    .trim_end_matches('0')
                    .replace('.', "")
                    .len()
                    <= 12
            {
                assert_eq!(general(v, 12), core, "{v:e}");
            }
        }
    }

    #[test]
    fn fixed_and_exponent_match_core_formatting_away_from_ties() {
        for v in [
            0.0, 1.0, -2.7e-3, 3.21987, 12.3456, 999.96, 0.0004, 7e-4, -123.456,
        ] {
            for d in 0..=4 {
                assert_eq!(
                    fixed(v, d, false),
                    std::format!("{v:.prec$}", prec = d as usize),
                    "{v} .{d}"
                );
            }
        }
        assert_eq!(fixed(0.32, 3, true), "0.32");
        assert_eq!(fixed(-0.0004, 3, true), "0");
        assert_eq!(fixed(2.0, 3, true), "2");
        for v in [1.0, 1.2347e-7, -6.02e23, 9.9996e5, 0.0] {
            assert_eq!(exponent(v, 3), std::format!("{v:.3e}"), "{v}");
        }
    }
}
