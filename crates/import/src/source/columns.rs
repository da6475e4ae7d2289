//! Finding a file's columns by name: case-insensitive, trimmed, in any order,
//! with alternative names for headers that changed between export generations.

use csv::StringRecord;
use std::collections::HashMap;

/// A file's header row, indexed by normalised column name.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

fn normalise(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Header {
    /// Indexes header cells; when a name repeats, the first column wins.
    pub(crate) fn new(names: Vec<String>) -> Self {
        let mut index = HashMap::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            index.entry(normalise(name)).or_insert(i);
        }
        Header { names, index }
    }

    /// The header cells as the file has them (trimmed).
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    /// Whether a column of that name is present.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.index.contains_key(&normalise(name))
    }

    /// The first of `names` that the file has; an absent column reads as empty.
    pub(crate) fn column(&self, names: &[&'static str]) -> Column {
        for name in names {
            if let Some(&index) = self.index.get(&normalise(name)) {
                return Column {
                    index: Some(index),
                    name,
                };
            }
        }
        Column {
            index: None,
            name: names.first().copied().unwrap_or(""),
        }
    }

    /// The column whose header is `header` (a name known only at run time, as a
    /// column mapping gives it), called `label` in error messages.
    pub(crate) fn column_named(&self, header: &str, label: &'static str) -> Column {
        Column {
            index: self.index.get(&normalise(header)).copied(),
            name: label,
        }
    }
}

/// One column of a known format, resolved against a file's header.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    index: Option<usize>,
    /// The column's header, for error messages.
    pub(crate) name: &'static str,
}

impl Column {
    /// A column the file does not have, called `name` in error messages; its
    /// cells read as empty.
    pub(crate) fn absent(name: &'static str) -> Column {
        Column { index: None, name }
    }

    /// Whether the file has this column.
    pub(crate) fn is_present(&self) -> bool {
        self.index.is_some()
    }

    /// The trimmed cell of this column in `row`; empty when the file lacks the
    /// column or the row is short.
    pub(crate) fn text<'r>(&self, row: &'r StringRecord) -> &'r str {
        self.index
            .and_then(|i| row.get(i))
            .map(str::trim)
            .unwrap_or("")
    }
}

/// Declares a struct of [`Column`]s resolved from a [`Header`] by name, with
/// alternative names after `|` (the first one the file has is used).
macro_rules! column_set {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $header:literal $(| $alt:literal)*,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub(crate) struct $name {
            $(pub(crate) $field: $crate::source::columns::Column,)*
        }

        impl $name {
            /// Finds each column in `header`.
            pub(crate) fn resolve(header: &$crate::source::columns::Header) -> Self {
                $name {
                    $($field: header.column(&[$header $(, $alt)*]),)*
                }
            }
        }
    };
}

pub(crate) use column_set;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_ignoring_case_and_spaces() {
        let header = Header::new(vec![" Email ".into(), "CREATED AT".into()]);
        let row = StringRecord::from(vec![" a@b.pl ", "2024-01-01"]);
        assert_eq!(header.column(&["email"]).text(&row), "a@b.pl");
        assert_eq!(header.column(&["Created at"]).text(&row), "2024-01-01");
        assert_eq!(
            header.column(&["Phone"]).text(&row),
            "",
            "absent column reads empty"
        );
        assert_eq!(header.column(&["Missing", "Email"]).text(&row), "a@b.pl");
    }
}
