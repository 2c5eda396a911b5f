//! The key table: one list that dispatches keys and generates the help overlay, the hint line
//! and the popups' key legends, so they cannot drift apart. [`DEFAULTS`] is the built-in table;
//! a [`Keymap`] is the table in force, with the user's rebindings from the config file.

mod defaults;
mod key;

pub use defaults::{Builtin, DEFAULTS};
pub use key::Key;

use crossterm::event::{KeyEvent, KeyModifiers};

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
    TakeGold,
    DocumentDone,
    OnlyStatus,
    OnlyLabel,
    Problems,
    TakeGoldAll,
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
    MarkEntity,
    MarkAll,
    MergeMarked,
    RenameEntity,
    SplitMention,
    MoveToMarked,
    IgnoreDocument,
    Agreement,
    NextReviewer,
    Profile,
    Cooc,
    ToggleMatrix,
    Search,
    WriteOut,
    SaveFilters,
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
    RenamePrompt,
    ErrorsOverlay,
    AgreementOverlay,
    ProfileOverlay,
    CoocOverlay,
    SearchPrompt,
    HitsOverlay,
    SavePrompt,
    ProblemsOverlay,
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
            Context::RenamePrompt => "Renaming an entity (r)",
            Context::ErrorsOverlay => "Disagreements with the gold (e)",
            Context::AgreementOverlay => "Agreement with another reviewer (K)",
            Context::ProfileOverlay => "An entity's profile (P)",
            Context::CoocOverlay => "Who appears with whom (C)",
            Context::SearchPrompt => "Searching the text (f)",
            Context::HitsOverlay => "The hits of a search (m after f)",
            Context::SavePrompt => "Saving the filters by name (W)",
            Context::ProblemsOverlay => "Problems while loading (!)",
            Context::HelpOverlay => "This help",
        }
    }
}

/// Every context, in the order the help lists them.
pub const CONTEXTS: [Context; 20] = [
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
    Context::RenamePrompt,
    Context::ErrorsOverlay,
    Context::AgreementOverlay,
    Context::ProfileOverlay,
    Context::CoocOverlay,
    Context::SearchPrompt,
    Context::HitsOverlay,
    Context::SavePrompt,
    Context::ProblemsOverlay,
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
            Context::RenamePrompt => "rename",
            Context::ErrorsOverlay => "errors",
            Context::AgreementOverlay => "agreement",
            Context::ProfileOverlay => "profile",
            Context::CoocOverlay => "cooc",
            Context::SearchPrompt => "search",
            Context::HitsOverlay => "hits",
            Context::SavePrompt => "save",
            Context::ProblemsOverlay => "problems",
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

    /// A popup's key legend: `" Enter jump · j/k move · Esc close "` from the actions (the
    /// first key of each, joined by `/`) and what they do.
    pub fn legend(&self, context: Context, parts: &[(&[Action], &str)]) -> String {
        let parts: Vec<String> = (parts.iter())
            .map(|(actions, does)| {
                let keys: Vec<String> = actions.iter().map(|&a| self.key(context, a)).collect();
                format!("{} {does}", keys.join("/"))
            })
            .collect();
        format!(" {} ", parts.join(" · "))
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
    use super::key::{code, ctrl, k};
    use super::*;
    use crossterm::event::KeyCode;

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
