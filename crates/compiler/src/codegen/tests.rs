//! Unit tests of code generation details on hand-built ASTs.

use crate::code::Constant;
use crate::opcode::Opcode::*;
use crate::testutil::*;
use gillab_syntax::Span;
use gillab_syntax::ast::{BinOp, CmpOp, ExceptHandler, ExprKind, IntLit, StmtKind};

#[test]
fn global_augassign_is_four_primitive_steps() {
    // def bump():
    //     global n
    //     n += 1
    let code = compile(vec![func(
        "bump",
        &[],
        vec![st(StmtKind::Global(vec![ident("n")])), aug(name("n"), BinOp::Add, int(1))],
    )]);
    let f = nested(&code, 0);
    assert_eq!(
        ops(&f),
        vec![
            (LoadGlobal, 0),
            (LoadConst, 1),
            (BinaryOp, 13),
            (StoreGlobal, 0),
            (LoadConst, 0),
            (ReturnValue, 0)
        ]
    );
    assert_eq!(f.qualname, "bump");
    assert!(matches!(f.constants[0], Constant::None));
}

#[test]
fn subscript_augassign_keeps_object_and_key() {
    let target = e(ExprKind::Subscript { value: Box::new(name("a")), index: Box::new(name("i")) });
    let code = compile(vec![aug(target, BinOp::Add, int(1))]);
    assert_eq!(
        ops(&code),
        vec![
            (LoadName, 0),
            (LoadName, 1),
            (Copy, 2),
            (Copy, 2),
            (BinarySubscr, 0),
            (LoadConst, 0),
            (BinaryOp, 13),
            (Swap, 3),
            (Swap, 2),
            (StoreSubscr, 0),
            (LoadConst, 1),
            (ReturnValue, 0),
        ]
    );
    assert_eq!(code.stacksize, 4);
}

