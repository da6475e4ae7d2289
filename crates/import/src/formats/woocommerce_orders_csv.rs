//! The CSV of the "Advanced Order Export For WooCommerce" plugin (algolplus)
//! with its default fields: one row per product line, the order's fields
//! repeated on every row. Consecutive rows with the same `Order Number` make
//! one order; its fields are read from its first row.
//!
//! The default fields have no currency. It is read from a `Currency` column
//! when the export has one (the plugin's optional "Currency" field), else from
//! a currency sign in `Order Total Amount` (`49.00 zł`, `€12.50`, `12.50 EUR`);
//! an order with neither is a row error saying how to add the field.
//!
//! `Order Date` is the shop's local time without an offset; like spreadsheet
//! dates elsewhere it is taken as UTC. `Item Cost` is the price of one item.
//! Row numbers are physical lines (the header is line 1).
//!
//! Refunds: `Order Refund Amount` is what was paid back; the order is refunded
//! only when its status says so (WooCommerce has no partly refunded status).
//! `Quantity (- Refund)` is what is left of a line after refunds: a line
//! refunded whole (0 left) is not one of the order's lines any more.

use crate::formats::woocommerce_status::status;
use crate::record::{
    CustomerRecord, Importer, LineRecord, Located, OrderRecord, Record, RowError, SourceId,
};
use crate::source::cells::{country_code, non_empty, split_name, CellReader};
use crate::source::columns::{column_set, Column, Header};
use crate::source::order_rows::OrderRows;
use crate::source::rows::{Row, RowReader};
use courtesy_core::{Currency, OrderStatus, PostalAddress};

column_set! {
    /// The order and product columns of the plugin's export.
    OrderColumns {
        number: "Order Number",
        id: "Order ID",
        status: "Order Status",
        date: "Order Date",
        paid_date: "Paid Date",
        completed_date: "Completed Date",
        currency: "Currency" | "Order Currency",
        customer_note: "Customer Note",
        customer_id: "Customer User ID",
        discount: "Cart Discount Amount",
        subtotal: "Order Subtotal Amount",
        shipping_method: "Shipping Method Title",
        shipping: "Order Shipping Amount",
        total: "Order Total Amount",
        tax: "Order Total Tax Amount",
        sku: "SKU",
        item_name: "Item Name",
        item_no: "Item #",
        quantity: "Quantity (- Refund)" | "Quantity",
        item_cost: "Item Cost",
        coupon: "Coupon Code",
        refunded: "Order Refund Amount",
    }
}

