//! The `native` module: CPU-heavy functions implemented in Rust with rayon, standing in for
//! NumPy-style extensions. By default they run with the VM released (`allow_threads`), so
//! other Python threads keep running and several callers use the cores in parallel; with
//! `hold=True` they keep holding it, which is what makes an extension that forgets to release
//! the GIL serialise every thread.
//!
//! The work runs on a rayon pool owned by the VM (`Vm::native_pool`, one thread per core),
//! never on rayon's global pool.

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{expect_int, is_true};
use crate::vm::Vm;
use num_bigint::BigInt;
use rayon::prelude::*;

fn pool<B: Backend>(vm: &Vm<B>) -> &rayon::ThreadPool {
    vm.native_pool.get_or_init(|| {
        let n = std::thread::available_parallelism().map_or(1, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("gillab-native-{i}"))
            .build()
            .unwrap_or_else(|_| {
                // A pool of one thread cannot fail to build for lack of threads to spare.
                rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("one-thread pool")
            })
    })
}

fn hold<B: Backend>(ctx: &mut Ctx<'_, B>, args: &Args<'_, B>) -> PyResult<B, bool> {
    match args.kwarg("hold") {
        Some(h) => is_true(ctx, h),
        None => Ok(false),
    }
}

/// Runs `work` on the VM's pool, released unless `hold`.
fn run<B: Backend, R: Send>(
    ctx: &mut Ctx<'_, B>,
    hold: bool,
    work: impl FnOnce() -> R + Send,
) -> R {
    let p = pool(ctx.vm);
    if hold { p.install(work) } else { ctx.allow_threads(|| p.install(work)) }
}

/// `sum_of_squares(n, hold=False)`: `sum(i * i for i in range(n))`.
fn sum_of_squares<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "sum_of_squares", 1, 1, &["hold"])?;
    let n = expect_int(ctx, &args.args[0], "n")?;
    if n < 0 {
        return Err(ctx.value_error("n must be >= 0"));
    }
    let hold = hold(ctx, &args)?;
    let total: u128 =
        run(ctx, hold, || (0..n as u64).into_par_iter().map(|i| (i as u128) * (i as u128)).sum());
    Ok(ctx.vm.bigint(BigInt::from(total)))
}

/// `checksum(data, rounds=1, hold=False)`: an FNV-1a-style 64-bit checksum of `data`, computed
/// in parallel chunks and combined in order, repeated `rounds` times (for a tunable cost).
fn checksum<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "checksum", 1, 2, &["rounds", "hold"])?;
    // Borrowed, not copied: the contents of `bytes` and `str` never change, and the caller's
    // argument holds a count on the object for the whole call, so the released section may
    // read them while other threads run (docs/safety.md, I1). A copy here would be made with
    // the VM held, pausing every other thread for the length of the copy.
    let data: &[u8] = match &args.args[0].payload {
        Payload::Bytes(b) => b,
        Payload::Str(s) => s.as_str().as_bytes(),
        _ => return Err(ctx.type_error("checksum() argument must be bytes")),
    };
    let rounds = match args.positional().get(1).or_else(|| args.kwarg("rounds")) {
        Some(r) => expect_int(ctx, r, "rounds")?.max(1) as u64,
        None => 1,
    };
    let hold = hold(ctx, &args)?;
    let sum = run(ctx, hold, move || {
        let mut acc = 0xcbf2_9ce4_8422_2325u64;
        for round in 0..rounds {
            let parts: Vec<u64> = data
                .par_chunks(64 * 1024)
                .map(|chunk| {
                    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ round;
                    for &b in chunk {
                        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
                    }
                    h
                })
                .collect();
            for p in parts {
                acc = (acc ^ p).wrapping_mul(0x100_0000_01b3);
            }
        }
        acc
    });
    Ok(ctx.vm.bigint(BigInt::from(sum)))
}

/// Fills the `native` module.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    add(vm, ns, "sum_of_squares", sum_of_squares);
    add(vm, ns, "checksum", checksum);
}
