//! Towns, townships, subdistricts, communities and villages in Chinese text: the towns,
//! townships and subdistricts of the register (assets/towns_zh.tsv) wherever jieba's words do not
//! run across their start, and any by their suffix: after a name jieba reads as one (东坝镇,
//! 桂城街道), inside jieba's guess at an unknown word (凤岗镇作), right after the county or city
//! they are in (南安市水头镇), right after another (樟树湾镇田心村), and as the items of a list of
//! places (`listed_zh.rs`).

use super::segment::{self, Token};
use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use std::ops::Range;

/// Towns and villages by their suffix, and places listed with theirs.
pub struct TownsZh;

impl Recognizer for TownsZh {
    fn name(&self) -> &'static str {
        "towns-zh"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let tokens = words.han();
        // No line with ideographs (an English article): nothing of this recognizer's.
        if tokens.is_empty() {
            return;
        }
        let mut towns = Vec::new();
        for i in 0..tokens.len() {
            town(text, tokens, i, &mut towns);
            town_after_its_county(text, tokens, i, &mut towns);
        }
        super::listed_zh::listed_places(text, tokens, &mut towns);
        registered_towns(text, tokens, &mut towns);
        villages_joined_on(text, &mut towns);
        // 首阳镇中心小学: a school named after its town, no mention of the town.
        towns.retain(|c| !super::gazetteer_zh::school_after(text, c.span.end));
        // A town found once is the town wherever its name stands in full (柳河乡 again where
        // jieba read 柳河 + 乡大), under the key it was found with (a county's is the
        // gazetteer's).
        let mut found: std::collections::HashMap<&str, &Candidate> =
            towns.iter().map(|c| (&text[c.span.clone()], c)).collect();
        // A village or town named again without its suffix (伍家台 of 伍家台村): by a name of
        // three characters, or of two that jieba's dictionary does not have as a word.
        let bare: Vec<(&str, &Candidate)> = towns
            .iter()
            .filter_map(|c| {
                let name = &text[c.span.clone()];
                let bare = name.strip_suffix(['村', '镇', '乡'])?;
                let chars = bare.chars().count();
                let named = chars == 3 || (chars == 2 && !segment::is_word(bare));
                named.then_some((bare, c))
            })
            .collect();
        for (name, c) in bare {
            found.entry(name).or_insert(c);
        }
        let mut names: Vec<&str> = found.keys().copied().collect();
        names.sort_unstable();
        let identity = |name: &str| {
            found
                .get(name)
                .map_or_else(Default::default, |c| (c.key.clone(), c.canonical.clone()))
        };
        let ours = out.len();
        super::every_occurrence(text, &names, identity, Label::Region, "towns-zh", out);
        // 通渭 of 通渭县第一中学: a bare name before a division's suffix and a facility is part
        // of the facility's name, which the gazetteer turned down.
        let mut index = 0;
        out.retain(|c| {
            index += 1;
            let after = &text[c.span.end..];
            let facility = after.starts_with(['县', '市', '区', '镇', '乡'])
                && super::gazetteer_zh::facility_after(after, '县'.len_utf8());
            index <= ours || !facility
        });
    }
}

/// Every town of the register in `text` whose name starts a word as jieba reads it, or starts
/// inside a word jieba only guessed — not inside a dictionary word (the 城南街道 of 县城南街道
/// is 县城's). A village or community right after such a town is one too, whatever jieba made
/// of it (分水镇新龙村 read 分水 + 镇新龙村; 城关街道幸福社区, 幸福 being a word).
fn registered_towns(text: &str, tokens: &[Token], out: &mut Vec<Candidate>) {
    for m in super::towns_register::register_matches(text) {
        let at = tokens.partition_point(|t| t.range.end <= m.start);
        let inside_a_word = tokens
            .get(at)
            .is_some_and(|t| t.range.start < m.start && segment::is_word(&text[t.range.clone()]));
        // 海岛乡 of 海岛乡村振兴: the suffix starts a common word of two characters (乡村) — not
        // 镇公所, the town's office.
        let last = m.end - text[..m.end].chars().next_back().map_or(0, char::len_utf8);
        let suffix_in_a_word = tokens
            .get(tokens.partition_point(|t| t.range.end <= last))
            .is_some_and(|t| {
                let word = &text[t.range.clone()];
                t.range.start == last && word.chars().count() == 2 && segment::common_word(word)
            });
        if inside_a_word || suffix_in_a_word {
            continue;
        }
        if let Some(len) = village_at(&text[m.end..]) {
            out.push(town_candidate(text, m.end..m.end + len));
        }
        out.push(town_candidate(text, m));
    }
}

