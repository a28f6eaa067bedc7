//! The pattern parser: Python's regular-expression syntax into [`Node`]s, with CPython
//! 3.11's error messages and positions (`missing ), unterminated subpattern at position 0`).
//! Escapes are read by [`super::escape`].
//!
//! Flags are resolved while parsing: each literal, set and assertion records the folding,
//! `re.ASCII`, `re.DOTALL` and `re.MULTILINE` in force where it stands (global flags such
//! as `(?i)` may only open the pattern, as in CPython 3.11, so they hold everywhere).

use super::ast::{At, Greed, Item, Node, Set};
use super::chars::{Cat, Fold};
use super::escape::{Escaped, class_escape, escape};
use super::flags::{apply_types, fix_flags};

/// The flag bits, CPython's values.
pub(crate) mod flag {
    pub(crate) const TEMPLATE: u32 = 1;
    pub(crate) const IGNORECASE: u32 = 2;
    pub(crate) const LOCALE: u32 = 4;
    pub(crate) const MULTILINE: u32 = 8;
    pub(crate) const DOTALL: u32 = 16;
    pub(crate) const UNICODE: u32 = 32;
    pub(crate) const VERBOSE: u32 = 64;
    pub(crate) const DEBUG: u32 = 128;
    pub(crate) const ASCII: u32 = 256;
    pub(crate) const TYPES: u32 = LOCALE | UNICODE | ASCII;
}

/// The largest repeat count plus one (`sre`'s `MAXREPEAT`).
const MAXREPEAT: u64 = 4_294_967_295;

/// Which exception a failed compilation raises.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ErrKind {
    /// `re.error`.
    Re,
    /// `OverflowError`.
    Overflow,
    /// `ValueError`.
    Value,
}

/// A failed compilation: the message and, for `re.error`, the position in the pattern.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct ReError {
    pub(crate) kind: ErrKind,
    pub(crate) msg: String,
    pub(crate) pos: Option<usize>,
}

impl ReError {
    pub(super) fn new(kind: ErrKind, msg: impl Into<String>, pos: Option<usize>) -> ReError {
        ReError { kind, msg: msg.into(), pos }
    }
}

pub(crate) type PResult<T> = Result<T, ReError>;

/// A parsed pattern.
pub(crate) struct Parsed {
    pub(crate) node: Node,
    /// The number of capturing groups.
    pub(crate) groups: usize,
    /// Group names with their numbers, in order of definition.
    pub(crate) names: Vec<(String, usize)>,
    /// The flags, with inline global flags and `re.UNICODE` for str patterns added.
    pub(crate) flags: u32,
    /// The least and greatest widths of the groups (index 0 unused).
    pub(crate) widths: Vec<(u64, u64)>,
}

/// The parser's state over the pattern's code points (a bytes pattern's bytes).
pub(crate) struct Parser<'a> {
    pub(crate) src: &'a [u32],
    pub(crate) pos: usize,
    /// A str pattern (not bytes).
    pub(crate) text: bool,
    /// Global flags so far.
    pub(super) flags: u32,
    /// Widths of the groups, `None` while open (index 0 unused).
    widths: Vec<Option<(u64, u64)>>,
    names: Vec<(String, usize)>,
    /// While inside a look-behind: the group count when it opened.
    lookbehind: Option<usize>,
    /// Groups named by number in conditions, with where (checked at the end).
    cond_refs: Vec<(usize, usize)>,
}

/// One item of a sequence and what `sre` would see as its kind for "nothing to repeat" and
/// "multiple repeat".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    At,
    Repeat,
}

