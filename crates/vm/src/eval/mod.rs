//! The eval loop: one generic interpreter over a [`Backend`], split by instruction family.
//!
//! - `mod.rs` (here): frames, entry points, the dispatch loop and the exception unwinder;
//! - [`names`] — loads and stores of locals, globals, cells and namespace names;
//! - [`build`] — building and unpacking containers, comprehension appends, f-string pieces;
//! - [`calls`] — calls, function and class creation;
//! - [`exceptions`] — raising, matching, `with`, tracebacks;
//! - [`imports`] — `import`.
//!
//! The eval breaker is polled at every `JUMP_BACKWARD` and call, as in CPython. Errors unwind
//! through the code object's exception table (CPython 3.11's zero-cost scheme).

pub mod asyncgen;
pub mod build;
pub mod calls;
pub mod classes;
pub mod coroutine;
pub mod exceptions;
pub mod frame_ns;
pub mod fuse;
pub mod generator;
pub mod imports;
pub mod names;
pub mod verify;

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{CodeRef, Function, Fused, IterState, Payload, PyRef};
use crate::ops::arith::{self, BinOp, UnaryOp};
use crate::ops::compare::{self, CmpOp};
use crate::ops::{attr, attrsite, is_true, iter, seq};
use gillab_compiler::Opcode as Op;

/// One activation of a code object.
pub struct Frame<'f, B: Backend> {
    /// The code being run (constants and names already converted).
    pub code: &'f CodeRef<B>,
    /// The module globals (a dict).
    pub globals: &'f PyRef<B>,
    /// The function being run, if any (for its closure).
    pub func: Option<&'f Function<B>>,
    /// The `LOAD_NAME`/`STORE_NAME` namespace (module or class body), if any.
    pub locals: Option<PyRef<B>>,
    /// Local slots (`varnames ++ cellvars ++ freevars`).
    pub fast: Vec<Option<PyRef<B>>>,
    /// The value stack; `None` is the NULL marker.
    pub stack: Vec<Option<PyRef<B>>>,
    /// Index of the next instruction.
    pub pc: usize,
}

impl<B: Backend> Frame<'_, B> {
    #[inline(always)]
    fn push(&mut self, v: PyRef<B>) {
        self.stack.push(Some(v));
    }

    /// Pops a value (never the NULL marker: the compiler never leaves one where a value is
    /// popped; a stray one is reported as a `SystemError`-like `RuntimeError`).
    #[inline(always)]
    fn pop(&mut self) -> PyRef<B> {
        match self.stack.pop() {
            Some(Some(v)) => v,
            _ => stack_corrupt(),
        }
    }

    #[inline(always)]
    fn top(&self) -> &PyRef<B> {
        match self.stack.last() {
            Some(Some(v)) => v,
            _ => stack_corrupt(),
        }
    }

    #[inline(always)]
    fn peek(&self, n: usize) -> &PyRef<B> {
        match &self.stack[self.stack.len() - n] {
            Some(v) => v,
            None => stack_corrupt(),
        }
    }

    /// The source line of the instruction at `index`.
    pub fn line_at(&self, index: usize) -> u32 {
        self.code.code.lines.get(index).copied().unwrap_or(self.code.code.first_line)
    }
}

#[cold]
#[inline(never)]
fn stack_corrupt() -> ! {
    // Unreachable for bytecode produced by gillab-compiler (its stack-depth analysis checks
    // every path); reaching it is a compiler bug, so fail loudly rather than misbehave.
    panic!("gil-lab internal error: value stack underflow or NULL where a value was expected")
}

/// Views a run of stack slots as references. Fails (instead of misreading) if a NULL is among
/// them.
#[inline(always)]
pub fn as_refs<B: Backend>(slots: &[Option<PyRef<B>>]) -> &[PyRef<B>] {
    if slots.iter().any(Option::is_none) {
        stack_corrupt();
    }
    // SAFETY: `PyRef<B>` is `repr(transparent)` over `NonNull`, so `Option<PyRef<B>>` has the
    // same size and layout with `None` as null (std's documented niche guarantee), and every
    // element was just checked to be `Some`.
    unsafe { &*(slots as *const [Option<PyRef<B>>] as *const [PyRef<B>]) }
}

