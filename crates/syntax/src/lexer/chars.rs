//! Character classes for identifiers and error messages, approximating Unicode properties with
//! what `std` offers (no tables).
//!
//! Deviations from CPython (documented here): `XID_Start` is approximated by
//! `char::is_alphabetic` (plus `_`), `XID_Continue` by alphabetic or numeric characters, minus the
//! common "other number" characters (superscripts, fractions, circled digits), plus the combining
//! mark blocks and the middle dots. Identifiers are not NFKC-normalized. "Printable" (for choosing
//! between "invalid character" and "invalid non-printable character") treats control, whitespace
//! (other than space), format and private-use characters as non-printable.

/// Whether `c` may start an identifier.
pub(super) fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// Whether `c` may continue an identifier.
pub(super) fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    if c.is_alphabetic() || is_combining_mark(c) || matches!(c, '\u{B7}' | '\u{387}') {
        return true;
    }
    c.is_numeric() && !is_other_number(c)
}

/// Common characters of category `No` (numeric, but not identifier characters).
fn is_other_number(c: char) -> bool {
    matches!(c,
        '\u{B2}' | '\u{B3}' | '\u{B9}' | '\u{BC}'..='\u{BE}'
        | '\u{2070}'..='\u{209F}'
        | '\u{2150}'..='\u{215F}' | '\u{2189}'
        | '\u{2460}'..='\u{249B}' | '\u{24EA}'..='\u{24FF}'
        | '\u{2776}'..='\u{2793}'
        | '\u{3251}'..='\u{325F}' | '\u{32B1}'..='\u{32BF}')
}

/// The main blocks of combining marks (categories `Mn`/`Mc`).
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}'
        | '\u{483}'..='\u{487}'
        | '\u{591}'..='\u{5BD}'
        | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}'
        | '\u{900}'..='\u{903}' | '\u{93A}'..='\u{94F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20DC}' | '\u{20E1}' | '\u{20E5}'..='\u{20F0}'
        | '\u{302A}'..='\u{302F}' | '\u{3099}' | '\u{309A}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whether Python would consider `c` printable (approximately; see the module docs).
pub(super) fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'..='\u{E007F}'
        | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}')
}
