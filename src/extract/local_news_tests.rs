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

#[test]
fn places_listed_with_their_suffixes_are_each_a_place() {
    // Towns jieba splits (白 + 道口镇) or misreads, counties the gazetteer lacks, and the words
    // before and after the list left out.
    let f = found("一个足够长的标题\n\n今年以来，其中白道口镇、八里营镇、留固镇等乡镇进展较快。书记赴青石镇、柳河乡调研。会上，福清市、长泰区作典型发言。企业努力建设南芬区、发展南芬区。");
    for town in [
        "白道口镇",
        "八里营镇",
        "留固镇",
        "长泰区",
        "南芬区",
        "青石镇",
        "柳河乡",
    ] {
        assert!(has(&f, town, "REGION"), "{town}: {f:?}");
    }
    assert!(
        f.iter()
            .all(|(t, ..)| !t.starts_with("其中") && !t.starts_with("发展")),
        "{f:?}"
    );
    // Generic places in a list are not named ones.
    let f = found("一个足够长的标题\n\n各区、开发区、高新区要落实责任。");
    assert!(f.iter().all(|(_, l, _)| *l != "REGION"), "{f:?}");
}

#[test]
fn a_town_after_its_county_and_a_town_named_again_where_jieba_splits_it() {
    // 水头镇 is a word of jieba's dictionary; after its city it is the town.
    let f = found("一个足够长的标题\n\n调研组来到南安市水头镇的石材企业。");
    assert!(has(&f, "水头镇", "REGION"), "{f:?}");
    // jieba reads the second 柳河乡 as 柳河 + 乡大; 我县 is the writer's county, not a name.
    let f = found(
        "一个足够长的标题\n\n书记走访柳河乡、青石镇。随后来到柳河乡大王庄村，又到我县大河乡。",
    );
    let liuhe = f.iter().filter(|(t, ..)| t == "柳河乡").count();
    assert_eq!(liuhe, 2, "{f:?}");
    assert!(has(&f, "大河乡", "REGION"), "{f:?}");
    assert!(
        !has(&f, "柳河", "REGION") && !has(&f, "县大河乡", "REGION"),
        "{f:?}"
    );
}

#[test]
fn a_county_by_its_bare_name_after_its_province() {
    let f = found("一个足够长的标题\n\n要学习山东寿光、浙江义乌的经验，天津西青园也来交流。");
    assert!(has(&f, "寿光", "REGION"), "{f:?}");
    assert!(has(&f, "义乌", "REGION"), "{f:?}");
    assert!(
        !has(&f, "西青", "REGION"),
        "the start of a park's name: {f:?}"
    );
}

#[test]
fn a_zones_name_does_not_start_with_what_is_done_to_it() {
    let f =
        found("一个足够长的标题\n\n要紧紧围绕成渝地区双城经济圈建设，做好粤港澳大湾区这篇文章。");
    assert!(has(&f, "成渝地区双城经济圈", "REGION"), "{f:?}");
    assert!(has(&f, "粤港澳大湾区", "REGION"), "{f:?}");
}

#[test]
fn bodies_and_districts_are_not_persons() {
    // 区 is a surname; 武进 reads to jieba as a name, and the document names 武进区 in full.
    let f = found("一个足够长的标题\n\n区政协主席何丽萍出席。常州市武进区召开大会，会议指出，武进是全国百强区。");
    assert!(has(&f, "何丽萍", "PERSON"), "{f:?}");
    assert!(has(&f, "武进", "REGION"), "{f:?}");
    assert!(
        f.iter().all(|(t, l, _)| *l != "PERSON" || t == "何丽萍"),
        "{f:?}"
    );
    assert!(!has(&f, "百强区", "REGION"), "a kind of place: {f:?}");
}

#[test]
fn cities_in_a_list_before_a_list_of_companies_stay_places() {
    let f = found("一个足够长的标题\n\n市长率队赴上海、苏州、杭州等地，先后拜访了上海电气集团、阿里巴巴集团等企业。");
    for city in ["上海", "苏州", "杭州"] {
        assert!(has(&f, city, "REGION"), "{city}: {f:?}");
    }
    assert!(has(&f, "阿里巴巴集团", "ORG"), "{f:?}");
}

