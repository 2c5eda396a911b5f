//! Chinese proper nouns jieba's dictionary knows, taken where the form agrees: organizations it
//! tags nt that end like one (外交部, 新华社, 全国政协), places it tags ns that end like one, stand
//! where places stand or name a part of a province (北三县, 赴迪拜, 皖北; 珠三角 tagged nz), and
//! companies listed as such (兴发集团、华新水泥等企业).
//! Towns and villages are `towns_zh`'s.

use super::segment::Token;
use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use regex::Regex;
use std::sync::LazyLock;

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
const GENERIC_ORGS: &[&str] = &[
    "党工委",
    "管委会",
    "党委",
    "党组",
    "工委",
    "村委",
    "居委会",
    "卫生院",
    "气象台",
];

/// Endings of places' names.
const PLACE_ENDINGS: &str = "省市县区州镇乡村岛湾港角洲";

/// Words after which a place stands (在上海, 赴迪拜, 前往廊坊).
const BEFORE_PLACE: &[&str] = &[
    "在", "赴", "到", "抵达", "前往", "访问", "来自", "位于", "飞抵",
];

/// What follows a list of companies (兴发集团、华新水泥等企业) even of one item.
const COMPANY_LIST_ENDS: &[&str] = &["等企业", "等公司", "等龙头企业", "等一批企业", "等单位"];

/// What follows a list of companies or bodies (中国石油、国家电网等中央企业; 教育部、财政部等
/// 部门; 中国科学院、清华大学等机构).
static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等\p{Han}{0,4}?(?:企业|公司|单位|机构|部门|银行|高校)").expect("static regex")
});

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
            let word = &text[t.range.clone()];
            let n = word.chars().count();
            if n < 2 || !word.chars().all(is_han) {
                continue;
            }
            company_by_industry(text, &tokens[i..], out);
            match t.tag {
                "nt" if ORG_ENDINGS.iter().any(|e| word.ends_with(e))
                    && !GENERIC_ORGS.contains(&word) =>
                {
                    // 二 + 十国集团: a number jieba split off the start of the name.
                    let start = numeral_before(text, t.range.start);
                    out.push(candidate(
                        start..t.range.end,
                        &text[start..t.range.end],
                        Label::Org,
                    ));
                }
                // Unions and treaty bodies jieba has as abbreviations (欧盟, 北约).
                "j" if word.ends_with(['盟', '约']) => {
                    out.push(candidate(t.range.clone(), word, Label::Org));
                }
                "ns" | "nz" if tagged_place(text, t) => {
                    out.push(candidate(t.range.clone(), word, Label::Region));
                }
                _ => {}
            }
        }
        companies_in_lists(text, out);
    }
}

/// Industries a company's short name ends with after its brand (华新水泥, 吉利汽车).
const INDUSTRY_WORDS: &[&str] = &[
    "汽车", "钢铁", "水泥", "电缆", "电气", "重工", "制药", "医药", "证券", "保险", "啤酒", "乳业",
    "化工", "电子", "股份",
];

/// A company by its brand and industry (吉利汽车, 华新水泥): a proper noun jieba knows, then an
/// industry word that no common noun continues (not 中国汽车工业, 钢铁行业).
fn company_by_industry(text: &str, tokens: &[Token], out: &mut Vec<Candidate>) {
    let [brand, industry, rest @ ..] = tokens else {
        return;
    };
    let proper = matches!(brand.tag, "nz" | "ns" | "nr" | "nrt" | "j");
    let industry_word = INDUSTRY_WORDS.contains(&&text[industry.range.clone()]);
    let continued = rest
        .first()
        .is_some_and(|t| matches!(t.tag, "n" | "vn" | "ng") && t.range.start == industry.range.end);
    if proper && industry_word && brand.range.end == industry.range.start && !continued {
        let span = brand.range.start..industry.range.end;
        out.push(candidate(span.clone(), &text[span], Label::Org));
    }
}

/// Chinese numerals: 六楼 after 在 is a floor, not a place; 二十国集团 counts them in.
const NUMERALS: &str = "一二三四五六七八九十百";

/// Where a name starting with a Chinese numeral (十国集团) starts once the numerals right before
/// it are counted in (二十国集团).
fn numeral_before(text: &str, start: usize) -> usize {
    if !text[start..].starts_with(|c| NUMERALS.contains(c)) {
        return start;
    }
    let before = &text[..start];
    let len: usize = before
        .chars()
        .rev()
        .take_while(|c| NUMERALS.contains(*c))
        .take(3)
        .map(char::len_utf8)
        .sum();
    start - len
}

