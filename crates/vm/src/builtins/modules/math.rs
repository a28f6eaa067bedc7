//! A small `math` module: constants and the common real functions.

use crate::PyRef;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::ops::compare::{Num, as_num};
use crate::vm::Vm;

pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |name: &str, v: f64| crate::ops::dicts::set_name(ns, vm.intern(name), vm.float(v));
    put("pi", std::f64::consts::PI);
    put("e", std::f64::consts::E);
    put("tau", std::f64::consts::TAU);
    put("inf", f64::INFINITY);
    put("nan", f64::NAN);
    add(vm, ns, "sqrt", sqrt);
    add(vm, ns, "floor", floor);
    add(vm, ns, "ceil", ceil);
    add(vm, ns, "fabs", fabs);
    add(vm, ns, "isnan", isnan);
    add(vm, ns, "isinf", isinf);
}

fn arg<B: Backend>(ctx: &mut Ctx<'_, B>, args: &Args<'_, B>, name: &str) -> PyResult<B, f64> {
    args.check(ctx, name, 1, 1, &[])?;
    match as_num(&args.args[0]) {
        Some(n) => crate::ops::arith::num_to_f64(ctx, &n),
        None => Err(ctx.type_error(format!(
            "must be real number, not {}",
            crate::ops::type_name(ctx.vm, &args.args[0])
        ))),
    }
}

fn sqrt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = arg(ctx, &args, "sqrt")?;
    if x < 0.0 {
        return Err(ctx.value_error("math domain error"));
    }
    Ok(ctx.vm.float(x.sqrt()))
}

fn int_result<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
    f: fn(f64) -> f64,
) -> PyResult<B> {
    if let Some(Num::Int(_) | Num::Big(_)) = as_num(&args.args[0]) {
        return Ok(args.args[0].clone());
    }
    let x = arg(ctx, args, name)?;
    if !x.is_finite() {
        return Err(ctx.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(ctx.vm.bigint(num_traits::FromPrimitive::from_f64(f(x)).unwrap_or_default()))
}

fn floor<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    int_result(ctx, &args, "floor", f64::floor)
}

fn ceil<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    int_result(ctx, &args, "ceil", f64::ceil)
}

fn fabs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = arg(ctx, &args, "fabs")?;
    Ok(ctx.vm.float(x.abs()))
}

fn isnan<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = arg(ctx, &args, "isnan")?;
    Ok(ctx.vm.bool(x.is_nan()))
}

fn isinf<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = arg(ctx, &args, "isinf")?;
    Ok(ctx.vm.bool(x.is_infinite()))
}
