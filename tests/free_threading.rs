//! Stress tests in the style of CPython's `test_free_threading`: many threads hammer one shared
//! list, dict, global or instance, and invariants are checked at the end. Every program runs
//! on every registered backend whose threads share memory (on `gil` they must pass too; not
//! on `shard`, whose threads are processes with their own copies: `tests/multiprocessing.rs`
//! covers it), with `--check-leaks`, bounded by a timeout so a deadlock fails the test instead
//! of hanging CI.

use std::path::Path;
use std::time::Duration;

mod common;

/// The registered backends whose Python threads share one interpreter's objects.
fn shared_memory_backends() -> Vec<&'static str> {
    gillab::backends().iter().filter(|e| e.threads_share_memory()).map(|e| e.name).collect()
}

fn stress(program: &str, want: &str) {
    stress_file(&format!("tests/stress/{program}"), want);
}

fn stress_file(file: &str, want: &str) {
    let program = file;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for backend in shared_memory_backends() {
        let file = file.to_string();
        let out = common::gillab_within(
            &["run", "--backend", backend, "--check-leaks", &file],
            root,
            Duration::from_secs(90),
        )
        .unwrap_or_else(|| panic!("{backend}: {program} timed out (deadlock?)"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{backend}: {program} failed: {}{}",
            stdout,
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(stdout.trim_end(), want, "{backend}: {program}");
    }
}

#[test]
fn extend_both_ways_never_deadlocks() {
    stress("extend_both_ways.py", "True 1 2");
}

#[test]
fn shared_list_pushes_and_pops_balance() {
    stress("shared_list.py", "True True");
}

#[test]
fn dict_iteration_racing_writes_is_clean() {
    stress("dict_iteration_race.py", "['changed', 'done'] True");
}

#[test]
fn global_replacement_is_seen_whole() {
    stress("global_replace.py", "True v");
}

#[test]
fn shared_instance_attributes() {
    stress("instance_attrs.py", "True True");
}

#[test]
fn slice_assignment_racing_a_shrink_never_panics() {
    stress("slice_race.py", "True []");
}

#[test]
fn dict_values_stay_with_their_keys_while_the_table_compacts() {
    stress("dict_revalidate.py", "True []");
}

/// Readers index, iterate, slice, search and measure lists while writers grow, shrink,
/// replace, slice-assign and sort them: every value seen is whole and was stored, indexing
/// raises only `IndexError`, and the counted adds and removes balance.
#[test]
fn list_readers_see_only_stored_values() {
    stress("list_readers.py", "True True True True True []");
}

/// Readers look keys up and copy a dict while writers resize, delete, update and clear it:
/// every value found belongs to its key, and each writer reads back its own stores.
#[test]
fn dict_readers_see_values_with_their_keys() {
    stress("dict_readers.py", "True True True True 120 []");
}

/// Readers of a shared instance's attributes and methods while writers rebind, delete and
/// add attributes: a never-deleted attribute always resolves, and every value is whole.
#[test]
fn attribute_readers_see_whole_values() {
    stress("attr_readers.py", "True ['a', 'b', 'own0', 'own1'] (('a', 1, 3), ('b', 2, 6)) []");
}

/// Readers of a global and callers of a module-level function while writers rebind the
/// global, redefine the function and grow and shrink the module's table.
#[test]
fn global_readers_see_whole_values() {
    stress("global_readers.py", "True 0 (('g', 1, 5), 3, ('steady', 1, 5)) ('f', 2, 23) []");
}

/// Method calls and class-attribute reads on instances while writers rebind the method and
/// attribute on the class and grow and shrink the class's table.
#[test]
fn class_attribute_readers_see_whole_values() {
    stress("class_readers.py", "True 0 ('m', 3, 39) ('t', 4, 52) []");
}

/// The type-attribute cache never answers with a value older than one the reader knows was
/// stored: a writer rebinds a base class's attribute, method and hooks and publishes the
/// version under a lock; readers check every lookup through a sub-subclass against it.
#[test]
fn class_attribute_cache_is_never_stale() {
    stress("class_cache_fresh.py", "[] (1500, 1500, 1500, (1500, 1)) 1500");
}

/// The global sites never answer with a stale value: a writer rebinds a global, shadows and
/// unshadows a builtin, replaces a builtin in the builtins module and grows and shrinks the
/// module's table under a lock; readers check every cached load against what was published.
#[test]
fn global_sites_are_never_stale() {
    stress("global_site_fresh.py", "[] (1500, 2, 3) (1501, False, False) True");
}

/// Threads of one process share a `multiprocessing.Queue`, a `Pipe` and a locked `Value`
/// (shared memory, the futex lock and the channels' rings): nothing lost or duplicated.
#[test]
fn threads_share_multiprocessing_channels() {
    stress("shared_channel.py", "True True True True");
}

/// A list of dicts and a dict of lists, mutated and read at both levels.
#[test]
fn nested_containers_readers_see_whole_values() {
    stress("nested_readers.py", "True True True True True []");
}

/// A key-less sort of a list of tuples is one step in CPython (no bytecode runs): a racing
/// append is never lost and sort never raises. Lists of plain values (numbers, strs, bytes,
/// `None` and tuples of them) are sorted in one critical section (`builtins::sort`,
/// `sort_plain`).
#[test]
fn sorting_tuples_never_loses_a_racing_append() {
    stress("sort_tuples_race.py", "True True 0 [] []");
}

/// `list(d.items())`, `list(d.values())`, `tuple(d.keys())`, `sorted(d.items())` copy without
/// bytecode in CPython; here `ops::seq::to_vec` copies a view in one read of its dict, as it
/// does `list(d)`: never "changed size".
#[test]
fn copying_a_dict_view_never_sees_a_size_change() {
    stress("dict_view_snapshot.py", "[] []");
}

/// One generator pulled by four threads at once: a thread that finds it running gets
/// `ValueError: generator already executing` (the generator's state lock), every value is
/// taken exactly once, and `yield from` chains behave the same; generators handed between
/// threads keep their frames.
#[test]
fn a_shared_generator_runs_on_one_thread_at_a_time() {
    stress("shared_generators.py", "True True [] 200 True");
}

/// Four threads each run an asyncio event loop at once (queues, sleeps, `to_thread`), and a
/// coroutine made on the main thread is run to completion on another: each loop keeps its
/// own tasks, and every total comes out right.
#[test]
fn event_loops_on_several_threads_at_once() {
    stress(
        "threaded_event_loops.py",
        "[(19900, 39800, 190, 0), (19900, 39800, 190, 1), (19900, 39800, 190, 2), (19900, 39800, 190, 3)] [42]",
    );
}

/// itertools objects shared by four threads (`count` over small and big ints, `islice`,
/// `chain`, `chain.from_iterable`, `product`, `cycle`): no crash, and between them the
/// threads get every item exactly once.
#[test]
fn shared_itertools_hand_out_every_item_once() {
    stress("shared_itertools.py", "True True True True True True True");
}

/// Subclasses of built-in types and classes made by a metaclass, shared between threads: no
/// crash, no lost item, no leak.
#[test]
fn shared_subclass_instances_lose_nothing() {
    stress("shared_subclasses.py", "True True\nTrue True\nTrue Count\nTrue");
}

/// The races the concurrency fuzzer found (`crates/threadfuzz/repro/`, `docs/testing.md`),
/// each cut down to a program that showed it in a few runs.
#[test]
fn races_found_by_the_fuzzer_stay_fixed() {
    for (program, want) in [
        ("slice_shrink.py", "done True"),
        ("sort_nokey.py", "True 0 []"),
        ("dict_copy.py", "[]"),
        ("dict_get.py", "0 []"),
        ("dict_remove.py", "True True"),
        ("set_remove.py", "True True"),
    ] {
        stress_file(&format!("crates/threadfuzz/repro/{program}"), want);
    }
}

#[test]
fn unlocked_increment_loses_updates_without_a_gil() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for backend in shared_memory_backends().into_iter().filter(|n| *n != "gil") {
        let mut lost = false;
        for _ in 0..5 {
            let out = common::gillab(
                &["run", "--backend", backend, "examples/counter_unlocked.py", "4", "50000"],
                root,
            );
            let text = String::from_utf8_lossy(&out.stdout);
            let n: u64 = text.split_whitespace().next().and_then(|w| w.parse().ok()).unwrap_or(0);
            if n < 200_000 {
                lost = true;
                break;
            }
        }
        assert!(lost, "{backend}: no update lost in 5 tries of 4 x 50000 unlocked increments");
    }
}

/// `--stats` reports each backend's own counters; under `biased`, objects the main thread made
/// and another thread dropped are queued to the main thread and every one is merged by the
/// end of the run.
#[test]
fn stats_count_what_each_backend_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for backend in shared_memory_backends() {
        let out = common::gillab(
            &["run", "--backend", backend, "--stats", "--check-leaks", "tests/stress/handoff.py"],
            root,
        );
        assert!(out.status.success(), "{backend}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0", "{backend}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stats: serde_json::Value =
            serde_json::from_str(stderr.lines().last().expect("a stats line")).expect("json");
        let count = |key: &str| {
            stats[key].as_u64().unwrap_or_else(|| panic!("{backend}: no {key} in {stats}"))
        };
        assert!(count("refcount_ops") > 1000, "{backend}: {stats}");
        match backend {
            "gil" => assert!(count("gil_switches") >= 1),
            "objlock" => assert!(count("lock_acquisitions") > count("contended_acquisitions")),
            "atomic" => {
                let _ = (count("cas_retries"), count("try_incref_failures"));
                assert!(count("deferred_frees") >= 1000, "{stats}");
            }
            "biased" => {
                assert!(count("queued") >= 1000, "{stats}");
                assert_eq!(count("merges"), count("queued"), "{stats}");
            }
            _ => {}
        }
    }
}

/// A deque shared by producers and consumers at both ends, a bounded deque, a deque iterator,
/// an `lru_cache`'d function and a `defaultdict` filled at once: nothing lost or duplicated,
/// the cache's statistics exact.
#[test]
fn shared_collections_and_caches_lose_nothing() {
    stress("shared_pylib.py", "True\nTrue\nTrue\nTrue\nTrue");
}
