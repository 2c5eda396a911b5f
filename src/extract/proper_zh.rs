//! Chinese proper nouns jieba's dictionary knows, taken where the form agrees: organizations it
//! tags nt that end like one (外交部, 新华社, 全国政协), places it tags ns that end like one or
//! stand where places stand (北三县, 赴迪拜), and companies listed as such (兴发集团、华新水泥等企业).
//! Towns and villages are `towns_zh`'s.

use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;

/// Chinese proper nouns from jieba's tags, lists and suffixes.
pub struct ProperZh;

/// Endings of organizations' names (a body, a school, an agency, a party).
const ORG_ENDINGS: &[&str] = &[
    "部",
    "委",
    "院",
    "社",
    "局",
    "署",
    "厅",
    "办",
    "协",
    "会",
    "大学",
    "学院",
    "集团",
    "公司",
    "银行",
    "中央",
    "人大",
    "政协",
    "政府",
    "网",
    "台",
    "党",
    "联合国",
    "组织",
    "机构",
];

/// Organization types that name no particular body on their own (党工委 of which zone?).
const GENERIC_ORGS: &[&str] = &["党工委", "管委会", "党委", "党组", "工委", "村委", "居委会"];

/// Endings of places' names.
const PLACE_ENDINGS: &str = "省市县区州镇乡村岛湾港角洲";

/// Words after which a place stands (在上海, 赴迪拜, 前往廊坊).
const BEFORE_PLACE: &[&str] = &[
    "在", "赴", "到", "抵达", "前往", "访问", "来自", "位于", "飞抵",
];

/// What follows a list of companies (兴发集团、华新水泥等企业).
const COMPANY_LIST_ENDS: &[&str] = &["等企业", "等公司", "等龙头企业", "等一批企业", "等单位"];

impl Recognizer for ProperZh {
    fn name(&self) -> &'static str {
        "proper-zh"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let tokens = words.han();
        for t in tokens {
            let word = &text[t.range.clone()];
            let n = word.chars().count();
            if n < 2 || !word.chars().all(is_han) {
                continue;
            }
            let before = &text[..t.range.start];
            match t.tag {
                "nt" if ORG_ENDINGS.iter().any(|e| word.ends_with(e))
                    && !GENERIC_ORGS.contains(&word) =>
                {
                    out.push(candidate(t.range.clone(), word, Label::Org));
                }
                "ns" if named_place(word)
                    || (n <= 3 && BEFORE_PLACE.iter().any(|p| before.ends_with(p))) =>
                {
                    out.push(candidate(t.range.clone(), word, Label::Region));
                }
                _ => {}
            }
        }
        companies_in_lists(text, out);
    }
}

/// A word jieba tags as a place that ends like one after a name of two characters or more
/// (北三县, 长三角, 香港特区) — not a generic one (新区, 三区, 大都市, 百强县).
fn named_place(word: &str) -> bool {
    let Some(stem) = word
        .strip_suffix("地区")
        .or_else(|| word.strip_suffix(|c| PLACE_ENDINGS.contains(c)))
        .map(|stem| stem.strip_suffix('特').unwrap_or(stem))
    else {
        return false;
    };
    // 百强县, 沿海地区: a common word and a division's ending name a kind of place, not one.
    let division = word.ends_with(['县', '区', '市']);
    stem.chars().count() >= 2
        && !stem.starts_with(|c| GENERIC_STARTS.contains(c))
        && !(division && super::segment::common_word(stem))
}

/// First characters of generic place words (大都市, 新城区, 各县区).
const GENERIC_STARTS: &str = "大小新老各全本该每一二三四五六七八九十多城";

pub(super) fn candidate(span: std::ops::Range<usize>, name: &str, label: Label) -> Candidate {
    let kind = if label == Label::Org { "org" } else { "region" };
    Candidate {
        span,
        key: format!("{kind}:zh:{name}"),
        canonical: name.to_string(),
        label,
        recognizer: "proper-zh",
    }
}

/// Bytes before a list's end searched for the start of its clause.
const LIST_WINDOW: usize = 240;

/// Items of a list ended by 等企业 (兴发集团、华新水泥、安琪酵母等企业): companies.
fn companies_in_lists(text: &str, out: &mut Vec<Candidate>) {
    for end in COMPANY_LIST_ENDS {
        for (at, _) in text.match_indices(end) {
            // The clause before it, looked for in a bounded window (a long text without
            // punctuation must not be scanned back whole for every list).
            let mut window = at.saturating_sub(LIST_WINDOW);
            while !text.is_char_boundary(window) {
                window += 1;
            }
            let line_start = text[window..at]
                .rfind([
                    '\n', '。', ',', '\u{FF0C}', ';', '\u{FF1B}', ':', '\u{FF1A}',
                ])
                .map_or(window, |i| {
                    window + i + text[window + i..].chars().next().map_or(1, char::len_utf8)
                });
            let mut start = line_start;
            for item in text[line_start..at].split('、') {
                let item_start = start;
                start += item.len() + '、'.len_utf8();
                // An item longer than a name (the first may carry the words before the list) is
                // left out.
                let n = item.chars().count();
                if (2..=6).contains(&n) && item.chars().all(is_han) {
                    out.push(candidate(
                        item_start..item_start + item.len(),
                        item,
                        Label::Org,
                    ));
                }
            }
        }
    }
}
