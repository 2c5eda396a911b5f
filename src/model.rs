//! The shared vocabulary: labels, mentions and where they came from.

use crate::corpus::DocId;
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// An entity type. Labels from other tools that map onto none of the three are kept as they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Label {
    Person,
    Region,
    Org,
    Other(Box<str>),
}

impl Label {
    /// The name written in files and shown in the UI.
    pub fn as_str(&self) -> &str {
        match self {
            Label::Person => "PERSON",
            Label::Region => "REGION",
            Label::Org => "ORG",
            Label::Other(name) => name,
        }
    }

    /// A label by name, mapping other tools' names onto the three types where the meaning is
    /// plain (PER → PERSON; GPE, LOC → REGION; ORGANIZATION → ORG). Unknown names are kept.
    pub fn from_name(name: &str) -> Label {
        match name.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" | "PERS" | "NR" => Label::Person,
            "REGION" | "GPE" | "LOC" | "LOCATION" | "PLACE" | "NS" => Label::Region,
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "NT" => Label::Org,
            _ => Label::Other(name.trim().into()),
        }
    }

    /// A short marker for the label in lists, readable without colour: `PER`, `REG`, `ORG`.
    pub fn tag(&self) -> &str {
        match self {
            Label::Person => "PER",
            Label::Region => "REG",
            Label::Org => "ORG",
            Label::Other(name) => name,
        }
    }

    /// The heading used in panes.
    pub fn heading(&self) -> &str {
        match self {
            Label::Person => "Persons",
            Label::Region => "Regions",
            Label::Org => "Organizations",
            Label::Other(name) => name,
        }
    }
}

/// Which part of gazette (or which file) produced a mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// A built-in recognizer, by name.
    Builtin(&'static str),
    /// An annotation file from another tool.
    Imported(String),
    /// Added by the reviewer.
    Reviewer,
}

/// One occurrence of an entity in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub doc: DocId,
    /// Byte range in the document's text.
    pub span: Range<usize>,
    pub label: Label,
    /// Identity of the entity: mentions with the same label and key are one entity. Shared:
    /// a large corpus has millions of mentions of a few hundred thousand entities.
    pub key: Arc<str>,
    /// The entity's canonical name, as shown in lists (shared like the key).
    pub canonical: Arc<str>,
    pub source: Source,
}

/// Where a mention stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Unreviewed,
    Accepted,
    Rejected,
}

impl Status {
    /// The name written in exported files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }
}

/// An offset counted in Unicode code points, as review decisions and gazette JSONL count them.
/// A type of its own: mention spans are byte offsets, and the compiler keeps the two apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CodePoint(pub usize);
