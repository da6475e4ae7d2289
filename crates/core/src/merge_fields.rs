//! Texts with merge fields: `{first_name}` and the like are replaced by their
//! values. A field the text names but the caller does not know stays as written,
//! so a typo shows up in the text instead of vanishing; `{{` and `}}` write a
//! literal brace.

/// Replaces each `{name}` in `template` with `value(name)`; unknown names and
/// unclosed braces are kept as written.
pub fn fill_merge_fields<'a>(
    template: &str,
    mut value: impl FnMut(&str) -> Option<&'a str>,
) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{') {
            if let Some(end) = tail.find('}') {
                let name = &tail[1..end];
                let known = is_field_name(name).then(|| value(name)).flatten();
                match known {
                    Some(v) => out.push_str(v),
                    None => out.push_str(&tail[..=end]),
                }
                rest = &tail[end + 1..];
                continue;
            }
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// The field names a template uses, in order of first use.
pub fn merge_field_names(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let _ = fill_merge_fields(template, |name| {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        None
    });
    names
}

fn is_field_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(name: &str) -> Option<&'static str> {
        match name {
            "first_name" => Some("Ола"),
            "order_number" => Some("#1001"),
            _ => None,
        }
    }

    #[test]
    fn known_fields_are_replaced_and_unknown_ones_kept() {
        let cases = [
            ("Hello {first_name}!", "Hello Ола!"),
            ("{order_number}{first_name}", "#1001Ола"),
            ("Dear {frist_name}", "Dear {frist_name}"),
            ("{{first_name}} is a field", "{first_name} is a field"),
            ("a { b } c", "a { b } c"),
            ("unclosed {first_name", "unclosed {first_name"),
            ("stray } brace", "stray } brace"),
            ("", ""),
        ];
        for (template, want) in cases {
            assert_eq!(fill_merge_fields(template, fields), want, "{template:?}");
        }
    }

    #[test]
    fn field_names_are_listed_once_in_order() {
        let names = merge_field_names("{b} {a} {b} {{c}} { d }");
        assert_eq!(names, ["b", "a"]);
    }
}
