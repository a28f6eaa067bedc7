//! `_gillab_pprint.safe_repr(printer, obj, context, maxlevels, level)`: the walk of
//! `pprint.PrettyPrinter._safe_repr` in Rust, which pprint uses when neither `format` nor
//! `_safe_repr` is overridden (`python/pprint.py` decides). It returns what the Python walk
//! returns, `(repr, readable, recursive)`, character for character: the built-in scalars'
//! reprs, ints with underscores when the printer asks, dicts (sorted by the printer's own
//! `_sorted_items` when `sort_dicts`), lists and tuples walked with the depth limit and the
//! `<Recursion on TYPE with id=N>` marker, and `repr()` for everything else. Instances of
//! subclasses of built-in types go back to the Python walk (`printer._safe_repr_walk`),
//! which sees the same `context` dict: the ids of the containers being walked are kept in
//! it as the Python code keeps them.

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{self, attr, call, dicts, repr};

/// What one walk needs from the printer.
struct Walk<'a, B: Backend> {
    printer: &'a PyRef<B>,
    context: &'a PyRef<B>,
    /// `None` for no limit (CPython tests `maxlevels` for truth).
    maxlevels: Option<i64>,
    /// `printer._sorted_items` when `sort_dicts`, else `None`.
    sort_items: Option<PyRef<B>>,
    underscore_numbers: bool,
}

/// `(repr, readable, recursive)`.
type Shown = (String, bool, bool);

/// Fills the `_gillab_pprint` module.
pub fn fill<B: Backend>(ctx: &Ctx<'_, B>, module: &PyRef<B>) {
    if let Payload::Module(m) = &module.payload {
        add(ctx.vm, &m.dict, "safe_repr", safe_repr);
    }
}

fn safe_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "safe_repr", 5, 5, &[])?;
    let [printer, obj, context, maxlevels, level] = args.args else {
        return Err(ctx.type_error("safe_repr expected 5 arguments"));
    };
    if !matches!(context.payload, Payload::Dict(_)) {
        return Err(ctx.type_error("safe_repr: context must be a dict"));
    }
    let maxlevels = match &maxlevels.payload {
        Payload::Int(0) | Payload::None | Payload::Bool(false) => None,
        Payload::Int(n) => Some(*n),
        _ => Some(ops::seq::index_value(ctx, maxlevels)?),
    };
    let level = ops::seq::index_value(ctx, level)?;
    let sort_dicts = attr::getattr_str(ctx, printer, "_sort_dicts")?;
    let sort_items = if ops::is_true(ctx, &sort_dicts)? {
        let module = gillab_vm::eval::imports::import_module(ctx, "pprint")?;
        Some(attr::getattr_str(ctx, &module, "_sorted_items")?)
    } else {
        None
    };
    let underscore = attr::getattr_str(ctx, printer, "_underscore_numbers")?;
    let underscore_numbers = ops::is_true(ctx, &underscore)?;
    let walk = Walk { printer, context, maxlevels, sort_items, underscore_numbers };
    let (text, readable, recursive) = walk.show(ctx, obj, level)?;
    let vm = ctx.vm;
    Ok(vm.tuple(vec![vm.str(text), vm.bool(readable), vm.bool(recursive)]))
}

