//! The key table: one list that dispatches keys and generates the help overlay, the hint line
//! and the popups' key legends, so they cannot drift apart. [`DEFAULTS`] is the built-in table;
//! a [`Keymap`] is the table in force, with the user's rebindings from the config file.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key can do. Internal state changes live in `update`; this is the user's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    OpenFilter,
    FocusNext,
    FocusPrev,
    NextMention,
    PrevMention,
    NextInDoc,
    PrevInDoc,
    MentionList,
    RemoveLastFilter,
    ClearFilters,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Select,
    Close,
    Accept,
    Reject,
    Relabel,
    Undo,
    Redo,
    NextUnreviewed,
    PrevUnreviewed,
    RelabelPerson,
    RelabelRegion,
    RelabelOrg,
    SortByReview,
    NextDisagreement,
    PrevDisagreement,
    ErrorsList,
    CycleKind,
    CycleLabel,
    AdjustSpan,
    AddMention,
    StartLeft,
    StartRight,
    StartWordLeft,
    StartWordRight,
    EndLeft,
    EndRight,
    EndWordLeft,
    EndWordRight,
    BulkAccept,
    BulkReject,
    BulkRelabel,
    ScopeStringHere,
    ScopeStringEverywhere,
    ScopeEntityHere,
    ScopeEntityEverywhere,
    Confirm,
    // Prompt only.
    ScopeNext,
    ScopePrev,
    DeleteChar,
}

/// Where a binding applies. Popups take keys before panes, panes before global keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    List,
    Reader,
    Entities,
    Prompt,
    Mentions,
    RelabelPrompt,
    BulkPrompt,
    ConfirmPrompt,
    SpanPrompt,
    ErrorsOverlay,
    HelpOverlay,
}

impl Context {
    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::List => "Document list",
            Context::Reader => "Reader",
            Context::Entities => "Entity pane",
            Context::Prompt => "Filter prompt (/)",
            Context::Mentions => "Mention list (m)",
            Context::RelabelPrompt => "Relabel (R)",
            Context::BulkPrompt => "Bulk decision (A, X): which mentions",
            Context::ConfirmPrompt => "Confirming a bulk decision",
            Context::SpanPrompt => "Boundaries (b) and new mentions (+)",
            Context::ErrorsOverlay => "Disagreements with the gold (e)",
            Context::HelpOverlay => "This help",
        }
    }
}

