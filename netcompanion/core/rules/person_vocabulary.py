"""The words that tell who a person is, as data: seniority, function, kind of organisation,
intents and industries, in English, German, French, Spanish, Portuguese, Italian and Dutch.

Every phrase is folded (lower case, no accents, punctuation as spaces, see `core.search.fold`);
a trailing `*` lets the last word take any ending ("invest*" finds "investor", "investimento").
Within one table, where two phrases overlap in a text the longer one wins, so "investor
relations" is read as investor relations and not as "investor", and "hr business partner" not as
"business partner". The tables are read by `core.rules.person_reading`.
"""
from __future__ import annotations

# Seniority levels, highest first. "partner" is the owner rank of a fund, a law or a consulting firm.
SENIORITY: dict[str, tuple[str, ...]] = {
    "board": (
        "board member", "board director", "member of the board", "board of directors", "non executive director",
        "chairman", "chairwoman", "chairperson", "chair of the board",
        "aufsichtsrat*", "beirat", "beiratsmitglied", "verwaltungsrat*", "vorsitzende* des aufsichtsrat*",
        "president du conseil", "presidente du conseil", "membre du conseil d administration", "administrateur independant",
        "administratrice independante", "consejero independiente", "consejera independiente", "miembro del consejo",
        "presidente del consejo", "consejero", "consejera", "membro do conselho", "presidente do conselho",
        "conselheiro", "conselheira", "presidente del consiglio", "consigliere di amministrazione",
        "membro del consiglio di amministrazione", "commissaris", "president commissaris", "raad van commissarissen",
        "raad van bestuur", "lid van de raad van bestuur", "bestuurslid", "toezichthouder",
    ),
    "c_level": (
        "ceo", "cto", "coo", "cfo", "cio", "cmo", "cpo", "cro", "cso", "chief",
        "managing director", "general manager", "owner", "co owner", "president",
        "geschaftsfuhrer*", "geschaftsfuhrende*", "geschaftsleitung", "vorstand*", "inhaber*", "firmeninhaber*",
        "directeur general", "directrice generale", "president directeur general", "pdg", "gerant", "gerante",
        "proprietaire", "director general", "directora general", "director ejecutivo", "directora ejecutiva",
        "consejero delegado", "consejera delegada", "gerente general", "propietario", "propietaria", "presidente",
        "diretor geral", "diretora geral", "diretor executivo", "diretora executiva", "diretor presidente",
        "proprietario", "proprietaria", "dono", "amministratore delegato", "amministratrice delegata",
        "direttore generale", "direttrice generale", "titolare", "algemeen directeur", "algemeen directrice",
        "directeur eigenaar", "eigenaar", "eigenares", "bestuurder", "dga",
    ),
    "partner": (
        "partner", "general partner", "managing partner", "senior partner", "founding partner", "equity partner",
        "venture partner", "partnerin", "managing partnerin", "senior partnerin", "socio", "socia", "socio director",
        "socia directora", "socio gerente", "socio fundador",
        "socio gestor", "socia gestora", "socio administrador", "associe", "associee", "associe gerant",
        "gesellschafter*", "vennoot", "managing vennoot",
    ),
    "vp": (
        "vp", "svp", "evp", "vice president", "senior vice president", "executive vice president", "vizeprasident*",
        "vice presidente", "vicepresidente", "vicepresident", "vice presidente executivo",
    ),
    "director": (
        "director", "directora", "directeur", "directrice", "direktor", "direktorin", "diretor", "diretora",
        "direttore", "direttrice", "bereichsleiter*", "hauptabteilungsleiter*", "managing principal",
    ),
    "head": (
        "head", "head of", "lead of", "global head", "leiter", "leiterin", "leitung", "abteilungsleiter*",
        "chef de", "responsable", "jefe", "jefa", "responsabile", "capo", "hoofd", "afdelingshoofd",
        "einkaufsleiter*", "verkaufsleiter*", "vertriebsleiter*", "werksleiter*", "betriebsleiter*", "principal",
    ),
    "manager": (
        "manager", "managerin", "gerente", "gestor", "gestora", "coordinator", "coordinador", "coordinadora",
        "coordenador", "coordenadora", "coordinatore", "coordinatrice", "coordinateur", "coordinatrice",
        "supervisor", "supervisora", "team lead", "teamleiter*", "teamleider", "lead", "leader",
        "encargado", "encargada", "chef", "manager*", "chef de projet", "cheffe de projet", "jefe de proyecto",
        "jefa de proyecto", "project manager", "projectleider", "projektleiter*", "capo progetto", "gestor de projeto",
    ),
    "student": (
        "student*", "studente", "studentessa", "estudiante", "estudante", "etudiant", "etudiante", "studierende*",
        "intern", "internship", "stagiaire", "stagista", "tirocinante", "becario", "becaria", "estagiario",
        "estagiaria", "praktikant*", "werkstudent*", "trainee", "phd candidate", "phd student", "doctoral candidate",
        "doctorand*", "doktorand*", "promovend*", "doctorando", "doctoranda", "doutorando", "doutoranda",
        "dottorando", "dottoranda", "recent graduate", "graduate", "new grad", "neolaureato", "neolaureata",
        "laureando", "laureanda", "recem formado", "recem formada", "recien graduado", "recien graduada",
        "jeune diplome", "jeune diplomee", "afgestudeerde", "pas afgestudeerd", "absolvent*", "master student",
    ),
}

