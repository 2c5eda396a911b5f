//! Review: decisions about mentions, layered over them (the mentions and the documents stay as
//! they are) and stored the moment they are made.

pub mod layer;
pub mod link;
pub mod store;

pub use crate::model::Status;
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
}

impl Verdict {
    /// Whether it leaves the mentions as they are (changing only the reviews of some).
    pub fn keeps_mentions(&self) -> bool {
        matches!(
            self,
            Verdict::Accept | Verdict::Reject | Verdict::Relabel(_)
        )
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
