//! The index: entities, per-document queries, texts of mentions and rebuilding.
use super::*;
use crate::corpus::{Document, SourceEncoding};
use crate::model::Source;

fn corpus(texts: &[&str]) -> Corpus {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Document::new(
                DocId(i as u32),
                format!("{i}.txt"),
                t.to_string(),
                SourceEncoding::Utf8,
            )
        })
        .collect();
    Corpus {
        label: "test".into(),
        docs,
        ..Corpus::default()
    }
}

fn mention(doc: DocId, text: &str, needle: &str, nth: usize, label: Label, key: &str) -> Mention {
    let start = text.match_indices(needle).nth(nth).expect("needle").0;
    Mention {
        doc,
        span: start..start + needle.len(),
        label,
        key: key.into(),
        canonical: key.into(),
        source: Source::Builtin("test"),
    }
}

fn sample() -> Index {
    let t = [
        "Li Qiang met Wang Yi in Hefei. Li Qiang left.",
        "Wang Yi in Hefei.",
        "Nothing here.",
    ];
    let c = corpus(&t);
    let ms = vec![
        mention(DocId(0), t[0], "Li Qiang", 1, Label::Person, "li"),
        mention(DocId(1), t[1], "Hefei", 0, Label::Region, "hefei"),
        mention(DocId(0), t[0], "Li Qiang", 0, Label::Person, "li"),
        mention(DocId(0), t[0], "Wang Yi", 0, Label::Person, "wang"),
        mention(DocId(0), t[0], "Hefei", 0, Label::Region, "hefei"),
        mention(DocId(1), t[1], "Wang Yi", 0, Label::Person, "wang"),
    ];
    Index::build(&c, ms)
}

fn id(index: &Index, key: &str) -> EntityId {
    EntityId(index.entities.iter().position(|e| &*e.key == key).unwrap() as u32)
}

#[test]
fn entities_know_their_documents_and_mentions_in_order() {
    let index = sample();
    assert_eq!(index.entities.len(), 3);
    let li = index.entity(id(&index, "li"));
    assert_eq!(li.docs, [0]);
    let starts: Vec<usize> = li
        .mentions
        .iter()
        .map(|&m| index.mentions[m.index()].span.start)
        .collect();
    assert_eq!(
        starts,
        [0, 31],
        "corpus order, whatever order mentions came in"
    );
    assert_eq!(index.entity(id(&index, "hefei")).docs, [0, 1]);
}

#[test]
fn documents_with_all_filters() {
    let index = sample();
    let (li, wang, hefei) = (id(&index, "li"), id(&index, "wang"), id(&index, "hefei"));
    assert_eq!(index.docs_with_all(&[], 3), [0, 1, 2]);
    assert_eq!(index.docs_with_all(&[wang, hefei], 3), [0, 1]);
    assert_eq!(index.docs_with_all(&[wang, li], 3), [0]);
}

#[test]
fn per_document_queries() {
    let index = sample();
    assert_eq!(index.doc_mentions(DocId(0)).len(), 4);
    assert_eq!(index.doc_mentions(DocId(2)).len(), 0);
    assert_eq!(index.entity_count(DocId(0)), 3);
    let grouped: Vec<(String, usize)> = index
        .doc_entities(DocId(0))
        .iter()
        .map(|&(e, n)| (index.entity(e).key.to_string(), n))
        .collect();
    assert_eq!(
        grouped,
        [
            ("li".to_string(), 2),
            ("wang".to_string(), 1),
            ("hefei".to_string(), 1)
        ]
    );
    let at = index.mention_at(DocId(0), 14).unwrap();
    assert_eq!(&*index.entity(index.entity_of(at)).key, "wang");
    assert_eq!(index.mention_at(DocId(0), 10), None, "between mentions");
    assert_eq!(index.mention_at(DocId(2), 0), None);
}

#[test]
fn each_mention_knows_its_text() {
    let index = sample();
    let texts: Vec<Option<&str>> = index.mention_ids().map(|m| index.surface(m)).collect();
    assert_eq!(
        texts,
        [
            Some("Li Qiang"),
            Some("Wang Yi"),
            Some("Hefei"),
            Some("Li Qiang")
        ]
        .into_iter()
        .chain([Some("Wang Yi"), Some("Hefei")])
        .collect::<Vec<_>>()
    );
}

#[test]
fn a_rebuild_reads_only_the_documents_whose_mentions_moved_and_equals_a_build() {
    use crate::corpus::{FileStamp, Origin, Text};
    let dir = tempfile::tempdir().unwrap();
    let t = [
        "Li Qiang met Wang Yi in Hefei.",
        "Wang Yi in Hefei.",
        "Li Qiang, again.",
    ];
    let mut c = corpus(&t);
    for (i, doc) in c.docs.iter_mut().enumerate() {
        let file = dir.path().join(format!("{i}.txt"));
        std::fs::write(&file, t[i]).unwrap();
        let meta = std::fs::metadata(&file).unwrap();
        let origin = Origin {
            hash: crate::corpus::content_hash(t[i].as_bytes()),
            len: t[i].len(),
            stamp: FileStamp::of(&meta).unwrap(),
            file,
        };
        doc.text = Text::unread(origin);
    }
    let before = vec![
        mention(DocId(0), t[0], "Li Qiang", 0, Label::Person, "li"),
        mention(DocId(0), t[0], "Hefei", 0, Label::Region, "hefei"),
        mention(DocId(1), t[1], "Wang Yi", 0, Label::Person, "wang"),
        mention(DocId(2), t[2], "Li Qiang", 0, Label::Person, "li"),
    ];
    let old = Index::build(&c, before.clone());
    for doc in &mut c.docs {
        doc.text.release();
    }
    // A mention added in the second document, one moved in the third.
    let mut after = before;
    after.push(mention(DocId(1), t[1], "Hefei", 0, Label::Region, "hefei"));
    after[3] = mention(DocId(2), t[2], "Li", 0, Label::Person, "li");
    let rebuilt = old.rebuild(&c, after.clone());
    let held: Vec<bool> = c.docs.iter().map(|d| d.text.is_held()).collect();
    assert_eq!(held, [false, true, true]);
    let built = Index::build(&c, after);
    assert_eq!(rebuilt.mentions, built.mentions);
    assert_eq!(rebuilt.mention_surface, built.mention_surface);
    let names = |i: &Index| -> Vec<(String, Vec<String>)> {
        (i.entities.iter())
            .map(|e| (e.name.clone(), e.aliases.clone()))
            .collect()
    };
    assert_eq!(names(&rebuilt), names(&built));
    assert_eq!(built.entity(id(&built, "li")).aliases, ["Li Qiang", "Li"]);
}
