//! Fuzz target: `gillab_syntax::parse_module` must return (`Ok` or `Err`) on any input, without
//! panicking or overflowing the stack. Bytes that are not UTF-8 are replaced, so every input
//! reaches the lexer and parser.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let _ = gillab_syntax::parse_module(&source);
});