# The last part of a German or Dutch compound title that names its rank ("Pflegedirektor",
# "Einrichtungsleitung", "Verkoopdirecteur"), read when no rank word stands on its own.
COMPOUND_RANKS: tuple[tuple[str, str], ...] = (
    ("vorsitzende", "board"), ("vorsitzender", "board"), ("geschaftsfuhrerin", "c_level"),
    ("geschaftsfuhrer", "c_level"), ("direktorin", "director"), ("direktor", "director"), ("directeur", "director"),
    ("directrice", "director"), ("leiterin", "head"), ("leiter", "head"), ("leitung", "head"), ("hoofd", "head"),
    ("managerin", "manager"), ("manager", "manager"),
)

# Rank words that are no rank in these phrases ("HR Business Partner" is not a partner of the firm).
NOT_A_RANK = (
    "hr business partner", "business partner", "people partner", "talent partner", "talent acquisition partner",
    "partner manager", "partner management", "partner program", "channel partner", "partnerships", "partner success",
    "head hunter", "headhunter", "principal engineer", "principal software engineer", "principal designer",
    "principal consultant", "chief of staff",
)

# Words that put the role that follows in the past ("former CEO", "ex-COO", "retired").
FORMER = (
    "former", "formerly", "ex", "fmr", "previously", "retired", "voormalig", "voormalige", "oud", "gepensioneerd",
    "ehemalig*", "fruher*", "im ruhestand", "pensioniert", "rentner*", "ancien", "ancienne", "retraite", "retraitee",
    "antiguo", "antigua", "jubilado", "jubilada", "retirado", "retirada", "antigo", "antiga", "aposentado",
    "aposentada", "reformado", "reformada", "gia", "in pensione", "pensionato", "pensionata",
)
RETIRED = (
    "retired", "gepensioneerd", "im ruhestand", "pensioniert", "rentner*", "retraite", "retraitee", "jubilado",
    "jubilada", "retirado", "retirada", "aposentado", "aposentada", "reformado", "reformada", "in pensione",
    "pensionato", "pensionata",
)

# A founder, and one who has founded several companies.
FOUNDER = (
    "founder", "co founder", "cofounder", "founding", "fundador", "fundadora", "cofundador", "cofundadora",
    "fondateur", "fondatrice", "cofondateur", "cofondatrice", "grunder", "grunderin", "mitgrunder*", "oprichter",
    "oprichtster", "medeoprichter", "fondatore", "fondatrice", "cofondatore", "cofondatrice",
)
SERIAL_FOUNDER = (
    "serial entrepreneur", "serial founder", "serial entrepreneurs", "serienunternehmer*", "serien grunder*",
    "entrepreneur en serie", "serial entrepreneur", "emprendedor en serie", "emprendedora en serie",
    "emprendedor serial", "empreendedor em serie", "empreendedora em serie", "empreendedor serial",
    "imprenditore seriale", "imprenditrice seriale", "serieel ondernemer", "serial ondernemer",
    "two exits", "three exits", "several exits", "multiple exits", "two companies", "three companies",
    "several companies", "drie bedrijven", "twee bedrijven", "dos empresas", "tres empresas", "duas empresas",
    "tres empresas", "due aziende", "tre aziende", "deux entreprises", "trois entreprises", "deux societes",
    "zwei unternehmen", "drei unternehmen", "zwei firmen", "drei firmen",
)

