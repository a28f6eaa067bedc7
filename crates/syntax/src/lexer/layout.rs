//! Line structure: indentation (`Indent`/`Dedent`), line terminators (`Newline`), comments,
//! blank lines and `\` continuations, as in CPython 3.11's `tok_get`.
//!
//! Indentation is measured twice, with tabs advancing to the next multiple of 8 and with tabs
//! counting 1; the two must agree in ordering or it is a `TabError`. A form feed resets the
//! column. Lines holding only whitespace and/or a comment are skipped entirely. Inside brackets
//! line terminators are ignored and indentation is not measured. The errors here are all "soft"
//! in the sense of the module docs of `lexer`.

use super::{Lexer, unclosed};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

/// CPython's `MAXINDENT`: the indentation stack may hold at most this many levels (base included).
const MAX_INDENT: usize = 100;
/// Tabs advance the column to the next multiple of this.
const TAB_SIZE: usize = 8;

impl Lexer<'_> {
    /// Measures the indentation of a new logical line and emits `Indent`/`Dedent` tokens.
    /// Returns `true` if the line was blank (or comment-only) and has been consumed entirely.
    pub(super) fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut altcol, mut cont_line_col) = (0usize, 0usize, 0usize);
        loop {
            match self.b.get(self.pos) {
                Some(b' ') => (col, altcol) = (col + 1, altcol + 1),
                Some(b'\t') => (col, altcol) = ((col / TAB_SIZE + 1) * TAB_SIZE, altcol + 1),
                Some(b'\x0c') => (col, altcol) = (0, 0),
                Some(b'\\') => {
                    // As in CPython, the first backslash found fixes the indentation (unless it is
                    // at column 0, which CPython treats as "not set").
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.continuation(true)?;
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        match self.b.get(self.pos) {
            None => return Ok(false),
            Some(b'#' | b'\n' | b'\r') => {
                self.skip_comment();
                if self.pos >= self.b.len() {
                    return Ok(false);
                }
                self.pos = self.newline_end(self.pos);
                self.buf_start = self.pos;
                return Ok(true);
            }
            Some(_) => {}
        }
        if cont_line_col != 0 {
            (col, altcol) = (cont_line_col, cont_line_col);
        }
        let here = self.pos;
        let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                let msg = "too many levels of indentation";
                let err = SyntaxError::indentation(msg, self.line_start_span(), false);
                return Err(self.soft(err));
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.indents.push((col, altcol));
            let end = here + self.char_len(here);
            self.push(TokenKind::Indent, here, end);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.push(TokenKind::Dedent, here, here);
            }
            let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                // CPython points past the end of the line.
                let end = self.line_end(here);
                let msg = "unindent does not match any outer indentation level";
                let err = SyntaxError::indentation(msg, Span::new(end, end), true);
                return Err(self.soft(err));
            }
            if altcol != alttop {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    /// The `TabError` for the current line.
    fn tab_error(&mut self) -> SyntaxError {
        let err = SyntaxError::tab(self.line_start_span());
        self.soft(err)
    }

    /// Skips spaces, tabs and form feeds.
    pub(super) fn skip_blanks(&mut self) {
        while matches!(self.b.get(self.pos), Some(b' ' | b'\t' | b'\x0c')) {
            self.pos += 1;
        }
    }

    /// Skips a comment (if any) up to, not including, the line terminator.
    pub(super) fn skip_comment(&mut self) {
        while self.b.get(self.pos).is_some_and(|&c| c != b'\n' && c != b'\r') {
            self.pos += 1;
        }
    }

    /// Offset just past the line terminator that starts at `at` (`\n`, `\r\n` or `\r`).
    pub(super) fn newline_end(&self, at: usize) -> usize {
        match self.b.get(at) {
            Some(b'\r') if self.b.get(at + 1) == Some(&b'\n') => at + 2,
            Some(b'\r' | b'\n') => at + 1,
            _ => at,
        }
    }

    /// A line terminator: a `Newline` token unless inside brackets.
    pub(super) fn newline(&mut self, start: usize) -> Result<(), SyntaxError> {
        let end = self.newline_end(start);
        self.pos = end;
        self.buf_start = end;
        let comment = self.comment_start.take();
        if self.brackets.is_empty() && !self.expr_mode {
            self.push(TokenKind::Newline, comment.unwrap_or(start), end);
            self.at_bol = true;
        }
        Ok(())
    }

    /// A `\` outside a string: must be followed by a line terminator, and not by end of input.
    /// `at_bol` says whether it is in the indentation of a line.
    pub(super) fn continuation(&mut self, at_bol: bool) -> Result<(), SyntaxError> {
        let after = self.pos + 1;
        let end = self.newline_end(after);
        if self.b.get(after).is_some() && end == after {
            // CPython measures this column from the start of its line buffer, which also holds the
            // earlier lines of a `\` chain or of a multi-line string; a column past the end of the
            // line shows as the end of the line.
            let line_start = self.line_start_span().start as usize;
            let col =
                (after - self.buf_start.min(line_start)).min(self.line_end(after) - line_start);
            let at = self.before(line_start + col + 1).start as usize;
            let msg = "unexpected character after line continuation character";
            return Err(self.soft(SyntaxError::new(msg, Span::new(at, at))));
        }
        if end >= self.b.len() {
            let err = match self.brackets.last() {
                Some(&(open, at)) => unclosed(open, at),
                None => SyntaxError::new("unexpected EOF while parsing", Span::new(after, after)),
            };
            return Err(self.soft(err));
        }
        self.pos = end;
        if at_bol {
            self.buf_start = end;
        }
        Ok(())
    }

    /// Offset of the line terminator (or end of input) of the line containing `at`.
    fn line_end(&self, at: usize) -> usize {
        let rest = self.b.get(at..).unwrap_or(&[]);
        at + rest.iter().position(|&c| c == b'\n' || c == b'\r').unwrap_or(rest.len())
    }

    /// An empty span at the start of the physical line containing the current position.
    fn line_start_span(&self) -> Span {
        let before = self.b.get(..self.pos).unwrap_or(&[]);
        let start = before.iter().rposition(|&c| c == b'\n' || c == b'\r').map_or(0, |i| i + 1);
        Span::new(start, start)
    }
}
