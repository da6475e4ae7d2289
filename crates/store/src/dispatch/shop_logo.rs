//! The shop's logo for slips: one PNG or JPEG image kept in the database, so
//! the desk prints the same slip wherever the database goes.

use crate::audit::{record, Actor};
use crate::db::OptionalExtension;
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use serde_json::json;

/// Largest logo accepted; a slip logo is a few centimetres wide.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

/// The image type of `bytes` by its signature, if it is a PNG or a JPEG.
fn image_mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

impl Store {
    /// The logo's bytes, if the shop has one.
    pub fn shop_logo(&self) -> Result<Option<Vec<u8>>> {
        self.read(|c| {
            Ok(
                c.prepare_cached("SELECT bytes FROM shop_logo WHERE id = 1")?
                    .query_row([], |r| r.get(0))
                    .optional()?,
            )
        })
    }

    /// Replaces the logo with a PNG or JPEG image.
    pub fn set_shop_logo(&self, bytes: &[u8], actor: &Actor) -> Result<()> {
        let mime = image_mime(bytes).ok_or_else(|| {
            StoreError::Invalid("the logo must be a PNG or JPEG image".to_string())
        })?;
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(StoreError::Invalid(format!(
                "the logo is {} KB; at most {} KB fits on a slip",
                bytes.len() / 1024,
                MAX_LOGO_BYTES / 1024
            )));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO shop_logo (id, mime, bytes, updated_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET mime = excluded.mime, bytes = excluded.bytes,
                   updated_at = excluded.updated_at",
                crate::db::params![mime, bytes, to_db(actor.at)],
            )?;
            record(
                tx,
                actor,
                "setting",
                None,
                "update",
                &json!({"key": "shop_logo", "bytes": bytes.len()}),
            )
        })
    }

    /// Removes the logo.
    pub fn clear_shop_logo(&self, actor: &Actor) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM shop_logo", [])? > 0 {
                record(
                    tx,
                    actor,
                    "setting",
                    None,
                    "update",
                    &json!({"key": "shop_logo", "bytes": 0}),
                )?;
            }
            Ok(())
        })
    }
}