# What the person does. Traps are functions of their own: investor relations, capital markets,
# fund administration, HR business partners.
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "investing": (
        "chief investment officer",
        "invest*", "investor", "investors", "investment manager", "investment director", "investment associate",
        "investment partner", "venture capital*", "venture capitalist", "venture partner", "general partner",
        "limited partner", "business angel", "angel investor", "angel", "deal flow", "dealflow",
        "chargee d affaires", "chargee d investissement*", "investment analyst", "investment professional",
        "inversion*", "inversor*", "inversionista", "invierto", "invertimos", "invertir", "capital riesgo",
        "investidor*", "investimento*", "investimos", "investir", "capital de risco", "gestora de participacoes",
        "gestor de participacoes", "participacoes", "investissement*", "investisseu*", "investisseuse",
        "capital risque", "charge d affaires", "charge d investissement*", "investitor*", "investimenti",
        "investiamo", "investo", "investire", "beteiligungsmanager*", "beteiligung*", "risikokapital",
        "wagniskapital", "investeer*", "investeringsmanager", "investeren", "investeert", "private equity",
        "growth equity", "seed investor", "investidor anjo", "business angels",
    ),
    "investor_relations": (
        "investor relations", "investor relation", "ir manager", "head of ir", "ir officer", "shareholder relations",
        "relations investisseurs", "relation investisseurs", "relations avec les investisseurs",
        "relacion con inversores", "relaciones con inversores", "relacion con accionistas", "relacoes com investidores",
        "relacao com investidores", "relacoes com acionistas", "relazioni con gli investitori",
        "relazioni investitori", "investor relations manager", "aandeelhoudersrelaties", "beleggersrelaties",
    ),
    "capital_markets": (
        "capital markets", "capital market", "equity research", "research analyst", "equity analyst", "sell side",
        "buy side analyst", "investment bank*", "investment banking", "stock analyst", "credit analyst",
        "kapitalmarkt*", "aktienanalyst*", "finanzanalyst*", "marches de capitaux", "analyste financier",
        "analyste actions", "mercado de capitales", "mercados de capitales", "analista de renta variable",
        "analista financiero", "mercado de capitais", "mercados de capitais", "analista de acoes",
        "mercati dei capitali", "mercati finanziari", "analista finanziario", "aandelenanalist", "kapitaalmarkt*",
        "financieel analist", "portfolio manager", "asset manager", "fund manager",
    ),
    "fund_admin": (
        "fund accountant", "fund accounting", "fund administrator", "fund administration", "fund admin",
        "fund services", "fund operations", "fund controller", "nav calculation*", "transfer agent", "depositary",
        "administrador de fondos", "administradora de fondos", "administracion de fondos", "contabilidad de fondos",
        "contable de fondos", "administracao de fundos", "contabilidade de fundos", "administrador de fundos",
        "comptable de fonds", "administration de fonds", "administrateur de fonds", "contabile fondi",
        "amministrazione fondi", "amministrazione dei fondi", "fondsadministratie", "fondsenadministratie",
        "fondsbuchhalt*", "fondsadministration", "nav berekening*",
    ),
    "engineering": (
        "chief technology officer", "technischer geschaftsfuhrer", "directeur technique", "director tecnico",
        "diretor tecnico", "direttore tecnico", "technisch directeur",
        "engineer*", "engineering", "ingenieur*", "ingeniero", "ingeniera", "ingenieria", "engenheiro", "engenheira",
        "engenharia", "ingegnere", "ingegneria", "developer*", "desarrollador*", "desenvolvedor*", "developpeu*",
        "sviluppatore", "sviluppatrice", "entwickler*", "softwareentwickler*", "ontwikkelaar*", "programmer*",
        "programmeur*", "programador*", "programmatore", "programmatrice", "software", "firmware", "hardware",
        "embedded", "embebido", "embarcado", "embarcados", "backend", "back end", "frontend", "front end",
        "full stack", "fullstack", "devops", "sre", "cto", "electronica", "eletronica", "elettronica",
        "electronico", "eletronico", "elettronico", "electronics", "sistemas embebidos", "sistemas embarcados",
        "informatica", "informatique", "informatik", "it architect", "architect", "tech lead",
    ),
    "data": (
        "data scientist*", "data science", "data engineer*", "data analyst*", "machine learning", "ml engineer*",
        "ai engineer*", "analista de datos", "cientifico de datos", "cientista de dados", "analista de dados",
        "analista dati", "data analist", "datenanalyst*", "datenwissenschaftler*", "analyste de donnees",
        "scientifique des donnees", "ml", "ai", "deep learning", "statistician", "forecasting",
    ),
    "product": (
        "chief product officer",
        "product manager", "product owner", "head of product", "chief product", "cpo", "product lead",
        "produktmanager*", "product director", "chef de produit", "responsable produit", "gerente de producto",
        "gestor de produto", "responsabile prodotto", "productmanager", "producteigenaar",
    ),
    "design": (
        "designer*", "design", "ux", "ui", "ux designer", "disenador", "disenadora", "designe", "ontwerper",
        "gestalter*", "concepteur", "conceptrice", "progettista",
    ),
    "sales": (
        "chief revenue officer", "chief sales officer",
        "sales", "account executive", "account manager", "key account*", "inside sales", "sales manager",
        "vertrieb*", "verkauf*", "verkoop*", "verkoper", "accountmanager", "directeur commercial",
        "directrice commerciale", "commercial", "commerciale", "ingenieur commercial", "comercial", "ventas",
        "ejecutivo de ventas", "ejecutiva de ventas", "vendas", "vendite", "venditore", "venditrice",
        "direttore commerciale", "cro",
    ),
    "bizdev": (
        "business development", "business developer", "bizdev", "bd", "partnerships", "partnership", "partner manager",
        "partner management", "partner program", "alliances", "alliance", "alliance manager", "channel",
        "channel manager", "channel partner*", "ecosystem", "ecosystems", "ecosysteem", "ecosysteme", "ecosistema",
        "okosystem", "strategic partnerships",
        "geschaftsentwicklung", "business entwicklung", "kooperationen", "partnermanager*", "developpement commercial",
        "developpement des affaires", "partenariats", "partenariat", "desarrollo de negocio*", "desarrollo comercial",
        "alianzas", "alianza", "responsable de alianzas", "desenvolvimento de negocio*", "parcerias", "parceria",
        "gestor de parcerias", "alliancas", "sviluppo commerciale", "sviluppo business", "sviluppo del business",
        "alleanze", "partnership manager", "samenwerkingen", "partnerschappen", "integrations", "head of integrations",
    ),
    "operations": (
        "chief operating officer", "directeur des operations",
        "operations", "operational", "operation", "coo", "plant manager", "plant director", "maintenance",
        "betrieb", "betriebsleiter*", "werksleiter*", "instandhaltung", "produktion", "operations manager",
        "operaciones", "jefe de planta", "director de planta", "directora de planta", "mantenimiento",
        "operacoes", "diretor de planta", "diretora de planta", "manutencao", "operazioni", "manutenzione",
        "direttore di stabilimento", "responsabile di stabilimento", "directeur d usine", "directrice d usine",
        "exploitation", "directeur des operations", "directeur operations", "operatie*", "onderhoud",
        "bedrijfsleider", "fabrieksdirecteur", "plantmanager", "directora industrial", "director industrial",
        "diretor industrial", "direttore industriale", "directeur industriel", "asset management",
        "facility", "facilities", "winkeloperaties",
    ),
    "supply_chain": (
        "supply chain", "logistic*", "logistik*", "logistiek*", "logistique", "logistica", "warehouse",
        "warehousing", "distribution", "replenishment", "demand planning", "demand planner", "inventory",
        "voorraad*", "lieferkette*", "disposition", "cadena de suministro", "aprovisionamiento", "cadeia de abastecimento",
        "cadeia de suprimentos", "catena di fornitura", "catena di approvvigionamento", "approvisionnement",
        "chaine d approvisionnement", "planning", "fulfilment", "fulfillment",
    ),
    "procurement": (
        "procurement", "purchasing", "purchaser", "buyer", "buyers", "einkauf*", "einkaufer*", "einkaufsleiter*",
        "beschaffung*", "achats", "achat", "acheteur", "acheteuse", "compras", "comprador", "compradora",
        "acquisti", "buyer", "inkoop*", "inkoper*", "approvvigionamenti", "approvvigionamento", "sourcing",
        "category manager", "category management", "categorymanager", "merchandis*", "responsabile acquisti",
        "direttore acquisti", "hoofd inkoop", "jefe de compras", "responsable de compras", "diretor de compras",
        "diretora de compras", "directeur des achats", "directrice des achats",
    ),
    "hr": (
        "chief people officer", "chief human resources officer", "chro",
        "hr", "human resources", "people", "people partner", "talent", "talent acquisition",
        "talent acquisition partner", "talent partner", "hr business partner", "hrbp", "recruit*", "recruiter*",
        "recruiting", "headhunt*", "personalleiter*", "personalwesen", "personalreferent*", "personalabteilung",
        "ressources humaines", "rh", "drh", "charge de recrutement", "recrutement", "recursos humanos",
        "seleccion", "consultora de selecion", "consultor de seleccion", "consultora de seleccion", "reclutamiento",
        "recrutamento", "recrutador*", "selecao", "risorse umane", "selezione", "reclutamento", "recruiting",
        "personeelszaken", "p o", "werving", "werving en selectie", "business partner hr",
        "workforce", "workforce management", "staff scheduling", "shift planning", "rostering", "rota", "rotas", "payroll",
        "time tracking", "time and attendance", "personalplanung", "personaleinsatzplanung", "dienstplan*",
        "schichtplan*", "zeiterfassung", "lohnabrechnung", "gestion du personnel", "planification du personnel",
        "paie", "gestion de turnos", "cuadrantes", "control horario", "nominas", "gestao de escalas",
        "escalas de trabalho", "folha de pagamento", "gestione dei turni", "turni del personale",
        "rilevazione presenze", "buste paga", "personeelsplanning", "roosterplanning", "urenregistratie",
        "salarisadministratie",
    ),
    "legal": (
        "lawyer", "attorney", "counsel", "general counsel", "legal", "solicitor", "barrister", "rechtsanwalt*",
        "anwalt*", "anwaltin", "jurist*", "syndikus*", "avocat", "avocate", "juriste", "notaire", "abogado",
        "abogada", "asesor juridico", "asesora juridica", "advogado", "advogada", "juridico", "avvocato",
        "avvocata", "legale", "notaio", "advocaat", "advocate", "jurist", "notaris", "bedrijfsjurist",
    ),
    "finance": (
        "chief financial officer",
        "cfo", "finance", "financial", "finanz*", "finanzen", "finances", "financier", "financiere", "finanzas",
        "financiero", "financiera", "financas", "financeiro", "financeira", "finanza", "finanziario",
        "accountant", "accounting", "controller", "controlling", "treasury", "treasurer", "tax", "comptable",
        "comptabilite", "contable", "contabilidad", "contabilidade", "contador", "contadora", "contabile",
        "buchhalt*", "steuerberater*", "boekhouder", "financieel", "financien", "tesorero", "tesoureiro",
        "directeur financier", "directrice financiere", "director financiero", "directora financiera",
        "diretor financeiro", "diretora financeira", "direttore finanziario",
    ),
    "marketing": (
        "chief marketing officer",
        "marketing", "brand", "growth", "communications", "communication", "comunicacion", "comunicacao",
        "comunicazione", "communicatie", "kommunikation", "pr", "public relations", "content", "seo",
    ),
    "research": (
        "research", "researcher", "research scientist", "scientist", "recherche", "chercheur", "chercheuse",
        "investigador", "investigadora", "pesquisador", "pesquisadora", "ricercatore", "ricercatrice",
        "onderzoeker", "onderzoek", "forscher*", "wissenschaftler*", "professor", "professorin", "professeur",
        "professeure", "profesor", "profesora", "professora", "professoressa", "docente", "lecturer", "phd",
        "postdoc", "catedratico", "catedratica", "hoogleraar", "dozent*", "academic",
    ),
    "coaching": (
        "coach", "coaching", "executive coach", "mentor", "mentora", "mentore", "mentorin", "advisor", "adviser",
        "advisory board", "board advisor", "strategic advisor", "asesor", "asesora", "adviseur", "raadgever",
        "conseiller", "conseillere", "consigliere", "consulente strategico", "orientador", "orientadora",
        "berater", "beraterin",
    ),
    "press": (
        "journalist*", "journaliste", "jornalista", "periodista", "giornalista", "redakteur*", "redacteur",
        "redactrice", "redactor", "redactora", "redattore", "redattrice", "editor", "editora", "editor in chief",
        "chefredakteur*", "hoofdredacteur", "reporter*", "correspondent*", "corresponsal", "correspondente",
        "corrispondente", "columnist*", "blogger", "podcaster", "reporter", "verslaggever",
    ),
    "consulting": (
        "consultant*", "consultor", "consultora", "consulente", "unternehmensberater*", "berater in", "adviseur",
        "strategy consultant", "management consultant", "interim manager",
    ),
    "management": (
        "chief executive officer",
        "ceo", "managing director", "general manager", "geschaftsfuhrer*", "directeur general", "directrice generale",
        "director general", "directora general", "gerente general", "diretor geral", "diretora geral",
        "amministratore delegato", "direttore generale", "algemeen directeur", "owner", "eigenaar", "inhaber*",
        "proprietaire", "propietario", "propietaria", "titolare", "consejero delegado", "consejera delegada",
    ),
}

