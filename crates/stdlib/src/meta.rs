//! `abc`, `enum`, `dataclasses` and `typing`: Python source (`python/abc.py`, `enum.py`,
//! `dataclasses.py`, `typing.py`, with `_gillab_meta.py` for what they share), each run when first imported, written for gil-lab from
//! CPython 3.11's documented behaviour. They build on the VM's metaclasses, class
//! `__annotations__` and function attributes; each module's docstring lists its differences
//! from CPython.

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::eval::imports::exec_source;
use gillab_vm::object::PyRef;

const SHARED: &str = include_str!("python/_gillab_meta.py");
const ABC: &str = include_str!("python/abc.py");
const ENUM: &str = include_str!("python/enum.py");
const ENUM_MEMBERS: &str = include_str!("python/enum_members.py");
const TYPING: &str = include_str!("python/typing.py");
const TYPING_ALIASES: &str = include_str!("python/typing_aliases.py");
const TYPING_NAMES: &str = include_str!("python/typing_names.py");
const DATACLASSES: &str = include_str!("python/dataclasses.py");
const DATACLASSES_PROCESS: &str = include_str!("python/dataclasses_process.py");

/// Fills `module` if `name` is one of these modules; `false` otherwise.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str, module: &PyRef<B>) -> PyResult<B, bool> {
    let sources: &[&str] = match name {
        "_gillab_meta" => &[SHARED],
        "abc" => &[ABC],
        "enum" => &[ENUM, ENUM_MEMBERS],
        "typing" => &[TYPING, TYPING_ALIASES, TYPING_NAMES],
        "dataclasses" => &[DATACLASSES, DATACLASSES_PROCESS],
        _ => return Ok(false),
    };
    for source in sources {
        exec_source(ctx, source, &format!("<frozen {name}>"), module)?;
    }
    Ok(true)
}
