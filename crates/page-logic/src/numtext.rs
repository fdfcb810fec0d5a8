//! Numbers as text without core's float formatter, which alone is some 18 KB of the page's wasm.
//!
//! [`shortest`] prints exactly what `x.to_string()` prints and [`fixed`] exactly what
//! `format!("{x:.p$}")` prints, for every finite `x`: both work on the float's exact decimal
//! expansion (a float is `m·2^e`, so `m·5^s` over `10^s`), with plain integer arithmetic.

/// `x.to_string()`: the fewest digits that read back as `x`, the nearest such when two do
/// ("95.56", "100", "0.1"). `x` must be finite.
pub fn shortest(x: f64) -> String {
    let mut out = sign(x);
    if x == 0.0 {
        out.push('0');
        return out;
    }
    let (m, e, inclusive) = decode(x);
    // x and the midpoints to its neighbours, all scaled to integers by 10^f.
    let f = (2 - e).max(0) as u32;
    let lower = if m == 1 << 52 && e > -1074 {
        exact(4 * m - 1, e - 2, f)
    } else {
        exact(2 * m - 1, e - 1, f)
    };
    let upper = exact(2 * m + 1, e - 1, f);
    let value = exact(m, e, f);
    // One more leading zero than the longest, so a rounding carry has room.
    let len = upper.len().max(f as usize) + 1;
    let [value, lower, upper] = [value, lower, upper].map(|d| pad(d, len));
    let inside = |c: &[u8]| {
        (lower.as_slice() < c || (inclusive && lower.as_slice() == c))
            && (c < upper.as_slice() || (inclusive && c == upper.as_slice()))
    };
    for keep in 1..=len {
        let down = truncate(&value, keep);
        let up = increment(&down, keep);
        let near_up = value.get(keep).is_some_and(|&d| d >= b'5');
        let (near, far) = if near_up { (up, down) } else { (down, up) };
        if inside(&near) {
            return finish(out, &near, f as usize, false);
        }
        if inside(&far) {
            return finish(out, &far, f as usize, false);
        }
    }
    finish(out, &value, f as usize, false)
}

/// `format!("{x:.decimals$}")`: `x` rounded to `decimals` places, half to even ("12.12" for
/// 12.125 and 2 places). `x` must be finite.
pub fn fixed(x: f64, decimals: usize) -> String {
    let out = sign(x);
    let (m, e, _) = decode(x);
    let f = (-e).max(0) as usize;
    let digits = exact(m, e, f as u32);
    let len = digits.len().max(f) + 2;
    let value = pad(digits, len);
    if decimals >= f {
        let mut v = value;
        v.resize(len + decimals - f, b'0');
        return finish(out, &v, decimals, true);
    }
    let keep = len - (f - decimals);
    let down = truncate(&value, keep);
    let rest = &value[keep..];
    let half = rest[0]
        .cmp(&b'5')
        .then(if rest[1..].iter().all(|&d| d == b'0') {
            std::cmp::Ordering::Equal
        } else {
            std::cmp::Ordering::Greater
        });
    let odd = keep > 0 && value[keep - 1] % 2 == 1;
    let rounded = match half {
        std::cmp::Ordering::Greater => increment(&down, keep),
        std::cmp::Ordering::Equal if odd => increment(&down, keep),
        _ => down,
    };
    let kept = &rounded[..keep];
    finish(out, kept, decimals, true)
}

fn sign(x: f64) -> String {
    if x.is_sign_negative() {
        "-".to_string()
    } else {
        String::new()
    }
}

/// `|x| = m·2^e`, and whether a decimal exactly half-way to a neighbour reads back as `x`.
fn decode(x: f64) -> (u64, i32, bool) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    (m, e, m % 2 == 0)
}

