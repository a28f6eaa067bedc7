//! The grace-period marker of a batch of deferred frees: a one-byte flag shared by two
//! parties, the batch's owner and the marker closure the owner deferred through crossbeam.
//!
//! The marker runs (on whichever thread collects it) once the grace period of its batch is
//! over and sets the flag; the owner polls it and frees the batch. At `detach` the owner
//! abandons its markers instead (their batches go to the collector whole). Whichever party
//! is last frees the flag, decided by one `swap` each, so neither needs a reference count
//! whose `Acquire` fence ThreadSanitizer cannot see (std's `Arc` frees after a fence, which
//! an uninstrumented std reports as a race).
//!
//! | state | meaning | marker's `swap(EXPIRED)` sees | owner's `swap(ABANDONED)` sees |
//! |---|---|---|---|
//! | `PENDING` | neither party is done | `PENDING`: leaves it to the owner | `PENDING`: leaves it to the marker |
//! | `EXPIRED` | the marker ran; only the owner holds it | — | `EXPIRED`: the owner frees it |
//! | `ABANDONED` | the owner left; only the marker holds it | `ABANDONED`: the marker frees it | — |
//!
//! The owner's swap is its `Drop`, whether it saw the flag expired (then it frees the batch
//! first) or abandons it at `detach`. Modelled by `tests/loom.rs`
//! (`marker_expires_while_the_owner_abandons_it`).

use std::ptr::NonNull;

#[cfg(loom)]
use loom::sync::atomic::{AtomicU8, Ordering};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicU8, Ordering};

const PENDING: u8 = 0;
const EXPIRED: u8 = 1;
const ABANDONED: u8 = 2;

/// The owner's half.
pub struct Flag(NonNull<AtomicU8>);

/// The marker's half: [`Marker::expire`] is to be called once, from the deferred closure.
pub struct Marker(NonNull<AtomicU8>);

// SAFETY: both halves point at one heap `AtomicU8`, accessed only atomically, and freed by
// exactly one of them (the state table above); neither holds thread-local data.
unsafe impl Send for Flag {}
// SAFETY: as for `Flag`.
unsafe impl Send for Marker {}

/// A new pending flag and its marker.
pub fn pair() -> (Flag, Marker) {
    let p = NonNull::from(Box::leak(Box::new(AtomicU8::new(PENDING))));
    (Flag(p), Marker(p))
}

impl Flag {
    /// Whether the marker has run.
    pub fn expired(&self) -> bool {
        // SAFETY: the flag is alive while the owner holds its half (the marker frees it only
        // after the owner dropped it).
        let st = unsafe { self.0.as_ref() }.load(Ordering::Acquire);
        // Acquire: pairs with the marker's AcqRel swap, after which it never touches the
        // flag again, and which itself follows the grace period the batch waits for.
        st == EXPIRED
    }
}

impl Drop for Flag {
    /// The owner is done with the flag: after the batch was freed (the marker has run) or at
    /// `detach` (it may not have). Whichever party is last frees the flag.
    fn drop(&mut self) {
        // SAFETY: the owner's half is alive until this swap (see `expired`).
        // AcqRel: Acquire takes the marker's accesses before this thread frees the flag;
        // Release orders ours before the marker frees it.
        if unsafe { self.0.as_ref() }.swap(ABANDONED, Ordering::AcqRel) == EXPIRED {
            // SAFETY: the marker has made its only access; nobody else refers to the flag.
            drop(unsafe { Box::from_raw(self.0.as_ptr()) });
        }
    }
}

impl Marker {
    /// Marks the grace period over (the deferred closure's body).
    pub fn expire(self) {
        // SAFETY: the owner frees the flag only after seeing EXPIRED or, when it abandoned
        // it, leaves the free to us: either way the flag is alive until this swap.
        // AcqRel: Release publishes the end of the grace period (crossbeam ran us after it) to
        // the owner's Acquire; Acquire takes the owner's accesses before we free it.
        if unsafe { self.0.as_ref() }.swap(EXPIRED, Ordering::AcqRel) == ABANDONED {
            // SAFETY: the owner abandoned the flag, so nobody else refers to it.
            drop(unsafe { Box::from_raw(self.0.as_ptr()) });
        }
    }
}
