"""Outlook CSV exports in the languages Outlook ships, recognised from the header table; short rows
padded; a header nobody knows asks for --map (issue 19, item 2)."""
from __future__ import annotations

from pathlib import Path

import pytest

from netcompanion.interop.errors import InputFileError
from netcompanion.interop.importer import import_file
from tests.interop.helpers import comparable

# hand-written as each language's Outlook writes its columns (a subset, in Outlook's order)
HEADERS = {
    "zh": ["名", "中间名", "姓", "单位", "部门", "职务", "商务地址 街道", "商务地址 市/县", "商务地址 邮政编码",
           "商务地址 国家/地区", "商务电话", "移动电话", "电子邮件地址", "电子邮件类型", "附注", "生日"],
    "ja": ["名", "ミドル ネーム", "姓", "会社", "部署", "役職", "会社 番地", "会社 市区町村", "会社 郵便番号",
           "会社 国/地域", "会社電話", "携帯電話", "電子メール アドレス", "電子メールの種類", "メモ", "誕生日"],
    "pl": ["Imię", "Drugie imię", "Nazwisko", "Firma", "Dział", "Stanowisko", "Ulica (służbowy)",
           "Miasto (służbowy)", "Kod pocztowy (służbowy)", "Kraj/region (służbowy)", "Telefon służbowy",
           "Telefon komórkowy", "Adres e-mail", "Typ e-mail", "Notatki", "Urodziny"],
    "tr": ["Ad", "İkinci Ad", "Soyadı", "Şirket", "Bölüm", "İş Unvanı", "İş Adresi Sokak", "İş Adresi Şehir",
           "İş Adresi Posta Kodu", "İş Adresi Ülke/Bölge", "İş Telefonu", "Cep Telefonu", "E-posta Adresi",
           "E-posta Türü", "Notlar", "Doğum Günü"],
    "fr": ["Prénom", "Deuxième prénom", "Nom", "Société", "Service", "Fonction", "Rue (bureau)", "Ville (bureau)",
           "Code postal (bureau)", "Pays/Région (bureau)", "Téléphone (bureau)", "Tél. mobile",
           "Adresse de messagerie", "Type de messagerie", "Notes", "Anniversaire"],
    "ko": ["이름", "중간 이름", "성", "회사", "부서", "직함", "회사 주소 번지", "회사 구/군/시", "회사 우편 번호", "회사 국가",
           "회사 전화", "휴대폰", "전자 메일 주소", "전자 메일 유형", "메모", "생일"],
}
ROW = ["Wei", "", "Wang", "Huawei Technologies", "R&D", "Director", "Bantian 1", "Shenzhen", "518129", "China",
       "0755 2878 0808", "139 1234 5678", "wang.wei@huawei.example", "SMTP", "Met at MWC", "1980-05-17"]


@pytest.mark.parametrize("language", sorted(HEADERS))
def test_a_localised_outlook_export_is_read(tmp_path: Path, services, language: str) -> None:
    path = tmp_path / f"outlook_{language}.csv"
    header = ",".join(f'"{h}"' for h in HEADERS[language])
    short = ["Na", "", "Li", "Tencent", "", "", "", "", "", "", "", "", "li.na@tencent.example"]
    short_row = ",".join(f'"{c}"' for c in short)  # the last cells left out: the row is padded
    path.write_text(f"{header}\n{','.join(ROW)}\n{short_row}\n", encoding="utf-8-sig")
    report = import_file(services, path)
    assert report.format == "csv-outlook" and [e.outcome for e in report.entries] == ["added", "added"]
    wei = next(comparable(c) for c in services.contacts.list() if c.given_name == "Wei")
    assert (wei["full_name"], wei["company"], wei["title"]) == ("Wei Wang", "Huawei Technologies", "Director")
    assert wei["emails"] == ["wang.wei@huawei.example"]
    # the national numbers are read in the country of the address, China
    assert wei["phones"] == [{"e164": "+8675528780808", "kind": "work"}, {"e164": "+8613912345678", "kind": "mobile"}]
    assert (wei["address_street"], wei["address_locality"], wei["address_postcode"], wei["address_country"]) == (
        "Bantian 1", "Shenzhen", "518129", "China")
    assert wei["birthday"] == "1980-05-17" and wei["notes"] == "Met at MWC"


def test_a_header_nobody_knows_asks_for_map_and_map_imports_it(tmp_path: Path, services) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("联系人,邮箱\nAda Lovelace,ada@engines.example\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"line 1: no column of the header .*'联系人'.*--map"):
        import_file(services, path)
    assert services.contacts.list() == []
    report = import_file(services, path, mapping={"name": "联系人", "email": "邮箱"})
    assert report.count("added") == 1
