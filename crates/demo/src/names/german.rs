//! German names, umlauts and ß included (Jürgen Müller, Bärbel Weiß).

/// Men's given names.
#[rustfmt::skip]
pub(crate) const MALE: &[&str] = &[
    "Jürgen", "Klaus", "Peter", "Michael", "Thomas", "Andreas", "Wolfgang", "Stefan",
    "Frank", "Uwe", "Jörg", "Dieter", "Günter", "Horst", "Ralf", "Bernd",
    "Matthias", "Markus", "Christian", "Sebastian", "Tobias", "Florian", "Lukas", "Jonas",
    "Maximilian", "Felix", "Leon", "Paul", "Tim", "Niklas", "Jan", "Dirk",
    "Holger", "Sven", "Torsten", "Björn", "Heinz", "Manfred", "Werner", "Gerhard",
    "Helmut", "Karl-Heinz", "Hans-Jürgen", "Rüdiger", "Lutz", "Volker", "Martin", "Alexander",
    "Daniel", "Philipp", "Moritz", "Fabian", "Benedikt", "Till", "Oliver", "Kai",
    "Henrik", "Jens", "Götz", "Joachim",
];

/// Women's given names.
#[rustfmt::skip]
pub(crate) const FEMALE: &[&str] = &[
    "Ursula", "Monika", "Petra", "Sabine", "Renate", "Helga", "Karin", "Brigitte",
    "Ingrid", "Gisela", "Susanne", "Andrea", "Claudia", "Stefanie", "Birgit", "Nicole",
    "Anja", "Katrin", "Julia", "Laura", "Lena", "Lea", "Hannah", "Sophie",
    "Marie", "Emma", "Mia", "Anna", "Jana", "Sarah", "Johanna", "Franziska",
    "Antje", "Heike", "Silke", "Dörte", "Jutta", "Bärbel", "Gudrun", "Annegret",
    "Hildegard", "Elke", "Gabriele", "Christiane", "Martina", "Kerstin", "Melanie", "Tanja",
    "Doris", "Angelika", "Charlotte", "Greta", "Clara", "Luise", "Frieda", "Ida",
    "Paula", "Ilse", "Käthe", "Lotte",
];

/// Family names (the same for men and women).
#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
    "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
    "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid",
    "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
    "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung",
    "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger",
    "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Groß", "Jäger", "Böhm",
];
