//! The allow-list: every exception CPython 3.11 can raise for an operation of a generated
//! program in some interleaving of its threads, as a pattern over `Type: message`.
//!
//! The rule: under CPython's GIL a thread switch happens only between bytecodes, so a call
//! into C that runs no Python code (`list.append`, `list(d)`, `sorted(s)`, a key-less sort of
//! ints) is atomic and raises only what it would raise on some state the object passes
//! through; a call that runs Python code (a sort key) or a Python-level loop (`for x in d`)
//! can see other threads' changes in the middle. Each entry has a witness: a short sequential
//! program that makes CPython raise exactly that exception, so the list can be checked
//! against `python3` (`gillab-threadfuzz --verify-allowlist`, and a unit test when python3 is
//! installed).

use regex::Regex;
use std::sync::OnceLock;

/// One exception CPython can raise, with a sequential witness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Exc {
    /// Short name used in the op table.
    pub id: &'static str,
    /// Anchored regular expression over `Type: str(exception)`.
    pub pattern: &'static str,
    /// Statements (one per line, function-body indentation added by the harness) that raise
    /// it, run in a function declaring `global G` next to `class Box: pass`.
    pub witness: &'static str,
}

macro_rules! exc {
    ($name:ident, $id:literal, $pat:literal, $wit:literal) => {
        #[doc = concat!("`", $pat, "`")]
        pub const $name: Exc = Exc { id: $id, pattern: $pat, witness: $wit };
    };
}

exc!(POP_EMPTY, "pop_empty", r"^IndexError: pop from empty list$", "[].pop()");
exc!(POP_INDEX, "pop_index", r"^IndexError: pop index out of range$", "[1].pop(5)");
exc!(LIST_INDEX, "list_index", r"^IndexError: list index out of range$", "[1][5]");
exc!(
    LIST_ASSIGN_INDEX,
    "list_assign_index",
    r"^IndexError: list assignment index out of range$",
    "x = [1]\nx[5] = 0"
);
exc!(
    REMOVE_MISSING,
    "remove_missing",
    r"^ValueError: list\.remove\(x\): x not in list$",
    "[1].remove(30000005)"
);
exc!(INDEX_MISSING, "index_missing", r"^ValueError: -?\d+ is not in list$", "[1].index(30000005)");
exc!(
    EXT_SLICE_SIZE,
    "ext_slice_size",
    r"^ValueError: attempt to assign sequence of size \d+ to extended slice of size \d+$",
    "x = [1, 2, 3]\nx[::2] = [7]"
);
exc!(
    MODIFIED_DURING_SORT,
    "modified_during_sort",
    r"^ValueError: list modified during sort$",
    "x = [3, 1, 2]\nx.sort(key=lambda v: x.append(v) or v)"
);
exc!(KEY_ERROR_STR, "key_error_str", r"^KeyError: 'k\d+'$", "{}['k3']");
exc!(KEY_ERROR_INT, "key_error_int", r"^KeyError: \d+$", "{}[30000005]");
exc!(
    POPITEM_EMPTY,
    "popitem_empty",
    r"^KeyError: 'popitem\(\): dictionary is empty'$",
    "{}.popitem()"
);
exc!(SET_POP_EMPTY, "set_pop_empty", r"^KeyError: 'pop from an empty set'$", "set().pop()");
exc!(
    DICT_CHANGED_SIZE,
    "dict_changed_size",
    r"^RuntimeError: dictionary changed size during iteration$",
    "d = {1: 1}\nfor x in d:\n    d[x + 1] = 1"
);
exc!(
    DICT_KEYS_CHANGED,
    "dict_keys_changed",
    r"^RuntimeError: dictionary keys changed during iteration$",
    "d = {1: 1}\nfor x in d:\n    del d[1]\n    d[2] = 2"
);
exc!(
    SET_CHANGED_SIZE,
    "set_changed_size",
    r"^RuntimeError: Set changed size during iteration$",
    "s = {1}\nfor x in s:\n    s.add(x + 1)"
);
exc!(NO_ATTR, "no_attr", r"^AttributeError: 'Box' object has no attribute '(a\d+|c)'$", "Box().a1");
exc!(
    NO_ATTR_DEL,
    "no_attr_del",
    r"^AttributeError: 'Box' object has no attribute 'a\d+'$",
    "del Box().a1"
);
exc!(
    TYPE_NO_ATTR,
    "type_no_attr",
    r"^AttributeError: type object 'Box' has no attribute 'c'$",
    "Box.c"
);
exc!(
    TYPE_NO_ATTR_DEL,
    "type_no_attr_del",
    r"^AttributeError: type object 'Box' has no attribute 'c'$",
    "del Box.c"
);
exc!(NAME_G, "name_g", r"^NameError: name 'G' is not defined$", "G");
exc!(NAME_G_DEL, "name_g_del", r"^NameError: name 'G' is not defined$", "del G");
exc!(STOP_ITERATION, "stop_iteration", r"^StopIteration: $", "next(iter({}))");

