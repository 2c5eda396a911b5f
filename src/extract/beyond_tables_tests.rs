//! Names beyond the division and country tables: cities abroad from the GeoNames table in both
//! languages (and the names they must not take over), English zones and parks by their head word,
//! English bodies by theirs (made-up sentences).

use super::tests::{found, has};

#[test]
fn cities_abroad_are_regions_in_both_languages() {
    let f = found("Mayor meets guests\n\nThe mayor met a delegation from Hamburg and then flew to Astana, where Kurashiki City of Japan signed a friendship agreement. Osaka sent a delegation.");
    for city in ["Hamburg", "Astana", "Kurashiki City", "Osaka"] {
        assert!(has(&f, city, "REGION"), "{city}: {f:?}");
    }
    let f = found("一个足够长的标题\n\n市长会见了来自汉堡的代表团，随后前往阿斯塔纳。");
    assert!(has(&f, "汉堡", "REGION"), "{f:?}");
    assert!(has(&f, "阿斯塔纳", "REGION"), "{f:?}");
}

#[test]
fn a_city_abroad_does_not_take_over_a_chinese_place_or_a_foreign_name() {
    // 多哈 (Doha) and 开城 (Kaesong) start where 哈尔滨 and 城关区 are meant.
    let f =
        found("一个足够长的标题\n\n代表们从北京出发，经过大多哈尔滨市民熟悉的街道，来到开城关区。");
    assert!(has(&f, "哈尔滨市", "REGION"), "{f:?}");
    assert!(has(&f, "城关区", "REGION"), "{f:?}");
    assert!(!has(&f, "多哈", "REGION"), "{f:?}");
    // 哥伦布 (Columbus) inside a foreign person's full name.
    let f = found("一个足够长的标题\n\n克里斯托弗·哥伦布的航行改变了世界。");
    assert!(!has(&f, "哥伦布", "REGION"), "{f:?}");
    // A given name that is also a city abroad: 开城 of 刘开城.
    let f = found("一个足够长的标题\n\n县委书记刘开城主持会议。");
    assert!(has(&f, "刘开城", "PERSON"), "{f:?}");
}

#[test]
fn a_city_named_like_a_person_or_a_brand_is_not_taken() {
    let f =
        found("Leaders meet\n\nVladimir Putin met executives of Toyota and Columbia in Moscow.");
    assert!(
        f.iter().all(|(t, l, _)| *l != "REGION" || t == "Moscow"),
        "{f:?}"
    );
}

#[test]
fn english_zones_and_parks_by_a_capitalized_head_word() {
    let f = found("Parks grow\n\nFirms moved into the Longgang Science Park and the Sino-German Ecopark, near the Northern Metropolis. President Park Geun-hye visited a park in the zone.");
    for zone in [
        "Longgang Science Park",
        "Sino-German Ecopark",
        "Northern Metropolis",
    ] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
    assert!(
        !f.iter()
            .any(|(t, l, _)| *l == "REGION" && t.contains("Park Geun")),
        "a person named Park: {f:?}"
    );
}

#[test]
fn english_bodies_named_cppcc_and_administration_of() {
    let f = found("Officials meet\n\nVice Chairman of the Wuxi Municipal CPPCC Zhao Ming and officials from the General Administration of Customs attended.");
    assert!(has(&f, "Wuxi Municipal CPPCC", "ORG"), "{f:?}");
    assert!(has(&f, "General Administration of Customs", "ORG"), "{f:?}");
}

#[test]
fn a_community_after_a_sentences_first_word() {
    let f = found("A visit\n\nIn Guihua Community, he learned about the renovation. Near Dongshan Village the road ends.");
    assert!(has(&f, "Guihua Community", "REGION"), "{f:?}");
    assert!(has(&f, "Dongshan Village", "REGION"), "{f:?}");
}

#[test]
fn english_zones_named_like_chinese_ones_and_a_districts_bare_name() {
    let f = found("A headline about the district\n\nLishan District held a meeting on Monday. Lishan should learn from the Eastern Henan Golden Triangle, the Jiangcheng Future Sci-Tech City and Xiangzhou's Photonics Valley, and join the Nanyang metropolitan area. Lishan Road was closed.");
    for (text, label) in [
        ("Lishan", "REGION"),
        ("Eastern Henan Golden Triangle", "REGION"),
        ("Jiangcheng Future Sci-Tech City", "REGION"),
        ("Photonics Valley", "REGION"),
        ("Nanyang metropolitan area", "REGION"),
    ] {
        assert!(has(&f, text, label), "{text}: {f:?}");
    }
    // Once, not in the road's name; the possessor is not the valley's name.
    assert_eq!(f.iter().filter(|(t, ..)| t == "Lishan").count(), 1, "{f:?}");
    assert!(!has(&f, "Xiangzhou's Photonics Valley", "REGION"), "{f:?}");
}

