"""The column names Outlook writes into a CSV export, in the languages Outlook ships.

Outlook names its columns in the language of the user's Office: "Vorname", "Prénom", "名",
"Имя" ... Each role below lists the names one column has in English, German, French, Spanish,
Italian, Portuguese, Dutch, Polish, Russian, Turkish, Chinese, Japanese and Korean. A header cell is
looked up here (folded: case, accents and punctuation do not count) before the general rules of
`csv_formats.column_role`. To teach the importer another language, add its names to the rows.
"""
from __future__ import annotations

from netcompanion.core.search import fold

# role -> the column's names; a role is "field", "field:slot" or "field:slot:kind"
_OUTLOOK_COLUMNS: dict[str, tuple[str, ...]] = {
    # "Title" (and its translations) is the honorific in Outlook but the job title in most other files:
    # `csv_formats.resolve_roles` settles it by whether the file also has a job-title column
    "ambiguous_title": ("Title", "Titre", "Tratamiento", "Titolo", "Titel", "Tytuł", "Unvan"),
    "prefix": ("Anrede", "Tratamento", "Обращение", "称谓", "敬称", "호칭"),
    "given_name": ("First Name", "Vorname", "Prénom", "Nombre", "Nome", "Voornaam", "Imię", "Имя", "Ad", "名",
                   "이름"),
    "middle_name": ("Middle Name", "Weitere Vornamen", "Deuxième prénom", "Segundo nombre", "Secondo nome",
                    "Segundo Nome", "Middelste naam", "Drugie imię", "Отчество", "İkinci Ad", "中间名", "ミドル ネーム",
                    "중간 이름"),
    "family_name": ("Last Name", "Nachname", "Nom", "Apellidos", "Cognome", "Sobrenome", "Achternaam", "Nazwisko",
                    "Фамилия", "Soyadı", "姓", "성"),
    "suffix": ("Suffix", "Suffixe", "Sufijo", "Titolo accademico", "Sufixo", "Achtervoegsel", "Sufiks", "Суффикс",
               "Sonek", "后缀", "敬称 (英語)", "접미사"),
    "company": ("Company", "Firma", "Société", "Organización", "Compañía", "Società", "Empresa", "Bedrijf",
                "Organizacja", "Организация", "Şirket", "单位", "公司", "会社", "회사"),
    "title": ("Job Title", "Position", "Fonction", "Titre (fonction)", "Puesto", "Posizione", "Cargo", "Functie",
              "Stanowisko", "Должность", "İş Unvanı", "职务", "役職", "직함"),
    "email:1": ("E-mail Address", "E-Mail-Adresse", "Adresse de messagerie", "Dirección de correo electrónico",
                "Indirizzo posta elettronica", "Endereço de email", "Endereço de correio eletrónico", "E-mailadres",
                "Adres e-mail", "Адрес эл. почты", "E-posta Adresi", "电子邮件地址", "電子メール アドレス",
                "전자 메일 주소"),
    "email:2": ("E-mail 2 Address", "E-Mail 2: Adresse", "Adresse de messagerie 2",
                "Dirección de correo electrónico 2", "Indirizzo posta elettronica 2", "Endereço de email 2",
                "E-mailadres 2", "Adres e-mail 2", "Адрес 2 эл. почты", "E-posta 2 Adresi", "电子邮件 2 地址",
                "電子メール 2 アドレス", "전자 메일 2 주소"),
    "email:3": ("E-mail 3 Address", "E-Mail 3: Adresse", "Adresse de messagerie 3",
                "Dirección de correo electrónico 3", "Indirizzo posta elettronica 3", "Endereço de email 3",
                "E-mailadres 3", "Adres e-mail 3", "Адрес 3 эл. почты", "E-posta 3 Adresi", "电子邮件 3 地址",
                "電子メール 3 アドレス", "전자 메일 3 주소"),
    "phone:1:work": ("Business Phone", "Telefon geschäftlich", "Téléphone (bureau)", "Teléfono del trabajo",
                     "Ufficio", "Telefone comercial", "Telefoon op werk", "Telefon służbowy", "Рабочий телефон",
                     "İş Telefonu", "商务电话", "会社電話", "회사 전화"),
    "phone:2:work": ("Business Phone 2", "Telefon geschäftlich 2", "Téléphone 2 (bureau)",
                     "Teléfono del trabajo 2", "Ufficio 2", "Telefone comercial 2", "Telefoon op werk 2",
                     "Telefon służbowy 2", "Телефон раб. 2", "İş Telefonu 2", "商务电话 2", "会社電話 2", "회사 전화 2"),
    "phone:3:mobile": ("Mobile Phone", "Mobiltelefon", "Tél. mobile", "Téléphone mobile", "Teléfono móvil",
                       "Cellulare", "Telefone celular", "Telemóvel", "Mobiele telefoon", "Telefon komórkowy",
                       "Мобильный телефон", "Телефон переносной", "Cep Telefonu", "移动电话", "携帯電話", "휴대폰"),
    "phone:4:other": ("Home Phone", "Telefon privat", "Téléphone (domicile)", "Particular", "Abitazione",
                      "Telefone residencial", "Telefoon thuis", "Telefon domowy", "Домашний телефон",
                      "Ev Telefonu", "住宅电话", "自宅電話", "집 전화"),
    "phone:5:fax": ("Business Fax", "Fax geschäftlich", "Télécopie (bureau)", "Fax del trabajo", "Fax (uff.)",
                    "Fax comercial", "Fax op werk", "Faks służbowy", "Рабочий факс", "İş Faksı", "商务传真",
                    "会社 FAX", "회사 팩스"),
    "address_part:1:business:street": (
        "Business Street", "Straße geschäftlich", "Rue (bureau)", "Calle del trabajo", "Via (uff.)",
        "Rua do endereço comercial", "Werkadres, straat", "Ulica (służbowy)", "Улица (раб. адрес)",
        "İş Adresi Sokak", "商务地址 街道", "会社 番地", "회사 주소 번지"),
    "address_part:1:business:city": (
        "Business City", "Ort geschäftlich", "Ville (bureau)", "Ciudad de trabajo", "Città (uff.)",
        "Cidade do endereço comercial", "Werkadres, plaats", "Miasto (służbowy)", "Город (раб. адрес)",
        "İş Adresi Şehir", "商务地址 市/县", "会社 市区町村", "회사 구/군/시"),
    "address_part:1:business:state": (
        "Business State", "Region geschäftlich", "État/Prov (bureau)", "Provincia o estado de trabajo",
        "Provincia (uff.)", "Estado do endereço comercial", "Werkadres, provincie", "Województwo (służbowy)",
        "Область (раб. адрес)", "İş Adresi İl", "商务地址 省/市/自治区", "会社 都道府県", "회사 시/도"),
    "address_part:1:business:postal": (
        "Business Postal Code", "Postleitzahl geschäftlich", "Code postal (bureau)", "Código postal del trabajo",
        "CAP (uff.)", "CEP do endereço comercial", "Werkadres, postcode", "Kod pocztowy (służbowy)",
        "Индекс (раб. адрес)", "İş Adresi Posta Kodu", "商务地址 邮政编码", "会社 郵便番号", "회사 우편 번호"),
    "address_part:1:business:country": (
        "Business Country/Region", "Land/Region geschäftlich", "Pays/Région (bureau)", "País o región del trabajo",
        "Paese (uff.)", "País/Região do endereço comercial", "Werkadres, land", "Kraj/region (służbowy)",
        "Страна или регион (раб. адрес)", "İş Adresi Ülke/Bölge", "商务地址 国家/地区", "会社 国/地域", "회사 국가"),
    "notes": ("Notes", "Notizen", "Notas", "Note", "Anotações", "Notities", "Notatki", "Заметки", "Notlar", "附注",
              "メモ", "메모"),
    "categories": ("Categories", "Kategorien", "Catégories", "Categorías", "Categorie", "Categorias", "Categorieën",
                   "Kategorie", "Категории", "Kategoriler", "类别", "分類", "범주"),
    "website:1": ("Web Page", "Webseite", "Page Web", "Página web", "Pagina Web", "Página da Web", "Webpagina",
                  "Strona sieci Web", "Веб-страница", "Web Sayfası", "网页", "Web ページ", "웹 페이지"),
    "birthday": ("Birthday", "Geburtstag", "Anniversaire", "Cumpleaños", "Compleanno", "Aniversário", "Verjaardag",
                 "Urodziny", "День рождения", "Doğum Günü", "生日", "誕生日", "생일"),
    "anniversary": ("Anniversary", "Jahrestag", "Anniversaire de mariage", "Aniversario", "Anniversario",
                    "Aniversário de casamento", "Jubileum", "Rocznica", "Годовщина", "Yıldönümü", "纪念日", "記念日",
                    "기념일"),
    "ignored": ("E-mail Type", "E-Mail-Typ", "Type de messagerie", "Tipo de correo electrónico",
                "Tipo posta elettronica", "Tipo de email", "E-mailtype", "Typ e-mail", "Тип эл. почты",
                "E-posta Türü", "电子邮件类型", "電子メールの種類", "전자 메일 유형", "E-mail Display Name",
                "E-Mail: Angezeigter Name", "Nom complet de l'adresse de messagerie",
                "Краткое отображаемое имя эл. почты", "电子邮件显示名称", "電子メール表示名", "전자 메일 표시 이름",
                "Yomi First Name", "Yomi Last Name", "名 (ふりがな)", "姓 (ふりがな)", "Department", "Abteilung",
                "Service", "Departamento", "Reparto", "Afdeling", "Dział", "Отдел", "Bölüm", "部门", "部署", "부서"),
}


def header_key(header: str) -> str:
    """A header folded for matching: lower case, no accents, punctuation as single spaces."""
    return " ".join(fold(header).replace(".", " ").split())


OUTLOOK_HEADERS: dict[str, str] = {}
"""Folded column name -> role ("field", "field:slot" or "field:slot:kind")."""
for _role, _names in _OUTLOOK_COLUMNS.items():
    for _name in _names:
        OUTLOOK_HEADERS.setdefault(header_key(_name), _role)


def outlook_role(header: str) -> tuple[str, int, str] | None:
    """(field, slot, kind) of an Outlook column name in any of the languages above, or None."""
    role = OUTLOOK_HEADERS.get(header_key(header))
    if role is None:
        return None
    field, _, rest = role.partition(":")
    slot, _, kind = rest.partition(":")
    return field, int(slot or 1), kind
