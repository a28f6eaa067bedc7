//! `string`: Python source (`python/string.py`): the character-class constants,
//! `capwords`, `Template` (`$`-substitution over `re`) and `Formatter` (`str.format`'s
//! parsing, field lookup, conversion and formatting as overridable methods).

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::PyRef;

const SOURCE: &str = include_str!("python/string.py");

/// Fills `string`.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    gillab_vm::eval::imports::exec_source(ctx, SOURCE, "<frozen string>", module)
}
