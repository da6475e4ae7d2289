//! Orders from a mapped CSV: one row per order, or one row per product line
//! with the order's fields repeated (consecutive rows with the same order
//! number are one order, read from its first row).
//!
//! Lines come from the `line_*` fields; without them an order has no lines
//! (none is made up). A line's empty quantity is 1. An unmapped subtotal is
//! the sum of the lines. The currency is the row's, else the mapping's. The
//! status is free text in several languages (see [`crate::formats::mapped_words`]); a
//! `refunded` amount is what was paid back, and only a status saying refunded
//! makes the whole order refunded.

use crate::formats::mapped_csv::MappedColumns;
use crate::formats::mapped_words::{status, whole_number};
use crate::record::{
    CustomerRecord, Importer, LineRecord, Located, OrderRecord, Record, RowError, SourceId,
};
use crate::source::cells::{country_code, non_empty, split_name, CellReader};
use crate::source::order_rows::OrderRows;
use crate::source::rows::{Row, RowReader};
use courtesy_core::{Currency, OrderStatus, PostalAddress};

/// The fields that make a line.
const LINE_FIELDS: [&str; 4] = ["line_sku", "line_name", "line_quantity", "line_price"];

/// Reads orders from a mapped CSV.
pub struct MappedOrders {
    rows: OrderRows,
    columns: MappedColumns,
    decimal: char,
    currency: Option<Currency>,
}

impl MappedOrders {
    /// Reads `rows` through `columns`; amounts use `decimal`; `currency` is the
    /// mapping's, for files without a currency column.
    pub(crate) fn new(
        rows: RowReader,
        columns: MappedColumns,
        decimal: char,
        currency: Option<Currency>,
    ) -> Self {
        MappedOrders {
            rows: OrderRows::new(
                rows,
                columns.get("order_number"),
                LINE_FIELDS.iter().map(|f| columns.get(f)).collect(),
            ),
            columns,
            decimal,
            currency,
        }
    }

    fn read_order(&self, rows: &[Row]) -> Result<OrderRecord, RowError> {
        let c = &self.columns;
        let Some(first_row) = rows.first() else {
            return Err(RowError {
                row: 0,
                column: None,
                reason: "an order without rows".to_string(),
            });
        };
        let first = CellReader::new(first_row, self.decimal);
        let text = |field: &'static str| first.text(c.get(field)).to_string();
        let currency = match first.text(c.get("currency")) {
            "" => self.currency.ok_or_else(|| {
                first.error(
                    c.get("currency"),
                    "the order has no currency; map a currency column or give the mapping one"
                        .to_string(),
                )
            })?,
            code => {
                Currency::parse(code).map_err(|e| first.error(c.get("currency"), e.to_string()))?
            }
        };
        let placed_at = first.required_date(c.get("placed_at"))?;
        if text("total").is_empty() {
            return Err(first.error(c.get("total"), "the order has no total".to_string()));
        }
        let mut lines = Vec::new();
        if LINE_FIELDS.iter().any(|f| c.has(f)) {
            for row in rows {
                if let Some(line) = self.read_line(&CellReader::new(row, self.decimal), currency)? {
                    lines.push(line);
                }
            }
        }
        let subtotal_minor = match text("subtotal").as_str() {
            "" => lines.iter().fold(0i64, |sum, l| {
                sum.saturating_add(l.unit_price_minor.saturating_mul(l.quantity))
            }),
            _ => first.amount(c.get("subtotal"), currency)?,
        };
        let (mut first_name, mut last_name) = (text("first_name"), text("last_name"));
        if first_name.is_empty() && last_name.is_empty() {
            (first_name, last_name) = split_name(&text("full_name"));
        }
        let country = text("ship_country");
        let ship_to = PostalAddress {
            name: format!("{first_name} {last_name}").trim().to_string(),
            company: text("company"),
            line1: text("ship_address1"),
            line2: text("ship_address2"),
            postal_code: text("ship_postal_code"),
            city: text("ship_city"),
            region: text("ship_region"),
            country: country_code(&country).unwrap_or_else(|| country.clone()),
        };
        let has_address = !(ship_to.line1.is_empty()
            && ship_to.city.is_empty()
            && ship_to.postal_code.is_empty());
        let number = text("order_number");
        let status = status(&text("status"));
        let total_minor = first.amount(c.get("total"), currency)?;
        let refunded_minor = match first.amount(c.get("refunded"), currency)?.abs() {
            0 if status == OrderStatus::Refunded => total_minor,
            amount => amount,
        };
        Ok(OrderRecord {
            source: "csv".to_string(),
            external_id: SourceId::from_cell(&text("external_id")),
            number,
            buyer: CustomerRecord {
                source: "csv".to_string(),
                first_name,
                last_name,
                company: text("company"),
                email: non_empty(&text("email")),
                phones: non_empty(&text("phone")).into_iter().collect(),
                country: country_code(&country),
                addresses: if has_address {
                    vec![("shipping".to_string(), ship_to.clone())]
                } else {
                    Vec::new()
                },
                ..CustomerRecord::default()
            },
            status,
            placed_at,
            paid_at: None,
            fulfilled_at: None,
            delivered_at: None,
            currency,
            subtotal_minor,
            shipping_minor: first.amount(c.get("shipping"), currency)?,
            discount_minor: first.amount(c.get("discount"), currency)?.abs(),
            tax_minor: first.amount(c.get("tax"), currency)?,
            total_minor,
            refunded_minor,
            shipping_method: text("shipping_method"),
            ship_to: if has_address {
                ship_to
            } else {
                PostalAddress::default()
            },
            customer_note: text("customer_note"),
            gift_message: String::new(),
            discount_codes: String::new(),
            shipment: Default::default(),
            lines,
        })
    }

    /// The line on one row; `None` when its line cells are all empty.
    fn read_line(
        &self,
        cells: &CellReader<'_>,
        currency: Currency,
    ) -> Result<Option<LineRecord>, RowError> {
        let c = &self.columns;
        if LINE_FIELDS.iter().all(|f| cells.text(c.get(f)).is_empty()) {
            return Ok(None);
        }
        let quantity_column = c.get("line_quantity");
        let quantity = match cells.text(quantity_column) {
            "" => 1,
            text => match whole_number(text) {
                Some(q) if q >= 1 => q,
                Some(q) => {
                    return Err(cells.error(
                        quantity_column,
                        format!("the quantity is {q}; it must be at least 1"),
                    ))
                }
                None => {
                    return Err(cells.error(quantity_column, format!("'{text}' is not a quantity")))
                }
            },
        };
        Ok(Some(LineRecord {
            sku: cells.text(c.get("line_sku")).to_string(),
            name: cells.text(c.get("line_name")).to_string(),
            variant: String::new(),
            quantity,
            unit_price_minor: cells.amount(c.get("line_price"), currency)?,
        }))
    }
}

impl Importer for MappedOrders {
    fn duplicates(&self) -> u64 {
        self.rows.duplicates()
    }

    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>> {
        let group = match self.rows.next_group()? {
            Ok(group) => group,
            Err(e) => return Some(Err(self.columns.relabel(e))),
        };
        let row = group[0].number;
        Some(
            self.read_order(&group)
                .map(|order| Located {
                    row,
                    value: Record::Order(order),
                })
                .map_err(|e| self.columns.relabel(e)),
        )
    }

    fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }
}
