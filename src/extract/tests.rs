//! Behaviour of the built-in extractor on sentences of the genre (not the bundled articles).

use super::Extractor;
use crate::corpus::{Document, SourceEncoding};
use crate::model::Label;

/// What the extractor finds in `text`: surface, label, canonical name.
pub(super) fn found(text: &str) -> Vec<(String, &'static str, String)> {
    let doc = Document::new(
        crate::corpus::DocId(0),
        "t.txt".into(),
        text.to_string(),
        SourceEncoding::Utf8,
    );
    Extractor::default()
        .extract(&doc)
        .into_iter()
        .map(|m| {
            let label = match m.label {
                Label::Person => "PERSON",
                Label::Region => "REGION",
                Label::Org => "ORG",
                Label::Other(_) => "OTHER",
            };
            (text[m.span].to_string(), label, m.canonical.to_string())
        })
        .collect()
}

/// Whether `found` has `text` labelled `label`.
pub(super) fn has(found: &[(String, &str, String)], text: &str, label: &str) -> bool {
    found.iter().any(|(t, l, _)| t == text && *l == label)
}

#[test]
fn romanized_names_in_their_disguises_are_one_entity() {
    let text = "Headline about the city\n\nThe mayor guo-xun liao attended the meeting.Later, Liao Guoxun visited the plant, and Liao stressed safety. Secretary wu hai-tao and Zhou Jianmin spoke.";
    let f = found(text);
    assert!(has(&f, "guo-xun liao", "PERSON"), "{f:?}");
    assert!(has(&f, "Liao Guoxun", "PERSON"));
    assert!(has(&f, "Liao", "PERSON"), "surname back-reference: {f:?}");
    assert!(
        f.iter()
            .filter(|(_, l, _)| *l == "PERSON")
            .take(3)
            .all(|(_, _, c)| c == "Liao Guoxun"),
        "{f:?}"
    );
    assert!(has(&f, "wu hai-tao", "PERSON"), "{f:?}");
    assert!(has(&f, "Zhou Jianmin", "PERSON"));
}

#[test]
fn upper_case_and_run_together_names() {
    let f = found("A long enough title\n\nLeaders ZHAO Ming, Guo Pei and others attended. SunXiaoFeng said the zone grew.");
    assert!(has(&f, "ZHAO Ming", "PERSON"), "{f:?}");
    assert!(has(&f, "SunXiaoFeng", "PERSON"), "{f:?}");
    assert!(f
        .iter()
        .any(|(t, _, c)| t == "SunXiaoFeng" && c == "Sun Xiaofeng"));
}

#[test]
fn english_words_are_not_names() {
    let f = found("A long enough title\n\nHe said the plan was to make the city better. An important step is to be taken.");
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
}

#[test]
fn regions_zones_and_defined_abbreviations() {
    let text = "A long enough title\n\nThe delegation went to Hefei High-tech Industrial Zone (HFZ for short) in Anhui Province, then to baohe district. HFZ grew fast, said officials of Hefei.";
    let f = found(text);
    assert!(
        has(&f, "Hefei High-tech Industrial Zone", "REGION"),
        "{f:?}"
    );
    assert!(has(&f, "Anhui Province", "REGION"));
    assert!(has(&f, "baohe district", "REGION"), "{f:?}");
    let hfz: Vec<_> = f.iter().filter(|(t, _, _)| t == "HFZ").collect();
    assert_eq!(hfz.len(), 2, "{f:?}");
    assert!(hfz
        .iter()
        .all(|(_, _, c)| c == "Hefei High-Tech Industrial Zone"));
}

#[test]
fn organizations_absorb_the_region_in_their_name() {
    let f = found("A long enough title\n\nHe visited Hefei Sunshine Power Co., Ltd. and the Municipal Bureau of Commerce of Hefei.");
    assert!(has(&f, "Hefei Sunshine Power Co., Ltd.", "ORG"), "{f:?}");
    assert!(
        has(&f, "Municipal Bureau of Commerce", "ORG")
            || has(&f, "Municipal Bureau of Commerce of Hefei", "ORG"),
        "{f:?}"
    );
    // The Hefei in the company's name is the company's: a region only after the bureau, and only
    // when the bureau's name stops before it.
    let regions = f
        .iter()
        .filter(|(t, l, _)| t == "Hefei" && *l == "REGION")
        .count();
    let bureau_takes_it = has(&f, "Municipal Bureau of Commerce of Hefei", "ORG");
    assert_eq!(regions, usize::from(!bureau_takes_it), "{f:?}");
}

