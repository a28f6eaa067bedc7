//! Format strings of `struct`: the byte order prefix (`@=<>!`), repeat counts, and the
//! layout they give (each field's code, offset and, for `s`/`p`, length), with CPython's
//! sizes, native alignment and errors.
//!
//! The native sizes and alignments are those of CPython on x86-64 Linux (`l`, `L`, `n`, `N`,
//! `P` are 8 bytes); the standard sizes are CPython's (`l`/`L` 4 bytes, `q`/`Q` 8).

/// The byte order and size mode of a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// `@` (or no prefix): native order, sizes and alignment.
    Native,
    /// `=`: native order (little-endian here), standard sizes, no alignment.
    StdNative,
    /// `<`: little-endian, standard sizes.
    Little,
    /// `>` or `!`: big-endian, standard sizes.
    Big,
}

impl Order {
    /// Whether values are stored little-endian.
    pub(crate) fn little(self) -> bool {
        match self {
            Order::Native | Order::StdNative => cfg!(target_endian = "little"),
            Order::Little => true,
            Order::Big => false,
        }
    }

    /// Whether the standard sizes apply.
    pub(crate) fn standard(self) -> bool {
        self != Order::Native
    }
}

/// One field of a layout: a value to pack (or, for `x`, padding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    /// The format character.
    pub(crate) code: u8,
    /// Its byte offset in the packed data.
    pub(crate) offset: usize,
    /// Its size in bytes (the whole length for `s` and `p`).
    pub(crate) size: usize,
}

/// A parsed format: its fields (without padding), the total size and the byte order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(crate) order: Order,
    pub(crate) fields: Vec<Field>,
    pub(crate) size: usize,
}

/// `(size, alignment)` of `code` in `order`; `None` for a character that is not a format
/// code there.
fn size_align(code: u8, order: Order) -> Option<(usize, usize)> {
    if order.standard() {
        let size = match code {
            b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
            b'h' | b'H' | b'e' => 2,
            b'i' | b'I' | b'l' | b'L' | b'f' => 4,
            b'q' | b'Q' | b'd' => 8,
            _ => return None,
        };
        return Some((size, 0));
    }
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => 8,
        _ => return None,
    };
    let align = if matches!(code, b'x' | b's' | b'p') { 0 } else { size };
    Some((size, align))
}

/// The largest struct size CPython accepts (`PY_SSIZE_T_MAX`).
const MAX_SIZE: usize = isize::MAX as usize;

/// Parses `fmt`, or gives CPython's `struct.error` message.
pub(crate) fn parse(fmt: &str) -> Result<Layout, &'static str> {
    let b = fmt.as_bytes();
    let (order, mut i) = match b.first() {
        Some(b'@') => (Order::Native, 1),
        Some(b'=') => (Order::StdNative, 1),
        Some(b'<') => (Order::Little, 1),
        Some(b'>' | b'!') => (Order::Big, 1),
        _ => (Order::Native, 0),
    };
    let too_long = "total struct size too long";
    let mut fields = Vec::new();
    let mut size: usize = 0;
    while i < b.len() {
        let mut c = b[i];
        i += 1;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            continue;
        }
        let num = if c.is_ascii_digit() {
            let mut num = (c - b'0') as usize;
            loop {
                match b.get(i) {
                    Some(&d) if d.is_ascii_digit() => {
                        num = num
                            .checked_mul(10)
                            .and_then(|n| n.checked_add((d - b'0') as usize))
                            .filter(|&n| n <= MAX_SIZE)
                            .ok_or(too_long)?;
                        i += 1;
                    }
                    Some(&d) => {
                        c = d;
                        i += 1;
                        break;
                    }
                    None => return Err("repeat count given without format specifier"),
                }
            }
            num
        } else {
            1
        };
        let Some((isize_, align)) = size_align(c, order) else {
            return Err("bad char in struct format");
        };
        if align > 0 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            size = size.checked_add(extra).ok_or(too_long)?;
        }
        match c {
            b's' | b'p' => {
                fields.push(Field { code: c, offset: size, size: num });
                size = size.checked_add(num).ok_or(too_long)?;
            }
            b'x' => size = size.checked_add(num).ok_or(too_long)?,
            _ => {
                let total = num.checked_mul(isize_).ok_or(too_long)?;
                for k in 0..num {
                    fields.push(Field { code: c, offset: size + k * isize_, size: isize_ });
                }
                size = size.checked_add(total).ok_or(too_long)?;
            }
        }
        if size > MAX_SIZE {
            return Err(too_long);
        }
    }
    Ok(Layout { order, fields, size })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(f: &str) -> Result<usize, &'static str> {
        parse(f).map(|l| l.size)
    }

    #[test]
    fn sizes_and_alignment_match_cpython() {
        assert_eq!(size("bi"), Ok(8));
        assert_eq!(size("<bi"), Ok(5));
        assert_eq!(size("ib"), Ok(5));
        assert_eq!(size("bq"), Ok(16));
        assert_eq!(size("b0i"), Ok(4));
        assert_eq!(size("3s2xh"), Ok(8));
        assert_eq!(size("c?xh"), Ok(6));
        assert_eq!(size("<bd"), Ok(9));
        assert_eq!(size("@P"), Ok(8));
    }

    #[test]
    fn errors_match_cpython() {
        assert_eq!(size("3"), Err("repeat count given without format specifier"));
        assert_eq!(size("2 i"), Err("bad char in struct format"));
        assert_eq!(size("<P"), Err("bad char in struct format"));
        assert_eq!(size("z"), Err("bad char in struct format"));
        assert_eq!(size("99999999999999999999i"), Err("total struct size too long"));
    }

    #[test]
    fn fields_expand_repeats_but_not_strings() {
        let l = parse("<2h3s").map(|l| l.fields.len());
        assert_eq!(l, Ok(3));
    }
}