/// One entry of the built-in key table.
pub struct Builtin {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

/// A key with its required modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

use Action::*;
use Context::*;

const MOTION_DOWN: &[Key] = &[k('j'), code(KeyCode::Down)];
const MOTION_UP: &[Key] = &[k('k'), code(KeyCode::Up)];
const PAGE_DOWN: &[Key] = &[code(KeyCode::PageDown), ctrl('d'), ctrl('f'), k(' ')];
const PAGE_UP: &[Key] = &[code(KeyCode::PageUp), ctrl('u'), ctrl('b')];
const TOP: &[Key] = &[k('g'), code(KeyCode::Home)];
const BOTTOM: &[Key] = &[k('G'), code(KeyCode::End)];

/// The built-in key table.
#[rustfmt::skip]
pub const DEFAULTS: &[Builtin] = &[
    Builtin { context: Prompt, keys: &[code(KeyCode::Esc)], action: Close, help: "close the prompt" },
    Builtin { context: Prompt, keys: &[code(KeyCode::Enter)], action: Select, help: "filter by the highlighted entity (filters combine with AND)" },
    Builtin { context: Prompt, keys: &[code(KeyCode::Tab)], action: ScopeNext, help: "scope: Person → Region → Organization → Any" },
    Builtin { context: Prompt, keys: &[code(KeyCode::BackTab)], action: ScopePrev, help: "scope backwards" },
    Builtin { context: Prompt, keys: &[code(KeyCode::Down), ctrl('n'), ctrl('j')], action: Down, help: "next candidate" },
    Builtin { context: Prompt, keys: &[code(KeyCode::Up), ctrl('p'), ctrl('k')], action: Up, help: "previous candidate" },
    Builtin { context: Prompt, keys: &[code(KeyCode::Backspace)], action: DeleteChar, help: "delete a character; on an empty prompt, remove the last filter" },
    Builtin { context: Mentions, keys: &[code(KeyCode::Esc), k('q'), k('m')], action: Close, help: "close the list" },
    Builtin { context: Mentions, keys: &[code(KeyCode::Enter)], action: Select, help: "jump to the mention" },
    Builtin { context: Mentions, keys: MOTION_DOWN, action: Down, help: "next mention" },
    Builtin { context: Mentions, keys: MOTION_UP, action: Up, help: "previous mention" },
    Builtin { context: Mentions, keys: PAGE_DOWN, action: PageDown, help: "page down" },
    Builtin { context: Mentions, keys: PAGE_UP, action: PageUp, help: "page up" },
    Builtin { context: Mentions, keys: TOP, action: Top, help: "first mention" },
    Builtin { context: Mentions, keys: BOTTOM, action: Bottom, help: "last mention" },
    Builtin { context: HelpOverlay, keys: &[code(KeyCode::Esc), k('q'), k('?')], action: Close, help: "close the help" },
    Builtin { context: HelpOverlay, keys: MOTION_DOWN, action: Down, help: "scroll down" },
    Builtin { context: HelpOverlay, keys: MOTION_UP, action: Up, help: "scroll up" },
    Builtin { context: List, keys: MOTION_DOWN, action: Down, help: "next document" },
    Builtin { context: List, keys: MOTION_UP, action: Up, help: "previous document" },
    Builtin { context: List, keys: PAGE_DOWN, action: PageDown, help: "page down" },
    Builtin { context: List, keys: PAGE_UP, action: PageUp, help: "page up" },
    Builtin { context: List, keys: TOP, action: Top, help: "first document" },
    Builtin { context: List, keys: BOTTOM, action: Bottom, help: "last document" },
    Builtin { context: List, keys: &[code(KeyCode::Enter), k('l'), code(KeyCode::Right)], action: Select, help: "read the document" },
    Builtin { context: List, keys: &[k('s')], action: SortByReview, help: "order by mentions left to review (again: corpus order)" },
    Builtin { context: Reader, keys: MOTION_DOWN, action: Down, help: "scroll down a line" },
    Builtin { context: Reader, keys: MOTION_UP, action: Up, help: "scroll up a line" },
    Builtin { context: Reader, keys: PAGE_DOWN, action: PageDown, help: "page down" },
    Builtin { context: Reader, keys: PAGE_UP, action: PageUp, help: "page up" },
    Builtin { context: Reader, keys: TOP, action: Top, help: "start of the document" },
    Builtin { context: Reader, keys: BOTTOM, action: Bottom, help: "end of the document" },
    Builtin { context: Entities, keys: MOTION_DOWN, action: Down, help: "next entity" },
    Builtin { context: Entities, keys: MOTION_UP, action: Up, help: "previous entity" },
    Builtin { context: Entities, keys: PAGE_DOWN, action: PageDown, help: "page down" },
    Builtin { context: Entities, keys: PAGE_UP, action: PageUp, help: "page up" },
    Builtin { context: Entities, keys: TOP, action: Top, help: "first entity" },
    Builtin { context: Entities, keys: BOTTOM, action: Bottom, help: "last entity" },
    Builtin { context: Entities, keys: &[code(KeyCode::Enter)], action: Select, help: "make it current and show its first mention here" },
    Builtin { context: Global, keys: &[k('/')], action: OpenFilter, help: "filter documents by an entity (fuzzy)" },
    Builtin { context: Global, keys: &[k('n')], action: NextMention, help: "next mention of the current entity (on into the next document)" },
    Builtin { context: Global, keys: &[k('N')], action: PrevMention, help: "previous mention of the current entity" },
    Builtin { context: Global, keys: &[k(']')], action: NextInDoc, help: "next mention of any entity in this document" },
    Builtin { context: Global, keys: &[k('[')], action: PrevInDoc, help: "previous mention of any entity in this document" },
    Builtin { context: Global, keys: &[k('m')], action: MentionList, help: "every mention of the current entity, in context" },
    Builtin { context: Global, keys: &[code(KeyCode::Backspace)], action: RemoveLastFilter, help: "remove the last filter" },
    Builtin { context: Global, keys: &[k('c')], action: ClearFilters, help: "clear all filters" },
    Builtin { context: Global, keys: &[code(KeyCode::Tab), k('L')], action: FocusNext, help: "focus the next pane" },
    Builtin { context: Global, keys: &[code(KeyCode::BackTab), k('H')], action: FocusPrev, help: "focus the previous pane" },
    Builtin { context: Global, keys: &[code(KeyCode::Esc)], action: Close, help: "forget the current entity" },
    Builtin { context: Global, keys: &[k('a')], action: Accept, help: "accept the current mention (then on to the next unreviewed)" },
    Builtin { context: Global, keys: &[k('x'), k('d')], action: Reject, help: "reject (delete: it leaves the export), then on to the next unreviewed" },
    Builtin { context: Global, keys: &[k('R')], action: Relabel, help: "relabel the current mention" },
    Builtin { context: Global, keys: &[k(')')], action: NextDisagreement, help: "next disagreement with the gold (--gold)" },
    Builtin { context: Global, keys: &[k('(')], action: PrevDisagreement, help: "previous disagreement with the gold" },
    Builtin { context: Global, keys: &[k('e')], action: ErrorsList, help: "list the disagreements with the gold" },
    Builtin { context: ErrorsOverlay, keys: MOTION_DOWN, action: Down, help: "next disagreement" },
    Builtin { context: ErrorsOverlay, keys: MOTION_UP, action: Up, help: "previous disagreement" },
    Builtin { context: ErrorsOverlay, keys: &[k('t')], action: CycleKind, help: "only one kind: missed, spurious, wrong label, wrong boundary, all" },
    Builtin { context: ErrorsOverlay, keys: &[k('l')], action: CycleLabel, help: "only one label, then all" },
    Builtin { context: ErrorsOverlay, keys: &[code(KeyCode::Enter)], action: Select, help: "show it in the reader" },
    Builtin { context: ErrorsOverlay, keys: &[code(KeyCode::Esc), k('q'), k('e')], action: Close, help: "close the list" },
    Builtin { context: Global, keys: &[k('b')], action: AdjustSpan, help: "move the current mention's boundaries" },
    Builtin { context: Global, keys: &[k('+')], action: AddMention, help: "mark a mention the extraction missed" },
    Builtin { context: SpanPrompt, keys: &[k('[')], action: StartLeft, help: "start one character left" },
    Builtin { context: SpanPrompt, keys: &[k(']')], action: StartRight, help: "start one character right" },
    Builtin { context: SpanPrompt, keys: &[k('{')], action: StartWordLeft, help: "start one word left" },
    Builtin { context: SpanPrompt, keys: &[k('}')], action: StartWordRight, help: "start one word right" },
    Builtin { context: SpanPrompt, keys: &[k(',')], action: EndLeft, help: "end one character left" },
    Builtin { context: SpanPrompt, keys: &[k('.')], action: EndRight, help: "end one character right" },
    Builtin { context: SpanPrompt, keys: &[k('<')], action: EndWordLeft, help: "end one word left" },
    Builtin { context: SpanPrompt, keys: &[k('>')], action: EndWordRight, help: "end one word right" },
    Builtin { context: SpanPrompt, keys: &[code(KeyCode::Enter)], action: Select, help: "save the boundaries" },
    Builtin { context: SpanPrompt, keys: &[k('p')], action: RelabelPerson, help: "save the new mention as PERSON" },
    Builtin { context: SpanPrompt, keys: &[k('r')], action: RelabelRegion, help: "save the new mention as REGION" },
    Builtin { context: SpanPrompt, keys: &[k('o')], action: RelabelOrg, help: "save the new mention as ORG" },
    Builtin { context: SpanPrompt, keys: &[code(KeyCode::Esc)], action: Close, help: "leave it as it was" },
    Builtin { context: Global, keys: &[k('A')], action: BulkAccept, help: "accept many: this string or this entity, here or everywhere" },
    Builtin { context: Global, keys: &[k('X')], action: BulkReject, help: "reject many: this string or this entity, here or everywhere" },
    Builtin { context: BulkPrompt, keys: &[k('s')], action: ScopeStringHere, help: "every mention of this exact string in this document" },
    Builtin { context: BulkPrompt, keys: &[k('S')], action: ScopeStringEverywhere, help: "every mention of this exact string in the corpus" },
    Builtin { context: BulkPrompt, keys: &[k('e')], action: ScopeEntityHere, help: "every mention of this entity in this document" },
    Builtin { context: BulkPrompt, keys: &[k('E')], action: ScopeEntityEverywhere, help: "every mention of this entity in the corpus" },
    Builtin { context: BulkPrompt, keys: &[code(KeyCode::Esc), k('q')], action: Close, help: "cancel" },
    Builtin { context: ConfirmPrompt, keys: &[k('y'), code(KeyCode::Enter)], action: Confirm, help: "apply the bulk decision" },
    Builtin { context: ConfirmPrompt, keys: &[k('n'), code(KeyCode::Esc)], action: Close, help: "cancel the bulk decision" },
    Builtin { context: Global, keys: &[k('B')], action: BulkRelabel, help: "relabel many: the label, then this string or this entity, here or everywhere" },
    Builtin { context: Global, keys: &[k('u')], action: Undo, help: "undo the last decision" },
    Builtin { context: Global, keys: &[k('U'), ctrl('r')], action: Redo, help: "redo" },
    Builtin { context: Global, keys: &[k('}')], action: NextUnreviewed, help: "next unreviewed mention, across documents" },
    Builtin { context: Global, keys: &[k('{')], action: PrevUnreviewed, help: "previous unreviewed mention" },
    Builtin { context: RelabelPrompt, keys: &[k('p')], action: RelabelPerson, help: "relabel as PERSON" },
    Builtin { context: RelabelPrompt, keys: &[k('r')], action: RelabelRegion, help: "relabel as REGION" },
    Builtin { context: RelabelPrompt, keys: &[k('o')], action: RelabelOrg, help: "relabel as ORG" },
    Builtin { context: RelabelPrompt, keys: &[code(KeyCode::Esc), k('q')], action: Close, help: "keep the label" },
    Builtin { context: Global, keys: &[k('?')], action: Help, help: "this help" },
    Builtin { context: Global, keys: &[k('q'), ctrl('c')], action: Quit, help: "quit" },
];

/// Every context, in the order the help lists them.
pub const CONTEXTS: [Context; 12] = [
    Context::Global,
    Context::List,
    Context::Reader,
    Context::Entities,
    Context::Prompt,
    Context::Mentions,
    Context::RelabelPrompt,
    Context::BulkPrompt,
    Context::ConfirmPrompt,
    Context::SpanPrompt,
    Context::ErrorsOverlay,
    Context::HelpOverlay,
];

impl Context {
    /// Its name in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Reader => "reader",
            Context::Entities => "entities",
            Context::Prompt => "filter",
            Context::Mentions => "mentions",
            Context::RelabelPrompt => "relabel",
            Context::BulkPrompt => "bulk",
            Context::ConfirmPrompt => "confirm",
            Context::SpanPrompt => "span",
            Context::ErrorsOverlay => "errors",
            Context::HelpOverlay => "help",
        }
    }
}

