//! The whole front end (lexer, parser, compiler) never panics and never overflows the stack:
//! proptest over arbitrary and Python-ish inputs, and the deepest nesting the parser accepts.
//!
//! The deep cases run on a thread with the interpreter's stack size (`gillab` compiles on its
//! 256 MiB interpreter thread); the random cases are shallow and run on the test thread.

use gillab_compiler::compile_source;
use proptest::prelude::*;

#[path = "../../syntax/tests/common/fragments.rs"]
mod fragments;
use fragments::pythonish;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_do_not_panic(src in any::<String>()) {
        let _ = compile_source(&src, "<test>");
    }

    #[test]
    fn pythonish_fragments_do_not_panic(src in pythonish()) {
        let _ = compile_source(&src, "<test>");
    }

    #[test]
    fn pythonish_lines_do_not_panic(lines in prop::collection::vec(pythonish(), 0..8)) {
        let _ = compile_source(&lines.join("\n"), "<test>");
    }
}

fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the compiler must not panic");
}

#[test]
fn deepest_accepted_nesting_compiles() {
    on_big_stack(|| {
        for text in fragments::deepest_programs() {
            assert!(compile_source(&text, "<deep>").is_ok(), "{}", &text[text.len() - 60..]);
        }
        for src in [
            format!("x = 1{}\n", " + 1".repeat(990)),
            format!("x = a{}\n", ".b".repeat(990)),
            format!("x = f{}\n", "(1)".repeat(990)),
            format!("x = [{}]\n", "y for y in z if y ".repeat(100)),
            format!("x = {}1\n", "lambda: ".repeat(190)),
        ] {
            let _ = compile_source(&src, "<deep>");
        }
    });
}

#[test]
fn too_deep_is_a_syntax_error() {
    on_big_stack(|| {
        for src in
            [format!("x = {}", "(".repeat(100_000)), format!("x = 1{}", " + 1".repeat(100_000))]
        {
            let err = compile_source(&src, "<deep>").expect_err("too deep");
            assert!(
                err.msg.contains("too many nested") || err.msg.contains("too deeply"),
                "{}",
                err.msg
            );
        }
    });
}
