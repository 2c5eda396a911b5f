//! The fuzzy filter prompt: a query, a scope, and the entities it matches, best first.

use crate::index::{char_set, fold, EntityId, Index, SearchName};
use crate::model::Label;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::time::{Duration, Instant};

/// Which entity types the prompt searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Person,
    Region,
    Organization,
    Any,
}

impl Scope {
    /// The next scope in Tab order.
    pub fn next(self) -> Scope {
        match self {
            Scope::Person => Scope::Region,
            Scope::Region => Scope::Organization,
            Scope::Organization => Scope::Any,
            Scope::Any => Scope::Person,
        }
    }

    /// The previous scope.
    pub fn prev(self) -> Scope {
        match self {
            Scope::Person => Scope::Any,
            Scope::Region => Scope::Person,
            Scope::Organization => Scope::Region,
            Scope::Any => Scope::Organization,
        }
    }

    /// Name shown in the prompt.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Person => "Person",
            Scope::Region => "Region",
            Scope::Organization => "Organization",
            Scope::Any => "Any",
        }
    }

    fn admits(self, label: &Label) -> bool {
        match self {
            Scope::Person => *label == Label::Person,
            Scope::Region => *label == Label::Region,
            Scope::Organization => *label == Label::Org,
            Scope::Any => true,
        }
    }
}

/// One ranked candidate: the entity and which of its names matched (0 = canonical name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub entity: EntityId,
    pub name_index: usize,
    pub score: i64,
}

/// Names ranked per step: a step of this many takes a few milliseconds, so typing never waits
/// for a long scan and, at a million names, results appear as the scan goes.
const STEP: usize = 50_000;

/// How long one call to [`FilterPrompt::advance`] may rank for.
pub const FRAME_BUDGET: Duration = Duration::from_millis(12);

/// State of the open prompt.
#[derive(Debug, Clone)]
pub struct FilterPrompt {
    pub query: String,
    pub scope: Scope,
    pub candidates: Vec<Candidate>,
    pub selected: usize,
    /// How many of the index's search names are ranked for this query.
    scanned: usize,
    /// Each matching entity's best (score, name index) so far.
    best: Best,
}

impl FilterPrompt {
    /// An empty prompt in the Person scope, listing every person.
    pub fn open(index: &Index) -> Self {
        let mut p = FilterPrompt {
            query: String::new(),
            scope: Scope::Person,
            candidates: Vec::new(),
            selected: 0,
            scanned: 0,
            best: Best::default(),
        };
        p.refresh(index);
        p
    }

    /// Re-ranks from the start after the query or the scope changed: as much as a frame allows
    /// now, the rest in later calls to [`FilterPrompt::advance`].
    pub fn refresh(&mut self, index: &Index) {
        self.restart();
        self.advance(index, FRAME_BUDGET);
    }

    /// Forgets the ranking, to start again from the first name.
    pub fn restart(&mut self) {
        self.scanned = 0;
        self.best.clear();
        self.candidates.clear();
        self.selected = 0;
    }

    /// Whether some names are still to be ranked (the index grew, or the scan is progressive).
    pub fn pending(&self, index: &Index) -> bool {
        self.scanned < index.search_names().len()
    }

