//! Regions: the gazetteer of Chinese divisions and countries (both languages), and development
//! zones, parks and new areas by pattern.

use super::tables::{Place, TABLES};
use super::tokens::{case_of, Case};
use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Regions and zones in either language.
pub struct Regions;

/// A dictionary of surface forms and the places each may name.
struct Gazetteer {
    matcher: AhoCorasick,
    places_of: Vec<Vec<usize>>,
    /// Whether the form is a single word, which must then be capitalized in English text.
    single_word: Vec<bool>,
}

fn build(forms: HashMap<String, Vec<usize>>, case_insensitive: bool) -> Gazetteer {
    let mut forms: Vec<(String, Vec<usize>)> = forms.into_iter().collect();
    forms.sort();
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(case_insensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Both)
        // A contiguous NFA: as fast here as a full DFA (measured on 1 MB articles), built in a
        // fraction of its time and memory, which the first open waits for.
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(forms.iter().map(|(f, _)| f))
        .unwrap_or_else(|_| {
            AhoCorasick::new(Vec::<String>::new()).expect("empty automaton builds")
        });
    let single_word = forms.iter().map(|(f, _)| !f.contains(' ')).collect();
    Gazetteer {
        matcher,
        places_of: forms.into_iter().map(|(_, p)| p).collect(),
        single_word,
    }
}

static ENGLISH: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in TABLES.places.iter().enumerate() {
        for f in &p.english {
            // County-level cities go by their bare name in English too (Taicang); in Chinese
            // such bare names are often words (长乐, 海门).
            if f.contains(' ')
                || p.level.bare_name_used()
                || p.level == super::tables::Level::CountyCity
            {
                forms.entry(f.to_ascii_lowercase()).or_default().push(i);
            }
        }
    }
    debug_assert!(super::runs::none_east_asian(forms.keys()));
    build(forms, true)
});

/// Every Chinese place name, for recognizing places.
static CHINESE: LazyLock<Gazetteer> = LazyLock::new(|| chinese_gazetteer(|_| true));

/// The Chinese names of the divisions, countries, world regions and time-zone cities — not the
/// GeoNames cities abroad: what the other recognizers ask about (is 德里 of 王德里 a place?) and
/// what the model was trained to read. A name that is a city of 100,000 abroad is more often a
/// given name or part of a longer name there.
static CHINESE_CORE: LazyLock<Gazetteer> =
    LazyLock::new(|| chinese_gazetteer(|p| !p.is_from_geonames()));

