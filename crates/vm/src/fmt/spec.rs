//! The format-spec mini-language: parsing `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//!
//! Port of `parse_internal_render_format_spec` from CPython 3.11's
//! `Python/formatter_unicode.c`. Checks that depend on the presentation type
//! (which thousands separators are allowed, the default alignment) are done
//! by the formatters in [`super::number`], because the default type depends
//! on the object being formatted.

/// A parsed format specification, as used by `format(value, spec)`,
/// f-string `{x:spec}` fields and `str.format`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character for padding (`' '` unless given, `'0'` after the `0` flag).
    pub fill: char,
    /// Explicit alignment: one of `<`, `>`, `=`, `^`; `None` means the
    /// default (right for numbers, left for strings; `=` for numbers when
    /// [`zero`](Self::zero) is set).
    pub align: Option<char>,
    /// Explicit sign option: one of `+`, `-`, `' '`; `None` when absent
    /// (CPython distinguishes an explicit `-` from none, e.g. for `c`).
    pub sign: Option<char>,
    /// The `z` option (Python 3.11): coerce negative zero results to zero.
    pub no_neg_zero: bool,
    /// The `#` option: alternate form.
    pub alternate: bool,
    /// The `0` flag was given (and no explicit fill character): pads with
    /// zeros, and numbers default to `=` alignment.
    pub zero: bool,
    /// Minimum field width in characters.
    pub width: Option<usize>,
    /// Thousands separator: `,` or `_`.
    pub grouping: Option<char>,
    /// Precision: digits for floats, maximum length for strings.
    pub precision: Option<usize>,
    /// Presentation type (`d`, `x`, `f`, `s`, ...); `None` for the default.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of ASCII digits starting at `*pos`; `Ok(None)` if there is none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut acc: usize = 0;
    let mut consumed = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10).filter(|_| c.is_ascii())) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
        consumed += 1;
        *pos += 1;
    }
    Ok((consumed > 0).then_some(acc))
}

/// Parses a format spec for an object of type `type_name` (used only in
/// the "Invalid format specifier" message).
///
/// Errors are CPython's `ValueError` messages, e.g. `Format specifier missing
/// precision`, `Cannot specify both ',' and '_'.`, `Too many decimal digits
/// in format string`, and `Invalid format specifier 'xx' for object of type
/// 'int'`.
pub fn parse_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec::default();
    let mut fill_specified = false;

    if end >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.align = Some(chars[1]);
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        f.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        f.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && chars.get(pos) == Some(&'0') {
        f.fill = '0';
        f.zero = true;
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        f.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if f.grouping.is_some() {
            return Err(both_separators());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && f.grouping == Some('_') {
        return Err(both_separators());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if end - pos > 1 {
        return Err(format!("Invalid format specifier '{spec}' for object of type '{type_name}'"));
    }
    f.ty = chars.get(pos).copied();
    Ok(f)
}

/// Parses a format spec without knowing the object's type; identical to
/// [`parse_spec_for`]`(spec, "object")`. Prefer [`parse_spec_for`] with the
/// real type name (`int`, `float`, `str`, ...) so that the "Invalid format
/// specifier" message matches CPython exactly.
pub fn parse_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_spec_for(spec, "object")
}

fn both_separators() -> String {
    "Cannot specify both ',' and '_'.".to_string()
}

/// `'c'` for printable ASCII codes, `'\xNN'` otherwise, as CPython quotes a
/// presentation type in error messages.
pub(crate) fn quote_type(ty: char) -> String {
    let n = ty as u32;
    if n > 32 && n < 128 { format!("'{ty}'") } else { format!("'\\x{n:x}'") }
}

/// Validates the thousands separator against the (resolved) presentation
/// type `ty` (`None` for no type) and returns `(separator, group size)`.
pub(crate) fn grouping_for(
    spec: &FormatSpec,
    ty: Option<char>,
) -> Result<Option<(char, usize)>, String> {
    let Some(sep) = spec.grouping else {
        return Ok(None);
    };
    match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(Some((sep, 3))),
        Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(Some((sep, 4))),
        Some(t) => Err(format!("Cannot specify '{sep}' with {}.", quote_type(t))),
    }
}

/// CPython's "Unknown format code" error for presentation type `ty`.
pub(crate) fn unknown_code(ty: char, type_name: &str) -> String {
    format!("Unknown format code {} for object of type '{type_name}'", quote_type(ty))
}
