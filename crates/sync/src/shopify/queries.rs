//! The GraphQL Courtesy sends to Shopify's Admin API, pinned to one version.
//! An order is read with its buyer, line items, fulfilments and money; the
//! same fields serve the paged reads of changes and the bulk export of the
//! whole shop (where connections are written as `edges { node }`).

/// The Admin API version every request names.
pub const API_VERSION: &str = "2026-10";

const MONEY: &str = "shopMoney { amount currencyCode }";

const ADDRESS: &str =
    "firstName lastName company address1 address2 city province provinceCode zip country countryCodeV2 phone";

fn customer_fields() -> String {
    format!(
        "id firstName lastName locale tags note createdAt updatedAt \
         defaultEmailAddress {{ emailAddress marketingState }} \
         defaultPhoneNumber {{ phoneNumber smsMarketingConsent {{ state }} }} \
         defaultAddress {{ {ADDRESS} }}"
    )
}

fn line_fields() -> String {
    format!(
        "id sku name title variantTitle quantity currentQuantity \
         originalUnitPriceSet {{ {MONEY} }} variant {{ sku }}"
    )
}

/// An order's fields, `line_items` being how its line items are selected.
fn order_fields(line_items: &str) -> String {
    format!(
        "id name createdAt updatedAt processedAt cancelledAt \
         displayFinancialStatus displayFulfillmentStatus currencyCode \
         email phone note tags customerLocale discountCodes \
         customAttributes {{ key value }} \
         subtotalPriceSet {{ {MONEY} }} totalShippingPriceSet {{ {MONEY} }} \
         totalDiscountsSet {{ {MONEY} }} totalTaxSet {{ {MONEY} }} \
         totalPriceSet {{ {MONEY} }} totalRefundedSet {{ {MONEY} }} \
         shippingLine {{ title }} \
         shippingAddress {{ {ADDRESS} }} billingAddress {{ {ADDRESS} }} \
         customer {{ {customer} }} \
         fulfillments(first: 10) {{ status displayStatus createdAt updatedAt inTransitAt deliveredAt \
           estimatedDeliveryAt trackingInfo(first: 1) {{ company number }} }} \
         {line_items}",
        customer = customer_fields()
    )
}

/// The shop's name and currency, and what the credentials may read.
pub const SHOP: &str = "query Shop { shop { name currencyCode myshopifyDomain } \
    currentAppInstallation { accessScopes { handle } } }";

/// Orders changed since a moment, oldest change first, a page at a time.
pub fn orders_page() -> String {
    format!(
        "query Orders($first: Int!, $after: String, $query: String, $lines: Int!) {{ \
         orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {{ \
         pageInfo {{ hasNextPage endCursor }} \
         nodes {{ {} }} }} }}",
        order_fields(&format!(
            "lineItems(first: $lines) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {} }} }}",
            line_fields()
        ))
    )
}

/// The rest of an order's line items.
pub fn more_lines() -> String {
    format!(
        "query Lines($id: ID!, $after: String) {{ order(id: $id) {{ \
         lineItems(first: 100, after: $after) {{ pageInfo {{ hasNextPage endCursor }} \
         nodes {{ {} }} }} }} }}",
        line_fields()
    )
}

/// Customers changed since a moment, a page at a time.
pub fn customers_page() -> String {
    format!(
        "query Customers($first: Int!, $after: String, $query: String) {{ \
         customers(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {{ \
         pageInfo {{ hasNextPage endCursor }} nodes {{ {} }} }} }}",
        customer_fields()
    )
}

/// The bulk export of every order (line items as lines of their own).
pub fn bulk_orders() -> String {
    format!(
        "{{ orders(sortKey: UPDATED_AT) {{ edges {{ node {{ {} }} }} }} }}",
        order_fields(&format!(
            "lineItems {{ edges {{ node {{ {} }} }} }}",
            line_fields()
        ))
    )
}

/// The bulk export of every customer.
pub fn bulk_customers() -> String {
    format!(
        "{{ customers(sortKey: UPDATED_AT) {{ edges {{ node {{ {} }} }} }} }}",
        customer_fields()
    )
}

/// Starts a bulk export; children are written right below their parent.
pub const BULK_RUN: &str = "mutation Export($query: String!) { \
    bulkOperationRunQuery(query: $query, groupObjects: true) { \
    bulkOperation { id status createdAt } userErrors { field message code } } }";

/// Where a bulk export stands.
pub const BULK_POLL: &str = "query Export($id: ID!) { node(id: $id) { ... on BulkOperation { \
    id status errorCode objectCount rootObjectCount url partialDataUrl createdAt completedAt } } }";

/// The search for changes since `since` (Shopify's query syntax).
pub fn changed_since(since: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "updated_at:>='{}'",
        since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn balanced(q: &str) -> bool {
        let mut depth = 0i32;
        for c in q.chars() {
            match c {
                '{' | '(' => depth += 1,
                '}' | ')' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn every_query_is_balanced_and_names_the_fields_the_reader_uses() {
        for q in [
            SHOP.to_string(),
            orders_page(),
            more_lines(),
            customers_page(),
            bulk_orders(),
            bulk_customers(),
            BULK_RUN.to_string(),
            BULK_POLL.to_string(),
        ] {
            assert!(balanced(&q), "{q}");
        }
        for field in [
            "currentQuantity",
            "totalRefundedSet",
            "deliveredAt",
            "trackingInfo",
            "customAttributes",
            "smsMarketingConsent",
        ] {
            assert!(orders_page().contains(field), "{field}");
            assert!(bulk_orders().contains(field), "{field}");
        }
        assert!(
            !bulk_orders().contains("nodes"),
            "bulk exports take edges, not nodes"
        );
    }

    #[test]
    fn changes_are_searched_from_a_utc_second() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-01T10:00:00.750+01:00")
            .map(|d| d.with_timezone(&chrono::Utc))
            .unwrap_or_default();
        assert_eq!(changed_since(at), "updated_at:>='2026-11-01T09:00:00Z'");
    }
}
