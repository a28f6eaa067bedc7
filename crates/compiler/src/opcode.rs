//! The instruction set: one [`Opcode`] per primitive step, numbered and named as in CPython 3.11
//! wherever the semantics match.
//!
//! Every variant's documentation gives its stack effect as `[before] -> [after]` (top of stack on
//! the right) and the meaning of its argument. Conventions used throughout:
//!
//! * **Jump arguments are absolute instruction indices** into `CodeObject::instructions` (not
//!   byte offsets, no `EXTENDED_ARG`: every argument is a full `u32`).
//! * Every loop back-edge is a [`Opcode::JumpBackward`]; no conditional jump ever goes backwards.
//!   The VM checks its eval breaker on `JUMP_BACKWARD` and on the call instructions only.
//! * `NULL` is a stack slot holding no object (pushed by [`Opcode::PushNull`] or
//!   [`Opcode::LoadMethod`]); it is only ever consumed by the call instructions.
//! * "localsplus" is the frame's slot array `varnames ++ cellvars ++ freevars`; see
//!   [`crate::CodeObject`]. Arguments called `i(localsplus)` index it; `i(names)` index
//!   `CodeObject::names`; `i(consts)` index `CodeObject::constants`.
//! * Calls use the CPython 3.13 layout `[callable, self_or_null, arg1 .. argN]`: when
//!   `self_or_null` is not `NULL` it is passed as an extra first argument. The compiler relies on
//!   that rule in four places exactly as CPython 3.11 does: decorators (`[decorator, fn] CALL 0`),
//!   comprehensions (`[comp_fn, iterator] CALL 0`), `assert x, msg` (`[AssertionError, msg]
//!   CALL 0`) and the normal exit of `with` (`[exit_fn, None, None, None] CALL 2`, which calls
//!   `exit_fn(None, None, None)`).
//! * Generators: calling a function whose code has the `GENERATOR` (or `COROUTINE`) flag makes a
//!   generator object holding the bound frame instead of running it (CPython 3.11's
//!   `RETURN_GENERATOR` is implicit). `YIELD_VALUE` suspends that frame; a resumption pushes the
//!   sent value. `yield from x` / `await x` compile to `GET_YIELD_FROM_ITER` (or
//!   `GET_AWAITABLE`), `LOAD_CONST None`, then the loop `SEND exit; YIELD_VALUE; JUMP_BACKWARD`
//!   (as CPython 3.11's `compiler_add_yield_from`): while the frame is suspended there, the
//!   delegate is its top of stack, which `throw()` and `close()` forward to.

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $variant:ident = $num:literal, $name:literal, $has_arg:literal; )*) => {
        /// A bytecode operation. The numeric value is the opcode byte (CPython 3.11's number
        /// where the operation exists there).
        #[repr(u8)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Opcode {
            $( $(#[$doc])* $variant = $num, )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$variant, )* ];

            /// The upper-case name `dis` prints (`LOAD_CONST`).
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$variant => $name, )* }
            }

            /// Whether the instruction uses its argument (`dis` prints no argument otherwise;
            /// the argument of such an instruction is always 0).
            pub fn has_arg(self) -> bool {
                match self { $( Opcode::$variant => $has_arg, )* }
            }

            /// The opcode with byte value `byte`, if any.
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                match byte { $( $num => Some(Opcode::$variant), )* _ => None }
            }
        }
    };
}

