//! Organizations by the words that end their names: 'Co., Ltd.', 'Committee', 'Bureau';
//! 有限公司, 委员会, 局. A region inside an organization's name belongs to the organization.

use super::regions::is_place_word;
use super::tokens::{case_of, is_title_word, last_word_start, Case, STOP_CAPITALS};
use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use regex::Regex;
use std::sync::LazyLock;

/// Organizations in either language.
pub struct Orgs;

static HEAD_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:co\.?,? ?ltd\.|(?:co\.?,? ?ltd|company|corporation|group|committee|commission|bureau|academy|university|institute|association|congress|administration|ministry|department|council|federation|organization|organisation|chamber of commerce|bank|procuratorate|government|people's government|cppcc|daily|times|news agency|agency|television|radio)(?-u:\b))").expect("static regex")
});

/// Lower-case words allowed inside an organization's name in machine translations
/// ('the CPC municipal committee', 'BONDED area management Committee').
const INNER_LOWER: &[&str] = &[
    "municipal",
    "party",
    "district",
    "provincial",
    "standing",
    "management",
    "working",
    "administrative",
    "area",
    "zone",
    "county",
    "city",
    "people's",
    "high-tech",
    "steering",
    "national",
];

/// Heads that name a newspaper, a broadcaster or an organization only when capitalized
/// ('Suzhou Daily', not 'three times'; 'World Health Organization', not 'Party organization').
const CAPITALIZED_HEADS: &[&str] = &[
    "agency",
    "daily",
    "times",
    "news agency",
    "television",
    "radio",
    "organization",
    "organisation",
];

/// Heads that take an 'of …' complement ('Academy of Aerospace').
const OF_HEADS: &[&str] = &[
    "academy",
    "organization",
    "administration",
    "university",
    "institute",
    "ministry",
    "bureau",
    "department",
    "chamber of commerce",
    "bank",
    "commission",
    "committee",
];

static HEAD_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"股份有限公司|有限责任公司|有限公司|集团|执行委员会|管理委员会|委员会|管委会|执委会|党支部|合作社|党工委|工委|党委|党组|区委|市委|省委|县委|工商联|联合会|促进会|研究会|基金会|商会|协会|科协|大学|学院|研究院|研究所|医院|分行|支行|人民政府|发展改革委|发改委|市政府|区政府|县政府|省政府|办公室|日报|晚报|新闻网|报社|电视台|广播电视台|出版社|议会|中心|局|署").expect("static regex")
});

/// Characters that make 局 part of a word rather than a bureau (布局 layout, 大局 overall situation).
const NOT_BUREAU: [char; 14] = [
    '布', '大', '格', '结', '开', '全', '当', '时', '骗', '僵', '残', '终', '棋', '赌',
];

/// Heads of government bodies, whose names may join two fields with 和.
const GOVERNMENT_HEADS: &[&str] = &["局", "委员会", "党组", "党委", "办公室", "人民政府"];

/// Last characters of organization names: 和 after one of them joins two organizations.
const HEAD_CHARS: [char; 8] = ['厅', '局', '委', '会', '部', '司', '院', '校'];

/// Most ideographs before a head word that can belong to the name.
const MAX_ORG_PREFIX: usize = 12;

/// Characters that end the words before an organization's name in Chinese.
const STOP_ZH: &str = "的在是了对为将把等由向从到于兼并以让使被请称与及、";

impl Recognizer for Orgs {
    fn name(&self) -> &'static str {
        "orgs"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        // Each finds only its own script, and either script can appear in either language.
        orgs_en(text, out);
        orgs_zh(text, out);
        ministries_zh(text, words.non_ascii(), out);
        if text.contains("公司") {
            companies_zh(text, words.han(), out);
        }
    }
}

fn org(span: std::ops::Range<usize>, name: &str) -> Candidate {
    let key = format!(
        "org:{}",
        name.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    Candidate {
        span,
        label: Label::Org,
        key,
        canonical: name.to_string(),
        recognizer: "orgs",
    }
}

/// What a word left of an organization's head word is to the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Left {
    /// A proper noun: capitalized, an acronym, or a place name however written.
    Name,
    /// A lower-case word that names of the genre contain ('municipal', 'party').
    Modifier,
    /// 'of' or 'and' between parts of one name.
    Connector,
}

