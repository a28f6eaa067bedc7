//! Immutable strings with a lazily cached hash.

use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicI64, Ordering};

/// The payload of a `str` object.
pub struct PyStr {
    s: Box<str>,
    /// Cached hash; `-1` until computed (a Python hash is never `-1`).
    hash: AtomicI64,
}

impl PyStr {
    /// Wraps a Rust string.
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        PyStr { s: s.into(), hash: AtomicI64::new(-1) }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Python's `hash(s)`: SipHash-1-3 with fixed keys over the UTF-8 bytes (deterministic,
    /// unlike CPython's randomised hash; nothing may depend on the actual values).
    #[inline]
    pub fn hash(&self) -> i64 {
        // Relaxed: the hash is a pure function of the immutable text, so racing threads store
        // the same value and no other memory is published through it.
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = hash_str(&self.s);
        // Relaxed: as above.
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    /// Length in code points (`len(s)`).
    pub fn char_len(&self) -> usize {
        if self.s.is_ascii() { self.s.len() } else { self.s.chars().count() }
    }
}

/// `a == b` for the short names of namespaces, without a call into libc's `memcmp`: equal
/// when they are the same text in memory (interned names usually are), else compared in at
/// most two overlapping words when short.
#[inline(always)]
pub fn text_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if a.as_ptr() == b.as_ptr() {
        return true;
    }
    let word = |s: &[u8], at: usize| u64::from_ne_bytes(s[at..at + 8].try_into().unwrap_or([0; 8]));
    let half = |s: &[u8], at: usize| u32::from_ne_bytes(s[at..at + 4].try_into().unwrap_or([0; 4]));
    match n {
        0 => true,
        1..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// `hash_str` of a string literal, computed once per call site (SipHash costs as much as a
/// dict probe; the attribute paths ask for `__getattr__`'s hash on every read). A relaxed
/// atomic rather than a `LazyLock`: racing first calls compute the same value, and
/// ThreadSanitizer sees the accesses (std's `Once` is not instrumented on stable).
#[macro_export]
macro_rules! hash_lit {
    ($s:literal) => {{
        static H: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
        match H.load(std::sync::atomic::Ordering::Relaxed) {
            0 => {
                let h = $crate::object::str::hash_str($s);
                H.store(h, std::sync::atomic::Ordering::Relaxed);
                h
            }
            h => h,
        }
    }};
}

/// The hash of a str with text `s` (see [`PyStr::hash`]).
pub fn hash_str(s: &str) -> i64 {
    let mut hasher = std::hash::DefaultHasher::new();
    s.hash(&mut hasher);
    let h = hasher.finish() as i64;
    if h == -1 { -2 } else { h }
}
