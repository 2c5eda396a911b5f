//! Development zones, parks, new areas and regional groupings by their suffix or head word:
//! `Qingdao High-tech Zone`, `Longgang Science Park`; 天津滨海高新区, 成渝地区双城经济圈 — with
//! the name before the suffix read back to where it starts; and English groupings of places
//! joined by hyphens (`Beijing-Tianjin-Hebei`).

use super::abbreviations::is_china_and_partner;
use super::regions::is_place_word;
use super::tables::TABLES;
use super::tokens::{case_of, last_word_start, Case, STOP_CAPITALS};
use super::Candidate;
use crate::corpus::meta::is_han;
use crate::model::Label;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Capitalized words joined by hyphens ('Beijing-Tianjin-Hebei', 'Sino-German').
static HYPHENATED_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Z][a-z']+(?:-[A-Z][a-z']+)+(?-u:\b)").expect("static regex")
});

/// Places joined by hyphens ('Beijing-Tianjin-Hebei', 'Chengdu-Chongqing'): one region, as a
/// compound of province abbreviations is (京津冀) — not 'Sino-German', nor a compound before
/// a zone's name ('Chengdu-Chongqing Economic Circle' is the zone's) or a facility's ('China-Laos
/// Railway').
pub(super) fn place_compounds_en(text: &str, out: &mut Vec<Candidate>) {
    for m in HYPHENATED_EN.find_iter(text) {
        // 'China-Laos Railway': a facility's name.
        let next_word = text[m.end()..]
            .strip_prefix(' ')
            .and_then(|r| r.split([' ', ',', '.']).next());
        if text[m.end()..].starts_with('-')
            || next_word.is_some_and(|w| super::regions::FACILITIES.contains(&w))
        {
            continue;
        }
        let all_places = m
            .as_str()
            .split('-')
            .all(|part| super::regions::english_place(part).is_some());
        if all_places {
            out.push(Candidate {
                span: m.range(),
                label: Label::Region,
                key: format!("region:abbr:{}", m.as_str().to_ascii_lowercase()),
                canonical: m.as_str().to_string(),
                recognizer: "regions",
            });
        }
    }
}

/// The last words of a zone's English name.
static ZONE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:high-tech(?: industrial)?(?: development)? zone|new area|(?:economic|free trade|development|pilot|bonded|demonstration|industrial|economic and technological development) zone|(?:economic-technological |economic and technological )?development area|industrial park|science(?: and technology)? park|technology park|eco-city|free trade port|river delta|river basin|economic belt|economic circle|bay area|special area|sci-tech city|science city|science and technology city|technology city|metropolitan area|urban agglomeration|golden triangle)(?-u:\b)").expect("static regex")
});

/// Chinese zone suffixes, longest first.
static ZONE_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"高新技术产业开发区|经济技术开发区|综合保税区|高新区|经开区|综保区|新区|开发区|自贸区|自由贸易试验区|保税区|(?:工业|产业|科创|科技|软件|生态|物流)园区?|园区|商务区|合作区|城市副中心|示范区|试验区|实验区|生态城|科学城|科技城|生物城|大学城|知识城|集聚区|新城|片区|港区|(?:农|光|药|医|车|数|硅)谷|流域|经济带|经济圈|城市群|都市圈|三角洲|湾区|走廊").expect("static regex")
});

/// 'Qingdao High-tech Zone', 'Tianjin Port Free Trade Zone', 'Sino-Singapore Tianjin Eco-City':
/// the zone words and the capitalized words before them (at least one).
pub(super) fn zones_en(text: &str, out: &mut Vec<Candidate>) {
    let heads = ZONE_EN.find_iter(text).map(|m| (m.range(), true));
    let capitalized_heads = ZONE_HEAD_EN.find_iter(text).map(|m| (m.range(), false));
    for (m, lower_allowed) in heads.chain(capitalized_heads) {
        // 'Park Geun-hye', 'Zone B': a capitalized word after a bare head makes it no zone's.
        let next_capitalized = text[m.end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
        if !lower_allowed && (next_capitalized || text[m.end..].starts_with('-')) {
            continue;
        }
        if let Some(start) = zone_name_start(text, m.start, lower_allowed) {
            push_zone_en(text, start..m.end, out);
        }
    }
}

/// A capitalized head word that names a zone, park or area after a name in capitals (`Longgang
/// Science Park`, `Sino-German Ecopark`, `Pingshan Comprehensive Reform Zone`, `Northern
/// Metropolis`); lower case it is a common noun.
static ZONE_HEAD_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Zone|Park|Ecopark|Eco-park|Metropolis|Corridor|Valley)(?-u:\b)")
        .expect("static regex")
});

