//! Many rows in one `INSERT`: on a server every statement is a round trip, so
//! bulk writes (a copy, a batch of gift plans) send rows by the hundred.

use super::{params_from_iter, Connection, Result, Value};

/// Parameters one statement may carry (both backends take more; this keeps a
/// statement's text and its parameter list a reasonable size).
pub const MAX_PARAMS: usize = 30_000;

/// `(?1, ?2), (?3, ?4)`: the `VALUES` list of `rows` rows of `cols` parameters.
pub fn values_list(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let marks: Vec<String> = (1..=cols).map(|c| format!("?{}", r * cols + c)).collect();
            format!("({})", marks.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inserts `rows` with `head` (`INSERT INTO t (a, b) VALUES`, or with
/// `OVERRIDING …`), as many rows per statement as [`MAX_PARAMS`] allows;
/// `tail` follows the values (e.g. `RETURNING order_id, id`), and each row it
/// returns is handed to `returned`.
pub fn insert_many(
    conn: &Connection,
    head: &str,
    tail: &str,
    rows: &[Vec<Value>],
    returned: &mut dyn FnMut(&super::Row<'_>) -> Result<()>,
) -> Result<()> {
    let cols = rows.first().map_or(1, Vec::len).max(1);
    for chunk in rows.chunks((MAX_PARAMS / cols).max(1)) {
        // Full chunks repeat the same text: prepared once per connection.
        let sql = format!("{head} {} {tail}", values_list(chunk.len(), cols));
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut out = stmt.query(params_from_iter(chunk.iter().flatten()))?;
        while let Some(row) = out.next()? {
            returned(&row)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_list_numbers_every_parameter() {
        assert_eq!(values_list(2, 3), "(?1, ?2, ?3), (?4, ?5, ?6)");
        assert_eq!(values_list(1, 1), "(?1)");
    }
}
