//! `parse_module` never panics and never overflows the stack, whatever the input: proptest over
//! arbitrary strings and over strings assembled from Python-ish fragments, plus deeply nested
//! inputs. (The test threads have the default 2 MiB stack, so this also checks that the nesting
//! limits keep debug builds within it.)

use gillab_syntax::parse_module;
use proptest::prelude::*;

#[path = "common/fragments.rs"]
mod fragments;
use fragments::pythonish;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_do_not_panic(src in any::<String>()) {
        let _ = parse_module(&src);
    }

    #[test]
    fn ascii_soup_does_not_panic(src in "[ -~\n\t]{0,80}") {
        let _ = parse_module(&src);
    }

    #[test]
    fn pythonish_fragments_do_not_panic(src in pythonish()) {
        let _ = parse_module(&src);
    }

    #[test]
    fn pythonish_lines_do_not_panic(lines in prop::collection::vec(pythonish(), 0..6)) {
        let _ = parse_module(&lines.join("\n"));
    }
}

/// Parses `src` and returns whether it parsed (errors are fine; panics and overflows are not).
fn survives(src: &str) -> bool {
    parse_module(src).is_ok()
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    assert!(!survives(&"(".repeat(100_000)));
    assert!(!survives(&format!("{}{}", "[".repeat(5000), "]".repeat(5000))));
    assert!(!survives(&format!("{}1", "-".repeat(100_000))));
    assert!(!survives(&format!("{}x", "not ".repeat(50_000))));
    assert!(!survives(&format!("{}1", "lambda: ".repeat(50_000))));
    assert!(!survives(&format!("2{}", " ** 2".repeat(50_000))));
    assert!(!survives(&format!("1{}", " if 1 else 1".repeat(50_000))));
    assert!(!survives(&format!("x = 1{}", " + 1".repeat(100_000))));
    assert!(!survives(&format!("x = a{}", ".b".repeat(100_000))));
    assert!(!survives(&format!("x = f{}", "(1)".repeat(100_000))));
    assert!(!survives(&format!("x = a{}", "[0]".repeat(100_000))));
    let mut blocks = String::new();
    for depth in 0..1000 {
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("if x:\n");
    }
    blocks.push_str(&" ".repeat(1000));
    blocks.push_str("pass\n");
    assert!(!survives(&blocks));
    let mut elifs = String::from("if x:\n    pass\n");
    elifs.push_str(&"elif x:\n    pass\n".repeat(100_000));
    assert!(!survives(&elifs));
}

#[test]
fn nesting_up_to_the_limits_fits_the_stack() {
    // The most stack-hungry constructs, as deep as the lexer and parser allow, inside the deepest
    // indentation the lexer allows.
    for text in fragments::deepest_programs() {
        assert!(survives(&text), "{}", &text[text.len() - 60..]);
    }
    let unary = format!("x = {}1", "-(".repeat(99)) + &")".repeat(99);
    assert!(survives(&unary));
}
