//! Chinese development zones, parks, new areas and regional groupings by their suffix or head
//! word (天津滨海高新区, 成渝地区双城经济圈), with the name before the suffix read back to where it
//! starts. English ones are `zones_en.rs`'s.

use super::abbreviations::is_china_and_partner;
use super::tables::TABLES;
use super::Candidate;
use crate::corpus::meta::is_han;
use crate::model::Label;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Chinese zone suffixes, longest first.
static ZONE_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"高新技术产业开发区|经济技术开发区|特殊综合保税区|综合保税区|高新区|经开区|综保区|新片区|新区|开发区|自由贸易港|自贸港|自贸区|自由贸易试验区|保税区|(?:工业|产业|科创|科技|软件|生态|物流)园区?|园区|商务区|合作区|城市副中心|示范区|先行区|试验区|实验区|生态城|科学城|科技城|生物城|大学城|知识城|集聚区|起步区|新发展区|新城|片区|区块|港区|(?:农|光|药|医|车|数|硅|河)谷|流域|经济带|经济圈|城市群|都市圈|三角洲|湾区|走廊").expect("static regex")
});

/// 天津滨海高新区, 西青经济技术开发区, 华苑科技园: a zone suffix after a name. The name is
/// the ideographs before the suffix that start with a known place (a division's full or bare
/// name); failing that, the words jieba reads as nouns, starting at the first proper noun.
pub(super) fn zones_zh(text: &str, out: &mut Vec<Candidate>) {
    for m in ZONE_ZH.find_iter(text) {
        // 区块链 "blockchain".
        if head_ends_a_division(text, m.range())
            || (m.as_str() == "区块" && text[m.end()..].starts_with('链'))
        {
            continue;
        }
        let Some(start) = zone_name_start_zh(text, m.range()) else {
            continue;
        };
        // 香港科技园公司: the company that runs the park, named by it.
        let company = ["有限公司", "公司", "集团"]
            .iter()
            .find(|w| text[m.end()..].starts_with(*w));
        if let Some(company) = company {
            let span = start..m.end() + company.len();
            out.push(super::orgs::org(span.clone(), &text[span]));
            continue;
        }
        let name = &text[start..m.end()];
        out.push(Candidate {
            span: start..m.end(),
            label: Label::Region,
            key: format!("region:zone:{name}"),
            canonical: name.to_string(),
            recognizer: "regions",
        });
    }
}

/// Where a zone's name starts once the provinces and cities written in full before it are left
/// out (河北省沧州市渤海新区: 河北省, 沧州市, then 渤海新区; 天津滨海新区 keeps its city's
/// short name), as long as what remains before the suffix at `suffix_start` starts with a
/// proper noun (not 海城市检验检测认证科技产业园, where the rest is words of a kind).
fn after_divisions_in_full(text: &str, start: usize, suffix_start: usize) -> usize {
    let mut at = start;
    while let Some(len) = super::regions::place_at_start(&text[at..suffix_start]) {
        let name = &text[at..at + len];
        let in_full = name.ends_with(['省', '市']) || name.ends_with("自治区");
        let rest = &text[at + len..suffix_start];
        let named = rest.chars().nth(1).is_some()
            && super::segment::tag(rest)
                .first()
                .is_some_and(|t| t.is_proper());
        if !in_full || !named {
            break;
        }
        at += len;
    }
    at
}

/// Whether a dictionary word of the one or two characters before byte `i` of `run` runs over
/// the place that starts there (富裕 of 共同富裕示范区 "the common prosperity zone").
fn ends_a_word(run: &str, i: usize) -> bool {
    let Some(len) = division_name_len(&run[i..]) else {
        return false;
    };
    run[..i].char_indices().rev().take(2).any(|(j, _)| {
        let word = &run[j..i + len];
        // A word of the dictionary, other than a longer place's name (共同富裕 is tagged a
        // proper noun, nz).
        super::segment::is_word(word)
            && !matches!(super::segment::tag(word).as_slice(), [t] if t.tag.starts_with("ns"))
    })
}

