"""The curated categories and the 17 SDGs. Shared by the data migration and the tests."""

# slug, German name, English name, colour (white text stays readable on it), icon
CATEGORIES = [
    ("repair", "Reparieren", "Repair", "#b5540b", "🔧"),
    ("sharing-swapping", "Teilen & Tauschen", "Sharing & swapping", "#0b7285", "🔄"),
    ("food", "Lebensmittel & Ernährung", "Food", "#a61e4d", "🥕"),
    ("gardening-nature", "Gärtnern & Natur", "Gardening & nature", "#2b8a3e", "🌱"),
    ("energy-climate", "Energie & Klima", "Energy & climate", "#9c6500", "☀️"),
    ("mobility", "Mobilität", "Mobility", "#1864ab", "🚲"),
    ("clothing", "Kleidung", "Clothing", "#862e9c", "👕"),
    ("zero-waste", "Zero Waste & Konsum", "Zero waste & consumption", "#5c7cfa", "♻️"),
    ("education-culture", "Bildung & Kultur", "Education & culture", "#c2255c", "📚"),
    ("neighbourhood-social", "Nachbarschaft & Soziales", "Neighbourhood & social", "#d9480f", "🤝"),
    ("housing", "Wohnen", "Housing", "#495057", "🏠"),
    ("money-common-good", "Geld & Gemeinwohl", "Money & common good", "#087f5b", "💶"),
]

# number, German short title, English short title, official UN colour
SDGS = [
    (1, "Keine Armut", "No poverty", "#E5243B"),
    (2, "Kein Hunger", "Zero hunger", "#DDA63A"),
    (3, "Gesundheit und Wohlergehen", "Good health and well-being", "#4C9F38"),
    (4, "Hochwertige Bildung", "Quality education", "#C5192D"),
    (5, "Geschlechtergleichheit", "Gender equality", "#FF3A21"),
    (6, "Sauberes Wasser und Sanitäreinrichtungen", "Clean water and sanitation", "#26BDE2"),
    (7, "Bezahlbare und saubere Energie", "Affordable and clean energy", "#FCC30B"),
    (
        8,
        "Menschenwürdige Arbeit und Wirtschaftswachstum",
        "Decent work and economic growth",
        "#A21942",
    ),
    (
        9,
        "Industrie, Innovation und Infrastruktur",
        "Industry, innovation and infrastructure",
        "#FD6925",
    ),
    (10, "Weniger Ungleichheiten", "Reduced inequalities", "#DD1367"),
    (11, "Nachhaltige Städte und Gemeinden", "Sustainable cities and communities", "#FD9D24"),
    (
        12,
        "Nachhaltige/r Konsum und Produktion",
        "Responsible consumption and production",
        "#BF8B2E",
    ),
    (13, "Maßnahmen zum Klimaschutz", "Climate action", "#3F7E44"),
    (14, "Leben unter Wasser", "Life below water", "#0A97D9"),
    (15, "Leben an Land", "Life on land", "#56C02B"),
    (
        16,
        "Frieden, Gerechtigkeit und starke Institutionen",
        "Peace, justice and strong institutions",
        "#00689D",
    ),
    (17, "Partnerschaften zur Erreichung der Ziele", "Partnerships for the goals", "#19486A"),
]