fn orgs_en(text: &str, out: &mut Vec<Candidate>) {
    for m in HEAD_EN.find_iter(text) {
        let head = m.as_str().to_ascii_lowercase();
        let mut words: Vec<(usize, Left, bool)> = Vec::new(); // (start, kind, counts as a name)
        let mut at = m.start();
        while let Some((ws, word)) = word_before(text, at) {
            let Some(kind) = classify_left(text, ws, word, words.last().map(|w| w.1)) else {
                break;
            };
            let counts = kind == Left::Name
                && !(case_of(word) == Case::Capitalized && sentence_initial(text, ws));
            words.push((ws, kind, counts));
            at = ws;
        }
        while words.last().is_some_and(|w| {
            w.1 != Left::Name && !(w.1 == Left::Modifier && words.iter().any(|x| x.2))
        }) {
            words.pop(); // a name does not begin with a connector, nor with modifiers alone
        }
        // 'Bureau of Commerce and Suzhou University': an organization before an 'and' is
        // another one; the name starts after the 'and'.
        if let Some(i) = words.iter().position(|&(ws, kind, _)| {
            kind == Left::Connector
                && text[ws..].starts_with("and ")
                && HEAD_EN.is_match(&text[words.last().map_or(ws, |w| w.0)..ws])
        }) {
            words.truncate(i);
        }
        let mut names = words.iter().filter(|w| w.2).count();
        let start = words.last().map_or(m.start(), |w| w.0);
        let mut end = m.end();
        if OF_HEADS.contains(&head.as_str()) {
            if let Some(rest) = of_complement(&text[end..]) {
                end += rest;
                names += 1;
            }
        }
        let head_capitalized = m.as_str().starts_with(|c: char| c.is_ascii_uppercase());
        if names > 0 && (head_capitalized || !CAPITALIZED_HEADS.contains(&head.as_str())) {
            out.push(org(start..end, &text[start..end]));
        }
    }
}

/// The word that ends one space before `at`, with its start.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text[..at].strip_suffix(' ')?;
    let ws = last_word_start(before);
    (ws < before.len()).then(|| (ws, &before[ws..]))
}

/// Classifies a word left of a head word; None ends the name. `nearer` is the kind of the word
/// just right of it.
fn classify_left(text: &str, ws: usize, word: &str, nearer: Option<Left>) -> Option<Left> {
    // 'Indonesia's National Disaster Management Agency': the possessor is not in the name
    // (the People's of 'People's Government' is).
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    let peoples = word.eq_ignore_ascii_case("people's") || word.eq_ignore_ascii_case("people’s");
    if is_title_word(word) || STOP_CAPITALS.contains(&word) || (possessive && !peoples) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let left_word = word_before(text, ws).map(|(_, w)| w.trim_start_matches("the "));
    match (case_of(word), lower.as_str()) {
        (Case::Capitalized | Case::Upper | Case::Camel, _) => Some(Left::Name),
        (Case::Lower, "of" | "the") => {
            // 'Standing Committee of the Municipal Party Committee': only between two names
            // whose left one is itself an organization ('Branch of Academy' is not).
            let left = if lower == "the" {
                word_before(text, ws)
                    .filter(|(_, w)| *w == "of")
                    .and_then(|(s, _)| word_before(text, s))
            } else {
                word_before(text, ws)
            };
            let joins = left.is_some_and(|(_, w)| HEAD_EN.is_match(w)) && nearer.is_some();
            joins.then_some(Left::Connector)
        }
        (Case::Lower, "and") => {
            // 'Development and Reform Commission', but not 'Committee and Municipal Government'
            // nor 'Ding Xuexiang and European Commission'.
            let person_before = word_before(text, ws).is_some_and(|(given_at, given)| {
                word_before(text, given_at)
                    .is_some_and(|(_, surname)| starts_chinese_name(surname, Some(given)))
            });
            let joins = !person_before
                && left_word.is_some_and(|w| {
                    matches!(case_of(w), Case::Capitalized | Case::Upper) && !HEAD_EN.is_match(w)
                });
            (joins && nearer == Some(Left::Name)).then_some(Left::Connector)
        }
        (Case::Lower, _) if INNER_LOWER.contains(&lower.as_str()) => Some(Left::Modifier),
        (Case::Lower, _) if is_place_word(&lower) => Some(Left::Name),
        _ => None,
    }
}