#[test]
fn while_loop_closes_with_jump_backward() {
    // def countdown(n):
    //     while n > 0:
    //         n -= 1
    let test = e(ExprKind::Compare {
        left: Box::new(name("n")),
        ops: vec![CmpOp::Gt],
        comparators: vec![int(0)],
    });
    let body = vec![aug(name("n"), BinOp::Sub, int(1))];
    let code = compile(vec![func(
        "countdown",
        &["n"],
        vec![st(StmtKind::While { test, body, orelse: vec![] })],
    )]);
    let f = nested(&code, 0);
    assert_eq!(
        ops(&f),
        vec![
            (LoadFast, 0),
            (LoadConst, 1),
            (CompareOp, 4),
            (PopJumpIfFalse, 9),
            (LoadFast, 0),
            (LoadConst, 2),
            (BinaryOp, 23),
            (StoreFast, 0),
            (JumpBackward, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ]
    );
    assert_eq!(f.argcount, 1);
    assert_eq!(f.varnames, vec!["n".to_string()]);
    assert_eq!(f.stacksize, 2);
}

#[test]
fn method_calls_use_load_method() {
    let code = compile(vec![expr_stmt(call(attr(name("o"), "m"), vec![int(1)]))]);
    assert_eq!(
        ops(&code),
        vec![
            (LoadName, 0),
            (LoadMethod, 1),
            (LoadConst, 0),
            (Call, 1),
            (PopTop, 0),
            (LoadConst, 1),
            (ReturnValue, 0)
        ]
    );
    let code = compile(vec![expr_stmt(call(name("f"), vec![int(1)]))]);
    assert_eq!(&ops(&code)[..4], &[(LoadName, 0), (PushNull, 0), (LoadConst, 0), (Call, 1)]);
    assert_eq!(code.stacksize, 3);
}

#[test]
fn closures_use_localsplus() {
    // def outer(x):
    //     def inner(): return x
    //     return inner
    let code = compile(vec![func(
        "outer",
        &["x"],
        vec![func("inner", &[], vec![ret(name("x"))]), ret(name("inner"))],
    )]);
    let outer = nested(&code, 0);
    assert_eq!(outer.varnames, vec!["x".to_string(), "inner".to_string()]);
    assert_eq!(outer.cells, vec![0]);
    assert_eq!(outer.ncellvars, 0);
    assert_eq!(
        ops(&outer),
        vec![
            (MakeCell, 0),
            (LoadClosure, 0),
            (BuildTuple, 1),
            (LoadConst, 1),
            (MakeFunction, 8),
            (StoreFast, 1),
            (LoadFast, 1),
            (ReturnValue, 0),
        ]
    );
    let inner = nested(&outer, 0);
    assert_eq!(inner.qualname, "outer.<locals>.inner");
    assert_eq!(inner.freevar_names(), &["x".to_string()]);
    assert_eq!(ops(&inner), vec![(CopyFreeVars, 1), (LoadDeref, 0), (ReturnValue, 0)]);
}

#[test]
fn try_except_table() {
    // try:
    //     f()
    // except:
    //     pass
    let handler = ExceptHandler {
        typ: None,
        name: None,
        body: vec![st(StmtKind::Pass)],
        span: Span::default(),
    };
    let code = compile(vec![st(StmtKind::Try {
        body: vec![expr_stmt(call(name("f"), vec![]))],
        handlers: vec![handler],
        orelse: vec![],
        finalbody: vec![],
    })]);
    assert_eq!(
        ops(&code),
        vec![
            (LoadName, 0),
            (PushNull, 0),
            (Call, 0),
            (PopTop, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
            (PushExcInfo, 0),
            (PopTop, 0),
            (PopExcept, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
            (Copy, 3),
            (PopExcept, 0),
            (Reraise, 1),
        ]
    );
    let table: Vec<_> =
        code.exception_table.iter().map(|x| (x.start, x.end, x.target, x.depth, x.lasti)).collect();
    assert_eq!(table, vec![(0, 4, 6, 0, false), (6, 8, 11, 1, true)]);
}

#[test]
fn constants_are_deduplicated_by_type() {
    let code = compile(vec![
        assign(name("a"), int(0)),
        assign(name("b"), e(ExprKind::Float(0.0))),
        assign(name("c"), e(ExprKind::Bool(false))),
        assign(name("d"), e(ExprKind::Float(-0.0))),
        assign(name("e"), int(0)),
        assign(name("f"), e(ExprKind::Int(IntLit::Small(0)))),
    ]);
    assert_eq!(code.constants.len(), 5);
}

#[test]
fn dead_code_after_return_is_dropped() {
    let code = compile(vec![func("f", &[], vec![ret(int(1)), expr_stmt(call(name("g"), vec![]))])]);
    let f = nested(&code, 0);
    assert_eq!(ops(&f), vec![(LoadConst, 1), (ReturnValue, 0)]);
}

/// The code of `src`, parsed and compiled.
fn compile_src(src: &str) -> std::sync::Arc<crate::CodeObject> {
    crate::compile_source(src, "t.py").unwrap_or_else(|e| panic!("{}", e.render("t.py", src)))
}

#[test]
fn named_expression_copies_its_value_before_the_store() {
    // x = (y := 5)
    let code = compile_src("x = (y := 5)\n");
    assert_eq!(
        ops(&code),
        vec![
            (LoadConst, 0),
            (Copy, 1),
            (StoreName, 0),
            (StoreName, 1),
            (LoadConst, 1),
            (ReturnValue, 0)
        ]
    );
    assert_eq!(code.names, vec!["y".to_string(), "x".to_string()]);
}

#[test]
fn named_expression_in_a_comprehension_stores_to_the_enclosing_scope() {
    // In a function: a cell of `f`, stored with STORE_DEREF from the comprehension.
    let f = nested(&compile_src("def f(a):\n    [(y := v) for v in a]\n    return y\n"), 0);
    assert_eq!(f.varnames, vec!["a".to_string(), "y".to_string()]);
    assert!(ops(&f).contains(&(LoadDeref, 1)));
    let comp = nested(&f, 0);
    assert_eq!(comp.varnames, vec![".0".to_string(), "v".to_string(), "y".to_string()]);
    assert!(ops(&comp).contains(&(StoreDeref, 2)));
    // At module level: a global, from the comprehension and in the module alike.
    let code = compile_src("[(y := v) for v in a]\nprint(y)\n");
    let comp = nested(&code, 0);
    assert!(ops(&comp).contains(&(StoreGlobal, 0)));
    assert_eq!(comp.names, vec!["y".to_string()]);
    assert!(ops(&code).iter().any(|&(op, _)| op == LoadGlobal));
}
