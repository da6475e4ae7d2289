//! Copying a whole shop from one database to another (SQLite to PostgreSQL
//! and back): every table in key order, in batches of many rows per
//! statement, into an empty database in one transaction with the triggers
//! off (the rows already hold what they would write); then the search index is
//! rebuilt for the destination's backend, and each table is checked: the same
//! number of rows and the same checksum of their contents on both sides.

mod tables;

use crate::customers::search_index;
use crate::db::many_rows::insert_many;
use crate::db::{params_from_iter, Connection, OptionalExtension, Value};
use crate::error::{Result, StoreError};
use crate::transaction::set_triggers;
use crate::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tables::{Table, SEARCH_INDEX, TABLES};

/// Rows read per page (written in as few statements as the parameter limit
/// allows, see [`insert_many`]).
const PAGE: usize = 2_000;

/// One table as copied and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CopiedTable {
    /// Its name.
    pub table: String,
    /// Rows in the source and in the copy.
    #[ts(type = "number")]
    pub rows: i64,
    /// The SHA-256 of its rows' contents, in key order (the same on both sides).
    pub checksum: String,
}

/// The columns of `table`, in the database's own order.
fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let sql = if conn.is_postgres() {
        "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ?1
           AND is_generated = 'NEVER' ORDER BY ordinal_position"
    } else {
        "SELECT name FROM pragma_table_info(?1) ORDER BY cid"
    };
    let mut cols: Vec<String> = conn
        .prepare(sql)?
        .query_map([table], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?;
    // SQLite's implicit rowid, where the other backend names it as a column.
    if table == "import_row_errors" && !cols.iter().any(|c| c == "rowid") {
        cols.insert(0, "rowid".to_string());
    }
    Ok(cols)
}

/// The rows of `table` after `after` (its key's values), at most `PAGE`, in key order.
fn page(
    conn: &Connection,
    table: &Table,
    cols: &[String],
    after: Option<&[Value]>,
) -> Result<Vec<Vec<Value>>> {
    let quoted: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
    let key = table.key.join(", ");
    let condition = match after {
        None => String::new(),
        Some(_) => {
            let marks: Vec<String> = (1..=table.key.len()).map(|i| format!("?{i}")).collect();
            format!("WHERE ({key}) > ({})", marks.join(", "))
        }
    };
    let sql = format!(
        "SELECT {} FROM {} {condition} ORDER BY {key} LIMIT {PAGE}",
        quoted.join(", "),
        table.name
    );
    let n = cols.len();
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(after.unwrap_or_default().iter()), |r| {
            (0..n).map(|i| r.get::<_, Value>(i)).collect()
        })?
        .collect::<crate::db::Result<_>>()?;
    Ok(rows)
}

/// The key's values of `row`.
fn key_of(table: &Table, cols: &[String], row: &[Value]) -> Vec<Value> {
    table
        .key
        .iter()
        .map(|k| {
            cols.iter()
                .position(|c| c == k)
                .map_or(Value::Null, |i| row[i].clone())
        })
        .collect()
}

/// Adds one row to a checksum: each value with its kind, so 1 and '1' differ.
fn hash_row(hash: &mut Sha256, row: &[Value]) {
    for v in row {
        match v {
            Value::Null => hash.update(b"n;"),
            Value::Integer(i) => hash.update(format!("i{i};").as_bytes()),
            Value::Real(f) => hash.update(format!("r{f:?};").as_bytes()),
            Value::Text(t) => {
                hash.update(format!("t{}:", t.len()).as_bytes());
                hash.update(t.as_bytes());
            }
            Value::Blob(b) => {
                hash.update(format!("b{}:", b.len()).as_bytes());
                hash.update(b);
            }
        }
    }
    hash.update(b"\n");
}

/// Reads every row of `table` in key order, giving each page to `each`.
fn scan(
    conn: &Connection,
    table: &Table,
    cols: &[String],
    mut each: impl FnMut(&[Vec<Value>]) -> Result<()>,
) -> Result<()> {
    let mut after: Option<Vec<Value>> = None;
    loop {
        let rows = page(conn, table, cols, after.as_deref())?;
        if rows.is_empty() {
            return Ok(());
        }
        each(&rows)?;
        if rows.len() < PAGE {
            return Ok(());
        }
        after = rows.last().map(|r| key_of(table, cols, r));
    }
}

/// The count and checksum of `table`'s rows over `cols`.
fn checksum(conn: &Connection, table: &Table, cols: &[String]) -> Result<(i64, String)> {
    let mut hash = Sha256::new();
    let mut rows = 0i64;
    scan(conn, table, cols, |page| {
        for row in page {
            hash_row(&mut hash, row);
        }
        rows += page.len() as i64;
        Ok(())
    })?;
    let digest = hash.finalize();
    Ok((rows, digest.iter().map(|b| format!("{b:02x}")).collect()))
}

/// Writes `rows` into `table` with as few statements as the parameter limit allows.
fn insert_rows(conn: &Connection, table: &str, cols: &[String], rows: &[Vec<Value>]) -> Result<()> {
    let quoted: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
    let overriding = if conn.is_postgres() {
        " OVERRIDING SYSTEM VALUE"
    } else {
        ""
    };
    let head = format!(
        "INSERT INTO {table} ({}){overriding} VALUES",
        quoted.join(", ")
    );
    Ok(insert_many(conn, &head, "", rows, &mut |_| Ok(()))?)
}