/// Whether the word at `at` begins a sentence (its capital says nothing about being a name).
fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '”', '"'])
}

/// Length of ' of [the] Capitalized Words' at the start of `rest`, if any. An 'and' joins
/// two fields of one name ('Bureau of Industry and Information Technology') unless another
/// organization follows it ('Bureau of Commerce and Suzhou University').
fn of_complement(rest: &str) -> Option<usize> {
    let after_of = rest.strip_prefix(" of ")?;
    let after_the = after_of.strip_prefix("the ").unwrap_or(after_of);
    let base = rest.len() - after_the.len();
    let mut end = None;
    let mut offset = 0;
    // Lazily: the rest of the document follows.
    let mut words = after_the.split(' ').peekable();
    while let Some(word) = words.next() {
        let clean = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        // A person's name after the organization's (… Bureau of Commerce Xu Gang) is not in it.
        if starts_chinese_name(clean, words.peek().copied()) {
            break;
        }
        let capital = !clean.is_empty()
            && matches!(case_of(clean), Case::Capitalized | Case::Upper)
            && !is_title_word(clean);
        if capital {
            end = Some(base + offset + clean.len());
            if clean.len() != word.len() {
                break; // punctuation ends the name
            }
        } else if clean == "and" && word == "and" && end.is_some() {
            let after = &after_the[offset + word.len()..];
            let clause = after.split([',', '.', ';']).next().unwrap_or("");
            if HEAD_EN.is_match(clause) {
                break;
            }
        } else {
            break;
        }
        offset += word.len() + 1;
    }
    end
}

/// Whether `word` and `next` read as a romanized Chinese name, surname first (`Xu Gang`).
fn starts_chinese_name(word: &str, next: Option<&str>) -> bool {
    let t = &*super::tables::TABLES;
    let next = next.map(|n| n.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()));
    t.surnames_pinyin.contains(&word.to_ascii_lowercase())
        && next.is_some_and(|n| {
            case_of(n) == Case::Capitalized
                && t.pinyin_syllables(&n.to_ascii_lowercase())
                    .is_some_and(|s| s.len() <= 2)
        })
}

/// A ministry, department or administration named with its head's title right after it
/// (生态环境部部长, 农业农村厅副厅长): the body is the words before the title.
static HEAD_BEFORE_TITLE_ZH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"部副?部长|厅副?厅长|署副?署长").expect("static regex"));

/// A division's bodies named by its kind alone (区委书记, 县政协主席, 区人大常委会): the writer's
/// own county or district. After a place's name the longer body is found by its head.
static LEVEL_BODY_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[省市区县](?:人大常委会|政协|政府|纪委|监委|委)").expect("static regex")
});

/// What may stand before a level's body: the start of a clause or a function word (not 社区委员会,
/// 地区政府: there the character before belongs to another word).
const BEFORE_LEVEL_BODY: &str = "，。、：；（）“”\n 的和与及在由向对经";

fn level_bodies_zh(text: &str, out: &mut Vec<Candidate>) {
    for m in LEVEL_BODY_ZH.find_iter(text) {
        let clause_start = text[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !is_han(c) || BEFORE_LEVEL_BODY.contains(c));
        // 县委员: a member, not the committee.
        let member = m.as_str().ends_with('委') && text[m.end()..].starts_with('员');
        if clause_start && !member {
            out.push(org(m.range(), m.as_str()));
        }
    }
}

/// The state's ministries by name (水利部, 应急管理部: jieba tags them common nouns or splits
/// them), from assets/ministries_zh.txt.
fn ministries_zh(text: &str, runs: &[std::ops::Range<usize>], out: &mut Vec<Candidate>) {
    static MINISTRIES: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
        let names: Vec<&str> = include_str!("../../assets/ministries_zh.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        debug_assert!(super::runs::none_ascii(&names));
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(names)
            .ok()
    });
    let Some(ministries) = MINISTRIES.as_ref() else {
        return;
    };
    for m in super::runs::matches_in(ministries, text, runs) {
        // 农业农村部门 "agricultural departments", 部分, 部署, 部队: 部 starts another word.
        if text[m.range()].ends_with('部')
            && text[m.end()..].starts_with(['门', '分', '署', '队', '落'])
        {
            continue;
        }
        out.push(org(m.range(), &text[m.range()]));
    }
}