# Kinds of organisation, read from the company (and the bio).
ORG_KINDS: dict[str, tuple[str, ...]] = {
    "venture_fund": (
        "ventures", "venture capital", "vc", "capital", "kapital", "capitale", "kapitaal", "capital partners",
        "beteiligungen", "fund", "fonds", "fondo", "fundo",
        "seed fund", "growth equity", "private equity", "capital riesgo", "capital de risco", "capital risque",
        "risikokapital", "wagniskapital", "investments", "investment", "invest", "sgr", "fcr", "scr", "vc fund",
        "venture fund", "growth fund", "early stage fund", "impact fund", "investment fund", "vc firm",
        "venture firm", "fondo de inversion", "fondos de inversion", "fundo de investimento", "fonds d investissement",
        "fondo di investimento", "investmentfonds", "beteiligungsfonds", "wachstumsfonds", "beteiligungsgesellschaft",
        "participaties", "participations", "investimentos",
        "inversiones", "investimenti", "venture capital fund", "fondo de capital riesgo", "fundo de venture capital",
    ),
    "angel": (
        "angel", "angels", "business angel*", "angel investor", "angel network", "angel syndicate", "syndicate",
        "investidor anjo", "investidora anjo", "inversor angel", "angel investitore", "angels network",
    ),
    "family_office": ("family office", "family offices", "familienholding", "single family office", "multi family office"),
    "corporate_venture": (
        "corporate venture*", "corporate vc", "cvc", "venture arm", "corporate venture capital", "braco de corporate venture",
        "brazo de corporate venture", "brazo inversor", "braco de investimento",
    ),
    "accelerator": (
        "accelerator", "accelerators", "aceleradora", "acelerador", "accelerateur", "acceleratore", "incubator",
        "incubadora", "incubateur", "incubatore", "startup studio", "venture studio", "inkubator", "akzelerator",
        "versneller",
    ),
    "bank": (
        "bank", "banco", "banca", "banque", "bancaire", "bancario", "sparkasse", "volksbank", "raiffeisen*",
        "caixa", "caja", "kreditbank", "landesbank", "investment bank",
    ),
    "law_firm": (
        "advocaten", "advocatenkantoor", "abogados", "advogados", "avocats", "avvocati", "studio legale",
        "rechtsanwalte", "rechtsanwaltskanzlei", "kanzlei", "law", "law firm", "legal", "llp", "solicitors",
        "attorneys", "notarissen", "notaires", "cabinet d avocats", "despacho de abogados", "bufete",
        "sociedade de advogados", "advocacia", "attorneys at law",
    ),
    "consultancy": (
        "consult*", "consultancy", "consulting", "consultants", "consultoria", "consulenza", "beratung",
        "unternehmensberatung", "conseil", "advisory", "adviesbureau", "advies", "management consultants",
        "strategy consultants",
    ),
    "fund_admin": (
        "fund services", "fund administration", "fund administrators", "fund admin", "administracion de fondos",
        "administracao de fundos", "fondsadministratie", "fondsenadministratie", "fund accounting",
        "transfer agency", "depositary services", "fund solutions",
    ),
    "listed": (
        "listed", "publicly listed", "publicly traded", "public company", "stock exchange", "beursgenoteerd*",
        "beursgenoteerde", "borsennotiert*", "cote en bourse", "cotee en bourse", "cotizada", "cotizada en bolsa",
        "cotada", "cotada em bolsa", "quotata", "quotata in borsa", "euronext", "nasdaq", "nyse", "ibex", "dax",
        "cac 40", "ftse", "aex", "ftse mib", "psi", "plc",
    ),
    "university": (
        "university", "universiteit", "universidad", "universidade", "universita", "universite", "universitat",
        "hochschule", "fachhochschule", "politecnico", "polytechnique", "business school", "school of",
        "college", "institute of technology", "technische universiteit", "hogeschool", "escuela", "ecole",
        "faculdade", "faculty", "instituto superior", "tu", "uni", "bocconi",
    ),
    "recruiter": (
        "recruit*", "recruitment", "recruiting", "recrutement", "reclutamiento", "recrutamento", "reclutamento",
        "headhunt*", "headhunters", "executive search", "staffing", "talent", "personalberatung",
        "personaldienstleist*", "personalvermittlung", "uitzendbureau", "werving en selectie", "werving selectie",
        "cabinet de recrutement", "agencia de seleccion", "agencia de recrutamento", "ricerca e selezione",
        "agenzia per il lavoro", "talent agency",
    ),
    "public_body": (
        "ministry", "ministerie", "ministerio", "ministere", "ministero", "ministerium", "gemeente", "municipality",
        "city of", "ayuntamiento", "camara municipal", "comune di", "mairie", "stadt", "government", "gouvernement",
        "gobierno", "governo", "regierung", "overheid", "rijksdienst", "european commission", "bundesamt",
        "public agency", "agencia publica", "autoriteit", "authority", "prefecture", "regione", "provincie",
        "generalitat", "junta de",
    ),
    "self_employed": (
        "freelance", "freelancer", "self employed", "independent", "independiente", "independente", "indipendente",
        "independant", "zzp", "zzp er", "zelfstandige", "zelfstandig", "selbststandig*", "selbstandig*", "autonomo",
        "autonoma", "autonome", "auto entrepreneur", "libero professionista", "profissional liberal",
        "trabajador autonomo", "freiberuf*",
    ),
    "open_to_work": (
        "open to work", "opentowork", "looking for work", "seeking opportunities", "between jobs", "on the market",
        "en recherche d emploi", "en busqueda de empleo", "a procura de emprego", "in cerca di lavoro",
        "werkzoekend", "op zoek naar werk", "arbeitssuchend", "auf jobsuche", "available",
    ),
    "media": (
        "news", "times", "journal", "jornal", "diario", "zeitung", "magazine", "magazin", "revista", "rivista",
        "dagblad", "krant", "media", "press", "tv", "radio", "podcast", "gazzetta", "corriere", "quotidiano",
        "nieuws", "nachrichten", "nouvelles", "noticias", "tribune", "gazette", "herald", "post", "tijd",
    ),
}
# Titles that are investing roles at an investing organisation (and mean little elsewhere).
FUND_ROLES = (
    "associate", "analyst", "principal", "partner", "partnerin", "associe", "associee", "socio", "socia", "venture",
    "investment*", "portfolio", "deal*", "managing director", "director", "directeur", "directrice",
)
INVESTING_ORGS = ("venture_fund", "angel", "family_office", "corporate_venture", "accelerator")