/// Runs a Python function's code with its arguments already bound into `fast`; for a
/// generator or coroutine function, makes the generator object that will run it.
pub fn run_frame<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    func: &Function<B>,
    code: &CodeRef<B>,
    fast: Vec<Option<PyRef<B>>>,
) -> PyResult<B> {
    if code.code.flags.0 & generator::MAKES_GENERATOR != 0 {
        return Ok(generator::make(ctx, func, code, fast));
    }
    run(ctx, code, &func.globals, Some(func), None, fast)
}

/// Runs module-level or class-body code with `locals` as its name namespace.
pub fn run_code<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: &CodeRef<B>,
    globals: &PyRef<B>,
    func: Option<&Function<B>>,
    locals: PyRef<B>,
) -> PyResult<B> {
    let mut fast = ctx.take_vec(code.code.varnames.len());
    fast.resize_with(code.code.varnames.len(), || None);
    run(ctx, code, globals, func, Some(locals), fast)
}

fn run<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: &CodeRef<B>,
    globals: &PyRef<B>,
    func: Option<&Function<B>>,
    locals: Option<PyRef<B>>,
    fast: Vec<Option<PyRef<B>>>,
) -> PyResult<B> {
    let limit = ctx.vm.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
    if ctx.depth >= limit || ctx.stack_exhausted() {
        return Err(ctx.err(&ctx.vm.core.exc.recursion_error, "maximum recursion depth exceeded"));
    }
    ctx.depth += 1;
    let super_cell = enter_super(ctx, code, func, &fast);
    let mut frame =
        Frame { code, globals, func, locals, fast, stack: ctx.take_vec(code.max_stack), pc: 0 };
    let result = run_loop(ctx, &mut frame);
    let Frame { locals, fast, stack, .. } = frame;
    drop(locals);
    ctx.give_vec(fast);
    ctx.give_vec(stack);
    if super_cell {
        ctx.super_stack.pop();
    }
    ctx.depth -= 1;
    result
}

/// For code that uses zero-argument `super()`: pushes its `__class__` cell and first argument
/// (the caller pops them when the frame stops running); whether it did.
fn enter_super<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: &CodeRef<B>,
    func: Option<&Function<B>>,
    fast: &[Option<PyRef<B>>],
) -> bool {
    let super_cell = code.class_cell.and_then(|k| match func?.closure.as_ref()?.payload {
        Payload::Tuple(ref cells) => cells.get(k).cloned(),
        _ => None,
    });
    match super_cell {
        Some(cell) => {
            ctx.super_stack.push((cell, fast.first().cloned().flatten()));
            true
        }
        None => false,
    }
}

/// Runs `frame` until it returns or yields (`Ok`) or an exception escapes it (`Err`),
/// unwinding through its handlers.
fn run_loop<B: Backend>(ctx: &mut Ctx<'_, B>, frame: &mut Frame<'_, B>) -> PyResult<B> {
    loop {
        match dispatch(ctx, frame) {
            Ok(v) => return Ok(v),
            Err(e) => exceptions::unwind(ctx, frame, e)?,
        }
    }
}

/// `o[k]` (`BINARY_SUBSCR`), with the list-by-int case inline.
#[inline(always)]
fn subscr<B: Backend>(ctx: &mut Ctx<'_, B>, o: &PyRef<B>, k: &PyRef<B>) -> PyResult<B> {
    match (&o.payload, &k.payload) {
        (Payload::List(l), Payload::Int(i)) => {
            match o.read(l, |v| seq::norm_index(*i, v.len()).map(|j| v[j].clone())) {
                Some(v) => Ok(v),
                None => Err(ctx.index_error("list index out of range")),
            }
        }
        _ => seq::getitem(ctx, o, k),
    }
}

