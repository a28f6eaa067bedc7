//! `__future__`: the feature objects (`_Feature`, with `getOptionalRelease()`,
//! `getMandatoryRelease()` and `compiler_flag`) and `all_feature_names`. The module is Python
//! source (`python/__future__.py`), run when first imported. Every feature is already the
//! behaviour of gil-lab's compiler (annotations are never evaluated), so importing one changes
//! nothing else.

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::PyRef;

const SOURCE: &str = include_str!("python/__future__.py");

/// Runs the module's source in `module`.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    gillab_vm::eval::imports::exec_source(ctx, SOURCE, "<frozen __future__>", module)
}
