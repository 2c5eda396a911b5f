//! Lookup tables generated into `assets/` (see assets/SOURCES.md), parsed once on first use.

// Looked up for every word of every article: a fast hash (the keys are our own tables).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// One administrative division or country from the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    /// Division code, or the ISO alpha-3 code for a country.
    pub code: String,
    /// Full Chinese name (天津市).
    pub zh: String,
    /// Chinese name without its administrative suffix (天津).
    pub zh_short: String,
    pub level: Level,
    /// Full Chinese name of the province it belongs to (itself for a province).
    pub province: String,
    /// English forms, the plain pinyin form first (Tianjin, Tianjin City, …).
    pub english: Vec<String>,
}

impl Place {
    /// Whether the place comes from the GeoNames table of cities abroad (assets/geonames_cities.tsv).
    pub fn is_from_geonames(&self) -> bool {
        self.code.starts_with("GN")
    }
}

/// Administrative level, most general first (used to choose between places sharing a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Country,
    /// A city abroad (Moscow, 莫斯科).
    WorldCity,
    Province,
    City,
    CountyCity,
    District,
}

impl Level {
    /// Whether the bare name (天津, Yingtan) is used alone in text; districts and counties are
    /// named with their suffix (城阳区, Chengyang District), their bare names being too ambiguous.
    pub fn bare_name_used(self) -> bool {
        self <= Level::City
    }
}

/// Every table gazette's recognizers use.
pub struct Tables {
    pub places: Vec<Place>,
    /// Chinese surnames (one or two characters) with their frequency in parts per million.
    pub surnames_zh: HashMap<String, f64>,
    /// Romanized surnames, lower case: pinyin readings and other spellings (Wade-Giles, …).
    pub surnames_roman: HashSet<String>,
    /// The pinyin readings alone: other spellings ('to', 'so', 'man') are English words too.
    pub surnames_pinyin: HashSet<String>,
    /// Characters used in Chinese given names, with their frequency there (parts per million).
    pub given_chars: HashMap<char, f64>,
    /// Toneless pinyin syllables, lower case.
    pub syllables: HashSet<String>,
}

/// The tables, parsed from the files embedded at build time.
pub static TABLES: LazyLock<Tables> = LazyLock::new(Tables::load);

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

impl Tables {
    fn load() -> Tables {
        let mut places = Vec::new();
        for r in rows(include_str!("../../assets/regions.tsv")).filter(|r| r.len() >= 7) {
            let level = match r[3] {
                "province" | "municipality" => Level::Province,
                "city" => Level::City,
                "county_city" => Level::CountyCity,
                _ => Level::District,
            };
            places.push(Place {
                code: r[0].into(),
                zh: r[1].into(),
                zh_short: r[2].into(),
                level,
                province: r[4].into(),
                english: r[6].split('|').map(String::from).collect(),
            });
        }
        // Cities whose English name is not their pinyin (Harbin, Lhasa, Kashgar): more forms,
        // bare and with `City` (Tumxuk City).
        let conventional: HashMap<&str, &str> =
            rows(include_str!("../../assets/conventional_names.tsv"))
                .filter(|r| r.len() >= 3)
                .map(|r| (r[0], r[2]))
                .collect();
        for place in &mut places {
            if let Some(names) = conventional.get(place.code.as_str()) {
                for name in names.split('|') {
                    place.english.push(name.to_string());
                    place.english.push(format!("{name} City"));
                }
            }
        }
        // Countries, world regions and cities abroad: code, Chinese name, English names.
        let foreign = [
            include_str!("../../assets/countries.tsv"),
            include_str!("../../assets/world_regions.tsv"),
        ];
        let cities = [
            include_str!("../../assets/world_cities.tsv"),
            include_str!("../../assets/geonames_cities.tsv"),
        ];
        let foreign = foreign
            .into_iter()
            .map(|tsv| (tsv, Level::Country))
            .chain(cities.map(|tsv| (tsv, Level::WorldCity)));
        for (tsv, level) in foreign {
            for r in rows(tsv).filter(|r| r.len() >= 3) {
                places.push(Place {
                    code: r[0].into(),
                    zh: r[1].into(),
                    zh_short: r[1].into(),
                    level,
                    province: String::new(),
                    english: (r[2].split('|'))
                        .filter(|f| !f.is_empty())
                        .map(String::from)
                        .collect(),
                });
            }
        }
        // The short names countries go by (俄罗斯 for 俄罗斯联邦, Russia, UK).
        let short_names: HashMap<&str, (&str, &str)> =
            rows(include_str!("../../assets/country_names.tsv"))
                .filter(|r| r.len() >= 3)
                .map(|r| (r[0], (r[1], r[2])))
                .collect();
        for p in places.iter_mut().filter(|p| p.level == Level::Country) {
            if let Some(&(zh, english)) = short_names.get(p.code.as_str()) {
                if zh.chars().count() >= 2 && zh != p.zh {
                    p.zh_short = zh.into();
                }
                for form in english.split('|').filter(|f| !f.is_empty()) {
                    if !p.english.iter().any(|e| e == form) {
                        p.english.push(form.into());
                    }
                }
            }
        }
        let mut surnames_zh = HashMap::default();
        let mut surnames_pinyin = HashSet::default();
        for r in rows(include_str!("../../assets/surnames.tsv")).filter(|r| r.len() >= 3) {
            surnames_zh.insert(r[0].to_string(), r[1].parse().unwrap_or(0.0));
            surnames_pinyin.extend(r[2].split('|').map(String::from));
        }
        let mut surnames_roman = surnames_pinyin.clone();
        for r in rows(include_str!("../../assets/surname_spellings.tsv")) {
            surnames_roman.insert(r[0].to_lowercase());
        }
        let given_chars = rows(include_str!("../../assets/given_chars.tsv"))
            .filter_map(|r| Some((r[0].chars().next()?, r.get(2)?.parse().unwrap_or(0.0))))
            .collect();
        let syllables = rows(include_str!("../../assets/pinyin_syllables.txt"))
            .map(|r| r[0].to_string())
            .collect();
        Tables {
            places,
            surnames_zh,
            surnames_roman,
            surnames_pinyin,
            given_chars,
            syllables,
        }
    }

