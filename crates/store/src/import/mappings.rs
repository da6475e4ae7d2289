//! Column mappings remembered by header signature, so a CSV of a shape seen
//! before imports without asking again. The mapping itself is JSON owned by the
//! import crate; the store only keeps it.

use crate::audit::{record, Actor};
use crate::db::{params, OptionalExtension};
use crate::error::Result;
use crate::time::to_db;
use crate::Store;
use serde_json::json;

impl Store {
    /// The mapping saved for files whose header has this signature.
    pub fn saved_mapping(&self, signature: &str) -> Result<Option<String>> {
        self.read(|c| {
            Ok(
                c.prepare_cached("SELECT mapping FROM csv_mappings WHERE signature = ?1")?
                    .query_row([signature], |r| r.get(0))
                    .optional()?,
            )
        })
    }

    /// Remembers `mapping_json` for files whose header has this signature.
    pub fn save_mapping(&self, signature: &str, mapping_json: &str, actor: &Actor) -> Result<()> {
        self.write(|tx| {
            let old: Option<String> = tx
                .query_row("SELECT mapping FROM csv_mappings WHERE signature = ?1", [signature], |r| r.get(0))
                .optional()?;
            if old.as_deref() == Some(mapping_json) {
                return Ok(());
            }
            tx.execute(
                "INSERT INTO csv_mappings (signature, mapping, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
                params![signature, mapping_json, to_db(actor.at)],
            )?;
            record(tx, actor, "csv_mapping", None, "save", &json!({"signature": signature, "from": old, "to": mapping_json}))?;
            Ok(())
        })
    }
}
