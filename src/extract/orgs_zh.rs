//! Organizations in Chinese text: a body by its head word and the ideographs before it (市科技局,
//! 天津市概念验证中心), a division's bodies by its kind alone (区委), the state's ministries by
//! name. Companies without a legal form (华宇新材料公司) are `companies_zh.rs`'s.

use super::orgs::org;
use super::Candidate;
use crate::corpus::meta::is_han;
use regex::Regex;
use std::sync::LazyLock;

/// Head words of Chinese bodies' names (the longer first where one ends another: 执行委员会
/// before 委员会).
static HEAD_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"股份有限公司|有限责任公司|有限公司|集团|执行委员会|管理委员会|委员会|管委会|执委会|党总支|党支部|合作社|党工委|工委|党委|党组|区委|市委|省委|县委|旗委|工商联|联合会|促进会|研究会|基金会|商会|协会|科协|大学|学院|研究院|研究所|卫生院|医院|气象台|海关|分行|支行|人民政府|办事处|联络处|指挥部|发展改革委|发改委|市政府|区政府|县政府|省政府|办公室|日报|晚报|新闻网|报社|电视台|广播电视台|出版社|议会|兵团|中心|局|厅|委|署").expect("static regex")
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

/// Most ideographs before a head word where the name holds its government's or academy's.
const MAX_GOVERNMENT_BODY_PREFIX: usize = 20;

/// Characters that end the words before an organization's name in Chinese.
const STOP_ZH: &str = "的在是了对为将把等由向从到于兼并以让使被请称与及、";

/// A ministry, department or administration named with its head's title right after it
/// (生态环境部部长, 农业农村厅副厅长): the body is the words before the title.
static HEAD_BEFORE_TITLE_ZH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"部副?部长|厅副?厅长|署副?署长").expect("static regex"));

