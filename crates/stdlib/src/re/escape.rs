//! Backslash escapes of a pattern, outside and inside sets, with CPython 3.11's meanings and
//! messages: categories (`\d`, `\w`, `\s` and their negations), anchors (`\A`, `\Z`, `\b`,
//! `\B`), control characters, `\x`, `\u`, `\U` and `\N{...}` (str patterns), octal escapes,
//! and numbered back-references.

use super::ast::{At, Item, Node};
use super::chars::Cat;
use super::parse::{PResult, Parser, ascii_of, cat_node, fold_of};

/// What an escape outside a set stands for.
pub(crate) enum Escaped {
    /// A node of its own (a category, an anchor, a back-reference).
    Node(Node),
    /// A literal code point.
    Lit(u32),
}

/// The code point of a control escape (`\n`, ...), if `c` names one.
fn control(c: char) -> Option<u32> {
    Some(match c {
        'a' => 7,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// The category `c` names, with its negation.
fn category(c: char) -> Option<(Cat, bool)> {
    Some(match c {
        'd' => (Cat::Digit, false),
        'D' => (Cat::Digit, true),
        'w' => (Cat::Word, false),
        'W' => (Cat::Word, true),
        's' => (Cat::Space, false),
        'S' => (Cat::Space, true),
        _ => return None,
    })
}

fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

fn is_octal(c: u32) -> bool {
    (0x30..=0x37).contains(&c)
}

/// Reads up to `n` code points satisfying `ok`.
fn take_while(p: &mut Parser<'_>, n: usize, ok: fn(u32) -> bool) -> String {
    let mut out = String::new();
    while out.len() < n {
        match p.peek() {
            Some(c) if ok(c) => {
                out.push(char::from_u32(c).unwrap_or('0'));
                p.pos += 1;
            }
            _ => break,
        }
    }
    out
}

/// `\x`, `\u`, `\U`, `\N{...}`: the code point, or `None` if `c` is not one of them here.
fn numeric(p: &mut Parser<'_>, c: char) -> PResult<Option<u32>> {
    let hex = |c: u32| char::from_u32(c).is_some_and(|c| c.is_ascii_hexdigit());
    let width = match c {
        'x' => 2,
        'u' if p.text => 4,
        'U' if p.text => 8,
        'N' if p.text => return named(p).map(Some),
        _ => return Ok(None),
    };
    let digits = take_while(p, width, hex);
    let escape = format!("\\{c}{digits}");
    if digits.len() != width {
        return Err(p.err(format!("incomplete escape {escape}"), escape.len()));
    }
    let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
    if v > super::chars::MAX_CP {
        return Err(p.err(format!("bad escape {escape}"), escape.len()));
    }
    Ok(Some(v))
}

/// `\N{name}` after the `N`.
fn named(p: &mut Parser<'_>) -> PResult<u32> {
    if !p.eat('{') {
        return Err(p.err("missing {", 0));
    }
    let name = p.until('}', "character name")?;
    match gillab_syntax::lexer::unicode_names::lookup(&name) {
        Some(ch) => Ok(ch as u32),
        None => {
            let len = name.chars().count() + 4;
            Err(p.err(format!("undefined character name '{name}'"), len))
        }
    }
}

/// An octal escape whose first digit `first` is read: up to two more octal digits.
fn octal(p: &mut Parser<'_>, first: u32, more: usize) -> PResult<u32> {
    let rest = take_while(p, more, is_octal);
    let digits = format!("{}{rest}", char::from_u32(first).unwrap_or('0'));
    let v = u32::from_str_radix(&digits, 8).unwrap_or(0);
    if v > 0o377 {
        let escape = format!("\\{digits}");
        return Err(
            p.err(format!("octal escape value {escape} outside of range 0-0o377"), escape.len())
        );
    }
    Ok(v)
}

/// The escape `\c` outside a set, under `flags`.
pub(crate) fn escape(p: &mut Parser<'_>, c: u32, flags: u32) -> PResult<Escaped> {
    let ascii = ascii_of(p.text, flags);
    let ch = char::from_u32(c).unwrap_or('\u{fffd}');
    let at = |a: At| Ok(Escaped::Node(Node::At(a)));
    match ch {
        'A' => return at(At::Start),
        'Z' => return at(At::EndString),
        'b' => return at(At::Boundary(ascii)),
        'B' => return at(At::NonBoundary(ascii)),
        _ => {}
    }
    if let Some((cat, negated)) = category(ch) {
        return Ok(Escaped::Node(cat_node(cat, negated, ascii)));
    }
    if let Some(v) = control(ch) {
        return Ok(Escaped::Lit(v));
    }
    if let Some(v) = numeric(p, ch)? {
        return Ok(Escaped::Lit(v));
    }
    if ch == '0' {
        return octal(p, c, 2).map(Escaped::Lit);
    }
    if is_digit(c) {
        // An octal escape of three digits, or a group reference.
        let start = p.pos;
        if let Some(d) = p.peek().filter(|&d| is_digit(d)) {
            p.pos += 1;
            if is_octal(c) && is_octal(d) && p.peek().is_some_and(is_octal) {
                p.pos = start;
                return octal(p, c, 2).map(Escaped::Lit);
            }
        }
        let digits: String =
            p.src[start - 1..p.pos].iter().filter_map(|&d| char::from_u32(d)).collect();
        let len = digits.len() + 1;
        let g: usize = digits.parse().unwrap_or(usize::MAX);
        if g < p.next_group() {
            if !p.group_closed(g) {
                return Err(p.err("cannot refer to an open group", len));
            }
            p.check_lookbehind_ref(g)?;
            return Ok(Escaped::Node(Node::Backref(g, fold_of(p.text, flags))));
        }
        return Err(p.err(format!("invalid group reference {g}"), len - 1));
    }
    if ch.is_ascii_alphabetic() {
        return Err(p.err(format!("bad escape \\{ch}"), 2));
    }
    Ok(Escaped::Lit(c))
}

/// The escape `\c` inside a set (`ascii`: categories take their ASCII meaning).
pub(crate) fn class_escape(p: &mut Parser<'_>, c: u32, ascii: bool) -> PResult<Item> {
    let ch = char::from_u32(c).unwrap_or('\u{fffd}');
    let lit = |v: u32| Ok(Item::Range(v, v));
    if ch == 'b' {
        return lit(8);
    }
    if let Some(v) = control(ch) {
        return lit(v);
    }
    if let Some((cat, negated)) = category(ch) {
        return Ok(Item::Cat { cat, negated, ascii });
    }
    if let Some(v) = numeric(p, ch)? {
        return lit(v);
    }
    if is_octal(c) {
        return octal(p, c, 2).and_then(lit);
    }
    if is_digit(c) || ch.is_ascii_alphabetic() {
        return Err(p.err(format!("bad escape \\{ch}"), 2));
    }
    lit(c)
}
