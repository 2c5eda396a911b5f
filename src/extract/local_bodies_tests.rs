//! Chinese local news: the bodies around places (health centres, weather stations, customs,
//! liaison offices, bureaus of two fields), roles before names, places read beside them in
//! lists and compounds, divisions set up since 2021 (made-up sentences, not from any article).

use super::tests::{found, has};

#[test]
fn divisions_set_up_since_2021_and_regions_outside_m49() {
    // 会理县 became 会理市 in 2021, 临平区 was split from 余杭区 the same year.
    let f = found("一个足够长的标题\n\n在会理市，石榴丰收。临平区新建产业园。面向东北亚开放，深化与中东欧国家合作。");
    assert!(has(&f, "会理市", "REGION"), "{f:?}");
    assert!(has(&f, "临平区", "REGION"), "{f:?}");
    assert!(has(&f, "东北亚", "REGION"), "{f:?}");
    // Central and Eastern Europe, not the Middle East and Europe.
    assert!(has(&f, "中东欧", "REGION"), "{f:?}");
    assert!(!has(&f, "中东", "REGION"), "{f:?}");
}

#[test]
fn a_name_after_a_workers_role_and_industries_listed_as_kinds_of_companies() {
    // 工人 ("worker") is a role: a name after it counts with a verb after it (马 + 永祥, which
    // jieba reads otherwise).
    let f = found("一个足够长的标题\n\n装卸工人马永祥说，港口开通后他找到了工作。");
    assert!(has(&f, "马永祥", "PERSON"), "{f:?}");
    // Kinds of enterprise (new energy, grain processing, equipment manufacturing) are no
    // companies; a company named by a common noun of two characters still is.
    let f = found("一个足够长的标题\n\n开发区引进新能源、粮食加工、装备制造等企业。小米、恒远集团等企业参加。");
    for industry in ["新能源", "粮食加工", "装备制造"] {
        assert!(!has(&f, industry, "ORG"), "{industry}: {f:?}");
    }
    assert!(has(&f, "小米", "ORG"), "{f:?}");
    assert!(has(&f, "恒远集团", "ORG"), "{f:?}");
}

#[test]
fn health_centres_weather_stations_and_schools_named_after_places() {
    // A town's health centre and a province's weather station are bodies; the townships'
    // health centres a kind; a hospital attached to a university one body (协和: 和 in a word).
    let f = found("一个足够长的标题\n\n全县12个乡镇卫生院完成改造。石桥镇卫生院院长介绍。江西省气象台预计有雨。南昌大学附属协和医院专家坐诊。社区党委书记介绍。");
    assert!(has(&f, "石桥镇卫生院", "ORG"), "{f:?}");
    assert!(has(&f, "江西省气象台", "ORG"), "{f:?}");
    assert!(has(&f, "南昌大学附属协和医院", "ORG"), "{f:?}");
    assert!(!has(&f, "乡镇卫生院", "ORG"), "{f:?}");
    assert!(!has(&f, "社区党委", "ORG"), "{f:?}");
    // A school named after its county or town: no mention of the place; 新建 ("newly built")
    // after 在 is no place.
    let f = found("一个足够长的标题\n\n会宁县第一中学的新教学楼投入使用。在新建的操场上，柴家门镇中心小学的孩子们踢足球。");
    assert!(
        f.iter().all(|(_, l, _)| *l != "REGION" && *l != "ORG"),
        "no place or body here: {f:?}"
    );
}

#[test]
fn a_councillor_a_parks_company_and_provinces_before_culture_and_tourism() {
    // 議員 is a role: a name after it counts with a verb; 都 ("all") after it starts none.
    let f = found("一个足够长的标题\n\n北區議員林振邦說，居民期待交通改善。兩區的議員都希望加快建設。香港科技園公司計劃設立中心。推动川渝文旅一体化发展。");
    assert!(has(&f, "林振邦", "PERSON"), "{f:?}");
    assert!(!has(&f, "都希望", "PERSON"), "{f:?}");
    assert!(has(&f, "香港科技園公司", "ORG"), "{f:?}");
    assert!(!has(&f, "香港科技園", "REGION"), "{f:?}");
    assert!(has(&f, "川渝", "REGION"), "{f:?}");
    // Hong Kong's Northern Metropolis, by name (assets/zones_zh.tsv).
    let f = found("一个足够长的标题\n\n北部都會區發展提速，新田一帶交通改善。");
    assert!(has(&f, "北部都會區", "REGION"), "{f:?}");
}