fn orgs_zh(text: &str, out: &mut Vec<Candidate>) {
    level_bodies_zh(text, out);
    for m in HEAD_ZH.find_iter(text) {
        // 医院 too: 去医院, 到医院 are the hospital as a kind of place.
        let single = matches!(m.as_str(), "局" | "署" | "议会" | "医院");
        if m.as_str() == "局"
            && (text[m.end()..].starts_with(['长', '面', '势', '部'])
                || text[..m.start()].ends_with(NOT_BUREAU))
        {
            continue; // 局长, 局面; 布局, 大局: words, not bureaus
        }
        // 部署, 签署: verbs, not an office (运输署, 海关总署).
        if m.as_str() == "署"
            && (text[..m.start()].ends_with(['部', '签', '联', '连'])
                || text[m.end()..].starts_with(['名', '理']))
        {
            continue;
        }
        org_before_head(text, m.range(), single, out);
    }
    for m in HEAD_BEFORE_TITLE_ZH.find_iter(text) {
        // The head is the title's first character (部 of 部部长).
        let head_len = m.as_str().chars().next().map_or(0, char::len_utf8);
        let head = m.start()..m.start() + head_len;
        let before = out.len();
        org_before_head(text, head, true, out);
        // 前司法部部长: "the former" minister, not a body called 前司法部.
        for c in &mut out[before..] {
            if let Some(rest) = text[c.span.clone()].strip_prefix(['前', '原']) {
                let start = c.span.end - rest.len();
                *c = org(start..c.span.end, rest);
            }
        }
    }
}

/// The organization whose head word is at `head` (局, 委员会…), named by the ideographs before
/// it; `single`: a head that needs two before it (a one-character head; 议会, which a division's
/// kind alone does not name: 区议会).
fn org_before_head(
    text: &str,
    head: std::ops::Range<usize>,
    single: bool,
    out: &mut Vec<Candidate>,
) {
    let head_word = &text[head.clone()];
    // Government bodies join two fields with 和 (工业和信息化局, 住房和城乡建设局); elsewhere
    // 和 joins two names (科技厅和合肥工业大学) and ends the name.
    let government = GOVERNMENT_HEADS.contains(&head_word) || single;
    let mut start = head.start;
    let mut count = 0;
    for (i, c) in text[..head.start].char_indices().rev() {
        let joins =
            c == '和' && government && !text[..i].ends_with(HEAD_CHARS) && (2..=6).contains(&count);
        if count == MAX_ORG_PREFIX || !is_han(c) || (STOP_ZH.contains(c) || c == '和') && !joins {
            break;
        }
        start = i;
        count += 1;
    }
    let min_prefix = if single { 2 } else { 1 };
    // 各大学, 该委员会: a determiner and the head name no body.
    let determiner = count == 1 && text[start..].starts_with(|c| "各该本这那此每全诸".contains(c));
    if count < min_prefix || determiner {
        return;
    }
    // 北京城市副中心: a city's sub-centre is an area, not a body.
    if head_word == "中心" && text[..head.start].ends_with("副") {
        return;
    }
    // A zone's committee: named by the zone, however long its name (示范区执委会).
    let zone = matches!(head_word, "执委会" | "管委会" | "执行委员会" | "管理委员会")
        .then(|| super::zones::zone_before(text, head.start))
        .flatten();
    let start = if let Some(zone_start) = zone {
        zone_start
    } else if head_word == "中心" {
        // 中心 names an organization only after a place (天津市概念验证中心).
        let place = text[start..head.start]
            .char_indices()
            .map(|(i, _)| start + i)
            .find(|&i| super::regions::place_at_start(&text[i..]).is_some());
        // Not a clause in between (高雄市政府已成立应变中心: the government set up a centre).
        match place {
            Some(i) if !super::zones::has_a_common_verb(&text[i..head.start]) => i,
            _ => return,
        }
    } else {
        without_leading_verbs(text, start, head.start)
    };
    // 儿子陆俊杰大学毕业: where 大学 runs into a word (大学毕业 "graduated"), the words before
    // name the graduate, not a school (清华大学毕业: 清华大学 is read as one word).
    if matches!(head_word, "大学" | "学院") {
        let end = text.floor_char_boundary((head.end + 12).min(text.len()));
        let words = super::segment::tag(&text[start..end]);
        if !words.iter().any(|t| start + t.range.end == head.end) {
            return;
        }
    }
    // A hospital or a bank's branch is named after a place, a university or a bank (怀化市第一
    // 人民医院, 中南大学湘雅二医院, 县人民医院); not 老人生病后去医院.
    if matches!(head_word, "医院" | "分行" | "支行")
        && !named_after_something(&text[start..head.start])
    {
        return;
    }
    out.push(org(start..head.end, &text[start..head.end]));
}

