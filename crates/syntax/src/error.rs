//! Syntax errors, rendered the way CPython 3.11 prints them.

use crate::span::{LineIndex, Span};
use std::fmt;

/// Which of Python's syntax-error classes an error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a subclass of `SyntaxError` in Python).
    Indentation,
    /// `TabError` (a subclass of `IndentationError`).
    Tab,
}

impl SyntaxErrorKind {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
        }
    }
}

/// A compile-time error with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// The error class.
    pub kind: SyntaxErrorKind,
    /// The message after `SyntaxError: `.
    pub msg: String,
    /// Where the error is; the caret line underlines `span` (clipped to its first line).
    pub span: Span,
    /// Whether CPython shows a caret line for this error (it does not for indentation errors
    /// such as "unexpected indent").
    pub caret: bool,
}

impl SyntaxError {
    /// A `SyntaxError` with a caret under `span`.
    pub fn new(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::Syntax, msg: msg.into(), span, caret: true }
    }

    /// An `IndentationError` (`caret` says whether a caret line is shown).
    pub fn indentation(msg: impl Into<String>, span: Span, caret: bool) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::Indentation, msg: msg.into(), span, caret }
    }

    /// A `TabError` (shown without a caret, as CPython does).
    pub fn tab(span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Tab,
            msg: "inconsistent use of tabs and spaces in indentation".into(),
            span,
            caret: false,
        }
    }

    /// The 1-based (line, column) of the error in `source`.
    pub fn line_col(&self, source: &str) -> (u32, u32) {
        LineIndex::new(source).line_col(source, self.span.start)
    }

    /// Renders the error exactly as CPython 3.11 prints an uncaught one:
    ///
    /// ```text
    ///   File "t.py", line 2
    ///     x = (1,
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    pub fn render(&self, filename: &str, source: &str) -> String {
        let index = LineIndex::new(source);
        let (line, col) = index.line_col(source, self.span.start);
        let mut out = format!("  File \"{filename}\", line {line}\n");
        let text = index.line_text(source, line);
        let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
        if !trimmed.is_empty() || self.caret {
            out.push_str("    ");
            out.push_str(trimmed.trim_end());
            out.push('\n');
        }
        if self.caret {
            let indent = text.chars().count() - trimmed.chars().count();
            let start_col = (col as usize - 1).saturating_sub(indent);
            let (end_line, end_col) = index.line_col(source, self.span.end);
            let end_col = if end_line == line {
                (end_col as usize - 1).saturating_sub(indent)
            } else {
                trimmed.chars().count()
            };
            let width = end_col.saturating_sub(start_col).max(1);
            out.push_str("    ");
            out.extend(std::iter::repeat_n(' ', start_col));
            out.extend(std::iter::repeat_n('^', width));
            out.push('\n');
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_cpython() {
        let src = "def f():\n    x = (1,\n";
        let err = SyntaxError::new("'(' was never closed", Span::new(17, 18));
        assert_eq!(
            err.render("t.py", src),
            "  File \"t.py\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
        );
    }

    #[test]
    fn indentation_error_without_caret() {
        let src = "x = 1\n  y = 2\n";
        let err = SyntaxError::indentation("unexpected indent", Span::new(8, 9), false);
        assert_eq!(
            err.render("t.py", src),
            "  File \"t.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
        );
    }

    #[test]
    fn caret_spans_a_range() {
        let src = "if x:\n      return 5\n";
        let err = SyntaxError::new("'return' outside function", Span::new(12, 20));
        let text = err.render("t.py", src);
        assert!(text.contains("\n    return 5\n    ^^^^^^^^\n"), "{text}");
    }
}
