//! Text folding for search: case, diacritics and script differences removed, so
//! `Łukasz`, `lukasz` and `ŁUKASZ` meet, and `Иванов` is also found as `Ivanov`.

/// Lower-cases and transliterates to ASCII (`Żółć` → `zolc`, `Смирнова` → `smirnova`),
/// keeping letters, digits, `@`, `.`, `-`, `_`, `+` and single spaces.
pub fn fold_for_search(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    let mut space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '-' | '_' | '+') {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// The digits of a typed phone number or fragment (`+48 601-234` → `48601234`),
/// or `None` when the text is not mostly a number (so `Jan 3` is not a phone search).
pub fn phone_search_digits(query: &str) -> Option<String> {
    let t = query.trim();
    if t.is_empty() {
        return None;
    }
    let phoneish = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.' | '/'));
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    (phoneish && !digits.is_empty()).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_diacritics_and_script() {
        let cases = [
            ("Łukasz Wójcik", "lukasz wojcik"),
            ("ŻÓŁĆ", "zolc"),
            ("Смирнова Ольга", "smirnova ol'ga"),
            ("Jürgen  Müller", "jurgen muller"),
            ("Väinö Äijälä", "vaino aijala"),
            ("anna.nowak@wp.pl", "anna.nowak@wp.pl"),
        ];
        for (raw, want) in cases {
            let got = fold_for_search(raw);
            let want = want.replace('\'', " ");
            assert_eq!(
                got,
                want.split_whitespace().collect::<Vec<_>>().join(" "),
                "fold of {raw:?}"
            );
        }
    }

    #[test]
    fn phone_fragments_are_recognised_by_shape() {
        assert_eq!(phone_search_digits("+48 601-234"), Some("48601234".into()));
        assert_eq!(phone_search_digits("(912) 345"), Some("912345".into()));
        assert_eq!(phone_search_digits("Jan 3"), None);
        assert_eq!(phone_search_digits("#1001"), None);
        assert_eq!(phone_search_digits("  "), None);
    }
}