#[test]
fn countryside_is_no_village_and_zones_with_longer_names() {
    let f = found("一个足够长的标题\n\n要建设美丽乡村，打造和美乡村。要抢抓许昌航空港经济综合实验区建设机遇，推进许昌经开区发展，依托漯河国家农业开放发展综合试验区。");
    assert!(f.iter().all(|(t, ..)| !t.ends_with("乡村")), "{f:?}");
    for zone in [
        "许昌航空港经济综合实验区",
        "许昌经开区",
        "漯河国家农业开放发展综合试验区",
    ] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
}

#[test]
fn the_last_name_of_a_list_stops_before_the_verb() {
    let f = found("一个足够长的标题\n\n区领导孙晓东、周建参加调研。");
    assert!(has(&f, "周建", "PERSON"), "{f:?}");
    assert!(!has(&f, "周建参", "PERSON"), "{f:?}");
}

#[test]
fn a_zones_name_starts_at_a_places_start() {
    // Twelve characters before the suffix would start inside 堆龙德庆区.
    let f = found("一个足够长的标题\n\n加快推动堆龙德庆区检验检测认证科技产业园建设。");
    assert!(f.iter().all(|(t, ..)| !t.starts_with("德庆")), "{f:?}");
}

#[test]
fn a_name_without_the_next_words_first_character_and_a_photographers_name() {
    // The model reads 张桂兰正 (正和 "just now, with") and 张桂兰笑 (笑着说 "said smiling").
    let f = found("一个足够长的标题\n\n走进小院，72岁的张桂兰正和几位老姐妹剪纸。“日子越过越舒心。”张桂兰笑着说。（摄影 陈志远）\n\n社区介绍了情况。");
    assert_eq!(f.iter().filter(|(t, ..)| t == "张桂兰").count(), 2, "{f:?}");
    assert!(f.iter().all(|(t, ..)| t.chars().count() < 4), "{f:?}");
    assert!(has(&f, "陈志远", "PERSON"), "{f:?}");
}