/// Parses `src` (code points, or bytes for a bytes pattern) with `flags`.
pub(crate) fn parse(src: &[u32], text: bool, flags: u32) -> PResult<Parsed> {
    let mut p = Parser {
        src,
        pos: 0,
        text,
        flags,
        widths: vec![Some((0, 0))],
        names: Vec::new(),
        lookbehind: None,
        cond_refs: Vec::new(),
    };
    let node = p.alternation(flags, 0)?;
    let flags = fix_flags(text, p.flags)?;
    if p.pos < src.len() {
        return Err(p.err("unbalanced parenthesis", 0));
    }
    let groups = p.widths.len() - 1;
    for &(g, at) in &p.cond_refs {
        if g > groups {
            return Err(ReError::new(
                ErrKind::Re,
                format!("invalid group reference {g}"),
                Some(at),
            ));
        }
    }
    check_lookbehinds(&node, &p.widths)?;
    let widths = p.widths.iter().map(|w| w.unwrap_or((0, 0))).collect();
    Ok(Parsed { node, groups, names: p.names, flags, widths })
}

/// `look-behind requires fixed-width pattern` (raised, as in CPython, without a position).
fn check_lookbehinds(node: &Node, widths: &[Option<(u64, u64)>]) -> PResult<()> {
    let ws: Vec<(u64, u64)> = widths.iter().map(|w| w.unwrap_or((0, 0))).collect();
    let mut bad = false;
    walk(node, &mut |n| {
        if let Node::Look { behind: true, node, .. } = n {
            let (lo, hi) = node.width(&ws);
            bad |= lo != hi;
        }
    });
    if bad {
        return Err(ReError::new(ErrKind::Re, "look-behind requires fixed-width pattern", None));
    }
    Ok(())
}

/// Calls `f` on every node of the tree.
pub(crate) fn walk(node: &Node, f: &mut impl FnMut(&Node)) {
    f(node);
    match node {
        Node::Group(_, n) | Node::Atomic(n) => walk(n, f),
        Node::Look { node, .. } | Node::Repeat { node, .. } => walk(node, f),
        Node::Concat(items) | Node::Alt(items) => items.iter().for_each(|n| walk(n, f)),
        Node::Cond { yes, no, .. } => {
            walk(yes, f);
            walk(no, f);
        }
        _ => {}
    }
}

/// The case folding that `flags` give a literal or set.
pub(crate) fn fold_of(text: bool, flags: u32) -> Fold {
    if flags & flag::IGNORECASE == 0 {
        Fold::None
    } else if ascii_of(text, flags) {
        Fold::Ascii
    } else {
        Fold::Unicode
    }
}

/// Whether `\w`, `\d`, `\s` and `\b` take their ASCII meaning under `flags`.
pub(crate) fn ascii_of(text: bool, flags: u32) -> bool {
    !text || flags & flag::ASCII != 0
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && cs.all(|c| c == '_' || c.is_alphanumeric())
}

impl<'a> Parser<'a> {
    /// A parser for a replacement template (which shares the tokens and names).
    pub(crate) fn template(src: &'a [u32], text: bool) -> Parser<'a> {
        Parser {
            src,
            pos: 0,
            text,
            flags: 0,
            widths: vec![Some((0, 0))],
            names: Vec::new(),
            lookbehind: None,
            cond_refs: Vec::new(),
        }
    }

    /// A `re.error` at `offset` code points before the current position.
    pub(crate) fn err(&self, msg: impl Into<String>, offset: usize) -> ReError {
        ReError::new(ErrKind::Re, msg, Some(self.pos.saturating_sub(offset)))
    }

    /// The next code point, not consumed.
    pub(crate) fn peek(&self) -> Option<u32> {
        self.src.get(self.pos).copied()
    }

    /// Consumes `c` if it is next.
    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c as u32) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// The next token: a code point, or a backslash and the code point after it.
    pub(crate) fn token(&mut self) -> PResult<Option<(u32, bool)>> {
        let Some(c) = self.peek() else { return Ok(None) };
        self.pos += 1;
        if c != '\\' as u32 {
            return Ok(Some((c, false)));
        }
        match self.peek() {
            Some(d) => {
                self.pos += 1;
                Ok(Some((d, true)))
            }
            None => Err(self.err("bad escape (end of pattern)", 1)),
        }
    }

    /// The text of a token, as CPython quotes it in messages.
    pub(crate) fn token_text(tok: (u32, bool)) -> String {
        let c = char::from_u32(tok.0).unwrap_or('\u{fffd}');
        if tok.1 { format!("\\{c}") } else { c.to_string() }
    }

