//! WooCommerce order statuses, as the REST API writes them (`on-hold`) or as
//! export plugins label them (`On hold`, `Pending payment`, `wc-completed`),
//! mapped to Courtesy's [`OrderStatus`].

use courtesy_core::OrderStatus;

/// Maps a WooCommerce status slug or label. Pending, on hold, checkout
/// drafts and failed payments are open; processing means paid and waiting to
/// ship; completed means shipped. A label in the shop's language (export
/// plugins write WordPress's translation: `Zrealizowane`, `Выполнен`,
/// `Valmis`) is read like free text (see [`crate::formats::mapped_words`]); statuses
/// added by plugins read as open, except the common `shipped` and `delivered`.
pub(crate) fn status(text: &str) -> OrderStatus {
    let lower = text.trim().to_lowercase().replace([' ', '_'], "-");
    let slug = lower.strip_prefix("wc-").unwrap_or(&lower);
    match slug {
        "processing" => OrderStatus::Paid,
        "completed" | "shipped" => OrderStatus::Fulfilled,
        "delivered" => OrderStatus::Delivered,
        "cancelled" | "canceled" | "trash" => OrderStatus::Cancelled,
        "refunded" => OrderStatus::Refunded,
        "pending" | "pending-payment" | "on-hold" | "checkout-draft" | "draft" | "failed" => {
            OrderStatus::Open
        }
        _ => crate::formats::mapped_words::status(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    #[test]
    fn api_slugs_map_to_statuses() {
        let got: Vec<_> = [
            "pending",
            "processing",
            "on-hold",
            "completed",
            "cancelled",
            "refunded",
            "failed",
            "trash",
            "checkout-draft",
        ]
        .iter()
        .map(|s| status(s))
        .collect();
        assert_eq!(
            got,
            vec![Open, Paid, Open, Fulfilled, Cancelled, Refunded, Open, Cancelled, Open]
        );
    }

    #[test]
    fn plugin_labels_map_like_slugs() {
        assert_eq!(status("Pending payment"), Open);
        assert_eq!(status("On hold"), Open);
        assert_eq!(status(" Completed "), Fulfilled);
        assert_eq!(status("wc-processing"), Paid);
        assert_eq!(status("Refunded"), Refunded);
        assert_eq!(status("awaiting-pickup"), Open);
    }

    #[test]
    fn translated_labels_map_like_slugs() {
        assert_eq!(status("Zrealizowane"), Fulfilled);
        assert_eq!(status("W trakcie realizacji"), Paid);
        assert_eq!(status("Oczekujące na płatność"), Open);
        assert_eq!(status("Выполнен"), Fulfilled);
        assert_eq!(status("Обработка"), Paid);
        assert_eq!(status("Не удался"), Open);
        assert_eq!(status("Valmis"), Fulfilled);
        assert_eq!(status("Käsittelyssä"), Paid);
        assert_eq!(status("Hyvitetty"), Refunded);
        assert_eq!(status("Anulowane"), Cancelled);
    }
}