/// A word jieba tags as a place that ends like one after a name of two characters or more
/// (北三县, 长三角, 香港特区) — not a generic one (新区, 三区, 大都市, 百强县).
fn named_place(word: &str) -> bool {
    let Some(stem) = word
        .strip_suffix("地区")
        .or_else(|| word.strip_suffix(|c| PLACE_ENDINGS.contains(c)))
        .map(|stem| stem.strip_suffix('特').unwrap_or(stem))
    else {
        return false;
    };
    // 百强县, 沿海地区: a common word and a division's ending name a kind of place, not one.
    // 深水港 "a deep-water port" likewise.
    let division = word.ends_with(['县', '区', '市', '港']);
    // 陕豫三省 (a stray entry): places and their count, not one place (北三县 is one).
    let counted = word.ends_with(['省', '市', '县', '区'])
        && stem
            .strip_suffix(|c| "两二三四五六七八九十".contains(c))
            .is_some_and(|places| places.chars().nth(1).is_some());
    if counted {
        return false;
    }
    stem.chars().count() >= 2
        && !stem.starts_with(|c| GENERIC_STARTS.contains(c))
        && !(division && super::segment::common_word(stem))
}

/// Whether a word jieba tags as a place (or 珠三角, which it tags nz) names one: it ends like a
/// place, names a part of a province, or is short and stands where places stand (赴迪拜; not
/// 在六楼) — and is not jieba's guess across a registered town's suffix (镇新龙村 of 分水镇新龙村),
/// nor the start of a road's or an estate's name (朝阳花园小区).
fn tagged_place(text: &str, t: &Token) -> bool {
    let word = &text[t.range.clone()];
    let before = &text[..t.range.start];
    // Not a zone's kind alone (在新区: "in the new area" of the article); not a word starting
    // like a generic one that the gazetteer does not name (在新建的操场: 新建 "newly built", a
    // district's bare name jieba tags as a place).
    let generic_start = word.starts_with(|c| GENERIC_STARTS.contains(c))
        && super::regions::place_at_start(word).is_none_or(|len| len < word.len());
    let where_places_stand = word.chars().count() <= 3
        && BEFORE_PLACE.iter().any(|p| before.ends_with(p))
        && !word.starts_with(|c| NUMERALS.contains(c))
        && !generic_start
        && !super::zones::is_zone_head(word);
    (t.tag == "ns" || word.ends_with("三角"))
        && (named_place(word) || part_of_a_province(word) || where_places_stand)
        && !super::towns_register::register_town_ends_inside(text, &t.range)
        && !super::gazetteer_zh::facility_after(text, t.range.end)
}

/// A part of a province by its abbreviation and a direction (苏北, 豫东, 鲁西南, 川西): a
/// region. Not 京: 京东 and 京西 are a company and a hotel more often than parts of Beijing; nor a
/// county's bare name (津南 of 津南区), which is the county where it is anything.
fn part_of_a_province(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let directions: Vec<char> = chars.collect();
    first != '京'
        && super::abbreviations::PROVINCES.contains_key(&first)
        && (1..=2).contains(&directions.len())
        && directions.iter().all(|c| "东南西北中".contains(*c))
        && super::counties::county_by_bare_name(word).is_none()
        && super::regions::place_at_start(word).is_none()
}

/// First characters of generic place words (大都市, 新城区, 各县区).
const GENERIC_STARTS: &str = "大小新老各全本该每一二三四五六七八九十多城";

fn candidate(span: std::ops::Range<usize>, name: &str, label: Label) -> Candidate {
    let kind = if label == Label::Org { "org" } else { "region" };
    // A county's bare name (平潭) is that county: the entity its full name has.
    let county = (label == Label::Region)
        .then(|| super::counties::county_by_bare_name_any_tag(name))
        .flatten();
    let (key, canonical) =
        county.unwrap_or_else(|| (format!("{kind}:zh:{name}"), name.to_string()));
    Candidate {
        span,
        key,
        canonical,
        label,
        recognizer: "proper-zh",
    }
}

/// Bytes before a list's end searched for the start of its clause.
const LIST_WINDOW: usize = 240;

