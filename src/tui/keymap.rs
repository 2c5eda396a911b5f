//! The key table: one list that both dispatches keys and generates the help overlay, so the
//! two cannot drift apart.

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

/// One entry of the key table.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// How the keys are written in the help overlay.
    pub label: &'static str,
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

/// The key table.
#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    Binding { context: Prompt, keys: &[code(KeyCode::Esc)], label: "Esc", action: Close, help: "close the prompt" },
    Binding { context: Prompt, keys: &[code(KeyCode::Enter)], label: "Enter", action: Select, help: "filter by the highlighted entity (filters combine with AND)" },
    Binding { context: Prompt, keys: &[code(KeyCode::Tab)], label: "Tab", action: ScopeNext, help: "scope: Person → Region → Organization → Any" },
    Binding { context: Prompt, keys: &[code(KeyCode::BackTab)], label: "Shift-Tab", action: ScopePrev, help: "scope backwards" },
    Binding { context: Prompt, keys: &[code(KeyCode::Down), ctrl('n'), ctrl('j')], label: "↓ Ctrl-n", action: Down, help: "next candidate" },
    Binding { context: Prompt, keys: &[code(KeyCode::Up), ctrl('p'), ctrl('k')], label: "↑ Ctrl-p", action: Up, help: "previous candidate" },
    Binding { context: Prompt, keys: &[code(KeyCode::Backspace)], label: "Backspace", action: DeleteChar, help: "delete a character; on an empty prompt, remove the last filter" },
    Binding { context: Mentions, keys: &[code(KeyCode::Esc), k('q'), k('m')], label: "Esc q m", action: Close, help: "close the list" },
    Binding { context: Mentions, keys: &[code(KeyCode::Enter)], label: "Enter", action: Select, help: "jump to the mention" },
    Binding { context: Mentions, keys: MOTION_DOWN, label: "j ↓", action: Down, help: "next mention" },
    Binding { context: Mentions, keys: MOTION_UP, label: "k ↑", action: Up, help: "previous mention" },
    Binding { context: Mentions, keys: PAGE_DOWN, label: "PgDn", action: PageDown, help: "page down" },
    Binding { context: Mentions, keys: PAGE_UP, label: "PgUp", action: PageUp, help: "page up" },
    Binding { context: Mentions, keys: TOP, label: "g", action: Top, help: "first mention" },
    Binding { context: Mentions, keys: BOTTOM, label: "G", action: Bottom, help: "last mention" },
    Binding { context: HelpOverlay, keys: &[code(KeyCode::Esc), k('q'), k('?')], label: "Esc q ?", action: Close, help: "close the help" },
    Binding { context: HelpOverlay, keys: MOTION_DOWN, label: "j ↓", action: Down, help: "scroll down" },
    Binding { context: HelpOverlay, keys: MOTION_UP, label: "k ↑", action: Up, help: "scroll up" },
    Binding { context: List, keys: MOTION_DOWN, label: "j ↓", action: Down, help: "next document" },
    Binding { context: List, keys: MOTION_UP, label: "k ↑", action: Up, help: "previous document" },
    Binding { context: List, keys: PAGE_DOWN, label: "PgDn", action: PageDown, help: "page down" },
    Binding { context: List, keys: PAGE_UP, label: "PgUp", action: PageUp, help: "page up" },
    Binding { context: List, keys: TOP, label: "g Home", action: Top, help: "first document" },
    Binding { context: List, keys: BOTTOM, label: "G End", action: Bottom, help: "last document" },
    Binding { context: List, keys: &[code(KeyCode::Enter), k('l'), code(KeyCode::Right)], label: "Enter l", action: Select, help: "read the document" },
    Binding { context: List, keys: &[k('s')], label: "s", action: SortByReview, help: "order by mentions left to review (again: corpus order)" },
    Binding { context: Reader, keys: MOTION_DOWN, label: "j ↓", action: Down, help: "scroll down a line" },
    Binding { context: Reader, keys: MOTION_UP, label: "k ↑", action: Up, help: "scroll up a line" },
    Binding { context: Reader, keys: PAGE_DOWN, label: "PgDn Space", action: PageDown, help: "page down" },
    Binding { context: Reader, keys: PAGE_UP, label: "PgUp", action: PageUp, help: "page up" },
    Binding { context: Reader, keys: TOP, label: "g Home", action: Top, help: "start of the document" },
    Binding { context: Reader, keys: BOTTOM, label: "G End", action: Bottom, help: "end of the document" },
    Binding { context: Entities, keys: MOTION_DOWN, label: "j ↓", action: Down, help: "next entity" },
    Binding { context: Entities, keys: MOTION_UP, label: "k ↑", action: Up, help: "previous entity" },
    Binding { context: Entities, keys: PAGE_DOWN, label: "PgDn", action: PageDown, help: "page down" },
    Binding { context: Entities, keys: PAGE_UP, label: "PgUp", action: PageUp, help: "page up" },
    Binding { context: Entities, keys: TOP, label: "g", action: Top, help: "first entity" },
    Binding { context: Entities, keys: BOTTOM, label: "G", action: Bottom, help: "last entity" },
    Binding { context: Entities, keys: &[code(KeyCode::Enter)], label: "Enter", action: Select, help: "make it current and show its first mention here" },
    Binding { context: Global, keys: &[k('/')], label: "/", action: OpenFilter, help: "filter documents by an entity (fuzzy)" },
    Binding { context: Global, keys: &[k('n')], label: "n", action: NextMention, help: "next mention of the current entity (on into the next document)" },
    Binding { context: Global, keys: &[k('N')], label: "N", action: PrevMention, help: "previous mention of the current entity" },
    Binding { context: Global, keys: &[k(']')], label: "]", action: NextInDoc, help: "next mention of any entity in this document" },
    Binding { context: Global, keys: &[k('[')], label: "[", action: PrevInDoc, help: "previous mention of any entity in this document" },
    Binding { context: Global, keys: &[k('m')], label: "m", action: MentionList, help: "every mention of the current entity, in context" },
    Binding { context: Global, keys: &[code(KeyCode::Backspace)], label: "Backspace", action: RemoveLastFilter, help: "remove the last filter" },
    Binding { context: Global, keys: &[k('c')], label: "c", action: ClearFilters, help: "clear all filters" },
    Binding { context: Global, keys: &[code(KeyCode::Tab), k('L')], label: "Tab", action: FocusNext, help: "focus the next pane" },
    Binding { context: Global, keys: &[code(KeyCode::BackTab), k('H')], label: "Shift-Tab", action: FocusPrev, help: "focus the previous pane" },
    Binding { context: Global, keys: &[code(KeyCode::Esc)], label: "Esc", action: Close, help: "forget the current entity" },
    Binding { context: Global, keys: &[k('a')], label: "a", action: Accept, help: "accept the current mention (then on to the next unreviewed)" },
    Binding { context: Global, keys: &[k('x'), k('d')], label: "x d", action: Reject, help: "reject (delete: it leaves the export), then on to the next unreviewed" },
    Binding { context: Global, keys: &[k('R')], label: "R", action: Relabel, help: "relabel the current mention" },
    Binding { context: Global, keys: &[k(')')], label: ")", action: NextDisagreement, help: "next disagreement with the gold (--gold)" },
    Binding { context: Global, keys: &[k('(')], label: "(", action: PrevDisagreement, help: "previous disagreement with the gold" },
    Binding { context: Global, keys: &[k('e')], label: "e", action: ErrorsList, help: "list the disagreements with the gold" },
    Binding { context: ErrorsOverlay, keys: MOTION_DOWN, label: "j ↓", action: Down, help: "next disagreement" },
    Binding { context: ErrorsOverlay, keys: MOTION_UP, label: "k ↑", action: Up, help: "previous disagreement" },
    Binding { context: ErrorsOverlay, keys: &[k('t')], label: "t", action: CycleKind, help: "only one kind: missed, spurious, wrong label, wrong boundary, all" },
    Binding { context: ErrorsOverlay, keys: &[k('l')], label: "l", action: CycleLabel, help: "only one label, then all" },
    Binding { context: ErrorsOverlay, keys: &[code(KeyCode::Enter)], label: "Enter", action: Select, help: "show it in the reader" },
    Binding { context: ErrorsOverlay, keys: &[code(KeyCode::Esc), k('q'), k('e')], label: "Esc", action: Close, help: "close the list" },
    Binding { context: Global, keys: &[k('b')], label: "b", action: AdjustSpan, help: "move the current mention's boundaries" },
    Binding { context: Global, keys: &[k('+')], label: "+", action: AddMention, help: "mark a mention the extraction missed" },
    Binding { context: SpanPrompt, keys: &[k('[')], label: "[", action: StartLeft, help: "start one character left" },
    Binding { context: SpanPrompt, keys: &[k(']')], label: "]", action: StartRight, help: "start one character right" },
    Binding { context: SpanPrompt, keys: &[k('{')], label: "{", action: StartWordLeft, help: "start one word left" },
    Binding { context: SpanPrompt, keys: &[k('}')], label: "}", action: StartWordRight, help: "start one word right" },
    Binding { context: SpanPrompt, keys: &[k(',')], label: ",", action: EndLeft, help: "end one character left" },
    Binding { context: SpanPrompt, keys: &[k('.')], label: ".", action: EndRight, help: "end one character right" },
    Binding { context: SpanPrompt, keys: &[k('<')], label: "<", action: EndWordLeft, help: "end one word left" },
    Binding { context: SpanPrompt, keys: &[k('>')], label: ">", action: EndWordRight, help: "end one word right" },
    Binding { context: SpanPrompt, keys: &[code(KeyCode::Enter)], label: "Enter", action: Select, help: "save the boundaries" },
    Binding { context: SpanPrompt, keys: &[k('p')], label: "p", action: RelabelPerson, help: "save the new mention as PERSON" },
    Binding { context: SpanPrompt, keys: &[k('r')], label: "r", action: RelabelRegion, help: "save the new mention as REGION" },
    Binding { context: SpanPrompt, keys: &[k('o')], label: "o", action: RelabelOrg, help: "save the new mention as ORG" },
    Binding { context: SpanPrompt, keys: &[code(KeyCode::Esc)], label: "Esc", action: Close, help: "leave it as it was" },
    Binding { context: Global, keys: &[k('A')], label: "A", action: BulkAccept, help: "accept many: this string or this entity, here or everywhere" },
    Binding { context: Global, keys: &[k('X')], label: "X", action: BulkReject, help: "reject many: this string or this entity, here or everywhere" },
    Binding { context: BulkPrompt, keys: &[k('s')], label: "s", action: ScopeStringHere, help: "every mention of this exact string in this document" },
    Binding { context: BulkPrompt, keys: &[k('S')], label: "S", action: ScopeStringEverywhere, help: "every mention of this exact string in the corpus" },
    Binding { context: BulkPrompt, keys: &[k('e')], label: "e", action: ScopeEntityHere, help: "every mention of this entity in this document" },
    Binding { context: BulkPrompt, keys: &[k('E')], label: "E", action: ScopeEntityEverywhere, help: "every mention of this entity in the corpus" },
    Binding { context: BulkPrompt, keys: &[code(KeyCode::Esc), k('q')], label: "Esc", action: Close, help: "cancel" },
    Binding { context: ConfirmPrompt, keys: &[k('y'), code(KeyCode::Enter)], label: "y Enter", action: Confirm, help: "apply the bulk decision" },
    Binding { context: ConfirmPrompt, keys: &[k('n'), code(KeyCode::Esc)], label: "n Esc", action: Close, help: "cancel the bulk decision" },
    Binding { context: Global, keys: &[k('B')], label: "B", action: BulkRelabel, help: "relabel many: the label, then this string or this entity, here or everywhere" },
    Binding { context: Global, keys: &[k('u')], label: "u", action: Undo, help: "undo the last decision" },
    Binding { context: Global, keys: &[k('U'), ctrl('r')], label: "U Ctrl-r", action: Redo, help: "redo" },
    Binding { context: Global, keys: &[k('}')], label: "}", action: NextUnreviewed, help: "next unreviewed mention, across documents" },
    Binding { context: Global, keys: &[k('{')], label: "{", action: PrevUnreviewed, help: "previous unreviewed mention" },
    Binding { context: RelabelPrompt, keys: &[k('p')], label: "p", action: RelabelPerson, help: "relabel as PERSON" },
    Binding { context: RelabelPrompt, keys: &[k('r')], label: "r", action: RelabelRegion, help: "relabel as REGION" },
    Binding { context: RelabelPrompt, keys: &[k('o')], label: "o", action: RelabelOrg, help: "relabel as ORG" },
    Binding { context: RelabelPrompt, keys: &[code(KeyCode::Esc), k('q')], label: "Esc", action: Close, help: "keep the label" },
    Binding { context: Global, keys: &[k('?')], label: "?", action: Help, help: "this help" },
    Binding { context: Global, keys: &[k('q'), ctrl('c')], label: "q", action: Quit, help: "quit" },
];

/// The action bound to `key` in `context`, if any.
pub fn lookup(context: Context, key: KeyEvent) -> Option<Action> {
    // Shift is part of the character for letters ('G'), and of BackTab; ignore it otherwise.
    let mods = key.modifiers & !KeyModifiers::SHIFT;
    KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| k.0 == key.code && k.1 == mods))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_is_reachable_and_unique_in_its_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for key in a.keys {
                let clash = KEYMAP[..i]
                    .iter()
                    .any(|b| b.context == a.context && b.keys.contains(key));
                assert!(!clash, "{key:?} bound twice in {:?}", a.context);
            }
        }
    }

    #[test]
    fn lookup_honours_context_and_shift() {
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
}
