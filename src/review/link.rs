//! Which entity a mention belongs to once review has moved its boundaries or changed its label:
//! the same rule for the browser's in-place change and for laying every decision again, so the
//! two never disagree.

use crate::model::{Label, Mention};
use std::sync::Arc;

/// `before` under `label`, covering `surface` now, linked to the entity it names: its own
/// entity when the label is unchanged and the text is one of that entity's names in the document
/// (canonical, or the text of any of its mentions there); else the document's entity of `label`
/// named so; else an entity of its own keyed on the text, as an added mention is (so the same
/// name relabelled in two documents is one entity). `doc_mentions` are the document's mentions
/// with their texts, `before` not among them.
pub fn relinked(
    before: &Mention,
    label: &Label,
    surface: &str,
    doc_mentions: &[(&Mention, &str)],
) -> Mention {
    let name = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    let same = |a: &str| {
        a.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            == name.to_lowercase()
    };
    let with = |key: Arc<str>, canonical: Arc<str>| Mention {
        label: label.clone(),
        key,
        canonical,
        ..before.clone()
    };
    let own_name = same(&before.canonical)
        || (doc_mentions.iter()).any(|(m, text)| m.key == before.key && same(text));
    if *label == before.label && own_name {
        return with(before.key.clone(), before.canonical.clone());
    }
    let named = (doc_mentions.iter()).find(|(m, text)| {
        m.label == *label && m.key != before.key && (same(text) || same(&m.canonical))
    });
    match named {
        Some((m, _)) => with(m.key.clone(), m.canonical.clone()),
        None => with(added_key(&name), name.into()),
    }
}

/// The key of a mention the reviewer added (or relinked to no known entity): its text.
pub fn added_key(name: &str) -> Arc<str> {
    format!("added:{}", name.to_lowercase()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn mention(label: Label, key: &str, canonical: &str, span: std::ops::Range<usize>) -> Mention {
        Mention {
            doc: crate::corpus::DocId(0),
            span,
            label,
            key: key.into(),
            canonical: canonical.into(),
            source: Source::Builtin("test"),
        }
    }

    #[test]
    fn a_relabelled_mention_joins_the_documents_entity_of_its_new_label_or_one_of_its_own() {
        let wrong = mention(Label::Person, "person:hexi", "Hexi", 0..4);
        let region = mention(Label::Region, "region:hexi", "Hexi District", 20..33);
        let doc = [(&region, "Hexi District")];
        let moved = relinked(&wrong, &Label::Region, "Hexi District", &doc);
        assert_eq!((moved.label, &*moved.key), (Label::Region, "region:hexi"));
        let alone = relinked(&wrong, &Label::Org, "Hexi", &doc);
        assert_eq!(
            (alone.label, &*alone.key, &*alone.canonical),
            (Label::Org, "added:hexi", "Hexi")
        );
    }

    #[test]
    fn moved_boundaries_keep_the_entity_only_when_the_text_is_still_one_of_its_names() {
        let short = mention(Label::Person, "person:wang dali", "Wang Dali", 0..4);
        let other = mention(Label::Person, "person:wang xiao", "Wang Xiao", 30..39);
        let again = mention(Label::Person, "person:wang dali", "Wang Dali", 50..54);
        let doc = [(&again, "wang"), (&other, "Wang Xiao")];
        let full = relinked(&short, &Label::Person, "Wang  Dali", &doc);
        assert_eq!(&*full.key, "person:wang dali", "its canonical name");
        let same_text = relinked(&short, &Label::Person, "wang", &doc);
        assert_eq!(
            &*same_text.key, "person:wang dali",
            "the text one of its mentions has"
        );
        let elsewhere = relinked(&short, &Label::Person, "Wang Xiao", &doc);
        assert_eq!(&*elsewhere.key, "person:wang xiao", "another entity's name");
        let unknown = relinked(&short, &Label::Person, "Wang Dawei", &doc);
        assert_eq!(&*unknown.key, "added:wang dawei");
    }
}
