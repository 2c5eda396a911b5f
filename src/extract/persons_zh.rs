//! Person names in Chinese text, read from a surname table, given-name characters and context:
//! a title before (局长朱玉兵) or after (习近平总书记), a speech verb after (罗进飞表示).

use super::name_key::pinyin_key;
use super::offices_zh::{before_name, ROLES, TITLES_AFTER_NAME};
use super::segment::Token;
use super::tables::TABLES;
use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Person names in Chinese text.
pub struct PersonsZh;

/// Verbs after a name.
const VERBS: &[&str] = &[
    "表示", "说", "指出", "强调", "认为", "介绍", "提出", "要求", "称", "坦言", "透露", "告诉",
    "主持", "出席", "参加", "调研", "讲话", "致辞", "会见", "视察", "一行", "陪同", "带队", "考察",
    "走访", "慰问", "发言", "汇报", "宣读", "通报", "回应", "建议",
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
    if before_name().any(|t| rest.starts_with(t))
        || FOLLOWERS.iter().any(|w| rest.starts_with(w))
        || !is_han(c)
    {
        return Some(false);
    }
    None
}

/// Prepositions, conjunctions and an adverb that also serve as surnames (议员都希望: "the
/// councillors all hope").
const PREPOSITIONS: &str = "从和与在对向把将为以及同都";

/// Time words and particles that often follow a subject's name (…韩文博今天会见, 王宁在…).
const FOLLOWERS: &[&str] = &[
    "今天", "昨天", "日前", "近日", "上午", "下午", "晚上", "在", "到", "于", "和", "与", "同",
    "向", "对", "就", "也", "还", "又", "率", "是", "等", "会见", "会同",
];

/// Characters that end derived words, not given names (智能化, 高端化, 国际性, 新型).
pub(super) const WORD_SUFFIXES: &str = "化性型级式类率界";

/// Whether jieba reads the whole item as one person's name.
pub(super) fn tagged_person(item: &str) -> bool {
    matches!(super::segment::tag(item).as_slice(), [t] if t.tag.starts_with("nr"))
}

/// Names jieba reads as a person's (nr) where the name tables agree — a surname and given-name
/// characters, not a place — and the context does too: a speech verb or a title right after, a
/// title right before, or a verb in the perfect before it (会见了); or a common surname and two
/// given-name characters that are not a word. Names without a title are the commonest kind in
/// national news (李强说, 会见了王毅).
fn tagged_names<'t>(text: &'t str, tokens: &[Token]) -> Vec<&'t str> {
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !matches!(t.tag, "nr" | "nrfg") {
            continue;
        }
        let name = &text[t.range.clone()];
        let chars = name.chars().count();
        if !(2..=4).contains(&chars)
            || !name.chars().all(is_han)
            || name.ends_with(|c| WORD_SUFFIXES.contains(c))
        {
            continue;
        }
        let Some((ppm, given)) = [1, 2].into_iter().filter(|&s| chars > s).find_map(|s| {
            let ppm = plausible(name, s, &text[t.range.start..])?;
            let split = name.char_indices().nth(s)?.0;
            Some((ppm, &name[split..]))
        }) else {
            continue;
        };
        let after = &text[t.range.end..];
        let before = &text[..t.range.start];
        // (Lists are left to `listed_names_zh`: their items are companies as often as people.)
        let cue_after = followed_by_cue(after).is_some_and(|verb| verb)
            || TITLES_AFTER_NAME
                .iter()
                .any(|title| after.starts_with(title));
        let title_before = before_name().find(|title| before.ends_with(*title));
        // 法国总统马克龙: after a foreign country's title the name is foreign (not 马克).
        if title_before.is_some_and(|title| {
            super::regions::transliterating_country_before(text, t.range.start - title.len())
        }) {
            continue;
        }
        let cue_before = title_before.is_some()
            || tokens[..i]
                .last()
                .is_some_and(|p| p.tag == "v" && text[p.range.clone()].ends_with('了'));
        // A common surname and three characters is a name by its shape alone.
        let shaped = chars == 3 && ppm >= COMMON_SURNAME_PPM && !super::segment::is_word(given);
        if (cue_after || cue_before || shaped) && !cut_from_a_quoted_phrase(before, after) {
            found.push(name);
        }
    }
    found
}

/// Whether a reading stands in quotation marks with one ideograph more before the closing mark
/// (金角银 of “金角银边”): a four-character phrase or slogan, not a name.
pub(super) fn cut_from_a_quoted_phrase(before: &str, after: &str) -> bool {
    let mut rest = after.chars();
    before.ends_with(['“', '「', '"'])
        && rest.next().is_some_and(is_han)
        && rest.next().is_some_and(|c| ['”', '」', '"'].contains(&c))
}

/// Surnames this common (parts per million) make a three-character reading jieba tags as a
/// person believable without a cue.
const COMMON_SURNAME_PPM: f64 = 2000.0;