# Mentoring words that are also what lawyers and consultants sell ("beraten Investoren"): they show
# a mind to give only from someone who does not advise for a living.
PROFESSIONAL_ADVICE = (
    "advise", "advising", "advisor", "adviseur", "asesorar", "asesoro", "beraten", "aconselhar", "consigliare",
    "adviseren", "accompagner", "acompanar", "acompana", "orientar", "begleiten", "begleite", "begleitet",
)

# Intents, read from what people say they want (question columns, the bio).
INTENTS: dict[str, tuple[str, ...]] = {
    "hiring": (
        "hiring", "we are hiring", "we re hiring", "recruiting", "looking for candidates", "candidates", "vacancies",
        "open positions", "open roles", "contratar", "contratando", "estamos contratando", "candidatos",
        "vacantes", "vagas", "recrutar", "recrutamos", "reclutare", "assumiamo", "assumere", "candidati",
        "wir stellen ein", "einstellen", "neue mitarbeiter", "kandidaten", "recruter", "nous recrutons",
        "on recrute", "candidats", "vacatures", "vacature", "kandidaten gezocht", "werven", "talent",
        "conocer talento", "recruit*", "hire", "hiring engineers",
    ),
    "job_seeking": (
        "looking for a job", "looking for job", "job seeking", "job seeker", "looking for a new role",
        "looking for a role", "looking for new opportunities", "looking for opportunities", "open to work",
        "open to new opportunities", "open for new opportunities", "open to opportunities", "seeking a role",
        "seeking new opportunities", "seeking employment", "new challenge", "new role", "first job", "junior role",
        "internship", "available for", "available from", "job", "busco trabajo", "busco empleo", "buscando empleo",
        "busqueda activa de empleo", "busqueda de empleo", "nuevo reto profesional", "nuevo reto", "nuevo empleo",
        "primer empleo", "practicas", "busco practicas", "disponible para", "procuro emprego", "procuro trabalho",
        "a procura de emprego", "a procura do primeiro emprego", "primeiro emprego", "novas oportunidades",
        "aberto a novas oportunidades", "disponivel para", "estagio", "cerco lavoro", "cerco un lavoro",
        "cerco il mio primo lavoro", "primo lavoro", "primo impiego", "nuove opportunita", "disponibile per",
        "op zoek naar een baan", "op zoek naar werk", "nieuwe uitdaging", "nieuwe rol", "beschikbaar",
        "zoekt een baan", "zoek een baan", "stageplek", "suche eine stelle", "suche einen job",
        "neue herausforderung", "auf jobsuche", "offen fur neue", "jobsuche", "praktikum", "je cherche un emploi",
        "recherche un emploi", "recherche d emploi", "a la recherche d un poste", "nouvelles opportunites",
        "ouvert aux opportunites", "disponible pour", "cherche un poste", "looking for a job", "looking for work",
        "contracts", "contratos", "contrats", "opportunities",
    ),
    "raising": (
        "raising", "fundraising", "fund raising", "raising funds", "raising our", "looking for investors",
        "seeking investment", "seeking investors", "looking for investment", "seed round", "series a round",
        "captando", "buscamos inversores", "buscamos inversion", "buscando inversores", "ronda de financiacion",
        "procuramos investidores", "captacao", "ronda semilla", "rodada", "levee de fonds", "lever des fonds",
        "nous levons", "cherchons des investisseurs", "cerchiamo investitori", "raccolta fondi", "round di",
        "op zoek naar investeerders", "investeerders gezocht", "financieringsronde", "suchen investoren",
        "investorensuche", "finanzierungsrunde", "kapital suchen",
    ),
    "investing": (
        "investing", "to invest", "invest in", "investeren", "investir", "invertir", "investire", "investieren",
        "deal flow", "dealflow", "startups to invest", "investment opportunities", "oportunidades de inversion",
        "oportunidades de investimento", "opportunita di investimento", "opportunites d investissement",
        "investeringsmogelijkheden", "investitionsmoglichkeiten", "we invest", "invests", "investeert",
        "invertimos", "invierte", "investimos", "investo", "investiamo", "investissons", "investieren in",
        "ticket size", "tickets of", "our fund", "nuestro fondo", "growth investments", "donde invertir",
    ),
    "buying": (
        "buying", "looking for suppliers", "looking for vendors", "looking for solutions", "evaluating", "buy",
        "kopen", "inkopen", "leveranciers", "comprar", "proveedores", "fornecedores", "novos fornecedores",
        "acquistare", "fornitori", "acheter", "fournisseurs", "einkaufen", "lieferanten", "anbieter",
        "soluciones", "solucoes", "solutions", "betere", "zoekt betere", "reducir", "melhorar", "improve",
        "digitalizar", "digitalise", "digitalize", "monitorizacao", "mantenimiento predictivo",
        "digitalisation", "digitalization", "digitalisierung", "digitalizacion", "digitalizacao", "digitalizzazione",
        "digitalisering", "digitaliseren", "digitalisieren", "digitalizzare",
    ),
    "selling": (
        "selling", "sell", "new clients", "new customers", "customers", "leads", "verkopen", "vendre", "vender",
        "vendere", "verkaufen", "nouveaux clients", "nuevos clientes", "novos clientes", "nuovi clienti",
        "neue kunden", "nieuwe klanten", "vendemos", "vendiamo", "we sell", "vendas", "clientes", "klanten",
        "kunden",
    ),
    "partnering": (
        "partnering", "partners", "partner", "partnership*", "integration partners", "integratiepartners",
        "samenwerking*", "samenwerken", "colaboracion*", "colaboraciones", "socios tecnologicos", "socios",
        "socios de canal", "parceria*", "parceiros", "parcerias", "collaborazion*", "partnership", "partenariat*",
        "partenaires", "kooperation*", "partnerschaft*", "alliances", "alianzas", "alleanze", "integrations",
        "integraciones", "integracoes", "integrazioni", "integraties", "co marketing", "ecosystem", "partner program",
    ),
    "mentoring": (
        "mentoring", "mentor", "mentors", "mentore", "mentora", "mentoren", "mentorizar", "mentoria", "mentoria de",
        "mentorship", "advise", "advising", "advisor", "adviseur", "give back", "giving back", "help founders",
        "help startups", "happy to help", "ayudar a", "ayudo a", "ajudar", "aiutare", "helfen", "aider",
        "help graag", "coachen", "coaching", "asesorar", "asesoro", "accompagner", "acompanar", "acompana",
        "orientar", "orientadora", "orientador", "begleiten", "begleite", "begleitet", "share experience", "share my experience",
        "compartir experiencia", "partager", "condividere", "fare da mentore", "mentorizar a", "ondersteunen",
        "beraten", "unterstutzen", "aconselhar", "consigliare", "adviseren", "mentorat", "mentoraat", "tutoria",
        "tutoraggio", "grunder unterstutzen",
    ),
    "learning": (
        "learning", "learn", "leren", "aprender", "apprendre", "imparare", "lernen", "inspiration", "insights",
        "knowledge", "conocer", "conhecer", "scoprire", "ontdekken", "decouvrir", "ideas", "ideen", "idees",
        "ideias", "idee", "ideeen",
    ),
}