/// The headers of one address block, in [`PartyColumns`] field order.
type PartyHeaders = [&'static str; 13];

const BILLING: PartyHeaders = [
    "First Name (Billing)",
    "Last Name (Billing)",
    "Full Name (Billing)",
    "Company (Billing)",
    "Address 1&2 (Billing)",
    "Address 1 (Billing)",
    "Address 2 (Billing)",
    "City (Billing)",
    "State Code (Billing)",
    "Postcode (Billing)",
    "Country Code (Billing)",
    "Email (Billing)",
    "Phone (Billing)",
];

const SHIPPING: PartyHeaders = [
    "First Name (Shipping)",
    "Last Name (Shipping)",
    "Full Name (Shipping)",
    "Company (Shipping)",
    "Address 1&2 (Shipping)",
    "Address 1 (Shipping)",
    "Address 2 (Shipping)",
    "City (Shipping)",
    "State Code (Shipping)",
    "Postcode (Shipping)",
    "Country Code (Shipping)",
    "Email (Shipping)",
    "Phone (Shipping)",
];

/// The columns of the billing or the shipping block.
#[derive(Debug, Clone)]
struct PartyColumns {
    first_name: Column,
    last_name: Column,
    full_name: Column,
    company: Column,
    address: Column,
    address1: Column,
    address2: Column,
    city: Column,
    state: Column,
    postcode: Column,
    country: Column,
    email: Column,
    phone: Column,
}

impl PartyColumns {
    fn resolve(header: &Header, names: &PartyHeaders) -> Self {
        let [first_name, last_name, full_name, company, address, address1, address2, city, state, postcode, country, email, phone] =
            names.map(|n| header.column(&[n]));
        PartyColumns {
            first_name,
            last_name,
            full_name,
            company,
            address,
            address1,
            address2,
            city,
            state,
            postcode,
            country,
            email,
            phone,
        }
    }

    /// Given and family name: the two columns, else the full name split.
    fn names(&self, cells: &CellReader<'_>) -> (String, String) {
        match (cells.text(self.first_name), cells.text(self.last_name)) {
            ("", "") => split_name(cells.text(self.full_name)),
            (first, last) => (first.to_string(), last.to_string()),
        }
    }

    /// The address; `None` without a street, city or postcode. `Address 1&2`
    /// (both lines joined by `, `) is the street unless the separate lines are there.
    fn address(&self, cells: &CellReader<'_>) -> Option<PostalAddress> {
        let text = |c: Column| cells.text(c).to_string();
        let (line1, line2) = match cells.text(self.address1) {
            "" => (text(self.address), String::new()),
            one => (one.to_string(), text(self.address2)),
        };
        let (first, last) = self.names(cells);
        let country = cells.text(self.country);
        let address = PostalAddress {
            name: format!("{first} {last}").trim().to_string(),
            company: text(self.company),
            line1,
            line2,
            postal_code: text(self.postcode),
            city: text(self.city),
            region: text(self.state),
            country: country_code(country).unwrap_or_else(|| country.to_string()),
        };
        let blank =
            address.line1.is_empty() && address.city.is_empty() && address.postal_code.is_empty();
        (!blank).then_some(address)
    }
}

/// Reads orders from the plugin's CSV.
pub struct WooCommerceOrdersCsv {
    rows: OrderRows,
    columns: OrderColumns,
    billing: PartyColumns,
    shipping: PartyColumns,
    decimal: char,
}

impl WooCommerceOrdersCsv {
    /// Reads the rows of a file whose header is `header`; amounts use `decimal`.
    pub(crate) fn new(rows: RowReader, header: &Header, decimal: char) -> Self {
        let columns = OrderColumns::resolve(header);
        WooCommerceOrdersCsv {
            rows: OrderRows::new(
                rows,
                columns.number,
                vec![
                    columns.item_no,
                    columns.sku,
                    columns.item_name,
                    columns.quantity,
                    columns.item_cost,
                ],
            ),
            columns,
            billing: PartyColumns::resolve(header, &BILLING),
            shipping: PartyColumns::resolve(header, &SHIPPING),
            decimal,
        }
    }

    /// Builds one order from its rows (`rows` is never empty).
    fn read_order(&self, rows: &[Row]) -> Result<OrderRecord, RowError> {
        let (c, decimal) = (&self.columns, self.decimal);
        let Some(first_row) = rows.first() else {
            return Err(RowError {
                row: 0,
                column: None,
                reason: "an order without rows".to_string(),
            });
        };
        let first = CellReader::new(first_row, decimal);
        let currency = currency(&first, c)?;
        let placed_at = first.required_date(c.date)?;
        let mut lines = Vec::new();
        let mut coupons: Vec<&str> = Vec::new();
        for row in rows {
            let cells = CellReader::new(row, decimal);
            let coupon = cells.text(c.coupon);
            if !coupon.is_empty() && !coupons.contains(&coupon) {
                coupons.push(coupon);
            }
            if cells.text(c.item_name).is_empty() && cells.text(c.quantity).is_empty() {
                continue;
            }
            let left_after_refunds = c.quantity.name.contains("Refund");
            if left_after_refunds && cells.text(c.quantity).parse::<i64>() == Ok(0) {
                continue;
            }
            lines.push(LineRecord {
                sku: cells.text(c.sku).to_string(),
                name: cells.text(c.item_name).to_string(),
                variant: String::new(),
                quantity: cells.quantity(c.quantity)?,
                unit_price_minor: cells.amount(c.item_cost, currency)?,
            });
        }
        let number = first.text(c.number).trim_start_matches('#').to_string();
        let (billing, shipping) = (self.billing.address(&first), self.shipping.address(&first));
        let (mut first_name, mut last_name) = self.billing.names(&first);
        if first_name.is_empty() && last_name.is_empty() {
            (first_name, last_name) = self.shipping.names(&first);
        }
        let mut phones: Vec<String> = Vec::new();
        for column in [self.billing.phone, self.shipping.phone] {
            let phone = first.text(column);
            if !phone.is_empty() && !phones.iter().any(|p| p == phone) {
                phones.push(phone.to_string());
            }
        }
        let company = match first.text(self.billing.company) {
            "" => first.text(self.shipping.company),
            company => company,
        };
        let buyer = CustomerRecord {
            source: "woocommerce".to_string(),
            external_id: non_empty(first.text(c.customer_id)).filter(|id| id != "0"),
            first_name,
            last_name,
            company: company.to_string(),
            email: non_empty(first.text(self.billing.email))
                .or_else(|| non_empty(first.text(self.shipping.email))),
            phones,
            country: country_code(first.text(self.billing.country))
                .or_else(|| country_code(first.text(self.shipping.country))),
            addresses: [("billing", billing.clone()), ("shipping", shipping.clone())]
                .into_iter()
                .filter_map(|(kind, a)| a.map(|a| (kind.to_string(), a)))
                .collect(),
            ..CustomerRecord::default()
        };
        let status = status(first.text(c.status));
        let total_minor = first.amount(c.total, currency)?;
        let refunded_minor = match first.amount(c.refunded, currency)?.abs() {
            0 if status == OrderStatus::Refunded => total_minor,
            amount => amount,
        };
        Ok(OrderRecord {
            source: "woocommerce".to_string(),
            external_id: SourceId::from_cell(first.text(c.id)),
            number: format!("#{number}"),
            buyer,
            status,
            placed_at,
            paid_at: first.date(c.paid_date)?,
            fulfilled_at: first.date(c.completed_date)?,
            delivered_at: None,
            currency,
            subtotal_minor: first.amount(c.subtotal, currency)?,
            shipping_minor: first.amount(c.shipping, currency)?,
            discount_minor: first.amount(c.discount, currency)?.abs(),
            tax_minor: first.amount(c.tax, currency)?,
            total_minor,
            refunded_minor,
            shipping_method: first.text(c.shipping_method).to_string(),
            ship_to: shipping.or(billing).unwrap_or_default(),
            customer_note: first.text(c.customer_note).to_string(),
            gift_message: String::new(),
            discount_codes: coupons.join(", "),
            shipment: Default::default(),
            lines,
        })
    }
}

impl Importer for WooCommerceOrdersCsv {
    fn duplicates(&self) -> u64 {
        self.rows.duplicates()
    }

    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>> {
        let group = match self.rows.next_group()? {
            Ok(group) => group,
            Err(e) => return Some(Err(e)),
        };
        let row = group[0].number;
        Some(self.read_order(&group).map(|order| Located {
            row,
            value: Record::Order(order),
        }))
    }

    fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }
}