#[test]
fn chinese_names_by_title_and_verb() {
    let text = "标题在这里是个标题\n\n合肥市发展改革委主任张立新表示,要加快建设。公司董事长兼总裁李文成说,我们将努力。学习习近平总书记重要讲话,贯彻落实习近平总书记指示。";
    let f = found(text);
    assert!(has(&f, "张立新", "PERSON"), "{f:?}");
    assert!(has(&f, "李文成", "PERSON"), "{f:?}");
    assert_eq!(
        f.iter().filter(|(t, _, _)| t == "习近平").count(),
        2,
        "{f:?}"
    );
    assert!(
        has(&f, "合肥市", "REGION")
            || f.iter()
                .any(|(t, l, _)| t.starts_with("合肥市") && *l == "ORG")
    );
}

#[test]
fn chinese_segmentation_traps() {
    // 董事长江浩然: the name is 江浩然, not 长江. A single-character given name before 说.
    let f = found("标题在这里是个标题\n\n集团董事长江浩然表示,将加快发展。副总裁田龙说,要抓住机遇。区委书记刘明强调,推动高端化、智能化发展。");
    assert!(has(&f, "江浩然", "PERSON"), "{f:?}");
    assert!(!f.iter().any(|(t, _, _)| t.contains("长江")));
    assert!(has(&f, "田龙", "PERSON"), "{f:?}");
    assert!(has(&f, "刘明", "PERSON"), "{f:?}");
    assert!(
        !f.iter()
            .any(|(t, l, _)| *l == "PERSON" && (t.contains("智能") || t.contains("区委"))),
        "{f:?}"
    );
}

#[test]
fn chinese_regions_and_organizations() {
    let f = found("标题在这里是个标题\n\n合肥高新区党工委书记出席。安徽省科技厅和合肥工业大学、科大讯飞股份有限公司参加。要优化发展布局,顾全大局。");
    assert!(has(&f, "合肥工业大学", "ORG"), "{f:?}");
    assert!(has(&f, "科大讯飞股份有限公司", "ORG"), "{f:?}");
    assert!(
        f.iter().any(|(t, _, _)| t.starts_with("合肥高新区")),
        "{f:?}"
    );
    assert!(
        !f.iter()
            .any(|(t, _, _)| t.contains("布局") || t.contains("大局")),
        "{f:?}"
    );
}

#[test]
fn chrome_is_never_extracted() {
    let text = "北京 上海 天津 重庆 广州 深圳 杭州 南京\n  • 标题在这里是个标题\n\n    2024-02-07\n\n    合肥市长张立新表示,要加快建设合肥,推动发展。\n    [声明]本网站转载自天津日报。\n";
    let f = found(text);
    assert!(
        f.iter().all(|(t, _, _)| t != "天津" && t != "北京"),
        "{f:?}"
    );
    assert!(has(&f, "合肥", "REGION"), "{f:?}");
}

#[test]
fn a_chinese_byline_in_an_english_article() {
    let f = found("Mayor visits the zone\n\n来源:天津日报   编辑:王宁   2020-05-09\n\nThe mayor said the zone would grow, and it did.");
    assert!(has(&f, "王宁", "PERSON"), "{f:?}");
}

#[test]
fn chinese_lists_of_officials() {
    let f = found("标题在这里是个标题\n\n出席会议的有黄金龙、郭庆、黄云、王亚青等市领导。会议要求推动高端化、智能化、绿色化发展,加强北京、天津、河北协同。");
    for name in ["黄金龙", "郭庆", "黄云", "王亚青"] {
        assert!(has(&f, name, "PERSON"), "{name}: {f:?}");
    }
    assert!(
        !f.iter()
            .any(|(t, l, _)| *l == "PERSON" && (t.contains('化') || t == "北京" || t == "天津")),
        "{f:?}"
    );
}

fn keys_of(text: &str, surface: &str) -> Vec<String> {
    let doc = Document::new(
        crate::corpus::DocId(0),
        "t.txt".into(),
        text.to_string(),
        SourceEncoding::Utf8,
    );
    Extractor::default()
        .extract(&doc)
        .into_iter()
        .filter(|m| &text[m.span.clone()] == surface)
        .map(|m| m.key.to_string())
        .collect()
}