/// A village or community right after a town or village found (樟树湾镇田心村), or joined to
/// one by 和, 、 or 及 (红星村和东湖社区): one too, whatever jieba made of its words.
fn villages_joined_on(text: &str, towns: &mut Vec<Candidate>) {
    let mut at = 0;
    while let Some(end) = towns.get(at).map(|c| c.span.end) {
        let joined = ["和", "、", "及", "与", ""]
            .iter()
            .find(|j| text[end..].starts_with(*j))
            .map(|j| end + j.len());
        if let Some(start) = joined {
            let found = |c: &Candidate| c.span.start == start;
            if let Some(len) = village_at(&text[start..]) {
                if !towns.iter().any(found) {
                    towns.push(town_candidate(text, start..start + len));
                }
            }
        }
        at += 1;
    }
}

/// The length of a village or community of two or three characters that `text` starts with
/// (新龙村, 幸福社区), right after another place. There a name may start like a word that
/// elsewhere is no name's (新屋村 after 大塘乡, 新民社区 in a list of communities), unless it is
/// a determiner (该村) or ends in a common word (新农村).
fn village_at(text: &str) -> Option<usize> {
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .skip(2)
        .take(2)
        .collect();
    starts.into_iter().find_map(|end| {
        let name = &text[..end];
        let suffix = ["村", "社区", "嘎查"]
            .into_iter()
            .find(|s| text[end..].starts_with(s))?;
        let len = end + suffix.len();
        // Not 调研乡村 of 调研乡村振兴: a verb and 乡村 ("the countryside").
        let named = (2..=3).contains(&name.chars().count())
            && name.chars().all(is_han)
            && !generic_kind(name)
            && !name.starts_with(|c| DETERMINERS.contains(c) || NOT_IN_A_NAME.contains(c))
            && !segment::common_word(&text[..len])
            // 新农村: the suffix and the character before it make a word (农村 "countryside").
            && !name
                .char_indices()
                .next_back()
                .is_some_and(|(i, _)| segment::common_word(&text[i..len]))
            && !common_suffix_word(&text[..len])
            && !segment::COMMON_VERBS.iter().any(|v| name.starts_with(v));
        named.then_some(len)
    })
}

pub(super) fn town_candidate(text: &str, span: Range<usize>) -> Candidate {
    let name = &text[span.clone()];
    Candidate {
        key: format!("region:zh:{name}"),
        canonical: name.to_string(),
        span,
        label: Label::Region,
        recognizer: "towns-zh",
    }
}

/// Suffixes of towns, townships, subdistricts and villages.
/// (嘎查: a village of Inner Mongolia's pastures.)
const TOWN_SUFFIXES: &[&str] = &["街道", "社区", "嘎查", "镇", "乡", "村"];
/// The last characters of `TOWN_SUFFIXES`.
const TOWN_SUFFIX_ENDS: [char; 6] = ['道', '区', '查', '镇', '乡', '村'];
/// The first characters of `TOWN_SUFFIXES`.
const TOWN_SUFFIX_STARTS: [char; 6] = ['街', '社', '嘎', '镇', '乡', '村'];
/// What may not start a town's name: a determiner (全镇, 该村, 各乡, 所有街道), or the writer's
/// own county or city (我县大河乡).
pub(super) const NOT_TOWN_NAMES: &str = "全该本各每此所乡城农邻外同老新县市区省镇村";
/// The determiners among `NOT_TOWN_NAMES`: never a name's start, even right after a place.
const DETERMINERS: &str = "全该本各每此所";