opcodes! {
    /// `[a] -> []`: discards the top of stack.
    PopTop = 1, "POP_TOP", false;
    /// `[] -> [NULL]`: pushes the NULL marker (the `self_or_null` slot of a plain call).
    PushNull = 2, "PUSH_NULL", false;
    /// `[] -> []`: does nothing (the compiler does not currently emit it).
    Nop = 9, "NOP", false;
    /// `[a] -> [+a]`
    UnaryPositive = 10, "UNARY_POSITIVE", false;
    /// `[a] -> [-a]`
    UnaryNegative = 11, "UNARY_NEGATIVE", false;
    /// `[a] -> [not a]` (always a bool; uses truthiness).
    UnaryNot = 12, "UNARY_NOT", false;
    /// `[a] -> [~a]`
    UnaryInvert = 15, "UNARY_INVERT", false;
    /// `[o, k] -> [o[k]]` (slices arrive as slice objects built by `BUILD_SLICE`).
    BinarySubscr = 25, "BINARY_SUBSCR", false;
    /// `[exc] -> [prev_exc, exc]`: at the start of an exception handler. `prev_exc` is the
    /// exception currently being handled (`sys.exception()`, or `None`), and `exc` becomes the
    /// handled exception.
    PushExcInfo = 35, "PUSH_EXC_INFO", false;
    /// `[exc, type] -> [exc, bool]`: whether `exc` is an instance of `type` (a class or a tuple
    /// of classes). Raises `TypeError: catching classes that do not inherit from BaseException
    /// is not allowed` for anything else.
    CheckExcMatch = 36, "CHECK_EXC_MATCH", false;
    /// `[exit_fn, lasti, prev_exc, exc] -> [exit_fn, lasti, prev_exc, exc, res]`: calls
    /// `exit_fn(type(exc), exc, exc.__traceback__)` (the exceptional exit of `with`).
    WithExceptStart = 49, "WITH_EXCEPT_START", false;
    /// `[o] -> [aiter]`: `type(o).__aiter__(o)`, which must have `__anext__` (`async for`).
    GetAiter = 50, "GET_AITER", false;
    /// `[aiter] -> [aiter, awaitable]`: the awaitable of `type(aiter).__anext__(aiter)`.
    GetAnext = 51, "GET_ANEXT", false;
    /// `[mgr] -> [aexit_fn, awaitable]`: looks up `__aenter__`/`__aexit__` (`TypeError` if
    /// either is missing), pushes `__aexit__` bound to `mgr`, then `mgr.__aenter__()`.
    BeforeAsyncWith = 52, "BEFORE_ASYNC_WITH", false;
    /// `[mgr] -> [exit_fn, enter_res]`: looks up `type(mgr).__enter__`/`__exit__` (raising
    /// `TypeError` if either is missing), pushes `__exit__` bound to `mgr`, then the result of
    /// calling `mgr.__enter__()`.
    BeforeWith = 53, "BEFORE_WITH", false;
    /// `[aiter, exc] -> []`: the handler that ends `async for`: a `StopAsyncIteration`
    /// ends the loop; any other exception is re-raised (`[aiter, exc]` unwinds).
    EndAsyncFor = 54, "END_ASYNC_FOR", false;
    /// `[v, o, k] -> []`: `o[k] = v`.
    StoreSubscr = 60, "STORE_SUBSCR", false;
    /// `[o, k] -> []`: `del o[k]`.
    DeleteSubscr = 61, "DELETE_SUBSCR", false;
    /// `[o] -> [iter(o)]`
    GetIter = 68, "GET_ITER", false;
    /// `[o] -> [it]`: the delegate of `yield from o`: `o` itself when it is a generator (a
    /// coroutine only inside a coroutine: `TypeError` otherwise), else `iter(o)`.
    GetYieldFromIter = 69, "GET_YIELD_FROM_ITER", false;
    /// `[v] -> []`: hands `v` to `sys.displayhook` (expression statements compiled in
    /// `'single'` mode).
    PrintExpr = 70, "PRINT_EXPR", false;
    /// `[] -> [builtins.__build_class__]`
    LoadBuildClass = 71, "LOAD_BUILD_CLASS", false;
    /// `[] -> [AssertionError]` (the class, never shadowed by a global).
    LoadAssertionError = 74, "LOAD_ASSERTION_ERROR", false;
    /// `[list] -> [tuple(list)]`
    ListToTuple = 82, "LIST_TO_TUPLE", false;
    /// `[v] -> (returns v)`: returns from the frame.
    ReturnValue = 83, "RETURN_VALUE", false;
    /// `[] -> []`: makes `__annotations__` an empty dict in the frame's locals (the module's
    /// globals at module level) unless it is already there. Emitted first in a module or class
    /// body that contains an annotated assignment.
    SetupAnnotations = 85, "SETUP_ANNOTATIONS", false;
    /// `[v] -> [sent]`: suspends the generator's frame, handing `v` to whoever resumed it; the
    /// next resumption pushes the value sent (`None` for `next()`), or raises the exception
    /// thrown in, here.
    YieldValue = 86, "YIELD_VALUE", false;
    /// `[v] -> [wrapped(v)]`: marks a value an async generator yields (as opposed to what an
    /// `await` inside it passes through to the event loop), just before `YIELD_VALUE`.
    AsyncGenWrap = 87, "ASYNC_GEN_WRAP", false;
    /// `[prev_exc] -> []`: ends an exception handler; `prev_exc` (pushed by `PUSH_EXC_INFO`)
    /// becomes the handled exception again.
    PopExcept = 89, "POP_EXCEPT", false;
    /// `[v] -> []`: `locals[names[i]] = v` (the locals mapping: the class namespace in class
    /// bodies, the module globals at module level). Arg `i(names)`.
    StoreName = 90, "STORE_NAME", true;
    /// `[] -> []`: `del locals[names[i]]`, `NameError` if absent. Arg `i(names)`.
    DeleteName = 91, "DELETE_NAME", true;
    /// `[seq] -> [x_n, ..., x_2, x_1]`: unpacks exactly `n` items (`x_1` ends on top);
    /// `ValueError` ("not enough values to unpack (expected n, got m)" / "too many values to
    /// unpack (expected n)") otherwise. Arg `n`.
    UnpackSequence = 92, "UNPACK_SEQUENCE", true;
    /// `[it] -> [it, next(it)]`; when `it` is exhausted, pops `it` and jumps to `target`
    /// (`[it] -> []`). Arg `target` (absolute index).
    ForIter = 93, "FOR_ITER", true;
    /// `[seq] -> [rest_after..., list, before...]`: starred unpacking with `before = arg & 0xFF`
    /// targets before the star and `after = arg >> 8` after it. Pushes `after` items, then the
    /// list of the middle items, then `before` items, so the first target's value is on top.
    /// `ValueError: not enough values to unpack (expected at least {before+after}, got m)`.
    UnpackEx = 94, "UNPACK_EX", true;
    /// `[v, o] -> []`: `o.name = v`. Arg `i(names)`.
    StoreAttr = 95, "STORE_ATTR", true;
    /// `[o] -> []`: `del o.name`. Arg `i(names)`.
    DeleteAttr = 96, "DELETE_ATTR", true;
    /// `[v] -> []`: `globals[names[i]] = v`. Arg `i(names)`.
    StoreGlobal = 97, "STORE_GLOBAL", true;
    /// `[] -> []`: `del globals[names[i]]` (`NameError` if absent). Arg `i(names)`.
    DeleteGlobal = 98, "DELETE_GLOBAL", true;
    /// `[a, ..., b] -> [b, ..., a]`: swaps the top with the item `n-1` below it (`SWAP 2` swaps
    /// the top two). Arg `n >= 2`.
    Swap = 99, "SWAP", true;
    /// `[] -> [consts[i]]`. Arg `i(consts)`.
    LoadConst = 100, "LOAD_CONST", true;
    /// `[] -> [v]`: looks up `names[i]` in the locals mapping, then globals, then builtins;
    /// `NameError: name 'x' is not defined`. Arg `i(names)`.
    LoadName = 101, "LOAD_NAME", true;
    /// `[a_1 .. a_n] -> [(a_1, .., a_n)]`. Arg `n`.
    BuildTuple = 102, "BUILD_TUPLE", true;
    /// `[a_1 .. a_n] -> [[a_1, .., a_n]]`. Arg `n`.
    BuildList = 103, "BUILD_LIST", true;
    /// `[a_1 .. a_n] -> [{a_1, .., a_n}]` (inserted in order). Arg `n`.
    BuildSet = 104, "BUILD_SET", true;
    /// `[k_1, v_1 .. k_n, v_n] -> [{k_1: v_1, ..}]` (inserted in order, later keys win). Arg `n`.
    BuildMap = 105, "BUILD_MAP", true;
    /// `[o] -> [o.name]`. Arg `i(names)`.
    LoadAttr = 106, "LOAD_ATTR", true;
    /// `[a, b] -> [a OP b]`: rich comparison. Arg `0 <`, `1 <=`, `2 ==`, `3 !=`, `4 >`, `5 >=`.
    CompareOp = 107, "COMPARE_OP", true;
    /// `[] -> [module]`: imports the (possibly dotted) module `names[i]` like
    /// `__import__(name)` with an empty fromlist and level 0: every package on the path is
    /// imported, and the **top-level** package is pushed (`import a.b` binds `a`). Arg
    /// `i(names)`. (Simplification of 3.11, which pops `level` and `fromlist` first.)
    ImportName = 108, "IMPORT_NAME", true;
    /// `[m] -> [m, m.name]`: attribute lookup; if the attribute is missing, falls back to
    /// `sys.modules[f"{m.__name__}.{name}"]` (importing that submodule if needed), else raises
    /// `ImportError: cannot import name 'name' from 'm'`. Arg `i(names)`.
    ImportFrom = 109, "IMPORT_FROM", true;
    /// `[] -> []`: jumps forward to `target`. Arg `target` (absolute index).
    JumpForward = 110, "JUMP_FORWARD", true;
    /// `[v] -> [v]` and jumps to `target` if `v` is falsy; otherwise `[v] -> []` and falls
    /// through. Arg `target`.
    JumpIfFalseOrPop = 111, "JUMP_IF_FALSE_OR_POP", true;
    /// `[v] -> [v]` and jumps to `target` if `v` is truthy; otherwise `[v] -> []` and falls
    /// through. Arg `target`.
    JumpIfTrueOrPop = 112, "JUMP_IF_TRUE_OR_POP", true;
    /// `[v] -> []`, then jumps to `target` if `v` is falsy. Arg `target` (always forward).
    PopJumpIfFalse = 114, "POP_JUMP_IF_FALSE", true;
    /// `[v] -> []`, then jumps to `target` if `v` is truthy. Arg `target` (always forward).
    PopJumpIfTrue = 115, "POP_JUMP_IF_TRUE", true;
    /// `[] -> [v]`: looks up `names[i]` in globals, then builtins; `NameError`. Arg
    /// `i(names)` (no NULL bit: calls push their own `PUSH_NULL`).
    LoadGlobal = 116, "LOAD_GLOBAL", true;
    /// `[a, b] -> [bool]`: `a is b` (arg 0) or `a is not b` (arg 1).
    IsOp = 117, "IS_OP", true;
    /// `[a, b] -> [bool]`: `a in b` (arg 0) or `a not in b` (arg 1).
    ContainsOp = 118, "CONTAINS_OP", true;
    /// `[.., exc] -> (raises exc)`: re-raises `exc` without adding a traceback entry. If
    /// `arg != 0`, the value `arg` slots below `exc` (`PEEK(arg + 1)`) is the `lasti` int pushed
    /// by an exception-table entry, and the frame's current instruction is reset to it first
    /// (so the traceback shows the line that originally raised).
    Reraise = 119, "RERAISE", true;
    /// `[a, ..(n-1 items)..] -> [a, .., a]`: pushes a copy of the item `n-1` below the top
    /// (`COPY 1` duplicates the top). Arg `n >= 1`.
    Copy = 120, "COPY", true;
    /// `[a, b] -> [a OP b]`. Arg = CPython 3.11's `NB_*` number: `0 +`, `1 &`, `2 //`, `3 <<`,
    /// `4 @`, `5 *`, `6 %`, `7 |`, `8 **`, `9 >>`, `10 -`, `11 /`, `12 ^`; `13..=25` are the
    /// same operators in-place (`+=` ... `^=`, arg = 13 + plain number), which try `__iop__`
    /// before falling back to the plain operator.
    BinaryOp = 122, "BINARY_OP", true;
    /// `[delegate, v] -> [delegate, yielded]`: sends `v` into the delegate of a `yield from`
    /// (`next()` when `v` is `None` and the delegate is not a generator); when the delegate
    /// returns instead, `[delegate, v] -> [result]` and jumps to `target`. Arg `target`.
    Send = 123, "SEND", true;
    /// `[] -> [localsplus[i]]`; `UnboundLocalError: cannot access local variable 'x' where it
    /// is not associated with a value` if unset. Arg `i(localsplus)`.
    LoadFast = 124, "LOAD_FAST", true;
    /// `[v] -> []`: `localsplus[i] = v`. Arg `i(localsplus)`.
    StoreFast = 125, "STORE_FAST", true;
    /// `[] -> []`: unsets `localsplus[i]` (`UnboundLocalError` if already unset). Arg
    /// `i(localsplus)`.
    DeleteFast = 126, "DELETE_FAST", true;
    /// `[args] -> (raises)`: `0` re-raises the handled exception (`RuntimeError: No active
    /// exception to reraise` if none), `1` raises `[exc]` (a class is instantiated with no
    /// arguments), `2` raises `[exc, cause]` with `__cause__` set (`raise exc from cause`).
    RaiseVarargs = 130, "RAISE_VARARGS", true;
    /// `[o] -> [it]`: the iterator `await o` delegates to: a coroutine itself, else
    /// `type(o).__await__(o)`, which must be an iterator and not a coroutine. Arg `where`: 0
    /// for `await`, 1 after `__aenter__`, 2 after `__aexit__` (for the error message).
    GetAwaitable = 131, "GET_AWAITABLE", true;
    /// `[defaults if 0x01, kwdefaults if 0x02, closure if 0x08, code] -> [fn]`: makes a
    /// function from a code constant. `defaults` is a tuple (for the last positional
    /// parameters), `kwdefaults` a dict `{name: value}`, `closure` a tuple of cells (one per
    /// free variable of `code`, in order). The function's `__name__`/`__qualname__` come from the
    /// code object, its globals from the current frame, and its `__doc__` is `code.constants[0]`
    /// when that is a `Str` (None otherwise). Arg = flags (0x04, annotations, is never set).
    MakeFunction = 132, "MAKE_FUNCTION", true;
    /// `[start, stop] -> [slice]` (arg 2) or `[start, stop, step] -> [slice]` (arg 3); missing
    /// parts are `None`.
    BuildSlice = 133, "BUILD_SLICE", true;
    /// `[] -> []`: replaces `localsplus[i]` by a new cell holding its current value (or an empty
    /// cell if unset). Emitted at function start for every cell variable. Arg `i(localsplus)`.
    MakeCell = 135, "MAKE_CELL", true;
    /// `[] -> [cell]`: pushes the cell object in `localsplus[i]` itself (to build a closure
    /// tuple). Arg `i(localsplus)`.
    LoadClosure = 136, "LOAD_CLOSURE", true;
    /// `[] -> [cell contents]`: `NameError: cannot access free variable 'x' where it is not
    /// associated with a value in enclosing scope` (free) or `UnboundLocalError` (own cell) if
    /// empty. Arg `i(localsplus)`.
    LoadDeref = 137, "LOAD_DEREF", true;
    /// `[v] -> []`: stores `v` into the cell in `localsplus[i]`. Arg `i(localsplus)`.
    StoreDeref = 138, "STORE_DEREF", true;
    /// `[] -> []`: empties the cell in `localsplus[i]` (error if already empty). Arg
    /// `i(localsplus)`.
    DeleteDeref = 139, "DELETE_DEREF", true;
    /// `[] -> []`: jumps back to `target` (loop back-edge; checks the eval breaker). Arg
    /// `target` (absolute index).
    JumpBackward = 140, "JUMP_BACKWARD", true;
    /// `[callable, self_or_null, args, kwargs if arg & 1] -> [result]`: calls with an argument
    /// sequence and an optional keyword dict. `args` is usually a tuple; if it is not, the VM
    /// converts it with `tuple()` first (`TypeError: f() argument after * must be an iterable,
    /// not int`). A non-NULL `self_or_null` is prepended (the compiler always emits NULL here).
    CallFunctionEx = 142, "CALL_FUNCTION_EX", true;
    /// `[list, ..(i-1 items).., v] -> [list, ..]`: `list.append(v)` where `list` is the item
    /// `i` below the top after popping `v`. Arg `i`.
    ListAppend = 145, "LIST_APPEND", true;
    /// `[set, ..(i-1 items).., v] -> [set, ..]`: `set.add(v)`, as `LIST_APPEND`. Arg `i`.
    SetAdd = 146, "SET_ADD", true;
    /// `[dict, ..(i-1 items).., k, v] -> [dict, ..]`: `dict[k] = v` where `dict` is the item `i`
    /// below the top after popping `k` and `v`. Arg `i`.
    MapAdd = 147, "MAP_ADD", true;
    /// `[] -> [v]`: class bodies only: looks the name of `localsplus[i]` up in the class
    /// namespace first, then loads the cell's contents (as `LOAD_DEREF`). Arg `i(localsplus)`.
    LoadClassderef = 148, "LOAD_CLASSDEREF", true;
    /// `[] -> []`: copies the function's closure tuple (`n` cells) into the last `n` slots of
    /// localsplus. Emitted first in code with free variables. Arg `n`.
    CopyFreeVars = 149, "COPY_FREE_VARS", true;
    /// `[value, spec if arg & 4] -> [str]`: `format(conv(value), spec)`. `arg & 3` is the
    /// conversion: `0` none, `1` `str()`, `2` `repr()`, `3` `ascii()`; `spec` defaults to `''`.
    FormatValue = 155, "FORMAT_VALUE", true;
    /// `[v_1 .. v_n, keys] -> [dict]`: `keys` is a constant tuple of `n` keys; builds
    /// `{keys[0]: v_1, ...}` (in order, later keys win). Arg `n`.
    BuildConstKeyMap = 156, "BUILD_CONST_KEY_MAP", true;
    /// `[s_1 .. s_n] -> [s_1 + .. + s_n]`: concatenates `n` strings (`''` for `n == 0`).
    BuildString = 157, "BUILD_STRING", true;
    /// `[o] -> [meth, o]` when `type(o)` defines `name` as a plain Python function (or builtin
    /// method descriptor) not shadowed by the instance dict; otherwise `[o] -> [o.name, NULL]`.
    /// Always followed by the arguments and a `CALL`/`CALL_KW`. Arg `i(names)`.
    LoadMethod = 160, "LOAD_METHOD", true;
    /// `[list, ..(i-1 items).., it] -> [list, ..]`: `list.extend(it)`. Arg `i`.
    ListExtend = 162, "LIST_EXTEND", true;
    /// `[set, ..(i-1 items).., it] -> [set, ..]`: `set.update(it)`. Arg `i`.
    SetUpdate = 163, "SET_UPDATE", true;
    /// `[dict, ..(i-1 items).., m] -> [dict, ..]`: merges the mapping `m` into the kwargs dict of
    /// a call; `TypeError: f() got multiple values for keyword argument 'x'` on a duplicate key,
    /// `TypeError: f() argument after ** must be a mapping, not int`. Arg `i`.
    DictMerge = 164, "DICT_MERGE", true;
    /// `[dict, ..(i-1 items).., m] -> [dict, ..]`: `dict.update(m)` (`{**m}` literals; duplicates
    /// overwrite). `TypeError: 'int' object is not a mapping`. Arg `i`.
    DictUpdate = 165, "DICT_UPDATE", true;
    /// `[callable, self_or_null, a_1 .. a_n] -> [result]`: calls `callable(self_or_null, a_1 ..
    /// a_n)` if `self_or_null` is not NULL, else `callable(a_1 .. a_n)`. Arg `n` (not counting
    /// `self_or_null`).
    Call = 171, "CALL", true;
    /// `[callable, self_or_null, a_1 .. a_n, kwnames] -> [result]`: as `CALL`, where `kwnames`
    /// is a constant tuple of `k` strs: the last `k` of the `n` values are keyword arguments with
    /// those names. Arg `n` (positional plus keyword values).
    CallKw = 172, "CALL_KW", true;
}

