//! The object model: every Python value is a heap [`Object`] with a reference-count header, and
//! [`PyRef`] is an owned (counted) reference to one.
//!
//! `PyRef::clone` is an incref and dropping a `PyRef` is a decref; when the count reaches zero
//! the backend releases the object ([`Backend::release`]), which runs its destructor now (or,
//! for epoch-based backends, once no reader can still hold it). Destruction of deep structures
//! is flattened by a per-thread "trashcan" as in CPython, so freeing a list nested a million
//! deep does not overflow the stack.
//!
//! Mutable contents live in `B::Cell`s and are reached only through [`Object::read`] /
//! [`Object::write`], which hand the backend the object's header so that a per-object-lock
//! backend can use one lock for both the count and the contents.

mod code;
pub mod dict;
mod freelist;
pub mod generator;
pub mod immortal;
pub mod live;
mod payload;
pub mod str;
pub mod typever;

pub use code::*;
pub use immortal::Immortals;
pub use payload::*;

use crate::backend::Backend;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// A heap object: the backend's reference-count cell followed by the payload.
#[repr(C)]
pub struct Object<B: Backend> {
    rc: B::RefCount,
    /// What the object is.
    pub payload: Payload<B>,
}

/// An owned reference to an [`Object`]: clone increments, drop decrements.
///
/// `repr(transparent)` over a `NonNull`, so `Option<PyRef<B>>` is pointer-sized with `None` as
/// null: the eval loop relies on this to pass a run of non-`None` stack slots as `&[PyRef<B>]`.
#[repr(transparent)]
pub struct PyRef<B: Backend> {
    ptr: NonNull<Object<B>>,
    _owns: PhantomData<Object<B>>,
}

// SAFETY: a `PyRef` is a counted pointer. The `Backend` contract makes count updates and content
// access free of data races between attached threads, and the VM only touches objects from
// attached threads (docs/safety.md, invariant I1), so sharing and sending references is sound.
unsafe impl<B: Backend> Send for PyRef<B> {}
// SAFETY: as for `Send`: every access through `&PyRef` goes through the backend's protocol.
unsafe impl<B: Backend> Sync for PyRef<B> {}

impl<B: Backend> PyRef<B> {
    /// Allocates a new object with a count of one.
    #[inline]
    pub fn new(payload: Payload<B>) -> PyRef<B> {
        Self::new_inline(payload)
    }

    /// [`PyRef::new`] forced inline, for the hottest allocation sites (new ints), so that the
    /// payload is written straight into the block instead of being passed through memory.
    #[inline(always)]
    pub fn new_inline(payload: Payload<B>) -> PyRef<B> {
        live::alloc_one();
        let ptr = freelist::alloc::<Object<B>>();
        // SAFETY: `ptr` is valid for writes of one `Object<B>` (freshly allocated or a block of
        // exactly that layout from the freelist) and is not aliased.
        unsafe { ptr.as_ptr().write(Object { rc: B::rc_new(), payload }) };
        PyRef { ptr, _owns: PhantomData }
    }

    /// Whether two references point at the same object (Python's `is`).
    #[inline]
    pub fn is(&self, other: &PyRef<B>) -> bool {
        self.ptr == other.ptr
    }

    /// The object's address, used for `id()` and for ordering locks.
    #[inline]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The current reference count.
    pub fn refcount(&self) -> isize {
        B::refcount(&self.rc)
    }

    /// Whether the backend made this object immortal ([`crate::Vm::immortalize`]).
    #[inline]
    pub fn is_immortal(&self) -> bool {
        B::is_immortal(&self.rc)
    }
}

impl<B: Backend> std::ops::Deref for PyRef<B> {
    type Target = Object<B>;
    #[inline(always)]
    fn deref(&self) -> &Object<B> {
        // SAFETY: a `PyRef` owns one count, so the object is alive while the `PyRef` exists
        // (invariant I2).
        unsafe { self.ptr.as_ref() }
    }
}

impl<B: Backend> Clone for PyRef<B> {
    #[inline(always)]
    fn clone(&self) -> PyRef<B> {
        live::rc_op();
        B::incref(&self.rc);
        PyRef { ptr: self.ptr, _owns: PhantomData }
    }
}

impl<B: Backend> Drop for PyRef<B> {
    #[inline(always)]
    fn drop(&mut self) {
        live::rc_op();
        if B::decref(&self.rc) {
            if let Payload::Native(n) = &self.payload {
                native_last_ref::<B>(n);
            }
            // SAFETY: `decref` returned true, so this was the last count (Backend contract 1);
            // `destroy::<B>` is this object's destructor and the pointer is not used again.
            unsafe { B::release(self.ptr.cast(), destroy::<B>) }
        }
    }
}