/// Whether the words before a hospital's or a branch's head name it after a place, a
/// university or a bank, or a division's level (县人民医院).
fn named_after_something(prefix: &str) -> bool {
    super::regions::places_in(prefix).next().is_some()
        || ["大学", "学院", "银行"].iter().any(|w| prefix.contains(w))
        || prefix.starts_with(|c| "省市区县镇乡".contains(c))
}

/// Companies named without a legal form (华宇新材料公司): a name jieba reads as a proper noun
/// or does not know, then nouns of the trade, then 公司 as a word of its own — not a kind of
/// company (科技公司, 上市公司), a place's (美国科技公司: "an American tech firm") or one
/// named by a determiner (该公司).
fn companies_zh(text: &str, tokens: &[super::segment::Token], out: &mut Vec<Candidate>) {
    for (k, t) in tokens.iter().enumerate() {
        if &text[t.range.clone()] != "公司" || k == 0 {
            continue;
        }
        // The nouns before, back to the name that starts them.
        let mut first = k;
        while first > 0 && first + 4 > k {
            let w = &tokens[first - 1];
            // Nouns, and a one-character adjective inside a trade (新 of 新材料).
            let trade = w.tag.starts_with('n')
                || matches!(w.tag, "vn" | "b")
                || (w.tag == "a" && w.range.len() <= 3);
            if !trade || w.tag == "ns" || w.range.end != tokens[first].range.start {
                break;
            }
            first -= 1;
        }
        let is_brand = |w: &super::segment::Token| {
            let word = &text[w.range.clone()];
            let unknown = word.chars().nth(1).is_some() && !super::segment::is_word(word);
            matches!(w.tag, "nz" | "nt") || unknown
        };
        // A county's or city's full name before the trade (巴东县供电公司: the county's power
        // company, and 国网巴东县供电公司 with the brand before it); not a country's (美国科技公司).
        let division = |w: &super::segment::Token| {
            let word = &text[w.range.clone()];
            w.tag == "ns" && word.chars().count() >= 3 && word.ends_with(['县', '市', '区', '州'])
        };
        if first < k && first > 0 && division(&tokens[first - 1]) {
            let place = &tokens[first - 1];
            let brand_before = first > 1
                && is_brand(&tokens[first - 2])
                && tokens[first - 2].range.end == place.range.start;
            let start = if brand_before {
                tokens[first - 2].range.start
            } else {
                place.range.start
            };
            out.push(org(start..t.range.end, &text[start..t.range.end]));
            continue;
        }
        let name = &tokens[first];
        // A brand alone before 公司 (腾讯公司); a person-like reading needs a trade after it.
        let brand = is_brand(name);
        let proper = brand || matches!(name.tag, "nr" | "nrt");
        if (first + 1 < k && proper) || (first + 1 == k && brand) {
            out.push(org(
                name.range.start..t.range.end,
                &text[name.range.start..t.range.end],
            ));
        }
    }
}

/// The start of an organization's name once leading verbs and function words that the
/// character walk took in are dropped (支持中国科学技术大学 → 中国科学技术大学).
fn without_leading_verbs(text: &str, start: usize, head_start: usize) -> usize {
    if start == head_start {
        return start;
    }
    let prefix = &text[start..head_start];
    let tokens = super::segment::tag(prefix);
    let dropped = tokens
        .iter()
        .take_while(|t| super::segment::sheddable(prefix, t, false));
    let cut = dropped.last().map_or(0, |t| t.range.end);
    // Keep at least one character before the head.
    if start + cut < head_start {
        start + cut
    } else {
        start
    }
}
