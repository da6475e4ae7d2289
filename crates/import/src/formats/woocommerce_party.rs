//! Who a WooCommerce order or customer is, from its `billing` and `shipping`
//! blocks: names, company, e-mail, phones, country and both addresses.

use crate::record::RowError;
use crate::source::cells::{country_code, non_empty};
use crate::source::json_fields::Fields;
use courtesy_core::PostalAddress;

/// A person as the billing and shipping blocks describe them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Party {
    /// Given name (billing first, else shipping).
    pub(crate) first_name: String,
    /// Family name, from the same block as the given name.
    pub(crate) last_name: String,
    /// Company (billing first, else shipping).
    pub(crate) company: String,
    /// The billing e-mail.
    pub(crate) email: Option<String>,
    /// Billing phone, then a different shipping phone.
    pub(crate) phones: Vec<String>,
    /// ISO alpha-2 country of the billing, else the shipping address.
    pub(crate) country: Option<String>,
    /// The billing address, when it has a street, city or postcode.
    pub(crate) billing: Option<PostalAddress>,
    /// The shipping address, likewise.
    pub(crate) shipping: Option<PostalAddress>,
}

impl Party {
    /// Reads the `billing` and `shipping` blocks of `fields` (either may be absent).
    pub(crate) fn read(fields: &Fields<'_>) -> Result<Party, RowError> {
        let billing = fields.child("billing")?;
        let shipping = fields.child("shipping")?;
        let mut party = Party::default();
        for block in [&billing, &shipping].into_iter().flatten() {
            let (first, last) = (block.text("first_name")?, block.text("last_name")?);
            if party.first_name.is_empty() && party.last_name.is_empty() {
                (party.first_name, party.last_name) = (first, last);
            }
            if party.company.is_empty() {
                party.company = block.text("company")?;
            }
            let phone = block.text("phone")?;
            if !phone.is_empty() && !party.phones.contains(&phone) {
                party.phones.push(phone);
            }
            if party.country.is_none() {
                party.country = country_code(&block.text("country")?);
            }
        }
        if let Some(block) = &billing {
            party.email = non_empty(&block.text("email")?);
            party.billing = block.address()?;
        }
        if let Some(block) = &shipping {
            party.shipping = block.address()?;
        }
        Ok(party)
    }

    /// The addresses with their kinds, billing first.
    pub(crate) fn addresses(&self) -> Vec<(String, PostalAddress)> {
        [("billing", &self.billing), ("shipping", &self.shipping)]
            .into_iter()
            .filter_map(|(kind, address)| address.clone().map(|a| (kind.to_string(), a)))
            .collect()
    }

    /// Where an order goes: the shipping address, else the billing one.
    pub(crate) fn ship_to(&self) -> PostalAddress {
        self.shipping
            .clone()
            .or_else(|| self.billing.clone())
            .unwrap_or_default()
    }

    /// Whether there is anything to tell the person by: a name, e-mail or phone.
    pub(crate) fn is_anonymous(&self) -> bool {
        self.first_name.is_empty()
            && self.last_name.is_empty()
            && self.email.is_none()
            && self.phones.is_empty()
    }
}
