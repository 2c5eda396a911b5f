//! The documents in the list, in list order, with each document's row kept beside them so that
//! "where is this document in the list" costs nothing (jumps ask it for every mention).

use crate::corpus::DocId;
use std::ops::Deref;

/// Row of a document that is not listed.
const UNLISTED: u32 = u32::MAX;

/// The listed documents in list order (reads as a slice of document ids).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    order: Vec<DocId>,
    /// By document id: its row, or `UNLISTED`.
    row: Vec<u32>,
    /// Rows ascend with document ids (no sort applied), so reading order is id order.
    in_id_order: bool,
    /// Changes whenever the listing does, so that what was derived from it can tell it is stale.
    generation: u64,
}

impl Listing {
    /// A listing of `order`, in that order.
    pub fn new(order: Vec<DocId>) -> Listing {
        let mut listing = Listing::default();
        listing.set(order);
        listing
    }

    /// Replaces the listed documents.
    pub fn set(&mut self, order: Vec<DocId>) {
        for &d in &self.order {
            self.row[d.index()] = UNLISTED;
        }
        for (i, &d) in order.iter().enumerate() {
            self.place(d, i);
        }
        self.in_id_order = order.windows(2).all(|w| w[0] < w[1]);
        self.order = order;
        self.generation += 1;
    }

    /// Lists `doc` after the others.
    pub fn push(&mut self, doc: DocId) {
        self.in_id_order &= self.order.last().is_none_or(|&last| last < doc);
        self.place(doc, self.order.len());
        self.order.push(doc);
        self.generation += 1;
    }

    /// Whether rows ascend with document ids.
    pub fn in_id_order(&self) -> bool {
        self.in_id_order
    }

    /// A number that changes whenever the listing does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The row `doc` is listed at, if it is listed.
    pub fn row_of(&self, doc: DocId) -> Option<usize> {
        match self.row.get(doc.index()) {
            Some(&r) if r != UNLISTED => Some(r as usize),
            _ => None,
        }
    }

    /// Whether `doc` is listed.
    pub fn contains(&self, doc: DocId) -> bool {
        self.row_of(doc).is_some()
    }

    fn place(&mut self, doc: DocId, row: usize) {
        let d = doc.index();
        if self.row.len() <= d {
            self.row.resize(d + 1, UNLISTED);
        }
        self.row[d] = row as u32;
    }
}

impl Deref for Listing {
    type Target = [DocId];
    fn deref(&self) -> &[DocId] {
        &self.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_order_and_forget_documents_no_longer_listed() {
        let mut l = Listing::new(vec![DocId(4), DocId(1), DocId(7)]);
        assert_eq!(l.row_of(DocId(7)), Some(2));
        assert_eq!(l.row_of(DocId(2)), None);
        l.set(vec![DocId(7), DocId(3)]);
        assert_eq!(l.row_of(DocId(7)), Some(0));
        assert_eq!(l.row_of(DocId(3)), Some(1));
        assert!(!l.contains(DocId(4)), "4 is no longer listed");
        l.push(DocId(9));
        assert_eq!(&l[..], &[7, 3, 9]);
        assert_eq!(l.row_of(DocId(9)), Some(2));
        assert!(!l.in_id_order(), "7 is listed before 3");
        l.set(vec![DocId(1), DocId(2)]);
        l.push(DocId(5));
        assert!(l.in_id_order());
    }
}

/// Which mentions `]`/`[` step through and which documents the list shows: those of one review
/// status and one label (`v` and `V` cycle them); None for all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Only {
    pub status: Option<crate::model::Status>,
    pub label: Option<crate::model::Label>,
}

impl Only {
    /// Whether it narrows anything.
    pub fn is_on(&self) -> bool {
        self.status.is_some() || self.label.is_some()
    }

    /// How the status line names it: "only unreviewed PERSON".
    pub fn describe(&self) -> Option<String> {
        let status = self.status.map(|s| s.as_str());
        let label = self.label.as_ref().map(|l| l.as_str().to_string());
        match (status, label) {
            (None, None) => None,
            (Some(s), None) => Some(format!("only {s}")),
            (None, Some(l)) => Some(format!("only {l}")),
            (Some(s), Some(l)) => Some(format!("only {s} {l}")),
        }
    }
}

/// The order of the document list (`s` cycles through them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    #[default]
    Corpus,
    /// Most mentions left to review first.
    Review,
    /// Newest first; undated documents last.
    Date,
    /// By title.
    Title,
    /// Most entities first.
    Entities,
}

impl ListOrder {
    /// The next order `s` gives.
    pub fn next(self) -> ListOrder {
        match self {
            ListOrder::Corpus => ListOrder::Review,
            ListOrder::Review => ListOrder::Date,
            ListOrder::Date => ListOrder::Title,
            ListOrder::Title => ListOrder::Entities,
            ListOrder::Entities => ListOrder::Corpus,
        }
    }

    /// How the status line names it.
    pub fn describe(self) -> &'static str {
        match self {
            ListOrder::Corpus => "corpus order",
            ListOrder::Review => "most left to review first",
            ListOrder::Date => "newest first",
            ListOrder::Title => "by title",
            ListOrder::Entities => "most entities first",
        }
    }
}
