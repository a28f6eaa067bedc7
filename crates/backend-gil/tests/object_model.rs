//! The VM's object model on the `gil` backend: the dict table against a model, equal keys of
//! different types, deep structures freed without recursion, and every object freed.

use gillab_backend_gil::Gil;
use gillab_vm::object::dict::Dict;
use gillab_vm::object::live::live_objects;
use gillab_vm::ops::dicts;
use gillab_vm::{Ctx, Payload, PyRef, Vm, VmOptions};
use proptest::prelude::*;

fn vm() -> Vm<Gil> {
    Vm::new(VmOptions::default(), vec![], Default::default())
}

#[derive(Debug, Clone)]
enum Op {
    Set(i64, i64),
    Del(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0i64..40, any::<i64>()).prop_map(|(k, v)| Op::Set(k, v)),
        (0i64..40).prop_map(Op::Del),
    ]
}

fn int_of(v: &PyRef<Gil>) -> i64 {
    match v.payload {
        Payload::Int(i) => i,
        _ => i64::MIN,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Insertion order, replacement in place, deletion and re-insertion at the end, and
    /// lookups all agree with a plain vector model.
    #[test]
    fn dict_matches_an_ordered_model(ops in prop::collection::vec(op(), 0..300)) {
        let vm = vm();
        let mut ctx = Ctx::attach(&vm);
        let d = vm.dict(Dict::new());
        let mut model: Vec<(i64, i64)> = Vec::new();
        for o in &ops {
            match *o {
                Op::Set(k, v) => {
                    dicts::set(&mut ctx, &d, vm.int(k), Some(vm.int(v))).expect("set");
                    match model.iter_mut().find(|e| e.0 == k) {
                        Some(e) => e.1 = v,
                        None => model.push((k, v)),
                    }
                }
                Op::Del(k) => {
                    let removed = dicts::remove(&mut ctx, &d, &vm.int(k)).expect("remove");
                    let pos = model.iter().position(|e| e.0 == k);
                    prop_assert_eq!(removed.is_some(), pos.is_some());
                    if let Some(p) = pos {
                        model.remove(p);
                    }
                }
            }
        }
        let Payload::Dict(cell) = &d.payload else { panic!("not a dict") };
        let got: Vec<(i64, i64)> = d.read(cell, |t| {
            t.iter()
                .map(|e| (int_of(&e.key), e.value.as_ref().map_or(i64::MIN, int_of)))
                .collect()
        });
        prop_assert_eq!(&got, &model);
        for k in 0..40 {
            let v = dicts::get(&mut ctx, &d, &vm.int(k)).expect("get");
            let want = model.iter().find(|e| e.0 == k).map(|e| e.1);
            prop_assert_eq!(v.as_ref().map(int_of), want);
        }
    }
}

#[test]
fn equal_keys_of_different_types_are_one_key() {
    let vm = vm();
    let mut ctx = Ctx::attach(&vm);
    let d = vm.dict(Dict::new());
    dicts::set(&mut ctx, &d, vm.int(1), Some(vm.str("int"))).expect("set");
    dicts::set(&mut ctx, &d, vm.float(1.0), Some(vm.str("float"))).expect("set");
    dicts::set(&mut ctx, &d, vm.bool(true), Some(vm.str("bool"))).expect("set");
    let Payload::Dict(cell) = &d.payload else { panic!("not a dict") };
    assert_eq!(d.read(cell, |t| t.len()), 1);
    let v = dicts::get(&mut ctx, &d, &vm.int(1)).expect("get").expect("present");
    assert_eq!(gillab_vm::ops::as_str(&v), Some("bool"));
}

#[test]
fn deep_nesting_is_freed_without_recursing() {
    let before = live_objects();
    {
        let vm = vm();
        let ctx = Ctx::attach(&vm);
        let mut l: PyRef<Gil> = vm.list(vec![]);
        for _ in 0..1_000_000 {
            l = vm.list(vec![l]);
        }
        // Dropping the outermost list frees a million nested lists on a 2 MiB test stack.
        drop(l);
        drop(ctx);
    }
    assert_eq!(live_objects(), before);
}
