//! Fuzz target: the whole front end — lexer, parser and compiler
//! (`gillab_compiler::compile_source`) — must return (`Ok` or `Err`) on any input, without
//! panicking or overflowing the stack. Bytes that are not UTF-8 are replaced, so every input
//! reaches the lexer. Run with `cargo fuzz run -s none parse` (see `.ci/fuzz`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let _ = gillab_compiler::compile_source(&source, "<fuzz>");
});