    /// Reads up to `terminator` (a name): CPython's `getuntil`.
    pub(crate) fn until(&mut self, terminator: char, what: &str) -> PResult<String> {
        let mut out = String::new();
        let mut len = 0;
        loop {
            let Some(tok) = self.token()? else {
                if len == 0 {
                    return Err(self.err(format!("missing {what}"), 0));
                }
                return Err(self.err(format!("missing {terminator}, unterminated name"), len));
            };
            if tok == (terminator as u32, false) {
                if len == 0 {
                    return Err(self.err(format!("missing {what}"), 1));
                }
                return Ok(out);
            }
            out.push_str(&Self::token_text(tok));
            len += if tok.1 { 2 } else { 1 };
        }
    }

    /// Whether group `g` exists and is closed.
    pub(crate) fn group_closed(&self, g: usize) -> bool {
        g < self.widths.len() && self.widths.get(g).is_some_and(Option::is_some)
    }

    /// The number the next group gets.
    pub(crate) fn next_group(&self) -> usize {
        self.widths.len()
    }

    /// CPython's check of a reference from inside a look-behind.
    pub(crate) fn check_lookbehind_ref(&self, g: usize) -> PResult<()> {
        if let Some(first) = self.lookbehind {
            if !self.group_closed(g) {
                return Err(self.err("cannot refer to an open group", 0));
            }
            if g >= first {
                return Err(
                    self.err("cannot refer to group defined in the same lookbehind subpattern", 0)
                );
            }
        }
        Ok(())
    }

    /// Alternatives separated by `|`, up to `)` or the end.
    fn alternation(&mut self, flags: u32, nested: usize) -> PResult<Node> {
        let mut items = Vec::new();
        let mut flags = flags;
        loop {
            let first = nested == 0 && items.is_empty();
            let (node, flags_after) = self.sequence(flags, nested + 1, first)?;
            // Global flags (only in the first alternative) hold for the rest.
            flags = flags_after;
            items.push(node);
            if !self.eat('|') {
                break;
            }
        }
        Ok(if items.len() == 1 { items.pop().unwrap_or(Node::Empty) } else { Node::Alt(items) })
    }

    /// One alternative: items up to `|`, `)` or the end. `first`: global flags may come.
    fn sequence(&mut self, mut flags: u32, nested: usize, first: bool) -> PResult<(Node, u32)> {
        let mut items: Vec<(Node, Kind)> = Vec::new();
        loop {
            let here = self.pos;
            let Some(tok) = self.token()? else { break };
            let (c, escaped) = tok;
            if !escaped && (c == '|' as u32 || c == ')' as u32) {
                self.pos = here;
                break;
            }
            if flags & flag::VERBOSE != 0 && !escaped {
                if matches!(c, 0x20 | 0x09 | 0x0a | 0x0d | 0x0b | 0x0c) {
                    continue;
                }
                if c == '#' as u32 {
                    while let Some(d) = self.peek() {
                        self.pos += 1;
                        if d == '\n' as u32 {
                            break;
                        }
                    }
                    continue;
                }
            }
            if escaped {
                let node = match escape(self, c, flags)? {
                    Escaped::Node(n) => n,
                    Escaped::Lit(v) => Node::Lit(v, fold_of(self.text, flags)),
                };
                let kind = if matches!(node, Node::At(_)) { Kind::At } else { Kind::Plain };
                items.push((node, kind));
                continue;
            }
            match char::from_u32(c).unwrap_or('\0') {
                '[' => {
                    let set = self.set(flags, here)?;
                    items.push((set, Kind::Plain));
                }
                '*' | '+' | '?' | '{' => {
                    let Some((min, max)) = self.repeat_bounds(c, here)? else {
                        items.push((Node::Lit(c, fold_of(self.text, flags)), Kind::Plain));
                        continue;
                    };
                    let offset = self.pos - here;
                    let Some((last, kind)) = items.pop() else {
                        return Err(self.err("nothing to repeat", offset));
                    };
                    if kind == Kind::At {
                        return Err(self.err("nothing to repeat", offset));
                    }
                    if kind == Kind::Repeat {
                        return Err(self.err("multiple repeat", offset));
                    }
                    let greed = if self.eat('?') {
                        Greed::Lazy
                    } else if self.eat('+') {
                        Greed::Possessive
                    } else {
                        Greed::Greedy
                    };
                    let node = Node::Repeat { node: Box::new(last), min, max, greed };
                    items.push((node, Kind::Repeat));
                }
                '.' => items.push((Node::Any(flags & flag::DOTALL != 0), Kind::Plain)),
                '^' => {
                    let at = if flags & flag::MULTILINE != 0 { At::StartLine } else { At::Start };
                    items.push((Node::At(at), Kind::At));
                }
                '$' => {
                    let at = if flags & flag::MULTILINE != 0 { At::EndLine } else { At::End };
                    items.push((Node::At(at), Kind::At));
                }
                '(' => {
                    let start = here;
                    if let Some(node) =
                        self.group(&mut flags, nested, first && items.is_empty(), start)?
                    {
                        items.push((node, Kind::Plain));
                    }
                }
                _ => items.push((Node::Lit(c, fold_of(self.text, flags)), Kind::Plain)),
            }
        }
        let mut nodes: Vec<Node> = items.into_iter().map(|(n, _)| n).collect();
        let node = match nodes.len() {
            0 => Node::Empty,
            1 => nodes.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(nodes),
        };
        Ok((node, flags))
    }