fn chinese_gazetteer(include: impl Fn(&Place) -> bool) -> Gazetteer {
    let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in TABLES.places.iter().enumerate() {
        if !include(p) {
            continue;
        }
        if p.zh.chars().count() >= 2 {
            forms.entry(p.zh.clone()).or_default().push(i);
        }
        if (p.level.bare_name_used() || hong_kong_district(p)) && p.zh_short.chars().count() >= 2 {
            forms.entry(p.zh_short.clone()).or_default().push(i);
        }
        // An autonomous prefecture by its bare name and 州 (恩施州, 湘西州, 黔东南州).
        if p.zh.ends_with("自治州") && p.zh_short.chars().count() >= 2 {
            forms
                .entry(format!("{}州", p.zh_short))
                .or_default()
                .push(i);
        }
    }
    // Nicknames (蓉城 for 成都市, 申城 for 上海市), from CC-CEDICT.
    let nicknames = include_str!("../../assets/place_nicknames.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'));
    for (nickname, place) in nicknames {
        for (i, p) in TABLES.places.iter().enumerate() {
            if p.zh == place && include(p) {
                forms.entry(nickname.to_string()).or_default().push(i);
            }
        }
    }
    debug_assert!(super::runs::none_ascii(forms.keys()));
    build(forms, false)
}

/// Whether `p` is one of Hong Kong's districts, which go by their bare names (元朗, 屯门, 葵青).
/// 东区 and 南区 have no shorter name. (No jieba here: the gazetteer is built while jieba's
/// dictionary loads, and would wait for it.)
fn hong_kong_district(p: &Place) -> bool {
    p.level == super::tables::Level::District
        && p.province == "香港特别行政区"
        && p.zh_short != p.zh
}

/// Words after a place name that make it the name of a facility.
pub(super) const FACILITIES: &[&str] = &[
    "Road",
    "Street",
    "Avenue",
    "Station",
    "Airport",
    "Railway",
    "Bridge",
    "Highway",
    "Expressway",
    "Hospital",
    "School",
    "Hotel",
    "Square",
    "Stadium",
];

impl Recognizer for Regions {
    fn name(&self) -> &'static str {
        "regions"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let tokens = || words.han();
        let mut found: Vec<(std::ops::Range<usize>, &Vec<usize>)> = Vec::new();
        for (gaz, english, runs) in [
            (&*ENGLISH, true, words.latin()),
            (&*CHINESE, false, words.non_ascii()),
        ] {
            let ok = |span: &std::ops::Range<usize>, pattern: usize| {
                if english {
                    english_match_ok(text, span, gaz.single_word[pattern])
                } else {
                    super::gazetteer_zh::chinese_match_ok(
                        text,
                        span,
                        &gaz.places_of[pattern],
                        &tokens,
                    )
                }
            };
            for (span, pattern) in kept_matches(gaz, text, runs, ok) {
                found.push((span, &gaz.places_of[pattern]));
            }
        }
        // Places sharing a name: prefer one in a province the document names unambiguously.
        let provinces: HashSet<&str> = found
            .iter()
            .filter(|(_, ps)| ps.len() == 1)
            .map(|(_, ps)| TABLES.places[ps[0]].province.as_str())
            .collect();
        let after_provinces = super::counties::counties_after_their_province(text, &found);
        let found = found
            .into_iter()
            .chain(after_provinces.iter().map(|(s, p)| (s.clone(), p)));
        for (span, places) in found {
            let place = choose(places, &provinces);
            out.push(Candidate {
                span,
                label: Label::Region,
                key: format!("region:{}", place.code),
                canonical: place_name(place),
                recognizer: "regions",
            });
        }
        super::zones_en::zones_en(text, out);
        super::zones_en::place_compounds_en(text, out);
        super::zones::zones_zh(text, out);
        super::zones_named::named_zones_zh(text, words.non_ascii(), words.han(), out);
        divisions_abroad_zh(text, out);
    }
}

/// A division abroad written by transliteration and its kind (哈巴罗夫斯克边疆区, 亚利桑那州,
/// 安大略省): three transliteration characters or more before 边疆区, 共和国, 州 or 省, after
/// any country written before it (俄罗斯哈巴罗夫斯克边疆区).
fn divisions_abroad_zh(text: &str, out: &mut Vec<Candidate>) {
    static KINDS: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new("边疆区|共和国|州|省").expect("static regex"));
    let transliteration = |c: char| super::persons_foreign::CHARS.contains(&c);
    for m in KINDS.find_iter(text) {
        let mut start = m.start();
        // Not across another division or a conjunction (阿穆尔州和新西伯利亚州).
        for (i, c) in text[..m.start()].char_indices().rev().take(10) {
            if !transliteration(c) || "和与及等的州省区国一二三四五六七八九十两".contains(c)
            {
                break;
            }
            start = i;
        }
        // The countries and places written before it are their own (俄罗斯 of
        // 俄罗斯哈巴罗夫斯克边疆区; not 新西伯利亚 of 新西伯利亚州).
        while let Some(len) = place_at_start(&text[start..m.start()]) {
            if start + len == m.start() {
                break;
            }
            start += len;
        }
        if text[start..m.start()].chars().count() < 3 {
            continue;
        }
        let name = &text[start..m.end()];
        // 黑龙江省: the gazetteer's own division.
        if place_at_start(name) == Some(name.len()) {
            continue;
        }
        out.push(Candidate {
            span: start..m.end(),
            label: Label::Region,
            key: format!("region:abroad:{name}"),
            canonical: name.to_string(),
            recognizer: "regions",
        });
    }
}

/// Display name of a gazetteer place: English and Chinese ('Tianjin 天津市').
pub(crate) fn place_name(p: &Place) -> String {
    format!("{} {}", p.english.first().map_or("", String::as_str), p.zh)
}

pub(super) fn choose<'a>(places: &[usize], provinces: &HashSet<&str>) -> &'a Place {
    let all = &TABLES.places;
    places
        .iter()
        .map(|&i| &all[i])
        .min_by_key(|p| {
            (
                !provinces.contains(p.province.as_str()),
                p.level,
                p.code.clone(),
            )
        })
        .unwrap_or(&all[places[0]])
}

