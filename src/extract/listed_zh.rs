//! Places listed with their suffixes, between 、 (白道口镇、八里营镇、留固镇等乡镇; 晋江市、福清市、
//! 长泰区; 浏阳、醴陵等县市): where two or more items are places, each is one.

use super::segment::{self, Token};
use super::towns_zh::{name_word, town_candidate, NOT_IN_A_NAME, NOT_TOWN_NAMES};
use super::Candidate;
use crate::corpus::meta::is_han;
use std::ops::Range;

/// Suffixes of the places a list names (towns, and the counties, districts and cities around
/// them).
const LISTED_SUFFIXES: &[&str] = &["街道", "社区", "镇", "乡", "村", "县", "区", "市", "旗"];

/// The items of a list, between 、, that are places by their suffix (白道口镇、八里营镇、留固镇等
/// 乡镇; 晋江市、福清市、长泰区): where two or more items are, each is a place. The first item is
/// taken whole or from the start of a word (白道口镇 of 其中白道口镇), the last up to its
/// suffix (留固镇 of 留固镇等乡镇).
pub(super) fn listed_places(text: &str, tokens: &[Token], out: &mut Vec<Candidate>) {
    let in_list = |c: char| is_han(c) || c == '、';
    let mut searched_to = 0;
    for (at, _) in text.match_indices('、') {
        if at < searched_to {
            continue;
        }
        // The run of ideographs and 、 around, searched back no further than the last list.
        let start = text[searched_to..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| in_list(*c))
            .last()
            .map_or(at, |(i, _)| searched_to + i);
        let end = text[at..]
            .char_indices()
            .find(|(_, c)| !in_list(*c))
            .map_or(text.len(), |(i, _)| at + i);
        searched_to = end;
        let mut places = Vec::new();
        let mut gazetteer_places = 0;
        let mut item_start = start;
        let items: Vec<&str> = text[start..end].split('、').collect();
        for (k, item) in items.iter().enumerate() {
            let last = k + 1 == items.len();
            // The last item's name ends at 等 or at the count of places.
            let named_len = if last { list_end(item) } else { item.len() };
            let place = if k > 0 {
                listed_place(item, last).map(|len| after_a_leading_place(item, 0..len))
            } else if LISTED_SUFFIXES.iter().any(|s| item.ends_with(s)) {
                // The words before the list (其中白道口镇, 将借镜台中市): the shortest place
                // that starts a word.
                let first = tokens.partition_point(|t| t.range.start < item_start);
                let last = tokens.partition_point(|t| t.range.start < item_start + item.len());
                tokens[first..last].iter().rev().find_map(|word| {
                    let from = word.range.start - item_start;
                    listed_place(&item[from..], false).map(|len| from..from + len)
                })
            } else {
                None
            };
            // Failing a place with its suffix: the item's name as a county's bare name, a town
            // of the register, or a place of the gazetteer (推动哈尔滨、亚布力、雪乡等地: 哈尔滨).
            let name = || item_name(tokens, item_start, item, k, last);
            let county = || {
                let span = name()?;
                Some((span.clone(), county_item(&text[span], item, last)?))
            };
            if let Some(p) = place {
                places.push((item_start + p.start..item_start + p.end, None));
            } else if let Some((span, county)) = county() {
                places.push((span, Some(county)));
            } else if k > 0 && town_item(&item[..named_len]) {
                places.push((item_start..item_start + named_len, None));
            } else if name().is_some_and(|span| {
                let name = &text[span];
                super::regions::place_at_start(name) == Some(name.len())
            }) {
                gazetteer_places += 1;
            }
            item_start += item.len() + '、'.len_utf8();
        }
        // Not a count of places (山东四省市: 四省市), nor a conjunction and a place of the
        // gazetteer, which is its own (与义县: 义县).
        places.retain(|(span, _)| {
            let name = &text[span.clone()];
            let mut chars = name.chars();
            let first = chars.next().unwrap_or(' ');
            let rest = chars.as_str();
            let conjunction_and_place = "与和及在对向从到于将".contains(first)
                && super::regions::place_at_start(rest) == Some(rest.len());
            !"一二三四五六七八九十两".contains(first) && !conjunction_and_place
        });
        // The gazetteer's places in the list (哈尔滨) vouch for the others; they are its own.
        if places.len() + gazetteer_places >= 2 {
            out.extend(places.into_iter().map(|(span, county)| match county {
                Some((key, canonical)) => Candidate {
                    key,
                    canonical,
                    ..town_candidate(text, span)
                },
                None => town_candidate(text, span),
            }));
        }
    }
}

/// Where the name of a list's `k`th item lies: the whole item, the first item's last word, the
/// last item up to 等 or its count (三地).
fn item_name(
    tokens: &[Token],
    item_start: usize,
    item: &str,
    k: usize,
    last: bool,
) -> Option<Range<usize>> {
    Some(if k == 0 {
        let end = item_start + item.len();
        let at = tokens.partition_point(|t| t.range.end < end);
        tokens.get(at).filter(|t| t.range.end == end)?.range.clone()
    } else if last {
        item_start..item_start + list_end(item)
    } else {
        item_start..item_start + item.len()
    })
}

