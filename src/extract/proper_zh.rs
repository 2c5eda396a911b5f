//! Chinese proper nouns jieba's dictionary knows, taken where the form agrees: organizations it
//! tags nt that end like one (外交部, 新华社, 全国政协), places it tags ns that end like one or
//! stand where places stand (北三县, 赴迪拜), companies listed as such (兴发集团、华新水泥等企业),
//! and towns, townships, subdistricts, communities and villages by their suffix (东坝镇, 桂城街道,
//! 桂花社区, 上庄村).

use super::segment::Token;
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

/// Suffixes of towns, townships, subdistricts and villages, and what may not stand before one
/// (全镇, 该村, 各乡: a determiner, not a name).
const TOWN_SUFFIXES: &[&str] = &["街道", "社区", "镇", "乡", "村"];
/// The first characters of `TOWN_SUFFIXES`.
const TOWN_SUFFIX_STARTS: [char; 5] = ['街', '社', '镇', '乡', '村'];
const NOT_TOWN_NAMES: &str = "全该本各每此乡城农邻外同老新";

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
        for (i, t) in tokens.iter().enumerate() {
            town(text, tokens, i, out);
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
/// (北三县, 长三角, 香港特区) — not a generic one (新区, 三区, 大都市).
fn named_place(word: &str) -> bool {
    let Some(stem) = word
        .strip_suffix(|c| PLACE_ENDINGS.contains(c))
        .map(|stem| stem.strip_suffix('特').unwrap_or(stem))
    else {
        return false;
    };
    stem.chars().count() >= 2 && !stem.starts_with(|c| GENERIC_STARTS.contains(c))
}

/// First characters of generic place words (大都市, 新城区, 各县区).
const GENERIC_STARTS: &str = "大小新老各全本该每一二三四五六七八九十多城";

fn candidate(span: std::ops::Range<usize>, name: &str, label: Label) -> Candidate {
    let kind = if label == Label::Org { "org" } else { "region" };
    Candidate {
        span,
        key: format!("{kind}:zh:{name}"),
        canonical: name.to_string(),
        label,
        recognizer: "proper-zh",
    }
}

/// A town, township, subdistrict or village: a name of two or three characters that jieba
/// reads as a word of its own (or as a place), then the suffix (东坝镇, 桂城街道) — not 农村, 全镇.
fn town(text: &str, tokens: &[Token], i: usize, out: &mut Vec<Candidate>) {
    let t = &tokens[i];
    // The name: this token alone, or with the next one (桂城 + 街道, 上 + 庄村 read apart).
    for take in [1, 2] {
        let Some(last) = tokens.get(i + take - 1) else {
            return;
        };
        let run = &text[t.range.start..last.range.end];
        for suffix in TOWN_SUFFIXES {
            let Some(name) = run.strip_suffix(suffix) else {
                continue;
            };
            let name_end = t.range.start + name.len();
            // Every word of the name can be part of one (not 要求各 in 要求各镇).
            let name_words = tokens[i..i + take]
                .iter()
                .filter(|w| w.range.start < name_end)
                .all(|w| name_word(w.tag));
            let n = name.chars().count();
            // One dictionary word that is not a proper noun (农村, 城乡) is a word, not a town.
            let proper = t.tag.starts_with("ns") || t.tag.starts_with("nr") || t.tag == "nz";
            let common_word = take == 1 && !proper && super::segment::is_word(run);
            // 新塘镇: a word jieba knows as a place may start like a determiner.
            let known_place = take == 2 && t.tag == "ns" && t.range.end == name_end;
            let names_something = (2..=3).contains(&n)
                && name_words
                && name.chars().all(is_han)
                && (known_place || !name.starts_with(|c| NOT_TOWN_NAMES.contains(c)))
                && !common_word;
            if names_something {
                out.push(candidate(t.range.start..last.range.end, run, Label::Region));
                return;
            }
        }
    }
    town_inside_a_guess(text, tokens, i, out);
}

/// jieba's guess at an unknown word may run past a town's suffix (凤岗镇作 of 凤岗镇作交流发言,
/// 石滩 + 镇作): a name of two or three characters that is no dictionary word, the suffix, and
/// one character more, the last word being no dictionary word either.
fn town_inside_a_guess(text: &str, tokens: &[Token], i: usize, out: &mut Vec<Candidate>) {
    let t = &tokens[i];
    for take in [1, 2] {
        let Some(last) = tokens.get(i + take - 1) else {
            return;
        };
        let run = &text[t.range.start..last.range.end];
        // Cheapest first: most words hold no suffix at all.
        // A character test, not a substring search per suffix (this runs for every word).
        let holds_a_suffix = run.contains(TOWN_SUFFIX_STARTS);
        if !name_word(t.tag) || !holds_a_suffix {
            continue;
        }
        if super::segment::is_word(&text[last.range.clone()]) {
            continue;
        }
        for suffix in TOWN_SUFFIXES {
            let Some(at) = run.find(suffix) else {
                continue;
            };
            let (name, rest) = (&run[..at], &run[at + suffix.len()..]);
            let town_like = (2..=3).contains(&name.chars().count())
                && rest.chars().count() == 1
                && name.chars().all(is_han)
                && !name.starts_with(|c| NOT_TOWN_NAMES.contains(c))
                && !super::segment::is_word(name);
            if town_like {
                let end = t.range.start + at + suffix.len();
                out.push(candidate(
                    t.range.start..end,
                    &text[t.range.start..end],
                    Label::Region,
                ));
                return;
            }
        }
    }
}

/// Tags of words a town's name can be made of: nouns, places, names, unknown words, rare
/// characters (寮 of 寮步镇).
fn name_word(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "j" | "x" | "s" | "f" | "b" | "ng" | "zg")
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
                .rfind(['\n', '。', ',', ',', ';', ';', ':', ':'])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suffixes_first_characters_are_listed() {
        let firsts: Vec<char> = TOWN_SUFFIXES
            .iter()
            .filter_map(|s| s.chars().next())
            .collect();
        assert_eq!(firsts, TOWN_SUFFIX_STARTS);
    }
}
