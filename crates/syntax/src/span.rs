//! Source positions: byte-offset spans and the line index that maps them to lines and columns.

/// A half-open byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// Maps byte offsets to 1-based line numbers and 1-based columns, as Python reports them.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl LineIndex {
    /// Builds the index for `source`. Lines end at `\n`, `\r\n` or a lone `\r`.
    pub fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// The 1-based line that contains byte `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The 1-based (line, column) of byte `offset`; the column counts characters, not bytes.
    pub fn line_col(&self, source: &str, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[line as usize - 1] as usize;
        let end = (offset as usize).min(source.len());
        let col = source.get(start..end).map_or(end - start, |s| s.chars().count());
        (line, col as u32 + 1)
    }

    /// The text of 1-based `line`, without its line terminator.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        let Some(&start) = self.line_starts.get(line as usize - 1) else { return "" };
        let end = self.line_starts.get(line as usize).map_or(source.len(), |&e| e as usize);
        source.get(start as usize..end).unwrap_or("").trim_end_matches(['\n', '\r'])
    }

    /// Number of lines in the source.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncd\r\nef\rgh";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(src, 0), (1, 1));
        assert_eq!(idx.line_col(src, 4), (2, 2));
        assert_eq!(idx.line_col(src, 7), (3, 1));
        assert_eq!(idx.line_text(src, 2), "cd");
        assert_eq!(idx.line_text(src, 4), "gh");
        assert_eq!(idx.line_col(src, 10), (4, 1));
    }
}