/// A division's bodies named by its kind alone (区委书记, 县政协主席, 区人大常委会): the writer's
/// own county or district. After a place's name the longer body is found by its head.
static LEVEL_BODY_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[省市区县旗縣區](?:人大常委会|人大常委會|政协|政協|政府|纪委|紀委|监委|監委|委|府)",
    )
    .expect("static regex")
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
pub(super) fn ministries_zh(text: &str, runs: &[std::ops::Range<usize>], out: &mut Vec<Candidate>) {
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

/// The bodies named by a head word or by their level in `text`.
pub(super) fn orgs_zh(text: &str, out: &mut Vec<Candidate>) {
    let first = out.len();
    bodies_by_head_zh(text, out);
    // 黔东南州委宣传部: a party committee's department is one body with the committee.
    for c in &mut out[first..] {
        let department = COMMITTEES_DEPARTMENTS
            .iter()
            .find(|d| text[c.span.end..].starts_with(*d));
        if let (true, Some(d)) = (text[c.span.clone()].ends_with('委'), department) {
            let span = c.span.start..c.span.end + d.len();
            *c = org(span.clone(), &text[span]);
        }
    }
}

/// The departments of a party committee, written right after it.
const COMMITTEES_DEPARTMENTS: &[&str] =
    &["宣传部", "组织部", "统战部", "政法委", "办公室", "办公厅"];

/// The bodies named by a head word, a title after it or their level alone.
fn bodies_by_head_zh(text: &str, out: &mut Vec<Candidate>) {
    level_bodies_zh(text, out);
    for m in HEAD_ZH.find_iter(text) {
        // 医院 too: 去医院, 到医院 are the hospital as a kind of place.
        let single = matches!(m.as_str(), "局" | "厅" | "委" | "署" | "议会" | "医院");
        // 委员, 委托: words of their own, not a commission.
        if m.as_str() == "委" && text[m.end()..].starts_with(['员', '托', '屈', '婉', '派']) {
            continue;
        }
        // 厅长: a title (the department is found by its head before it).
        if m.as_str() == "厅" && text[m.end()..].starts_with('长') {
            continue;
        }
        // A department or commission names its province or city in the few characters before
        // it (上海市商务委; not 党委, 常委, 编委): checked before the words are read (委 is
        // frequent).
        if matches!(m.as_str(), "厅" | "委") {
            let from = text.floor_char_boundary(m.start().saturating_sub(3 * MAX_ORG_PREFIX));
            let other_body = m.as_str() == "委"
                && text[..m.start()]
                    .ends_with(['党', '常', '编', '区', '市', '县', '省', '旗', '村', '居']);
            if other_body || !text[from..m.start()].contains(['省', '市', '区', '县', '州']) {
                continue;
            }
        }
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
    // Institutes join two fields too (东北地理与农业生态研究所).
    let government =
        GOVERNMENT_HEADS.contains(&head_word) || single || matches!(head_word, "研究所" | "研究院");
    // 蒙草生态环境（集团）股份有限公司: a company's name may hold a bracketed word before its form.
    let walk_from = if head_word.ends_with("公司") {
        bracketed_word_before(text, head.start)
    } else {
        head.start
    };
    let mut start = walk_from;
    let mut count = 0;
    for (i, c) in text[..walk_from].char_indices().rev() {
        // 香港特区政府创新科技及工业局, 海洋与渔业局: 及 and 与 join two fields as 和 does.
        let joins = (c == '和' || c == '及' || c == '与')
            && government
            && !text[..i].ends_with(HEAD_CHARS)
            && (2..=6).contains(&count);
        // 协和医院: 和 ending a word of the dictionary with the character before it is no
        // conjunction.
        let conjunction = c == '和'
            && !text[..i].chars().next_back().is_some_and(|before| {
                let mut word = String::from(before);
                word.push('和');
                super::segment::is_word(&word)
            });
        // 于都县委: a stop character that starts a division's name is the name's — unless a
        // place after it runs further (从江苏省: 从 + 江苏省, not 从江 + 苏省).
        let place_after = || {
            super::regions::place_at_start(&text[i + c.len_utf8()..head.start])
                .map_or(0, |len| c.len_utf8() + len)
        };
        let stop = (STOP_ZH.contains(c) || conjunction)
            && !joins
            && super::zones::division_name_len(&text[i..head.start])
                .is_none_or(|len| len <= c.len_utf8() || len < place_after());
        // A bureau of a government or an institute of an academy named before it
        // (澳门特别行政区政府经济及科技发展局, 中国科学院东北地理与农业生态研究所) may run longer.
        let longest = if ["政府", "科学院"]
            .iter()
            .any(|parent| text[start..walk_from].contains(parent))
        {
            MAX_GOVERNMENT_BODY_PREFIX
        } else {
            MAX_ORG_PREFIX
        };
        if count == longest || !is_han(c) || stop {
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
    // 北京城市副中心: a city's sub-centre is an area, not a body; 中心小学 a school.
    if head_word == "中心"
        && (text[..head.start].ends_with("副")
            || super::gazetteer_zh::school_after(text, head.start))
    {
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
        let start = without_leading_verbs(text, start, head.start);
        match after_an_action(text, start, head.start) {
            Some(start) => start,
            None => return,
        }
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
    // A hospital, a weather station, a bank's branch or a production corps is named after a
    // place, a university or a bank (怀化市第一人民医院, 中南大学湘雅二医院, 县人民医院,
    // 西城镇卫生院, 湖南省气象台, 青岛海关, 新疆生产建设兵团); not 老人生病后去医院, 乡镇卫生院.
    if matches!(
        head_word,
        "医院"
            | "卫生院"
            | "气象台"
            | "海关"
            | "办事处"
            | "联络处"
            | "指挥部"
            | "分行"
            | "支行"
            | "兵团"
    ) && !named_after_something(&text[start..head.start])
    {
        return;
    }
    // 社区党委, 村党委: a community's committee by its kind alone (镇党委 is the town's body).
    if head_word == "党委" && matches!(&text[start..head.start], "社区" | "村") {
        return;
    }
    // A province's department (自治区农牧厅, 湖南省商务厅), not a hall (餐厅, 展厅).
    let provincial = |name: &str| {
        name.starts_with(['省', '市'])
            || name.starts_with("自治区")
            || super::zones::division_name_len(name).is_some()
    };
    if matches!(head_word, "厅" | "委") && !provincial(&text[start..head.start]) {
        return;
    }
    // A party branch or a cooperative is named by its village or its own name (石门村党支部,
    // 红岭茶叶种植专业合作社), not by its kind alone (村党支部, 牧民合作社).
    if matches!(head_word, "党总支" | "党支部" | "合作社")
        && !has_own_name(&text[start..head.start])
    {
        return;
    }
    // 网岭镇罗家坪村党总支: a village's branch is the village's, its town a place of its own.
    let start = if matches!(head_word, "党总支" | "党支部") {
        village_after_its_town(text, start, head.start)
    } else {
        start
    };
    out.push(org(start..head.end, &text[start..head.end]));
}

/// Verbs of what is done to or at a body, never words of its name (在深圳园区设立办公室: the
/// office set up in the park; 来自西安交通大学).
const ACTIONS: &[&str] = &[
    "设立", "成立", "召开", "举办", "参加", "出席", "考察", "调研", "走访", "来到", "前往", "视察",
    "率队", "带队", "陪同", "入驻", "落户", "位于", "来自", "组建", "挂牌",
];

/// The start of a body's name after the last action verb between `start` and its head; none
/// where the verb stands right before the head (设立办公室 "set up an office").
fn after_an_action(text: &str, start: usize, head_start: usize) -> Option<usize> {
    let prefix = &text[start..head_start];
    let cut = ACTIONS
        .iter()
        .filter_map(|v| prefix.rfind(v).map(|i| i + v.len()))
        .max();
    match cut {
        Some(cut) if start + cut == head_start => None,
        Some(cut) => Some(start + cut),
        None => Some(start),
    }
}

/// Where a village or community named before `head_start` starts, if a town's name comes before
/// it (网岭镇罗家坪村): after the town's suffix; else `start`.
fn village_after_its_town(text: &str, start: usize, head_start: usize) -> usize {
    let prefix = &text[start..head_start];
    let village = prefix.ends_with('村') || prefix.ends_with("社区");
    let town_end = ["镇", "乡", "街道"]
        .iter()
        .filter_map(|s| prefix.rfind(s).map(|i| i + s.len()))
        .max();
    match town_end {
        Some(end) if village && prefix[end..].chars().count() >= 3 => start + end,
        _ => start,
    }
}

/// Where a bracketed word of two to four ideographs that ends at `at` opens (（集团）), or `at`.
fn bracketed_word_before(text: &str, at: usize) -> usize {
    let Some(inner) = text[..at].strip_suffix('）') else {
        return at;
    };
    // Searched no further back than such a word can reach.
    let from = inner.floor_char_boundary(inner.len().saturating_sub(16));
    let Some(open) = inner[from..].rfind('（').map(|i| from + i) else {
        return at;
    };
    let word = &inner[open + '（'.len_utf8()..];
    if (2..=4).contains(&word.chars().count()) && word.chars().all(is_han) {
        open
    } else {
        at
    }
}

/// Whether the words before a party branch's or a cooperative's head hold a name: two
/// ideographs or more once the words of its kind are taken off its end, a village's (新屋村) or
/// no common word.
fn has_own_name(prefix: &str) -> bool {
    const KIND_WORDS: &[&str] = &[
        "专业",
        "种植",
        "养殖",
        "农牧民",
        "农民",
        "牧民",
        "村民",
        "股份经济",
        "经济",
        "联合",
    ];
    let village = ["社区", "嘎查", "村"]
        .iter()
        .find_map(|s| prefix.strip_suffix(s));
    let mut name = village.unwrap_or(prefix);
    while let Some(rest) = KIND_WORDS.iter().find_map(|w| name.strip_suffix(w)) {
        name = rest;
    }
    let named = match village {
        Some(_) => !super::towns_zh::generic_kind(name),
        None => !super::segment::common_word(name),
    };
    name.chars().nth(1).is_some() && named
}

/// Whether the words before a hospital's or a branch's head name it after a place, a
/// university or a bank, or a division's level (县人民医院).
fn named_after_something(prefix: &str) -> bool {
    // 乡镇卫生院: "the townships' and towns' health centres", a kind.
    if prefix == "乡镇" {
        return false;
    }
    // 西城镇卫生院: a town's, by the town's name.
    let town = prefix.ends_with(['镇', '乡']) && prefix.chars().count() >= 3;
    // 观光署南部办事处: a body's office (not 南部 "the south" alone).
    let body = prefix.contains(['署', '局', '厅'])
        || prefix
            .match_indices('部')
            .any(|(i, _)| i > 0 && !prefix[..i].ends_with(['东', '南', '西', '北', '中']));
    super::regions::places_in(prefix).next().is_some()
        || ["大学", "学院", "银行"].iter().any(|w| prefix.contains(w))
        || prefix.starts_with(|c| "省市区县镇乡".contains(c))
        || town
        || body
}

/// The start of an organization's name once leading verbs and function words that the
/// character walk took in are dropped (支持中国科学技术大学 → 中国科学技术大学).
fn without_leading_verbs(text: &str, start: usize, head_start: usize) -> usize {
    // 于都县委: a division's name may start like a preposition (于) or a verb.
    if start == head_start || super::zones::division_name_len(&text[start..head_start]).is_some() {
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