impl Action {
    /// Its name in the config file: `NextMention` is `next_mention`.
    pub fn name(self) -> String {
        let mut out = String::new();
        for (i, c) in format!("{self:?}").chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// Named keys, as written in the config file and shown in help.
const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Down", KeyCode::Down),
    ("Up", KeyCode::Up),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgDn", KeyCode::PageDown),
    ("PgUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Space", KeyCode::Char(' ')),
];

impl Key {
    /// How the key is written: `j`, `G`, `Ctrl-r`, `Enter`, `PgDn`, `F5`.
    pub fn label(&self) -> String {
        let base = match self.0 {
            KeyCode::F(n) => format!("F{n}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => name.to_string(),
                None => match code {
                    KeyCode::Char(c) => c.to_string(),
                    other => format!("{other:?}"),
                },
            },
        };
        let mut out = String::new();
        if self.1.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.1.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out + &base
    }

    /// Reads a key as [`Key::label`] writes it (names in any case: `esc`, `ctrl-r`).
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") && rest.len() > 5 {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => {
                let named = NAMED
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(rest))
                    .map(|(_, c)| *c);
                let function = (rest.strip_prefix(['F', 'f']))
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                    .map(KeyCode::F);
                named.or(function).ok_or_else(|| {
                    format!(
                        "{text:?} is not a key (a character, Ctrl-x, Alt-x, F1–F12, or one of {})",
                        NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                    )
                })?
            }
        };
        Ok(Key(code, mods))
    }
}

