//! Unit tests of the engine: the two matchers agree wherever the translation is used, and a
//! few answers of CPython's are checked directly.

use super::backtrack::Mode;
use super::engine::{Regex, Subject};

fn compile(p: &str, flags: u32) -> Regex {
    let units: Vec<u32> = p.chars().map(|c| c as u32).collect();
    match Regex::new(&units, false, flags) {
        Ok(r) => r,
        Err(e) => panic!("{p}: {e:?}"),
    }
}

/// Both matchers on every start position and mode; `true` if the fast one served the text.
fn agree(p: &str, text: &str) -> bool {
    let re = compile(p, 0);
    let subj = Subject::from_str(text);
    let mut served = false;
    for mode in [Mode::Search, Mode::Match, Mode::Full] {
        for pos in 0..=subj.len {
            for must_advance in [false, true] {
                let slow = re.debug_backtrack(&subj, pos, subj.len, mode, must_advance);
                if let Some(fast) = re.debug_fast(&subj, pos, subj.len, mode, must_advance) {
                    served = true;
                    let a = fast.map(|h| (h.spans, h.lastindex));
                    let b = slow.map(|h| (h.spans, h.lastindex));
                    assert_eq!(a, b, "{p:?} on {text:?} from {pos} ({mode:?}, {must_advance})");
                }
            }
        }
    }
    served
}

#[test]
fn matchers_agree() {
    let patterns = [
        "a",
        "a*",
        "a+?b",
        "(a|ab)(c|bcd)(d*)",
        r"\w+\s\d{2,3}",
        "[^a-c]+",
        r"(?i)k[a-z]+",
        r"(?m)^\w+$",
        r"\bab",
        r"(a)|(b)",
        "((a)|b)+",
        r"x{0}y",
        "(?s).+",
        r"[\s\S]{2}",
        "",
        "(?:ab)*c",
        r"\Aa|b\Z",
        "é+",
        r"(?i)ſ",
        r"[\d\W]+",
        "a{2,}?",
    ];
    let texts = ["", "a", "abcd", "ab ab\n12 345", "xKelvin kELVIN", "aab\nb", "éé aé", "ſS"];
    let mut served = 0;
    for p in patterns {
        for t in texts {
            served += usize::from(agree(p, t));
        }
    }
    assert!(served > patterns.len() * texts.len() / 2, "the fast matcher served {served}");
}

#[test]
fn untranslatable_patterns_use_the_backtracker() {
    for p in [r"(a)\1", "(?=a)", "(?<=a)b", "(?>a)", "a*+", "(a)?(?(1)b)", "(a*)*", "(|a)+"] {
        let re = compile(p, 0);
        let subj = Subject::from_str("aab");
        assert!(re.debug_fast(&subj, 0, 3, Mode::Search, false).is_none(), "{p}");
    }
    // `$` before a final newline and `\B` on an empty text are CPython's only through it.
    let re = compile("a$", 0);
    assert!(re.debug_fast(&Subject::from_str("a\n"), 0, 2, Mode::Search, false).is_none());
    assert!(re.debug_fast(&Subject::from_str("a"), 0, 1, Mode::Search, false).is_some());
}

#[test]
fn cpython_answers() {
    let span = |p: &str, t: &str| {
        let re = compile(p, 0);
        let subj = Subject::from_str(t);
        re.exec(&subj, 0, subj.len, Mode::Search, false).and_then(|h| h.spans[0])
    };
    assert_eq!(span("(?:|a)*", "aa"), Some((0, 0)));
    assert_eq!(span("a$", "a\n"), Some((0, 1)));
    assert_eq!(span(r"\B", ""), None);
    assert_eq!(span(r"(?i)k", "\u{212a}"), Some((0, 1)));
    assert_eq!(span(r"\w+", "x²½"), Some((0, 3)));
    assert_eq!(span(r"\s", "\u{1c}"), Some((0, 1)));
    assert_eq!(span("日本", "a日本"), Some((1, 3)));
    let re = compile("(a*)+", 0);
    let subj = Subject::from_str("aa");
    let hit = re.exec(&subj, 0, 2, Mode::Match, false).expect("match");
    assert_eq!(hit.spans[1], Some((2, 2)));
}

#[test]
fn errors_have_cpython_positions() {
    for (p, msg, pos) in [
        ("(a", "missing ), unterminated subpattern", Some(0)),
        ("a**", "multiple repeat", Some(2)),
        ("[z-a]", "bad character range z-a", Some(1)),
        ("(?<=a*)", "look-behind requires fixed-width pattern", None),
        ("a{2,1}", "min repeat greater than max repeat", Some(2)),
    ] {
        let units: Vec<u32> = p.chars().map(|c| c as u32).collect();
        let Err(e) = Regex::new(&units, false, 0) else { panic!("{p} compiled") };
        assert_eq!((e.msg.as_str(), e.pos), (msg, pos), "{p}");
    }
}