#[test]
fn places_are_one_entity_across_languages() {
    let en = keys_of("A long enough title\n\nThe mayor said Tianjin and Hefei will grow, as will Southeast Asia.", "Tianjin");
    let zh = keys_of(
        "标题在这里是个标题\n\n市长表示,天津和合肥将加快发展,东南亚市场广阔。",
        "天津",
    );
    assert_eq!(en.len(), 1);
    assert_eq!(en, zh);
    let asia_en = keys_of("A long enough title\n\nThe mayor said Tianjin and Hefei will grow, as will Southeast Asia.", "Southeast Asia");
    let asia_zh = keys_of(
        "标题在这里是个标题\n\n市长表示,天津和合肥将加快发展,东南亚市场广阔。",
        "东南亚",
    );
    assert_eq!(asia_en.len(), 1, "world regions are found");
    assert_eq!(asia_en, asia_zh);
}

/// Thousands of distinct names, companies and their short forms in one document: every one is
/// found at every occurrence. (Finding them once cost time in proportion to names × text; a
/// document like this took minutes at a few megabytes.)
#[test]
fn a_document_dense_with_distinct_names_is_read_whole() {
    const SURNAMES: [&str; 8] = [
        "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou",
    ];
    const SYLLABLES: [&str; 12] = [
        "an", "bo", "dong", "fei", "gang", "hui", "kai", "lin", "ning", "rui", "song", "tao",
    ];
    let mut names = Vec::new();
    for s in SURNAMES {
        for a in SYLLABLES {
            for b in SYLLABLES {
                let mut given = a.to_string() + b;
                given[..1].make_ascii_uppercase();
                names.push(format!("{s} {given}"));
            }
        }
    }
    let mut text = String::from("A long enough title\n\n");
    for (i, name) in names.iter().enumerate() {
        text += &format!(
            "Mayor {name} said the Fengxiang{i} Technology Co., Ltd. grew, as the Bureau of Commerce of Fengxiang{i} reported. "
        );
    }
    for (i, name) in names.iter().enumerate() {
        text += &format!("Later {name} visited Fengxiang{i} Technology again. ");
    }
    let f = found(&text);
    for name in &names {
        let times = f
            .iter()
            .filter(|(t, l, _)| t == name && *l == "PERSON")
            .count();
        assert_eq!(times, 2, "{name} is found at both its occurrences");
    }
    let bureaus = f
        .iter()
        .filter(|(t, l, _)| t == "Bureau of Commerce" && *l == "ORG")
        .count();
    assert_eq!(bureaus, names.len(), "every bureau is found");
    for i in [0, names.len() / 2, names.len() - 1] {
        let short = format!("Fengxiang{i} Technology");
        let full = format!("{short} Co., Ltd.");
        assert!(
            f.iter()
                .any(|(t, l, c)| *t == short && *l == "ORG" && *c == full),
            "{short} links to {full}"
        );
    }

    let (surnames, given) = ("王李张刘陈杨黄赵", "伟芳娜敏静丽强磊军洋勇杰");
    let mut zh_names = Vec::new();
    for s in surnames.chars() {
        for a in given.chars() {
            for b in given.chars() {
                zh_names.push(format!("{s}{a}{b}"));
            }
        }
    }
    let mut text = String::from("一个足够长的标题\n\n");
    for name in &zh_names {
        text += &format!("局长{name}表示，工作顺利。");
    }
    for name in &zh_names {
        text += &format!("会后{name}参加座谈。");
    }
    let f = found(&text);
    for name in &zh_names {
        let times = f
            .iter()
            .filter(|(t, l, _)| t == name && *l == "PERSON")
            .count();
        assert_eq!(
            times,
            2,
            "{name} is found at both its occurrences: {:?}",
            &f[..4]
        );
    }
}

#[test]
fn traditional_script_is_read_like_simplified() {
    let text = "一個足夠長的標題\n\n市長王建國在廣州參觀，隨後前往長沙市。";
    let f = found(text);
    assert!(has(&f, "廣州", "REGION"), "{f:?}");
    assert!(has(&f, "長沙市", "REGION"), "{f:?}");
    assert!(has(&f, "王建國", "PERSON"), "{f:?}");
    let guangzhou = found("一个足够长的标题\n\n市长在广州参观。");
    let canonical = |f: &[(String, &str, String)], t: &str| {
        f.iter().find(|(s, ..)| s == t).map(|(_, _, c)| c.clone())
    };
    assert_eq!(
        canonical(&f, "廣州"),
        canonical(&guangzhou, "广州"),
        "one entity in both scripts"
    );
}

