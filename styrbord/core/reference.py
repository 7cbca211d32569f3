"""Reference data shipped with Styrbord, loaded by migrations."""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

CATALOGUE = {"name": "Fælles katalog", "slug": "katalog"}

ACCESSIBILITY_STATEMENT_TITLE = "Tilgængelighedserklæring"
ACCESSIBILITY_STATEMENT_BODY = """\
Den myndighed, der driver denne installation af Styrbord, ønsker at gøre løsningen
tilgængelig for alle, i overensstemmelse med lov om tilgængelighed af offentlige organers
websteder og mobilapplikationer (lov nr. 692 af 8. juni 2018) og standarden WCAG 2.1
niveau AA.

## Overholdelse

Styrbord er bygget med Det Fælles Designsystem. Alle sider testes automatisk i en rigtig
browser med axe-core efter reglerne for WCAG 2.0 og 2.1, niveau A og AA, og skal være uden
fejl, før en ændring tages i brug. Alle funktioner kan betjenes med tastatur.

## Kendte begrænsninger

Automatiske test finder ikke alle problemer. Skriv til os, hvis du møder indhold, du ikke
kan bruge.

## Feedback og kontakt

Oplever du problemer med tilgængeligheden, så kontakt kommunens
digitaliseringsafdeling. Du kan også klage til Digitaliseringsstyrelsen, som fører tilsyn
med loven.

Denne tekst redigeres af installationens driftsansvarlige.
"""


def municipalities() -> list[dict]:
    """The 98 municipalities: code, name, region and URL slug."""
    return json.loads((DATA_DIR / "municipalities.json").read_text(encoding="utf-8"))
