//! `product`, `permutations`, `combinations` and `combinations_with_replacement`.
//!
//! Each copies its inputs into pools when created (as CPython does) and then steps an index
//! vector wholly under its cell, calling no Python code, so threads sharing one iterator get
//! each tuple exactly once. The algorithms are the classic lexicographic ones the CPython
//! documentation gives as rough equivalents.

use super::{ClassSpec, clinic, make_class, new_obj, ssize, stop, this};
use gillab_vm::Backend;
use gillab_vm::builtins::Args;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::seq;

pub(super) fn install<B: Backend>(ctx: &Ctx<'_, B>, ns: &PyRef<B>) {
    let specs: [(&'static str, gillab_vm::builtins::NativeFn<B>); 4] = [
        ("product", product_new),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
    ];
    for (name, new) in specs {
        make_class(ctx, ns, ClassSpec { name, new, next: combo_next, repr: None });
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

/// The state of every combinatoric iterator.
struct Combo<B: Backend> {
    kind: Kind,
    /// One pool per output position for `product`; the single pool otherwise.
    pools: Vec<Vec<PyRef<B>>>,
    /// Output length.
    r: usize,
    indices: Vec<usize>,
    /// `permutations`' countdowns.
    cycles: Vec<usize>,
    /// Nothing yielded yet.
    first: bool,
    /// Exhausted.
    done: bool,
}

impl<B: Backend> Combo<B> {
    fn new(kind: Kind, pools: Vec<Vec<PyRef<B>>>, r: usize) -> Combo<B> {
        let n = pools.first().map_or(0, Vec::len);
        let (indices, cycles, done) = match kind {
            Kind::Product => {
                let empty = pools.iter().any(Vec::is_empty);
                (vec![0; pools.len()], Vec::new(), empty)
            }
            Kind::Permutations => {
                ((0..n).collect(), (n.saturating_sub(r) + 1..=n).rev().collect(), r > n)
            }
            Kind::Combinations => ((0..r).collect(), Vec::new(), r > n),
            Kind::WithReplacement => (vec![0; r], Vec::new(), n == 0 && r > 0),
        };
        Combo { kind, pools, r, indices, cycles, first: true, done }
    }

    /// The current tuple's items.
    fn current(&self) -> Vec<PyRef<B>> {
        match self.kind {
            Kind::Product => self
                .pools
                .iter()
                .zip(&self.indices)
                .filter_map(|(p, &i)| p.get(i).cloned())
                .collect(),
            _ => {
                let pool = self.pools.first();
                self.indices
                    .iter()
                    .take(self.r)
                    .filter_map(|&i| pool.and_then(|p| p.get(i)).cloned())
                    .collect()
            }
        }
    }

    /// Steps to the next tuple; `false` when there is none.
    fn advance(&mut self) -> bool {
        let n = self.pools.first().map_or(0, Vec::len);
        let r = self.r;
        let idx = &mut self.indices;
        match self.kind {
            Kind::Product => {
                for i in (0..idx.len()).rev() {
                    let len = self.pools.get(i).map_or(0, Vec::len);
                    let Some(x) = idx.get_mut(i) else { return false };
                    *x += 1;
                    if *x < len {
                        return true;
                    }
                    *x = 0;
                }
                false
            }
            Kind::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| idx.get(i) != Some(&(i + n - r))) else {
                    return false;
                };
                let base = idx.get(i).copied().unwrap_or(0) + 1;
                for (k, x) in idx.iter_mut().enumerate().skip(i) {
                    *x = base + (k - i);
                }
                true
            }
            Kind::WithReplacement => {
                let Some(i) = (0..r).rev().find(|&i| idx.get(i) != Some(&(n - 1))) else {
                    return false;
                };
                let v = idx.get(i).copied().unwrap_or(0) + 1;
                for x in idx.iter_mut().skip(i) {
                    *x = v;
                }
                true
            }
            Kind::Permutations => {
                for i in (0..r).rev() {
                    let Some(c) = self.cycles.get_mut(i) else { return false };
                    *c -= 1;
                    if *c == 0 {
                        // Move index i to the end, shifting the rest left.
                        if let Some(tail) = idx.get_mut(i..) {
                            tail.rotate_left(1);
                        }
                        *c = n - i;
                    } else {
                        let j = *c;
                        idx.swap(i, n - j);
                        return true;
                    }
                }
                false
            }
        }
    }
}

fn combo_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Combo<B>>(ctx, &args, "product", "__next__")?;
    let items = o.write(cell, |st| {
        if st.done {
            return None;
        }
        if st.first {
            st.first = false;
        } else if !st.advance() {
            st.done = true;
            st.pools.clear();
            return None;
        }
        Some(st.current())
    });
    match items {
        Some(items) => Ok(ctx.vm.tuple(items)),
        None => stop(ctx),
    }
}