#[test]
fn province_and_country_abbreviations_in_compounds_are_regions() {
    let f = found("一个足够长的标题\n\n沪苏浙皖四地签署协议，川渝地区加快发展，港澳同胞参加。中法关系和中日韩合作不断深化。");
    assert!(has(&f, "沪苏浙皖", "REGION"), "{f:?}");
    assert!(has(&f, "川渝", "REGION"), "{f:?}");
    assert!(has(&f, "港澳", "REGION"), "{f:?}");
    for single in ["中", "法", "日", "韩"] {
        assert!(has(&f, single, "REGION"), "{single}: {f:?}");
    }
    let france = f
        .iter()
        .find(|(t, ..)| t == "法")
        .map(|(_, _, c)| c.as_str());
    assert_eq!(france, Some("France 法国"), "linked to the country");
    // Everyday words made of the same characters are not regions.
    let f = found("一个足够长的标题\n\n新青年在台上唱歌，云贵的天气很好。");
    assert!(f.iter().all(|(_, l, _)| *l != "REGION"), "{f:?}");
}

#[test]
fn chinese_names_without_a_title_and_foreign_names_are_persons() {
    let f = found("一个足够长的标题\n\n国务院总理韩文博今天会见了来访的智利总统博里斯塔。韩文博说，两国关系发展良好。博里斯塔表示愿加强合作。外交部长钱海涛参加会见。");
    for name in ["韩文博", "博里斯塔", "钱海涛"] {
        assert!(has(&f, name, "PERSON"), "{name}: {f:?}");
    }
    let han = f.iter().filter(|(t, ..)| t == "韩文博").count();
    assert_eq!(han, 2, "met again without a title: {f:?}");
    // Words shaped like names, and a country before a title, are not persons.
    let f = found("一个足够长的标题\n\n国家主席出席会议。会议强调要坚持高水平开放，推进智能化改造。俄罗斯总统和德国总理默克尔通了电话。");
    let persons: Vec<&str> = f
        .iter()
        .filter(|(_, l, _)| *l == "PERSON")
        .map(|(t, ..)| t.as_str())
        .collect();
    assert_eq!(persons, ["默克尔"], "{f:?}");
}

#[test]
fn chinese_towns_national_bodies_listed_companies_and_zones_without_the_words_before() {
    let f = found("一个足够长的标题\n\n新华社电 记者走进清溪镇白石村和枫林街道,外交部发言人介绍了情况。会上,恒远集团、宏泰水泥、金穗酵母等企业作了发言。要高标准建设云湖生态园,全面融入云湖生态园发展。全镇农村面貌一新。");
    for (text, label) in [
        ("清溪镇", "REGION"),
        ("白石村", "REGION"),
        ("枫林街道", "REGION"),
        ("新华社", "ORG"),
        ("外交部", "ORG"),
        ("恒远集团", "ORG"),
        ("宏泰水泥", "ORG"),
        ("金穗酵母", "ORG"),
    ] {
        assert!(has(&f, text, label), "{text} {label}: {f:?}");
    }
    let parks = f.iter().filter(|(t, ..)| t == "云湖生态园").count();
    assert_eq!(parks, 2, "the park alone, not the verbs before it: {f:?}");
    assert!(
        !f.iter()
            .any(|(t, ..)| t.contains("全镇") || t.contains("农村")),
        "generic words are not places: {f:?}"
    );
}

#[test]
fn english_towns_datelines_foreign_names_and_swapped_names() {
    let text = "Officials tour the county\n\nLANZHOU, March 3 (Newswire) -- Secretary Gao Mingxuan went to Qingshui Town, Baitang Village and Donghu Subdistrict. Prime Minister Hendrik Vollmer met him in Hong Kong. Vollmer said the visit went well, and mingxuan gao agreed. Main Street was quiet.";
    let f = found(text);
    for (t, label) in [
        ("LANZHOU", "REGION"),
        ("Newswire", "ORG"),
        ("Qingshui Town", "REGION"),
        ("Baitang Village", "REGION"),
        ("Donghu Subdistrict", "REGION"),
        ("Hendrik Vollmer", "PERSON"),
        ("Vollmer", "PERSON"),
        ("Hong Kong", "REGION"),
        ("mingxuan gao", "PERSON"),
    ] {
        assert!(has(&f, t, label), "{t} {label}: {f:?}");
    }
    let canonical = |t: &str| f.iter().find(|(s, ..)| s == t).map(|(_, _, c)| c.as_str());
    assert_eq!(canonical("Vollmer"), Some("Hendrik Vollmer"));
    assert_eq!(canonical("mingxuan gao"), Some("Gao Mingxuan"));
    assert!(!f.iter().any(|(t, ..)| t.contains("Main Street")), "{f:?}");
    assert!(!has(&f, "Hong Kong", "PERSON"), "{f:?}");
}