/// A town, township, subdistrict or village: a name of two or three characters that jieba
/// reads as a word of its own (or as a place), then the suffix (东坝镇, 桂城街道) — not 农村, 全镇.
fn town(text: &str, tokens: &[Token], i: usize, out: &mut Vec<Candidate>) {
    let t = &tokens[i];
    // The name: this token alone, or with the next one (桂城 + 街道, 上 + 庄村 read apart), or
    // two words and the suffix on its own (樟树 + 湾 + 镇).
    for take in [1, 2, 3] {
        let Some(last) = tokens.get(i + take - 1) else {
            return;
        };
        if take == 3 && !TOWN_SUFFIXES.contains(&&text[last.range.clone()]) {
            break;
        }
        let run = &text[t.range.start..last.range.end];
        // A character test first: this runs for every word, and most end in no suffix.
        if !run.ends_with(TOWN_SUFFIX_ENDS) {
            continue;
        }
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
            // One dictionary word that is not a proper noun (农村, 城乡) is a word, not a town.
            // Not jieba's person tag on a word that holds the suffix (小山村 "a small mountain
            // village" is tagged a name).
            let holds_the_suffix = t.range.end > name_end;
            let proper = t.tag.starts_with("ns")
                || t.tag == "nz"
                || (t.tag.starts_with("nr") && !holds_the_suffix);
            let common_word = take == 1 && !proper && segment::is_word(run);
            // 新塘镇: a word jieba knows as a place may start like a determiner.
            let known_place = take == 2 && t.tag == "ns" && t.range.end == name_end;
            // 美丽乡村, 和美乡村: the suffix and the character before it make a word (乡村
            // "countryside", 城镇 "towns"), not a name and its suffix.
            let suffix_in_a_word = common_suffix_word(run);
            // 黟县 + 宏村 (镇): a county named in full starts no village's name.
            let after_a_county = take > 1
                && t.tag == "ns"
                && text[t.range.clone()].ends_with(COUNTY_ENDINGS)
                && t.range.end < name_end;
            let names_something = !suffix_in_a_word
                && !after_a_county
                && town_name(name, known_place)
                && name_words
                && !common_word;
            if names_something {
                let start = road_named_start(text, tokens, i, suffix);
                // 在椒园 + 镇: a preposition jieba's guess took into the name of three.
                let start = match name.chars().next() {
                    Some(c) if "在赴到从".contains(c) && name.chars().count() == 3 => {
                        start + c.len_utf8()
                    }
                    _ => start,
                };
                out.push(town_candidate(text, start..last.range.end));
                return;
            }
        }
    }
    town_inside_a_guess(text, tokens, i, out);
}

/// Where a community named for its road starts (建设东路社区, read 建设 + 东路 + 社区): the
/// word before a name that starts with a direction and 路, if it is two ideographs; else at
/// word `i`.
fn road_named_start(text: &str, tokens: &[Token], i: usize, suffix: &str) -> usize {
    let t = &tokens[i];
    let road_side = ["东路", "西路", "南路", "北路", "中路"]
        .iter()
        .any(|r| text[t.range.clone()].starts_with(r));
    let before = i.checked_sub(1).map(|k| &tokens[k]);
    match before {
        Some(b) if suffix == "社区" && road_side && b.range.end == t.range.start => {
            let word = &text[b.range.clone()];
            let two_ideographs = word.chars().count() == 2 && word.chars().all(is_han);
            if two_ideographs {
                b.range.start
            } else {
                t.range.start
            }
        }
        _ => t.range.start,
    }
}

