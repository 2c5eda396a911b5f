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
            .filter_map(|(i, n)| {
                matcher
                    .fuzzy_match(n, query)
                    .map(|s| (s + whole_word_bonus(n, query), i))
            })
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
        let key = |c: &Candidate, e: &crate::index::Entity| {
            (
                std::cmp::Reverse(c.score),
                std::cmp::Reverse(e.docs.len()),
                std::cmp::Reverse(e.mentions.len()),
                e.name.chars().count(),
            )
        };
        key(a, ea)
            .cmp(&key(b, eb))
            .then_with(|| ea.name.cmp(&eb.name))
    });
    out
}

/// Fuzzy scores do not favour a name that *is* the query, or whose first word is: 'yingtan'
/// should find the city Yingtan before 'Yingtan High-tech Zone'.
fn whole_word_bonus(name: &str, query: &str) -> i64 {
    let name = name.to_lowercase();
    let query = query.to_lowercase();
    let first_word = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .next()
        .unwrap_or("");
    if name == query {
        200
    } else if first_word == query {
        100
    } else if name.starts_with(&query) {
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
mod tests {
    use super::*;
    use crate::cli::analyze;
    use crate::corpus::Corpus;

    fn names_for(query: &str, scope: Scope) -> Vec<String> {
        let corpus = Corpus::bundled();
        let index = analyze(&corpus);
        rank(&index, query, scope)
            .iter()
            .map(|c| index.entity(c.entity).name.clone())
            .collect()
    }

    #[test]
    fn a_few_letters_find_a_person_first() {
        assert_eq!(
            names_for("lian", Scope::Person).first().map(String::as_str),
            Some("Lian Maojun")
        );
    }

    #[test]
    fn the_place_itself_ranks_above_zones_named_after_it() {
        let regions = names_for("yingtan", Scope::Region);
        assert!(regions[0].starts_with("Yingtan 鹰潭"), "{regions:?}");
        assert!(regions.iter().any(|n| n.contains("High-Tech Zone")));
    }

    #[test]
    fn scope_restricts_the_labels() {
        assert!(names_for("yingtan", Scope::Person).is_empty());
        let any = names_for("lian", Scope::Any);
        assert!(any.len() >= names_for("lian", Scope::Person).len());
        assert_eq!(Scope::Person.next().next().next().next(), Scope::Person);
        assert_eq!(Scope::Region.prev(), Scope::Person);
    }

    #[test]
    fn chinese_names_and_gazetteer_aliases_are_searchable() {
        // 天津 appears in the Chinese article; its English name is an alias from the gazetteer.
        let by_pinyin = names_for("tianjin", Scope::Region);
        assert!(
            by_pinyin.iter().any(|n| n == "Tianjin 天津市"),
            "{by_pinyin:?}"
        );
        let by_hanzi = names_for("天津", Scope::Region);
        assert_eq!(by_hanzi.first().map(String::as_str), Some("Tianjin 天津市"));
    }
}
