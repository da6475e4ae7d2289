//! Reading a Shopify shop: customers, then orders. The first sync of each is
//! a bulk export of the whole shop, streamed and written a thousand records
//! to a transaction with how many are in, so a sync cut short goes on with
//! the same export (while Shopify keeps it, a week). Later syncs read what
//! changed since the watermark (less the overlap) a page at a time, oldest
//! change first, each page's cursor kept with it; the page size follows what
//! Shopify says a page costs.

use crate::run::page_writer::{PageWriter, Read};
use crate::run::progress::SyncPhase;
use crate::run::resume::Resume;
use crate::shopify::admin::Admin;
use crate::shopify::bulk::{self, Export};
use crate::shopify::jsonl::{Assembled, Assembler, JsonlReader};
use crate::shopify::queries;
use crate::sync_error::SyncError;
use courtesy_import::{shopify_admin_customer, shopify_admin_order, Flow, Record, RowError};
use courtesy_store::{SyncMark, SyncRecords};
use serde_json::{json, Map, Value};
use std::time::Instant;
use url::Url;

/// Records of a bulk export per transaction.
const BULK_PAGE: usize = 1_000;

/// The most pages one pass of changes reads.
const MAX_PAGES: u32 = 100_000;

/// Line items asked for with each order (more are fetched for the rare
/// order that has more).
const LINES_PER_ORDER: u32 = 20;

/// Syncs customers, then orders; `Cancel` when the caller cancelled.
pub async fn sync(admin: &mut Admin, w: &mut PageWriter<'_>) -> Result<Flow, SyncError> {
    for records in [SyncRecords::Customers, SyncRecords::Orders] {
        let mark = w.store().sync_mark(w.shop().id, records)?;
        let pass = Resume::begin(&mark, w.now());
        let flow = if pass.whole_shop() {
            bulk_pass(admin, w, records, pass, &mark).await?
        } else {
            changes_pass(admin, w, records, pass, &mark).await?
        };
        if flow == Flow::Cancel {
            return Ok(Flow::Cancel);
        }
    }
    Ok(Flow::Continue)
}

fn phase(records: SyncRecords) -> SyncPhase {
    match records {
        SyncRecords::Orders => SyncPhase::Orders,
        SyncRecords::Customers => SyncPhase::Customers,
    }
}

fn noun(records: SyncRecords) -> &'static str {
    records.as_str()
}

/// Reads one object as a record of `records`.
fn read(records: SyncRecords, row: u64, object: &Map<String, Value>) -> Read {
    match records {
        SyncRecords::Orders => shopify_admin_order(row, object).map(Record::Order),
        SyncRecords::Customers => shopify_admin_customer(row, object).map(Record::Customer),
    }
}

