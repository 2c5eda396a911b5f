//! Person names in Chinese text, read from a surname table, given-name characters and context:
//! a title before (局长朱玉兵) or after (习近平总书记), a speech verb after (罗进飞表示).

use super::tables::TABLES;
use super::{Candidate, Recognizer};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use std::collections::BTreeSet;

/// Person names in Chinese text.
pub struct PersonsZh;

/// Titles around names, longest first so that 副局长 is preferred to 局长.
const TITLES: &[&str] = &[
    "党组书记",
    "区委书记",
    "市委书记",
    "省委书记",
    "县委书记",
    "总书记",
    "副书记",
    "书记",
    "常务副市长",
    "副市长",
    "市长",
    "副区长",
    "区长",
    "副县长",
    "县长",
    "副省长",
    "省长",
    "副局长",
    "局长",
    "副主任",
    "主任",
    "副董事长",
    "董事长",
    "总经理",
    "副总经理",
    "副总裁",
    "总裁",
    "副主席",
    "主席",
    "副会长",
    "会长",
    "秘书长",
    "副部长",
    "部长",
    "副院长",
    "院长",
    "副校长",
    "校长",
    "副厅长",
    "厅长",
    "处长",
    "理事长",
    "总监",
    "总工程师",
    "主编",
    "社长",
    "委员",
    "成员",
    "同志",
    "教授",
    "研究员",
    "记者",
    "编辑",
    "通讯员",
    "作者",
    "经理",
];

/// Titles that follow a name (习近平总书记); titles like 董事长 follow companies as often.
const TITLES_AFTER_NAME: &[&str] = &[
    "总书记",
    "同志",
    "副主席",
    "主席",
    "副总理",
    "总理",
    "委员长",
    "书记",
    "市长",
    "省长",
    "区长",
    "县长",
    "部长",
    "院士",
    "教授",
    "先生",
    "女士",
];

/// Verbs after a name.
const VERBS: &[&str] = &[
    "表示", "说", "指出", "强调", "认为", "介绍", "提出", "要求", "称", "坦言", "透露", "告诉",
    "主持", "出席", "参加", "调研", "讲话", "致辞", "会见", "视察", "一行",
];

/// Characters that are common in given names but, after a surname, nearly always belong to an
/// office or a place (区委, 市长): a reading whose given name uses them is rejected.
const OFFICE_CHARS: &str = "委市区县省党局长部厅处科镇乡村府院会长副总主";

/// Text that may follow a name: punctuation, a title, a verb.
fn followed_by_cue(rest: &str) -> Option<bool> {
    let c = rest.chars().next()?;
    if VERBS.iter().any(|v| rest.starts_with(v)) {
        return Some(true);
    }
    if TITLES.iter().any(|t| rest.starts_with(t)) || !is_han(c) {
        return Some(false);
    }
    None
}

impl Recognizer for PersonsZh {
    fn name(&self) -> &'static str {
        "persons-zh"
    }

    fn handles(&self, lang: Lang) -> bool {
        lang == Lang::Zh
    }

    fn recognize(&self, doc: &Document, out: &mut Vec<Candidate>) {
        let text = &doc.text;
        let mut names: BTreeSet<String> = BTreeSet::new();
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            // A title, then (after an optional colon) a name: 局长朱玉兵表示, 编辑:王宁.
            if let Some(title) = TITLES.iter().find(|t| rest.starts_with(**t)) {
                let after = &rest[title.len()..];
                let after = after.trim_start_matches([':', '：', ' ']);
                if let Some(name) = name_at(after, true) {
                    names.insert(name);
                }
            }
            // A name, then a title: 习近平总书记.
            if let Some(name) = name_at(rest, false) {
                names.insert(name);
            }
        }
        // Every occurrence of a name found once is a mention of it.
        for name in names {
            for (start, _) in text.match_indices(name.as_str()) {
                out.push(Candidate {
                    span: start..start + name.len(),
                    label: Label::Person,
                    key: format!("person:zh:{name}"),
                    canonical: name.clone(),
                    recognizer: "persons-zh",
                });
            }
        }
    }
}

/// A surname (one or two characters) and a one- or two-character given name at the start of
/// `text`. After a title, the reading followed by a verb wins, else one followed by a title or
/// punctuation; without a title before it, only a reading followed by a title counts.
fn name_at(text: &str, after_title: bool) -> Option<String> {
    let t = &*TABLES;
    let chars: Vec<(usize, char)> = text.char_indices().take(5).collect();
    let end_of = |n: usize| chars.get(n).map_or(text.len(), |(i, _)| *i);
    let mut fallback = None;
    for surname_len in [2, 1] {
        if chars.len() < surname_len + 1
            || !t.surnames_zh.contains_key(&text[..end_of(surname_len)])
        {
            continue;
        }
        for given_len in [2, 1] {
            let n = surname_len + given_len;
            if chars.len() < n {
                continue;
            }
            let given_ok = chars[surname_len..n]
                .iter()
                .all(|(_, c)| t.given_chars.contains(c) && !OFFICE_CHARS.contains(*c));
            if !given_ok {
                continue;
            }
            let name = &text[..end_of(n)];
            if !after_title {
                // Without a title before it, a name needs one after it: 习近平总书记.
                if TITLES_AFTER_NAME
                    .iter()
                    .any(|t| text[name.len()..].starts_with(t))
                {
                    return Some(name.to_string());
                }
                continue;
            }
            if super::regions::place_at_start(text).is_some_and(|len| len >= name.len()) {
                continue; // 南开区委书记: a place, then a title
            }
            match followed_by_cue(&text[name.len()..]) {
                Some(true) => return Some(name.to_string()),
                Some(false) if fallback.is_none() => fallback = Some(name.to_string()),
                _ => {}
            }
        }
    }
    fallback
}
