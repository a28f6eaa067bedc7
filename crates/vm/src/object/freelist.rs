//! A per-thread free list of object blocks, so the alloc/free pair that every new int costs is
//! usually two pointer moves instead of two `malloc` calls (CPython gets the same effect from
//! pymalloc and its per-type free lists).
//!
//! Every object of one backend has the same layout (`Object<B>`), so one list per thread
//! serves all of them; a list is tagged with the block size it holds and never mixes sizes.
//! Blocks left on a thread's list are returned to the allocator when the thread exits.

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

const CAPACITY: usize = 256;

struct FreeList {
    /// The layout of the blocks held (size 0 = none yet).
    layout: Cell<(usize, usize)>,
    len: Cell<usize>,
    blocks: [Cell<*mut u8>; CAPACITY],
}

impl Drop for FreeList {
    fn drop(&mut self) {
        let (size, align) = self.layout.get();
        if size == 0 {
            return;
        }
        let Ok(layout) = Layout::from_size_align(size, align) else { return };
        for b in &self.blocks[..self.len.get()] {
            // SAFETY: every block on the list was allocated with `layout` (the list's tag) and
            // is owned by the list alone.
            unsafe { std::alloc::dealloc(b.get(), layout) };
        }
        self.len.set(0);
    }
}

thread_local! {
    static LIST: FreeList = const {
        FreeList {
            layout: Cell::new((0, 0)),
            len: Cell::new(0),
            blocks: [const { Cell::new(std::ptr::null_mut()) }; CAPACITY],
        }
    };
}

/// An uninitialised block for one `T`.
#[inline(always)]
pub fn alloc<T>() -> NonNull<T> {
    let layout = Layout::new::<T>();
    let reused = LIST.try_with(|l| {
        let n = l.len.get();
        if n > 0 && l.layout.get() == (layout.size(), layout.align()) {
            l.len.set(n - 1);
            Some(l.blocks[n - 1].get())
        } else {
            None
        }
    });
    if let Ok(Some(p)) = reused
        && let Some(p) = NonNull::new(p.cast::<T>())
    {
        return p;
    }
    // SAFETY: `T` (an object) has a non-zero size.
    let p = unsafe { std::alloc::alloc(layout) };
    match NonNull::new(p.cast::<T>()) {
        Some(p) => p,
        None => std::alloc::handle_alloc_error(layout),
    }
}

/// Returns a block obtained from [`alloc::<T>`] whose value was already dropped.
///
/// # Safety
/// `p` must come from `alloc::<T>()`, hold no live value, and not be used again.
#[inline(always)]
pub unsafe fn free<T>(p: NonNull<T>) {
    let layout = Layout::new::<T>();
    let kept = LIST.try_with(|l| {
        let n = l.len.get();
        let tag = (layout.size(), layout.align());
        if l.layout.get() != tag {
            if n != 0 {
                return false;
            }
            l.layout.set(tag);
        }
        if n < CAPACITY {
            l.blocks[n].set(p.as_ptr().cast());
            l.len.set(n + 1);
            true
        } else {
            false
        }
    });
    if kept != Ok(true) {
        // SAFETY: `p` was allocated by `alloc::<T>` with this layout (caller's contract).
        unsafe { std::alloc::dealloc(p.as_ptr().cast(), layout) };
    }
}
