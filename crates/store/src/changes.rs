//! What changed in the database since a desk last looked, written by anyone:
//! another desk, a sync, the command line. On PostgreSQL the writing
//! transaction's triggers notify `courtesy_changes` with each table's name and
//! a listening connection hears it at commit. On SQLite the file's data
//! version (which moves when another connection commits) is read a few times
//! a second; it does not say which table changed.

use crate::db::server::{connect_listening, is_server_url};
use crate::db::PgConnection;
use crate::error::Result;
use crate::Store;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How often an SQLite file's data version is read.
const POLL: Duration = Duration::from_millis(250);

/// What a change on SQLite is reported as (the table is not known).
pub const ANY_TABLE: &str = "*";

/// A desk's feed of changes to the database.
pub struct ChangeFeed {
    source: Source,
}

enum Source {
    Sqlite {
        conn: rusqlite::Connection,
        version: i64,
    },
    Postgres {
        _conn: PgConnection,
        notices: Receiver<String>,
    },
}

fn data_version(conn: &rusqlite::Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
}

impl ChangeFeed {
    /// Waits up to `timeout` for changes; the names of the tables that changed
    /// (on SQLite, [`ANY_TABLE`]), or none when nothing did.
    pub fn wait(&mut self, timeout: Duration) -> Result<Vec<String>> {
        let until = Instant::now() + timeout;
        match &mut self.source {
            Source::Sqlite { conn, version } => loop {
                let now = data_version(conn)?;
                if now != *version {
                    *version = now;
                    return Ok(vec![ANY_TABLE.to_string()]);
                }
                let left = until.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Ok(Vec::new());
                }
                std::thread::sleep(left.min(POLL));
            },
            Source::Postgres { notices, .. } => {
                let mut tables = match notices.recv_timeout(timeout) {
                    Ok(t) => vec![t],
                    Err(RecvTimeoutError::Timeout) => return Ok(Vec::new()),
                    Err(RecvTimeoutError::Disconnected) => {
                        return Err(crate::error::StoreError::Invalid(
                            "the connection listening for changes closed".to_string(),
                        ))
                    }
                };
                while let Ok(t) = notices.try_recv() {
                    tables.push(t);
                }
                tables.sort();
                tables.dedup();
                Ok(tables)
            }
        }
    }
}

impl Store {
    /// A feed of the changes made to this database from now on, by anyone.
    pub fn change_feed(&self) -> Result<ChangeFeed> {
        let location = self.path.to_string_lossy();
        let source = if is_server_url(&location) {
            let (sender, notices) = std::sync::mpsc::channel();
            let conn = connect_listening(&location, sender)?;
            conn.batch_execute("LISTEN courtesy_changes")?;
            Source::Postgres {
                _conn: conn,
                notices,
            }
        } else {
            let conn = rusqlite::Connection::open_with_flags(
                &self.path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            let version = data_version(&conn)?;
            Source::Sqlite { conn, version }
        };
        Ok(ChangeFeed { source })
    }
}
