//! Flags: the inline flag groups `(?aiLmsux)` and `(?aiLmsux-imsx:...)` with CPython
//! 3.11's errors, and the checks of the type flags (`re.ASCII`, `re.UNICODE`, `re.LOCALE`)
//! once a pattern is read.

use super::parse::{ErrKind, PResult, Parser, ReError, flag};

/// CPython's checks of the type flags once the pattern is read.
pub(super) fn fix_flags(text: bool, mut flags: u32) -> PResult<u32> {
    let value = |m: &str| Err(ReError::new(ErrKind::Value, m, None));
    if text {
        if flags & flag::LOCALE != 0 {
            return value("cannot use LOCALE flag with a str pattern");
        }
        if flags & flag::ASCII == 0 {
            flags |= flag::UNICODE;
        } else if flags & flag::UNICODE != 0 {
            return value("ASCII and UNICODE flags are incompatible");
        }
    } else {
        if flags & flag::UNICODE != 0 {
            return value("cannot use UNICODE flag with a bytes pattern");
        }
        if flags & flag::LOCALE != 0 && flags & flag::ASCII != 0 {
            return value("ASCII and LOCALE flags are incompatible");
        }
    }
    Ok(flags)
}

/// `flags` with `add` turned on, a type flag replacing the other type flags.
pub(super) fn apply_types(flags: u32, add: u32) -> u32 {
    if add & flag::TYPES != 0 { (flags & !flag::TYPES) | add } else { flags | add }
}

impl Parser<'_> {
    /// The flags of `(?flags)` or `(?flags-flags:`, after `(?` and its first letter `c`.
    /// `None`: global flags (already added to `self.flags`).
    pub(super) fn inline_flags(&mut self, mut c: char) -> PResult<Option<(u32, u32)>> {
        let bit = |c: char| match c {
            'i' => flag::IGNORECASE,
            'L' => flag::LOCALE,
            'm' => flag::MULTILINE,
            's' => flag::DOTALL,
            'x' => flag::VERBOSE,
            'a' => flag::ASCII,
            't' => flag::TEMPLATE,
            'u' => flag::UNICODE,
            _ => 0,
        };
        let next = |p: &mut Self| -> PResult<Option<char>> {
            Ok(p.token()?.map(|t| if t.1 { '\\' } else { char::from_u32(t.0).unwrap_or('\0') }))
        };
        let mut add = 0;
        let mut del = 0;
        if c != '-' {
            loop {
                let f = bit(c);
                if self.text && c == 'L' {
                    return Err(
                        self.err("bad inline flags: cannot use 'L' flag with a str pattern", 0)
                    );
                }
                if !self.text && c == 'u' {
                    return Err(
                        self.err("bad inline flags: cannot use 'u' flag with a bytes pattern", 0)
                    );
                }
                add |= f;
                if f & flag::TYPES != 0 && add & flag::TYPES != f {
                    return Err(
                        self.err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0)
                    );
                }
                let Some(d) = next(self)? else {
                    return Err(self.err("missing -, : or )", 0));
                };
                c = d;
                if ")-:".contains(c) {
                    break;
                }
                if bit(c) == 0 {
                    let msg = if c.is_alphabetic() { "unknown flag" } else { "missing -, : or )" };
                    return Err(self.err(msg, 1));
                }
            }
        }
        if c == ')' {
            self.flags |= add;
            return Ok(None);
        }
        if add & flag::TEMPLATE != 0 {
            return Err(self.err("bad inline flags: cannot turn on global flag", 1));
        }
        if c == '-' {
            let Some(d) = next(self)? else { return Err(self.err("missing flag", 0)) };
            c = d;
            if bit(c) == 0 {
                let msg = if c.is_alphabetic() { "unknown flag" } else { "missing flag" };
                return Err(self.err(msg, 1));
            }
            loop {
                let f = bit(c);
                if f & flag::TYPES != 0 {
                    return Err(
                        self.err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0)
                    );
                }
                del |= f;
                let Some(d) = next(self)? else { return Err(self.err("missing :", 0)) };
                c = d;
                if c == ':' {
                    break;
                }
                if bit(c) == 0 {
                    let msg = if c.is_alphabetic() { "unknown flag" } else { "missing :" };
                    return Err(self.err(msg, 1));
                }
            }
        }
        if del & flag::TEMPLATE != 0 {
            return Err(self.err("bad inline flags: cannot turn off global flag", 1));
        }
        if add & del != 0 {
            return Err(self.err("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }
}