#[test]
fn a_zone_after_its_province_and_city_in_full_and_an_area_block() {
    // The province and city written in full are places of their own; a zone named by words of
    // a kind keeps them. An area block (区块) is a zone; a blockchain is not.
    let f = found(
        "一个足够长的标题\n\n江苏省南京市江北新区发布新政。庆盛区块建设提速，区块链企业入驻。",
    );
    for place in ["江苏省", "南京市", "江北新区", "庆盛区块"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    assert!(!has(&f, "江苏省南京市江北新区", "REGION"), "{f:?}");
}

#[test]
fn customs_a_department_after_from_and_two_abbreviations_standing_alone() {
    // 从 + 江苏省 (not 从江, a county of Guizhou, + 苏省); a city's customs.
    let f = found("一个足够长的标题\n\n记者从江苏省商务厅获悉。厦门海关介绍情况。京津产业转移加快，深化与港澳的合作。香港澳门两地居民。");
    assert!(has(&f, "江苏省商务厅", "ORG"), "{f:?}");
    assert!(has(&f, "厦门海关", "ORG"), "{f:?}");
    assert!(has(&f, "京津", "REGION"), "{f:?}");
    assert!(has(&f, "港澳", "REGION"), "{f:?}");
    // 港澳 of 香港澳门 is no compound: each city is named in full.
    assert!(has(&f, "香港", "REGION"), "{f:?}");
    assert!(has(&f, "澳门", "REGION"), "{f:?}");
}

#[test]
fn a_county_of_four_characters_in_a_list_and_a_bureau_joined_by_ji() {
    // 阿拉山口 (阿拉山口市) in a list that names places; a Hong Kong bureau of two fields
    // joined by 及, named with its government.
    let f = found(
        "一个足够长的标题\n\n支持阿拉山口、塔城等地发展外贸。香港特區政府運輸及物流局表示歡迎。",
    );
    assert!(has(&f, "阿拉山口", "REGION"), "{f:?}");
    assert!(has(&f, "香港特區政府運輸及物流局", "ORG"), "{f:?}");
}

#[test]
fn bureaus_of_two_fields_joined_by_yu_liaison_offices_and_towns_listed_with_a_city() {
    // 海洋与渔业局 ("ocean and fisheries"); a city's liaison office in another city, but not one
    // a district sets up ("investment liaison office", a kind); 洛带 (洛带镇) listed with 成都.
    let f = found("一个足够长的标题\n\n象山县海洋与渔业局发布通知。河源市驻深圳招商联络处主任介绍。明年将在郫都区设立招商联络处。带动成都、洛带、黄龙溪等地发展。");
    assert!(has(&f, "象山县海洋与渔业局", "ORG"), "{f:?}");
    assert!(has(&f, "河源市驻深圳招商联络处", "ORG"), "{f:?}");
    assert!(!has(&f, "招商联络处", "ORG"), "{f:?}");
    assert!(has(&f, "洛带", "REGION"), "{f:?}");
}

#[test]
fn a_border_crossing_urban_communities_and_a_bodys_regional_office() {
    // A port of entry named after its town is a facility (like a station), no mention of it;
    // 城市社区 ("urban communities") is a kind; an administration's southern office is a body.
    let f = found("一个足够长的标题\n\n黑河口岸进出口货运量增长。到明年实现城市社区食堂全覆盖。");
    assert!(!has(&f, "黑河", "REGION"), "{f:?}");
    assert!(!has(&f, "城市社区", "REGION"), "{f:?}");
    let f = found("一個足夠長的標題\n\n交通部觀光署中部辦事處將協助推廣。");
    assert!(has(&f, "交通部觀光署中部辦事處", "ORG"), "{f:?}");
}

#[test]
fn a_county_city_by_a_bare_name_jieba_has_as_a_noun_and_a_river_valley() {
    // 凭祥 is a noun to jieba; named in full first, the bare name is the city. China and
    // Vietnam before 边贸 ("border trade"); a river valley named by its place; an aid
    // headquarters named by its province; the Loop's cooperation zone by its short name.
    let f = found("一个足够长的标题\n\n在广西崇左市凭祥市，口岸繁忙。从南宁开车到凭祥只需要两个小时。中越边贸持续升温。伊犁河谷风光秀美，河谷地带水草丰茂。浙江援疆前方指挥部介绍情况。河套合作区建设提速。");
    assert!(has(&f, "凭祥", "REGION"), "{f:?}");
    assert!(has(&f, "中", "REGION") && has(&f, "越", "REGION"), "{f:?}");
    assert!(has(&f, "伊犁河谷", "REGION"), "{f:?}");
    assert!(!has(&f, "河谷地带", "REGION"), "{f:?}");
    assert!(has(&f, "浙江援疆前方指挥部", "ORG"), "{f:?}");
    assert!(has(&f, "河套合作区", "REGION"), "{f:?}");
}

#[test]
fn an_institute_of_two_fields_under_its_academy() {
    // 与 joins an institute's two fields; the academy's name before it is the institute's.
    let f = found("一个足够长的标题\n\n中国科学院西北高原生物与生态研究所在当地建立了试验站。");
    assert!(
        has(&f, "中国科学院西北高原生物与生态研究所", "ORG"),
        "{f:?}"
    );
    assert!(!has(&f, "中国科学院", "ORG"), "{f:?}");
}
