//! Names from the United Kingdom, Welsh, Scottish and Irish ones among them.

/// Men's given names.
#[rustfmt::skip]
pub(crate) const MALE: &[&str] = &[
    "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas",
    "Oscar", "William", "James", "Henry", "Leo", "Alfie", "Joshua", "Freddie",
    "Archie", "Ethan", "Isaac", "Alexander", "Joseph", "Edward", "Samuel", "Max",
    "Daniel", "Arthur", "Lucas", "Mohammed", "Logan", "Theo", "Harrison", "Benjamin",
    "Mason", "Sebastian", "Finley", "Adam", "Dylan", "Zachary", "Riley", "Teddy",
    "David", "Elijah", "Jake", "Toby", "Reuben", "Hugo", "Matthew", "Harvey",
    "Reggie", "Michael", "Tommy", "Rory", "Callum", "Gareth", "Nigel", "Ian",
    "Graham", "Stuart", "Rhys", "Angus",
];

/// Women's given names.
#[rustfmt::skip]
pub(crate) const FEMALE: &[&str] = &[
    "Olivia", "Amelia", "Isla", "Ava", "Emily", "Isabella", "Mia", "Poppy",
    "Ella", "Lily", "Sophia", "Grace", "Evie", "Charlotte", "Freya", "Daisy",
    "Alice", "Sophie", "Florence", "Ivy", "Ruby", "Willow", "Phoebe", "Matilda",
    "Evelyn", "Sienna", "Harriet", "Rosie", "Imogen", "Elsie", "Eleanor", "Millie",
    "Lucy", "Jessica", "Chloe", "Hannah", "Holly", "Megan", "Bethany", "Abigail",
    "Katie", "Lauren", "Rebecca", "Gemma", "Kirsty", "Siobhan", "Niamh", "Fiona",
    "Gillian", "Deborah", "Susan", "Margaret", "Joanne", "Victoria", "Rachel", "Nicola",
    "Zoe", "Amy", "Sarah", "Helen",
];

/// Family names.
#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
    "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
    "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
    "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris",
    "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
    "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett",
    "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey",
    "Collins", "Bell", "Shaw", "Murphy", "O'Brien", "MacDonald", "Pritchard", "Llewellyn",
];
