//! Chinese local news: towns that jieba's guesses run into, provinces named together, regions
//! named before a zone (made-up sentences, not from any article).

use super::tests::{found, has};

#[test]
fn a_town_is_found_where_jiebas_guess_runs_past_its_suffix() {
    // jieba reads 凤岗镇作 as one unknown word, and the model read 凤岗 as a person.
    let f =
        found("一个足够长的标题\n\n会上，西城街道、东山街道和凤岗镇作交流发言，新塘镇代表参加。");
    assert!(has(&f, "凤岗镇", "REGION"), "{f:?}");
    assert!(has(&f, "新塘镇", "REGION"), "a town named 新…: {f:?}");
    assert!(
        f.iter().all(|(_, l, _)| *l != "PERSON"),
        "a name before a town's suffix is the town's: {f:?}"
    );
    // The office after a name is not a place's suffix.
    let f = found("一个足够长的标题\n\n会上，刘建国县长主持会议，全镇干部参加。");
    assert!(has(&f, "刘建国", "PERSON"), "{f:?}");
}

#[test]
fn three_province_abbreviations_are_provinces_not_a_persons_name() {
    // 湘 and 苏 are surnames too; jieba reads both runs as persons' names.
    let f =
        found("一个足够长的标题\n\n会议指出，湘鄂赣三省将联合开展防汛演练，苏浙皖三省代表参加。");
    assert!(has(&f, "湘鄂赣", "REGION"), "{f:?}");
    assert!(has(&f, "苏浙皖", "REGION"), "{f:?}");
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
}

#[test]
fn a_region_named_before_a_zone_belongs_to_the_zone() {
    let f = found("一个足够长的标题\n\n双方将共同推进成渝地区双城经济圈建设，携手打造北部湾城市群，加快建设东湖科创大走廊。");
    for zone in ["成渝地区双城经济圈", "北部湾城市群", "东湖科创大走廊"] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
    // Words before a place that are not a region stay out of the zone's name.
    let f = found("一个足够长的标题\n\n总书记亲临滨海新区考察。");
    assert!(has(&f, "滨海新区", "REGION"), "{f:?}");
}

#[test]
fn a_district_named_in_full_is_named_again_by_its_bare_name() {
    let f = found(
        "一个足够长的标题\n\n佛山市南海区召开大会。会议指出，南海要对标先进地区。南海路正在改造。",
    );
    let nanhai: Vec<&(String, &str, String)> = f.iter().filter(|(t, ..)| t == "南海").collect();
    assert_eq!(nanhai.len(), 1, "the bare name, not the road's: {f:?}");
    let full = f.iter().find(|(t, ..)| t == "南海区").map(|(.., c)| c);
    assert_eq!(Some(&nanhai[0].2), full, "one entity: {f:?}");
    // A bare name that is a common word (资源 of 资源县, "resources") is not linked.
    let f = found("一个足够长的标题\n\n资源县召开大会，要求用好各类资源。");
    assert!(!has(&f, "资源", "REGION"), "{f:?}");
}

#[test]
fn communities_towns_of_rare_characters_and_a_zone_after_a_visitors_name() {
    let f = found("一个足够长的标题\n\n区委书记张卫东到松山湖高新区调研。在桂花社区，他了解了改造情况，随后来到位于寮步镇的工厂。");
    for (text, label) in [
        ("张卫东", "PERSON"),
        ("松山湖高新区", "REGION"),
        ("桂花社区", "REGION"),
        ("寮步镇", "REGION"),
    ] {
        assert!(has(&f, text, label), "{text} {label}: {f:?}");
    }
    assert!(!has(&f, "桂花", "PERSON"), "{f:?}");
}
