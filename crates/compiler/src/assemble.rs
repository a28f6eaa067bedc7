//! The assembler: turns a unit's pseudo-instruction stream into final instructions, the
//! exception table and the maximum stack depth.
//!
//! Codegen emits [`Item`]s: real instructions, jumps to [`Label`]s, label definitions, and the
//! block pseudo-instructions `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH` ([`Item::Setup`]) and
//! `POP_BLOCK` ([`Item::PopBlock`]) exactly where CPython 3.11's compiler emits them. One flow
//! analysis over the stream (CPython's `stackdepth()` and `label_exception_targets()` combined)
//! then computes:
//!
//! * the stack depth at every reachable instruction (and so `stacksize`);
//! * the exception handler active at every instruction: the innermost `Setup` on the path to it,
//!   following jumps, so a `POP_BLOCK` on one path (say, before a `break`) does not affect the
//!   code after it on another path;
//! * reachability: unreachable instructions are dropped (code after `return`, the implicit
//!   `return None` after a final `return`, a body behind `if 0:`).
//!
//! Unconditional jumps to the next instruction are then removed, labels resolved to absolute
//! indices, and each unconditional jump becomes `JUMP_FORWARD` or `JUMP_BACKWARD` depending on
//! its direction.

use crate::code::{ExceptionEntry, Instr};
use crate::opcode::Opcode;

/// A jump target inside one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub(crate) usize);

/// One element of a unit's pseudo-instruction stream.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// A real instruction.
    Instr { op: Opcode, arg: u32, line: u32 },
    /// A jump; `JumpForward` stands for any unconditional jump.
    Jump { op: Opcode, target: Label, line: u32 },
    /// Defines `Label`: the next real instruction.
    Label(Label),
    /// Pushes an exception handler at `target` (`SETUP_FINALLY` when `lasti` is false,
    /// `SETUP_CLEANUP` when true, `SETUP_WITH` when also `pop == 1`: the handler's depth excludes
    /// the top `pop` items present at the setup point).
    Setup { target: Label, lasti: bool, pop: u32 },
    /// Pops the innermost exception handler (`POP_BLOCK`).
    PopBlock,
}

/// The assembled form of a unit.
pub(crate) struct Assembled {
    pub instructions: Vec<Instr>,
    pub lines: Vec<u32>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stacksize: u32,
}

/// Per-item facts found by the flow analysis.
#[derive(Clone, Copy)]
struct Visit {
    depth: i64,
    handler: Option<Label>,
}

fn label_positions(items: &[Item], nlabels: usize) -> Vec<usize> {
    let mut label_pos = vec![usize::MAX; nlabels];
    for (pos, item) in items.iter().enumerate() {
        if let Item::Label(l) = item {
            label_pos[l.0] = pos;
        }
    }
    label_pos
}

