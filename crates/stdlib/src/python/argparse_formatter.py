"""argparse, first part: constants, word wrapping and the help formatters.

Run before argparse_parser.py in the same module namespace (see crates/stdlib/src/argparse.rs).
Written for gil-lab from the documented behaviour of CPython 3.11's argparse: the usage line
(wrapped as CPython wraps it), the help sections and the word wrapping give the same text.
"""

import os as _os
import sys as _sys

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'
_UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args'


def _terminal_columns():
    # shutil.get_terminal_size(): $COLUMNS, else the terminal, else 80.
    try:
        columns = int(_os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = _os.get_terminal_size(_sys.__stdout__.fileno()).columns
    except Exception:
        columns = 0
    return columns or 80


def _squash_spaces(text):
    return ' '.join(text.split())


def _is_letter(ch):
    return ch.isalpha()


def _is_word_char(ch):
    return ch.isalnum() or ch == '_'


def _hyphen_breaks_after(word, i):
    # textwrap breaks "rng-seed" after the hyphen: two letters (or letter, hyphen, letter)
    # before it, a letter, maybe a hyphen, and a letter after it.
    n = len(word)
    before = (i >= 2 and _is_letter(word[i - 1])
              and (_is_letter(word[i - 2])
                   or (word[i - 2] == '-' and i >= 3 and _is_letter(word[i - 3]))))
    if not before or i + 2 >= n or not _is_letter(word[i + 1]):
        return False
    return _is_letter(word[i + 2]) or (word[i + 2] == '-' and i + 3 < n
                                        and _is_letter(word[i + 3]))


def _word_chunks(word):
    """The pieces textwrap may put on different lines: split after a hyphen inside a
    hyphenated word, and around an em-dash ("--") between words."""
    chunks = []
    start = 0
    i = 0
    n = len(word)
    while i < n:
        if word[i] != '-':
            i += 1
            continue
        run = i
        while run < n and word[run] == '-':
            run += 1
        if (run - i >= 2 and i > 0 and (_is_word_char(word[i - 1]) or word[i - 1] in '!"\'&.,?')
                and run < n and _is_word_char(word[run])):
            chunks.append(word[start:i])
            chunks.append(word[i:run])
            start = run
            i = run
            continue
        if run - i == 1 and i > start and _hyphen_breaks_after(word, i):
            chunks.append(word[start:i + 1])
            start = i + 1
        i = run
    if start < n:
        chunks.append(word[start:])
    return chunks


def _wrap(text, width, initial_indent='', subsequent_indent=''):
    """Greedy line filling as textwrap.wrap does it on whitespace-normalised text."""
    pending = []
    for n, word in enumerate(text.split()):
        if n:
            pending.append(' ')
        pending.extend(_word_chunks(word))
    pending.reverse()
    lines = []
    while pending:
        indent = subsequent_indent if lines else initial_indent
        room = width - len(indent)
        if lines and pending[-1] == ' ':
            pending.pop()
        line = []
        used = 0
        while pending and used + len(pending[-1]) <= room:
            used += len(pending[-1])
            line.append(pending.pop())
        if pending and len(pending[-1]) > room:
            # A chunk longer than a whole line is cut, at a hyphen if one fits.
            left = room - used if room >= 1 else 1
            chunk = pending[-1]
            cut = left
            hyphen = chunk.rfind('-', 0, left)
            if hyphen > 0 and chunk[:hyphen].strip('-'):
                cut = hyphen + 1
            line.append(chunk[:cut])
            pending[-1] = chunk[cut:]
        if line and line[-1] == ' ':
            line.pop()
        if line:
            lines.append(indent + ''.join(line))
    return lines


def _usage_parts(text):
    """Splits a usage string into the pieces that are never broken across lines: a bracketed
    or parenthesised run ending before a space (or the end), or else a run of non-spaces."""
    parts = []
    i = 0
    n = len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        end = -1
        close = {'[': ']', '(': ')'}.get(text[i])
        if close is not None:
            j = i + 1
            while j < n and text[j] != '\n':
                if text[j] == close and (j + 1 == n or text[j + 1].isspace()):
                    end = j + 1
                    break
                j += 1
        if end < 0:
            end = i
            while end < n and not text[end].isspace():
                end += 1
        parts.append(text[i:end])
        i = end
    return parts


class _Block:
    """A section of the help: an optional heading and items rendered in order."""

    def __init__(self, parent, heading):
        self.parent = parent
        self.heading = heading
        self.items = []


class HelpFormatter(object):
    """Formats the usage, the description, the argument sections and the epilog."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _terminal_columns() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._level = 0
        self._action_max_length = 0
        self._root_section = _Block(None, None)
        self._current_section = self._root_section

    # ----- indentation and sections
    def _indent(self):
        self._current_indent += self._indent_increment
        self._level += 1

    def _dedent(self):
        self._current_indent -= self._indent_increment
        self._level -= 1

    def _add_item(self, func, args):
        self._current_section.items.append((func, args))

    def start_section(self, heading):
        self._indent()
        block = _Block(self._current_section, heading)
        self._add_item(self._format_block, [block])
        self._current_section = block

    def end_section(self):
        self._current_section = self._current_section.parent
        self._dedent()

    def _format_block(self, block):
        if block.parent is not None:
            self._indent()
        body = ''.join([func(*args) for func, args in block.items])
        if block.parent is not None:
            self._dedent()
        if not body:
            return ''
        heading = ''
        if block.heading is not SUPPRESS and block.heading is not None:
            heading = '%*s%s:\n' % (self._current_indent, '', block.heading)
        return '\n' + heading + body + '\n'

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add_item(self._format_text, [text])

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add_item(self._format_usage, [usage, actions, groups, prefix])

    def add_argument(self, action):
        if action.help is not SUPPRESS:
            width = len(self._format_action_invocation(action))
            for sub in self._iter_indented_subactions(action):
                width = max(width, len(self._format_action_invocation(sub)))
            self._action_max_length = max(self._action_max_length,
                                          width + self._current_indent)
            self._add_item(self._format_action, [action])

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = self._format_block(self._root_section)
        if text:
            while '\n\n\n' in text:
                text = text.replace('\n\n\n', '\n\n')
            text = text.strip('\n') + '\n'
        return text

    def _join_parts(self, part_strings):
        return ''.join([p for p in part_strings if p and p is not SUPPRESS])

    # ----- usage
    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = 'usage: '
        if usage is not None:
            usage = usage % dict(prog=self._prog)
        elif not actions:
            usage = '%(prog)s' % dict(prog=self._prog)
        else:
            prog = '%(prog)s' % dict(prog=self._prog)
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            whole = self._format_actions_usage(optionals + positionals, groups)
            usage = ' '.join([s for s in [prog, whole] if s])
            text_width = self._width - self._current_indent
            if len(prefix) + len(usage) > text_width:
                usage = self._wrap_usage(prefix, prog, optionals, positionals, groups,
                                         text_width)
        return '%s%s\n\n' % (prefix, usage)

    def _wrap_usage(self, prefix, prog, optionals, positionals, groups, text_width):
        opt_parts = _usage_parts(self._format_actions_usage(optionals, groups))
        pos_parts = _usage_parts(self._format_actions_usage(positionals, groups))

        def fill(parts, indent, first_prefix=None):
            lines = []
            line = []
            used = len(first_prefix) - 1 if first_prefix is not None else len(indent) - 1
            for part in parts:
                if line and used + 1 + len(part) > text_width:
                    lines.append(indent + ' '.join(line))
                    line = []
                    used = len(indent) - 1
                line.append(part)
                used += len(part) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if first_prefix is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(prog) <= 0.75 * text_width:
            indent = ' ' * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = fill([prog] + opt_parts, indent, prefix)
                lines.extend(fill(pos_parts, indent))
            elif pos_parts:
                lines = fill([prog] + pos_parts, indent, prefix)
            else:
                lines = [prog]
        else:
            indent = ' ' * len(prefix)
            lines = fill(opt_parts + pos_parts, indent)
            if len(lines) > 1:
                lines = fill(opt_parts, indent) + fill(pos_parts, indent)
            lines = [prog] + lines
        return '\n'.join(lines)

    def _format_actions_usage(self, actions, groups):
        # Mutually exclusive groups whose actions sit together are shown as [a | b] or (a | b).
        in_group = {}
        for group in groups:
            members = group._group_actions
            if not members:
                raise ValueError('empty group %r' % (group,))
            if members[0] not in actions:
                continue
            start = actions.index(members[0])
            if actions[start:start + len(members)] == members:
                for a in members:
                    in_group[id(a)] = group
        tokens = []
        i = 0
        while i < len(actions):
            action = actions[i]
            group = in_group.get(id(action))
            if group is None:
                part = self._action_usage(action, False)
                if part is not None:
                    tokens.append(part)
                i += 1
                continue
            members = group._group_actions
            shown = [self._action_usage(a, True) for a in members]
            shown = [p for p in shown if p is not None]
            i += len(members)
            if not shown:
                continue
            if group.required:
                if len(shown) == 1 and '|' not in shown[0]:
                    tokens.append(shown[0])
                else:
                    tokens.append('(%s)' % ' | '.join(shown))
            else:
                tokens.append('[%s]' % ' | '.join(shown))
        return ' '.join([t for t in tokens if t]).strip()

    def _action_usage(self, action, grouped):
        if action.help is SUPPRESS:
            return None
        if not action.option_strings:
            part = self._format_args(action, self._get_default_metavar_for_positional(action))
            if grouped and part[:1] == '[' and part[-1:] == ']':
                part = part[1:-1]
            return part
        if action.nargs == 0:
            part = action.format_usage()
        else:
            args = self._format_args(action, self._get_default_metavar_for_optional(action))
            part = '%s %s' % (action.option_strings[0], args)
        if not action.required and not grouped:
            part = '[%s]' % part
        return part

    # ----- text and actions
    def _format_text(self, text):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        text_width = max(self._width - self._current_indent, 11)
        indent = ' ' * self._current_indent
        return self._fill_text(text, text_width, indent) + '\n\n'

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent_first = 0
        if not action.help:
            header = '%*s%s\n' % (self._current_indent, '', header)
        elif len(header) <= action_width:
            header = '%*s%-*s  ' % (self._current_indent, '', action_width, header)
        else:
            header = '%*s%s\n' % (self._current_indent, '', header)
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append('%*s%s\n' % (indent_first, '', lines[0] if lines else ''))
                for line in lines[1:]:
                    parts.append('%*s%s\n' % (help_position, '', line))
        elif not header.endswith('\n'):
            parts.append('\n')
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return self._join_parts(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            metavar, = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        args = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ', '.join(['%s %s' % (s, args) for s in action.option_strings])

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{%s}' % ','.join([str(c) for c in action.choices])
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return '%s' % get(1)
        if nargs == OPTIONAL:
            return '[%s]' % get(1)
        if nargs == ZERO_OR_MORE:
            names = get(1)
            if len(names) == 2:
                return '[%s [%s ...]]' % names
            return '[%s ...]' % names
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % get(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % get(1)
        if nargs == SUPPRESS:
            return ''
        try:
            formats = ['%s' for _ in range(nargs)]
        except TypeError:
            raise ValueError('invalid nargs value') from None
        return ' '.join(formats) % get(nargs)

    def _expand_help(self, action):
        params = dict(action.__dict__, prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], '__name__'):
                params[name] = params[name].__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join([str(c) for c in params['choices']])
        return self._get_help_string(action) % params

    def _iter_indented_subactions(self, action):
        get = getattr(action, '_get_subactions', None)
        if get is None:
            return []
        return get()

    def _split_lines(self, text, width):
        return _wrap(_squash_spaces(text), width)

    def _fill_text(self, text, width, indent):
        return '\n'.join(_wrap(_squash_spaces(text), width, indent, indent))

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description and epilog as written."""

    def _fill_text(self, text, width, indent):
        return ''.join([indent + line for line in text.splitlines(keepends=True)])


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps every help text as written."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds "(default: ...)" to each argument's help."""

    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ''
        if '%(default)' not in text and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in [OPTIONAL, ZERO_OR_MORE]:
                text += ' (default: %(default)s)'
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names each argument's value after its type."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__