# "looking for …": the thing sought decides the intent ("looking for a mentor" is learning).
SEEKING = (
    "looking for", "seeking", "searching for", "need", "want to meet", "busco", "buscamos", "buscando", "procuro",
    "procuramos", "a procura de", "cerco", "cerchiamo", "in cerca di", "je cherche", "nous cherchons",
    "a la recherche", "recherche", "suche", "suchen", "wir suchen", "op zoek naar", "zoek", "zoeken", "zoekt",
)
# A question asking what the person seeks: its answers are read as what they look for.
SEEKING_QUESTIONS = SEEKING + (
    "look for", "busca", "buscas", "procura", "procuras", "cerca", "cerchi", "cherchez", "recherchez", "sucht",
    "suchen sie", "zoekt u", "zoek je", "hoping to", "want to get", "goals", "objectives", "objetivos", "objectifs",
    "obiettivi", "ziele", "doelen", "intents", "intenties", "intenciones", "intencoes", "intenzioni", "intentions",
    "absichten",
)
SOUGHT: dict[str, tuple[str, ...]] = {
    "raising": (
        "investors", "investor", "investment", "funding", "inversores", "inversion", "financiacion",
        "investidores", "investimento", "financiamento", "investisseurs", "financement", "investitori",
        "finanziamenti", "investeerders", "financiering", "investoren", "finanzierung", "kapital", "capital",
    ),
    "learning": (
        "a mentor", "mentor", "mentors", "un mentor", "una mentora", "um mentor", "uma mentora", "un mentore",
        "een mentor", "einen mentor", "advice", "consejo", "conselho", "consigli", "conseils", "advies", "rat",
    ),
    "job_seeking": (
        "a job", "job", "jobs", "roles", "a role", "a new role", "work", "trabajo", "empleo", "emprego", "trabalho", "lavoro",
        "impiego", "un emploi", "emploi", "un poste", "een baan", "baan", "werk", "eine stelle", "stelle", "internship",
        "practicas", "estagio", "stage", "stageplek",
    ),
    "hiring": (
        "candidates", "engineers", "developers", "talent", "colleagues", "data scientists", "candidatos",
        "ingenieros", "desarrolladores", "engenheiros", "candidati", "ingegneri", "sviluppatori", "candidats",
        "ingenieurs", "developpeurs", "kandidaten", "collega s", "collegas", "ontwikkelaars", "entwickler",
        "mitarbeiter", "software engineers", "software developers", "softwareentwickler*",
    ),
    "buying": (
        "suppliers", "vendors", "solutions", "tools", "proveedores", "soluciones", "fornecedores", "solucoes",
        "fornitori", "soluzioni", "fournisseurs", "leveranciers", "oplossingen", "lieferanten", "losungen",
        "software", "a tool", "tool", "a platform", "a system", "herramientas", "ferramentas", "strumenti", "outils",
        "werkzeuge",
    ),
    "selling": (
        "clients", "customers", "new clients", "new customers", "mandanten", "mandate", "kunden", "neukunden",
        "clientes", "nuevos clientes", "novos clientes", "clienti", "nuovi clienti", "klanten", "nieuwe klanten",
        "nouveaux clients", "leads", "buyers", "compradores", "acquirenti", "kaufer",
    ),
    "partnering": (
        "partners", "partner", "integration partners", "socios", "parceiros", "partner tecnologici", "partenaires",
        "partnerships", "colaboraciones", "samenwerkingen", "integratiepartners", "kooperationspartner",
    ),
    "investing": ("startups to invest", "deals", "startups donde invertir", "oportunidades de inversion"),
}