/// Where the name of a zone whose suffix (高新区, 示范区…) stands at `suffix` starts, if it
/// has one: see `zones_zh`.
pub(super) fn zone_name_start_zh(text: &str, suffix: std::ops::Range<usize>) -> Option<usize> {
    // 中国（湖南）自由贸易试验区, 西部（成都）科学城: a word of two ideographs, then the
    // province or city in brackets.
    if let Some(inner) = text[..suffix.start].strip_suffix('）') {
        let from = inner.floor_char_boundary(inner.len().saturating_sub(24));
        if let Some(open) = inner[from..].rfind('（').map(|i| from + i) {
            let place = &inner[open + '（'.len_utf8()..];
            let word_start = inner[..open]
                .char_indices()
                .rev()
                .nth(1)
                .map(|(i, _)| i)
                .filter(|&i| {
                    inner[i..open]
                        .chars()
                        .all(|c| is_han(c) && !"的在和与及对向为从到于".contains(c))
                });
            if let (Some(start), true) = (word_start, is_division_name(place)) {
                return Some(start);
            }
        }
    }
    let run_start = text[..suffix.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_han(*c))
        .take(MAX_ZONE_PREFIX)
        .last()
        .map_or(suffix.start, |(i, _)| i);
    // 海南自由贸易港重点园区: a zone and a generic area of it (not 滨海新区检验检测认证科技产业园,
    // a park named inside its new area).
    let generic_after_a_zone = ZONE_ZH
        .find_iter(&text[run_start..suffix.start])
        .last()
        .is_some_and(|m| GENERIC_AREAS.contains(&&text[run_start + m.end()..suffix.start]));
    if generic_after_a_zone {
        return None;
    }
    let run = &text[run_start..suffix.start];
    // A place the name starts with, with no conjunction, particle or preposition between it
    // and the suffix (青岛港和中德生态园 is two things, 益阳等环长株潭城市群 a list and a
    // zone; 张卫东到松山湖高新区: 卫东 is a district's name inside a person's).
    let by_place = run
        .char_indices()
        .find(|&(i, _)| {
            // Not the place's own characters (于都, 和平区): those after it. But a place that
            // starts like a conjunction gives way to one right after it (和 + 龙泉驿区, not 和龙).
            let stop = |c: char| "和与及、等的在是到至赴从向对为于则以将".contains(c);
            let next = run[i..]
                .chars()
                .next()
                .filter(|&c| stop(c))
                .map(char::len_utf8);
            let gives_way = next.is_some_and(|len| division_name_len(&run[i + len..]).is_some());
            !gives_way
                && division_name_len(&run[i..]).is_some_and(|len| !run[i + len..].contains(stop))
                && !has_a_common_verb(&run[i..])
                && !inside_a_place(text, run_start + i)
                && !ends_a_word(run, i)
        })
        .map(|(i, _)| run_start + i);

    // A region named before the place belongs to the name too (成渝地区双城经济圈, where
    // 双城 is also a district's name); other words before it do not (亲临滨海新区).
    let by_words = || noun_prefix(text, run_start, suffix.clone());
    let start = match by_place {
        Some(place) if text[run_start..place].ends_with("地区") => {
            Some(by_words().map_or(place, |w| w.min(place)))
        }
        Some(place) => {
            // China and a partner before the place (中新广州知识城): the zone they built there.
            let pair_start = text[run_start..place]
                .char_indices()
                .rev()
                .nth(1)
                .map(|(i, _)| run_start + i);
            match pair_start {
                Some(at) if is_china_and_partner(&text[at..place]) => Some(at),
                _ => Some(place),
            }
        }
        None => by_words(),
    };
    // A name does not start with another zone's head (试验区临港新片区: 临港新片区).
    let start = start.map(|start| {
        ZONE_ZH
            .find_at(&text[..suffix.start], start)
            .filter(|m| m.start() == start)
            .map_or(start, |m| m.end())
    });
    start.map(|start| across_a_dash(text, after_divisions_in_full(text, start, suffix.start)))
}

/// Whether `word` is a zone's head word alone (新区, 园区): a kind, no name.
pub(super) fn is_zone_head(word: &str) -> bool {
    ZONE_ZH
        .find(word)
        .is_some_and(|m| m.start() == 0 && m.end() == word.len())
}

/// Words that name a kind of area within a zone, no zone of their own (重点园区, 核心片区).
const GENERIC_AREAS: &[&str] = &[
    "重点", "核心", "主要", "相关", "配套", "周边", "其他", "各", "各个",
];

/// Where a zone's name starts that joins two places across a border by a dash (磨憨—磨丁经济合作区),
/// the countries written before them too (中国老挝磨憨—磨丁…): the zone's name starting at
/// `start`, extended over the place before the dash and the gazetteer's places right before it.
fn across_a_dash(text: &str, start: usize) -> usize {
    let Some(before) = text[..start].strip_suffix(['—', '－']) else {
        return start;
    };
    // A place of two to four ideographs before the dash: the gazetteer's, or a registered
    // town's name without its suffix (磨憨 of 磨憨镇).
    let place_ending_at = |end: usize| {
        text[..end]
            .char_indices()
            .rev()
            .take(4)
            .skip(1)
            .map(|(i, _)| i)
            .filter(|&i| text[i..end].chars().all(is_han))
            .find(|&i| {
                let name = &text[i..end];
                super::regions::place_at_start(name) == Some(name.len())
                    || ["镇", "乡"]
                        .iter()
                        .any(|s| super::towns_register::is_registered(&format!("{name}{s}")))
            })
    };
    let Some(mut joined) = place_ending_at(before.len()) else {
        return start;
    };
    // 中国老挝: the countries of the border, at most two.
    for _ in 0..2 {
        match place_ending_at(joined) {
            Some(i) if super::regions::place_at_start(&text[i..joined]) == Some(joined - i) => {
                joined = i;
            }
            _ => break,
        }
    }
    joined
}