/// A native object's last reference went: a suspended generator may need closing
/// (`generator::on_last_ref`). Out of line: most objects that die are not native.
#[cold]
#[inline(never)]
fn native_last_ref<B: Backend>(n: &NativeObj<B>) {
    generator::on_last_ref::<B>(&*n.data);
}

impl<B: Backend> fmt::Debug for PyRef<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:#x}>", self.payload.kind_name(), self.addr())
    }
}

impl<B: Backend> Object<B> {
    /// Runs `f` with shared access to guarded contents of this object.
    #[inline(always)]
    pub fn read<T: Send + Sync, R>(&self, cell: &B::Cell<T>, f: impl FnOnce(&T) -> R) -> R {
        B::cell_read(cell, f)
    }

    /// Runs `f` with exclusive access to guarded contents of this object.
    #[inline(always)]
    pub fn write<T: Send + Sync, R>(&self, cell: &B::Cell<T>, f: impl FnOnce(&mut T) -> R) -> R {
        B::cell_write(cell, f)
    }

    /// [`Object::write`] for an object the calling thread may hold the only reference to (an
    /// iterator on a frame's stack): the backend may then skip synchronisation
    /// ([`Backend::cell_write_unique`]). `cell` must be this object's own.
    #[inline(always)]
    pub fn write_unique<T: Send + Sync, R>(
        &self,
        cell: &B::Cell<T>,
        f: impl FnOnce(&mut T) -> R,
    ) -> R {
        B::cell_write_unique(&self.rc, cell, f)
    }
}

/// Releases the object whose header's count is `rc`, as dropping its last [`PyRef`] does: for
/// a backend that learns an object is dead away from any `PyRef` (the `biased` backend's merge
/// queue, which holds pointers to counts).
///
/// [`Object`] is `repr(C)` with the count first, so the count's address is the object's.
///
/// # Safety
/// `rc` must be the count of a live `Object<B>` whose references are all gone (the backend's
/// protocol established that its count reached zero, once), and nothing may use it afterwards.
pub unsafe fn release_by_header<B: Backend>(rc: NonNull<B::RefCount>) {
    const { assert!(std::mem::offset_of!(Object<B>, rc) == 0) };
    // SAFETY: the count is the object's first field (checked above), so `rc` is the object's
    // address; the caller guarantees this is its one release, after its last reference.
    unsafe { B::release(rc.cast(), destroy::<B>) }
}

/// Destructions deeper than this are queued instead of recursing.
const TRASHCAN_DEPTH: u32 = 64;

/// An object queued for destruction with its destructor.
type Pending = (NonNull<u8>, unsafe fn(NonNull<u8>));

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Whether `PENDING` may be non-empty (checked without touching `PENDING`, whose lazy
    /// destructor registration would cost a branch on every free).
    static HAS_PENDING: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
}

/// Frees an object: drops its payload (which decrefs its children) and its memory.
///
/// # Safety
/// `ptr` must point to a live `Object<B>` allocated by [`PyRef::new`] whose count reached zero,
/// and nothing may use it afterwards.
pub unsafe fn destroy<B: Backend>(ptr: NonNull<u8>) {
    let depth = DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_DEPTH {
        PENDING.with(|p| p.borrow_mut().push((ptr, free_now::<B>)));
        HAS_PENDING.with(|h| h.set(true));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: forwarded from this function's contract.
    unsafe { free_now::<B>(ptr) };
    if depth == 0 && HAS_PENDING.with(|h| h.replace(false)) {
        // The outermost destruction drains what deeper ones queued, one at a time.
        while let Some((next, free)) = PENDING.with(|p| p.borrow_mut().pop()) {
            // SAFETY: each queued pair was pushed by a `destroy` call that met this function's
            // contract, with the destructor of that object's type; it was not freed since.
            unsafe { free(next) };
        }
    }
    DEPTH.with(|d| d.set(depth));
}

/// # Safety
/// As for [`destroy`].
unsafe fn free_now<B: Backend>(ptr: NonNull<u8>) {
    let obj = ptr.cast::<Object<B>>();
    // SAFETY: the caller passes a uniquely owned, initialised object allocated by
    // `PyRef::new`; it is dropped once here and its block returned below, never used again.
    unsafe {
        std::ptr::drop_in_place(obj.as_ptr());
        freelist::free(obj);
    }
    live::free_one();
}