/// One binding in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
}

impl Binding {
    /// The keys as help shows them: `j Down`.
    pub fn label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(Key::label).collect();
        labels.join(" ")
    }
}

/// The key table in force: the built-in one with the user's rebindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl std::default::Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: (DEFAULTS.iter())
                .map(|b| Binding {
                    context: b.context,
                    keys: b.keys.to_vec(),
                    action: b.action,
                    help: b.help,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The action bound to `key` in `context`, if any.
    pub fn lookup(&self, context: Context, key: KeyEvent) -> Option<Action> {
        // Shift is part of the character for letters ('G'), and of BackTab; ignore it otherwise.
        let mods = key.modifiers & !KeyModifiers::SHIFT;
        (self.bindings.iter())
            .filter(|b| b.context == context)
            .find(|b| b.keys.iter().any(|k| k.0 == key.code && k.1 == mods))
            .map(|b| b.action)
    }

    /// The first key of `action` in `context`, as shown in hints ("?" when it has none left).
    pub fn key(&self, context: Context, action: Action) -> String {
        (self.bindings.iter())
            .find(|b| b.context == context && b.action == action)
            .and_then(|b| b.keys.first())
            .map_or_else(|| "?".to_string(), Key::label)
    }

    /// Binds `keys` to `action` in `context` in place of its keys; a key another action of the
    /// context had is taken from it. Returns the actions that lost a key.
    pub fn rebind(&mut self, context: Context, action: Action, keys: Vec<Key>) -> Vec<Action> {
        let mut lost = Vec::new();
        for b in self.bindings.iter_mut().filter(|b| b.context == context) {
            if b.action == action {
                b.keys = keys.clone();
            } else if b.keys.iter().any(|k| keys.contains(k)) {
                b.keys.retain(|k| !keys.contains(k));
                lost.push(b.action);
            }
        }
        lost
    }

    /// The action of `context` named `name` in the config file.
    pub fn action_named(&self, context: Context, name: &str) -> Option<Action> {
        (self.bindings.iter())
            .find(|b| b.context == context && b.action.name() == name)
            .map(|b| b.action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_is_reachable_and_unique_in_its_context() {
        for (i, a) in DEFAULTS.iter().enumerate() {
            for key in a.keys {
                let clash = DEFAULTS[..i]
                    .iter()
                    .any(|b| b.context == a.context && b.keys.contains(key));
                assert!(!clash, "{key:?} bound twice in {:?}", a.context);
            }
        }
    }

    #[test]
    fn lookup_honours_context_and_shift() {
        let keymap = Keymap::default();
        let lookup = |c, k| keymap.lookup(c, k);
        let ev = |c: KeyCode, m: KeyModifiers| KeyEvent::new(c, m);
        assert_eq!(
            lookup(Context::Global, ev(KeyCode::Char('N'), KeyModifiers::SHIFT)),
            Some(Action::PrevMention)
        );
        assert_eq!(
            lookup(Context::Reader, ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(Context::Prompt, ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            lookup(
                Context::Global,
                ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn keys_are_written_as_they_are_read() {
        for b in DEFAULTS {
            for key in b.keys {
                assert_eq!(Key::parse(&key.label()), Ok(*key), "{key:?}");
            }
        }
        assert_eq!(Key::parse("ctrl-R"), Ok(ctrl('R')));
        assert_eq!(Key::parse("f5"), Ok(code(KeyCode::F(5))));
        assert!(Key::parse("Ctrl-").is_err_and(|e| e.contains("not a key")));
        assert!(Key::parse("jj").is_err());
    }

    #[test]
    fn every_action_has_a_name_no_other_action_of_its_context_has() {
        for c in CONTEXTS {
            let names: Vec<String> = (DEFAULTS.iter())
                .filter(|b| b.context == c)
                .map(|b| b.action.name())
                .collect();
            let mut unique = names.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{c:?}");
        }
        assert_eq!(Action::NextMention.name(), "next_mention");
    }

    #[test]
    fn rebinding_takes_the_key_from_the_action_that_had_it() {
        let mut keymap = Keymap::default();
        let lost = keymap.rebind(Context::Global, Action::Accept, vec![k('y'), k('x')]);
        assert_eq!(lost, [Action::Reject]);
        let ev = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            keymap.lookup(Context::Global, ev('y')),
            Some(Action::Accept)
        );
        assert_eq!(
            keymap.lookup(Context::Global, ev('x')),
            Some(Action::Accept)
        );
        assert_eq!(keymap.lookup(Context::Global, ev('a')), None);
        assert_eq!(
            keymap.lookup(Context::Global, ev('d')),
            Some(Action::Reject)
        );
    }
}
