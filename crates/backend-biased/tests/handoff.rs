//! Objects crossing threads under the `biased` backend: references dropped by non-owners are
//! queued to the owner and merged at its eval breaker; objects whose owner has detached are
//! merged in place; references raced between threads are freed once. Every scenario ends
//! with the live-object count back where it started (one test: the count is process-wide).

use gillab_backend_biased::Biased;
use gillab_vm::object::live::live_objects;
use gillab_vm::run::clear_namespaces;
use gillab_vm::{Backend, Ctx, PyRef, Vm, VmOptions};

fn stat(vm: &Vm<Biased>, key: &str) -> u64 {
    vm.backend.stats().to_json()[key].as_u64().unwrap_or_else(|| panic!("no {key} in stats"))
}

/// Owner-made objects dropped on another thread go through the owner's merge queue.
fn dropped_by_non_owner(vm: &Vm<Biased>, ctx: &mut Ctx<'_, Biased>) {
    let queued = stat(vm, "queued");
    let merges = stat(vm, "merges");
    let objects: Vec<PyRef<Biased>> = (0..1000).map(|i| vm.float(i as f64 + 0.5)).collect();
    std::thread::scope(|s| {
        s.spawn(|| {
            let _ctx = Ctx::attach(vm);
            drop(objects);
        });
    });
    assert_eq!(stat(vm, "queued") - queued, 1000, "each object queued once to its owner");
    // The owner merges at its next eval-breaker poll, and frees them (the queue held the
    // last reference).
    let before = live_objects();
    ctx.check_breaker();
    assert_eq!(stat(vm, "merges") - merges, 1000);
    gillab_backend_atomic::settle_deferred_frees();
    assert_eq!(before - live_objects(), 1000);
}

/// An owner that detached leaves its objects to be merged in place by whoever drops them.
fn owner_detached(vm: &Vm<Biased>) {
    let merges = stat(vm, "merges");
    let objects = std::thread::scope(|s| {
        s.spawn(|| {
            let _ctx = Ctx::attach(vm);
            (0..500).map(|i| vm.float(i as f64)).collect::<Vec<_>>()
        })
        .join()
        .expect("owner thread")
    });
    let before = live_objects();
    drop(objects);
    assert_eq!(stat(vm, "merges") - merges, 500, "merged in place");
    // Freed through the epoch collector: the pending frees run when this thread flushes.
    gillab_backend_atomic::settle_deferred_frees();
    assert_eq!(before - live_objects(), 500);
}

/// Owner and non-owners increment and decrement the same objects at once; the owner polls.
fn raced(vm: &Vm<Biased>, ctx: &mut Ctx<'_, Biased>) {
    let objects: Vec<PyRef<Biased>> = (0..64).map(|i| vm.float(i as f64)).collect();
    std::thread::scope(|s| {
        for _ in 0..3 {
            let mine: Vec<PyRef<Biased>> = objects.to_vec();
            s.spawn(move || {
                let _ctx = Ctx::attach(vm);
                for _ in 0..2000 {
                    let extra: Vec<PyRef<Biased>> = mine.to_vec();
                    drop(extra);
                }
            });
        }
        for _ in 0..2000 {
            let extra: Vec<PyRef<Biased>> = objects.to_vec();
            drop(extra);
            ctx.check_breaker();
        }
    });
    for o in &objects {
        assert_eq!(o.refcount(), 1, "every other reference was dropped");
    }
}

#[test]
fn references_crossing_threads_are_merged_and_freed_once() {
    let baseline = live_objects();
    let vm = Vm::<Biased>::new(VmOptions::default(), vec![], Default::default());
    {
        let mut ctx = Ctx::attach(&vm);
        dropped_by_non_owner(&vm, &mut ctx);
        owner_detached(&vm);
        raced(&vm, &mut ctx);
        clear_namespaces(&vm);
    }
    drop(vm);
    assert_eq!(live_objects(), baseline, "every object freed after teardown");
}
