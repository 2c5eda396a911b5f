//! The tag set: outside, and the beginning and inside of a person, a region, an organization.

use crate::model::Label;
use std::ops::Range;

/// How many tags there are.
pub const TAGS: usize = 7;

/// One character's tag (BIO).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Tag {
    O = 0,
    BPer,
    IPer,
    BReg,
    IReg,
    BOrg,
    IOrg,
}

impl Tag {
    /// Every tag, in index order.
    pub fn all() -> [Tag; TAGS] {
        [
            Tag::O,
            Tag::BPer,
            Tag::IPer,
            Tag::BReg,
            Tag::IReg,
            Tag::BOrg,
            Tag::IOrg,
        ]
    }

    /// The tag of index `i` (outside for an index past the set).
    pub fn from_index(i: usize) -> Tag {
        Tag::all().get(i).copied().unwrap_or(Tag::O)
    }

    /// The label a tag is part of, if any.
    pub fn label(self) -> Option<Label> {
        match self {
            Tag::O => None,
            Tag::BPer | Tag::IPer => Some(Label::Person),
            Tag::BReg | Tag::IReg => Some(Label::Region),
            Tag::BOrg | Tag::IOrg => Some(Label::Org),
        }
    }

    fn is_inside(self) -> bool {
        matches!(self, Tag::IPer | Tag::IReg | Tag::IOrg)
    }

    /// The beginning and inside tags of `label` (None for a label the model does not tag).
    pub fn of(label: &Label) -> Option<(Tag, Tag)> {
        match label {
            Label::Person => Some((Tag::BPer, Tag::IPer)),
            Label::Region => Some((Tag::BReg, Tag::IReg)),
            Label::Org => Some((Tag::BOrg, Tag::IOrg)),
            Label::Other(_) => None,
        }
    }
}

/// Whether `to` may follow `from` (`None`: the start): an inside tag continues its own label.
pub fn allowed(from: Option<Tag>, to: Tag) -> bool {
    !to.is_inside() || from.is_some_and(|f| f != Tag::O && f.label() == to.label())
}

/// The spans (in positions) and labels a tag sequence marks.
pub fn spans(tags: &[Tag]) -> Vec<(Range<usize>, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, t) in tags.iter().enumerate() {
        if t.is_inside()
            && open
                .as_ref()
                .is_some_and(|(_, l)| Some(l) == t.label().as_ref())
        {
            continue;
        }
        if let Some((start, label)) = open.take() {
            out.push((start..i, label));
        }
        open = t.label().map(|l| (i, l));
    }
    if let Some((start, label)) = open {
        out.push((start..tags.len(), label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_back_as_spans() {
        let tags = [
            Tag::BPer,
            Tag::IPer,
            Tag::O,
            Tag::BReg,
            Tag::BReg,
            Tag::IReg,
        ];
        assert_eq!(
            spans(&tags),
            vec![
                (0..2, Label::Person),
                (3..4, Label::Region),
                (4..6, Label::Region)
            ]
        );
    }
}