/// Every title in one pass (leftmost-longest, so 副局长 wins over 局长).
static TITLE_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut all: Vec<&str> = before_name()
        .chain(TITLES_AFTER_NAME.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    debug_assert!(super::runs::none_ascii(&all));
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(all)
        .expect("titles build an automaton")
});

impl Recognizer for PersonsZh {
    fn name(&self) -> &'static str {
        "persons-zh"
    }

    /// Every document: its patterns need ideographs, and English articles carry Chinese bylines.
    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for m in super::runs::matches_in(&TITLE_MATCHER, text, words.non_ascii()) {
            let title = &text[m.start()..m.end()];
            // A title, then (after an optional colon) a name: 局长朱玉兵表示, 编辑:王宁.
            // After a foreign country's title (法国总统马克龙) the name is foreign: not read as
            // a Chinese surname and given name (马克).
            if before_name().any(|t| t == title)
                && !super::regions::transliterating_country_before(text, m.start())
            {
                let after = text[m.end()..].trim_start_matches([':', '：', ' ']);
                let role = ROLES.contains(&title);
                names.extend(name_after_title(after, role));
            }
            // A name, then a title: 习近平总书记.
            if TITLES_AFTER_NAME.contains(&title) {
                names.extend(name_before_title(text, m.start()));
            }
        }
        names.extend(tagged_names(text, words.han()));
        names.extend(super::listed_names_zh::names_in_lists(
            text,
            words.non_ascii(),
            &names,
        ));
        // Every occurrence of a name found once is a mention of it.
        let names: Vec<&str> = names.into_iter().collect();
        let identity = |name: &str| (pinyin_key(name), name.to_string());
        super::every_occurrence(text, &names, identity, Label::Person, "persons-zh", out);
    }
}

/// Whether `name` reads as a surname of `surname_chars` characters and a given name of the rest
/// (one or two characters used in given names, none an office character), and is not a place
/// (南开区委书记: 南开 is the district, not a person).
pub(super) fn plausible(name: &str, surname_chars: usize, text_from_name: &str) -> Option<f64> {
    reading(name, surname_chars, text_from_name, |c| {
        TABLES.given_chars.contains_key(&c)
    })
}

/// `plausible` for a reading right after a title, where the title vouches for a name: any
/// given-name character that is not an office's or a function word's will do (贺一诚, 王伟中:
/// 一 and 中 are missing from the given-name table).
pub(super) fn plausible_after_title(
    name: &str,
    surname_chars: usize,
    text_from_name: &str,
) -> Option<f64> {
    reading(name, surname_chars, text_from_name, |c| {
        TABLES.given_chars.contains_key(&c) || (is_han(c) && !FUNCTION_CHARS.contains(c))
    })
}

/// A division's bodies, named after its one-character kind (区政协, 市人大): never a given name.
const BODIES: &[&str] = &["政协", "人大", "纪委", "监委", "党委", "政府"];

/// Characters of grammar, never of given names after a title (局长在…, 市长的…).
const FUNCTION_CHARS: &str =
    "的了在是和与及等对向把被将为从以于也就都还又再所之其此该这那个们着过吗呢吧啊";

/// A surname of `surname_chars` characters and a given name of one or two characters that
/// `given_char` accepts, none an office character; not a place, not a dictionary word.
fn reading(
    name: &str,
    surname_chars: usize,
    text_from_name: &str,
    given_char: impl Fn(char) -> bool,
) -> Option<f64> {
    let t = &*TABLES;
    let split = name.char_indices().nth(surname_chars).map(|(i, _)| i)?;
    let ppm = *t.surnames_zh.get(&name[..split])?;
    let given: Vec<char> = name[split..].chars().collect();
    let given_ok = (1..=2).contains(&given.len())
        && given
            .iter()
            .all(|&c| given_char(c) && !OFFICE_CHARS.contains(c));
    // 南开区委书记: 南开 is the district; 和英国首相: 英国 is a country, not a given name.
    let is_place = super::regions::place_at_start(text_from_name)
        .is_some_and(|len| len >= name.len())
        || super::regions::place_at_start(&name[split..])
            .is_some_and(|len| len >= name.len() - split);
    // A dictionary word jieba does not read as a person's name (国家 before 主席) is a word.
    let is_word = super::segment::is_word(name) && !tagged_person(name);
    let provinces = super::abbreviations::is_place_compound(name);
    // 区政协主席: a division's body, 区 being a surname too.
    let body = BODIES.contains(&&name[split..]);
    (given_ok && !is_place && !is_word && !provinces && !body).then_some(ppm)
}