/// The gazetteer's matches in `runs` of `text` (the stretches of its script) that `ok`
/// accepts, leftmost and longest first; a match refused does not hide one starting inside it
/// (`O Mon` of `to Montevideo`, 多哈 of 多哈尔滨).
fn kept_matches(
    gaz: &Gazetteer,
    text: &str,
    runs: &[std::ops::Range<usize>],
    ok: impl Fn(&std::ops::Range<usize>, usize) -> bool,
) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    for run in runs {
        let mut at = run.start;
        while at < run.end {
            let input = aho_corasick::Input::new(text).range(at..run.end);
            let Some(m) = gaz.matcher.find(input) else {
                break;
            };
            let span = m.start()..m.end();
            if ok(&span, m.pattern().as_usize()) {
                at = span.end;
                out.push((span, m.pattern().as_usize()));
            } else {
                at = span.start + text[span.start..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    out
}

/// The gazetteer places (not the GeoNames cities) whose Chinese name of two to six characters
/// ends at `at`.
pub(super) fn places_ending_at(text: &str, at: usize) -> impl Iterator<Item = &'static Place> + '_ {
    text[..at]
        .char_indices()
        .rev()
        .skip(1)
        .take(5)
        .filter_map(move |(i, _)| {
            let input = aho_corasick::Input::new(&text[..at])
                .range(i..)
                .anchored(aho_corasick::Anchored::Yes);
            let m = CHINESE_CORE.matcher.find(input)?;
            (m.end() == at).then(|| &CHINESE_CORE.places_of[m.pattern().as_usize()])
        })
        .flatten()
        .map(|&i| &TABLES.places[i])
}

/// Countries whose people's names Chinese writes in Chinese characters, not transliterated
/// (韩国总统尹锡悦, 新加坡总理黄循财), China among them.
const NAMES_IN_CHARACTERS: &[&str] = &["CHN", "JPN", "KOR", "PRK", "SGP", "VNM", "MYS"];

/// Whether a country whose names Chinese transliterates is named right before `at` (法国 of
/// 法国总统马克龙).
pub(crate) fn transliterating_country_before(text: &str, at: usize) -> bool {
    places_ending_at(text, at).any(|p| {
        p.level == super::tables::Level::Country && !NAMES_IN_CHARACTERS.contains(&p.code.as_str())
    })
}

fn english_match_ok(text: &str, span: &std::ops::Range<usize>, single_word: bool) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() || is_han(c));
    // 'Yuhang-made' is a word of its own; 'Hangzhou-based' names the city.
    let based = text[span.end..].starts_with("-based");
    if !boundary(before) || !boundary(after) || (after == Some('-') && !based) {
        return false;
    }
    // 'China Road', 'Tianjin Station': a facility named after the place, not the place.
    let mut next_words = text[span.end..]
        .trim_start_matches(' ')
        .split([' ', ',', '.', ';']);
    let next_word = next_words.next().unwrap_or("");
    // 'Wuxi Middle School': a kind of school between the place and the facility.
    let school = ["Middle", "Primary", "High", "Vocational", "Experimental"].contains(&next_word)
        && next_words.next() == Some("School");
    if FACILITIES.contains(&next_word) || school {
        return false;
    }
    !single_word
        || matches!(
            case_of(&text[span.clone()]),
            Case::Capitalized | Case::Upper | Case::Camel
        )
}

/// Gazetteer places by code.
static BY_CODE: LazyLock<HashMap<&'static str, &'static Place>> =
    LazyLock::new(|| TABLES.places.iter().map(|p| (p.code.as_str(), p)).collect());

/// The key the gazetteer gives the place with division code `code`, and its display name.
pub(super) fn place_by_code(code: &str) -> Option<(String, String)> {
    let p = BY_CODE.get(code)?;
    Some((format!("region:{}", p.code), place_name(p)))
}

/// Whether an entity key is a city abroad of the gazetteer (region:GN2911298, Hamburg).
pub(crate) fn is_city_abroad(key: &str) -> bool {
    key.strip_prefix("region:")
        .and_then(|code| BY_CODE.get(code))
        .is_some_and(|p| p.level == super::tables::Level::WorldCity)
}

/// The bare name (南海, Yuhang) of the district or county behind an entity key, where `surface`
/// is its full name (南海区, Yuhang District): two characters or more, no other division's full
/// name, and no word of another kind.
pub(crate) fn bare_name_of(key: &str, surface: &str) -> Option<&'static str> {
    let place = BY_CODE.get(key.strip_prefix("region:")?)?;
    let district = matches!(
        place.level,
        super::tables::Level::District | super::tables::Level::CountyCity
    );
    if surface.is_ascii() {
        // 'Yuhang District' … 'Yuhang should': one capitalized pinyin word of four letters or more.
        let bare = place.english.first()?.as_str();
        let named = district && surface != bare && place.english.iter().any(|e| e == surface);
        let one_word = bare.len() >= 4 && bare.chars().all(|c| c.is_ascii_alphabetic());
        return (named && one_word && case_of(bare) == Case::Capitalized).then_some(bare);
    }
    let bare = place.zh_short.as_str();
    let own_name = place_at_start(bare).is_none_or(|len| len < bare.len());
    // 资源 of 资源县 is the word "resources": a frequent word of jieba's must be a name to it;
    // a rare one (凭祥, which jieba has as a noun) is the place the document named in full.
    let not_a_common_word =
        !super::segment::common_word(bare) || !super::segment::is_frequent_word(bare);
    // Named in full, or by the bare name where a rule vouched for it (广州南沙).
    let named = district && (surface == place.zh || surface == bare) && bare != place.zh;
    (named && bare.chars().count() >= 2 && own_name && not_a_common_word).then_some(bare)
}