#[test]
fn titled_names_with_rare_given_characters_and_countries_by_their_short_names() {
    let f = found("一个足够长的标题\n\n特区行政长官郑一川,副省长柯伟中日前访问俄罗斯和雅加达。");
    for (t, label) in [
        ("郑一川", "PERSON"),
        ("柯伟中", "PERSON"),
        ("俄罗斯", "REGION"),
        ("雅加达", "REGION"),
    ] {
        assert!(has(&f, t, label), "{t} {label}: {f:?}");
    }
    let f = found("A long enough title\n\nThe delegation flew from Russia to Vientiane.");
    let russia = f
        .iter()
        .find(|(t, ..)| t == "Russia")
        .map(|(_, _, c)| c.as_str());
    assert_eq!(russia, Some("Russian Federation (the) 俄罗斯联邦"), "{f:?}");
    assert!(has(&f, "Vientiane", "REGION"), "{f:?}");
}

#[test]
fn generic_bodies_are_one_entity_within_a_document_only() {
    let key_of = |text: &str, name: &str| {
        let doc = Document::new(
            crate::corpus::DocId(0),
            "t.txt".into(),
            text.to_string(),
            SourceEncoding::Utf8,
        );
        Extractor::default()
            .extract(&doc)
            .into_iter()
            .filter(|m| &text[m.span.clone()] == name)
            .map(|m| m.key.to_string())
            .collect::<Vec<_>>()
    };
    let one = "A long enough title\n\nThe District Party Committee met. Later the District Party Committee and the Qingshan District Party Committee spoke.";
    let two = "Another title here\n\nThe District Party Committee approved it, as did the Qingshan District Party Committee.";
    let (generic_one, generic_two) = (
        key_of(one, "District Party Committee"),
        key_of(two, "District Party Committee"),
    );
    assert_eq!(generic_one.len(), 2, "{generic_one:?}");
    assert_eq!(generic_one[0], generic_one[1], "one body within a document");
    assert_ne!(
        generic_one[0], generic_two[0],
        "another body in another document"
    );
    assert_eq!(
        key_of(one, "Qingshan District Party Committee"),
        key_of(two, "Qingshan District Party Committee"),
        "a named body is one across documents"
    );
    let (zh_one, zh_two) = (
        key_of("一个足够长的标题\n\n市科技局发布通知。", "市科技局"),
        key_of("另一个足够长的标题\n\n市科技局召开会议。", "市科技局"),
    );
    assert!(
        !zh_one.is_empty() && zh_one != zh_two,
        "{zh_one:?} {zh_two:?}"
    );
}

#[test]
fn the_learned_model_finds_chinese_and_foreign_names_without_any_cue() {
    // No title, no speech verb, no list: only what a name looks like and where it stands.
    let f = found("一个足够长的标题\n\n今年以来，邹广才和卢秀梅带领社员种植高山蔬菜。在县城，邱卫东见到了多年未见的老同学。马克龙与默克尔在柏林举行会谈。");
    for name in ["邹广才", "卢秀梅", "邱卫东", "马克龙", "默克尔"] {
        assert!(has(&f, name, "PERSON"), "{name}: {f:?}");
    }
    assert!(!has(&f, "县城", "PERSON"), "a word is not a name: {f:?}");
}

#[test]
fn a_surname_alone_is_the_one_person_of_that_surname_named_in_full() {
    let f = found("一个足够长的标题\n\n护林员贾永福说，林子就是家。老贾一年到头很少在家。邻居都叫他贾师傅。贾说，等徒弟能独当一面，他就放心了。");
    for short in ["老贾", "贾"] {
        let entity = f.iter().find(|(t, l, _)| t == short && *l == "PERSON");
        assert_eq!(
            entity.map(|e| e.2.as_str()),
            Some("贾永福"),
            "{short}: {f:?}"
        );
    }
    // Two people of one surname: 老王 is a person, but neither of them in particular.
    let f = found("一个足够长的标题\n\n王德顺说，今年收成好。王秀英表示赞同。老王笑了。");
    let lao_wang = f.iter().find(|(t, ..)| t == "老王");
    assert!(
        lao_wang.is_some_and(|(_, l, e)| *l == "PERSON" && e != "王德顺" && e != "王秀英"),
        "{f:?}"
    );
}
