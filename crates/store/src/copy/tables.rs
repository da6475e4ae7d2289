//! The tables a whole shop is made of, in an order where every table comes
//! after those it refers to, each with its primary key (rows are read in its
//! order, so both backends list them alike). The search index is not among
//! them: it is rebuilt from the copied rows by the backend it is for.

/// A table and its primary key's columns.
pub(crate) struct Table {
    pub name: &'static str,
    pub key: &'static [&'static str],
}

const fn t(name: &'static str, key: &'static [&'static str]) -> Table {
    Table { name, key }
}

/// Every table of the schema but the search index.
pub(crate) const TABLES: &[Table] = &[
    t("settings", &["key"]),
    t("customers", &["id"]),
    t("customer_phones", &["id"]),
    t("customer_addresses", &["id"]),
    t("customer_consents", &["customer_id", "channel"]),
    t("customer_tags", &["customer_id", "tag"]),
    t("customer_external_ids", &["source", "external_id"]),
    t("customer_other_emails", &["email"]),
    t("erased_identities", &["hash"]),
    t("duplicate_dismissals", &["low_id", "high_id"]),
    t("customer_merges", &["id"]),
    t("products", &["id"]),
    t("orders", &["id"]),
    t("order_lines", &["id"]),
    t("audit_log", &["id"]),
    t("shop_connections", &["id"]),
    t("import_runs", &["id"]),
    t("import_row_errors", &["rowid"]),
    t("csv_mappings", &["signature"]),
    t("slip_prints", &["id"]),
    t("shop_logo", &["id"]),
    t("calls", &["id"]),
    t("call_attempts", &["id"]),
    t("call_claims", &["call_id"]),
    t("call_queue_stale", &["customer_id"]),
    t("call_queue_refreshed", &["id"]),
    t("gifts", &["id"]),
    t("gift_plans", &["id"]),
    t("gift_plan_items", &["id"]),
    t("card_templates", &["language", "occasion"]),
    t("cards", &["id"]),
    t("sync_state", &["connection_id", "records"]),
    t("sync_leases", &["connection_id"]),
];

/// The search index, rebuilt rather than copied.
pub(crate) const SEARCH_INDEX: &str = "customer_search";