/// The county a list's item names (`name`, read by `item_name`) by its bare name, jieba reading
/// it as a place (浏阳、醴陵、韶山等县市): its key and display name.
fn county_item(name: &str, item: &str, last: bool) -> Option<(String, String)> {
    // 醴陵、茶陵等周边县市: a list that says it names counties vouches even for a name jieba has
    // as a common word (茶陵).
    let counties_said = last
        && item[list_end(item)..]
            .chars()
            .take(6)
            .any(|c| "县市区地".contains(c));
    if !(2..=4).contains(&name.chars().count()) {
        return None;
    }
    // Two places listed together vouch for each other's reading; jieba may have read a
    // county's name as a person's (吴江) — not as a common word.
    if segment::common_word(name) && !counties_said {
        return None;
    }
    super::counties::county_by_bare_name_any_tag(name)
}

/// A list's item (after the first; the last up to 等) that is a town of the register by its
/// bare name (哈尔滨、亚布力、雪乡等地: 亚布力镇), not a common word.
pub(super) fn town_item(item: &str) -> bool {
    (2..=4).contains(&item.chars().count())
        && !segment::common_word(item)
        && ["镇", "乡"]
            .iter()
            .any(|kind| super::towns_register::is_registered(&format!("{item}{kind}")))
}

/// Where the last item of a list of places ends: at 等 (醴陵等县市), at the count of places
/// (嘉善三地, 宿迁五市) or at 以及 before one more (福鼎以及宁德), else with the item.
fn list_end(item: &str) -> usize {
    item.char_indices()
        .skip(1)
        .find(|&(i, c)| {
            let rest = &item[i + c.len_utf8()..];
            c == '等'
                || ("两二三四五六七八九十几".contains(c)
                    && rest.starts_with(['地', '县', '市', '区']))
                || item[i..].starts_with("以及")
        })
        .map_or(item.len(), |(i, _)| i)
}

/// A listed place without the larger place written before it (宁波海曙区: 海曙区, 宁波 being the
/// gazetteer's): where what follows that place is a name of two characters or more and a
/// suffix (not 长沙镇, 上海新村).
fn after_a_leading_place(item: &str, place: Range<usize>) -> Range<usize> {
    let Some(lead) = super::regions::place_at_start(&item[place.clone()]) else {
        return place;
    };
    let rest = &item[lead..place.end];
    let suffix = LISTED_SUFFIXES.iter().find(|s| rest.ends_with(*s));
    match suffix {
        Some(s) if rest[..rest.len() - s.len()].chars().nth(1).is_some() => lead..place.end,
        _ => place,
    }
}

/// The length of the place a list's item names: all of it (the last item: up to the first
/// suffix that ends a name), a name of two to four characters and a suffix — not a determiner
/// (各区), a word of the dictionary that is not a place (开发区, 高新区), nor words that cannot
/// be part of a name (发展南芬区, 深入青石镇).
fn listed_place(item: &str, last: bool) -> Option<usize> {
    // The last item ends at its count (宿迁五市: 宿迁, no 宿迁五 + 市).
    let item = if last { &item[..list_end(item)] } else { item };
    let ends: Vec<usize> = item
        .char_indices()
        .map(|(i, _)| i)
        .skip(2)
        .take(3)
        .collect();
    let len = ends.into_iter().find_map(|name_end| {
        let suffix = LISTED_SUFFIXES
            .iter()
            .find(|s| item[name_end..].starts_with(*s))?;
        let len = name_end + suffix.len();
        (last || len == item.len()).then_some((name_end, len))
    });
    let (name_end, len) = len?;
    let name = &item[..name_end];
    // Numbers, single characters and words jieba only guessed start names (八里营镇, 白道口镇,
    // 留固镇), but a name is not all number (三个区) and does not start with a preposition or
    // verb of motion (赴青石镇).
    let words = segment::tag(name);
    let name_like = |t: &Token| {
        let word = &name[t.range.clone()];
        let single = word.chars().count() == 1 && !word.starts_with(|c| NOT_IN_A_NAME.contains(c));
        name_word(t.tag)
            || t.tag == "m"
            || single
            || (word.chars().count() > 1 && !segment::is_word(word))
    };
    let name_words = words.iter().all(name_like) && words.iter().any(|t| t.tag != "m");
    let determiner =
        name.starts_with(|c| NOT_TOWN_NAMES.contains(c)) || super::towns_zh::generic_kind(name);
    // 金井湾片区, 秦川园区: a zone's head (片区, 园区), not a district's suffix.
    let zone_head = item[name_end..len] == *"区" && name.ends_with(['片', '园']);
    // 湾镇田心村: a name does not run across a town's or a county's suffix.
    let across_a_suffix = name.chars().skip(1).any(|c| "镇乡县".contains(c));
    let named = name_words && !determiner && !across_a_suffix && !zone_head;
    (named && !segment::common_word(name)).then_some(len)
}