/// The name right after a title: the reading followed by a verb wins, else one followed by a
/// title or punctuation; after an office (not a `role`), else jieba's or a common name's reading.
fn name_after_title(text: &str, role: bool) -> Option<&str> {
    // A preposition or conjunction that is also a surname (书记从战略高度…, 总统和德国总理).
    if text.starts_with(|c| PREPOSITIONS.contains(c)) {
        return None;
    }
    if let Some(name) = dotted_name_at_start(text) {
        return Some(name);
    }
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .take(5)
        .collect();
    let mut fallback = None;
    for surname_chars in [2, 1] {
        for given_chars in [2, 1] {
            let Some(&end) = ends.get(surname_chars + given_chars) else {
                continue;
            };
            let name = &text[..end];
            if !name.chars().all(is_han)
                || plausible_after_title(name, surname_chars, text).is_none()
            {
                continue;
            }
            // 巴图孟和告诉记者: a Mongolian name may end in 和, which a verb, not a name, follows.
            let with_he = text[end..]
                .strip_prefix('和')
                .filter(|rest| given_chars == 2 && followed_by_cue(rest) == Some(true));
            if with_he.is_some() {
                return Some(&text[..end + '和'.len_utf8()]);
            }
            match followed_by_cue(&text[end..]) {
                Some(true) => return Some(name),
                Some(false) if fallback.is_none() => fallback = Some(name),
                _ => {}
            }
        }
    }
    if role {
        return fallback;
    }
    fallback
        .or_else(|| tagged_name_at_start(text))
        .or_else(|| common_name_at_start(text))
}

/// A name of parts joined by · at the start of `text` (阿依古丽·吐尔逊, a Uyghur name after a
/// title): parts of two to six ideographs, the last ending where a verb or a title starts.
fn dotted_name_at_start(text: &str) -> Option<&str> {
    let first: usize = text
        .chars()
        .take_while(|&c| is_han(c) && !FUNCTION_CHARS.contains(c))
        .take(7)
        .map(char::len_utf8)
        .sum();
    if !(2..=6).contains(&text[..first].chars().count()) || !text[first..].starts_with('·') {
        return None;
    }
    let mut end = first;
    while let Some(rest) = text[end..].strip_prefix('·') {
        let part: usize = rest
            .char_indices()
            .take_while(|&(i, c)| {
                is_han(c) && !FUNCTION_CHARS.contains(c) && followed_by_cue(&rest[i..]).is_none()
            })
            .take(6)
            .map(|(_, c)| c.len_utf8())
            .sum();
        if rest[..part].chars().count() < 2 {
            break;
        }
        end += '·'.len_utf8() + part;
    }
    (end > first).then(|| &text[..end])
}

/// Given-name characters this common (parts per million of given names) make a reading after a
/// title believable without any other cue.
const COMMON_GIVEN_PPM: f64 = 300.0;

/// After a title, a one-character surname and two common given-name characters
/// (书记陆治原到…), or one (主任王宁在…).
fn common_name_at_start(text: &str) -> Option<&str> {
    let t = &*TABLES;
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .take(4)
        .collect();
    [3, 2].into_iter().find_map(|n| {
        let name = &text[..*ends.get(n)?];
        let common = name.chars().skip(1).all(|c| {
            t.given_chars
                .get(&c)
                .is_some_and(|&ppm| ppm >= COMMON_GIVEN_PPM)
        });
        (name.chars().all(is_han) && common && plausible(name, 1, text).is_some()).then_some(name)
    })
}

/// The name jieba reads at the start of `text` (局长吴志强作报告, 书记陆治原到…), if the
/// name tables agree that it is one.
fn tagged_name_at_start(text: &str) -> Option<&str> {
    let window_end = text.char_indices().nth(8).map_or(text.len(), |(i, _)| i);
    let tokens = super::segment::tag(&text[..window_end]);
    let first = tokens
        .first()
        .filter(|t| t.tag == "nr" && t.range.start == 0)?;
    let name = &text[first.range.clone()];
    let chars = name.chars().count();
    let plausible_split = [1, 2]
        .into_iter()
        .any(|s| chars > s && plausible(name, s, text).is_some());
    ((2..=4).contains(&chars) && plausible_split).then_some(name)
}

/// The name that ends where a title begins (at byte `end`): of the plausible readings (two to
/// four characters back), the one with the most common surname — 和王宁主席 is 王宁, not 和王宁.
fn name_before_title(text: &str, end: usize) -> Option<&str> {
    let starts: Vec<usize> = text[..end]
        .char_indices()
        .rev()
        .take(4)
        .map(|(i, _)| i)
        .collect();
    // A reading starts where a word starts (俄罗斯总统 is not 罗斯).
    let window = starts.last().copied().unwrap_or(end);
    let word_starts: Vec<usize> = super::segment::tag(&text[window..end])
        .iter()
        .map(|t| window + t.range.start)
        .collect();
    let mut best: Option<(f64, &str)> = None;
    for len in [3, 2, 4] {
        let Some(&start) = starts.get(len - 1) else {
            continue;
        };
        if !word_starts.contains(&start) {
            continue;
        }
        let name = &text[start..end];
        if !name.chars().all(is_han) {
            continue;
        }
        for surname_chars in [1, 2] {
            if let Some(ppm) = plausible(name, surname_chars, &text[start..]) {
                if best.is_none_or(|(b, _)| ppm > b) {
                    best = Some((ppm, name));
                }
            }
        }
    }
    best.map(|(_, name)| name)
}
