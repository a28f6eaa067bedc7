//! Code objects as the VM runs them: the compiler's code with its constants and names as
//! objects, the stack depth `eval::verify` computed, and the fused int patterns `eval::fuse`
//! found. The analyses live with the eval loop; what they produce is data, kept here.

use super::PyRef;
use crate::backend::Backend;
use gillab_compiler::CodeObject;
use std::sync::Arc;

/// A code object as the VM uses it: the compiler's code plus its constants and names as objects.
pub struct CodeRef<B: Backend> {
    /// The compiled code.
    pub code: Arc<CodeObject>,
    /// `code.constants`, converted once.
    pub consts: Box<[PyRef<B>]>,
    /// `code.names` as interned `str` objects.
    pub names: Box<[PyRef<B>]>,
    /// Index into the closure of the `__class__` cell, for functions that use `super()`.
    pub class_cell: Option<usize>,
    /// The maximum value-stack depth, as computed by `eval::verify` (not by the compiler).
    pub max_stack: usize,
    /// Fused int fast paths by instruction index (found by `eval::fuse`).
    pub fused: Box<[Option<Fused>]>,
    /// One word per instruction for the attribute sites' caches (`ops::attrsite`): at a
    /// `LOAD_ATTR` or `STORE_ATTR`, a [`super::typever::site_key`] saying which class, as of
    /// which epoch, has no class attribute of that name (0: none yet). Shared by every thread
    /// that runs the code; each word is self-contained, so `Relaxed` suffices (docs/safety.md,
    /// I8).
    pub sites: Box<[std::sync::atomic::AtomicU64]>,
    /// A second word per instruction: at a `LOAD_GLOBAL`, `sites` says where the globals hold
    /// the name (or that they do not) and this word where the builtins do (`ops::globalsite`;
    /// docs/safety.md, I9); at a `LOAD_ATTR` or `STORE_ATTR`, the position in the instance
    /// dict where the name was last found (`ops::attrsite`), a hint checked before use.
    pub aux: Box<[std::sync::atomic::AtomicU64]>,
}

impl<B: Backend> CodeRef<B> {
    /// Whether a call with `nargs` positional arguments binds them straight to the first
    /// `nargs` locals (no defaults, keyword-only, `*args` or `**kwargs` involved).
    #[inline]
    pub fn is_simple(&self, nargs: usize) -> bool {
        let co = &self.code;
        co.argcount as usize == nargs
            && co.kwonlyargcount == 0
            && !co.flags.contains(gillab_compiler::CodeFlags::VARARGS)
            && !co.flags.contains(gillab_compiler::CodeFlags::VARKEYWORDS)
    }

    /// For a call with `nargs` positional arguments and no keywords to a function with
    /// `ndefaults` positional defaults: how many trailing defaults fill the remaining positional
    /// parameters (0 for an exact call), or `None` when the call needs the general binder
    /// (too many or too few arguments, keyword-only parameters, `*args` or `**kwargs`).
    #[inline]
    pub fn defaults_to_fill(&self, nargs: usize, ndefaults: usize) -> Option<usize> {
        let co = &self.code;
        let argc = co.argcount as usize;
        let simple = nargs <= argc
            && argc - nargs <= ndefaults
            && co.kwonlyargcount == 0
            && !co.flags.contains(gillab_compiler::CodeFlags::VARARGS)
            && !co.flags.contains(gillab_compiler::CodeFlags::VARKEYWORDS);
        simple.then(|| argc - nargs)
    }
}

/// A fused pattern starting at a `LOAD_FAST`: found by `eval::fuse::find`, run by the eval loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fused {
    /// `LOAD_FAST local; LOAD_CONST konst; COMPARE_OP cmp; POP_JUMP_IF_* target`.
    CompareJump {
        /// The local slot.
        local: u32,
        /// The int constant's value.
        konst: i64,
        /// `COMPARE_OP`'s argument.
        cmp: u8,
        /// Jump when the comparison is true (`POP_JUMP_IF_TRUE`) or false.
        jump_if: bool,
        /// The jump target.
        target: u32,
    },
    /// `LOAD_FAST local; LOAD_ATTR name`: the attribute is read from the local in place.
    LoadAttr {
        /// `LOAD_ATTR`'s argument (an index into the code's names).
        name: u32,
    },
    /// `LOAD_FAST local; LOAD_CONST konst; BINARY_SUBSCR`: the local is subscripted in place.
    SubscrConst {
        /// `LOAD_CONST`'s argument (an index into the code's constants).
        konst: u32,
    },
    /// `LOAD_FAST local; LOAD_CONST konst; BINARY_OP op; STORE_FAST dest`.
    BinopStore {
        /// The local slot read.
        local: u32,
        /// The int constant's value.
        konst: i64,
        /// `BINARY_OP`'s argument.
        op: u8,
        /// The local slot written.
        dest: u32,
    },
}
