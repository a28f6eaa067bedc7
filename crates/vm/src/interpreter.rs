//! A ready interpreter, on the crate's top floor: [`Vm::new`] and [`Vm::new_shared`] build the
//! bare object model ([`Vm::bare`], `vm.rs`) and then install the built-in functions, the
//! methods of the built-in classes and the `builtins` namespace (`builtins/`), which the floor
//! below may not do itself. Everything that runs Python code (`run.rs`, worker processes, the
//! tests and benches) starts from these.

use crate::backend::Backend;
use crate::vm::Vm;
use crate::vm::VmOptions;
use std::path::PathBuf;
use std::sync::Arc;

impl<B: Backend> Vm<B> {
    /// Creates an interpreter: a [`Vm::bare`] with the built-ins installed.
    pub fn new(options: VmOptions, argv: Vec<String>, script_dir: PathBuf) -> Vm<B> {
        let vm = Vm::bare(options, argv, script_dir);
        install(&vm);
        vm
    }

    /// [`Vm::new`] owned by an `Arc`, which threads started from Python share.
    pub fn new_shared(options: VmOptions, argv: Vec<String>, script_dir: PathBuf) -> Arc<Vm<B>> {
        let vm = Vm::bare_shared(options, argv, script_dir);
        install(&vm);
        vm
    }
}

/// Installs the built-ins into a bare VM, with the calling thread attached while it does.
fn install<B: Backend>(vm: &Vm<B>) {
    let thread = vm.backend.attach();
    crate::builtins::install(vm);
    vm.backend.detach(thread);
}