/// The order's currency: its `Currency` cell, else the sign in its total.
fn currency(cells: &CellReader<'_>, c: &OrderColumns) -> Result<Currency, RowError> {
    match cells.text(c.currency) {
        "" => currency_sign(cells.text(c.total)).ok_or_else(|| {
            cells.error(
                c.currency,
                "the export has no Currency column and the total no currency sign; add the \
                 Currency field to the export, or import it with a column mapping"
                    .to_string(),
            )
        }),
        code => Currency::parse(code).map_err(|e| cells.error(c.currency, e.to_string())),
    }
}

/// The currency a sign or code around an amount stands for: `zł`, `€`, `£`,
/// `₽` or an ISO code (`$` and `kr` are left alone: too many currencies use them).
pub(crate) fn currency_sign(amount: &str) -> Option<Currency> {
    let sign: String = amount
        .chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace() && !",.'-+()".contains(*c))
        .collect::<String>()
        .to_lowercase();
    let code = match sign.as_str() {
        "zł" | "zl" => "PLN",
        "€" => "EUR",
        "£" => "GBP",
        "₽" | "руб" | "р" => "RUB",
        other if other.len() == 3 && other.bytes().all(|b| b.is_ascii_alphabetic()) => other,
        _ => return None,
    };
    Currency::parse(code).ok()
}

#[cfg(test)]
#[path = "../tests/woocommerce_csv_files.rs"]
mod files;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_signs_around_totals_name_the_currency() {
        let code = |t: &str| currency_sign(t).map(|c| c.code().to_string());
        assert_eq!(code("49,00 zł").as_deref(), Some("PLN"));
        assert_eq!(code("€12.50").as_deref(), Some("EUR"));
        assert_eq!(code("12.50 eur").as_deref(), Some("EUR"));
        assert_eq!(code("1 200,00 руб.").as_deref(), Some("RUB"));
        assert_eq!(code("$12.50"), None);
        assert_eq!(code("12.50"), None);
    }
}
