"""The 169 targets of the 17 SDGs with short titles (English, German).

Numbers are the official ones (United Nations, A/RES/70/1, 2015), including the lettered
means-of-implementation targets (1.a, 1.b, …). The short titles condense the official
wording; the German ones follow the Destatis SDG indicator pages. Shared by the data
migration and the tests.
"""

# number, English short title, German short title
TARGETS = [
    ("1.1", "Eradicate extreme poverty", "Extreme Armut beseitigen"),
    ("1.2", "Halve poverty in all its dimensions", "Armut in allen Dimensionen halbieren"),
    ("1.3", "Social protection systems for all", "Sozialschutzsysteme für alle"),
    (
        "1.4",
        "Equal rights to economic resources and basic services",
        "Gleiche Rechte auf wirtschaftliche Ressourcen und Grunddienste",
    ),
    (
        "1.5",
        "Resilience of the poor to disasters",
        "Widerstandsfähigkeit der Armen gegen Katastrophen",
    ),
    ("1.a", "Mobilise resources to end poverty", "Ressourcen zur Armutsbeseitigung mobilisieren"),
    (
        "1.b",
        "Pro-poor and gender-sensitive policy frameworks",
        "Politikrahmen für Arme und Geschlechtergerechtigkeit",
    ),
    ("2.1", "End hunger and ensure access to food", "Hunger beenden, Zugang zu Nahrung sichern"),
    ("2.2", "End all forms of malnutrition", "Alle Formen der Fehlernährung beenden"),
    (
        "2.3",
        "Double productivity and incomes of small-scale food producers",
        "Produktivität und Einkommen kleiner Nahrungsmittelproduzenten verdoppeln",
    ),
    (
        "2.4",
        "Sustainable food production and resilient agriculture",
        "Nachhaltige Nahrungsmittelproduktion und widerstandsfähige Landwirtschaft",
    ),
    (
        "2.5",
        "Maintain genetic diversity of seeds and animals",
        "Genetische Vielfalt von Saatgut und Nutztieren bewahren",
    ),
    (
        "2.a",
        "Invest in rural infrastructure and agricultural research",
        "In ländliche Infrastruktur und Agrarforschung investieren",
    ),
    (
        "2.b",
        "Prevent agricultural trade restrictions",
        "Handelsbeschränkungen auf Agrarmärkten verhindern",
    ),
    (
        "2.c",
        "Functioning food commodity markets",
        "Funktionierende Märkte für Nahrungsmittelrohstoffe",
    ),
    ("3.1", "Reduce maternal mortality", "Müttersterblichkeit senken"),
    (
        "3.2",
        "End preventable deaths of newborns and children",
        "Vermeidbare Todesfälle bei Neugeborenen und Kindern beenden",
    ),
    (
        "3.3",
        "End epidemics and fight communicable diseases",
        "Epidemien beenden, übertragbare Krankheiten bekämpfen",
    ),
    (
        "3.4",
        "Reduce non-communicable diseases and promote mental health",
        "Nichtübertragbare Krankheiten senken, psychische Gesundheit fördern",
    ),
    ("3.5", "Prevent and treat substance abuse", "Substanzmissbrauch verhüten und behandeln"),
    ("3.6", "Halve road traffic deaths and injuries", "Verkehrstote und -verletzte halbieren"),
    (
        "3.7",
        "Universal access to sexual and reproductive health care",
        "Zugang zu sexual- und reproduktionsmedizinischer Versorgung",
    ),
    ("3.8", "Universal health coverage", "Allgemeine Gesundheitsversorgung"),
    (
        "3.9",
        "Reduce illnesses and deaths from pollution",
        "Erkrankungen und Todesfälle durch Verschmutzung verringern",
    ),
    (
        "3.a",
        "Implement the tobacco control convention",
        "Tabakkontroll-Rahmenübereinkommen durchführen",
    ),
    (
        "3.b",
        "Research and access to vaccines and medicines",
        "Forschung und Zugang zu Impfstoffen und Medikamenten",
    ),
    (
        "3.c",
        "Health financing and health workforce",
        "Gesundheitsfinanzierung und Gesundheitspersonal",
    ),
    (
        "3.d",
        "Early warning and management of health risks",
        "Frühwarnung und Management von Gesundheitsrisiken",
    ),
    (
        "4.1",
        "Free, equitable primary and secondary education",
        "Kostenlose, hochwertige Grund- und Sekundarschulbildung",
    ),
    (
        "4.2",
        "Early childhood development and pre-primary education",
        "Frühkindliche Förderung und Vorschulbildung",
    ),
    (
        "4.3",
        "Access to technical, vocational and tertiary education",
        "Zugang zu fachlicher, beruflicher und tertiärer Bildung",
    ),
    (
        "4.4",
        "Skills for employment and entrepreneurship",
        "Kompetenzen für Beschäftigung und Unternehmertum",
    ),
    ("4.5", "Eliminate disparities in education", "Ungleichheiten in der Bildung beseitigen"),
    (
        "4.6",
        "Literacy and numeracy for youth and adults",
        "Lese-, Schreib- und Rechenkompetenz für Jugendliche und Erwachsene",
    ),
    (
        "4.7",
        "Education for sustainable development and global citizenship",
        "Bildung für nachhaltige Entwicklung und Weltbürgerschaft",
    ),
    ("4.a", "Safe, inclusive learning environments", "Sichere, inklusive Lernumgebungen"),
    ("4.b", "Scholarships for developing countries", "Stipendien für Entwicklungsländer"),
    ("4.c", "More qualified teachers", "Mehr qualifizierte Lehrkräfte"),
    (
        "5.1",
        "End discrimination against women and girls",
        "Diskriminierung von Frauen und Mädchen beenden",
    ),
    (
        "5.2",
        "Eliminate violence against women and girls",
        "Gewalt gegen Frauen und Mädchen beseitigen",
    ),
    ("5.3", "Eliminate harmful practices", "Schädliche Praktiken beseitigen"),
    ("5.4", "Value unpaid care and domestic work", "Unbezahlte Pflege- und Hausarbeit anerkennen"),
    ("5.5", "Women's participation and leadership", "Teilhabe und Führungschancen von Frauen"),
    (
        "5.6",
        "Sexual and reproductive health and rights",
        "Sexuelle und reproduktive Gesundheit und Rechte",
    ),
    (
        "5.a",
        "Equal rights to economic resources for women",
        "Gleiche Rechte von Frauen auf wirtschaftliche Ressourcen",
    ),
    (
        "5.b",
        "Enabling technology to empower women",
        "Grundlegende Technologien zur Stärkung von Frauen",
    ),
    (
        "5.c",
        "Policies and laws for gender equality",
        "Politik und Gesetze für Geschlechtergleichstellung",
    ),
    ("6.1", "Safe and affordable drinking water", "Sicheres und bezahlbares Trinkwasser"),
    ("6.2", "Sanitation and hygiene for all", "Sanitärversorgung und Hygiene für alle"),
    ("6.3", "Improve water quality", "Wasserqualität verbessern"),
    ("6.4", "Water-use efficiency", "Effiziente Wassernutzung"),
    (
        "6.5",
        "Integrated water resources management",
        "Integrierte Bewirtschaftung der Wasserressourcen",
    ),
    (
        "6.6",
        "Protect and restore water-related ecosystems",
        "Wasserverbundene Ökosysteme schützen und wiederherstellen",
    ),
    (
        "6.a",
        "International cooperation on water and sanitation",
        "Internationale Zusammenarbeit für Wasser und Sanitärversorgung",
    ),
    (
        "6.b",
        "Local participation in water management",
        "Beteiligung lokaler Gemeinwesen an der Wasserbewirtschaftung",
    ),
    ("7.1", "Universal access to modern energy", "Zugang zu moderner Energie für alle"),
    ("7.2", "Increase the share of renewable energy", "Anteil erneuerbarer Energie erhöhen"),
    (
        "7.3",
        "Double the improvement in energy efficiency",
        "Steigerungsrate der Energieeffizienz verdoppeln",
    ),
    (
        "7.a",
        "International cooperation on clean energy",
        "Internationale Zusammenarbeit für saubere Energie",
    ),
    (
        "7.b",
        "Expand infrastructure for sustainable energy",
        "Infrastruktur für nachhaltige Energie ausbauen",
    ),
    ("8.1", "Sustained economic growth", "Dauerhaftes Wirtschaftswachstum"),
    (
        "8.2",
        "Productivity through diversification and innovation",
        "Produktivität durch Diversifizierung und Innovation",
    ),
    (
        "8.3",
        "Policies for decent jobs and small enterprises",
        "Politik für menschenwürdige Arbeit und kleine Unternehmen",
    ),
    (
        "8.4",
        "Resource efficiency in consumption and production",
        "Ressourceneffizienz in Konsum und Produktion",
    ),
    ("8.5", "Full employment and equal pay", "Vollbeschäftigung und gleiches Entgelt"),
    (
        "8.6",
        "Reduce youth not in employment, education or training",
        "Weniger Jugendliche ohne Beschäftigung oder Ausbildung",
    ),
    (
        "8.7",
        "End forced labour, trafficking and child labour",
        "Zwangsarbeit, Menschenhandel und Kinderarbeit beenden",
    ),
    (
        "8.8",
        "Labour rights and safe working environments",
        "Arbeitsrechte und sichere Arbeitsumgebungen",
    ),
    ("8.9", "Sustainable tourism", "Nachhaltiger Tourismus"),
    ("8.10", "Access to financial services", "Zugang zu Finanzdienstleistungen"),
    ("8.a", "Aid for trade", "Handelshilfe"),
    ("8.b", "Strategy for youth employment", "Strategie für Jugendbeschäftigung"),
    (
        "9.1",
        "Resilient and sustainable infrastructure",
        "Widerstandsfähige und nachhaltige Infrastruktur",
    ),
    (
        "9.2",
        "Inclusive and sustainable industrialisation",
        "Breitenwirksame und nachhaltige Industrialisierung",
    ),
    (
        "9.3",
        "Small enterprises' access to finance and markets",
        "Zugang kleiner Unternehmen zu Krediten und Märkten",
    ),
    (
        "9.4",
        "Upgrade infrastructure and industries for sustainability",
        "Infrastruktur und Industrie nachhaltig modernisieren",
    ),
    ("9.5", "Research and innovation", "Forschung und Innovation"),
    (
        "9.a",
        "Support sustainable infrastructure in developing countries",
        "Nachhaltige Infrastruktur in Entwicklungsländern unterstützen",
    ),
    ("9.b", "Domestic technology development", "Einheimische Technologieentwicklung"),
    (
        "9.c",
        "Access to information and communication technology",
        "Zugang zu Informations- und Kommunikationstechnologie",
    ),
    (
        "10.1",
        "Income growth of the poorest 40 percent",
        "Einkommenswachstum der ärmsten 40 Prozent",
    ),
    (
        "10.2",
        "Social, economic and political inclusion of all",
        "Soziale, wirtschaftliche und politische Inklusion aller",
    ),
    (
        "10.3",
        "Equal opportunity and end discrimination",
        "Chancengleichheit und Ende der Diskriminierung",
    ),
    (
        "10.4",
        "Fiscal, wage and social protection policies for equality",
        "Fiskal-, Lohn- und Sozialschutzpolitik für mehr Gleichheit",
    ),
    ("10.5", "Regulate global financial markets", "Globale Finanzmärkte regulieren"),
    (
        "10.6",
        "Voice of developing countries in global institutions",
        "Mitsprache der Entwicklungsländer in globalen Institutionen",
    ),
    ("10.7", "Safe and orderly migration", "Sichere und geordnete Migration"),
    (
        "10.a",
        "Special and differential treatment in trade",
        "Besondere und differenzierte Behandlung im Handel",
    ),
    ("10.b", "Development assistance and investment", "Entwicklungshilfe und Investitionen"),
    ("10.c", "Reduce remittance costs", "Transaktionskosten für Heimatüberweisungen senken"),
    (
        "11.1",
        "Adequate, safe and affordable housing",
        "Angemessener, sicherer und bezahlbarer Wohnraum",
    ),
    ("11.2", "Sustainable transport systems for all", "Nachhaltige Verkehrssysteme für alle"),
    (
        "11.3",
        "Inclusive, participatory urban planning",
        "Inklusive, partizipatorische Siedlungsplanung",
    ),
    ("11.4", "Protect cultural and natural heritage", "Kultur- und Naturerbe schützen"),
    ("11.5", "Reduce losses from disasters", "Schäden durch Katastrophen verringern"),
    ("11.6", "Reduce the environmental impact of cities", "Umweltbelastung der Städte senken"),
    ("11.7", "Green and public spaces for all", "Grünflächen und öffentliche Räume für alle"),
    (
        "11.a",
        "Links between urban and rural areas",
        "Verbindungen zwischen städtischen und ländlichen Gebieten",
    ),
    (
        "11.b",
        "Integrated policies for inclusion, resilience and climate",
        "Integrierte Politik für Inklusion, Resilienz und Klimaschutz",
    ),
    (
        "11.c",
        "Sustainable buildings in least developed countries",
        "Nachhaltige Gebäude in den am wenigsten entwickelten Ländern",
    ),
    (
        "12.1",
        "Framework of programmes on sustainable consumption and production",
        "Programmrahmen für nachhaltige Konsum- und Produktionsmuster",
    ),
    ("12.2", "Sustainable use of natural resources", "Nachhaltige Nutzung natürlicher Ressourcen"),
    ("12.3", "Halve food waste", "Lebensmittelverschwendung halbieren"),
    (
        "12.4",
        "Sound management of chemicals and wastes",
        "Umweltgerechter Umgang mit Chemikalien und Abfällen",
    ),
    ("12.5", "Reduce waste generation", "Abfallaufkommen verringern"),
    (
        "12.6",
        "Sustainability reporting by companies",
        "Nachhaltigkeitsberichterstattung von Unternehmen",
    ),
    ("12.7", "Sustainable public procurement", "Nachhaltige öffentliche Beschaffung"),
    (
        "12.8",
        "Awareness for sustainable lifestyles",
        "Bewusstsein für eine nachhaltige Lebensweise",
    ),
    (
        "12.a",
        "Scientific and technological capacity for sustainability",
        "Wissenschaftliche und technologische Kapazitäten für Nachhaltigkeit",
    ),
    ("12.b", "Monitor sustainable tourism", "Nachhaltigen Tourismus beobachten"),
    (
        "12.c",
        "Remove inefficient fossil-fuel subsidies",
        "Ineffiziente Subventionen für fossile Brennstoffe abbauen",
    ),
    (
        "13.1",
        "Resilience and adaptation to climate hazards",
        "Widerstandskraft und Anpassung an Klimarisiken",
    ),
    (
        "13.2",
        "Integrate climate measures into policies",
        "Klimaschutzmaßnahmen in Politik und Planung einbeziehen",
    ),
    (
        "13.3",
        "Education and awareness on climate change",
        "Bildung und Sensibilisierung zum Klimawandel",
    ),
    ("13.a", "Climate finance commitments", "Zusagen zur Klimafinanzierung"),
    ("13.b", "Capacity for climate change planning", "Kapazitäten für klimabezogene Planung"),
    ("14.1", "Reduce marine pollution", "Meeresverschmutzung verringern"),
    ("14.2", "Protect marine and coastal ecosystems", "Meeres- und Küstenökosysteme schützen"),
    ("14.3", "Minimise ocean acidification", "Versauerung der Ozeane minimieren"),
    ("14.4", "End overfishing", "Überfischung beenden"),
    ("14.5", "Conserve coastal and marine areas", "Küsten- und Meeresgebiete erhalten"),
    ("14.6", "End harmful fisheries subsidies", "Schädliche Fischereisubventionen beenden"),
    (
        "14.7",
        "Benefits from marine resources for small island states",
        "Nutzen aus Meeresressourcen für kleine Inselstaaten",
    ),
    ("14.a", "Marine research and technology", "Meeresforschung und Meerestechnologie"),
    ("14.b", "Access for small-scale artisanal fishers", "Zugang für handwerkliche Kleinfischer"),
    ("14.c", "Implement international law of the sea", "Internationales Seerecht umsetzen"),
    (
        "15.1",
        "Conserve terrestrial and freshwater ecosystems",
        "Land- und Binnensüßwasser-Ökosysteme erhalten",
    ),
    ("15.2", "Sustainable forest management", "Nachhaltige Waldbewirtschaftung"),
    (
        "15.3",
        "Combat desertification and restore degraded land",
        "Wüstenbildung bekämpfen, geschädigte Böden sanieren",
    ),
    ("15.4", "Conserve mountain ecosystems", "Bergökosysteme erhalten"),
    ("15.5", "Halt biodiversity loss", "Verlust der biologischen Vielfalt beenden"),
    (
        "15.6",
        "Fair sharing of benefits from genetic resources",
        "Gerechte Aufteilung der Vorteile aus genetischen Ressourcen",
    ),
    (
        "15.7",
        "End poaching and trafficking of protected species",
        "Wilderei und Handel mit geschützten Arten beenden",
    ),
    ("15.8", "Prevent invasive alien species", "Invasive gebietsfremde Arten verhindern"),
    (
        "15.9",
        "Integrate ecosystem and biodiversity values into planning",
        "Ökosystem- und Biodiversitätswerte in die Planung einbeziehen",
    ),
    (
        "15.a",
        "Finance for biodiversity and ecosystems",
        "Finanzmittel für Biodiversität und Ökosysteme",
    ),
    (
        "15.b",
        "Finance sustainable forest management",
        "Nachhaltige Waldbewirtschaftung finanzieren",
    ),
    (
        "15.c",
        "Global support against poaching and trafficking",
        "Weltweite Unterstützung gegen Wilderei und Artenhandel",
    ),
    ("16.1", "Reduce all forms of violence", "Alle Formen der Gewalt verringern"),
    (
        "16.2",
        "End abuse, exploitation and violence against children",
        "Missbrauch, Ausbeutung und Gewalt gegen Kinder beenden",
    ),
    (
        "16.3",
        "Rule of law and equal access to justice",
        "Rechtsstaatlichkeit und gleicher Zugang zur Justiz",
    ),
    (
        "16.4",
        "Reduce illicit financial and arms flows",
        "Illegale Finanz- und Waffenströme verringern",
    ),
    ("16.5", "Reduce corruption and bribery", "Korruption und Bestechung reduzieren"),
    (
        "16.6",
        "Effective, accountable and transparent institutions",
        "Leistungsfähige, rechenschaftspflichtige und transparente Institutionen",
    ),
    (
        "16.7",
        "Responsive, inclusive and participatory decision-making",
        "Bedarfsorientierte, inklusive und partizipatorische Entscheidungsfindung",
    ),
    (
        "16.8",
        "Participation of developing countries in global governance",
        "Teilhabe der Entwicklungsländer an globaler Lenkung",
    ),
    ("16.9", "Legal identity for all", "Rechtliche Identität für alle"),
    (
        "16.10",
        "Public access to information and fundamental freedoms",
        "Öffentlicher Zugang zu Informationen und Grundfreiheiten",
    ),
    (
        "16.a",
        "Institutions to prevent violence and fight terrorism",
        "Institutionen zur Verhütung von Gewalt und Bekämpfung von Terrorismus",
    ),
    (
        "16.b",
        "Non-discriminatory laws and policies",
        "Nichtdiskriminierende Rechtsvorschriften und Politik",
    ),
    ("17.1", "Domestic resource mobilisation", "Mobilisierung einheimischer Ressourcen"),
    (
        "17.2",
        "Official development assistance commitments",
        "Zusagen zur öffentlichen Entwicklungshilfe",
    ),
    (
        "17.3",
        "Additional financial resources for developing countries",
        "Zusätzliche Finanzmittel für Entwicklungsländer",
    ),
    ("17.4", "Long-term debt sustainability", "Langfristige Tragfähigkeit der Verschuldung"),
    (
        "17.5",
        "Investment promotion for least developed countries",
        "Investitionsförderung für die am wenigsten entwickelten Länder",
    ),
    (
        "17.6",
        "Cooperation on science, technology and innovation",
        "Zusammenarbeit in Wissenschaft, Technologie und Innovation",
    ),
    ("17.7", "Environmentally sound technologies", "Umweltverträgliche Technologien"),
    (
        "17.8",
        "Technology bank and enabling technology",
        "Technologiebank und Grundlagentechnologien",
    ),
    ("17.9", "Capacity-building for the SDGs", "Kapazitätsaufbau für die Nachhaltigkeitsziele"),
    (
        "17.10",
        "Universal, rules-based multilateral trading system",
        "Universales, regelgestütztes multilaterales Handelssystem",
    ),
    (
        "17.11",
        "Increase exports of developing countries",
        "Exporte der Entwicklungsländer steigern",
    ),
    ("17.12", "Duty-free and quota-free market access", "Zoll- und kontingentfreier Marktzugang"),
    ("17.13", "Global macroeconomic stability", "Globale makroökonomische Stabilität"),
    (
        "17.14",
        "Policy coherence for sustainable development",
        "Politikkohärenz für nachhaltige Entwicklung",
    ),
    (
        "17.15",
        "Respect each country's policy space",
        "Politischen Spielraum jedes Landes respektieren",
    ),
    (
        "17.16",
        "Global partnership for sustainable development",
        "Globale Partnerschaft für nachhaltige Entwicklung",
    ),
    (
        "17.17",
        "Public, public-private and civil society partnerships",
        "Öffentliche, öffentlich-private und zivilgesellschaftliche Partnerschaften",
    ),
    ("17.18", "Availability of reliable data", "Verfügbarkeit verlässlicher Daten"),
    ("17.19", "Measures of progress beyond GDP", "Fortschrittsmaße über das BIP hinaus"),
]


def goal_of(number: str) -> int:
    return int(number.split(".")[0])


def sort_key(number: str) -> tuple[int, int, str]:
    """1.1 < 1.2 < … < 1.10 < 1.a < 1.b: numbered targets first, then the lettered ones."""
    goal, rest = number.split(".")
    return (int(goal), 0 if rest.isdigit() else 1, rest.zfill(3))
