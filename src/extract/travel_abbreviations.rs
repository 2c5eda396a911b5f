//! A province or a city named by one character where news names the place of a visit or a stay
//! (赴沪考察, 在京期间, 在蓉签署, 来穗投资): after a verb of coming, going or staying and before
//! punctuation or a word of what is done there. Provinces by the official abbreviations, cities
//! by CC-CEDICT's (assets/city_abbreviations.tsv).

use super::abbreviations::{EVERYDAY, PROVINCES};
use super::tables::TABLES;
use super::{Candidate, Recognizer, Words};
use crate::corpus::{Document, Lang};
use crate::model::Label;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Places named by one character after a verb of travel.
pub struct TravelAbbreviations;

/// Verbs of coming, going and staying, one character each (赴沪, 在京, 离渝, 驻京).
const BEFORE: &str = "来赴抵离返回在驻进留";

/// What follows the place: punctuation, or what is done there (在蓉签署, 来穗投资, 在京期间).
const AFTER: &[&str] = &[
    "，", "。", "、", "；", "：", "！", "？", "期间", "考察", "调研", "投资", "工作", "访问",
    "参观", "出席", "参加", "签署", "签约", "举行", "召开", "开展", "发展", "创业", "就业", "学习",
    "交流", "洽谈", "办", "后", "时", "的", "参会", "任职", "落户", "兴业", "置业", "求学", "就医",
];

/// One-character names → the place's division code: the provinces' (but the everyday
/// characters, 新, 青, 云…, and 澳, as often Australia), then the cities' where no province
/// has the character.
static PLACES: LazyLock<FxHashMap<char, &'static str>> = LazyLock::new(|| {
    let code_of: FxHashMap<&str, &str> = TABLES
        .places
        .iter()
        .map(|p| (p.zh.as_str(), p.code.as_str()))
        .collect();
    let cities = include_str!("../../assets/city_abbreviations.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (c, city) = l.split_once('\t')?;
            Some((c.chars().next()?, *code_of.get(city)?))
        });
    let mut places: FxHashMap<char, &str> = cities.collect();
    for (&c, &code) in PROVINCES.iter() {
        if EVERYDAY.contains(c) || c == '澳' {
            places.remove(&c);
        } else {
            places.insert(c, code);
        }
    }
    places
});

impl Recognizer for TravelAbbreviations {
    fn name(&self) -> &'static str {
        "abbreviations"
    }

    fn handles(&self, lang: Lang) -> bool {
        lang == Lang::Zh
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        for run in words.non_ascii() {
            let mut previous: Option<char> = None;
            for (i, c) in text[run.clone()].char_indices() {
                let at = run.start + i;
                let after = &text[at + c.len_utf8()..];
                let place = previous
                    .filter(|p| BEFORE.contains(*p))
                    .and_then(|_| PLACES.get(&c))
                    .filter(|_| AFTER.iter().any(|w| after.starts_with(w)));
                if let Some((key, canonical)) =
                    place.and_then(|code| super::regions::place_by_code(code))
                {
                    out.push(Candidate {
                        span: at..at + c.len_utf8(),
                        label: Label::Region,
                        key,
                        canonical,
                        recognizer: "abbreviations",
                    });
                }
                previous = Some(c);
            }
        }
    }
}