/// The zone (its name, or its suffix alone where it has none) that ends at `at`: the body of
/// a zone's committee is named by it (长三角生态绿色一体化发展示范区执委会, 合作区执行委员会).
pub(super) fn zone_before(text: &str, at: usize) -> Option<usize> {
    let from = text[..at]
        .char_indices()
        .rev()
        .take(8)
        .last()
        .map_or(at, |(i, _)| i);
    let suffix = ZONE_ZH
        .find_iter(&text[from..at])
        .find(|m| from + m.end() == at)?;
    let suffix = from + suffix.start()..at;
    let start = zone_name_start_zh(text, suffix.clone()).unwrap_or(suffix.start);
    // A zone's area named after the zone (中国（上海）自由贸易试验区临港新片区管委会): the whole.
    let whole = (start < suffix.start)
        .then(|| zone_before(text, start))
        .flatten();
    Some(whole.unwrap_or(start))
}

/// Whether a zone's head word is the end of a division's name that takes part of it: 泉港区 is
/// 泉港 + 区, not 泉 + 港区; 绿园区, 海港区, and Kaohsiung's 林园区 likewise.
fn head_ends_a_division(text: &str, head: std::ops::Range<usize>) -> bool {
    // Divisions' full names and the length of their suffixes (区 of 泉港区).
    static SUFFIX_LEN: LazyLock<rustc_hash::FxHashMap<&'static str, usize>> = LazyLock::new(|| {
        TABLES
            .places
            .iter()
            .filter(|p| p.zh.starts_with(p.zh_short.as_str()) && p.zh != p.zh_short)
            .map(|p| (p.zh.as_str(), p.zh.len() - p.zh_short.len()))
            .collect()
    });
    text[..head.start]
        .char_indices()
        .rev()
        .take(3)
        .any(|(i, _)| {
            let name = &text[i..head.end];
            let suffix = SUFFIX_LEN.get(name).copied().or_else(|| {
                super::towns_register::is_registered(name)
                    .then(|| name.chars().next_back().map_or(0, char::len_utf8))
            });
            suffix.is_some_and(|len| len < head.len())
        })
}

/// Whether a common verb of two characters or more stands in `run` (南沙将依托…示范区: a clause,
/// not a name).
pub(super) fn has_a_common_verb(run: &str) -> bool {
    super::segment::COMMON_VERBS.iter().any(|v| {
        // 合作 leading the run is the verb (or 合作市), not a word of the name.
        v.chars().nth(1).is_some()
            && run.contains(v)
            && (!IN_ZONE_NAMES.contains(v) || run.starts_with(v))
    })
}

/// Common verbs that are also words of zones' and centres' names (全面合作示范区, 现代服务业合作区,
/// 协同发展示范区, 政务服务中心).
const IN_ZONE_NAMES: &[&str] = &["服务", "合作", "全面", "协同", "联合"];

/// Most ideographs before a zone suffix that can belong to the zone's name.
const MAX_ZONE_PREFIX: usize = 12;

