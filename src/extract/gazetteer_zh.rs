//! Whether a match of the Chinese gazetteer names the place: not a facility's name (中山路),
//! an adjective (中国式), a word's part (平台中), a district's common word away from its city
//! (城区), nor part of a longer foreign name (多哈 of 多哈尔滨).

use super::regions::{chinese_place_end, places_ending_at};
use super::tables::TABLES;
use crate::corpus::meta::is_han;

/// Words after a place's bare name that make it the name of a road, an estate, a park, a
/// reservoir or a station (中山路, 朝阳花园小区, 江口水库, 南京北站).
const FACILITIES_ZH: &[&str] = &[
    "路",
    "大街",
    "大道",
    "小区",
    "花园",
    "公园",
    "广场",
    "水库",
    "大桥",
    "机场",
    "火车站",
    "北站",
    "南站",
    "东站",
    "西站",
    "码头",
    "口岸",
];

/// Whether a bare name (中山, not 中山市) starts a facility's name: no mention of the place.
fn starts_a_facility(text: &str, span: &std::ops::Range<usize>, places: &[usize]) -> bool {
    let name = &text[span.clone()];
    facility_after(text, span.end) && places.iter().all(|&i| TABLES.places[i].zh != name)
}

/// Whether the words at `at` make the name before them a facility's (路, 小区, 水库…, a school).
pub(crate) fn facility_after(text: &str, at: usize) -> bool {
    FACILITIES_ZH.iter().any(|w| text[at..].starts_with(w)) || school_after(text, at)
}

/// Whether a school named after a place starts at `at` (第一中学, 中心小学, 实验小学): the
/// place's name is the school's — but not 中学生 ("middle-school pupils").
pub(crate) fn school_after(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches(|c| "第一二三四五六七八九十".contains(c));
    let rest = ["中心", "实验", "民族"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    ["中学", "小学"].iter().any(|s| {
        rest.strip_prefix(s)
            .is_some_and(|after| !after.starts_with('生'))
    })
}

/// Whether a Chinese match names the place: not an adjective (中国式现代化: "Chinese-style"), nor
/// a district named by a common word away from its city (中心城区), and
/// a GeoNames city abroad not the start of a longer place (多哈 of 多哈尔滨…) nor part of a foreign
/// person's full name (哥伦布 in 克里斯托弗·哥伦布).
pub(super) fn chinese_match_ok<'a>(
    text: &'a str,
    span: &std::ops::Range<usize>,
    places: &[usize],
    tokens: &dyn Fn() -> &'a [super::segment::Token],
) -> bool {
    // 中国式; 天水圍 (a walled village of Hong Kong's, not 天水 of Gansu).
    if text[span.end..].starts_with(['式', '圍', '围'])
        || starts_a_facility(text, span, places)
        || school_after(text, span.end)
    {
        return false;
    }
    // 台中 of 平台中, 台东 of 平台东部: Taiwan's short names cross words as countries' do; other
    // places' names only where a word holds them or another place runs into them.
    let either_end = is_country(places) || in_taiwan(places);
    if crosses_a_word(text, span, tokens, either_end) {
        return false;
    }
    // 城区, 郊区, 矿区: districts so named are their city's (阳泉市城区); alone, the word.
    let name = &text[span.clone()];
    if name.chars().count() == 2
        && name.ends_with('区')
        && super::segment::common_word(name)
        && !after_a_chinese_place(text, span.start)
    {
        return false;
    }
    // The GeoNames cities abroad only: other names are read as they always were.
    if !places.iter().all(|&i| TABLES.places[i].is_from_geonames()) {
        return true;
    }
    // Inside a longer transliterated name (费德里克, 希拉蕊), or a Chinese place's own part
    // (厦门高崎机场: 高崎 is also Takasaki).
    let continues_a_name = |c: Option<char>| c.is_some_and(|c| NAME_CONTINUES.contains(c));
    if continues_a_name(text[..span.start].chars().next_back())
        || continues_a_name(text[span.end..].chars().next())
        || after_a_chinese_place(text, span.start)
    {
        return false;
    }
    // A place starting inside this one and running past it (哈尔滨 of 多哈尔滨).
    !text[span.clone()]
        .char_indices()
        .skip(1)
        .any(|(i, _)| chinese_place_end(text, span.start + i).is_some_and(|end| end > span.end))
}

/// Whether every place of a match is in Taiwan.
fn in_taiwan(places: &[usize]) -> bool {
    places
        .iter()
        .all(|&i| TABLES.places[i].province == "台湾省")
}

/// Whether every place of a match is a country.
fn is_country(places: &[usize]) -> bool {
    places
        .iter()
        .all(|&i| TABLES.places[i].level == super::tables::Level::Country)
}

/// Whether a name is the end of a word begun before it or (`either_end`) the start of one that
/// runs on, as jieba reads the text (海地 of 沿海地区, 中国 of 集中国力; not 中国 of 中国人民).
/// jieba is asked only where the characters around make a word with the name's.
fn crosses_a_word<'a>(
    text: &'a str,
    span: &std::ops::Range<usize>,
    tokens: &dyn Fn() -> &'a [super::segment::Token],
    either_end: bool,
) -> bool {
    let name = &text[span.clone()];
    let (Some(first), Some(last)) = (name.chars().next(), name.chars().next_back()) else {
        return false;
    };
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    // Asked for every place matched: the pair is written on the stack, not allocated.
    let word = |a: char, b: char| {
        let mut buf = [0u8; 8];
        let first_len = a.encode_utf8(&mut buf).len();
        let len = first_len + b.encode_utf8(&mut buf[first_len..]).len();
        std::str::from_utf8(&buf[..len]).is_ok_and(super::segment::is_word)
    };
    let may_cross = before.is_some_and(|c| is_han(c) && word(c, first))
        || (either_end && after.is_some_and(|c| is_han(c) && word(last, c)));
    if !may_cross {
        return false;
    }
    let tokens = tokens();
    let holding = |at: usize| {
        tokens
            .get(tokens.partition_point(|t| t.range.end <= at))
            .filter(|t| t.range.start <= at)
    };
    let last_at = span.end - last.len_utf8();
    // Elsewhere jieba's cut across a name's start is wrong as often as not (带动静海区: 动静;
    // 外引信阳: 引信): the name is dropped where a common word holds it whole (海口 of 出海口;
    // not 江门 of 亲临江门, 临江门 being a place too) or a region the gazetteer lacks runs into
    // it (西山区 of 鄂西山区).
    let crosses_start = |t: &super::segment::Token| {
        // A region jieba knows that the gazetteer does not (鄂西); not 临江 of 亲临江门.
        let another_region = || {
            t.range.end < span.end
                && t.tag.starts_with("ns")
                && super::regions::place_at_start(&text[t.range.clone()]) != Some(t.range.len())
        };
        let holds_it = t.range.end >= span.end && !t.tag.starts_with("ns");
        t.range.start < span.start && (either_end || holds_it || another_region())
    };
    holding(span.start).is_some_and(crosses_start)
        || (either_end
            && holding(last_at)
                .is_some_and(|t| t.range.start > span.start && t.range.end > span.end))
}

/// Characters that carry a transliterated foreign name on (·, 克, 斯, 尔…): one right beside a
/// city abroad makes it part of a person's name.
const NAME_CONTINUES: &str = "·克斯尔里娜德丝蒂妮莉拉蕊芬特森逊顿曼诺维夫奇费米";

/// Whether a place's Chinese name (two to six characters, not a GeoNames city's) ends at `at`.
fn after_a_chinese_place(text: &str, at: usize) -> bool {
    places_ending_at(text, at).next().is_some()
}