    /// After `*`, `+`, `?` or `{`: the bounds, or `None` where `{` is a literal.
    fn repeat_bounds(&mut self, c: u32, here: usize) -> PResult<Option<(u32, Option<u32>)>> {
        match char::from_u32(c).unwrap_or('\0') {
            '*' => return Ok(Some((0, None))),
            '+' => return Ok(Some((1, None))),
            '?' => return Ok(Some((0, Some(1)))),
            _ => {}
        }
        if self.peek() == Some('}' as u32) {
            return Ok(None);
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.peek().is_some_and(|d| (0x30..=0x39).contains(&d)) {
                p.pos += 1;
            }
            p.src[s..p.pos].iter().filter_map(|&d| char::from_u32(d)).collect::<String>()
        };
        let lo = digits(self);
        let hi = if self.eat(',') { digits(self) } else { lo.clone() };
        if !self.eat('}') {
            self.pos = here + 1;
            return Ok(None);
        }
        let number = |s: &str| -> PResult<Option<u32>> {
            if s.is_empty() {
                return Ok(None);
            }
            match s.parse::<u64>() {
                Ok(v) if v < MAXREPEAT => Ok(Some(v as u32)),
                _ => {
                    Err(ReError::new(ErrKind::Overflow, "the repetition number is too large", None))
                }
            }
        };
        let min = number(&lo)?.unwrap_or(0);
        let max = number(&hi)?;
        if let Some(m) = max
            && m < min
        {
            return Err(self.err("min repeat greater than max repeat", self.pos - (here + 1)));
        }
        Ok(Some((min, max)))
    }

