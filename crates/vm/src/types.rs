//! The built-in classes: `object`, `int`, `list`, ..., and the exception hierarchy.
//!
//! Each is a `Payload::Type` created once per VM. Methods of built-in types are Rust functions
//! stored in the class dict (see `builtins/`), so attribute lookup is the same dict walk for
//! built-in and user classes.

use crate::backend::Backend;
use crate::object::dict::Dict;
use crate::object::{Layout, Payload, PyRef, TypeObj};

macro_rules! builtin_types {
    ($($field:ident => $name:literal),* $(,)?) => {
        /// The built-in (non-exception) classes.
        pub struct Types<B: Backend> {
            $(
                #[doc = concat!("`", $name, "`")]
                pub $field: PyRef<B>,
            )*
        }

        impl<B: Backend> Types<B> {
            pub(crate) fn new(object: &PyRef<B>) -> Types<B> {
                let mut types =
                    Types { $($field: new_type($name, Some(object.clone()), Layout::Builtin),)* };
                // `bool` derives from `int` (`bool.__mro__` is `(bool, int, object)`).
                types.bool_ = new_type("bool", Some(types.int.clone()), Layout::Builtin);
                types
            }

            /// Every built-in class with its name.
            pub fn all(&self) -> Vec<(&'static str, &PyRef<B>)> {
                vec![$(($name, &self.$field)),*]
            }
        }
    };
}

builtin_types! {
    type_ => "type",
    none => "NoneType",
    not_implemented => "NotImplementedType",
    ellipsis => "ellipsis",
    bool_ => "bool",
    int => "int",
    float => "float",
    str_ => "str",
    bytes => "bytes",
    tuple => "tuple",
    list => "list",
    dict => "dict",
    set => "set",
    frozenset => "frozenset",
    range => "range",
    slice => "slice",
    code => "code",
    function => "function",
    builtin_function => "builtin_function_or_method",
    method => "method",
    cell => "cell",
    module => "module",
    iterator => "iterator",
    list_iterator => "list_iterator",
    list_reverseiterator => "list_reverseiterator",
    tuple_iterator => "tuple_iterator",
    range_iterator => "range_iterator",
    str_iterator => "str_iterator",
    str_ascii_iterator => "str_ascii_iterator",
    bytes_iterator => "bytes_iterator",
    dict_keyiterator => "dict_keyiterator",
    dict_valueiterator => "dict_valueiterator",
    dict_itemiterator => "dict_itemiterator",
    dict_reversekeyiterator => "dict_reversekeyiterator",
    dict_reversevalueiterator => "dict_reversevalueiterator",
    dict_reverseitemiterator => "dict_reverseitemiterator",
    set_iterator => "set_iterator",
    callable_iterator => "callable_iterator",
    reversed => "reversed",
    enumerate => "enumerate",
    zip => "zip",
    map => "map",
    filter => "filter",
    staticmethod => "staticmethod",
    classmethod => "classmethod",
    property => "property",
    super_ => "super",
    traceback => "traceback",
    generator => "generator",
    coroutine => "coroutine",
    coroutine_wrapper => "coroutine_wrapper",
    async_generator => "async_generator",
    async_generator_asend => "async_generator_asend",
    async_generator_athrow => "async_generator_athrow",
    async_generator_wrapped_value => "async_generator_wrapped_value",
}

macro_rules! exception_types {
    ($root:ident; $($field:ident => $name:literal : $base:ident),* $(,)?) => {
        /// The built-in exception classes.
        pub struct ExcTypes<B: Backend> {
            /// `BaseException`
            pub $root: PyRef<B>,
            $(
                #[doc = concat!("`", $name, "`")]
                pub $field: PyRef<B>,
            )*
        }

        impl<B: Backend> ExcTypes<B> {
            pub(crate) fn new(object: &PyRef<B>) -> ExcTypes<B> {
                let $root = new_type("BaseException", Some(object.clone()), Layout::Exception);
                $(let $field = new_type($name, Some($base.clone()), Layout::Exception);)*
                ExcTypes { $root, $($field),* }
            }

            /// Every exception class with its name.
            pub fn all(&self) -> Vec<(&'static str, &PyRef<B>)> {
                vec![("BaseException", &self.$root), $(($name, &self.$field)),*]
            }
        }
    };
}

