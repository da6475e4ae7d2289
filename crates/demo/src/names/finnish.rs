//! Finnish names, with the ä and ö that Finnish spelling keeps (Väinö Äijälä).

/// Men's given names.
#[rustfmt::skip]
pub(crate) const MALE: &[&str] = &[
    "Juhani", "Matti", "Timo", "Mikko", "Jari", "Kari", "Antti", "Pekka",
    "Jukka", "Mika", "Markku", "Hannu", "Heikki", "Seppo", "Ville", "Janne",
    "Sami", "Petri", "Tapani", "Olavi", "Väinö", "Eero", "Eino", "Veikko",
    "Aleksi", "Lauri", "Juho", "Joonas", "Onni", "Eetu", "Niko", "Tuomas",
    "Kalle", "Ilmari", "Tapio", "Pentti", "Raimo", "Esa", "Harri", "Jarmo",
    "Risto", "Arto", "Teemu", "Jussi", "Toni", "Otto", "Elias", "Leo",
    "Aarne", "Oskari", "Veeti", "Topi", "Jyrki", "Pertti", "Reijo", "Kimmo",
    "Tero", "Sakari", "Erkki", "Martti",
];

/// Women's given names.
#[rustfmt::skip]
pub(crate) const FEMALE: &[&str] = &[
    "Maria", "Helena", "Johanna", "Anneli", "Kaarina", "Marjatta", "Anna", "Liisa",
    "Sari", "Tuula", "Päivi", "Riitta", "Leena", "Pirjo", "Sanna", "Minna",
    "Tiina", "Satu", "Merja", "Elina", "Aino", "Eveliina", "Emilia", "Sofia",
    "Aada", "Ella", "Venla", "Iida", "Siiri", "Helmi", "Ilona", "Kirsi",
    "Hanna", "Katja", "Laura", "Heidi", "Jenni", "Susanna", "Marja", "Tarja",
    "Outi", "Anu", "Sirpa", "Eija", "Ritva", "Seija", "Kaisa", "Noora",
    "Veera", "Milla", "Jaana", "Hilkka", "Irmeli", "Pälvi", "Enni", "Linnea",
    "Anni", "Saara", "Elli", "Pihla",
];

/// Family names (the same for men and women).
#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
    "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
    "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
    "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Äijälä", "Hyvönen",
    "Räsänen", "Väisänen", "Jääskeläinen", "Pöllänen", "Kärkkäinen", "Leinonen", "Hiltunen", "Manninen",
    "Seppälä", "Kettunen", "Miettinen", "Lindholm", "Halonen", "Pitkänen", "Aaltonen", "Anttila",
    "Kallio", "Lindqvist", "Oksanen", "Peltonen", "Huttunen", "Toivonen", "Ylönen", "Kemppainen",
    "Mustonen", "Hakala", "Partanen", "Rautio", "Nurmi",
];