    /// Ranks more names, for about `budget`, and re-sorts the candidates if any were found. The
    /// highlighted entity stays highlighted.
    pub fn advance(&mut self, index: &Index, budget: Duration) {
        let started = Instant::now();
        let names = index.search_names();
        let Some(searched) = searched(&self.query) else {
            // A clause about the document itself: no entity to rank.
            self.scanned = names.len();
            self.candidates.clear();
            return;
        };
        let query = fold(searched);
        let before = self.scanned;
        loop {
            let end = (self.scanned + STEP).min(names.len());
            score_names(
                &names[self.scanned..end],
                index,
                &query,
                self.scope,
                &mut self.best,
            );
            self.scanned = end;
            if self.scanned == names.len() || started.elapsed() >= budget {
                break;
            }
        }
        if self.scanned != before || self.candidates.len() != self.best.len() {
            let keep = self.selected_entity().filter(|_| self.selected > 0);
            self.candidates = sorted(index, &self.best);
            self.selected = keep
                .and_then(|e| self.candidates.iter().position(|c| c.entity == e))
                .unwrap_or(0);
        }
        if crate::debug_log::enabled() && self.scanned > before {
            crate::debug_log::log(format_args!(
                "filter {:?}: {} names ranked in {:.2} ms, {} of {} done, {} candidates",
                self.query,
                self.scanned - before,
                started.elapsed().as_secs_f64() * 1e3,
                self.scanned,
                names.len(),
                self.candidates.len()
            ));
        }
    }

    /// The highlighted candidate's entity.
    pub fn selected_entity(&self) -> Option<EntityId> {
        self.candidates.get(self.selected).map(|c| c.entity)
    }
}

/// The part of the prompt's query that names an entity: the last of several joined by `|`,
/// without a leading `!`; None for a clause about the document itself (`date:`, `lang:`,
/// `source:`), which names none.
pub fn searched(query: &str) -> Option<&str> {
    if crate::session::select::Clause::parse_meta(query).is_some() {
        return None;
    }
    let last = query.rsplit('|').next().unwrap_or(query).trim();
    Some(last.strip_prefix('!').unwrap_or(last).trim())
}

/// The names an entity is shown by: canonical name first, then aliases.
pub fn names(index: &Index, id: EntityId) -> impl Iterator<Item = &str> {
    let e = index.entity(id);
    std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
}

/// Entities in `scope` whose name or an alias fuzzily matches `query`, best first; ties go to the
/// entity in more documents. An empty query lists the scope by document count.
pub fn rank(index: &Index, query: &str, scope: Scope) -> Vec<Candidate> {
    let mut best = Best::default();
    score_names(
        index.search_names(),
        index,
        &fold(query.trim()),
        scope,
        &mut best,
    );
    sorted(index, &best)
}

/// Scores `names` against the folded `query`, keeping each entity's best match in `best`. Large
/// slices are split between two threads, each with its own matcher.
fn score_names(names: &[SearchName], index: &Index, query: &str, scope: Scope, best: &mut Best) {
    let wanted = char_set(query);
    // One or two letters match tens of thousands of names, and the full alignment tells little
    // about so short a query: skim's simple scoring (bonus for a word's start, for adjacency)
    // ranks them in a fraction of the time. Longer queries get the full alignment.
    let short = query.chars().filter(|c| !c.is_whitespace()).count() <= 2;
    let score_part = |part: &[SearchName]| {
        let matcher = if short {
            SkimMatcherV2::default().element_limit(1)
        } else {
            SkimMatcherV2::default()
        };
        let mut found: Vec<(EntityId, i64, usize)> = Vec::new();
        for n in part {
            let e = index.entity(n.entity);
            // An entity whose every mention was moved to another (by review) is no longer one.
            if n.chars & wanted != wanted || !scope.admits(&e.label) || e.mentions.is_empty() {
                continue;
            }
            if query.is_empty() {
                found.push((n.entity, 0, 0));
                continue;
            }
            if !is_subsequence(query, &n.folded) {
                continue;
            }
            if let Some(s) = matcher.fuzzy_match(&n.folded, query) {
                let score = s + whole_word_bonus(&n.folded, query);
                found.push((n.entity, score, n.name as usize));
            }
        }
        found
    };
    let found: Vec<(EntityId, i64, usize)> = if names.len() >= 20_000 {
        let (a, b) = names.split_at(names.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| score_part(b));
            let mut found = score_part(a);
            // A panic in the other half would be a bug in the matcher; rank what this half found.
            found.extend(other.join().unwrap_or_default());
            found
        })
    } else {
        score_part(names)
    };
    for (entity, score, name) in found {
        best.offer(entity, score, name);
    }
}