/// Whether `name` (before a suffix) can name a town: two or three ideographs, not starting like
/// a determiner unless `known_place` (新塘镇: jieba knows 新塘 as a place).
fn town_name(name: &str, known_place: bool) -> bool {
    (2..=3).contains(&name.chars().count())
        && name.chars().all(is_han)
        && (known_place || !name.starts_with(|c| NOT_TOWN_NAMES.contains(c)))
        && !generic_kind(name)
}

/// Qualities that make a kind of village or town, not its name (特色村, 示范村, 特色小镇, 中心村,
/// 城市社区).
const GENERIC_KINDS: &[&str] = &[
    "城市",
    "农村",
    "特色",
    "示范",
    "重点",
    "贫困",
    "先进",
    "文明",
    "旅游",
    "专业",
    "生态",
    "美丽",
    "传统",
    "中心",
    "行政",
    "自然",
    "城中",
    "民族",
    "边境",
    "明星",
    "样板",
    "试点",
    "和美",
    "宜居",
    "历史文化",
];

/// Whether the name before a village's or town's suffix is a kind's quality, alone or with
/// 小, 古 or 名 (特色小镇, 历史文化名村).
pub(super) fn generic_kind(name: &str) -> bool {
    let quality = name.strip_suffix(['小', '古', '名']).unwrap_or(name);
    GENERIC_KINDS.contains(&quality)
}

/// Whether a name ends in a word of two places' kinds (乡村, 城镇, 乡镇, 村镇, 城乡).
fn common_suffix_word(run: &str) -> bool {
    ["乡村", "城镇", "乡镇", "村镇", "城乡"]
        .iter()
        .any(|w| run.ends_with(w))
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
        if segment::is_word(&text[last.range.clone()]) {
            continue;
        }
        for suffix in TOWN_SUFFIXES {
            let Some(at) = run.find(suffix) else {
                continue;
            };
            let (name, rest) = (&run[..at], &run[at + suffix.len()..]);
            let town_like =
                town_name(name, false) && rest.chars().count() == 1 && !segment::is_word(name);
            if town_like {
                let end = t.range.start + at + suffix.len();
                out.push(town_candidate(text, t.range.start..end));
                return;
            }
        }
    }
}

/// Tags of words a town's name can be made of: nouns, places, names, unknown words, rare
/// characters (寮 of 寮步镇).
pub(super) fn name_word(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "j" | "x" | "s" | "f" | "b" | "ng" | "zg")
}

/// Endings of a county or city that a town's name may follow (南安市水头镇).
const COUNTY_ENDINGS: &[char] = &['市', '县', '区', '旗'];

/// A town right after the county or city it is in (南安市水头镇), even where jieba's dictionary
/// has the town as a word (a town anywhere else could be a common word: 重镇, 专业村).
fn town_after_its_county(text: &str, tokens: &[Token], i: usize, out: &mut Vec<Candidate>) {
    let (county, Some(next)) = (&tokens[i], tokens.get(i + 1)) else {
        return;
    };
    let county_word = &text[county.range.clone()];
    if county.tag != "ns"
        || county_word.chars().count() < 3
        || !county_word.ends_with(COUNTY_ENDINGS)
    {
        return;
    }
    let word = &text[next.range.clone()];
    let named = TOWN_SUFFIXES.iter().any(|suffix| {
        word.strip_suffix(suffix)
            .is_some_and(|name| town_name(name, false))
    });
    if named {
        out.push(town_candidate(text, next.range.clone()));
    }
}

/// Single characters that stand before or after a place, not in its name (赴, 到, 在; 等).
pub(super) const NOT_IN_A_NAME: &str = "赴到在去来至往从向对与和及是为把被将等的了";

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

    #[test]
    fn the_suffixes_last_characters_are_listed() {
        let lasts: Vec<char> = TOWN_SUFFIXES
            .iter()
            .filter_map(|s| s.chars().next_back())
            .collect();
        assert_eq!(lasts, TOWN_SUFFIX_ENDS);
    }
}