fn product_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let mut repeat = 1;
    let nkw = args.kwnames.len();
    for (k, v) in args.kwargs() {
        if nkw > 1 {
            return Err(
                ctx.type_error(format!("product() takes at most 1 keyword argument ({nkw} given)"))
            );
        }
        if k != "repeat" {
            return Err(
                ctx.type_error(format!("'{k}' is an invalid keyword argument for product()"))
            );
        }
        repeat = ssize(ctx, v)?;
        if repeat < 0 {
            return Err(ctx.value_error("repeat argument cannot be negative"));
        }
    }
    let mut pools = Vec::new();
    for src in args.positional().get(1..).unwrap_or(&[]) {
        pools.push(seq::to_vec(ctx, src)?);
    }
    let total = pools.len().checked_mul(repeat as usize);
    let Some(total) = total.filter(|t| *t <= isize::MAX as usize / 8) else {
        return Err(ctx.overflow_error("repeat argument too large"));
    };
    let mut all = Vec::with_capacity(total);
    for _ in 0..repeat {
        all.extend(pools.iter().cloned());
    }
    Ok(new_obj(&args.args[0], Combo::new(Kind::Product, all, total)))
}

/// The pool and `r` of `combinations` and `combinations_with_replacement`.
fn pool_and_r<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
) -> PyResult<B, (Vec<PyRef<B>>, usize)> {
    let a = clinic(ctx, args, name, &["iterable", "r"], 2, 2)?;
    let (Some(src), Some(r)) = (a[0], a[1]) else { return Err(ctx.type_error(name.to_string())) };
    let pool = seq::to_vec(ctx, src)?;
    let r = ssize(ctx, r)?;
    if r < 0 {
        return Err(ctx.value_error("r must be non-negative"));
    }
    Ok((pool, r as usize))
}

fn combinations_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (pool, r) = pool_and_r(ctx, &args, "combinations")?;
    Ok(new_obj(&args.args[0], Combo::new(Kind::Combinations, vec![pool], r)))
}

fn cwr_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (pool, r) = pool_and_r(ctx, &args, "combinations_with_replacement")?;
    Ok(new_obj(&args.args[0], Combo::new(Kind::WithReplacement, vec![pool], r)))
}

fn permutations_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = clinic(ctx, &args, "permutations", &["iterable", "r"], 1, 2)?;
    let Some(src) = a[0] else { return Err(ctx.type_error("permutations()")) };
    let pool = seq::to_vec(ctx, src)?;
    let r = match a[1] {
        None => pool.len(),
        Some(v) if matches!(v.payload, Payload::None) => pool.len(),
        Some(v) => {
            let r = match &v.payload {
                Payload::Int(i) => *i,
                Payload::Bool(b) => *b as i64,
                _ => return Err(ctx.type_error("Expected int as r")),
            };
            if r < 0 {
                return Err(ctx.value_error("r must be non-negative"));
            }
            r as usize
        }
    };
    Ok(new_obj(&args.args[0], Combo::new(Kind::Permutations, vec![pool], r)))
}
