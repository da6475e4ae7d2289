//! The catalogue of a small shop for tea, candles, natural cosmetics, teaware and
//! gifts, one warehouse aisle per department. Prices are the Polish shop's own, in
//! grosze; popularity is relative (Earl Grey sells best).

/// A product line: SKU, name, variant, weight in grams, price in grosze, popularity.
pub(crate) type Item = (&'static str, &'static str, &'static str, i64, i64, u64);

/// A department with its aisle letter in the warehouse.
pub(crate) type Aisle = (char, &'static [Item]);

#[rustfmt::skip]
const TEAS: &[Item] = &[
    ("TEA-EARL-100", "Earl Grey loose leaf tea 100 g", "", 120, 2490, 90),
    ("TEA-EARL-250", "Earl Grey loose leaf tea 250 g", "", 280, 4990, 30),
    ("TEA-LADY-100", "Lady Grey loose leaf tea 100 g", "", 120, 2690, 25),
    ("TEA-ENGB-100", "English Breakfast loose leaf tea 100 g", "", 120, 2290, 60),
    ("TEA-ENGB-250", "English Breakfast loose leaf tea 250 g", "", 280, 4590, 20),
    ("TEA-DARJ-100", "Darjeeling First Flush 100 g", "", 120, 4490, 25),
    ("TEA-ASSM-100", "Assam Harmutty 100 g", "", 120, 2790, 20),
    ("TEA-SENC-100", "Japanese Sencha 100 g", "", 120, 3490, 35),
    ("TEA-GYOK-050", "Gyokuro 50 g", "", 70, 5990, 8),
    ("TEA-JASM-100", "Jasmine Pearls 100 g", "", 120, 4290, 30),
    ("TEA-OOLM-100", "Milk Oolong 100 g", "", 120, 3990, 20),
    ("TEA-TIEG-100", "Tie Guan Yin oolong 100 g", "", 120, 3790, 12),
    ("TEA-ROOI-100", "Rooibos Vanilla 100 g", "", 120, 2190, 40),
    ("TEA-CHOC-100", "Chocolate & Orange rooibos 100 g", "", 120, 2190, 15),
    ("TEA-CHAM-050", "Chamomile flowers 50 g", "", 70, 1690, 30),
    ("TEA-PEPP-050", "Peppermint leaves 50 g", "", 70, 1490, 30),
    ("TEA-LAPS-100", "Lapsang Souchong 100 g", "", 120, 2990, 10),
    ("TEA-PUER-100", "Pu-erh Shu 100 g", "", 120, 3590, 12),
    ("TEA-MATC-030", "Ceremonial Matcha 30 g tin", "", 90, 6990, 25),
    ("TEA-CHAI-100", "Masala Chai 100 g", "", 120, 2490, 35),
    ("TEA-WINT-100", "Winter Spice black tea 100 g", "", 120, 2590, 40),
    ("TEA-LEMG-100", "Lemon & Ginger infusion 100 g", "", 120, 1990, 25),
    ("TEA-HIBI-100", "Hibiscus & Rosehip infusion 100 g", "", 120, 1890, 18),
    ("TEA-WHPE-050", "White Peony (Bai Mu Dan) 50 g", "", 70, 3290, 10),
    ("TEA-GENM-100", "Genmaicha 100 g", "", 120, 2390, 12),
    ("TEA-RCAR-100", "Russian Caravan 100 g", "", 120, 2490, 15),
    ("TEA-YERB-250", "Yerba mate 250 g", "", 280, 2290, 10),
    ("TEA-SAMP-006", "Tea tasting set, 6 × 10 g", "", 150, 3990, 30),
    ("TEA-BAGS-EARL", "Earl Grey pyramid tea bags, 20 pcs", "", 80, 1990, 35),
    ("TEA-BAGS-MINT", "Peppermint pyramid tea bags, 20 pcs", "", 70, 1790, 25),
    ("TEA-ADVC-024", "Tea Advent calendar, 24 teas", "", 400, 9990, 20),
];

#[rustfmt::skip]
const CANDLES: &[Item] = &[
    ("CAN-LAV-180", "Soy candle Lavender Fields 180 g", "", 380, 4990, 50),
    ("CAN-FIG-180", "Soy candle Fig & Cedar 180 g", "", 380, 4990, 40),
    ("CAN-SEA-180", "Soy candle Sea Salt 180 g", "", 380, 4990, 30),
    ("CAN-VAN-180", "Soy candle Vanilla Bean 180 g", "", 380, 4990, 40),
    ("CAN-CIN-180", "Soy candle Cinnamon & Orange 180 g", "", 380, 4990, 35),
    ("CAN-PINE-180", "Soy candle Pine Forest 180 g", "", 380, 4990, 30),
    ("CAN-BTL-180", "Soy candle Black Tea & Lemon 180 g", "", 380, 4990, 30),
    ("CAN-ROSE-180", "Soy candle Rose Garden 180 g", "", 380, 4990, 25),
    ("CAN-AMB-180", "Soy candle Amber & Oud 180 g", "", 380, 5490, 15),
    ("CAN-LIN-180", "Soy candle Fresh Linen 180 g", "", 380, 4990, 25),
    ("CAN-XMAS-180", "Soy candle Christmas Market 180 g", "", 380, 5290, 25),
    ("CAN-LAV-400", "Soy candle Lavender Fields 400 g, two wicks", "", 750, 8990, 15),
    ("CAN-FIG-400", "Soy candle Fig & Cedar 400 g, two wicks", "", 750, 8990, 12),
    ("CAN-CIN-400", "Soy candle Cinnamon & Orange 400 g, two wicks", "", 750, 8990, 12),
    ("CAN-TEAL-012", "Unscented tealights, 12 pcs", "", 200, 1490, 30),
    ("CAN-BEES-002", "Beeswax taper candles, pair", "", 250, 3490, 15),
    ("CAN-MELT-006", "Wax melts sampler, 6 scents", "", 150, 2990, 15),
    ("CAN-DIFF-LAV", "Reed diffuser Lavender 100 ml", "", 350, 5990, 15),
    ("CAN-DIFF-FIG", "Reed diffuser Fig & Cedar 100 ml", "", 350, 5990, 12),
    ("CAN-MTCH-001", "Long matches in a glass jar", "", 150, 1990, 10),
    ("CAN-SNUF-001", "Brass candle snuffer", "", 80, 3990, 5),
];

#[rustfmt::skip]
const COSMETICS: &[Item] = &[
    ("SOAP-OAT-100", "Handmade soap Oatmeal & Honey 100 g", "", 110, 1990, 40),
    ("SOAP-LAV-100", "Handmade soap Lavender 100 g", "", 110, 1990, 40),
    ("SOAP-CHAR-100", "Handmade soap Activated Charcoal 100 g", "", 110, 2190, 20),
    ("SOAP-GOAT-100", "Goat milk soap 100 g", "", 110, 2190, 25),
    ("SOAP-ROSM-100", "Handmade soap Rosemary & Mint 100 g", "", 110, 1990, 20),
    ("SOAP-ALEP-200", "Aleppo olive & laurel soap 200 g", "", 210, 2990, 15),
    ("SOAP-CALN-100", "Handmade soap Calendula 100 g", "", 110, 1990, 15),
    ("SOAP-TRIO-300", "Soap trio gift set", "", 330, 5490, 25),
    ("COS-HAND-ROSE", "Hand cream Rose 50 ml", "", 70, 2990, 30),
    ("COS-HAND-SEAB", "Hand cream Sea Buckthorn 50 ml", "", 70, 2990, 25),
    ("COS-HAND-NOSC", "Hand cream Unscented 50 ml", "", 70, 2790, 15),
    ("COS-LIPS-HON", "Lip balm Honey", "", 20, 1490, 35),
    ("COS-LIPS-MNT", "Lip balm Peppermint", "", 20, 1490, 25),
    ("COS-SALT-LAV", "Bath salts Lavender 500 g", "", 520, 3490, 20),
    ("COS-SALT-EUC", "Bath salts Eucalyptus 500 g", "", 520, 3490, 15),
    ("COS-BUTT-SHE", "Shea body butter 200 ml", "", 250, 4990, 20),
    ("COS-BOMB-003", "Bath bombs, 3 pcs", "", 350, 3290, 25),
    ("COS-SHMP-BAR", "Solid shampoo bar 80 g", "", 90, 3490, 15),
    ("COS-OIL-ARG", "Argan face oil 30 ml", "", 90, 6990, 10),
    ("COS-MASK-CLY", "Clay face mask 100 g", "", 120, 3990, 10),
    ("COS-SCRB-COF", "Coffee body scrub 200 g", "", 230, 3990, 15),
    ("COS-BRSH-SIS", "Sisal body brush", "", 150, 2990, 8),
    ("COS-SOCK-SPA", "Spa socks with lavender", "", 100, 2490, 8),
];

#[rustfmt::skip]
const TEAWARE: &[Item] = &[
    ("MUG-STONE-SAGE", "Stoneware mug 350 ml", "Sage", 400, 5990, 25),
    ("MUG-STONE-CREAM", "Stoneware mug 350 ml", "Cream", 400, 5990, 25),
    ("MUG-STONE-NAVY", "Stoneware mug 350 ml", "Navy", 400, 5990, 20),
    ("MUG-STONE-TERRA", "Stoneware mug 350 ml", "Terracotta", 400, 5990, 20),
    ("MUG-ENAM-WHT", "Enamel camping mug 300 ml", "White", 200, 3490, 15),
    ("MUG-ENAM-GRN", "Enamel camping mug 300 ml", "Forest green", 200, 3490, 15),
    ("MUG-GLAS-DBL", "Double-wall glass cup 250 ml", "", 220, 3990, 15),
    ("MUG-CUP-SAUC", "Porcelain cup and saucer", "", 350, 4990, 10),
    ("MUG-TRAV-STL", "Travel tumbler with tea infuser 400 ml", "", 350, 7990, 15),
    ("POT-GLAS-800", "Glass teapot with infuser 800 ml", "", 650, 8990, 20),
    ("POT-IRON-600", "Cast iron teapot Tetsubin 600 ml", "", 1300, 19990, 8),
    ("POT-CERM-1000", "Ceramic teapot 1 l", "Cream", 900, 12990, 8),
    ("POT-KYUS-300", "Kyusu teapot 300 ml", "", 350, 13990, 5),
    ("ACC-INFU-BALL", "Stainless tea infuser ball", "", 40, 1490, 30),
    ("ACC-INFU-BSKT", "Tea infuser basket", "", 60, 2490, 20),
    ("ACC-STRN-001", "Bamboo tea strainer", "", 30, 1990, 10),
    ("ACC-CHSN-080", "Matcha whisk (chasen), 80 prongs", "", 50, 4990, 12),
    ("ACC-CHWN-001", "Matcha bowl (chawan)", "", 450, 8990, 8),
    ("ACC-SPNS-004", "Brass teaspoons, set of 4", "", 120, 4990, 8),
    ("ACC-HONY-DIP", "Olive wood honey dipper", "", 30, 1490, 15),
    ("ACC-TINS-BLK", "Tea caddy tin 100 g", "Black", 120, 2490, 15),
    ("ACC-TINS-WHT", "Tea caddy tin 100 g", "White", 120, 2490, 15),
    ("ACC-TIMR-SND", "Sand timer, 3 minutes", "", 80, 2490, 10),
    ("ACC-COST-004", "Cork coasters, set of 4", "", 60, 1990, 10),
];

#[rustfmt::skip]
const PANTRY_AND_GIFTS: &[Item] = &[
    ("FOOD-HON-BUCK", "Buckwheat honey 400 g", "", 560, 3490, 20),
    ("FOOD-HON-LIND", "Linden honey 400 g", "", 560, 3490, 20),
    ("FOOD-JAM-ROSE", "Rose petal jam 250 g", "", 380, 2490, 10),
    ("FOOD-JAM-QUIN", "Quince jam 250 g", "", 380, 2490, 8),
    ("FOOD-BISC-SHB", "Butter shortbread, tin 200 g", "", 320, 2990, 20),
    ("FOOD-BISC-GNG", "Gingerbread hearts 150 g", "", 180, 1990, 20),
    ("FOOD-CHOC-DRK", "Dark chocolate 70 % with cardamom 80 g", "", 90, 1690, 25),
    ("FOOD-SUGR-CUB", "Brown sugar cubes 250 g", "", 260, 1290, 10),
    ("FOOD-SYRP-ELD", "Elderflower syrup 250 ml", "", 450, 2790, 10),
    ("GIFT-BOX-SML", "Gift box, small (tea and candle)", "", 700, 11990, 25),
    ("GIFT-BOX-LRG", "Gift box, large (tea, candle, mug, honey)", "", 1900, 24990, 15),
    ("GIFT-BOX-SPA", "Spa box (soap, bath salts, hand cream)", "", 1000, 14990, 15),
    ("GIFT-CARD-GRT", "Greeting card with envelope", "", 30, 990, 30),
    ("GIFT-WRAP-LIN", "Furoshiki linen wrap", "", 60, 2990, 15),
    ("GIFT-TOWL-LIN", "Linen tea towel", "", 120, 3990, 12),
    ("GIFT-NOTE-A5", "Notebook with linen cover A5", "", 300, 3990, 10),
    ("GIFT-INCN-JPN", "Japanese incense sticks, 30 pcs", "", 60, 2990, 12),
    ("GIFT-SACH-LAV", "Lavender sachets, 3 pcs", "", 60, 1990, 20),
    ("GIFT-CHST-WOD", "Wooden tea chest, 8 compartments", "", 900, 11990, 8),
    ("GIFT-BASK-WIL", "Willow gift basket", "", 800, 6990, 6),
];

/// Every department, aisle A to E.
pub(crate) const AISLES: &[Aisle] = &[
    ('A', TEAS),
    ('B', CANDLES),
    ('C', COSMETICS),
    ('D', TEAWARE),
    ('E', PANTRY_AND_GIFTS),
];
