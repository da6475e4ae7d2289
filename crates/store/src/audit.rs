//! The audit log: who changed what, when, and through which door.

use crate::error::Result;
use crate::time::now_db;
use rusqlite::{params, Connection};

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

/// Who is writing: a staff member's name (or the OS user) and the door they used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// A person or process name.
    pub name: String,
    /// The door.
    pub source: AuditSource,
}

impl Actor {
    /// An actor with a name and a source.
    pub fn new(name: impl Into<String>, source: AuditSource) -> Self {
        Actor {
            name: name.into(),
            source,
        }
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
        now_db(),
        actor.name,
        actor.source.as_str(),
        entity,
        entity_id,
        action,
        detail.to_string()
    ])?;
    Ok(())
}