/// Every name of the gazetteer place behind an entity key ('region:120000' → 天津市, 天津,
/// Tianjin, Tianjin City, …), so the filter finds a place by any of its names.
pub fn gazetteer_aliases(key: &str) -> Vec<String> {
    let Some(place) = key
        .strip_prefix("region:")
        .and_then(|code| BY_CODE.get(code))
    else {
        return Vec::new();
    };
    let mut names = vec![place.zh.clone(), place.zh_short.clone()];
    names.extend(place.english.iter().cloned());
    names.dedup();
    names
}

/// The key and display name of the gazetteer place an English name (any case) is, whole.
pub(crate) fn english_place(name: &str) -> Option<(String, String)> {
    let input = aho_corasick::Input::new(name).anchored(aho_corasick::Anchored::Yes);
    let m = ENGLISH
        .matcher
        .find(input)
        .filter(|m| m.end() == name.len())?;
    let place = choose(&ENGLISH.places_of[m.pattern().as_usize()], &HashSet::new());
    Some((format!("region:{}", place.code), place_name(place)))
}

/// The gazetteer's places named in full inside a Chinese name (福田区 of 深圳市福田区委; not 南开
/// of 南开大学): each one's key, display name and the name as written.
pub(crate) fn chinese_places_inside(name: &str) -> Vec<(String, String, &str)> {
    CHINESE_CORE
        .matcher
        .find_iter(name)
        .filter_map(|m| {
            let place = choose(
                &CHINESE_CORE.places_of[m.pattern().as_usize()],
                &HashSet::new(),
            );
            let written = &name[m.range()];
            (written == place.zh)
                .then(|| (format!("region:{}", place.code), place_name(place), written))
        })
        .collect()
}

/// Where the longest place of the whole Chinese gazetteer starting at `from` ends, if one does.
pub(super) fn chinese_place_end(text: &str, from: usize) -> Option<usize> {
    let input = aho_corasick::Input::new(text)
        .range(from..)
        .anchored(aho_corasick::Anchored::Yes);
    CHINESE.matcher.find(input).map(|m| m.end())
}

/// Length in bytes of the gazetteer place name that `text` starts with (南开区…), if any.
pub(crate) fn place_at_start(text: &str) -> Option<usize> {
    // Anchored: a search from here on would scan the rest of the document.
    let input = aho_corasick::Input::new(text).anchored(aho_corasick::Anchored::Yes);
    CHINESE_CORE.matcher.find(input).map(|m| m.end())
}

/// The gazetteer's Chinese place names in `text`, leftmost and longest first, not overlapping
/// (as `place_at_start` read at every position, skipping past each place found).
pub(crate) fn places_in(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    CHINESE_CORE
        .matcher
        .find_iter(text)
        .map(|m| m.start()..m.end())
}

/// Whether a lower-case word is the bare English name of a gazetteer place ('chengyang'),
/// as machine translation writes names in lower case.
pub(crate) fn is_place_word(lower: &str) -> bool {
    static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        TABLES
            .places
            .iter()
            .filter_map(|p| p.english.first())
            .filter(|f| !f.contains(' ') && f.len() > 3)
            .map(|f| f.to_ascii_lowercase())
            .collect()
    });
    WORDS.contains(lower)
}