/// Whether a list's item reads as a name: it ends like a body's, or holds a proper noun or a
/// word jieba's dictionary lacks (华为, 中国石油, 中芯国际; not 小试, 检验检测).
fn names_something(item: &str) -> bool {
    ORG_ENDINGS.iter().any(|e| item.ends_with(e))
        || super::segment::tag(item).iter().any(|t| {
            // Not an abbreviation alone (中试, "pilot testing").
            matches!(t.tag, "ns" | "nz" | "nt")
                || t.tag.starts_with("nr")
                || !super::segment::is_word(&item[t.range.clone()])
        })
}

/// Where a list's first item starts in the clause before it: after the last word jieba tags as
/// a verb, preposition, conjunction, adverb, pronoun or particle (关于华为); and where what is
/// left does not end like a body's name, at the first word that leaves four characters or
/// fewer, the length of a company's short name (指导中国石油: jieba has 指导 as a noun).
fn first_item_start(item: &str) -> usize {
    let tokens = super::segment::tag(item);
    let cut = tokens
        .iter()
        .rposition(|t| {
            t.tag.starts_with('v')
                || t.tag.starts_with('u')
                || matches!(t.tag, "p" | "c" | "d" | "r")
        })
        .map_or(0, |i| i + 1);
    let body = ORG_ENDINGS.iter().any(|e| item.ends_with(e));
    let short = |t: &super::segment::Token| item[t.range.start..].chars().count() <= 4;
    tokens[cut..]
        .iter()
        .find(|t| body || short(t))
        .map_or(item.len(), |t| t.range.start)
}

/// Whether a list's item names an industry, not a company (新能源、粮食加工、装备制造等企业): one
/// common word of jieba's dictionary longer than two characters (小米 and 双汇, companies, are
/// common nouns too), or words ending in a verb of production.
fn an_industry(item: &str) -> bool {
    let words = super::segment::tag(item);
    let one_common_word = matches!(words.as_slice(), [w] if matches!(w.tag, "n" | "l" | "vn"))
        && item.chars().count() > 2;
    one_common_word || (words.len() > 1 && ["加工", "制造"].iter().any(|v| item.ends_with(v)))
}

/// Items of a list ended by 等企业, 等部门 (兴发集团、华新水泥、安琪酵母等企业): companies and
/// bodies.
fn companies_in_lists(text: &str, out: &mut Vec<Candidate>) {
    let mut items_found: Vec<&str> = Vec::new();
    for end in LIST_END.find_iter(text) {
        let at = end.start();
        // The clause before it, looked for in a bounded window (a long text without
        // punctuation must not be scanned back whole for every list).
        let mut window = at.saturating_sub(LIST_WINDOW);
        while !text.is_char_boundary(window) {
            window += 1;
        }
        let line_start = text[window..at]
            .rfind([
                '\n', '。', ',', '\u{FF0C}', ';', '\u{FF1B}', ':', '\u{FF1A}',
            ])
            .map_or(window, |i| {
                window + i + text[window + i..].chars().next().map_or(1, char::len_utf8)
            });
        let clause = &text[line_start..at];
        // Before the words that always end a list of companies (华新水泥等企业), one item is a
        // list and every item a company; before others (等机构), items must read as names.
        let companies = COMPANY_LIST_ENDS.iter().any(|e| text[at..].starts_with(e));
        if !clause.contains('、') && !companies {
            continue;
        }
        let mut start = line_start;
        for (k, item) in clause.split('、').enumerate() {
            let (item_start, item) = if k == 0 {
                // The first item carries the words before the list (关于华为, 要指导中国石油):
                // the name starts after the last verb or function word.
                let from = first_item_start(item);
                (start + from, &item[from..])
            } else {
                (start, item)
            };
            start = item_start + item.len() + '、'.len_utf8();
            // An item longer than a name (the first may carry the words before the list) is
            // left out; a body's name may be longer (人力资源社会保障部).
            let n = item.chars().count();
            let longest = if ORG_ENDINGS.iter().any(|e| item.ends_with(e)) {
                10
            } else {
                6
            };
            let determiner = item.starts_with(|c| "各全本该每其有相".contains(c));
            if (2..=longest).contains(&n)
                && item.chars().all(is_han)
                && !determiner
                && !an_industry(item)
                && (companies || names_something(item))
            {
                out.push(candidate(
                    item_start..item_start + item.len(),
                    item,
                    Label::Org,
                ));
                items_found.push(item);
            }
        }
    }
    // A company named like a person (比亚迪) is the company wherever it stands.
    out.retain(|c| c.label != Label::Person || !items_found.contains(&&text[c.span.clone()]));
}