/// Runs instructions until the frame returns or an instruction raises.
fn dispatch<B: Backend>(ctx: &mut Ctx<'_, B>, f: &mut Frame<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    // The code outlives the frame borrow: hoisting these keeps them in registers.
    let code: &CodeRef<B> = f.code;
    let instrs = &code.code.instructions[..];
    let consts = &code.consts[..];
    let names = &code.names[..];
    let every_instruction = ctx.breaker_every_instruction;
    let fused =
        if vm.options.rc_elision && !every_instruction { Some(&code.fused[..]) } else { None };
    loop {
        if every_instruction {
            ctx.check_breaker();
        }
        let Some(&ins) = instrs.get(f.pc) else {
            return Err(ctx.runtime_error("fell off the end of the bytecode"));
        };
        f.pc += 1;
        let arg = ins.arg;
        match ins.op {
            Op::Nop => {}
            Op::PopTop => {
                drop(f.stack.pop());
                generator::after_drop(ctx, f);
            }
            Op::PrintExpr => {
                let v = f.pop();
                crate::builtins::exec::print_expr(ctx, v)?;
            }
            Op::PushNull => f.stack.push(None),
            Op::Copy => {
                let v = f.stack[f.stack.len() - arg as usize].clone();
                f.stack.push(v);
            }
            Op::Swap => {
                let n = f.stack.len();
                f.stack.swap(n - 1, n - arg as usize);
            }
            Op::LoadConst => {
                // SAFETY: `verify` checked `arg < consts.len()` for every LOAD_CONST (I6).
                let c = unsafe { consts.get_unchecked(arg as usize) }.clone();
                f.push(c);
            }
            // SAFETY: `verify` checked `arg < varnames.len() == fast.len()` for every
            // instruction that indexes locals (I6).
            Op::LoadFast => match unsafe { f.fast.get_unchecked(arg as usize) } {
                Some(v) if fused.is_some() => {
                    // A fused int pattern may start here (see `fuse`): run it in one step when
                    // its operands are ints, else fall through to the plain LOAD_FAST.
                    let x = match v.payload {
                        Payload::Int(x) => Some(x),
                        _ => None,
                    };
                    match (fused.and_then(|t| t[f.pc - 1]), x) {
                        (Some(Fused::CompareJump { konst, cmp, jump_if, target, .. }), Some(x)) => {
                            f.pc += 3;
                            if fuse::int_compare(cmp, x, konst) == jump_if {
                                f.pc = target as usize;
                            }
                        }
                        (Some(Fused::LoadAttr { name }), _) => {
                            // The local's own reference serves the read (see `fuse`); the
                            // pc points past LOAD_ATTR, as if the two had run, so a raise
                            // unwinds from the same place with the same stack.
                            let at = f.pc;
                            f.pc += 1;
                            let r = attrsite::load(ctx, f.code, at, v, &names[name as usize])?;
                            f.push(r);
                        }
                        (Some(Fused::SubscrConst { konst }), _) => {
                            f.pc += 2;
                            let r = subscr(ctx, v, &consts[konst as usize])?;
                            f.push(r);
                        }
                        (Some(Fused::BinopStore { konst, op, dest, .. }), Some(x))
                            if let Some(r) = fuse::int_binop(op, x, konst) =>
                        {
                            f.pc += 3;
                            let r = vm.int(r);
                            // SAFETY: `dest` is a STORE_FAST argument, checked by `verify` (I6).
                            let old = unsafe { f.fast.get_unchecked_mut(dest as usize) }.replace(r);
                            drop(old);
                        }
                        _ => {
                            let v = v.clone();
                            f.push(v);
                        }
                    }
                }
                Some(v) => {
                    let v = v.clone();
                    f.push(v);
                }
                None => return Err(names::unbound_local(ctx, f, arg)),
            },
            Op::StoreFast => {
                let v = f.pop();
                // SAFETY: as for LOAD_FAST (I6).
                let old = unsafe { f.fast.get_unchecked_mut(arg as usize) }.replace(v);
                drop(old);
            }
            Op::DeleteFast => {
                if f.fast[arg as usize].take().is_none() {
                    return Err(names::unbound_local(ctx, f, arg));
                }
                generator::after_drop(ctx, f);
            }
            Op::LoadGlobal => {
                let v = names::load_global_at(ctx, f, arg, f.pc - 1)?;
                f.push(v);
            }
            Op::StoreGlobal => {
                let v = f.pop();
                crate::ops::dicts::set_name(f.globals, names[arg as usize].clone(), v);
                generator::after_drop(ctx, f);
            }
            Op::DeleteGlobal => {
                names::delete_global(ctx, f, arg)?;
                generator::after_drop(ctx, f);
            }
            Op::LoadName => {
                let v = names::load_name(ctx, f, arg)?;
                f.push(v);
            }
            Op::StoreName => {
                let v = f.pop();
                names::store_name(ctx, f, arg, v)?;
                generator::after_drop(ctx, f);
            }
            Op::DeleteName => {
                names::delete_name(ctx, f, arg)?;
                generator::after_drop(ctx, f);
            }
            Op::MakeCell => names::make_cell(f, arg),
            Op::CopyFreeVars => names::copy_free_vars(f, arg),
            Op::LoadClosure => {
                let v = f.fast[arg as usize].clone().unwrap_or_else(|| vm.core.none.clone());
                f.push(v);
            }
            Op::LoadDeref => {
                let v = names::load_deref(ctx, f, arg)?;
                f.push(v);
            }
            Op::LoadClassderef => {
                let v = names::load_classderef(ctx, f, arg)?;
                f.push(v);
            }
            Op::StoreDeref => {
                let v = f.pop();
                names::store_deref(f, arg, Some(v));
            }
            Op::DeleteDeref => names::delete_deref(ctx, f, arg)?,
            Op::LoadAttr => {
                let o = f.pop();
                let v = attrsite::load(ctx, f.code, f.pc - 1, &o, &names[arg as usize])?;
                f.push(v);
            }
            Op::StoreAttr => {
                let o = f.pop();
                let v = f.pop();
                attrsite::store(ctx, f.code, f.pc - 1, &o, &names[arg as usize], v)?;
            }
            Op::DeleteAttr => {
                let o = f.pop();
                attr::delattr(ctx, &o, &names[arg as usize])?;
            }
            Op::LoadMethod => {
                let o = f.pop();
                let (m, this) = attr::load_method(ctx, &o, &names[arg as usize])?;
                f.push(m);
                f.stack.push(this);
            }
            Op::BinarySubscr => {
                let k = f.pop();
                let o = f.pop();
                let v = subscr(ctx, &o, &k)?;
                f.push(v);
            }
            Op::StoreSubscr => {
                let k = f.pop();
                let o = f.pop();
                let v = f.pop();
                seq::setitem(ctx, &o, &k, v)?;
            }
            Op::DeleteSubscr => {
                let k = f.pop();
                let o = f.pop();
                seq::delitem(ctx, &o, &k)?;
            }
            Op::BinaryOp => {
                let b = f.pop();
                let a = f.pop();
                let fast = match (&a.payload, &b.payload) {
                    (Payload::Int(x), Payload::Int(y)) => fuse::int_binop(arg as u8, *x, *y),
                    _ => None,
                };
                let r = match fast {
                    Some(v) => vm.int(v),
                    None => {
                        let floats = match (&a.payload, &b.payload) {
                            (Payload::Float(x), Payload::Float(y)) => Some((*x, *y)),
                            (Payload::Float(x), Payload::Int(y)) => Some((*x, *y as f64)),
                            (Payload::Int(x), Payload::Float(y)) => Some((*x as f64, *y)),
                            _ => None,
                        };
                        match floats.and_then(|(x, y)| fuse::float_binop(arg as u8, x, y)) {
                            Some(r) => vm.float(r),
                            None => {
                                let (op, inplace) = BinOp::from_arg(arg);
                                arith::binary_op(ctx, &a, &b, op, inplace)?
                            }
                        }
                    }
                };
                drop((a, b));
                // `x op= y` on a local ends with STORE_FAST: store straight into the slot.
                if let Some(next) = instrs.get(f.pc)
                    && next.op == Op::StoreFast
                {
                    f.pc += 1;
                    let old = f.fast[next.arg as usize].replace(r);
                    drop(old);
                    continue;
                }
                f.push(r);
            }
            Op::UnaryNegative | Op::UnaryPositive | Op::UnaryInvert => {
                let v = f.pop();
                let op = match ins.op {
                    Op::UnaryNegative => UnaryOp::Neg,
                    Op::UnaryPositive => UnaryOp::Pos,
                    _ => UnaryOp::Invert,
                };
                let r = arith::unary_op(ctx, &v, op)?;
                f.push(r);
            }
            Op::UnaryNot => {
                let v = f.pop();
                let t = is_true(ctx, &v)?;
                f.push(vm.bool(!t));
            }
            Op::CompareOp => {
                let b = f.pop();
                let a = f.pop();
                let r = match (&a.payload, &b.payload) {
                    (Payload::Int(x), Payload::Int(y)) => {
                        let t = fuse::int_compare(arg as u8, *x, *y);
                        // Fused with a following conditional jump (CPython 3.11 specialises
                        // the same pair as COMPARE_OP_INT_JUMP): no bool object is made. The
                        // bytecode is unchanged; the jump executes as its own step would.
                        if let Some(next) = instrs.get(f.pc)
                            && matches!(next.op, Op::PopJumpIfFalse | Op::PopJumpIfTrue)
                        {
                            f.pc += 1;
                            if t == (next.op == Op::PopJumpIfTrue) {
                                f.pc = next.arg as usize;
                            }
                            continue;
                        }
                        vm.bool(t)
                    }
                    _ => compare::rich_compare(ctx, &a, &b, CmpOp::from_arg(arg))?,
                };
                f.push(r);
            }
            Op::IsOp => {
                let b = f.pop();
                let a = f.pop();
                f.push(vm.bool(a.is(&b) != (arg == 1)));
            }
            Op::ContainsOp => {
                let b = f.pop();
                let a = f.pop();
                let r = seq::contains(ctx, &b, &a)?;
                f.push(vm.bool(r != (arg == 1)));
            }
            Op::JumpForward => f.pc = arg as usize,
            Op::JumpBackward => {
                f.pc = arg as usize;
                ctx.check_breaker();
            }
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                let v = f.pop();
                let t = match v.payload {
                    Payload::Bool(b) => b,
                    _ => is_true(ctx, &v)?,
                };
                if t == (ins.op == Op::PopJumpIfTrue) {
                    f.pc = arg as usize;
                }
            }
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                let t = is_true(ctx, f.top())?;
                if t == (ins.op == Op::JumpIfTrueOrPop) {
                    f.pc = arg as usize;
                } else {
                    drop(f.pop());
                }
            }
            Op::GetIter => {
                let o = f.pop();
                let it = iter::get_iter(ctx, &o)?;
                f.push(it);
            }
            Op::ForIter => {
                // The iterator is borrowed from the stack, not cloned: a count of one then
                // means this frame holds the only reference, and the backend may skip the
                // iterator's lock (`Backend::cell_write_unique`).
                let it = f.top();
                // Fast path for `for i in range(...)` (CPython 3.12's FOR_ITER_RANGE).
                let next = if let Payload::Iter(io) = &it.payload
                    && let Some(next) = it.write_unique(&io.state, |st| match st {
                        IterState::Range(next, left, step) => {
                            if *left <= 0 {
                                return Some(None);
                            }
                            let v = *next;
                            *left -= 1;
                            *next = next.wrapping_add(*step);
                            Some(Some(v))
                        }
                        _ => None,
                    }) {
                    next.map(|v| vm.int(v))
                } else {
                    iter::next(ctx, it)?
                };
                match next {
                    Some(v) => f.push(v),
                    None => {
                        drop(f.pop());
                        f.pc = arg as usize;
                    }
                }
            }
            Op::ReturnValue => return Ok(f.pop()),
            // The generator driver tells a yield from a return by this instruction.
            Op::YieldValue => return Ok(f.pop()),
            Op::AsyncGenWrap => {
                let v = f.pop();
                let w = asyncgen::wrap(ctx, v);
                f.push(w);
            }
            Op::GetAwaitable => {
                let o = f.pop();
                let it = coroutine::awaitable(ctx, o, arg)?;
                f.push(it);
            }
            Op::GetAiter => {
                let o = f.pop();
                let it = coroutine::aiter(ctx, o)?;
                f.push(it);
            }
            Op::GetAnext => {
                let a = coroutine::anext(ctx, f)?;
                f.push(a);
            }
            Op::BeforeAsyncWith => exceptions::before_with(ctx, f, true)?,
            Op::EndAsyncFor => coroutine::end_async_for(ctx, f)?,
            Op::GetYieldFromIter => {
                let o = f.pop();
                let it = generator::yield_from_iter(ctx, f, o)?;
                f.push(it);
            }
            Op::Send => {
                let v = f.pop();
                match generator::send_to(ctx, f.top(), v)? {
                    generator::Outcome::Yield(y) => f.push(y),
                    generator::Outcome::Return(r) => {
                        drop(f.pop());
                        f.push(r);
                        f.pc = arg as usize;
                    }
                }
            }
            Op::Call => {
                generator::safe_point(ctx, f);
                calls::call(ctx, f, arg as usize, false)?;
            }
            Op::CallKw => {
                generator::safe_point(ctx, f);
                calls::call(ctx, f, arg as usize, true)?;
            }
            Op::CallFunctionEx => {
                generator::safe_point(ctx, f);
                calls::call_ex(ctx, f, arg)?;
            }
            Op::MakeFunction => calls::make_function(ctx, f, arg)?,
            Op::LoadBuildClass => {
                let b = crate::ops::dicts::get_text(&vm.core.builtins, "__build_class__")
                    .ok_or_else(|| ctx.name_error("__build_class__"))?;
                f.push(b);
            }
            Op::BuildTuple
            | Op::BuildList
            | Op::BuildSet
            | Op::BuildMap
            | Op::BuildConstKeyMap
            | Op::BuildString
            | Op::BuildSlice
            | Op::ListToTuple
            | Op::ListAppend
            | Op::SetAdd
            | Op::MapAdd
            | Op::ListExtend
            | Op::SetUpdate
            | Op::DictUpdate
            | Op::DictMerge
            | Op::UnpackSequence
            | Op::UnpackEx
            | Op::FormatValue => build::exec(ctx, f, ins.op, arg)?,
            Op::ImportName => imports::import_name(ctx, f, arg)?,
            Op::ImportFrom => imports::import_from(ctx, f, arg)?,
            Op::RaiseVarargs => return Err(exceptions::raise(ctx, f, arg)),
            Op::Reraise => return Err(exceptions::reraise(f, arg)),
            Op::PushExcInfo => {
                let exc = f.pop();
                let prev =
                    ctx.exc_info.replace(exc.clone()).unwrap_or_else(|| vm.core.none.clone());
                f.push(prev);
                f.push(exc);
            }
            Op::PopExcept => {
                let prev = f.pop();
                ctx.exc_info =
                    if matches!(prev.payload, Payload::None) { None } else { Some(prev) };
            }
            Op::CheckExcMatch => {
                let ty = f.pop();
                let m = exceptions::exc_matches(ctx, f.top(), &ty)?;
                f.push(vm.bool(m));
            }
            Op::LoadAssertionError => f.push(vm.core.exc.assertion_error.clone()),
            Op::SetupAnnotations => names::setup_annotations(ctx, f)?,
            Op::BeforeWith => exceptions::before_with(ctx, f, false)?,
            Op::WithExceptStart => exceptions::with_except_start(ctx, f)?,
        }
    }
}
