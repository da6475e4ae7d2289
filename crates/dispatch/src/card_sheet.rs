//! The card-text sheet for the person writing cards: the cards still to write,
//! oldest order first, with the occasion in the writer's language, as one PDF,
//! saved or sent to the desk's printer.

use crate::card_words::{occasion_name, sheet_title};
use crate::error::DispatchError;
use crate::printing::{print_pdf, PrintedTo};
use courtesy_core::Language;
use courtesy_slip::PageSize;
use courtesy_slip::{render_card_sheet, CardSheetEntry};
use courtesy_store::{CardView, Store};

/// The sheet's entries for `cards`, occasions named in `language`.
pub fn card_sheet_entries(cards: &[CardView], language: Language) -> Vec<CardSheetEntry> {
    cards
        .iter()
        .map(|c| CardSheetEntry {
            customer: c.customer_name.clone(),
            order_number: c.order_number.clone(),
            language: c.language.code().to_string(),
            occasion: occasion_name(c.occasion, language).to_string(),
            text: c.text.clone(),
        })
        .collect()
}

/// The PDF of the cards to write, titled and with occasions named in
/// `language`; `None` when there are none.
pub fn cards_to_write_sheet(
    store: &Store,
    language: Language,
) -> Result<Option<Vec<u8>>, DispatchError> {
    let cards = store.cards_to_write()?;
    if cards.is_empty() {
        return Ok(None);
    }
    let entries = card_sheet_entries(&cards, language);
    Ok(Some(render_card_sheet(
        &sheet_title(language, cards.len()),
        &entries,
    )?))
}

/// The sheet of the cards to write in the desk's UI language (English when
/// none is set); `None` when there are no cards.
pub fn desk_card_sheet(store: &Store) -> Result<Option<Vec<u8>>, DispatchError> {
    let language = store.settings()?.ui_language.unwrap_or(Language::En);
    cards_to_write_sheet(store, language)
}

/// Prints the sheet of the cards to write on `printer` (the system default when
/// `None`); `None` when there are no cards.
pub fn print_card_sheet(
    store: &Store,
    printer: Option<&str>,
) -> Result<Option<PrintedTo>, DispatchError> {
    let Some(pdf) = desk_card_sheet(store)? else {
        return Ok(None);
    };
    print_pdf(printer, "Courtesy cards", &pdf, PageSize::A4).map(Some)
}
