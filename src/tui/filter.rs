//! The fuzzy filter prompt: a query, a scope, and the entities it matches, best first.

use crate::index::{EntityId, Index};
use crate::model::Label;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

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

/// State of the open prompt.
#[derive(Debug, Clone)]
pub struct FilterPrompt {
    pub query: String,
    pub scope: Scope,
    pub candidates: Vec<Candidate>,
    pub selected: usize,
}

impl FilterPrompt {
    /// An empty prompt in the Person scope, listing every person.
    pub fn open(index: &Index) -> Self {
        let mut p = FilterPrompt {
            query: String::new(),
            scope: Scope::Person,
            candidates: Vec::new(),
            selected: 0,
        };
        p.refresh(index);
        p
    }

    /// Re-ranks candidates after the query or the scope changed.
    pub fn refresh(&mut self, index: &Index) {
        self.candidates = rank(index, &self.query, self.scope);
        self.selected = 0;
    }

    /// The highlighted candidate's entity.
    pub fn selected_entity(&self) -> Option<EntityId> {
        self.candidates.get(self.selected).map(|c| c.entity)
    }
}

/// The names an entity is searched by: canonical name first, then aliases.
pub fn names(index: &Index, id: EntityId) -> impl Iterator<Item = &str> {
    let e = index.entity(id);
    std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
}

/// Entities in `scope` whose name or an alias fuzzily matches `query`, best first; ties go to the
/// entity in more documents. An empty query lists the scope by document count.
pub fn rank(index: &Index, query: &str, scope: Scope) -> Vec<Candidate> {
    let matcher = SkimMatcherV2::default().ignore_case();
    let query = query.trim();
    let mut out: Vec<Candidate> = Vec::new();
    for (id, e) in index.entities.iter().enumerate() {
        if !scope.admits(&e.label) {
            continue;
        }
        let id = id as EntityId;
        if query.is_empty() {
            out.push(Candidate {
                entity: id,
                name_index: 0,
                score: 0,
            });
            continue;
        }
        let best = names(index, id)
            .enumerate()
            .filter_map(|(i, n)| matcher.fuzzy_match(n, query).map(|s| (s, i)))
            // Prefer the canonical name on equal scores: max_by_key keeps the last maximum.
            .max_by_key(|&(s, i)| (s, std::cmp::Reverse(i)));
        if let Some((score, name_index)) = best {
            out.push(Candidate {
                entity: id,
                name_index,
                score,
            });
        }
    }
    out.sort_by(|a, b| {
        let (ea, eb) = (index.entity(a.entity), index.entity(b.entity));
        (b.score, eb.docs.len(), &ea.name).cmp(&(a.score, ea.docs.len(), &eb.name))
    });
    out
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