# Industries: the canonical name and the words that show it.
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "retail": (
        "retail", "retailer*", "supermarket*", "supermarkt*", "supermarche*", "supermercad*", "supermercat*",
        "grocery", "groceries", "kruidenier*", "detailhandel", "einzelhandel", "lebensmitteleinzelhandel",
        "commerce de detail", "grande distribution", "distribution alimentaire", "venta minorista", "minorista",
        "varejo", "varejista", "dettaglio", "gdo", "grande distribuzione", "punti vendita", "punto vendita",
        "winkel*", "tienda*", "loja*", "negozi*", "negozio", "magasin*", "store", "stores", "shop", "shops",
        "e commerce", "ecommerce", "webshop", "hypermarket*", "discounter", "drogerie*", "handel",
    ),
    "food": (
        "food", "foods", "foodtech", "food tech", "levensmiddel*", "lebensmittel*", "alimentaire", "alimentation",
        "alimentacion", "alimentos", "alimentacao", "alimentari", "alimentare", "alimentare", "groceries", "fresh",
        "vers", "fresco", "freschi", "frais", "frutta", "verdura", "fruit", "vegetables", "dairy", "zuivel",
        "bakery", "bakeries", "bakker*", "boulangerie*", "backerei*", "panaderia*", "padaria*", "panetteria*",
        "burger*", "pizza*", "pizzeria*", "cafe", "cafes", "coffee", "bistro*", "brasserie*", "gastro*",
        "gastronomie", "imbiss", "fast food", "fast casual", "beverages", "drinks", "bebidas", "bevande", "agri food", "agrifood",
        "agroalimentaire", "agroalimentario", "horeca", "restaurant*", "catering", "biologisch*", "bio",
    ),
    "logistics": (
        "logistic*", "logistik*", "logistiek*", "logistique", "logistica", "transport*", "shipping", "freight",
        "spedition*", "expedicao", "trasport*", "vervoer", "warehous*", "3pl", "distribution", "distribucion",
        "distribuzione", "distributie", "distributiecentra", "distributiecentrum", "fulfilment", "fulfillment",
        "cargo", "parcel", "courier", "last mile", "port", "haven", "puerto", "porto",
    ),
    "energy": (
        "energy", "energie", "energia", "energies", "energetic*", "power", "electric*", "electrica", "eletrica",
        "elettrica", "wind", "windpark*", "eolic*", "eolica", "eolicos", "aerogenerador*", "solar*", "solaire",
        "solare", "zon", "fotovolta*", "photovolta*", "hydro", "hidroelectric*", "hidroeletric*", "idroelettric*",
        "utility", "utilities", "renewable*", "renovables", "renovaveis", "rinnovabil*", "erneuerbar*",
        "duurzame energie", "grid", "netz", "oil", "gas", "petrol*", "nuclear", "centrales", "centrais",
        "power plant*", "parques eolicos", "parques eolicos", "wind farm*", "battery", "batteries", "baterias",
    ),
    "manufacturing": (
        "manufactur*", "factory", "factories", "fabrica", "fabricas", "fabrik*", "fabbrica*", "usine*", "fabriek*",
        "plant", "plants", "planta", "plantas", "industrial", "industry", "industria", "industrie", "industriel*",
        "industriale", "metal*", "metalurgica", "metallurg*", "siderurg*", "steel", "acero", "aceros", "staal",
        "stahl", "cement*", "cemento*", "paper", "papel*", "papier*", "plastic*", "plastico*", "kunststof*",
        "kunststoff*", "automotive", "automocion", "automovel", "automobil*", "machinery", "maquinaria",
        "maschinenbau", "componentes", "components", "chemicals", "quimica", "chemie", "produktion",
        "produccion", "producao", "produzione", "productie", "fabricacion", "fabricamos", "fabricante",
    ),
    "finance": (
        "fintech", "bank*", "banking", "payments", "insurance", "insurtech", "versicherung*", "seguros",
        "assicurazion*", "verzekering*", "assurance*", "pagamenti", "pagos", "pagamentos", "paiements",
    ),
    "healthcare": (
        "health*", "healthcare", "hospital", "hospitals", "hospitais", "hospitalar", "hospitalario", "hospitalaria",
        "clinic*", "clinique*", "klinik*", "kliniek*", "ospedal*", "pharma*", "medical", "medtech", "salud", "saude",
        "sanita", "sanitari*", "gesundheit*", "zorg", "zorginstelling*", "ziekenhuis*", "krankenhaus*", "krankenhauser",
        "sante", "hopital*", "biotech", "care home*", "nursing home*", "elderly care", "home care", "pflege*",
        "altenheim*", "seniorenheim*", "seniorenresidenz*", "reha", "rehaklinik*", "arztpraxis*", "ehpad",
        "maison de retraite", "maisons de retraite", "residencia de mayores", "residencias de mayores",
        "residencia de ancianos", "lar de idosos", "lares de idosos", "casa de repouso", "casa di riposo",
        "case di riposo", "rsa", "verpleeghuis*", "verzorgingshuis*", "ouderenzorg", "thuiszorg",
    ),
    "software": (
        "software", "saas", "cloud", "it services", "erp", "platform", "plataforma", "piattaforma", "plateforme",
        "api", "tech", "technology",
    ),
    "mobility": ("mobility", "mobilitat", "mobilite", "movilidad", "mobilidade", "mobilita", "mobiliteit", "automotive"),
    "construction": ("construction", "bau", "bouw", "construccion", "construcao", "costruzion*", "real estate",
                     "immobilien", "vastgoed", "inmobiliaria", "imobiliaria", "immobiliare", "immobilier"),
    "education": ("education", "edtech", "onderwijs", "bildung", "educacion", "educacao", "istruzione", "school*"),
    "hospitality": ("hospitality", "hotel*", "tourism", "travel", "turismo", "tourisme", "tourismus", "toerisme"),
}