/// The first sync of `records`: a bulk export, waited for, then streamed.
async fn bulk_pass(
    admin: &mut Admin,
    w: &mut PageWriter<'_>,
    records: SyncRecords,
    mut pass: Resume,
    mark: &SyncMark,
) -> Result<Flow, SyncError> {
    let what = format!("the export of {}", noun(records));
    w.phase(SyncPhase::Exporting, true, None);
    let mut restarted = false;
    let export = loop {
        let id = match pass.bulk.clone() {
            Some(id) => id,
            None => {
                let query = match records {
                    SyncRecords::Orders => queries::bulk_orders(),
                    SyncRecords::Customers => queries::bulk_customers(),
                };
                let id = bulk::start(admin, &query, &what).await?;
                pass.bulk = Some(id.clone());
                pass.done = 0;
                // Kept at once: a sync cut short goes on with this export.
                w.write_page(
                    records,
                    Vec::new(),
                    &pass.mark(mark.watermark),
                    &what,
                    &admin.transport,
                )?;
                id
            }
        };
        match wait(admin, w, &id, &what).await? {
            Waited::Done(export) if export.status == "COMPLETED" => break export,
            Waited::Cancelled => return Ok(Flow::Cancel),
            // An export kept from a sync cut short may have lapsed: once, ask again.
            Waited::Done(export)
                if !restarted
                    && matches!(export.status.as_str(), "EXPIRED" | "CANCELED" | "FAILED")
                    && pass.done > 0 =>
            {
                restarted = true;
                pass.bulk = None;
            }
            Waited::Done(export) if !restarted && export.status == "EXPIRED" => {
                restarted = true;
                pass.bulk = None;
            }
            Waited::Done(export) => {
                return Err(SyncError::BulkFailed {
                    what,
                    code: export.error_code.unwrap_or(export.status),
                })
            }
        }
    };
    w.phase(phase(records), true, Some(export.roots));
    let Some(url) = export.url else {
        // Nothing matched: the shop has none.
        let flow = w.write_page(
            records,
            Vec::new(),
            &pass.finished(),
            &what,
            &admin.transport,
        )?;
        return Ok(flow);
    };
    let url = Url::parse(&url).map_err(|e| SyncError::BadPage {
        what: what.clone(),
        reason: format!("the export's address is broken ({e})"),
    })?;
    let mut reader = JsonlReader::new(url, &what);
    let mut assembler = Assembler::default();
    let mut page: Vec<Read> = Vec::with_capacity(BULK_PAGE);
    let mut roots_seen = 0u64;
    let mut line_no = 0u64;
    let skip = pass.done;
    loop {
        let line = reader.next_line(&mut admin.transport).await?;
        let at_end = line.is_none();
        let completed = match line {
            Some(line) if line.iter().all(u8::is_ascii_whitespace) => None,
            Some(line) => {
                line_no += 1;
                let object: Map<String, Value> =
                    serde_json::from_slice(&line).map_err(|e| SyncError::BadPage {
                        what: format!("{what}, line {line_no}"),
                        reason: e.to_string(),
                    })?;
                assembler.push(object)
            }
            None => assembler.finish().map(Assembled::Root),
        };
        match completed {
            Some(Assembled::Root(object)) => {
                roots_seen += 1;
                if roots_seen > skip {
                    page.push(read(records, roots_seen, &object));
                }
            }
            Some(Assembled::Stray { id, parent }) if roots_seen >= skip => {
                page.push(Err(RowError {
                    row: roots_seen,
                    column: None,
                    reason: format!(
                        "line item {id} came apart from its order {parent} in the export"
                    ),
                }));
            }
            _ => {}
        }
        if page.len() >= BULK_PAGE || at_end {
            pass.done = roots_seen;
            let next = if at_end {
                pass.finished()
            } else {
                pass.mark(mark.watermark)
            };
            let batch = std::mem::take(&mut page);
            let flow = w.write_page(records, batch, &next, &what, &admin.transport)?;
            if at_end || flow == Flow::Cancel {
                return Ok(flow);
            }
        }
    }
}

enum Waited {
    Done(Export),
    Cancelled,
}

/// Looks in on the export until Shopify is done with it (or the policy's
/// deadline), telling the caller how far it got.
async fn wait(
    admin: &mut Admin,
    w: &mut PageWriter<'_>,
    id: &str,
    what: &str,
) -> Result<Waited, SyncError> {
    let started = Instant::now();
    loop {
        let export = bulk::poll(admin, id, what).await?;
        if !export.under_way() {
            return Ok(Waited::Done(export));
        }
        if started.elapsed() > admin.transport.policy.bulk_deadline {
            return Err(SyncError::BulkFailed {
                what: what.to_string(),
                code: "TIMEOUT".to_string(),
            });
        }
        w.progress.read = export.roots;
        if w.tell(&admin.transport) == Flow::Cancel {
            return Ok(Waited::Cancelled);
        }
        let d = admin.transport.policy.poll_every;
        admin.transport.server_time += d;
        tokio::time::sleep(d).await;
    }
}