    /// A set after its `[` (at `here`).
    fn set(&mut self, flags: u32, here: usize) -> PResult<Node> {
        let negated = self.eat('^');
        let mut items: Vec<Item> = Vec::new();
        let ascii = ascii_of(self.text, flags);
        let unterminated = |p: &Self| p.err("unterminated character set", p.pos - here);
        let mut first = true;
        loop {
            let Some(this) = self.token()? else { return Err(unterminated(self)) };
            if this == (']' as u32, false) && !first {
                break;
            }
            first = false;
            let code1 = if this.1 {
                class_escape(self, this.0, ascii)?
            } else {
                Item::Range(this.0, this.0)
            };
            if self.eat('-') {
                let Some(that) = self.token()? else { return Err(unterminated(self)) };
                if that == (']' as u32, false) {
                    items.push(code1);
                    items.push(Item::Range('-' as u32, '-' as u32));
                    break;
                }
                let code2 = if that.1 {
                    class_escape(self, that.0, ascii)?
                } else {
                    Item::Range(that.0, that.0)
                };
                let bad = || {
                    let msg = format!(
                        "bad character range {}-{}",
                        Self::token_text(this),
                        Self::token_text(that)
                    );
                    let len = if this.1 { 2 } else { 1 } + 1 + if that.1 { 2 } else { 1 };
                    (msg, len)
                };
                match (code1, code2) {
                    (Item::Range(lo, _), Item::Range(hi, _)) if lo <= hi => {
                        items.push(Item::Range(lo, hi));
                    }
                    _ => {
                        let (msg, len) = bad();
                        return Err(self.err(msg, len));
                    }
                }
            } else {
                items.push(code1);
            }
        }
        Ok(Node::Set(Box::new(Set { negated, items, fold: fold_of(self.text, flags) })))
    }

