//! The store's connection to its database, SQLite or PostgreSQL, behind one
//! small API shaped like rusqlite's: `prepare_cached`, `execute`, `query_row`,
//! `query_map`, `params!`, `row.get`. The store's SQL is written once, with
//! SQLite's `?N` parameters (rewritten to `$N` for PostgreSQL), and reads its
//! rows as SQLite values whichever backend answered (see [`pg_values`]).

mod error;
pub mod many_rows;
mod params;
mod pg_values;
mod placeholders;
pub mod server;
mod statement;

pub use error::{DbError, OptionalExtension, Result};
pub use params::{params_from_iter, Params};
pub use rusqlite::params;
pub use rusqlite::types::Value;
pub use rusqlite::ToSql;
pub use statement::{Row, Statement};

use pg_values::PgParam;
use rusqlite::types::{ToSqlOutput, ValueRef};
use std::cell::RefCell;
use std::collections::HashMap;

/// Statements kept prepared per PostgreSQL connection before the cache is
/// emptied (statements built from filters would otherwise pile up).
const PG_STATEMENT_CACHE: usize = 512;

/// One connection to the database.
pub enum Connection {
    /// An SQLite file.
    Sqlite(rusqlite::Connection),
    /// A PostgreSQL server.
    Postgres(Box<PgConnection>),
}

/// A PostgreSQL client with the statements it has prepared. Its socket is
/// driven by a thread of its own, so it answers the same whether the caller is
/// a plain thread or a task of an async runtime (the app's sync, its commands).
pub struct PgConnection {
    client: tokio_postgres::Client,
    statements: RefCell<HashMap<String, tokio_postgres::Statement>>,
}

/// Waits for a request to the server on the calling thread.
fn wait<T>(f: impl std::future::Future<Output = T>) -> T {
    futures_executor::block_on(f)
}

impl PgConnection {
    /// Wraps a connected client (its connection driven elsewhere).
    pub fn new(client: tokio_postgres::Client) -> Self {
        PgConnection {
            client,
            statements: RefCell::new(HashMap::new()),
        }
    }

    fn statement(&self, sql: &str) -> Result<tokio_postgres::Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let prepared =
            wait(self.client.prepare(&placeholders::to_postgres(sql))).map_err(|source| {
                DbError::Prepare {
                    sql: sql.to_string(),
                    source,
                }
            })?;
        let mut cache = self.statements.borrow_mut();
        if cache.len() >= PG_STATEMENT_CACHE {
            cache.clear();
        }
        cache.insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }

    fn query(
        &self,
        stmt: &tokio_postgres::Statement,
        values: &[&dyn ToSql],
    ) -> Result<Vec<tokio_postgres::Row>> {
        let owned = pg_params(values)?;
        Ok(wait(self.client.query(stmt, &param_refs(&owned)))?)
    }

    fn execute(&self, stmt: &tokio_postgres::Statement, values: &[&dyn ToSql]) -> Result<usize> {
        let owned = pg_params(values)?;
        Ok(wait(self.client.execute(stmt, &param_refs(&owned)))? as usize)
    }

    /// Runs statements separated by `;`, without parameters.
    pub fn batch_execute(&self, sql: &str) -> Result<()> {
        Ok(wait(self.client.batch_execute(sql))?)
    }

    /// Whether the connection to the server is gone.
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

/// SQLite values as PostgreSQL parameters.
fn pg_params(values: &[&dyn ToSql]) -> Result<Vec<PgParam>> {
    values
        .iter()
        .map(|v| {
            Ok(PgParam(match v.to_sql()? {
                ToSqlOutput::Borrowed(r) => owned(r),
                ToSqlOutput::Owned(v) => v,
                _ => {
                    return Err(DbError::Sqlite(rusqlite::Error::ToSqlConversionFailure(
                        "a parameter kind PostgreSQL is not sent".into(),
                    )))
                }
            }))
        })
        .collect()
}

/// The parameters as the client takes them.
fn param_refs(owned: &[PgParam]) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
    owned
        .iter()
        .map(|p| p as &(dyn tokio_postgres::types::ToSql + Sync))
        .collect()
}

/// A borrowed SQLite value, owned.
fn owned(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

impl Connection {
    /// The SQLite connection, when this is one (for what only SQLite has:
    /// pragmas, functions, `VACUUM INTO`).
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Connection::Sqlite(c) => Some(c),
            Connection::Postgres(_) => None,
        }
    }

    /// The SQLite connection, to change (a restore writes into it), if this is one.
    pub fn sqlite_mut(&mut self) -> Option<&mut rusqlite::Connection> {
        match self {
            Connection::Sqlite(c) => Some(c),
            Connection::Postgres(_) => None,
        }
    }

    /// Whether the connection is gone (a server connection that closed).
    pub fn is_closed(&self) -> bool {
        match self {
            Connection::Sqlite(_) => false,
            Connection::Postgres(c) => c.is_closed(),
        }
    }

    /// Whether this is a PostgreSQL connection.
    pub fn is_postgres(&self) -> bool {
        matches!(self, Connection::Postgres(_))
    }

    /// A statement, prepared once per connection and kept.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        Ok(match self {
            Connection::Sqlite(c) => Statement::Sqlite(c.prepare_cached(sql)?),
            Connection::Postgres(c) => Statement::Postgres {
                conn: c,
                stmt: c.statement(sql)?,
            },
        })
    }

    /// A statement built for one use (kept like the others while it is in
    /// the cache).
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        self.prepare_cached(sql)
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize> {
        match self {
            Connection::Sqlite(c) => {
                params.with_values(|v| Ok(c.execute(sql, rusqlite::params_from_iter(v.iter()))?))
            }
            Connection::Postgres(c) => {
                let stmt = c.statement(sql)?;
                params.with_values(|v| c.execute(&stmt, v))
            }
        }
    }

    /// Runs an `INSERT … RETURNING id`; the new row's id.
    pub fn insert(&self, sql: &str, params: impl Params) -> Result<i64> {
        self.prepare_cached(sql)?.insert(params)
    }

    /// The first row of a query, read by `f`; [`DbError::NoRows`] when there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    /// Runs statements separated by `;`, without parameters.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Connection::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Connection::Postgres(c) => c.batch_execute(sql),
        }
    }
}