    /// Splits a lower-case word into 1–3 pinyin syllables ('maojun' → mao, jun), if it is pinyin.
    /// Apostrophes and hyphens mark syllable boundaries and must fall on one.
    pub fn pinyin_syllables(&self, word: &str) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for part in word.split(['-', '\'', '’']) {
            out.extend(self.split_run(part)?);
        }
        (!out.is_empty() && out.len() <= 3).then_some(out)
    }

    /// Longest-first split of a run of letters into syllables, backtracking when needed
    /// ('xian' is one syllable, 'xinan' is xin + an or xi + nan: the first split found wins).
    fn split_run(&self, run: &str) -> Option<Vec<String>> {
        if run.is_empty() {
            return None;
        }
        fn go(t: &Tables, s: &str, acc: &mut Vec<String>) -> bool {
            if s.is_empty() {
                return true;
            }
            for len in (1..=s.len().min(6)).rev() {
                if s.is_char_boundary(len) && t.syllables.contains(&s[..len]) {
                    acc.push(s[..len].to_string());
                    if acc.len() <= 3 && go(t, &s[len..], acc) {
                        return true;
                    }
                    acc.pop();
                }
            }
            false
        }
        let lower = run.to_lowercase();
        let mut acc = Vec::new();
        go(self, &lower, &mut acc).then_some(acc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_with_their_expected_sizes() {
        let t = &*TABLES;
        assert!(t.places.len() > 3000, "{}", t.places.len());
        assert!(t.surnames_zh.len() > 500);
        assert!(t.syllables.len() > 400);
        assert!(t.surnames_roman.contains("liao") && t.surnames_roman.contains("ouyang"));
        assert!(t.given_chars.contains_key(&'飞'));
    }

    #[test]
    fn gazetteer_has_pinyin_and_english_forms() {
        let find = |zh: &str| {
            TABLES
                .places
                .iter()
                .find(|p| p.zh == zh)
                .unwrap_or_else(|| panic!("{zh} missing"))
        };
        assert_eq!(
            find("天津市").english,
            ["Tianjin", "Tianjin City", "Tianjin Municipality"]
        );
        assert!(find("城阳区")
            .english
            .contains(&"Chengyang District".to_string()));
        assert!(find("余江区")
            .english
            .contains(&"Yujiang District".to_string()));
        assert!(find("滨海新区")
            .english
            .contains(&"Binhai New Area".to_string()));
        // Polyphones read as in the place names.
        assert_eq!(find("重庆市").english[0], "Chongqing");
        assert_eq!(find("长沙市").english[0], "Changsha");
        assert_eq!(find("厦门市").english[0], "Xiamen");
        assert_eq!(find("东南亚").english, ["Southeast Asia"]);
        assert_eq!(find("德国").english[0], "Germany");
    }

    #[test]
    fn pinyin_splitting() {
        let t = &*TABLES;
        assert_eq!(
            t.pinyin_syllables("Maojun"),
            Some(vec!["mao".into(), "jun".into()])
        );
        assert_eq!(
            t.pinyin_syllables("guo-xun"),
            Some(vec!["guo".into(), "xun".into()])
        );
        assert_eq!(t.pinyin_syllables("jinping").map(|s| s.len()), Some(2));
        assert_eq!(t.pinyin_syllables("brzozowski"), None);
        assert_eq!(t.pinyin_syllables("investigation"), None);
        assert_eq!(t.pinyin_syllables("gu-"), None);
    }
}
