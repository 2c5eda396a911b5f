//! Review: decisions about mentions, layered over them (the mentions and the documents stay as
//! they are) and stored the moment they are made.

pub mod agreement;
pub mod entities;
pub mod layer;
pub mod link;
pub mod store;

pub use crate::model::Status;
pub use entities::EntityRules;
pub use layer::{
    by_document, decision, decisions, layer, layer_doc, review_after, reviewed, Layered,
    MentionReview,
};
pub use store::{Place, Store, StoreError};

use crate::model::{CodePoint, Label};

/// What a reviewer decided about a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Reject,
    /// Right span, other label.
    Relabel(Label),
    /// Right entity, other boundaries: the new span.
    Adjust {
        start: CodePoint,
        end: CodePoint,
    },
    /// A mention the extraction missed; the decision's span, label and text are the mention's.
    Add,
    /// The mention belongs to another entity: `key`, shown as `name` (an existing entity, or
    /// one of its own when split off).
    Link {
        key: String,
        name: String,
    },
    /// About an entity (see [`Decision::about_entity`]): its mentions join the entity `into`,
    /// shown as `name`.
    Merge {
        into: String,
        name: String,
    },
    /// About an entity: it is shown as this name.
    Rename(String),
    /// About a whole document (see [`Decision::about_document`]): left out of the review
    /// (true), as Prodigy's "ignore" answer does, or taken back into it (false).
    Ignore(bool),
}

impl Verdict {
    /// Whether it leaves the mentions as they are (changing only the reviews of some).
    pub fn keeps_mentions(&self) -> bool {
        matches!(
            self,
            Verdict::Accept | Verdict::Reject | Verdict::Relabel(_) | Verdict::Link { .. }
        )
    }

    /// Whether it is about an entity (merge, rename) rather than one mention.
    pub fn about_entity(&self) -> bool {
        matches!(self, Verdict::Merge { .. } | Verdict::Rename(_))
    }
}

/// One decision, keyed by what it is about — the document's path, the mention's span in code
/// points and its label as extracted — so that extracting again does not orphan it. The covered
/// text is kept to notice a document that changed under the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub doc: String,
    pub start: CodePoint,
    pub end: CodePoint,
    pub label: String,
    pub text: String,
    pub verdict: Verdict,
}

impl Decision {
    /// A decision about the entity of `label` and `key` (a merge or a rename): keyed on the
    /// entity's key, which extraction derives from its name, so extracting again finds it. No
    /// document, no span; the key stands in the text.
    pub fn about_entity(label: &Label, key: &str, verdict: Verdict) -> Decision {
        Decision {
            doc: String::new(),
            start: CodePoint(0),
            end: CodePoint(0),
            label: label.as_str().to_string(),
            text: key.to_string(),
            verdict,
        }
    }

    /// Whether it is about an entity, not a mention.
    pub fn is_about_entity(&self) -> bool {
        self.verdict.about_entity()
    }

    /// A decision about the whole document at `path`: ignored (or not).
    pub fn about_document(path: &str, ignore: bool) -> Decision {
        Decision {
            doc: path.to_string(),
            start: CodePoint(0),
            end: CodePoint(0),
            label: String::new(),
            text: String::new(),
            verdict: Verdict::Ignore(ignore),
        }
    }
}

/// The paths of the documents ignored by the last decision about each, in force.
pub fn ignored_paths(decisions: &[Decision]) -> std::collections::BTreeSet<&str> {
    let mut ignored = std::collections::BTreeSet::new();
    for d in decisions {
        match d.verdict {
            Verdict::Ignore(true) => ignored.insert(d.doc.as_str()),
            Verdict::Ignore(false) => ignored.remove(d.doc.as_str()),
            _ => continue,
        };
    }
    ignored
}

impl Decision {}
