//! Courtesy's integration tests: each test states a rule, on real SQLite files.

mod architecture;
mod audit_history;
mod backups;
mod call_screen;
mod calls;
mod change_feed;
mod customer_edits;
mod customer_merges;
mod customer_privacy;
mod customer_search;
mod database_copy;
mod database_file;
mod demo_aftercare;
mod demo_shop;
mod desks_at_once;
mod gifts;
mod import_files;
mod import_fixtures;
mod import_properties;
mod import_refunds;
mod import_resaved_exports;
mod occasions;
mod packing_slips;
mod server_away;
mod server_roles;
