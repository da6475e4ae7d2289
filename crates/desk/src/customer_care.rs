//! One customer's data at the desk: found by id or e-mail, exported whole,
//! erased, merged with their duplicate (after a backup) and the merge undone.

use crate::desk::Desk;
use crate::error::DeskError;
use courtesy_core::backup_rotation::BackupReason;
use courtesy_store::{ErasurePreview, MergeRequest, MergeView, StoreError};
use std::path::Path;

impl Desk<'_> {
    /// The customer a person means by `id_or_email`: a number is an id, an
    /// e-mail is theirs (or one they are also known by).
    pub fn find_customer(&self, id_or_email: &str) -> Result<i64, DeskError> {
        let text = id_or_email.trim();
        if let Ok(id) = text.parse::<i64>() {
            self.store().customer_profile(id)?;
            return Ok(id);
        }
        self.store().customer_by_email(text)?.ok_or_else(|| {
            StoreError::Invalid(format!("no customer has the e-mail address '{text}'")).into()
        })
    }

    /// Everything about customer `id` as pretty JSON text.
    pub fn customer_export(&self, id: i64) -> Result<String, DeskError> {
        let doc = self.store().export_customer(id, self.now())?;
        Ok(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n")
    }

    /// Writes everything about customer `id` to `file` (a file is written
    /// whole or not at all; a device or pipe such as `/dev/stdout` is written
    /// to as it is); the number of bytes written.
    pub fn export_customer_to(&self, id: i64, file: &Path) -> Result<u64, DeskError> {
        let text = self.customer_export(id)?;
        let io = |source: std::io::Error| StoreError::Io {
            action: "writing the customer's export",
            path: file.to_path_buf(),
            source,
        };
        let special = std::fs::metadata(file).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if special {
            std::fs::write(file, text.as_bytes()).map_err(io)?;
            return Ok(text.len() as u64);
        }
        let mut partial = file.as_os_str().to_owned();
        partial.push(".part");
        std::fs::write(&partial, text.as_bytes()).map_err(io)?;
        std::fs::rename(&partial, file).map_err(io)?;
        Ok(text.len() as u64)
    }

    /// Erases customer `id`; what went.
    pub fn erase_customer(&self, id: i64) -> Result<ErasurePreview, DeskError> {
        Ok(self.store().erase_customer(id, &self.actor())?)
    }

    /// Merges two customers after a `before-merge` backup into `backup_folder`.
    pub fn merge_customers(
        &self,
        req: &MergeRequest,
        backup_folder: &Path,
    ) -> Result<MergeView, DeskError> {
        // Both must exist before a backup is worth taking.
        self.store().customer_profile(req.kept)?;
        self.store().customer_profile(req.removed)?;
        self.back_up(backup_folder, BackupReason::BeforeMerge)?;
        Ok(self.store().merge_customers(req, &self.actor())?)
    }

    /// Undoes the newest merge not undone.
    pub fn undo_last_merge(&self) -> Result<MergeView, DeskError> {
        Ok(self.store().undo_last_merge(&self.actor())?)
    }
}