/// Later syncs of `records`: what changed since the watermark, page by page.
async fn changes_pass(
    admin: &mut Admin,
    w: &mut PageWriter<'_>,
    records: SyncRecords,
    mut pass: Resume,
    mark: &SyncMark,
) -> Result<Flow, SyncError> {
    w.phase(phase(records), false, None);
    let since = pass.since.map(queries::changed_since);
    let (name, query, field): (&'static str, String, &str) = match records {
        SyncRecords::Orders => ("orders", queries::orders_page(), "orders"),
        SyncRecords::Customers => ("customers", queries::customers_page(), "customers"),
    };
    // Each order costs its fields and its line items; a customer its fields.
    let per_record = match records {
        SyncRecords::Orders => 40.0 + 4.0 * LINES_PER_ORDER as f64,
        SyncRecords::Customers => 12.0,
    };
    let mut first: u32 = match records {
        SyncRecords::Orders => 5,
        SyncRecords::Customers => 50,
    };
    for page_no in 1..=MAX_PAGES {
        let what = format!("{} changed, page {page_no}", noun(records));
        let estimate = 2.0 + first as f64 * per_record;
        let variables =
            json!({"first": first, "after": pass.cursor, "query": since, "lines": LINES_PER_ORDER});
        let data = admin
            .query(name, estimate, &query, variables, &what)
            .await?;
        let connection = data.get(field).cloned().unwrap_or(Value::Null);
        let mut nodes: Vec<Value> = connection
            .get("nodes")
            .and_then(Value::as_array)
            .cloned()
            .ok_or_else(|| SyncError::BadPage {
                what: what.clone(),
                reason: format!("the answer has no {field}"),
            })?;
        if records == SyncRecords::Orders {
            for node in &mut nodes {
                all_lines(admin, node, &what).await?;
            }
        }
        let reads: Vec<Read> = nodes
            .iter()
            .enumerate()
            .map(|(i, node)| match node.as_object() {
                Some(o) => read(records, i as u64 + 1, o),
                None => Err(RowError {
                    row: i as u64 + 1,
                    column: None,
                    reason: "it is not an object".to_string(),
                }),
            })
            .collect();
        let more = connection
            .pointer("/pageInfo/hasNextPage")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        pass.cursor = connection
            .pointer("/pageInfo/endCursor")
            .and_then(Value::as_str)
            .map(str::to_string);
        let next = if more {
            pass.mark(mark.watermark)
        } else {
            pass.finished()
        };
        let flow = w.write_page(records, reads, &next, &what, &admin.transport)?;
        if !more || flow == Flow::Cancel {
            return Ok(flow);
        }
        // As many records as fit in what a query may cost, as Shopify counts.
        if let Some(cost) = admin.last_cost(name) {
            let each = ((cost - 2.0) / first as f64).max(1.0);
            let fits = ((admin.cost_limit() * 0.9 - 2.0) / each).floor();
            first = (fits as u32).clamp(1, 250);
        }
    }
    Ok(Flow::Continue)
}

/// Fetches the line items an order had beyond the first page of them.
async fn all_lines(admin: &mut Admin, order: &mut Value, what: &str) -> Result<(), SyncError> {
    let id = order
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let mut after = order
        .pointer("/lineItems/pageInfo")
        .filter(|p| p.get("hasNextPage").and_then(Value::as_bool) == Some(true))
        .and_then(|p| p.get("endCursor"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut rounds = 0;
    while let Some(cursor) = after.take() {
        rounds += 1;
        if rounds > 100 {
            break;
        }
        let data = admin
            .query(
                "lines",
                2.0 + 100.0 * 4.0,
                &queries::more_lines(),
                json!({"id": id, "after": cursor}),
                what,
            )
            .await?;
        let items = data
            .pointer("/order/lineItems")
            .cloned()
            .unwrap_or(Value::Null);
        let more: Vec<Value> = items
            .get("nodes")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if let Some(Value::Array(nodes)) = order.pointer_mut("/lineItems/nodes") {
            nodes.extend(more);
        }
        if items
            .pointer("/pageInfo/hasNextPage")
            .and_then(Value::as_bool)
            == Some(true)
        {
            after = items
                .pointer("/pageInfo/endCursor")
                .and_then(Value::as_str)
                .map(str::to_string);
        }
    }
    Ok(())
}