exception_types! {
    base_exception;
    exception => "Exception": base_exception,
    system_exit => "SystemExit": base_exception,
    keyboard_interrupt => "KeyboardInterrupt": base_exception,
    stop_iteration => "StopIteration": exception,
    stop_async_iteration => "StopAsyncIteration": exception,
    generator_exit => "GeneratorExit": base_exception,
    arithmetic_error => "ArithmeticError": exception,
    zero_division_error => "ZeroDivisionError": arithmetic_error,
    overflow_error => "OverflowError": arithmetic_error,
    assertion_error => "AssertionError": exception,
    attribute_error => "AttributeError": exception,
    lookup_error => "LookupError": exception,
    index_error => "IndexError": lookup_error,
    key_error => "KeyError": lookup_error,
    name_error => "NameError": exception,
    unbound_local_error => "UnboundLocalError": name_error,
    runtime_error => "RuntimeError": exception,
    recursion_error => "RecursionError": runtime_error,
    not_implemented_error => "NotImplementedError": runtime_error,
    type_error => "TypeError": exception,
    value_error => "ValueError": exception,
    unicode_error => "UnicodeError": value_error,
    unicode_decode_error => "UnicodeDecodeError": unicode_error,
    unicode_encode_error => "UnicodeEncodeError": unicode_error,
    import_error => "ImportError": exception,
    module_not_found_error => "ModuleNotFoundError": import_error,
    os_error => "OSError": exception,
    file_not_found_error => "FileNotFoundError": os_error,
    file_exists_error => "FileExistsError": os_error,
    permission_error => "PermissionError": os_error,
    is_a_directory_error => "IsADirectoryError": os_error,
    connection_error => "ConnectionError": os_error,
    connection_refused_error => "ConnectionRefusedError": connection_error,
    connection_reset_error => "ConnectionResetError": connection_error,
    broken_pipe_error => "BrokenPipeError": connection_error,
    timeout_error => "TimeoutError": os_error,
    syntax_error => "SyntaxError": exception,
    indentation_error => "IndentationError": syntax_error,
    tab_error => "TabError": indentation_error,
    eof_error => "EOFError": exception,
    memory_error => "MemoryError": exception,
}

/// Creates a class object.
pub fn new_type<B: Backend>(name: &str, base: Option<PyRef<B>>, layout: Layout) -> PyRef<B> {
    single_base(name, "builtins", base, layout)
}

/// Creates a class of a built-in module (`threading.Thread`, `queue.Queue`, ...).
pub fn new_class<B: Backend>(name: &str, module: &str, base: PyRef<B>, layout: Layout) -> PyRef<B> {
    single_base(name, module, Some(base), layout)
}

/// A class with at most one base: its MRO is the base followed by the base's MRO.
fn single_base<B: Backend>(
    name: &str,
    module: &str,
    base: Option<PyRef<B>>,
    layout: Layout,
) -> PyRef<B> {
    let bases: Box<[PyRef<B>]> = base.iter().cloned().collect();
    let mut mro: Vec<PyRef<B>> = bases.to_vec();
    if let Some(Payload::Type(t)) = base.as_ref().map(|b| &b.payload) {
        mro.extend(t.mro.iter().cloned());
    }
    // A native class derived from a Python-subclassable one keeps its value type.
    let value_type = match base.as_ref().map(|b| &b.payload) {
        Some(Payload::Type(t)) => t.value_type.clone(),
        _ => None,
    };
    PyRef::new(Payload::Type(Box::new(TypeObj {
        name: name.to_string(),
        qualname: name.to_string(),
        base,
        bases,
        mro: mro.into(),
        metaclass: None,
        value_type,
        slots: None,
        dict: B::cell_new(Dict::new()),
        layout,
        module: module.to_string(),
        tag: crate::object::typever::new_tag(),
    })))
}
