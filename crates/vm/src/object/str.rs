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

/// `hash_str` of a string literal, computed once per call site (SipHash costs as much as a
/// dict probe; the attribute paths ask for `__getattr__`'s hash on every read).
#[macro_export]
macro_rules! hash_lit {
    ($s:literal) => {{
        static H: std::sync::LazyLock<i64> =
            std::sync::LazyLock::new(|| $crate::object::str::hash_str($s));
        *H
    }};
}

/// The hash of a str with text `s` (see [`PyStr::hash`]).
pub fn hash_str(s: &str) -> i64 {
    let mut hasher = std::hash::DefaultHasher::new();
    s.hash(&mut hasher);
    let h = hasher.finish() as i64;
    if h == -1 { -2 } else { h }
}
