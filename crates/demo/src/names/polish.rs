//! Polish names. Family names ending in -ski, -cki, -dzki are adjectives and take
//! the feminine ending -ska, -cka, -dzka for women; the others do not change.

/// Men's given names.
#[rustfmt::skip]
pub(crate) const MALE: &[&str] = &[
    "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin",
    "Stanisław", "Jakub", "Adam", "Marek", "Łukasz", "Grzegorz", "Mateusz", "Wojciech",
    "Mariusz", "Dariusz", "Zbigniew", "Jerzy", "Maciej", "Rafał", "Robert", "Kamil",
    "Józef", "Ryszard", "Tadeusz", "Dawid", "Jacek", "Janusz", "Kazimierz", "Przemysław",
    "Sebastian", "Szymon", "Artur", "Daniel", "Bartłomiej", "Henryk", "Roman", "Sławomir",
    "Mirosław", "Zdzisław", "Władysław", "Bogdan", "Damian", "Filip", "Kacper", "Hubert",
    "Patryk", "Radosław", "Leszek", "Witold", "Karol", "Antoni", "Bartosz", "Jarosław",
    "Czesław", "Zenon", "Wiesław", "Oskar",
];

/// Women's given names.
#[rustfmt::skip]
pub(crate) const FEMALE: &[&str] = &[
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
    "Elżbieta", "Magdalena", "Joanna", "Zofia", "Monika", "Teresa", "Danuta", "Natalia",
    "Karolina", "Marta", "Beata", "Dorota", "Halina", "Aleksandra", "Jadwiga", "Alicja",
    "Irena", "Grażyna", "Jolanta", "Iwona", "Paulina", "Justyna", "Bożena", "Urszula",
    "Renata", "Agata", "Sylwia", "Julia", "Helena", "Patrycja", "Izabela", "Hanna",
    "Weronika", "Wiktoria", "Dominika", "Emilia", "Kinga", "Żaneta", "Łucja", "Marianna",
    "Gabriela", "Oliwia", "Zuzanna", "Lena", "Maja", "Amelia", "Bogumiła", "Jagoda",
    "Wiesława", "Stanisława", "Ewelina", "Kamila",
];

/// Family names in their masculine (dictionary) form.
#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
    "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski",
    "Zając", "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel",
    "Nowakowski", "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Adamczyk",
    "Dudek", "Nowicki", "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran",
    "Rutkowski", "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Duda",
    "Zalewski", "Wróblewski", "Jasiński", "Marciniak", "Bąk", "Zawadzki", "Sadowski",
    "Jakubowski", "Czarnecki", "Sawicki", "Sokołowski", "Włodarczyk", "Chmielewski",
    "Grzegorzewski", "Kaźmierczak", "Głowacki", "Żak", "Łuczak", "Kołodziej", "Szczepański",
    "Cieślak", "Wysocki", "Gajewski",
];

/// The family name as a man or a woman carries it.
pub(crate) fn in_gender(surname: &str, female: bool) -> String {
    match surname.strip_suffix("ki") {
        Some(stem)
            if female && (stem.ends_with('s') || stem.ends_with('c') || stem.ends_with("dz")) =>
        {
            format!("{stem}ka")
        }
        _ => surname.to_string(),
    }
}