/// Where a zone's name starts before its head words at `head`: the capitalized words (or a
/// place name however written) before them; with `lower_allowed`, up to three lower-case words
/// in between when a place stands before them ('Qingdao green transformation pilot zone').
fn zone_name_start(text: &str, head: usize, lower_allowed: bool) -> Option<usize> {
    let mut start = head; // start of the name accepted so far
    let mut at = head;
    let mut lower_run = 0;
    let mut anchored = false;
    while let Some(before) = text[..at].strip_suffix(' ') {
        // 'China (Shanghai) Pilot Free Trade Zone': a place in brackets is part of the name.
        let ws = match before.strip_suffix(')') {
            Some(inner) if inner[last_word_start(inner)..].len() > 1 => {
                let ws = last_word_start(inner);
                if inner[..ws].ends_with('(') {
                    ws - 1
                } else {
                    last_word_start(before)
                }
            }
            _ => last_word_start(before),
        };
        let word = &before[ws..];
        // 'Wuhan's Optics Valley': the possessor is not part of the name.
        if word.is_empty()
            || STOP_CAPITALS.contains(&word)
            || word.ends_with("'s")
            || word.ends_with("’s")
        {
            break;
        }
        let word = word
            .strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .unwrap_or(word);
        let capitalized = matches!(case_of(word), Case::Capitalized | Case::Upper | Case::Camel);
        let place = is_place_word(&word.to_ascii_lowercase());
        if lower_run > 0 && !place {
            break; // across lower-case words only a place anchors the name
        }
        if capitalized || place {
            anchored = true;
            start = ws;
            lower_run = 0;
        } else if lower_allowed
            && case_of(word) == Case::Lower
            && lower_run < 3
            && !ZONE_STOP.contains(&word)
        {
            lower_run += 1; // kept only if a place comes before it
        } else {
            break;
        }
        at = ws;
    }
    anchored.then_some(start)
}

fn push_zone_en(text: &str, span: std::ops::Range<usize>, out: &mut Vec<Candidate>) {
    let name = &text[span.clone()];
    let key = format!(
        "region:zone:{}",
        name.to_ascii_lowercase().replace(['-', ' '], "")
    );
    out.push(Candidate {
        span,
        label: Label::Region,
        key,
        canonical: title_case(name),
        recognizer: "regions",
    });
}

/// Lower-case words that end a zone's name on the left ('to build the … zone').
const ZONE_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "to",
    "and",
    "for",
    "build",
    "building",
    "this",
    "that",
    "its",
    "our",
    "national",
    "provincial",
];

fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            if w.chars().all(|c| !c.is_ascii_lowercase()) {
                return w.to_string();
            }
            w.split('-')
                .map(|p| {
                    let mut cs = p.chars();
                    cs.next()
                        .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// 天津滨海高新区, 西青经济技术开发区, 华苑科技园: a zone suffix after a name. The name is
/// the ideographs before the suffix that start with a known place (a division's full or bare
/// name); failing that, the words jieba reads as nouns, starting at the first proper noun.
pub(super) fn zones_zh(text: &str, out: &mut Vec<Candidate>) {
    for m in ZONE_ZH.find_iter(text) {
        if head_ends_a_division(text, m.range()) {
            continue;
        }
        let Some(start) = zone_name_start_zh(text, m.range()) else {
            continue;
        };
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

/// Where the name of a zone whose suffix (高新区, 示范区…) stands at `suffix` starts, if it
/// has one: see `zones_zh`.
pub(super) fn zone_name_start_zh(text: &str, suffix: std::ops::Range<usize>) -> Option<usize> {
    // 中国（湖南）自由贸易试验区: the country, then the province in brackets.
    if let Some(inner) = text[..suffix.start].strip_suffix('）') {
        if let Some(open) = inner.rfind('（') {
            let province = &inner[open + '（'.len_utf8()..];
            let named = inner[..open].ends_with("中国") && is_division_name(province);
            if named {
                return Some(open - "中国".len());
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
    start.map(|start| across_a_dash(text, start))
}

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
                        .any(|s| super::towns_zh::is_registered(&format!("{name}{s}")))
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
    Some(zone_name_start_zh(text, suffix.clone()).unwrap_or(suffix.start))
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
                super::towns_zh::is_registered(name)
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