/// Replaces each unconditional jump to a `LOAD_CONST; RETURN_VALUE` exit by a copy of those two
/// instructions (CPython inlines small exit blocks the same way).
fn inline_exits(items: &[Item], label_pos: &[usize]) -> Vec<Item> {
    let exit_at = |label: Label| -> Option<u32> {
        let mut real = items[label_pos[label.0]..]
            .iter()
            .filter(|i| matches!(i, Item::Instr { .. } | Item::Jump { .. }));
        match (real.next(), real.next()) {
            (
                Some(Item::Instr { op: Opcode::LoadConst, arg, .. }),
                Some(Item::Instr { op: Opcode::ReturnValue, .. }),
            ) => Some(*arg),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Item::Jump { op: Opcode::JumpForward, target, line } = item
            && let Some(arg) = exit_at(*target)
        {
            out.push(Item::Instr { op: Opcode::LoadConst, arg, line: *line });
            out.push(Item::Instr { op: Opcode::ReturnValue, arg: 0, line: *line });
            continue;
        }
        out.push(item.clone());
    }
    out
}

pub(crate) fn assemble(items: &[Item], nlabels: usize) -> Assembled {
    let items = inline_exits(items, &label_positions(items, nlabels));
    let items = &items[..];
    let label_pos = label_positions(items, nlabels);
    // Flow analysis.
    let mut visits: Vec<Option<Visit>> = vec![None; items.len()];
    let mut handlers: Vec<Option<(u32, bool)>> = vec![None; nlabels];
    let mut max_depth: i64 = 0;
    let mut work: Vec<(usize, i64, Vec<Label>)> = vec![(0, 0, Vec::new())];
    while let Some((mut pos, mut depth, mut stack)) = work.pop() {
        while pos < items.len() {
            if let Some(v) = visits[pos] {
                debug_assert_eq!(v.depth, depth, "inconsistent stack depth at item {pos}");
                break;
            }
            visits[pos] = Some(Visit { depth, handler: stack.last().copied() });
            match &items[pos] {
                Item::Label(_) => {}
                Item::Setup { target, lasti, pop } => {
                    let handler_depth = depth - i64::from(*pop);
                    debug_assert!(handler_depth >= 0, "negative handler depth");
                    handlers[target.0] = Some((handler_depth.max(0) as u32, *lasti));
                    let target_depth = handler_depth + i64::from(*lasti) + 1;
                    max_depth = max_depth.max(target_depth);
                    work.push((label_pos[target.0], target_depth, stack.clone()));
                    stack.push(*target);
                }
                Item::PopBlock => {
                    stack.pop();
                }
                Item::Instr { op, arg, .. } => {
                    depth += i64::from(op.stack_effect(*arg, false));
                    debug_assert!(depth >= 0, "stack underflow at {op:?}");
                    max_depth = max_depth.max(depth);
                    if op.is_terminator() {
                        break;
                    }
                }
                Item::Jump { op, target, .. } => {
                    let jump_depth = depth + i64::from(op.stack_effect(0, true));
                    max_depth = max_depth.max(jump_depth);
                    work.push((label_pos[target.0], jump_depth, stack.clone()));
                    if *op == Opcode::JumpForward {
                        break;
                    }
                    depth += i64::from(op.stack_effect(0, false));
                    max_depth = max_depth.max(depth);
                }
            }
            pos += 1;
        }
    }
    // Keep reachable real instructions; drop unconditional jumps to the next instruction.
    let mut keep: Vec<bool> = items
        .iter()
        .zip(&visits)
        .map(|(item, v)| v.is_some() && matches!(item, Item::Instr { .. } | Item::Jump { .. }))
        .collect();
    loop {
        let next_kept = next_kept_table(&keep);
        let mut changed = false;
        for pos in 0..items.len() {
            if let Item::Jump { op: Opcode::JumpForward, target, .. } = &items[pos]
                && keep[pos]
            {
                let after = next_kept.get(pos + 1).copied().unwrap_or(usize::MAX);
                if next_kept[label_pos[target.0]] == after {
                    keep[pos] = false;
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let next_kept = next_kept_table(&keep);
    let mut index_of = vec![u32::MAX; items.len()];
    let mut count = 0u32;
    for (pos, &k) in keep.iter().enumerate() {
        if k {
            index_of[pos] = count;
            count += 1;
        }
    }
    let resolve = |label: Label| -> u32 {
        let pos = next_kept[label_pos[label.0]];
        if pos == usize::MAX { count } else { index_of[pos] }
    };
    let mut instructions = Vec::with_capacity(count as usize);
    let mut lines = Vec::with_capacity(count as usize);
    let mut entries: Vec<ExceptionEntry> = Vec::new();
    let mut current: Option<(Label, u32)> = None;
    for (pos, item) in items.iter().enumerate() {
        if !keep[pos] {
            continue;
        }
        let index = index_of[pos];
        let (instr, line) = match item {
            Item::Instr { op, arg, line } => (Instr { op: *op, arg: *arg }, *line),
            Item::Jump { op, target, line } => {
                let t = resolve(*target);
                let op = match op {
                    Opcode::JumpForward if t <= index => Opcode::JumpBackward,
                    other => *other,
                };
                (Instr { op, arg: t }, *line)
            }
            _ => unreachable!("only real instructions are kept"),
        };
        instructions.push(instr);
        lines.push(line);
        let handler = visits[pos].and_then(|v| v.handler);
        if current.map(|c| c.0) != handler {
            if let Some((label, start)) = current.take() {
                push_entry(&mut entries, label, start, index, &handlers, &resolve);
            }
            current = handler.map(|h| (h, index));
        }
    }
    if let Some((label, start)) = current {
        push_entry(&mut entries, label, start, count, &handlers, &resolve);
    }
    Assembled {
        instructions,
        lines,
        exception_table: entries,
        stacksize: u32::try_from(max_depth).unwrap_or(u32::MAX),
    }
}

fn push_entry(
    entries: &mut Vec<ExceptionEntry>,
    label: Label,
    start: u32,
    end: u32,
    handlers: &[Option<(u32, bool)>],
    resolve: &dyn Fn(Label) -> u32,
) {
    let (depth, lasti) = handlers[label.0].unwrap_or((0, false));
    entries.push(ExceptionEntry { start, end, target: resolve(label), depth, lasti });
}

/// For each position, the position of the first kept item at or after it (`usize::MAX` if none).
fn next_kept_table(keep: &[bool]) -> Vec<usize> {
    let mut table = vec![usize::MAX; keep.len() + 1];
    for pos in (0..keep.len()).rev() {
        table[pos] = if keep[pos] { pos } else { table[pos + 1] };
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(op: Opcode, arg: u32) -> Item {
        Item::Instr { op, arg, line: 1 }
    }

    #[test]
    fn drops_dead_code_and_resolves_jumps() {
        let items = vec![
            Item::Label(Label(0)),
            op(Opcode::LoadConst, 0),
            Item::Jump { op: Opcode::PopJumpIfFalse, target: Label(1), line: 1 },
            Item::Jump { op: Opcode::JumpForward, target: Label(0), line: 1 },
            op(Opcode::LoadConst, 0),
            Item::Label(Label(1)),
            op(Opcode::LoadConst, 1),
            op(Opcode::ReturnValue, 0),
            op(Opcode::LoadConst, 1),
            op(Opcode::ReturnValue, 0),
        ];
        let a = assemble(&items, 2);
        let ops: Vec<(Opcode, u32)> = a.instructions.iter().map(|i| (i.op, i.arg)).collect();
        assert_eq!(
            ops,
            vec![
                (Opcode::LoadConst, 0),
                (Opcode::PopJumpIfFalse, 3),
                (Opcode::JumpBackward, 0),
                (Opcode::LoadConst, 1),
                (Opcode::ReturnValue, 0),
            ]
        );
        assert_eq!(a.stacksize, 1);
    }

    #[test]
    fn handler_follows_paths_not_text() {
        // try: (if x: POP_BLOCK; jump out) ; body ; POP_BLOCK
        let items = vec![
            op(Opcode::LoadConst, 0),
            Item::Setup { target: Label(0), lasti: false, pop: 0 },
            op(Opcode::LoadName, 0),
            Item::Jump { op: Opcode::PopJumpIfFalse, target: Label(1), line: 1 },
            Item::PopBlock,
            Item::Jump { op: Opcode::JumpForward, target: Label(2), line: 1 },
            Item::Label(Label(1)),
            op(Opcode::LoadName, 1),
            op(Opcode::PopTop, 0),
            Item::PopBlock,
            Item::Label(Label(2)),
            op(Opcode::ReturnValue, 0),
            Item::Label(Label(0)),
            op(Opcode::PopTop, 0),
            op(Opcode::ReturnValue, 0),
        ];
        let a = assemble(&items, 3);
        assert_eq!(
            a.exception_table,
            vec![
                ExceptionEntry { start: 1, end: 3, target: 7, depth: 1, lasti: false },
                ExceptionEntry { start: 4, end: 6, target: 7, depth: 1, lasti: false },
            ]
        );
    }
}