impl<B: Backend> Walk<'_, B> {
    fn show(&self, ctx: &mut Ctx<'_, B>, obj: &PyRef<B>, level: i64) -> PyResult<B, Shown> {
        ctx.enter_recursive(" while getting the repr of an object")?;
        let r = self.show_inner(ctx, obj, level);
        ctx.leave_recursive();
        r
    }

    fn show_inner(&self, ctx: &mut Ctx<'_, B>, obj: &PyRef<B>, level: i64) -> PyResult<B, Shown> {
        match &obj.payload {
            Payload::Str(_) | Payload::Bytes(_) | Payload::Float(_) | Payload::Bool(_) => {
                Ok((repr::repr(ctx, obj)?, true, false))
            }
            Payload::None => Ok(("None".to_string(), true, false)),
            Payload::Int(_) | Payload::BigInt(_) if self.underscore_numbers => {
                let format = dicts::get_text(&ctx.vm.core.builtins, "format")
                    .ok_or_else(|| ctx.runtime_error("builtins.format is missing"))?;
                let spec = ctx.vm.str("_d");
                let r = call::call(ctx, &format, &[obj.clone(), spec], &[])?;
                Ok((ops::as_str(&r).unwrap_or_default().to_string(), true, false))
            }
            Payload::Int(_) | Payload::BigInt(_) => Ok((repr::repr(ctx, obj)?, true, false)),
            Payload::Dict(_) => {
                if dicts::len_of(obj) == 0 {
                    return Ok(("{}".to_string(), true, false));
                }
                self.container(ctx, obj, level, "{", "}", true)
            }
            Payload::List(l) => {
                if obj.read(l, |v| v.is_empty()) {
                    return Ok(("[]".to_string(), true, false));
                }
                self.container(ctx, obj, level, "[", "]", false)
            }
            Payload::Tuple(t) => match t.len() {
                0 => Ok(("()".to_string(), true, false)),
                1 => self.container(ctx, obj, level, "(", ",)", false),
                _ => self.container(ctx, obj, level, "(", ")", false),
            },
            Payload::Instance(i) if i.value.is_some() => {
                // A subclass of a built-in type: the Python walk decides by its `__repr__`.
                let walk = attr::getattr_str(ctx, self.printer, "_safe_repr_walk")?;
                let maxlevels = match self.maxlevels {
                    Some(n) => ctx.vm.int(n),
                    None => ctx.vm.core.none.clone(),
                };
                let args = [obj.clone(), self.context.clone(), maxlevels, ctx.vm.int(level)];
                let r = call::call(ctx, &walk, &args, &[])?;
                let items = ops::seq::to_vec(ctx, &r)?;
                let [text, readable, recursive] = items.as_slice() else {
                    return Err(ctx.type_error("_safe_repr_walk must return a 3-tuple"));
                };
                let text = ops::as_str(text).unwrap_or_default().to_string();
                let readable = ops::is_true(ctx, readable)?;
                let recursive = ops::is_true(ctx, recursive)?;
                Ok((text, readable, recursive))
            }
            _ => {
                let text = repr::repr(ctx, obj)?;
                let readable = !text.is_empty() && !text.starts_with('<');
                Ok((text, readable, false))
            }
        }
    }

    /// A dict, list or tuple: `open` + items + `close`, or `...` inside them at the depth
    /// limit, or the recursion marker for one already being walked.
    fn container(
        &self,
        ctx: &mut Ctx<'_, B>,
        obj: &PyRef<B>,
        level: i64,
        open: &str,
        close: &str,
        mapping: bool,
    ) -> PyResult<B, Shown> {
        let id = ctx.vm.int(obj.addr() as i64);
        let hash = ops::compare::hash(ctx, &id)?;
        let seen = dicts::has_key(ctx, self.context, &id, hash)?;
        if let Some(max) = self.maxlevels
            && level >= max
        {
            return Ok((format!("{open}...{close}"), false, seen));
        }
        if seen {
            let name = ops::type_name(ctx.vm, obj);
            return Ok((format!("<Recursion on {name} with id={}>", obj.addr()), false, true));
        }
        dicts::set(ctx, self.context, id.clone(), Some(ctx.vm.int(1)))?;
        let r = self.items(ctx, obj, level + 1, mapping);
        dicts::remove(ctx, self.context, &id)?;
        let (parts, readable, recursive) = r?;
        Ok((format!("{open}{}{close}", parts.join(", ")), readable, recursive))
    }

    fn items(
        &self,
        ctx: &mut Ctx<'_, B>,
        obj: &PyRef<B>,
        level: i64,
        mapping: bool,
    ) -> PyResult<B, (Vec<String>, bool, bool)> {
        let mut parts = Vec::new();
        let (mut readable, mut recursive) = (true, false);
        if mapping {
            let pairs: Vec<(PyRef<B>, PyRef<B>)> = match &self.sort_items {
                Some(sort) => {
                    let sorted = call::call(ctx, sort, std::slice::from_ref(obj), &[])?;
                    let mut pairs = Vec::new();
                    for pair in ops::seq::to_vec(ctx, &sorted)? {
                        match &pair.payload {
                            Payload::Tuple(t) if t.len() == 2 => {
                                pairs.push((t[0].clone(), t[1].clone()));
                            }
                            _ => return Err(ctx.type_error("_sorted_items must give pairs")),
                        }
                    }
                    pairs
                }
                None => match &obj.payload {
                    Payload::Dict(d) => obj.read(d, |d| {
                        d.iter().filter_map(|e| Some((e.key.clone(), e.value.clone()?))).collect()
                    }),
                    _ => Vec::new(),
                },
            };
            for (k, v) in pairs {
                let (kr, kread, krec) = self.show(ctx, &k, level)?;
                let (vr, vread, vrec) = self.show(ctx, &v, level)?;
                parts.push(format!("{kr}: {vr}"));
                readable = readable && kread && vread;
                recursive = recursive || krec || vrec;
            }
        } else {
            let items: Vec<PyRef<B>> = match &obj.payload {
                Payload::List(l) => obj.read(l, |v| v.clone()),
                Payload::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            };
            for o in &items {
                let (r, oread, orec) = self.show(ctx, o, level)?;
                parts.push(r);
                readable = readable && oread;
                recursive = recursive || orec;
            }
        }
        Ok((parts, readable, recursive))
    }
}