/// Every entry, in a fixed order.
pub const ALL: &[Exc] = &[
    POP_EMPTY,
    POP_INDEX,
    LIST_INDEX,
    LIST_ASSIGN_INDEX,
    REMOVE_MISSING,
    INDEX_MISSING,
    EXT_SLICE_SIZE,
    MODIFIED_DURING_SORT,
    KEY_ERROR_STR,
    KEY_ERROR_INT,
    POPITEM_EMPTY,
    SET_POP_EMPTY,
    DICT_CHANGED_SIZE,
    DICT_KEYS_CHANGED,
    SET_CHANGED_SIZE,
    NO_ATTR,
    NO_ATTR_DEL,
    TYPE_NO_ATTR,
    TYPE_NO_ATTR_DEL,
    NAME_G,
    NAME_G_DEL,
    STOP_ITERATION,
];

fn compiled() -> &'static Vec<Regex> {
    static RES: OnceLock<Vec<Regex>> = OnceLock::new();
    RES.get_or_init(|| ALL.iter().map(|e| Regex::new(e.pattern).expect("pattern")).collect())
}

impl Exc {
    /// Whether `text` (`Type: message`) is this exception.
    pub fn matches(&self, text: &str) -> bool {
        let i = ALL.iter().position(|e| e.id == self.id).expect("entry in ALL");
        compiled()[i].is_match(text)
    }
}

/// The program that runs every witness and prints, per witness, `W<i> Type: message` (or
/// `W<i> none` when nothing was raised). Valid CPython and gil-lab Python.
pub fn witness_program() -> String {
    let mut src = String::from("class Box:\n    pass\n\n\n");
    for (i, e) in ALL.iter().enumerate() {
        src.push_str(&format!("def _w{i}():\n    global G\n"));
        for line in e.witness.lines() {
            src.push_str(&format!("    {line}\n"));
        }
        src.push_str("\n\n");
    }
    src.push_str("for i, f in enumerate([");
    src.push_str(&(0..ALL.len()).map(|i| format!("_w{i}")).collect::<Vec<_>>().join(", "));
    src.push_str(
        "]):\n    try:\n        f()\n        print(\"W%d none\" % i)\n    except Exception as e:\n        print(\"W%d %s: %s\" % (i, type(e).__name__, str(e)))\n",
    );
    src
}

/// Parses the witness program's output: the `Type: message` of each witness, in order.
pub fn parse_witness_output(stdout: &str) -> Vec<Option<String>> {
    let mut out = vec![None; ALL.len()];
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix('W') else { continue };
        let Some((i, text)) = rest.split_once(' ') else { continue };
        if let Ok(i) = i.parse::<usize>()
            && i < out.len()
        {
            out[i] = Some(text.to_string());
        }
    }
    out
}

/// Checks witness results against the patterns: one line per entry that does not match
/// (`id: got ...`), empty when all match.
pub fn check_witnesses(results: &[Option<String>]) -> Vec<String> {
    ALL.iter()
        .zip(results)
        .filter_map(|(e, got)| match got {
            Some(text) if e.matches(text) => None,
            Some(text) => Some(format!("{}: got `{text}`, pattern `{}`", e.id, e.pattern)),
            None => Some(format!("{}: no output", e.id)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile_and_ids_are_unique() {
        assert_eq!(compiled().len(), ALL.len());
        let mut ids: Vec<_> = ALL.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
    }

    #[test]
    fn patterns_are_anchored() {
        assert!(POP_EMPTY.matches("IndexError: pop from empty list"));
        assert!(!POP_EMPTY.matches("IndexError: pop from empty list!"));
        assert!(!POP_EMPTY.matches("XIndexError: pop from empty list"));
        assert!(KEY_ERROR_INT.matches("KeyError: 30000005"));
        assert!(!KEY_ERROR_INT.matches("KeyError: 'k1'"));
        assert!(EXT_SLICE_SIZE.matches(
            "ValueError: attempt to assign sequence of size 3 to extended slice of size 2"
        ));
    }

    #[test]
    fn witness_output_parses_and_mismatches_are_named() {
        let mut results = parse_witness_output("W0 IndexError: pop from empty list\nW1 none\n");
        assert_eq!(results[0].as_deref(), Some("IndexError: pop from empty list"));
        assert_eq!(results[1].as_deref(), Some("none"));
        let bad = check_witnesses(&results);
        assert!(bad.iter().any(|l| l.starts_with("pop_index: got `none`")), "{bad:?}");
        assert!(!bad.iter().any(|l| l.starts_with("pop_empty")), "{bad:?}");
        results[1] = Some("IndexError: pop index out of range".into());
        assert!(!check_witnesses(&results).iter().any(|l| l.starts_with("pop_index")));
    }

    /// The allow-list against CPython itself, when python3 is installed (it is not required:
    /// without it the test says so on stderr and checks nothing else).
    #[test]
    fn witnesses_raise_these_exceptions_in_cpython() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("witness.py");
        std::fs::write(&file, witness_program()).expect("write");
        let Ok(out) = std::process::Command::new("python3").arg(&file).output() else {
            eprintln!("python3 not found: the allow-list was not checked against CPython");
            return;
        };
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let results = parse_witness_output(&String::from_utf8_lossy(&out.stdout));
        let bad = check_witnesses(&results);
        assert!(bad.is_empty(), "CPython disagrees with the allow-list:\n{}", bad.join("\n"));
    }
}