#[test]
fn english_subdistricts_lower_case_kinds_and_a_district_named_in_a_bodys_name() {
    let f = found("A headline about Lishan\n\nThe Lishan District committee of the CPC sent officials to Huayuan Sub-district and to Wulin village of Puxing township. Lishan should act. The old town was quiet.");
    for place in ["Huayuan Sub-district", "Wulin village", "Puxing township"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    assert_eq!(
        f.iter()
            .filter(|(t, l, _)| t == "Lishan" && *l == "REGION")
            .count(),
        2,
        "the headline's and the sentence's: {f:?}"
    );
    assert!(f.iter().all(|(t, ..)| t != "old town"), "{f:?}");
}

#[test]
fn english_bodies_beside_persons_and_by_their_initials() {
    let f = found("A headline about the forum\n\nVice Premier Gao Mingxuan and European Commission officials met the Food and Agriculture Organization of the United Nations. The FAO said the party organization helped.");
    assert!(has(&f, "Gao Mingxuan", "PERSON"), "{f:?}");
    assert!(has(&f, "European Commission", "ORG"), "{f:?}");
    assert!(
        has(
            &f,
            "Food and Agriculture Organization of the United Nations",
            "ORG"
        ),
        "{f:?}"
    );
    let fao = f
        .iter()
        .find(|(t, ..)| t == "FAO")
        .map(|(_, l, c)| (*l, c.clone()));
    let full = f
        .iter()
        .find(|(t, ..)| t.starts_with("Food and"))
        .map(|(_, l, c)| (*l, c.clone()));
    assert!(fao.is_some() && fao == full, "one body: {f:?}");
    assert!(f.iter().all(|(t, ..)| !t.contains("organization")), "{f:?}");
}

#[test]
fn english_places_joined_by_hyphens_dates_and_development_areas() {
    let f = found("A headline about the region\n\nOn June 3, officials discussed Beijing-Tianjin-Hebei and the Beijing Economic-Technological Development Area. The China-Laos Railway and Sino-German ties were praised.");
    assert!(has(&f, "Beijing-Tianjin-Hebei", "REGION"), "{f:?}");
    assert!(
        has(
            &f,
            "Beijing Economic-Technological Development Area",
            "REGION"
        ),
        "{f:?}"
    );
    assert!(
        f.iter().all(|(_, l, _)| *l != "PERSON"),
        "a date is no name: {f:?}"
    );
    assert!(
        f.iter()
            .all(|(t, ..)| t != "China-Laos" && t != "Sino-German"),
        "{f:?}"
    );
}

#[test]
fn places_listed_before_their_kind_in_the_plural_are_each_a_region() {
    let f = found("Headline about the towns\n\nThe experience will be replicated in Hengcun and Jiangnan towns, and in Fuyang, Tonglu and Chun'an counties.");
    for place in ["Hengcun", "Jiangnan", "Tonglu", "Chun'an"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    // Names that are not pinyin are no Chinese places (Smith and Jones streets).
    let f = found("Headline about the streets\n\nThe shop stands between Smith and Jones streets.");
    assert!(f.iter().all(|(_, l, _)| *l != "REGION"), "{f:?}");
}

#[test]
fn a_districts_bare_name_beside_a_place_word_is_the_district() {
    let f = found("Headline about the districts\n\nPudong and Nansha have similar programs. Officials of Xiaoshan attended, as did firms in Longgang. Xinhua reported the event.");
    for place in ["Pudong", "Nansha", "Xiaoshan", "Longgang"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    assert!(!has(&f, "Xinhua", "REGION"), "the agency: {f:?}");
    // Beside another capitalized word it is part of a person's name.
    let f =
        found("Headline about a person\n\nThe plan was presented by Wang Pudong at the meeting.");
    assert!(!has(&f, "Pudong", "REGION"), "{f:?}");
}

#[test]
fn a_special_area_and_a_zone_with_its_place_in_brackets() {
    let f = found("Headline about the zones\n\nThe Lingang Special Area of the China (Shanghai) Pilot Free Trade Zone opened a new center.");
    assert!(has(&f, "Lingang Special Area", "REGION"), "{f:?}");
    assert!(
        has(&f, "China (Shanghai) Pilot Free Trade Zone", "REGION"),
        "{f:?}"
    );
}

#[test]
fn a_company_named_without_its_legal_form() {
    let f = found("一个足够长的标题\n\n书记走访了华宇新材料公司和金丰农业科技有限公司。");
    assert!(has(&f, "华宇新材料公司", "ORG"), "{f:?}");
    assert!(!has(&f, "华宇新", "PERSON"), "{f:?}");
    // A kind of company, a determiner's or a country's is no company's name.
    let f = found("一个足够长的标题\n\n该公司负责人表示，一家科技公司和美国科技公司也参加。");
    for generic in ["该公司", "科技公司", "美国科技公司"] {
        assert!(!has(&f, generic, "ORG"), "{generic}: {f:?}");
    }
}

#[test]
fn a_brand_alone_before_company_is_a_company() {
    let f = found("一个足够长的标题\n\n代表团拜访了比亚迪股份有限公司、腾讯公司。");
    assert!(has(&f, "腾讯公司", "ORG"), "{f:?}");
}

#[test]
fn a_surname_after_an_honorific_is_a_person() {
    // 'Mr. Qiao' with no full name in the document: a person of that surname; after 'Gu Weiming'
    // is named, 'Ms. Gu' is her.
    let f = found("A long enough headline\n\nMr. Qiao, a villager of Shangzhuang Village, said the road helps. Gu Weiming chaired the meeting. Ms. Gu said sales rose.");
    assert!(has(&f, "Qiao", "PERSON"), "{f:?}");
    assert!(
        f.iter()
            .any(|(s, l, e)| *s == "Gu" && *l == "PERSON" && e == "Gu Weiming"),
        "{f:?}"
    );
}