#[test]
fn counties_listed_by_their_bare_names_and_a_list_before_a_zone() {
    let f = found("一个足够长的标题\n\n将推动与岳阳、常德、益阳等环洞庭湖城市群联动，支持浏阳、醴陵、韶山等县市建设特色产业园区，借镜台中市、高雄市的做法。");
    for place in ["益阳", "浏阳", "醴陵", "韶山", "台中市", "高雄市"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    let liuyang = f
        .iter()
        .find(|(t, ..)| t == "浏阳")
        .map(|(.., c)| c.as_str());
    assert_eq!(
        liuyang,
        Some("Liuyang 浏阳市"),
        "the gazetteer's county: {f:?}"
    );
    assert!(
        f.iter()
            .all(|(t, ..)| !t.contains('等') && !t.starts_with("借镜")),
        "{f:?}"
    );
}

#[test]
fn a_divisions_bodies_named_by_its_kind_alone() {
    let f = found("一个足够长的标题\n\n县委书记韩立新出席，区人大常委会主任、区政协主席参加。社区委员会委员和县委员会代表列席。");
    for body in ["县委", "区人大常委会", "区政协"] {
        assert!(has(&f, body, "ORG"), "{body}: {f:?}");
    }
    assert!(
        !has(&f, "区委", "ORG"),
        "社区委员会 is no district committee: {f:?}"
    );
}

#[test]
fn cities_of_one_province_named_together_are_one_region() {
    // jieba reads 苏锡常 and 成德眉资 as persons' names, 长株 as a measure word.
    let f = found("一个足够长的标题\n\n会议提出，深化苏锡常一体化，推动成德眉资同城化，呼包鄂协同发展，环长株潭城市群联动发展。");
    for compound in ["苏锡常", "成德眉资", "呼包鄂", "环长株潭城市群"] {
        assert!(has(&f, compound, "REGION"), "{compound}: {f:?}");
    }
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
    // A city inside the run is that city, not a compound (上 and 昌 are Jiangxi's cities too).
    let f = found("一个足够长的标题\n\n企业家们纷纷北上宜昌投资。");
    assert!(has(&f, "宜昌", "REGION"), "{f:?}");
    assert!(!has(&f, "上宜昌", "REGION"), "{f:?}");
}

#[test]
fn a_part_of_a_province_by_its_abbreviation_is_a_region() {
    let f = found("一个足够长的标题\n\n产品销往皖北、豫东和鲁西南地区，京东物流负责配送。");
    for part in ["皖北", "豫东", "鲁西南"] {
        assert!(has(&f, part, "REGION"), "{part}: {f:?}");
    }
    assert!(!has(&f, "京东", "REGION"), "a company: {f:?}");
}

#[test]
fn a_registered_town_is_found_where_jieba_reads_across_its_suffix() {
    // jieba reads 莫干山 + 镇仙潭村 and 天荒坪 + 镇余村: the register knows the towns.
    let f = found("一个足够长的标题\n\n德清县莫干山镇仙潭村近年来发展民宿，安吉县天荒坪镇余村是生态旅游示范村。");
    for town in ["莫干山镇", "仙潭村", "天荒坪镇"] {
        assert!(has(&f, town, "REGION"), "{town}: {f:?}");
    }
    assert!(!has(&f, "镇仙潭村", "REGION"), "{f:?}");
}

#[test]
fn taiwans_cities_and_districts_are_regions_in_traditional_script() {
    let f = found("一個足夠長的標題\n\n新北市將在板橋區、三重區及新莊區設立青年創業基地，桃園市中壢區亦將跟進。");
    for place in ["新北市", "板橋區", "三重區", "新莊區", "中壢區"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
}

#[test]
fn words_that_only_look_like_places_are_not_regions() {
    let f = found("一个足够长的标题\n\n中心城区的交通越来越顺畅，住在六楼的王阿姨说，所有街道都装了路灯。阳泉市城区也是如此。");
    assert!(!has(&f, "六楼", "REGION"), "a floor: {f:?}");
    assert!(!has(&f, "所有街道", "REGION"), "every street: {f:?}");
    // 城区 is a district of 阳泉 after its city's name, the word "urban area" elsewhere.
    let districts = f
        .iter()
        .filter(|(t, l, _)| t == "城区" && *l == "REGION")
        .count();
    assert_eq!(districts, 1, "{f:?}");
}

#[test]
fn a_zone_sheds_the_trip_before_it_and_a_delta_is_a_region() {
    let f = found("一个足够长的标题\n\n我市组团赴粤港澳大湾区招商，并在珠三角地区举办推介会。");
    assert!(has(&f, "粤港澳大湾区", "REGION"), "{f:?}");
    assert!(has(&f, "珠三角", "REGION"), "{f:?}");
    assert!(f.iter().all(|(t, _, _)| !t.contains('赴')), "{f:?}");
}

#[test]
fn a_name_cut_from_a_quoted_slogan_is_no_person() {
    // jieba reads 金角银 of the slogan as a person's name; the model does too.
    let f = found("一个足够长的标题\n\n街道利用边角地打造“金角银边”，居民休闲有了好去处。");
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
}

#[test]
fn hong_kong_news_names_its_districts_bare_and_its_councils_and_departments() {
    let f = found("一個足夠長的標題\n\n元朗、葵青及屯門的居民前往觀塘參加活動。葵青區議會昨日開會，水務署代表出席。");
    for place in ["元朗", "葵青", "屯門", "觀塘"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    for body in ["葵青區議會", "水務署"] {
        assert!(has(&f, body, "ORG"), "{body}: {f:?}");
    }
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
    // 部署 and 签署 are verbs, not offices.
    let f = found("一个足够长的标题\n\n会议对下一步工作作出部署，双方签署了合作协议。");
    assert!(f.iter().all(|(_, l, _)| *l != "ORG"), "{f:?}");
}

#[test]
fn a_community_right_after_a_registered_subdistrict_is_one_whatever_its_words() {
    // 团结 is a common word: alone, 团结社区 would read as a phrase.
    let f = found("一个足够长的标题\n\n在东华门街道团结社区，居民们正在调研乡村振兴经验。");
    assert!(has(&f, "东华门街道", "REGION"), "{f:?}");
    assert!(has(&f, "团结社区", "REGION"), "{f:?}");
    assert!(!has(&f, "调研乡村", "REGION"), "{f:?}");
}

#[test]
fn taiwans_cities_and_counties_go_by_their_bare_names_in_both_languages() {
    let f = found(
        "一個足夠長的標題\n\n高雄、花蓮兩地代表前往台東交流。在這個平台中，舞台東側坐滿了觀眾。",
    );
    for place in ["高雄", "花蓮", "台東"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    assert_eq!(
        f.iter()
            .filter(|(t, _, _)| t == "台東" || t == "台中")
            .count(),
        1,
        "台中 of 平台中 and 台东 of 舞台东侧 are no places: {f:?}"
    );
    let f = found("Headline about Taiwan\n\nOfficials from Kaohsiung and Hualien met in Taichung.");
    for place in ["Kaohsiung", "Hualien", "Taichung"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
}

#[test]
fn a_citys_nickname_is_the_city() {
    let f = found(
        "一个足够长的标题\n\n今年蓉城新增绿道100公里，羊城的游客也慕名而来。成都市民说，变化很大。",
    );
    let key = |name: &str| {
        f.iter()
            .find(|(t, l, _)| t == name && *l == "REGION")
            .map(|(_, _, k)| k.clone())
    };
    assert!(
        key("蓉城").is_some() && key("蓉城") == key("成都市"),
        "{f:?}"
    );
    assert!(key("羊城").is_some(), "{f:?}");
}

#[test]
fn a_districts_name_ending_like_a_zone_is_the_district() {
    // 泉港区 is 泉港 + 区, not a zone 泉 + 港区; 绿园区 likewise.
    let f = found("一个足够长的标题\n\n近日，泉州市泉港区与长春市绿园区签订协议。");
    for place in ["泉州市", "泉港区", "长春市", "绿园区"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    assert!(!has(&f, "泉州市泉港区", "REGION"), "{f:?}");
}

#[test]
fn a_city_and_its_district_in_a_list_are_two_places() {
    let f = found("一个足够长的标题\n\n会议要求学习借鉴杭州上城区、宁波海曙区的经验。");
    for place in ["杭州", "上城区", "宁波", "海曙区"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    assert!(!has(&f, "宁波海曙区", "REGION"), "{f:?}");
}

#[test]
fn the_first_name_of_a_list_after_a_title_and_a_centre_after_a_clause() {
    // 席 is a surname too: 副主席李东 is a title and a two-character name.
    let f = found("一个足够长的标题\n\n区政协副主席李东、刘春华、王永刚参加会议。");
    assert!(has(&f, "李东", "PERSON"), "{f:?}");
    assert!(!has(&f, "席李东", "PERSON"), "{f:?}");
    // A government that set up a centre is not part of the centre's name.
    let f = found("一个足够长的标题\n\n灾情发生后，临江市政府已成立应急指挥中心。");
    assert!(has(&f, "临江市政府", "ORG"), "{f:?}");
    assert!(f.iter().all(|(t, ..)| !t.ends_with("指挥中心")), "{f:?}");
}

#[test]
fn a_places_name_on_a_road_an_estate_or_a_reservoir_is_not_the_place() {
    let f = found("一个足够长的标题\n\n居民沿中山路、延安路步行前往朝阳花园小区，途经江口水库。中山市代表参加。");
    for bare in ["中山", "延安", "朝阳", "江口"] {
        assert!(!has(&f, bare, "REGION"), "{bare}: {f:?}");
    }
    assert!(has(&f, "中山市", "REGION"), "{f:?}");
}

#[test]
fn a_village_joined_to_a_village_and_a_county_named_again_after_a_preposition() {
    let f = found("一个足够长的标题\n\n调研组来到石门乡红星村和东湖社区，查看人居环境整治。");
    assert!(has(&f, "红星村", "REGION"), "{f:?}");
    assert!(has(&f, "东湖社区", "REGION"), "{f:?}");
    // jieba reads 至来安 as one word; 来安 is the county named in full before.
    let f = found("一个足够长的标题\n\n示范区地跨滁州市来安县和南京市浦口区。南京至来安的城际铁路正在建设中。");
    let named: Vec<_> = f.iter().filter(|(t, ..)| t == "来安").collect();
    assert_eq!(named.len(), 1, "{f:?}");
    let county = f.iter().find(|(t, ..)| t == "来安县").map(|(.., c)| c);
    assert_eq!(
        Some(&named[0].2),
        county,
        "the county's bare name is the county: {f:?}"
    );
}

#[test]
fn a_province_or_city_by_one_character_where_a_visit_or_stay_is_told() {
    let f = found("一个足够长的标题\n\n代表团赴沪考察，在京期间走访企业。双方在蓉签署协议，来穗投资的企业增多。");
    let keys: Vec<(&str, &str)> = f.iter().map(|(t, _, c)| (t.as_str(), c.as_str())).collect();
    for (abbreviation, place) in [
        ("沪", "上海市"),
        ("京", "北京市"),
        ("蓉", "成都市"),
        ("穗", "广州市"),
    ] {
        assert!(
            keys.iter()
                .any(|(t, c)| *t == abbreviation && c.contains(place)),
            "{abbreviation}: {f:?}"
        );
    }
    // Not where the character starts a word or a longer name, nor an ambiguous one (澳: Macau
    // or Australia).
    let f = found("一个足够长的标题\n\n他现在苏州工作，曾在澳期间收藏的书画也在石头城展出。");
    for c in ["苏", "澳", "藏", "石"] {
        assert!(!has(&f, c, "REGION"), "{c}: {f:?}");
    }
}

#[test]
fn a_town_of_two_words_and_the_village_right_after_it() {
    // jieba reads 樟树 + 湾 + 镇 + 田心 + 村.
    let f = found("一个足够长的标题\n\n与会人员观摩了樟树湾镇田心村、大塘乡的示范点。");
    for place in ["樟树湾镇", "田心村", "大塘乡"] {
        assert!(has(&f, place, "REGION"), "{place}: {f:?}");
    }
    assert!(!has(&f, "湾镇田心村", "REGION"), "{f:?}");
}

#[test]
fn a_district_by_its_bare_name_after_its_city_and_then_alone() {
    let f = found("一个足够长的标题\n\n决赛在广州南沙举行。南沙将依托粤港澳全面合作示范区的政策优势，为港澳青年提供机会。南沙花园小区居民参加。");
    // Not the estate's name (南沙花园).
    let nansha: Vec<_> = f.iter().filter(|(t, ..)| t == "南沙").collect();
    assert_eq!(nansha.len(), 2, "{f:?}");
    assert!(
        nansha
            .iter()
            .all(|(_, l, c)| *l == "REGION" && c.contains("南沙区")),
        "{f:?}"
    );
    // A clause is no zone's name; 港澳 of 港澳青年 is Hong Kong and Macao, 青 not Qinghai.
    assert!(f.iter().all(|(t, ..)| !t.starts_with("南沙将")), "{f:?}");
    assert!(has(&f, "港澳", "REGION"), "{f:?}");
    assert!(!has(&f, "港澳青", "REGION"), "{f:?}");
}

#[test]
fn a_word_in_brackets_is_no_short_form_unless_drawn_from_the_name_and_a_name_before_a_verb() {
    let f =
        found("一个足够长的标题\n\n项目将入驻粤港澳（国际）青年创新工场。新的国际合作正在展开。");
    assert!(!has(&f, "国际", "REGION"), "{f:?}");
    let f = found("一个足够长的标题\n\n市委常委、秘书长周蕾陪同调研。");
    assert!(has(&f, "周蕾", "PERSON"), "{f:?}");
    assert!(!has(&f, "周蕾陪", "PERSON"), "{f:?}");
}

#[test]
fn a_university_town_is_a_zone_and_a_determiner_names_no_body() {
    let f = found("一个足够长的标题\n\n代表团考察了松江大学城，各大学代表参加。");
    assert!(has(&f, "松江大学城", "REGION"), "{f:?}");
    assert!(!has(&f, "各大学", "ORG"), "{f:?}");
}
