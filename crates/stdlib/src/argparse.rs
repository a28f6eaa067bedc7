//! `argparse`: Python source run when first imported, in three parts executed in one module
//! namespace: `python/argparse_formatter.py` (the constants, word wrapping as `textwrap` does
//! it, and the help formatters), `python/argparse_actions.py` (`Namespace`, the errors, the
//! actions) and `python/argparse_parser.py` (argument groups and `ArgumentParser`).
//!
//! Written for gil-lab from CPython 3.11's documented behaviour: usage lines wrapped as
//! CPython wraps them, `-h` output, error messages and exit status 2, `--`, `--opt=value`,
//! combined short flags, abbreviations, `nargs` patterns matched in CPython's order, argument
//! and mutually exclusive groups, parents and conflict handlers. Sub-commands
//! (`add_subparsers`) and `parse_intermixed_args` are not provided (see `docs/stdlib.md`).

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::eval::imports::exec_source;
use gillab_vm::object::PyRef;

const PARTS: [(&str, &str); 3] = [
    ("<frozen argparse>", include_str!("python/argparse_formatter.py")),
    ("<frozen argparse actions>", include_str!("python/argparse_actions.py")),
    ("<frozen argparse parser>", include_str!("python/argparse_parser.py")),
];

/// Fills the `argparse` module.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    for (filename, source) in PARTS {
        exec_source(ctx, source, filename, module)?;
    }
    Ok(())
}