/// The columns both sides have; a column only one side has is an error
/// (the two are not at the same schema).
fn shared_columns(src: &Connection, dst: &Connection, table: &str) -> Result<Vec<String>> {
    let (from, to) = (columns(src, table)?, columns(dst, table)?);
    let mut a = from.clone();
    let mut b = to.clone();
    a.sort();
    b.sort();
    if a != b {
        return Err(StoreError::Invalid(format!(
            "the table {table} differs between the two databases ({} and {} columns)",
            from.len(),
            to.len()
        )));
    }
    Ok(to)
}

/// After rows with their own ids went into PostgreSQL, its identity columns
/// go on after the highest id.
fn advance_identities(conn: &Connection) -> Result<()> {
    if !conn.is_postgres() {
        return Ok(());
    }
    for table in TABLES {
        let [key @ ("id" | "rowid")] = table.key else {
            continue;
        };
        conn.query_row(
            &format!(
                "SELECT setval(CAST(seq AS regclass), (SELECT coalesce(max({key}), 0) + 1 FROM {}), false)
                 FROM (SELECT pg_get_serial_sequence(?1, ?2) AS seq) AS s WHERE seq IS NOT NULL",
                table.name
            ),
            [table.name, key],
            |_| Ok(()),
        )
        .optional()?;
    }
    Ok(())
}

impl Store {
    /// Copies the whole shop in this database into `dest`, which must hold no
    /// data, and checks the copy table by table. `progress` hears each table
    /// as it is done. The source is read in one snapshot; the copy is one
    /// transaction, so a copy that fails leaves `dest` empty.
    pub fn copy_into(
        &self,
        dest: &Store,
        progress: &mut dyn FnMut(&CopiedTable),
    ) -> Result<Vec<CopiedTable>> {
        self.in_snapshot(|src| dest.write(|dst| copy_tables(src, dst, progress)))
    }

    /// Runs `f` on a reader inside one read transaction: the database at one
    /// moment, however long `f` takes and whoever writes meanwhile.
    fn in_snapshot<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.read(|src| {
            src.execute_batch(if src.is_postgres() {
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
            } else {
                "BEGIN"
            })?;
            let done = f(src);
            let _ = src.execute_batch("COMMIT");
            done
        })
    }

    /// Puts the whole shop in this database in place of everything in `dest`,
    /// in one transaction of `dest`: its rows are deleted (triggers off), then
    /// copied and checked as [`Store::copy_into`] does. A failure leaves `dest`
    /// as it was.
    pub fn copy_replacing(&self, dest: &Store) -> Result<Vec<CopiedTable>> {
        self.in_snapshot(|src| {
            dest.write(|dst| {
                set_triggers(dst, false)?;
                let emptied = (|| {
                    dst.execute(&format!("DELETE FROM {SEARCH_INDEX}"), [])?;
                    for table in TABLES.iter().rev() {
                        dst.execute(&format!("DELETE FROM {}", table.name), [])?;
                    }
                    Ok::<_, StoreError>(())
                })();
                if let Err(e) = emptied {
                    let _ = set_triggers(dst, true);
                    return Err(e);
                }
                copy_tables(src, dst, &mut |_| {})
            })
        })
    }
}

fn copy_tables(
    src: &Connection,
    dst: &Connection,
    progress: &mut dyn FnMut(&CopiedTable),
) -> Result<Vec<CopiedTable>> {
    for table in TABLES {
        let any: bool = dst.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {})", table.name),
            [],
            |r| r.get(0),
        )?;
        if any {
            return Err(StoreError::Invalid(format!(
                "the database to copy into already holds data (in {}); a shop is only copied into an empty one",
                table.name
            )));
        }
    }
    set_triggers(dst, false)?;
    let copied = (|| {
        let mut done = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            let cols = shared_columns(src, dst, table.name)?;
            scan(src, table, &cols, |rows| {
                insert_rows(dst, table.name, &cols, rows)
            })?;
            let (rows, sum) = checksum(src, table, &cols)?;
            let (copied_rows, copied_sum) = checksum(dst, table, &cols)?;
            if (rows, &sum) != (copied_rows, &copied_sum) {
                return Err(StoreError::Invalid(format!(
                    "the copy of {} does not match: {rows} rows, {copied_rows} copied",
                    table.name
                )));
            }
            let entry = CopiedTable {
                table: table.name.to_string(),
                rows,
                checksum: sum,
            };
            progress(&entry);
            done.push(entry);
        }
        advance_identities(dst)?;
        search_index::rebuild(dst)?;
        crate::dialect::refresh_statistics(dst)?;
        Ok(done)
    })();
    // On an error the transaction is rolled back (and on PostgreSQL takes no
    // more statements): the copy's error is the one to report.
    let reset = set_triggers(dst, true);
    let copied = copied?;
    reset?;
    Ok(copied)
}

/// Every table of a database (but the search index's own), by name: what a
/// copy must cover.
pub(crate) fn schema_tables(conn: &Connection) -> Result<Vec<String>> {
    let sql = if conn.is_postgres() {
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'customer_search%' ORDER BY 1"
    };
    let names: Vec<String> = conn
        .prepare(sql)?
        .query_map([], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?;
    Ok(names
        .into_iter()
        .filter(|n| n != SEARCH_INDEX && n != "schema_version")
        .collect())
}

impl Store {
    /// Whether every table of this database is one a copy covers (for tests).
    pub fn copy_covers_every_table(&self) -> Result<bool> {
        self.read(|c| {
            let mut all = schema_tables(c)?;
            all.sort();
            let mut covered: Vec<String> = TABLES.iter().map(|t| t.name.to_string()).collect();
            covered.sort();
            Ok(all == covered)
        })
    }
}