/// Where the name starts in the ideographs from `run_start` up to a zone suffix at `suffix`,
/// read by jieba over the whole clause (words are tagged better in context): nouns and verbal
/// nouns back from the suffix, stopping at any other word; leading verbs, single characters and
/// person-name readings dropped; at least one proper noun required, so generic phrases
/// (科创园区, 特色主题园区) are not zones.
fn noun_prefix(text: &str, run_start: usize, suffix: std::ops::Range<usize>) -> Option<usize> {
    let clause_start = text[..run_start]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_han(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &text[clause_start..suffix.end];
    let split = suffix.start - clause_start;
    let tokens: Vec<super::segment::Token> = super::segment::tag(clause)
        .into_iter()
        .filter(|t| t.range.start + clause_start >= run_start && t.range.start < split)
        // A word that runs into the suffix (西海岸新区) lends its tag to the part before it.
        .map(|mut t| {
            t.range.end = t.range.end.min(split);
            t
        })
        .collect();
    let start = leading_name_words(clause, &tokens)?;
    Some(clause_start + start)
}

/// Of the words before a head (a zone suffix, an organization's head word), the start of those
/// that belong to the name: nouns (and rarer verbs) back from the head, then leading function
/// words, common verbs, single characters and person-name readings shed. Needs a proper noun
/// among them.
fn leading_name_words(text: &str, tokens: &[super::segment::Token]) -> Option<usize> {
    // A word jieba only guessed (雄安, tagged as an adjective) is a name it does not know.
    // Not the kinds' own short words (自贸试验区 "a free trade zone" names none).
    let guessed = |t: &super::segment::Token| {
        let word = &text[t.range.clone()];
        word.chars().nth(1).is_some()
            && !super::segment::is_word(word)
            && !["自贸", "高新", "经开", "综保"].contains(&word)
    };
    let nounish = |t: &super::segment::Token| {
        t.tag.starts_with('n')
            || matches!(t.tag, "j" | "vn" | "v" | "b" | "l" | "x" | "an" | "eng")
            || guessed(t)
    };
    let first = tokens
        .iter()
        .rposition(|t| !nounish(t))
        .map_or(0, |i| i + 1);
    let mut words = &tokens[first..];
    // A common verb inside the run ends what came before it: 高标准建设天开高教科创园 is the
    // park alone, whatever jieba made of 高标准.
    if let Some(verb) = words
        .iter()
        .rposition(|t| super::segment::COMMON_VERBS.contains(&&text[t.range.clone()]))
    {
        words = &words[verb + 1..];
    }
    // A verb between nouns and a proper noun ends what came before it too: 平台建成大湾区 is
    // "the platform made into the Bay Area".
    if let Some(verb) = (1..words.len()).rev().find(|&k| {
        words[k].tag == "v"
            && super::segment::is_word(&text[words[k].range.clone()])
            && words[k + 1..].iter().any(|t| t.is_proper())
    }) {
        words = &words[verb + 1..];
    }
    // jieba guesses unknown place names as persons' (nr); one right before 地区 or the suffix
    // itself names the place (成渝地区双城经济圈, 北部湾城市群).
    let names_place_in = |words: &[super::segment::Token], k: usize| {
        words[k].tag == "nr"
            && words
                .get(k + 1)
                .is_none_or(|next| &text[next.range.clone()] == "地区")
    };
    // An idiom or adverb before the first proper noun, or a verb before the first place, is
    // what is done to the place (紧紧围绕成渝地区双城经济圈, 做好粤港澳大湾区), not its name —
    // unlike a rarer verb before an abbreviation (天开 of 天开高教科创园).
    let proper_after = |words: &[super::segment::Token]| {
        let place_after =
            (1..words.len()).any(|k| words[k].tag == "ns" || names_place_in(words, k));
        let any_after = place_after || words[1..].iter().any(|t| t.is_proper());
        if words[0].tag == "v" {
            place_after
        } else {
            any_after
        }
    };
    while words.first().is_some_and(|t| {
        super::segment::sheddable(text, t, true)
            || t.tag == "b"
            || (t.tag == "nr" && !names_place_in(words, 0))
            || (matches!(t.tag, "v" | "l" | "i" | "d" | "a" | "ad") && proper_after(words))
    }) {
        words = &words[1..];
    }
    (0..words.len())
        .any(|k| words[k].is_proper() || names_place_in(words, k) || guessed(&words[k]))
        .then(|| words[0].range.start)
}

/// Whether byte `at` of `text` falls inside a division's name that starts up to four characters
/// before it (德庆区 of 堆龙德庆区, 蒙古 of 内蒙古).
fn inside_a_place(text: &str, at: usize) -> bool {
    text[..at]
        .char_indices()
        .rev()
        .take(4)
        .any(|(i, _)| division_name_len(&text[i..]).is_some_and(|len| i + len > at))
}

/// Whether `name` is a division's name, full or bare, of any level (吴江, 霍尔果斯): the names
/// `division_name_len` reads, in a set that builds in a fraction of its automaton's time (the
/// first document asks, where it has a list of names).
pub(super) fn is_division_name(name: &str) -> bool {
    static NAMES: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| division_names().collect());
    NAMES.contains(name)
}

/// Every division's full and bare name of two characters or more (not GeoNames' cities).
fn division_names() -> impl Iterator<Item = &'static str> {
    TABLES
        .places
        .iter()
        .filter(|p| !p.is_from_geonames())
        .flat_map(|p| [p.zh.as_str(), p.zh_short.as_str()])
        .filter(|n| n.chars().count() >= 2)
}

/// Length of the division name (full or bare, any level) that `text` starts with: a zone is
/// named after its district (西青经济技术开发区) even where a bare district name alone is not
/// taken for the district.
pub(super) fn division_name_len(text: &str) -> Option<usize> {
    static PREFIXES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        let names: HashSet<&str> = division_names().collect();
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(names)
            .unwrap_or_else(|_| {
                AhoCorasick::new(Vec::<String>::new()).expect("empty automaton builds")
            })
    });
    let input = aho_corasick::Input::new(text).anchored(aho_corasick::Anchored::Yes);
    PREFIXES.find(input).map(|m| m.end())
}
