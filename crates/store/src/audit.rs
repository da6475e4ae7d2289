//! The audit log: who changed what, when, and through which door.

use crate::db::{params, Connection};
use crate::error::Result;
use crate::time::to_db;
use chrono::{DateTime, Utc};

/// Where a write came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditSource {
    /// A person in the desktop app.
    Ui,
    /// A file import.
    Import,
    /// A live sync with a shop platform.
    Sync,
    /// The command line.
    Cli,
}

impl AuditSource {
    pub(crate) fn as_str(&self) -> &'static str {
        match self {
            AuditSource::Ui => "ui",
            AuditSource::Import => "import",
            AuditSource::Sync => "sync",
            AuditSource::Cli => "cli",
        }
    }
}

/// Who is writing, through which door, and when: every write takes one, and
/// the store stamps what it writes with `at` (it never reads the clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// A person or process name.
    pub name: String,
    /// The door.
    pub source: AuditSource,
    /// The moment of the write.
    pub at: DateTime<Utc>,
}

impl Actor {
    /// An actor with a name and a source, writing at `at`.
    pub fn new(name: impl Into<String>, source: AuditSource, at: DateTime<Utc>) -> Self {
        Actor {
            name: name.into(),
            source,
            at,
        }
    }

    /// The same person writing at another moment.
    pub fn at(&self, at: DateTime<Utc>) -> Actor {
        Actor { at, ..self.clone() }
    }
}

/// Appends one entry inside the caller's transaction, so the log and the change
/// commit or roll back together.
pub(crate) fn record(
    conn: &Connection,
    actor: &Actor,
    entity: &str,
    entity_id: Option<i64>,
    action: &str,
    detail: &serde_json::Value,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, actor, source, entity, entity_id, action, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        to_db(actor.at),
        actor.name,
        actor.source.as_str(),
        entity,
        entity_id,
        action,
        detail.to_string()
    ])?;
    Ok(())
}