/// The symbols of `BINARY_OP`'s argument (CPython's `_nb_ops`), indexed by the argument.
pub const BINARY_OP_SYMBOLS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// The `BINARY_OP` argument that adds an in-place variant to a plain operator number.
pub const NB_INPLACE_OFFSET: u32 = 13;

/// The symbols of `COMPARE_OP`'s argument, indexed by the argument.
pub const COMPARE_OP_SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `BINARY_OP`'s argument (CPython's `NB_*` number) for a binary operator.
pub fn binary_op_arg(op: gillab_syntax::ast::BinOp) -> u32 {
    use gillab_syntax::ast::BinOp::*;
    match op {
        Add => 0,
        BitAnd => 1,
        FloorDiv => 2,
        LShift => 3,
        MatMult => 4,
        Mult => 5,
        Mod => 6,
        BitOr => 7,
        Pow => 8,
        RShift => 9,
        Sub => 10,
        Div => 11,
        BitXor => 12,
    }
}

impl Opcode {
    /// Whether the argument is a jump target (an absolute instruction index).
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Opcode::ForIter
                | Opcode::Send
                | Opcode::JumpForward
                | Opcode::JumpBackward
                | Opcode::JumpIfFalseOrPop
                | Opcode::JumpIfTrueOrPop
                | Opcode::PopJumpIfFalse
                | Opcode::PopJumpIfTrue
        )
    }

    /// Whether execution never continues with the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::ReturnValue
                | Opcode::RaiseVarargs
                | Opcode::Reraise
                | Opcode::JumpForward
                | Opcode::JumpBackward
        )
    }

    /// Whether the argument indexes `CodeObject::names`.
    pub fn uses_name(self) -> bool {
        matches!(
            self,
            Opcode::StoreName
                | Opcode::DeleteName
                | Opcode::LoadName
                | Opcode::StoreAttr
                | Opcode::DeleteAttr
                | Opcode::LoadAttr
                | Opcode::StoreGlobal
                | Opcode::DeleteGlobal
                | Opcode::LoadGlobal
                | Opcode::ImportName
                | Opcode::ImportFrom
                | Opcode::LoadMethod
        )
    }

    /// Whether the argument indexes the localsplus slots.
    pub fn uses_local(self) -> bool {
        matches!(
            self,
            Opcode::LoadFast
                | Opcode::StoreFast
                | Opcode::DeleteFast
                | Opcode::MakeCell
                | Opcode::LoadClosure
                | Opcode::LoadDeref
                | Opcode::StoreDeref
                | Opcode::DeleteDeref
                | Opcode::LoadClassderef
        )
    }

    /// The net change in stack depth. `jump` selects the effect when the branch is taken (for
    /// `FOR_ITER` and the conditional jumps, which differ between their two exits).
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        let n = arg as i32;
        use Opcode::*;
        match self {
            Nop | UnaryPositive | UnaryNegative | UnaryNot | UnaryInvert | CheckExcMatch
            | GetIter | GetYieldFromIter | YieldValue | AsyncGenWrap | GetAwaitable | GetAiter
            | ListToTuple | DeleteName | DeleteGlobal | Swap | LoadAttr | JumpForward
            | JumpBackward | DeleteFast | MakeCell | DeleteDeref | CopyFreeVars
            | SetupAnnotations => 0,
            PopTop | PrintExpr | BinarySubscr | ReturnValue | PopExcept | StoreName
            | StoreGlobal | DeleteAttr | CompareOp | IsOp | ContainsOp | Reraise | BinaryOp
            | StoreFast | StoreDeref | PopJumpIfFalse | PopJumpIfTrue | ListAppend | SetAdd
            | ListExtend | SetUpdate | DictMerge | DictUpdate => -1,
            PushNull | GetAnext | BeforeAsyncWith | PushExcInfo | WithExceptStart | BeforeWith
            | LoadBuildClass | LoadAssertionError | LoadConst | LoadName | ImportName
            | ImportFrom | LoadGlobal | Copy | LoadFast | LoadClosure | LoadDeref
            | LoadClassderef | LoadMethod => 1,
            StoreSubscr => -3,
            EndAsyncFor => -2,
            DeleteSubscr | StoreAttr | MapAdd => -2,
            UnpackSequence => n - 1,
            UnpackEx => (n & 0xFF) + (n >> 8),
            Send => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            ForIter => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            JumpIfFalseOrPop | JumpIfTrueOrPop => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            BuildTuple | BuildList | BuildSet | BuildSlice | BuildString => 1 - n,
            BuildMap => 1 - 2 * n,
            BuildConstKeyMap => -n,
            RaiseVarargs => -n,
            MakeFunction => -((arg & 0x0F).count_ones() as i32),
            CallFunctionEx => -2 - (n & 1),
            FormatValue => {
                if arg & 0x04 != 0 {
                    -1
                } else {
                    0
                }
            }
            Call => -n - 1,
            CallKw => -n - 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_round_trips() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
        }
        assert_eq!(Opcode::LoadConst as u8, 100);
        assert_eq!(Opcode::BinaryOp.name(), "BINARY_OP");
        assert!(!Opcode::PopTop.has_arg());
        assert!(Opcode::Call.has_arg());
    }

    #[test]
    fn binop_table() {
        use gillab_syntax::ast::BinOp;
        assert_eq!(binary_op_arg(BinOp::Add), 0);
        assert_eq!(
            BINARY_OP_SYMBOLS[(binary_op_arg(BinOp::Add) + NB_INPLACE_OFFSET) as usize],
            "+="
        );
        assert_eq!(BINARY_OP_SYMBOLS[binary_op_arg(BinOp::BitXor) as usize], "^");
        assert_eq!(
            BINARY_OP_SYMBOLS[(binary_op_arg(BinOp::Sub) + NB_INPLACE_OFFSET) as usize],
            "-="
        );
    }

    #[test]
    fn stack_effects() {
        assert_eq!(Opcode::Call.stack_effect(2, false), -3);
        assert_eq!(Opcode::CallKw.stack_effect(2, false), -4);
        assert_eq!(Opcode::UnpackEx.stack_effect(1 | (2 << 8), false), 3);
        assert_eq!(Opcode::MakeFunction.stack_effect(0x09, false), -2);
        assert_eq!(Opcode::ForIter.stack_effect(0, true), -1);
    }
}