    /// A group after its `(` (at `start`); `None` for what adds no item (comments and
    /// global flags).
    fn group(
        &mut self,
        flags: &mut u32,
        nested: usize,
        may_set_globals: bool,
        start: usize,
    ) -> PResult<Option<Node>> {
        let mut capture = true;
        let mut atomic = false;
        let mut name: Option<String> = None;
        let mut inner = *flags;
        if self.eat('?') {
            let Some(c) = self.token()? else {
                return Err(self.err("unexpected end of pattern", 0));
            };
            let ch = if c.1 { '\\' } else { char::from_u32(c.0).unwrap_or('\0') };
            match ch {
                'P' => {
                    if self.eat('<') {
                        let n = self.until('>', "group name")?;
                        if !is_identifier(&n) {
                            let len = n.chars().count() + 1;
                            return Err(self.err(format!("bad character in group name '{n}'"), len));
                        }
                        name = Some(n);
                    } else if self.eat('=') {
                        let n = self.until(')', "group name")?;
                        let len = n.chars().count() + 1;
                        if !is_identifier(&n) {
                            return Err(self.err(format!("bad character in group name '{n}'"), len));
                        }
                        let Some(g) = self.names.iter().find(|(k, _)| *k == n).map(|e| e.1) else {
                            return Err(self.err(format!("unknown group name '{n}'"), len));
                        };
                        if !self.group_closed(g) {
                            return Err(self.err("cannot refer to an open group", len));
                        }
                        self.check_lookbehind_ref(g)?;
                        return Ok(Some(Node::Backref(g, fold_of(self.text, *flags))));
                    } else {
                        let Some(t) = self.token()? else {
                            return Err(self.err("unexpected end of pattern", 0));
                        };
                        let txt = Self::token_text(t);
                        let len = txt.chars().count() + 2;
                        return Err(self.err(format!("unknown extension ?P{txt}"), len));
                    }
                }
                ':' => capture = false,
                '#' => loop {
                    let Some(t) = self.token()? else {
                        return Err(self.err("missing ), unterminated comment", self.pos - start));
                    };
                    if t == (')' as u32, false) {
                        return Ok(None);
                    }
                },
                '=' | '!' | '<' => {
                    let mut kind = ch;
                    let mut behind = false;
                    if ch == '<' {
                        let Some(t) = self.token()? else {
                            return Err(self.err("unexpected end of pattern", 0));
                        };
                        if t != ('=' as u32, false) && t != ('!' as u32, false) {
                            let txt = Self::token_text(t);
                            let len = txt.chars().count() + 2;
                            return Err(self.err(format!("unknown extension ?<{txt}"), len));
                        }
                        kind = char::from_u32(t.0).unwrap_or('=');
                        behind = true;
                    }
                    let saved = self.lookbehind;
                    if behind && saved.is_none() {
                        self.lookbehind = Some(self.next_group());
                    }
                    let node = self.alternation(*flags, nested + 1)?;
                    self.lookbehind = saved;
                    if !self.eat(')') {
                        return Err(
                            self.err("missing ), unterminated subpattern", self.pos - start)
                        );
                    }
                    return Ok(Some(Node::Look {
                        behind,
                        negated: kind == '!',
                        node: Box::new(node),
                    }));
                }
                '(' => return self.condition(*flags, nested, start).map(Some),
                '>' => {
                    capture = false;
                    atomic = true;
                }
                _ if c.1 => {
                    let txt = Self::token_text(c);
                    return Err(self.err(format!("unknown extension ?{txt}"), 3));
                }
                _ if "iLmsxatu-".contains(ch) => match self.inline_flags(ch)? {
                    None => {
                        // Global flags.
                        if !may_set_globals {
                            return Err(self.err(
                                "global flags not at the start of the expression",
                                self.pos - start,
                            ));
                        }
                        *flags = apply_types(*flags, self.flags);
                        return Ok(None);
                    }
                    Some((add, del)) => {
                        capture = false;
                        inner = apply_types(*flags, add) & !del;
                    }
                },
                _ => {
                    return Err(self.err(format!("unknown extension ?{ch}"), 2));
                }
            }
        }
        let group = if capture {
            let g = self.next_group();
            if let Some(n) = &name {
                if let Some(&(_, old)) = self.names.iter().find(|(k, _)| k == n) {
                    let len = n.chars().count() + 1;
                    return Err(self.err(
                        format!("redefinition of group name '{n}' as group {g}; was group {old}"),
                        len,
                    ));
                }
                self.names.push((n.clone(), g));
            }
            self.widths.push(None);
            Some(g)
        } else {
            None
        };
        let node = self.alternation(inner, nested + 1)?;
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern", self.pos - start));
        }
        if let Some(g) = group {
            let ws: Vec<(u64, u64)> = self.widths.iter().map(|w| w.unwrap_or((0, 0))).collect();
            let w = node.width(&ws);
            if let Some(slot) = self.widths.get_mut(g) {
                *slot = Some(w);
            }
            return Ok(Some(Node::Group(g, Box::new(node))));
        }
        if atomic {
            return Ok(Some(Node::Atomic(Box::new(node))));
        }
        // A non-capturing group stays a node of its own so that a repeat after it is not
        // taken for a second repeat.
        Ok(Some(Node::Concat(vec![node])))
    }

    /// `(?(group)yes|no)` after `(?(`.
    fn condition(&mut self, flags: u32, nested: usize, start: usize) -> PResult<Node> {
        let name = self.until(')', "group name")?;
        let len = name.chars().count() + 1;
        let group = if is_identifier(&name) {
            match self.names.iter().find(|(k, _)| *k == name) {
                Some(&(_, g)) => g,
                None => return Err(self.err(format!("unknown group name '{name}'"), len)),
            }
        } else {
            let Some(g) = name
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| name.parse::<u64>().ok())
                .flatten()
            else {
                return Err(self.err(format!("bad character in group name '{name}'"), len));
            };
            if g == 0 {
                return Err(self.err("bad group number", len));
            }
            if g >= 1 << 30 {
                return Err(self.err(format!("invalid group reference {g}"), len));
            }
            let g = g as usize;
            if !self.cond_refs.iter().any(|&(k, _)| k == g) {
                self.cond_refs.push((g, self.pos - len));
            }
            g
        };
        self.check_lookbehind_ref(group)?;
        let (yes, _) = self.sequence(flags, nested + 1, false)?;
        let no = if self.eat('|') {
            let (no, _) = self.sequence(flags, nested + 1, false)?;
            if self.peek() == Some('|' as u32) {
                return Err(self.err("conditional backref with more than two branches", 0));
            }
            no
        } else {
            Node::Empty
        };
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern", self.pos - start));
        }
        Ok(Node::Cond { group, yes: Box::new(yes), no: Box::new(no) })
    }
}

/// A category escape as a set node.
pub(crate) fn cat_node(cat: Cat, negated: bool, ascii: bool) -> Node {
    Node::Set(Box::new(Set {
        negated: false,
        items: vec![Item::Cat { cat, negated, ascii }],
        fold: Fold::None,
    }))
}
