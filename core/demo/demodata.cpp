// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

namespace Vitrine::DemoData {

namespace {

constexpr auto All = Audience::Everyone;
constexpr auto Women = Audience::Women;
constexpr auto Men = Audience::Men;
constexpr auto Year = Season::AllYear;
constexpr auto Summer = Season::Summer;
constexpr auto Winter = Season::Winter;
constexpr auto Xmas = Season::Christmas;
constexpr auto Apparel = Profile::Apparel;
constexpr auto Footwear = Profile::Footwear;
constexpr auto Accessory = Profile::Accessory;
constexpr auto Home = Profile::Home;
constexpr auto Electronics = Profile::Electronics;
constexpr auto Beauty = Profile::Beauty;
constexpr auto Gear = Profile::Gear;
constexpr auto Toy = Profile::Toy;
constexpr auto Pantry = Profile::Pantry;

enum Top
{
    Fashion,
    HomeTop,
    Outdoor,
    Tech,
    BeautyTop,
    Kids
};

// clang-format off
// Base weight; women, men; under 28, 28-45, 46-60, over 60; Nordic, British.
const TopCategory tops[] = {
    {"Fashion", "Nordvik|Linnea Studio|Halvorsen|Mörk|Soltis|Vinter Atelier|Ekdal|Kaia|Brisa|Fjelde & Co",
     1.3, 1.4, 0.8, 1.2, 1.0, 0.95, 0.9, 1.0, 1.15},
    {"Home", "Hemlig Hem|Lund & Ek|Tavla|Birka Living|Stuga|Koppar|Ljusa|Oleander Home|Varde|Tuva Studio",
     1.0, 1.1, 0.9, 0.6, 1.1, 1.3, 1.4, 1.0, 1.0},
    {"Outdoor", "Tundra Peak|Norrsken Gear|Bergholm|Aava Outdoor|Skarv|Fjordline|Villmark|Lappi Trail|Ulv|Kalla",
     0.8, 0.8, 1.3, 1.0, 1.0, 1.05, 1.1, 1.6, 0.85},
    {"Electronics", "Voltra|Kestrel|Auralis|Pixelnord|Zenko|Lumio|Strata|Novaro|Helix|Orbis Labs",
     0.9, 0.6, 1.7, 1.4, 1.0, 0.9, 0.7, 1.0, 1.0},
    {"Beauty", "Aurelle|Blanc Nord|Saga Skin|Lumen Botanics|Havtorn|Mossa|Ravna|Solis Beauty|Dagg|Frost & Fern",
     0.8, 2.0, 0.35, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0},
    {"Kids", "Lilla Björn|Tumbl|Pippa & Pim|Muru|Snöboll|Trolla|Nokki|Little Fjord",
     0.45, 1.2, 0.8, 0.25, 2.2, 0.6, 0.8, 1.0, 1.0},
};
// clang-format on

const char *const wool = "Merino Wool|Cashmere|Alpaca-Blend|Lambswool|Organic Cotton|Mohair-Blend";
const char *const leatherShoe = "Leather|Suede|Nubuck|Recycled Canvas";
const char *const wood = "Oak|Ash|Walnut|Birch|Steel|Rattan";

// clang-format off
const LeafCategory leaves[] = {
    // Fashion
    {Fashion, "Women", "Dresses", 69, 1.2, Women, Summer, Apparel, false,
     "Wrap Dress|Midi Dress|Shirt Dress|Maxi Dress|Knit Dress|Slip Dress", "material",
     "Linen|Organic Cotton|Viscose|Silk|Jersey|Lyocell", "Floral|Pleated|Relaxed-Fit|Belted|Tiered|Ribbed", "XS-XL", ""},
    {Fashion, "Women", "Knitwear", 79, 1.2, Women, Winter, Apparel, false,
     "Crew Sweater|Cardigan|Turtleneck|V-Neck Sweater|Knitted Vest|Roll-Neck Jumper", "material",
     wool, "Chunky Knit|Cable Knit|Ribbed|Oversized|Fine-Knit|Fair Isle", "XS-XL", ""},
    {Fashion, "Women", "Jackets & Coats", 149, 1.0, Women, Winter, Apparel, false,
     "Coat|Trench Coat|Puffer Jacket|Parka|Quilted Jacket|Blazer", "material",
     "Recycled Down|Wool-Blend|Water-Repellent Cotton|Recycled Polyester", "Longline|Cropped|Double-Breasted|Hooded|Insulated|Tailored", "XS-XL", ""},
    {Fashion, "Women", "Jeans & Trousers", 69, 1.0, Women, Year, Apparel, false,
     "Straight Jeans|Wide-Leg Jeans|Slim Jeans|Chinos|Wide Trousers|Culottes", "material",
     "Organic Denim|Stretch Cotton|Linen|Recycled Denim|Wool-Blend", "High-Rise|Mid-Rise|Cropped|Relaxed|Tapered|Pleated", "XS-XL", ""},
    {Fashion, "Women", "Tops & T-Shirts", 29, 1.2, Women, Summer, Apparel, false,
     "T-Shirt|Blouse|Tank Top|Long-Sleeve Top|Shirt|Polo Top", "material",
     "Organic Cotton|Linen|Modal|Silk|Lyocell", "Striped|Boxy|Fitted|Ribbed|Oversized|Pocket", "XS-XL", ""},
    {Fashion, "Women", "Shoes", 99, 1.0, Women, Year, Footwear, false,
     "Ankle Boots|Sneakers|Loafers|Ballet Flats|Sandals|Chelsea Boots", "material",
     leatherShoe, "Chunky|Minimal|Lug-Sole|Classic|Platform", "36-42", ""},
    {Fashion, "Men", "Knitwear", 79, 1.0, Men, Winter, Apparel, false,
     "Crew Sweater|Cardigan|Turtleneck|Quarter-Zip Sweater|Knitted Vest|Roll-Neck Jumper", "material",
     wool, "Chunky Knit|Cable Knit|Ribbed|Waffle-Knit|Fine-Knit|Fisherman", "S-XXL", ""},
    {Fashion, "Men", "Shirts", 49, 1.0, Men, Year, Apparel, false,
     "Oxford Shirt|Flannel Shirt|Linen Shirt|Overshirt|Denim Shirt|Poplin Shirt", "material",
     "Organic Cotton|Linen|Brushed Cotton|Wool-Blend", "Slim-Fit|Regular-Fit|Button-Down|Checked|Striped|Relaxed", "S-XXL", ""},
    {Fashion, "Men", "Jackets & Coats", 159, 0.9, Men, Winter, Apparel, false,
     "Parka|Overcoat|Puffer Jacket|Field Jacket|Bomber Jacket|Quilted Jacket", "material",
     "Recycled Down|Wool-Blend|Waxed Cotton|Recycled Polyester", "Hooded|Insulated|Water-Repellent|Tailored|Classic|Lightweight", "S-XXL", ""},
    {Fashion, "Men", "Jeans & Trousers", 69, 0.9, Men, Year, Apparel, false,
     "Slim Jeans|Straight Jeans|Chinos|Cargo Trousers|Wool Trousers|Corduroy Trousers", "material",
     "Organic Denim|Stretch Cotton|Recycled Denim|Wool-Blend", "Tapered|Relaxed|Regular-Fit|Pleated|Selvedge|Carpenter", "S-XXL", ""},
    {Fashion, "Men", "T-Shirts", 25, 0.9, Men, Summer, Apparel, false,
     "T-Shirt|Henley|Polo Shirt|Long-Sleeve T-Shirt|Tank Top", "material",
     "Organic Cotton|Linen|Merino Wool|Pima Cotton", "Heavyweight|Pocket|Striped|Slub|Relaxed", "S-XXL", ""},
    {Fashion, "Men", "Shoes", 109, 0.9, Men, Year, Footwear, false,
     "Sneakers|Derby Shoes|Chelsea Boots|Loafers|Desert Boots|Runners", "material",
     leatherShoe, "Minimal|Classic|Lug-Sole|Retro|Waterproof", "40-46", ""},
    {Fashion, "Accessories", "Bags", 89, 0.9, All, Year, Accessory, false,
     "Tote Bag|Backpack|Crossbody Bag|Weekend Bag|Laptop Bag|Shoulder Bag", "material",
     "Leather|Waxed Canvas|Recycled Nylon|Suede", "Structured|Roll-Top|Mini|Classic|Soft", "", ""},
    {Fashion, "Accessories", "Scarves & Hats", 35, 0.8, All, Winter, Accessory, false,
     "Scarf|Beanie|Bucket Hat|Knitted Gloves|Cap|Snood", "material",
     "Merino Wool|Cashmere|Lambswool|Organic Cotton", "Ribbed|Oversized|Chunky|Striped|Fleece-Lined", "", ""},
    {Fashion, "Accessories", "Sunglasses", 79, 0.6, All, Summer, Accessory, false,
     "Sunglasses|Aviator Sunglasses|Round Sunglasses|Cat-Eye Sunglasses|Sports Sunglasses", "material",
     "Acetate|Titanium|Bio-Acetate", "Polarised|Classic|Oversized|Retro", "", ""},
    {Fashion, "Accessories", "Watches", 149, 0.6, All, Xmas, Accessory, false,
     "Watch|Chronograph|Dress Watch|Field Watch|Diver Watch", "material",
     "Steel|Titanium|Leather-Strap", "Minimalist|Automatic|Solar|Classic", "", ""},
    {Fashion, "Accessories", "Jewellery", 59, 0.7, Women, Xmas, Accessory, false,
     "Necklace|Earrings|Bracelet|Ring|Hoop Earrings|Pendant", "material",
     "Sterling Silver|Gold-Plated|Recycled Silver", "Dainty|Chunky|Pearl|Engraved|Twisted", "", ""},

    // Home
    {HomeTop, "Kitchen", "Cookware", 59, 0.9, All, Year, Home, false,
     "Frying Pan|Saucepan|Casserole Dish|Wok|Stockpot|Dutch Oven", "material",
     "Cast Iron|Stainless Steel|Carbon Steel|Enamelled Cast Iron", "Non-Stick|Tri-Ply|Induction-Ready|Classic|Pre-Seasoned", "", ""},
    {HomeTop, "Kitchen", "Knives & Tools", 45, 0.7, All, Xmas, Home, false,
     "Chef's Knife|Bread Knife|Knife Block Set|Cutting Board|Paring Knife|Utensil Set", "material",
     "Damascus Steel|Stainless Steel|Oak|Walnut|Olive Wood", "Professional|Japanese-Style|Classic|Compact", "", ""},
    {HomeTop, "Kitchen", "Coffee & Tea", 12, 0.8, All, Year, Pantry, true,
     "Coffee Beans|Ground Coffee|Green Tea|Earl Grey Tea|Herbal Tea|Espresso Blend", "origin",
     "Ethiopia|Colombia|Guatemala|Darjeeling|Kenya|Brazil", "Organic|Light Roast|Dark Roast|Fairtrade|Single-Origin", "", ""},
    {HomeTop, "Kitchen", "Coffee Makers", 119, 0.5, All, Xmas, Home, false,
     "Pour-Over Coffee Maker|French Press|Espresso Machine|Drip Coffee Maker|Milk Frother|Kettle", "material",
     "Glass|Stainless Steel|Ceramic", "Compact|Classic|Programmable|Matte Black", "", ""},
    {HomeTop, "Kitchen", "Tableware", 29, 0.9, All, Xmas, Home, false,
     "Dinner Plate Set|Mug|Bowl Set|Wine Glasses|Serving Platter|Espresso Cups", "material",
     "Stoneware|Porcelain|Mouth-Blown Glass|Ceramic", "Speckled|Glazed|Handmade|Minimal|Rustic", "", ""},
    {HomeTop, "Living Room", "Cushions & Throws", 35, 0.9, All, Winter, Home, false,
     "Cushion Cover|Throw|Blanket|Floor Cushion|Pouffe", "material",
     "Wool|Linen|Velvet|Bouclé|Organic Cotton", "Chunky Knit|Herringbone|Striped|Fringed|Waffle", "", ""},
    {HomeTop, "Living Room", "Lamps", 89, 0.8, All, Winter, Home, false,
     "Table Lamp|Floor Lamp|Pendant Lamp|Wall Lamp|Reading Lamp", "material",
     "Opal Glass|Brass|Oak|Rattan|Paper", "Globe|Dimmable|Minimal|Mushroom|Adjustable", "", ""},
    {HomeTop, "Living Room", "Rugs", 139, 0.5, All, Year, Home, false,
     "Rug|Runner|Round Rug|Doormat", "material",
     "Wool|Jute|Cotton|Recycled Polyester", "Hand-Woven|Flatweave|Shaggy|Striped|Berber", "", ""},
    {HomeTop, "Living Room", "Decor", 29, 1.0, All, Xmas, Home, false,
     "Vase|Candle Holder|Picture Frame|Wall Mirror|Plant Pot|Storage Basket", "material",
     "Ceramic|Glass|Brass|Seagrass|Stoneware", "Ribbed|Sculptural|Handmade|Minimal|Organic-Shape", "", ""},
    {HomeTop, "Bedroom & Bath", "Bed Linen", 59, 0.8, All, Year, Home, false,
     "Duvet Cover Set|Pillowcase Set|Fitted Sheet|Bedspread", "material",
     "Linen|Percale Cotton|Sateen Cotton|Washed Linen", "Stonewashed|Striped|Plain|Gingham", "", ""},
    {HomeTop, "Bedroom & Bath", "Duvets & Pillows", 89, 0.6, All, Winter, Home, false,
     "Duvet|Pillow|Mattress Topper|Summer Duvet|Winter Duvet", "material",
     "Down|Wool|Microfibre|Duck Feather", "All-Season|Extra-Warm|Light|Medium-Firm", "", ""},
    {HomeTop, "Bedroom & Bath", "Towels", 25, 0.7, All, Year, Home, false,
     "Bath Towel|Hand Towel|Bath Sheet|Towel Set|Bath Mat", "material",
     "Organic Cotton|Linen|Waffle Cotton|Turkish Cotton", "Plush|Waffle|Striped|Quick-Dry", "", ""},
    {HomeTop, "Cleaning & Care", "Cleaning", 8, 0.6, All, Year, Pantry, true,
     "Dish Soap|Laundry Detergent|All-Purpose Cleaner|Dishwasher Tablets|Hand Soap Refill", "scent",
     "Lavender|Citrus|Unscented|Eucalyptus|Birch", "Eco|Concentrated|Refill|Sensitive", "", ""},
    {HomeTop, "Cleaning & Care", "Candles & Scents", 19, 0.7, All, Xmas, Home, true,
     "Scented Candle|Reed Diffuser|Room Spray|Pillar Candles|Tea Lights", "material",
     "Soy Wax|Rapeseed Wax|Beeswax", "Cedarwood|Fig|Sea Salt|Pine|Vanilla|Amber", "", ""},
    {HomeTop, "Furniture", "Chairs", 199, 0.5, All, Year, Home, false,
     "Dining Chair|Lounge Chair|Stool|Armchair|Bar Stool", "material", wood,
     "Stackable|Upholstered|Bentwood|Classic|Low", "", ""},
    {HomeTop, "Furniture", "Tables", 349, 0.4, All, Year, Home, false,
     "Dining Table|Coffee Table|Side Table|Desk|Console Table", "material", wood,
     "Extendable|Round|Rectangular|Nesting|Pedestal", "", ""},
    {HomeTop, "Furniture", "Storage", 179, 0.4, All, Year, Home, false,
     "Bookshelf|Sideboard|Wall Shelf|Chest of Drawers|Wardrobe", "material", wood,
     "Modular|Wall-Mounted|Slim|Classic|Sliding-Door", "", ""},

    // Outdoor
    {Outdoor, "Hiking", "Hiking Boots", 169, 0.8, All, Summer, Footwear, false,
     "Hiking Boots|Trail Shoes|Approach Shoes|Mid Hiking Boots|Trekking Boots", "material",
     "Nubuck|Leather|Recycled Mesh|Suede", "Waterproof|Lightweight|All-Terrain|Insulated|Gore-Tex", "36-47", "Hiking"},
    {Outdoor, "Hiking", "Backpacks", 119, 0.8, All, Summer, Gear, false,
     "Daypack|Hiking Backpack|Trekking Pack|Hydration Pack|Rucksack", "material",
     "Recycled Nylon|Ripstop|Waxed Canvas", "20L|30L|45L|65L|Ultralight|Roll-Top", "", "Hiking"},
    {Outdoor, "Hiking", "Rain Jackets", 189, 0.8, All, Year, Gear, false,
     "Rain Jacket|Shell Jacket|Hardshell Jacket|Rain Poncho|Windbreaker", "material",
     "3-Layer|2.5-Layer|Recycled Nylon", "Packable|Waterproof|Breathable|Hooded|Lightweight", "XS-XXL", "Hiking"},
    {Outdoor, "Hiking", "Base Layers", 59, 0.7, All, Winter, Gear, false,
     "Base Layer Top|Base Layer Leggings|Thermal Top|Long Johns|Neck Gaiter", "material",
     "Merino Wool|Merino-Blend|Recycled Polyester", "Lightweight|Midweight|Heavyweight|Seamless", "XS-XXL", "Hiking"},
    {Outdoor, "Camping", "Tents", 279, 0.6, All, Summer, Gear, false,
     "2-Person Tent|3-Person Tent|Tunnel Tent|Dome Tent|Family Tent", "material",
     "Ripstop Nylon|Polyester|Cotton Canvas", "4-Season|3-Season|Freestanding|Quick-Pitch|Lightweight", "", "Camping"},
    {Outdoor, "Camping", "Sleeping Bags", 149, 0.6, All, Summer, Gear, false,
     "Sleeping Bag|Mummy Sleeping Bag|Sleeping Pad|Camp Pillow|Sleeping Bag Liner", "material",
     "Down|Synthetic|Recycled Down", "3-Season|Winter|Ultralight|Compact", "", "Camping"},
    {Outdoor, "Camping", "Camp Kitchen", 39, 0.7, All, Summer, Gear, false,
     "Camping Stove|Cook Set|Insulated Mug|Water Bottle|Spork Set|Vacuum Flask", "material",
     "Titanium|Stainless Steel|Aluminium", "Compact|Ultralight|Insulated|Folding", "", "Camping"},
    {Outdoor, "Camping", "Lights & Tools", 35, 0.6, All, Winter, Gear, false,
     "Headlamp|Lantern|Multi-Tool|Pocket Knife|Firesteel", "material",
     "Aluminium|Stainless Steel|Recycled Plastic", "Rechargeable|Compact|Waterproof|Heavy-Duty", "", "Camping"},
    {Outdoor, "Winter Sports", "Ski Wear", 249, 0.6, All, Winter, Gear, false,
     "Ski Jacket|Ski Pants|Insulated Jacket|Snowboard Jacket|Softshell Jacket", "material",
     "Gore-Tex|Recycled Polyester|3-Layer", "Insulated|Freeride|Waterproof|Lightweight", "XS-XXL", "Skiing"},
    {Outdoor, "Winter Sports", "Goggles & Helmets", 89, 0.5, All, Winter, Gear, false,
     "Ski Goggles|Ski Helmet|Snowboard Helmet|Goggle Lens", "material",
     "Polycarbonate|Recycled Plastic", "Photochromic|Polarised|Anti-Fog|Lightweight", "S-L", "Skiing"},
    {Outdoor, "Winter Sports", "Gloves & Mittens", 49, 0.5, All, Winter, Gear, false,
     "Ski Gloves|Mittens|Liner Gloves|Touchscreen Gloves", "material",
     "Leather|Merino Wool|Gore-Tex", "Insulated|Waterproof|Windproof|Lightweight", "S-XL", "Skiing"},
    {Outdoor, "Winter Sports", "Cross-Country Skiing", 199, 0.5, All, Winter, Gear, false,
     "Cross-Country Skis|Ski Poles|Ski Boots|Skin Skis|Ski Wax Kit", "material",
     "Carbon|Fibreglass|Aluminium", "Classic|Skate|Touring|Race", "", "Cross-country skiing"},
    {Outdoor, "Cycling", "Helmets", 79, 0.4, All, Summer, Gear, false,
     "Bike Helmet|Commuter Helmet|Road Helmet|MTB Helmet", "material",
     "Polycarbonate|EPS Foam", "MIPS|Ventilated|Lightweight|Reflective", "S-L", "Cycling"},
    {Outdoor, "Cycling", "Bike Accessories", 39, 0.6, All, Year, Gear, false,
     "Bike Light Set|Bike Lock|Saddle Bag|Pannier|Bike Pump|Bottle Cage", "material",
     "Aluminium|Recycled Nylon|Steel", "Rechargeable|Compact|Waterproof|Heavy-Duty", "", "Cycling"},
    {Outdoor, "Cycling", "Cycling Apparel", 69, 0.5, All, Summer, Gear, false,
     "Cycling Jersey|Bib Shorts|Cycling Jacket|Cycling Gloves|Cycling Socks", "material",
     "Recycled Polyester|Merino Wool", "Aero|Thermal|Breathable|Reflective", "XS-XXL", "Cycling"},
    {Outdoor, "Running", "Running Shoes", 139, 0.7, All, Year, Footwear, false,
     "Road Running Shoes|Trail Running Shoes|Racing Shoes|Stability Running Shoes", "material",
     "Recycled Mesh|Knit", "Cushioned|Lightweight|Waterproof|Responsive", "36-47", "Running"},
    {Outdoor, "Running", "Running Apparel", 49, 0.6, All, Summer, Gear, false,
     "Running Tights|Running Shorts|Running T-Shirt|Running Jacket|Running Vest", "material",
     "Recycled Polyester|Merino Wool", "Reflective|Lightweight|Thermal|Breathable", "XS-XXL", "Running"},

    // Electronics
    {Tech, "Audio", "Headphones", 149, 0.7, All, Xmas, Electronics, false,
     "Over-Ear Headphones|On-Ear Headphones|Studio Headphones|Gaming Headset", "material", "",
     "Wireless Noise-Cancelling|Wireless|Foldable|Hi-Res|Lightweight", "", ""},
    {Tech, "Audio", "Earbuds", 89, 0.6, All, Xmas, Electronics, false,
     "True Wireless Earbuds|Sport Earbuds|Noise-Cancelling Earbuds|Open-Ear Earbuds", "material", "",
     "Compact|Waterproof|Hi-Res|Everyday", "", ""},
    {Tech, "Audio", "Speakers", 119, 0.6, All, Xmas, Electronics, false,
     "Bluetooth Speaker|Smart Speaker|Bookshelf Speakers|Soundbar|Portable Speaker", "material", "",
     "Waterproof|Wi-Fi|Compact|Rugged|Stereo", "", ""},
    {Tech, "Computers", "Laptops", 999, 0.5, All, Year, Electronics, false,
     "Laptop|Ultrabook|2-in-1 Laptop|Gaming Laptop|Chromebook", "material", "",
     "14-inch|16-inch|13-inch|15-inch|OLED", "", ""},
    {Tech, "Computers", "Monitors", 279, 0.5, All, Year, Electronics, false,
     "Monitor|Curved Monitor|Portable Monitor|4K Monitor|Ultrawide Monitor", "material", "",
     "27-inch|24-inch|32-inch|34-inch|USB-C", "", ""},
    {Tech, "Computers", "Keyboards & Mice", 59, 0.6, All, Year, Electronics, false,
     "Mechanical Keyboard|Wireless Mouse|Ergonomic Keyboard|Keyboard and Mouse Set|Trackpad", "material", "",
     "Wireless|Low-Profile|Silent|Compact|Ergonomic", "", ""},
    {Tech, "Computers", "Computer Accessories", 69, 0.6, All, Year, Electronics, false,
     "Docking Station|USB-C Hub|Webcam|Laptop Stand|External SSD", "material", "",
     "Compact|Aluminium|4K|Portable|1 TB", "", ""},
    {Tech, "Phones & Tablets", "Smartphones", 549, 0.5, All, Xmas, Electronics, false,
     "Smartphone|Smartphone Pro|Smartphone Lite|Foldable Phone", "material", "",
     "128 GB|256 GB|5G|Dual-SIM", "", ""},
    {Tech, "Phones & Tablets", "Tablets", 399, 0.4, All, Xmas, Electronics, false,
     "Tablet|Tablet Pro|E-Reader|Drawing Tablet", "material", "", "11-inch|10-inch|64 GB|Wi-Fi", "", ""},
    {Tech, "Phones & Tablets", "Cases & Chargers", 25, 0.8, All, Year, Electronics, false,
     "Phone Case|Fast Charger|Wireless Charger|Power Bank|USB-C Cable|Screen Protector", "material", "",
     "Recycled|Slim|Magnetic|65W|Rugged", "", ""},
    {Tech, "Smart Home", "Smart Lighting", 39, 0.5, All, Winter, Electronics, false,
     "Smart Bulb|Light Strip|Smart Plug|Smart Switch|Starter Kit", "material", "",
     "Colour|Dimmable|Wi-Fi|Outdoor", "", ""},
    {Tech, "Smart Home", "Home Appliances", 249, 0.5, All, Year, Electronics, false,
     "Robot Vacuum|Air Purifier|Cordless Vacuum|Stick Vacuum|Dehumidifier", "material", "",
     "Quiet|Self-Emptying|Compact|Smart", "", ""},
    {Tech, "Smart Home", "Security", 99, 0.4, All, Year, Electronics, false,
     "Video Doorbell|Security Camera|Smart Lock|Indoor Camera", "material", "",
     "Wireless|Battery-Powered|2K|Night-Vision", "", ""},
    {Tech, "Wearables", "Smartwatches", 249, 0.5, All, Xmas, Electronics, false,
     "Smartwatch|GPS Sports Watch|Hybrid Smartwatch|Kids' Smartwatch", "material", "",
     "AMOLED|Solar|Titanium|Lightweight", "", ""},
    {Tech, "Wearables", "Fitness Trackers", 89, 0.4, All, Year, Electronics, false,
     "Fitness Tracker|Heart Rate Monitor|Smart Ring|Smart Scale", "material", "",
     "Slim|Waterproof|Long-Battery|Everyday", "", ""},
    {Tech, "Photo", "Cameras", 749, 0.4, All, Summer, Electronics, false,
     "Mirrorless Camera|Compact Camera|Action Camera|Instant Camera", "material", "",
     "Full-Frame|4K|Weather-Sealed|Vlogging", "", ""},
    {Tech, "Photo", "Lenses & Accessories", 199, 0.4, All, Summer, Electronics, false,
     "Prime Lens|Zoom Lens|Tripod|Camera Bag|Memory Card", "material", "",
     "Compact|Travel|Weather-Sealed|Fast", "", ""},

    // Beauty
    {BeautyTop, "Skincare", "Moisturisers", 29, 0.8, All, Winter, Beauty, true,
     "Day Cream|Night Cream|Face Cream|Gel Moisturiser|Rich Cream", "ingredient",
     "Hyaluronic|Ceramide|Cloudberry|Sea Buckthorn|Oat|Birch Sap", "Hydrating|Soothing|Firming|Fragrance-Free|Barrier-Repair", "", ""},
    {BeautyTop, "Skincare", "Serums & Treatments", 39, 0.7, Women, Year, Beauty, true,
     "Face Serum|Eye Cream|Face Oil|Retinol Serum|Vitamin C Serum|Face Mask", "ingredient",
     "Hyaluronic|Niacinamide|Lingonberry|Rosehip|Peptide", "Brightening|Renewing|Calming|Overnight", "", ""},
    {BeautyTop, "Skincare", "Cleansers", 19, 0.6, All, Year, Beauty, true,
     "Cleansing Gel|Cleansing Balm|Micellar Water|Face Wash|Exfoliating Toner", "ingredient",
     "Oat|Chamomile|Birch Sap|Glacial Clay", "Gentle|Foaming|Purifying|Fragrance-Free", "", ""},
    {BeautyTop, "Skincare", "Sun Care", 22, 0.5, All, Summer, Beauty, true,
     "Sunscreen SPF 50|Sunscreen SPF 30|After-Sun Lotion|Sun Stick|Tinted Sunscreen", "ingredient",
     "Aloe|Mineral|Sea Buckthorn", "Sensitive|Water-Resistant|Invisible|Sport", "", ""},
    {BeautyTop, "Makeup", "Face", 32, 0.6, Women, Xmas, Beauty, true,
     "Foundation|Concealer|Tinted Moisturiser|Powder|Blush|Bronzer", "shade",
     "Ivory|Porcelain|Beige|Sand|Honey|Caramel|Espresso", "Matte|Radiant|Long-Wear|Sheer", "", ""},
    {BeautyTop, "Makeup", "Eyes", 24, 0.6, Women, Xmas, Beauty, true,
     "Mascara|Eyeliner|Eyeshadow Palette|Brow Pencil|Brow Gel", "shade",
     "Black|Brown|Graphite|Plum|Bronze", "Volumising|Lengthening|Waterproof|Smudge-Proof", "", ""},
    {BeautyTop, "Makeup", "Lips", 22, 0.6, Women, Xmas, Beauty, true,
     "Lipstick|Lip Balm|Lip Gloss|Lip Liner|Lip Oil", "shade",
     "Rosewood|Nude|Classic Red|Berry|Coral|Mauve", "Matte|Satin|Tinted|Nourishing", "", ""},
    {BeautyTop, "Hair", "Shampoo & Conditioner", 14, 0.7, All, Year, Beauty, true,
     "Shampoo|Conditioner|Dry Shampoo|Hair Mask|Leave-In Conditioner", "ingredient",
     "Oat|Argan|Nettle|Birch|Rosemary", "Volumising|Repairing|Moisturising|Colour-Care", "", ""},
    {BeautyTop, "Hair", "Styling Tools", 79, 0.4, All, Xmas, Electronics, false,
     "Hair Dryer|Straightener|Curling Wand|Hot Brush|Hair Clipper", "material", "",
     "Ionic|Cordless|Compact|Professional", "", ""},
    {BeautyTop, "Fragrance", "Women's Fragrance", 79, 0.6, Women, Xmas, Beauty, false,
     "Eau de Parfum|Eau de Toilette|Perfume Oil|Body Mist|Gift Set", "ingredient",
     "Rose|Jasmine|Amber|Vanilla|Fig|Lily of the Valley", "Floral|Fresh|Warm|Woody", "", ""},
    {BeautyTop, "Fragrance", "Men's Fragrance", 69, 0.5, Men, Xmas, Beauty, false,
     "Eau de Parfum|Eau de Toilette|Aftershave|Cologne|Gift Set", "ingredient",
     "Cedar|Vetiver|Juniper|Leather|Sea Salt", "Fresh|Woody|Spicy|Aromatic", "", ""},
    {BeautyTop, "Men's Grooming", "Shaving", 19, 0.5, Men, Year, Beauty, true,
     "Shaving Cream|Shaving Gel|Aftershave Balm|Pre-Shave Oil|Shaving Soap", "ingredient",
     "Sandalwood|Menthol|Aloe|Birch Tar", "Sensitive|Cooling|Classic|Unscented", "", ""},
    {BeautyTop, "Men's Grooming", "Beard Care", 22, 0.5, Men, Year, Beauty, true,
     "Beard Oil|Beard Balm|Beard Wash|Beard Conditioner|Moustache Wax", "ingredient",
     "Cedarwood|Juniper|Argan|Pine Tar", "Softening|Nourishing|Light|Scented", "", ""},
    {BeautyTop, "Body", "Body Care", 16, 0.7, All, Year, Beauty, true,
     "Body Lotion|Shower Gel|Hand Cream|Body Scrub|Deodorant", "ingredient",
     "Oat|Sea Salt|Lingonberry|Shea|Birch", "Nourishing|Fresh|Sensitive|Unscented", "", ""},

    // Kids
    {Kids, "Toys", "Building Sets", 39, 0.6, All, Xmas, Toy, false,
     "Building Set|Wooden Blocks|Marble Run|Magnetic Tiles|Construction Kit", "material",
     "Beech Wood|Recycled Plastic|Bioplastic", "Creative|Classic|Deluxe|Starter", "", ""},
    {Kids, "Toys", "Games & Puzzles", 25, 0.6, All, Xmas, Toy, false,
     "Board Game|Jigsaw Puzzle|Card Game|Memory Game|Floor Puzzle", "material",
     "Cardboard|Wood", "Family|Nordic Animals|Adventure|Classic", "", ""},
    {Kids, "Toys", "Soft Toys & Dolls", 22, 0.6, All, Xmas, Toy, false,
     "Soft Toy|Rag Doll|Teddy Bear|Doll's House|Plush Rabbit", "material",
     "Organic Cotton|Recycled Polyester|Wool Felt", "Cuddly|Classic|Mini|Large", "", ""},
    {Kids, "Toys", "Outdoor Play", 59, 0.5, All, Summer, Toy, false,
     "Balance Bike|Scooter|Sledge|Sandpit Set|Play Tent", "material",
     "Wood|Steel|Recycled Plastic", "Foldable|Lightweight|Classic|Sturdy", "", ""},
    {Kids, "Baby", "Baby Care", 14, 0.6, All, Year, Pantry, true,
     "Nappies|Baby Wipes|Baby Lotion|Baby Shampoo|Nappy Cream", "ingredient",
     "Oat|Calendula|Unscented", "Sensitive|Eco|Organic|Gentle", "", ""},
    {Kids, "Baby", "Strollers & Car Seats", 349, 0.4, All, Year, Gear, false,
     "Stroller|Pushchair|Car Seat|Baby Carrier|Travel System", "material",
     "Recycled Polyester|Aluminium|Organic Cotton", "Compact|All-Terrain|Lightweight|Convertible", "", ""},
    {Kids, "Baby", "Nursery", 79, 0.4, All, Year, Home, false,
     "Cot|Baby Monitor|Changing Mat|Night Light|Baby Nest", "material",
     "Birch|Organic Cotton|Beech Wood", "Convertible|Classic|Soft|Portable", "", ""},
    {Kids, "Kids' Clothing", "Outerwear", 59, 0.6, All, Winter, Apparel, false,
     "Snowsuit|Rain Jacket|Puffer Jacket|Rain Trousers|Fleece Jacket", "material",
     "Recycled Polyester|Recycled Down|Fleece", "Waterproof|Insulated|Reflective|Breathable", "86-140", ""},
    {Kids, "Kids' Clothing", "Basics", 19, 0.7, All, Year, Apparel, false,
     "T-Shirt|Leggings|Bodysuit Set|Pyjamas|Hoodie|Sweatpants", "material",
     "Organic Cotton|Merino Wool|Bamboo Jersey", "Striped|Printed|Ribbed|Soft", "86-140", ""},
    {Kids, "Kids' Clothing", "Kids' Shoes", 49, 0.5, All, Year, Footwear, false,
     "Rubber Boots|Sneakers|Winter Boots|Sandals|Slippers", "material",
     "Natural Rubber|Leather|Recycled Mesh", "Waterproof|Lined|Velcro|Lightweight", "20-35", ""},
};

const Topic journal[] = {
    {Outdoor, "Hiking", "Hiking",
     "10 Tips for Winter Hiking in Lapland|How to Choose Hiking Boots That Last|The Kungsleden Trail: A First-Timer's Guide|"
     "What to Pack for a Day Hike|Layering 101: Staying Warm and Dry on the Trail|Five Autumn Hikes Near Bergen|"
     "Breaking In New Boots Without Blisters|Hiking With Kids: Our Family Checklist"},
    {Outdoor, "Camping", "Camping",
     "The Right to Roam, Explained|How to Pitch a Tent in the Wind|Sleeping Warm: Choosing a Sleeping Bag|"
     "One-Pot Meals for the Campfire|Our Favourite Lakeside Campsites in Finland|Camping Under the Midnight Sun|"
     "The Ultralight Packing List|Winter Camping for Beginners"},
    {Outdoor, "Winter Sports", "Winter Sports",
     "Cross-Country Skiing for Beginners|How to Wax Your Skis at Home|Choosing Ski Goggles for Flat Light|"
     "Ski Resorts in Norway Worth the Trip|Dressing for Minus Twenty|Avalanche Safety Basics Every Skier Should Know|"
     "A Week of Skiing in Åre|Keeping Kids Warm on the Slopes"},
    {Outdoor, "Cycling", "Cycling",
     "Commuting by Bike Through the Nordic Winter|How to Fit a Bike Helmet Properly|Gravel Routes Around Copenhagen|"
     "Bike Lights: What the Law Says|Five Essential Tools for Roadside Repairs|Cycling the Baltic Coast|"
     "Looking After Your Bike After a Wet Ride"},
    {Outdoor, "Running", "Running",
     "From Couch to 5K in Eight Weeks|How to Choose Running Shoes|Trail Running for Road Runners|"
     "Running in the Dark: Stay Safe and Seen|Marathon Training on a Busy Schedule|Stretching After a Long Run|"
     "What to Wear for Winter Running"},
    {Fashion, "Style Guides", "",
     "Building a Capsule Wardrobe in Ten Pieces|How to Dress for a Scandinavian Spring|The Return of Wide-Leg Trousers|"
     "Five Ways to Style a White Shirt|The Colours of the Season|What to Wear to an Autumn Wedding|"
     "Packing Light for a City Weekend"},
    {Fashion, "Knitwear Care", "",
     "How to Wash Merino Without Shrinking It|Pilling: Why It Happens and How to Fix It|Storing Knitwear Over the Summer|"
     "Merino, Cashmere or Alpaca?|The Story Behind the Fair Isle Sweater|Mending a Hole in Your Favourite Jumper"},
    {Fashion, "Sustainable Fashion", "",
     "What Recycled Polyester Really Means|Caring for Clothes So They Last|A Guide to Textile Certifications|"
     "Why We Use Organic Cotton|Buying Less, Buying Better|Second-Hand Shopping Tips"},
    {Fashion, "Men's Style", "Men",
     "The Essential Men's Wardrobe|How a Shirt Should Fit|Five Ways to Wear an Overshirt|"
     "Choosing a Winter Coat That Lasts|Smart-Casual, Decoded|Caring for Leather Shoes"},
    {Fashion, "Accessories", "Accessories",
     "How to Choose Sunglasses for Your Face Shape|Caring for Silver Jewellery|The Everyday Bag Guide|"
     "Watches Worth Waiting For|Ten Ways to Tie a Scarf"},
    {HomeTop, "Interior Design", "Living Room",
     "Hygge at Home: Ten Simple Ideas|How to Layer Lighting in a Small Room|Choosing the Right Rug Size|"
     "Scandinavian Minimalism Without the Cold|Decorating With Plants in Low Light|Styling a Bookshelf|"
     "Colours That Make a Room Feel Bigger"},
    {HomeTop, "Cooking", "Kitchen",
     "Caring for Cast Iron Pans|Five Knife Skills Every Cook Needs|A Nordic Midsummer Menu|"
     "Slow-Cooked Stews for Dark Evenings|Baking Cardamom Buns at Home|Stocking a Minimal Kitchen|"
     "The Perfect Pour-Over Coffee"},
    {HomeTop, "Sleep", "Bedroom & Bath",
     "How to Choose a Duvet for Every Season|Linen or Percale? Choosing Bed Linen|Better Sleep in the Light Summer Nights|"
     "Washing Pillows and Duvets the Right Way|Creating a Spa Feeling in Your Bathroom"},
    {HomeTop, "Furniture", "Furniture",
     "Caring for Oak Furniture|Small Space, Big Table: Extendable Dining|How to Choose a Desk Chair|"
     "The Classic Scandinavian Chair, Explained|Shelving Ideas for Rented Homes"},
    {HomeTop, "Clean Living", "Cleaning & Care",
     "Greener Cleaning Routines|The Spring Clean Checklist|Burning Scented Candles Safely|"
     "Making Your Detergent Go Further|Natural Ways to Freshen a Room"},
    {Tech, "Home Office", "Computers",
     "Setting Up an Ergonomic Home Office|Choosing a Monitor for Work and Play|Is a Mechanical Keyboard Worth It?|"
     "USB-C Docking, Simply Explained|Ten Tips for Better Video Calls|How Much Laptop Do You Really Need?"},
    {Tech, "Audio", "Audio",
     "Noise Cancelling: How It Works|Choosing Headphones for Your Commute|Setting Up Multi-Room Speakers|"
     "Earbuds for Running: What Matters|Vinyl Is Back: Speakers for Your Turntable"},
    {Tech, "Smart Home", "Smart Home",
     "Smart Lighting for Dark Winters|Getting Started With a Smart Home|Robot Vacuums: Are They Worth It?|"
     "Home Security Without a Subscription|Saving Energy With Smart Plugs"},
    {Tech, "Photography", "Photo",
     "Photographing the Northern Lights|Mirrorless or Compact?|Shooting in Low Winter Light|"
     "Choosing Your First Prime Lens|A Travel Photography Packing List"},
    {Tech, "Mobile", "Phones & Tablets",
     "Making Your Phone Battery Last Longer|Picking a Tablet for Reading and Drawing|Fast Charging, Explained|"
     "Protecting Your Phone Outdoors|Switching Phones Without Losing Photos"},
    {Tech, "Fitness Tech", "Wearables",
     "What Your Sports Watch Can Tell You|Heart Rate Zones for Beginners|Sleep Tracking: Useful or Not?|"
     "Choosing a Fitness Tracker|GPS Watches for Trail Runners"},
    {BeautyTop, "Skincare", "Skincare",
     "A Skincare Routine for Cold, Dry Winters|Why Sunscreen Matters in the North Too|Retinol for Beginners|"
     "Layering Serums the Right Way|Sea Buckthorn and Cloudberry: Nordic Ingredients|Skincare for Sensitive Skin"},
    {BeautyTop, "Makeup", "Makeup",
     "The Five-Minute Everyday Look|Finding Your Foundation Shade|Festive Makeup for the Christmas Party|"
     "How to Make Lipstick Last|Natural Brows, Step by Step"},
    {BeautyTop, "Haircare", "Hair",
     "Protecting Hair From Heat Styling|Winter Hair Care Tips|A Guide to Dry Shampoo|Choosing a Hair Dryer|"
     "Hair Masks That Work"},
    {BeautyTop, "Grooming", "Men's Grooming",
     "The Beginner's Guide to Beard Care|A Close Shave Without Irritation|A Simple Skincare Routine for Men|"
     "Choosing a Signature Scent"},
    {BeautyTop, "Fragrance", "Fragrance",
     "How to Choose a Perfume as a Gift|Eau de Parfum or Eau de Toilette?|Making a Fragrance Last All Day|"
     "Scents of the Nordic Forest"},
    {Kids, "Parenting", "Baby",
     "Your New Baby Checklist|Choosing a Stroller for City and Forest|Car Seat Safety Explained|"
     "Sleeping Through the Night: What Helped Us|Dressing a Baby for a Nordic Winter"},
    {Kids, "Play & Learning", "Toys",
     "Toys That Grow With Your Child|Board Games for the Whole Family|Why Wooden Toys Last|"
     "Rainy Day Activities for Kids|Building Sets by Age"},
    {Kids, "Kids Outdoors", "Kids' Clothing",
     "Outdoor Play in All Weathers|Layering for Children in Winter|Choosing Rubber Boots That Fit|"
     "Teaching Kids to Ride a Bike"},
};

const NameGroup names[] = {
    // 0 Swedish
    {"Anna|Emma|Maja|Ella|Elsa|Astrid|Ingrid|Linnea|Sara|Karin|Elin|Ebba|Sofia|Johanna|Klara|Wilma|Frida|Matilda|Moa|Lena",
     "Erik|Lars|Anders|Johan|Karl|Oskar|Lucas|William|Axel|Nils|Gustav|Olof|Hugo|Viktor|Magnus|Per|Fredrik|Emil|Mattias|Henrik",
     "Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Lindqvist|Berg|Lindberg|Nyström|Holm|Sandberg|Ek|Wallin|"
     "Sjöberg|Lund|Forsberg|Bergström|Engström|Hedlund|Åberg|Lindström"},
    // 1 Danish
    {"Mette|Sofie|Ida|Freja|Camilla|Louise|Signe|Line|Maria|Emma|Anne|Cecilie|Astrid|Karen|Julie|Laura|Mathilde|Nanna",
     "Mads|Rasmus|Jens|Søren|Mikkel|Frederik|Christian|Anders|Jakob|Kasper|Magnus|Oliver|Niels|Henrik|Thomas|Emil|Asger|Troels",
     "Jensen|Nielsen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|Madsen|Kristensen|"
     "Olsen|Thomsen|Poulsen|Møller|Mortensen|Dahl"},
    // 2 Norwegian
    {"Ingrid|Nora|Sigrid|Kari|Hanne|Marit|Solveig|Ingeborg|Emma|Thea|Maja|Silje|Ida|Tuva|Ragnhild|Astrid|Synnøve|Liv",
     "Ole|Lars|Bjørn|Magnus|Henrik|Jakob|Sindre|Eirik|Håkon|Knut|Even|Sander|Tore|Arne|Jonas|Øyvind|Espen|Aksel",
     "Hansen|Johansen|Olsen|Larsen|Andersen|Pedersen|Nilsen|Kristiansen|Jensen|Karlsen|Berg|Haugen|Hagen|Johnsen|"
     "Bakke|Lie|Solberg|Strand|Moen|Halvorsen"},
    // 3 Finnish
    {"Aino|Helmi|Sanna|Laura|Emilia|Kaisa|Venla|Linnea|Elina|Johanna|Satu|Tiina|Anni|Ella|Minna|Sofia|Pihla|Noora",
     "Mikko|Juha|Antti|Janne|Matti|Ville|Eero|Onni|Eino|Lauri|Jussi|Timo|Aleksi|Olli|Teemu|Väinö|Leevi|Tapio",
     "Virtanen|Korhonen|Mäkinen|Nieminen|Mäkelä|Hämäläinen|Laine|Heikkinen|Koskinen|Järvinen|Lehtonen|Lehtinen|"
     "Saarinen|Salminen|Heinonen|Niemi|Kinnunen|Salonen|Turunen|Lindholm"},
    // 4 Icelandic: family names are the parent's name in the genitive + son/dóttir/bur
    {"Guðrún|Sigríður|Kristín|Helga|Anna|Katrín|Sara|Eva|Hildur|Birna|Embla|Sólveig",
     "Jón|Sigurður|Guðmundur|Gunnar|Ólafur|Einar|Kristján|Magnús|Stefán|Aron|Arnar|Ragnar",
     "Jóns|Guðmunds|Gunnars|Ólafs|Einars|Kristjáns|Magnús|Stefáns|Ragnars|Arnar|Helga|Þórs", true, false},
    // 5 German
    {"Anna|Lena|Laura|Julia|Katharina|Sophie|Hannah|Lea|Marie|Sabine|Claudia|Petra|Johanna|Emilia|Clara|Mia",
     "Lukas|Jonas|Felix|Maximilian|Leon|Paul|Thomas|Michael|Stefan|Andreas|Tobias|Jan|Florian|Moritz|Niklas|Matthias",
     "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Koch|Richter|Klein|Wolf|Schröder|"
     "Neumann|Braun|Zimmermann|Krüger|Hartmann"},
    // 6 Dutch
    {"Sanne|Lotte|Anouk|Fleur|Emma|Julia|Sophie|Eva|Femke|Lieke|Noor|Iris|Marieke|Esther",
     "Daan|Bram|Sem|Lars|Thijs|Ruben|Jesse|Sven|Pieter|Joost|Niels|Bas|Koen|Wouter",
     "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|"
     "Peters|Hendriks|van Leeuwen|Dekker"},
    // 7 British
    {"Olivia|Amelia|Isla|Emily|Charlotte|Sophie|Grace|Lucy|Hannah|Eleanor|Jessica|Rebecca|Chloe|Ruby|Harriet|Alice",
     "Oliver|George|Harry|Jack|James|William|Thomas|Charlie|Henry|Samuel|Daniel|Alfie|Joshua|Edward|Callum|Rory",
     "Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|Walker|White|Roberts|"
     "Green|Hall|Wood|Jackson|Clarke"},
    // 8 Polish
    {"Anna|Maria|Katarzyna|Małgorzata|Agnieszka|Zofia|Julia|Zuzanna|Aleksandra|Magdalena|Joanna|Natalia|Ewa|Hanna",
     "Piotr|Krzysztof|Tomasz|Paweł|Michał|Jakub|Kacper|Łukasz|Marcin|Wojciech|Mateusz|Adam|Bartosz|Szymon",
     "Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak|Dąbrowski|"
     "Kozłowski|Jankowski|Mazur|Kwiatkowski|Krawczyk|Piotrowski|Grabowski", false, true},
};

const Country nations[] = {
    {"Sweden", 21, true, 0,
     "Stockholm:40|Gothenburg:22|Malmö:14|Uppsala:9|Västerås:6|Örebro:6|Linköping:6|Helsingborg:5|Umeå:5|Lund:5|"
     "Luleå:3|Östersund:2|Kiruna:1|Visby:1"},
    {"Denmark", 15, true, 1,
     "Copenhagen:40|Aarhus:18|Odense:10|Aalborg:8|Esbjerg:4|Roskilde:3|Vejle:3|Helsingør:2|Frederiksberg:5"},
    {"Norway", 14, true, 2,
     "Oslo:40|Bergen:16|Trondheim:12|Stavanger:10|Tromsø:5|Kristiansand:5|Drammen:4|Bodø:3|Ålesund:3|Lillehammer:2"},
    {"Finland", 12, true, 3,
     "Helsinki:40|Espoo:15|Tampere:14|Vantaa:10|Turku:11|Oulu:10|Jyväskylä:7|Kuopio:5|Rovaniemi:3|Lahti:6"},
    {"Iceland", 2, true, 4, "Reykjavík:60|Kópavogur:15|Hafnarfjörður:12|Akureyri:10|Selfoss:3"},
    {"Germany", 13, false, 5,
     "Berlin:30|Hamburg:15|Munich:12|Cologne:9|Frankfurt:6|Stuttgart:5|Düsseldorf:5|Leipzig:5|Dresden:4|Bremen:4|Kiel:3"},
    {"Netherlands", 8, false, 6,
     "Amsterdam:30|Rotterdam:20|The Hague:15|Utrecht:12|Eindhoven:8|Groningen:7|Haarlem:5|Leiden:4"},
    {"United Kingdom", 9, false, 7,
     "London:40|Manchester:12|Birmingham:10|Edinburgh:9|Glasgow:8|Bristol:7|Leeds:7|Newcastle:5|Cambridge:3"},
    {"Poland", 6, false, 8, "Warsaw:30|Kraków:18|Wrocław:14|Gdańsk:12|Poznań:11|Łódź:10"},
};
// clang-format on

} // namespace

std::span<const TopCategory> topCategories()
{
    return tops;
}

std::span<const LeafCategory> leafCategories()
{
    return leaves;
}

std::span<const Topic> topics()
{
    return journal;
}

std::span<const NameGroup> nameGroups()
{
    return names;
}

std::span<const Country> countries()
{
    return nations;
}

const char *colors(Profile profile)
{
    switch (profile) {
    case Profile::Apparel:
        return "Black|Navy|Charcoal|Grey Melange|Off-White|Camel|Forest Green|Burgundy|Sand|Light "
               "Blue|Olive|Rust";
    case Profile::Footwear:
        return "Black|Brown|Cognac|White|Taupe|Navy|Olive";
    case Profile::Accessory:
        return "Black|Cognac|Tortoiseshell|Silver|Gold|Navy|Sand|Burgundy";
    case Profile::Home:
        return "Natural|White|Sage|Terracotta|Oak|Walnut|Stone Grey|Black|Dusty Pink|Ochre";
    case Profile::Electronics:
        return "Black|Silver|White|Space Grey|Midnight Blue|Sage Green";
    case Profile::Gear:
        return "Black|Olive|Ocean Blue|Red|Orange|Graphite|Moss Green|Sand";
    case Profile::Toy:
        return "Multicolour|Natural|Pastel|Red|Blue";
    case Profile::Beauty:
    case Profile::Pantry:
        break;
    }
    return "";
}

QList<QByteArray> split(const char *list)
{
    QList<QByteArray> parts;
    if (!list || !*list)
        return parts;
    const char *start = list;
    for (const char *p = list;; ++p) {
        if (*p == '|' || *p == '\0') {
            parts.append(QByteArray(start, p - start));
            if (*p == '\0')
                break;
            start = p + 1;
        }
    }
    return parts;
}

} // namespace Vitrine::DemoData
