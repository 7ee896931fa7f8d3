//! Names as people type them: case, accents and spacing ignored, a unique prefix enough, close names suggested.

/// `s` as it is compared: words separated by one space, lowercase, the
/// accents of common Latin letters dropped ("  Zoë   KAUR " is "zoe kaur").
pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .map(unaccented)
        .collect()
}

/// A name as a file name's part: lower case, letters and digits kept
/// (accents too), every run of anything else one `-`: `zoë-kaur`.
pub fn slug(name: &str) -> String {
    let s: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    s.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether a typed name is `name` in full: case, spacing and the accents of
/// common Latin letters do not matter (José is confirmed by "jose").
pub fn same_name(typed: &str, name: &str) -> bool {
    !typed.trim().is_empty() && fold(typed) == fold(name)
}

/// The base letter of a lowercase accented Latin letter.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        other => other,
    }
}

/// How a typed name matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The whole name, ignoring case, accents and spacing.
    Whole,
    /// The start of the name, or of one of its words ("bil", "mensah").
    Prefix,
}

/// What a typed name found among candidates.
#[derive(Debug, PartialEq, Eq)]
pub enum Found<'a, T> {
    One(&'a T, How),
    /// Several match equally well: the user has to type more.
    Ambiguous(Vec<&'a T>),
    /// Nothing matches; these names are the closest (maybe none).
    Unknown(Vec<&'a T>),
}

/// Whether a folded name matches under one rule.
type Rule<'q> = dyn Fn(&str) -> bool + 'q;

/// The candidate `typed` means, by the first rule that matches anything:
/// the whole folded name, then the start of the name, then the start of a
/// later word. Two matches under one rule are ambiguous, never a guess.
pub fn find<'a, T>(typed: &str, items: &'a [T], name: impl Fn(&T) -> &str) -> Found<'a, T> {
    let q = fold(typed);
    if q.is_empty() {
        return Found::Unknown(vec![]);
    }
    let folded: Vec<(String, &T)> = items.iter().map(|i| (fold(name(i)), i)).collect();
    let rules: [(&Rule, How); 3] = [
        (&|n| n == q, How::Whole),
        (&|n| n.starts_with(&q), How::Prefix),
        (
            &|n| n.split(' ').skip(1).any(|w| w.starts_with(&q)),
            How::Prefix,
        ),
    ];
    for (rule, how) in rules {
        let hits: Vec<&T> = folded
            .iter()
            .filter(|(n, _)| rule(n))
            .map(|(_, i)| *i)
            .collect();
        match hits.len() {
            0 => {}
            1 => return Found::One(hits[0], how),
            _ => return Found::Ambiguous(hits),
        }
    }
    Found::Unknown(closest(&q, &folded))
}

/// At most three candidates nearest to `q` in edit distance, to the whole
/// name, to one of its words or to its start, when near enough to be a typo
/// (one edit in three letters).
fn closest<'a, T>(q: &str, folded: &[(String, &'a T)]) -> Vec<&'a T> {
    let len = q.chars().count();
    let limit = len.div_ceil(3).max(1);
    let start = |n: &str| n.chars().take(len).collect::<String>();
    let scored: Vec<(usize, &T)> = folded
        .iter()
        .map(|(n, i)| {
            let d = n
                .split(' ')
                .map(|w| distance(q, w))
                .chain([distance(q, n), distance(q, &start(n))])
                .min()
                .unwrap_or(usize::MAX);
            (d, *i)
        })
        .filter(|(d, _)| *d <= limit)
        .collect();
    let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
        return vec![];
    };
    scored
        .into_iter()
        .filter(|(d, _)| *d == best)
        .map(|(_, i)| i)
        .take(3)
        .collect()
}

/// Edit distance between `a` and `b`, by characters: insertions,
/// deletions, substitutions and swaps of two neighbours ("jsoe" is one
/// edit from "jose"), the typos people make.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// "A, B or C".
pub fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 6] = [
        "Bilal Mensah",
        "José Laurent",
        "Nadia Walsh",
        "Priya Byrne",
        "Priya Dubois",
        "Zoë Kaur",
    ];

    fn found(typed: &str) -> Found<'static, &'static str> {
        find(typed, &NAMES, |n| n)
    }

    #[test]
    fn a_typed_name_confirms_whatever_its_case_spacing_or_accents() {
        assert!(same_name("jose laurent", "José Laurent"));
        assert!(same_name("  ZOË   kaur ", "Zoë Kaur"));
        assert!(!same_name("jose", "José Laurent"));
        assert!(!same_name("", "José Laurent"));
        assert!(!same_name("Jose Laurant", "José Laurent"));
    }

    #[test]
    fn names_match_by_case_accents_and_unique_prefix() {
        assert_eq!(found("zoe kaur"), Found::One(&NAMES[5], How::Whole));
        assert_eq!(found("JOSÉ laurent"), Found::One(&NAMES[1], How::Whole));
        assert_eq!(found("bil"), Found::One(&NAMES[0], How::Prefix));
        assert_eq!(found("zoe k"), Found::One(&NAMES[5], How::Prefix));
        assert_eq!(found("mensah"), Found::One(&NAMES[0], How::Prefix));
        assert_eq!(found("priya d"), Found::One(&NAMES[4], How::Prefix));
    }

    #[test]
    fn a_whole_name_wins_over_a_longer_one_it_starts() {
        let names = ["Ana", "Ana Silva"];
        assert_eq!(
            find("ana", &names, |n| n),
            Found::One(&names[0], How::Whole)
        );
    }

    #[test]
    fn several_matches_are_ambiguous_and_none_suggests_the_closest() {
        assert_eq!(found("priya"), Found::Ambiguous(vec![&NAMES[3], &NAMES[4]]));
        assert_eq!(found("bilall"), Found::Unknown(vec![&NAMES[0]]));
        assert_eq!(found("jsoe"), Found::Unknown(vec![&NAMES[1]]));
        assert_eq!(found("priyaa"), Found::Unknown(vec![&NAMES[3], &NAMES[4]]));
        assert_eq!(found("xavier"), Found::Unknown(vec![]));
        assert_eq!(found("  "), Found::Unknown(vec![]));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("zoë", "zoe"), 1);
        assert_eq!(distance("same", "same"), 0);
        assert_eq!(distance("jsoe", "jose"), 1);
    }
}