/// Each matching entity's best (score, name index), by entity id: a slot per entity rather than
/// a hash map, since a short query matches tens of thousands of them.
#[derive(Debug, Clone, Default)]
struct Best {
    slots: Vec<Option<(i64, usize)>>,
    /// The entities with a slot filled, in the order they were first found.
    found: Vec<EntityId>,
}

impl Best {
    /// Keeps `score` for `entity` if it beats what it has; on equal scores the canonical name.
    fn offer(&mut self, entity: EntityId, score: i64, name: usize) {
        let i = entity.index();
        if self.slots.len() <= i {
            self.slots.resize(i + 1, None);
        }
        match &mut self.slots[i] {
            Some(slot) => {
                if (score, std::cmp::Reverse(name)) > (slot.0, std::cmp::Reverse(slot.1)) {
                    *slot = (score, name);
                }
            }
            empty => {
                *empty = Some((score, name));
                self.found.push(entity);
            }
        }
    }

    fn len(&self) -> usize {
        self.found.len()
    }

    fn clear(&mut self) {
        for &e in &self.found {
            self.slots[e.index()] = None;
        }
        self.found.clear();
    }

    fn iter(&self) -> impl Iterator<Item = (EntityId, (i64, usize))> + '_ {
        self.found
            .iter()
            .filter_map(|&e| Some((e, self.slots[e.index()]?)))
    }
}

/// Whether every character of `query` appears in `name` in order: a cheap test that rules out
/// most names before the fuzzy matcher runs.
fn is_subsequence(query: &str, name: &str) -> bool {
    if query.is_ascii() {
        // An ASCII byte never occurs inside a multi-byte UTF-8 character: bytes will do.
        let mut rest = name.as_bytes();
        return query.bytes().filter(|b| !b.is_ascii_whitespace()).all(|q| {
            match rest.iter().position(|&b| b == q) {
                Some(i) => {
                    rest = &rest[i + 1..];
                    true
                }
                None => false,
            }
        });
    }
    let mut rest = name.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| rest.any(|c| c == q))
}

/// How many candidates are put in full order; the rest follow unordered (no one scrolls past a
/// thousand, and ordering 60,000 matches of a one-letter query would cost a keystroke's time).
const ORDERED: usize = 1_000;

/// Candidates best first: score, then documents, mentions, shorter names, first found.
fn sorted(index: &Index, best: &Best) -> Vec<Candidate> {
    let mut keyed: Vec<_> = best
        .iter()
        .map(|(entity, (score, name_index))| {
            let e = index.entity(entity);
            let key = (
                std::cmp::Reverse(score),
                std::cmp::Reverse(e.docs.len()),
                std::cmp::Reverse(e.mentions.len()),
                e.name.len(),
                entity,
            );
            (key, name_index)
        })
        .collect();
    if keyed.len() > ORDERED {
        keyed.select_nth_unstable(ORDERED);
        keyed[..ORDERED].sort_unstable();
    } else {
        keyed.sort_unstable();
    }
    keyed
        .into_iter()
        .map(|((score, _, _, _, entity), name_index)| Candidate {
            entity,
            name_index,
            score: score.0,
        })
        .collect()
}

/// Fuzzy scores do not favour a name that *is* the query, or whose first word is: 'yingtan'
/// should find the city Yingtan before 'Yingtan High-tech Zone'. Both are folded.
fn whole_word_bonus(name: &str, query: &str) -> i64 {
    let first_word = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .next()
        .unwrap_or("");
    if name == query {
        200
    } else if first_word == query {
        100
    } else if name.starts_with(query) {
        20
    } else {
        0
    }
}

/// Character positions of `query`'s match in `name`, for highlighting (computed only for the
/// rows on screen).
pub fn match_positions(name: &str, query: &str) -> Vec<usize> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    SkimMatcherV2::default()
        .ignore_case()
        .fuzzy_indices(name, query.trim())
        .map(|(_, idx)| idx)
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
