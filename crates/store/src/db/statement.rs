//! Prepared statements, the rows they return and reading a row's columns.

use super::error::{DbError, Result};
use super::params::Params;
use super::pg_values::PgCell;
use super::PgConnection;
use rusqlite::types::{FromSql, ValueRef};

/// A prepared statement on either backend.
pub enum Statement<'c> {
    /// SQLite's, from the connection's cache.
    Sqlite(rusqlite::CachedStatement<'c>),
    /// PostgreSQL's, with the connection it runs on.
    Postgres {
        /// The connection.
        conn: &'c PgConnection,
        /// The prepared statement.
        stmt: tokio_postgres::Statement,
    },
}

impl Statement<'_> {
    /// Runs the statement; the number of rows it changed.
    pub fn execute(&mut self, params: impl Params) -> Result<usize> {
        match self {
            Statement::Sqlite(s) => {
                params.with_values(|v| Ok(s.execute(rusqlite::params_from_iter(v.iter()))?))
            }
            Statement::Postgres { conn, stmt } => params.with_values(|v| conn.execute(stmt, v)),
        }
    }

    /// How many columns a row of the result has.
    pub fn column_count(&self) -> usize {
        match self {
            Statement::Sqlite(s) => s.column_count(),
            Statement::Postgres { stmt, .. } => stmt.columns().len(),
        }
    }

    /// The names of a row's columns, in order.
    pub fn column_names(&self) -> Vec<String> {
        match self {
            Statement::Sqlite(s) => s.column_names().map(str::to_string).collect(),
            Statement::Postgres { stmt, .. } => stmt
                .columns()
                .iter()
                .map(|c| c.name().to_string())
                .collect(),
        }
    }

    /// Runs an `INSERT … RETURNING id`; the new row's id.
    pub fn insert(&mut self, params: impl Params) -> Result<i64> {
        self.query_row(params, |r| r.get(0))
    }

    /// The first row, read by `f`; [`DbError::NoRows`] when there is none.
    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut rows = self.query(params)?;
        match rows.next()? {
            Some(row) => f(&row),
            None => Err(DbError::NoRows),
        }
    }

    /// The rows, each read by `f`.
    pub fn query_map<T, F>(&mut self, params: impl Params, f: F) -> Result<MappedRows<'_, F>>
    where
        F: FnMut(&Row<'_>) -> Result<T>,
    {
        Ok(MappedRows {
            rows: self.query(params)?,
            f,
        })
    }

    /// The rows, to step through with [`Rows::next`].
    pub fn query(&mut self, params: impl Params) -> Result<Rows<'_>> {
        match self {
            Statement::Sqlite(s) => {
                Ok(Rows::Sqlite(params.with_values(|v| {
                    s.query(rusqlite::params_from_iter(v.iter()))
                })?))
            }
            Statement::Postgres { conn, stmt } => {
                let rows = params.with_values(|v| conn.query(stmt, v))?;
                Ok(Rows::Postgres {
                    rows: rows.into_iter(),
                    current: None,
                })
            }
        }
    }
}

/// The rows of a query.
pub enum Rows<'s> {
    /// SQLite's, stepped one at a time.
    Sqlite(rusqlite::Rows<'s>),
    /// PostgreSQL's, all fetched.
    Postgres {
        /// The rows not yet read.
        rows: std::vec::IntoIter<tokio_postgres::Row>,
        /// The row last returned.
        current: Option<tokio_postgres::Row>,
    },
}

impl Rows<'_> {
    /// The next row, or `None` after the last.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Row<'_>>> {
        match self {
            Rows::Sqlite(rows) => Ok(rows.next()?.map(Row::Sqlite)),
            Rows::Postgres { rows, current } => {
                *current = rows.next();
                Ok(current.as_ref().map(Row::Postgres))
            }
        }
    }
}

/// The rows of a query, each read by a function.
pub struct MappedRows<'s, F> {
    rows: Rows<'s>,
    f: F,
}

impl<T, F> Iterator for MappedRows<'_, F>
where
    F: FnMut(&Row<'_>) -> Result<T>,
{
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match self.rows.next() {
            Ok(Some(row)) => Some((self.f)(&row)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// One row of a result.
pub enum Row<'r> {
    /// SQLite's.
    Sqlite(&'r rusqlite::Row<'r>),
    /// PostgreSQL's.
    Postgres(&'r tokio_postgres::Row),
}

/// How a column is named: by position (from 0) or by name.
pub trait ColumnIndex:
    rusqlite::RowIndex + tokio_postgres::row::RowIndex + std::fmt::Display + Copy
{
    /// The position, where it is one.
    fn position(self) -> usize;
}

impl ColumnIndex for usize {
    fn position(self) -> usize {
        self
    }
}

impl ColumnIndex for &str {
    fn position(self) -> usize {
        0
    }
}

impl Row<'_> {
    /// The column's value as `T`, converted as rusqlite converts SQLite's values.
    pub fn get<I: ColumnIndex, T: FromSql>(&self, idx: I) -> Result<T> {
        match self {
            Row::Sqlite(r) => Ok(r.get(idx)?),
            Row::Postgres(r) => {
                let PgCell(value) = r.try_get(idx)?;
                T::column_result(ValueRef::from(&value))
                    .map_err(|e| DbError::conversion(idx.position(), e))
            }
        }
    }
}