/// The decimal digits of `m·2^e·10^f` (an integer: `e + f >= 0` or enough fives).
fn exact(m: u64, e: i32, f: u32) -> Vec<u8> {
    // Little-endian base-2^32 limbs.
    let mut n = vec![m as u32, (m >> 32) as u32];
    let mul = |n: &mut Vec<u32>, k: u32| {
        let mut carry = 0u64;
        for limb in n.iter_mut() {
            let v = u64::from(*limb) * u64::from(k) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            n.push(carry as u32);
        }
    };
    for _ in 0..f {
        mul(&mut n, 5);
    }
    // 2^(e+f): e + f >= 0 for every caller.
    for _ in 0..(e + f as i32) {
        mul(&mut n, 2);
    }
    let mut digits = Vec::new();
    while n.iter().any(|&l| l != 0) {
        let mut rem = 0u64;
        for limb in n.iter_mut().rev() {
            let v = (rem << 32) | u64::from(*limb);
            *limb = (v / 10) as u32;
            rem = v % 10;
        }
        digits.push(b'0' + rem as u8);
    }
    digits.reverse();
    digits
}

fn pad(d: Vec<u8>, len: usize) -> Vec<u8> {
    let mut out = vec![b'0'; len.saturating_sub(d.len())];
    out.extend(d);
    out
}

/// The first `keep` digits, the rest zeros.
fn truncate(d: &[u8], keep: usize) -> Vec<u8> {
    let mut out = d.to_vec();
    out[keep..].fill(b'0');
    out
}

/// `d` plus one unit in its `keep`-th digit (the leading zero takes any carry).
fn increment(d: &[u8], keep: usize) -> Vec<u8> {
    let mut out = d.to_vec();
    for digit in out[..keep].iter_mut().rev() {
        if *digit == b'9' {
            *digit = b'0';
        } else {
            *digit += 1;
            break;
        }
    }
    out
}

/// `digits` (scaled by `10^f`) as a decimal: leading zeros dropped, and trailing fractional
/// zeros too unless `keep_zeros`.
fn finish(mut out: String, digits: &[u8], f: usize, keep_zeros: bool) -> String {
    let (int, frac) = digits.split_at(digits.len() - f);
    let start = int.iter().position(|&d| d != b'0').unwrap_or(int.len());
    let int = &int[start..];
    let frac = if keep_zeros {
        frac
    } else {
        let end = frac.iter().rposition(|&d| d != b'0').map_or(0, |i| i + 1);
        &frac[..end]
    };
    out.extend(int.iter().map(|&d| d as char));
    if int.is_empty() {
        out.push('0');
    }
    if !frac.is_empty() {
        out.push('.');
        out.extend(frac.iter().map(|&d| d as char));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(x: f64) {
        assert_eq!(shortest(x), x.to_string(), "shortest {:?}", x.to_bits());
        for p in [0, 1, 2, 3] {
            assert_eq!(
                fixed(x, p),
                format!("{x:.p$}"),
                "fixed {p} {:?}",
                x.to_bits()
            );
        }
    }

    #[test]
    fn matches_core_formatting() {
        for x in [
            0.0,
            -0.0,
            1.0,
            100.0,
            95.56,
            85.8,
            0.1,
            0.125,
            12.125,
            33.375,
            0.625,
            99.995,
            1.005,
            2.5e-7,
            1e-7,
            5e-324,
            1e21,
            1e22,
            2f64.powi(70),
            123456789.0,
            0.3,
            -1.5,
            -0.001,
            90.79910278320313,
            f64::MAX,
            f64::MIN_POSITIVE,
            2f64.powi(-1022),
        ] {
            check(x);
        }
    }

    #[test]
    fn matches_core_formatting_on_random_floats() {
        let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..20_000u64 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let x = match i % 4 {
                0 => f64::from_bits(s >> 1 | 0x3F00_0000_0000_0000) % 1e6,
                1 => (s >> 11) as f64 / (1u64 << 53) as f64 * 100.0,
                2 => (s % 1_000_000) as f64 / 10_000.0,
                _ => f64::from_bits(0x3F00_0000_0000_0000 | (s >> 12)),
            };
            if x.is_finite() {
                check(x);
            }
        }
    }
}
