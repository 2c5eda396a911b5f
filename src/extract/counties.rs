//! County-level places by their bare names (浏阳 of 浏阳市, 寿光 of 寿光市), which are too
//! ambiguous to take alone: after their province's name (山东寿光), or in a list where jieba
//! reads them as places (浏阳、醴陵、韶山等县市).

use super::regions::{choose, place_name};
use super::tables::{Level, TABLES};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Characters after a bare place name that make it the start of a park's, a road's or a smaller
/// place's name (西青园, 南海路, 津南区): not the place.
const STARTS_A_LONGER_NAME: &str = "园区县市镇乡村路街港站";

/// Whether a county's or district's bare name ending at `at` starts a longer name: a park's, a
/// road's, a smaller place's, or any facility's the gazetteer's bare names are kept out of
/// (南沙花园, 江口水库).
pub(crate) fn starts_a_longer_name(text: &str, at: usize) -> bool {
    text[at..].starts_with(|c| STARTS_A_LONGER_NAME.contains(c))
        || super::gazetteer_zh::facility_after(text, at)
}

/// County-level places by their bare name, keyed by it and their province's full name, and by
/// it and their city's code (its first four digits).
static COUNTIES_BY_PARENT: LazyLock<HashMap<(&'static str, &'static str), Vec<usize>>> =
    LazyLock::new(|| {
        let mut map: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, p) in TABLES.places.iter().enumerate() {
            let bare = p.zh_short.as_str();
            if !p.level.bare_name_used() && bare != p.zh && (2..=4).contains(&bare.chars().count())
            {
                map.entry((p.province.as_str(), bare)).or_default().push(i);
                if let Some(city) = p.code.get(..4).filter(|_| p.code.len() == 6) {
                    map.entry((city, bare)).or_default().push(i);
                }
            }
        }
        map
    });

/// Counties and districts by their bare names.
static BY_BARE: LazyLock<HashMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for ((_, bare), places) in COUNTIES_BY_PARENT.iter() {
        map.entry(bare).or_default().extend(places);
    }
    // Each place is there under its province and its city.
    for places in map.values_mut() {
        places.sort_unstable();
        places.dedup();
    }
    map
});

/// A county-level place by its bare name (浏阳 of 浏阳市) where jieba reads that name as a place:
/// its key and display name (the most general, where several share the name).
pub(crate) fn county_by_bare_name(bare: &str) -> Option<(String, String)> {
    if !matches!(super::segment::tag(bare).as_slice(), [t] if t.tag == "ns") {
        return None;
    }
    county_by_bare_name_any_tag(bare)
}

/// `county_by_bare_name` whatever jieba makes of the name, where the context vouches for a
/// place (a list of places: 青浦、吴江、嘉善三地, 吴江 tagged a person's name).
pub(super) fn county_by_bare_name_any_tag(bare: &str) -> Option<(String, String)> {
    let places = BY_BARE.get(bare)?;
    let place = choose(places, &HashSet::new());
    Some((format!("region:{}", place.code), place_name(place)))
}

/// `county_by_bare_name_any_tag` where one county alone has the bare name (平潭; not 滨海, a
/// county in Jiangsu and a district of Tianjin).
pub(super) fn only_county_by_bare_name(bare: &str) -> Option<(String, String)> {
    (BY_BARE.get(bare)?.len() == 1)
        .then(|| county_by_bare_name_any_tag(bare))
        .flatten()
}

/// A county or district named by its bare name right after its province's or its city's
/// (山东寿光, 河南兰考, 广州南沙, 梅州平远): too ambiguous alone, the province or city vouches for
/// it — unless it is a frequent common word (广西资源 stays 资源, "resources") or starts a longer
/// name (天津西青园).
pub(super) fn counties_after_their_province(
    text: &str,
    found: &[(std::ops::Range<usize>, &Vec<usize>)],
) -> Vec<(std::ops::Range<usize>, Vec<usize>)> {
    let starts: HashSet<usize> = found.iter().map(|(span, _)| span.start).collect();
    let mut out = Vec::new();
    for (span, places) in found {
        // A province's county, or a city's district (广州南沙: the first four digits of a
        // district's code are its city's).
        let Some(key) = places
            .iter()
            .map(|&i| &TABLES.places[i])
            .find_map(|p| match p.level {
                Level::Province => Some(p.zh.as_str()),
                Level::City => p.code.get(..4),
                _ => None,
            })
        else {
            continue;
        };
        if starts.contains(&span.end) {
            continue;
        }
        let after = &text[span.end..];
        let ends: Vec<usize> = after
            .char_indices()
            .map(|(i, _)| i)
            .chain([after.len()])
            .skip(2)
            .take(2)
            .collect();
        for &end in ends.iter().rev() {
            let bare = &after[..end];
            let Some(counties) = COUNTIES_BY_PARENT.get(&(key, bare)) else {
                continue;
            };
            let goes_on = starts_a_longer_name(text, span.end + end);
            // A rare word jieba has (平远, an adjective to it) is the county after its city.
            let word = super::segment::common_word(bare) && super::segment::is_frequent_word(bare);
            if !word && !goes_on {
                out.push((span.end..span.end + end, counties.clone()));
            }
            break;
        }
    }
    out
}
