"""Texts for the demo class (``lst-kit demo-class``) of the Sparrow canvas:
data only, read by :meth:`.readings.SparrowType.demo_answer`."""

from __future__ import annotations

__all__ = ["LATER", "STORIES"]

#: Illustrative canvases an invented participant may write, per case: each
#: story restates what the (fictional) case file says (summary, signals,
#: risks, interventions, actors, the m2 hint) in a participant's words. "dims"
#: are the dimensions its definition slices along; "effect" and "output" are
#: indicator lines beyond and at the level of output.
STORIES: dict[str, tuple[dict, ...]] = {
    "nvwa_maaltijdplatforms": (
        {"kandidaat": "Koude maaltijden van thuiskoks worden via de apps bezorgd zonder koeling, soms na een lange "
                      "rit. Afgelopen zomer werden twee ziekenhuisopnames wegens listeriose in verband gebracht met "
                      "een koud gerecht.",
         "herkomst": "De ziekenhuisopnames van afgelopen zomer en wat inspecteurs zien bij de bezorging.",
         "definitie": "Falen van de koudeketen bij koude kant-en-klare thuismaaltijden die in Midden-Delta via "
                      "apps worden bezorgd, vooral in de zomer.",
         "buiten": "Warme maaltijden en allergenen: dat is een ander project.",
         "dims": ("plaats", "tijd", "product", "werkwijze"),
         "effect": ("Aandeel koude maaltijden dat gekoeld wordt bezorgd",
                    "Aandeel thuiskoks met een koelbox met temperatuurlogger",
                    "Aantal meldingen van voedselvergiftiging na een thuismaaltijd"),
         "output": ("Aantal inspecties bij thuiskoks", "Aantal voorlichtingsberichten in de apps"),
         "nulmeting": "Nog onbekend: we vragen de platforms om bezorgtijden en meten de temperatuur van een "
                      "steekproef van bezorgde maaltijden.",
         "aanpak": "Met de drie platforms afspreken dat koude gerechten alleen gekoeld worden bezorgd, met een "
                   "korte koelinstructie in de app zodra een kok een koud gerecht aanbiedt.",
         "partners": "De drie maaltijdplatforms en de gemeente / GGD."},
        {"kandidaat": "Het aantal klachten over allergenen in maaltijden die via apps worden verkocht stijgt. Bij "
                      "veel gerechten ontbreekt een apart veld voor allergenen.",
         "herkomst": "Klachten over allergenen; de Vereniging van allergiepatiënten vraagt om betrouwbare "
                     "informatie.",
         "definitie": "Niet of onjuist vermelde allergenen bij maaltijden van thuiskoks die via de drie apps in "
                      "Midden-Delta worden verkocht, met risico voor mensen met een voedselallergie.",
         "buiten": "Claims als vegan of halal, en de hygiëne in de thuiskeuken.",
         "dims": ("product", "werkwijze", "plaats", "slachtoffers"),
         "effect": ("Aandeel gerechten in de apps met volledige allergeneninformatie",
                    "Aandeel thuiskoks dat de allergenenregels kent",
                    "Aantal klachten over allergenen bij de platforms"),
         "output": ("Aantal controles van allergeneninformatie", "Aantal rapporten over de platforms"),
         "nulmeting": "Een steekproef van gerechten in de drie apps: bij hoeveel ontbreekt de "
                      "allergeneninformatie?",
         "aanpak": "De platforms vragen een verplicht allergenenveld in de app te maken en koks bij aanmelding "
                   "een korte allergenenmodule te laten doorlopen.",
         "partners": "De drie platforms en de Vereniging van allergiepatiënten."},
    ),
    "igj_cosmetische_injectables": (
        {"kandidaat": "In schoonheidssalons en op thuisfeestjes zetten mensen die geen zorgverlener zijn rimpel- en "
                      "fillerinjecties, soms met receptplichtige middelen. Ziekenhuizen melden complicaties.",
         "herkomst": "Meldingen van ziekenhuizen over complicaties; veel gevallen komen niet in beeld.",
         "definitie": "Complicaties door fillerinjecties die niet-geregistreerde injecteurs in salons en op "
                      "thuisfeestjes zetten zonder complicatieprotocol of noodmedicatie.",
         "buiten": "Behandelingen in klinieken onder verantwoordelijkheid van een arts.",
         "dims": ("actortype", "plaats", "werkwijze", "product"),
         "effect": ("Aandeel salons dat stopt met injecteren zonder bevoegde arts",
                    "Aandeel behandellocaties met noodmedicatie en een complicatieprotocol",
                    "Aantal complicaties na een behandeling in een salon dat ziekenhuizen melden"),
         "output": ("Aantal inspecties bij salons", "Aantal waarschuwingen aan salons"),
         "nulmeting": "De meldingen van complicaties door ziekenhuizen over het afgelopen jaar, met de kanttekening "
                      "dat er veel ondermelding is.",
         "aanpak": "Salons een waarschuwing en zo nodig een aanwijzing geven, en samen met de beroepsvereniging "
                   "uitdragen wie mag injecteren en met welk middel.",
         "partners": "De beroepsvereniging cosmetische geneeskunde, ziekenhuizen en dermatologen."},
        {"kandidaat": "Receptplichtige injectiemiddelen en mogelijk vervalste fillers worden via webwinkels en "
                      "sociale media verkocht, terwijl 'tweakments' onder jongvolwassenen steeds normaler worden.",
         "herkomst": "Wat inspecteurs zien aan online aanbod en aan reclame op sociale media.",
         "definitie": "Online verkoop van receptplichtige en mogelijk vervalste injectiemiddelen via webwinkels en "
                      "sociale media aan injecteurs die niet bevoegd zijn.",
         "buiten": "Reclame van klinieken met artsen en de kwaliteit van de behandelingen zelf.",
         "dims": ("product", "werkwijze", "actortype"),
         "effect": ("Aandeel online aanbod van receptplichtige fillers dat binnen een maand is verwijderd",
                    "Aandeel jongvolwassenen dat weet dat alleen een bevoegde arts mag injecteren",
                    "Aantal complicaties door vervalste producten"),
         "output": ("Aantal onderzoeken naar webwinkels", "Aantal verstuurde brieven aan marktplaatsen"),
         "nulmeting": "Een telling van het aanbod van receptplichtige fillers op de grootste marktplaatsen, bij de "
                      "start en daarna elk kwartaal.",
         "aanpak": "Met de toezichthouder op productveiligheid zorgen dat platforms en marktplaatsen illegale "
                   "injectiemiddelen uit hun aanbod halen; bij illegale handel aangifte doen.",
         "partners": "De toezichthouders op productveiligheid en reclame, en politie en Openbaar Ministerie."},
    ),
    "ilt_ontgassen_binnenvaart": (
        {"kandidaat": "Tankschepen laten bij een ladingwissel restdampen in de lucht ontsnappen, soms met benzeen "
                      "erin, vaak 's nachts tijdens het varen. Omwonenden langs de rivieren klagen over stank.",
         "herkomst": "Klachten van omwonenden en het burgermeetnet met e-neuzen, dat pieken registreert.",
         "definitie": "Illegaal ontgassen van benzeenhoudende restdampen door tankschepen tijdens de nachtelijke "
                      "vaart, met blootstelling van omwonenden langs drukke vaarroutes.",
         "buiten": "Ontgassen over de grens en de blootstelling van de bemanning aan boord.",
         "dims": ("tijd", "plaats", "werkwijze", "slachtoffers", "product"),
         "effect": ("Aantal benzeenpieken per maand in het burgermeetnet",
                    "Aandeel tankschepen dat bij een ladingwissel een ontgassingsinstallatie gebruikt",
                    "Aantal klachten van omwonenden over stank"),
         "output": ("Aantal controles op de vaarweg", "Aantal processen-verbaal"),
         "nulmeting": "De pieken die het burgermeetnet het afgelopen jaar registreerde, per vaarroute en per nacht.",
         "aanpak": "Gerichte controles op basis van sensordata, en met verladers afspreken dat zij de ontgassing "
                   "betalen.",
         "partners": "De beheerder van het sensornetwerk, verladers en exploitanten van ontgassingsinstallaties."},
        {"kandidaat": "Legale ontgassingsinstallaties zijn schaars, rekenen een vergoeding en leveren wachttijd op. "
                      "Verladers leggen kosten en wachttijd bij de schipper.",
         "herkomst": "Wat inspecteurs horen van schippers: zij wachten soms dagen op een vrije plek.",
         "definitie": "Illegaal ontgassen door schippers die bij een ladingwissel geen vrije plek bij een "
                      "installatie vinden of de vergoeding zelf moeten betalen.",
         "buiten": "Schepen die dezelfde lading blijven vervoeren en niet hoeven te ontgassen.",
         "dims": ("actortype", "werkwijze"),
         "effect": ("Aandeel ladingwissels waarbij de verlader de ontgassing betaalt",
                    "Gemiddelde wachttijd bij ontgassingsinstallaties",
                    "Blootstelling van omwonenden aan benzeenpieken langs de vaarroutes"),
         "output": ("Aantal inspecties bij terminals", "Aantal gesprekken met verladers"),
         "nulmeting": "Wachttijden opvragen bij de exploitanten van de installaties, en de pieken uit het "
                      "burgermeetnet als beginsituatie.",
         "aanpak": "Ketenafspraken: de verlader betaalt de ontgassing. Daarnaast een signaal aan het ministerie over "
                   "het tekort aan installaties.",
         "partners": "Verladers, terminals, exploitanten van ontgassingsinstallaties en het Ministerie van "
                     "Infrastructuur en Waterstaat."},
    ),
    "kinderopvang_bso_personeelstekort": (
        {"kandidaat": "Op locaties van één bso-keten klopt de verhouding tussen het aantal medewerkers en het aantal "
                      "kinderen herhaaldelijk niet. De houder vindt geen personeel.",
         "herkomst": "Inspectierapporten van de GGD over meerdere locaties van dezelfde keten.",
         "definitie": "Structurele overschrijding van de beroepskracht-kindratio door personeelstekort op de "
                      "locaties van één bso-keten, ten koste van de veiligheid van de kinderen.",
         "buiten": "Andere kinderopvangorganisaties in de regio en de veiligheid van buitenruimtes.",
         "dims": ("actortype", "slachtoffers", "werkwijze"),
         "effect": ("Nalevingspercentage van de beroepskracht-kindratio bij herinspectie",
                    "Aandeel roosters waarin de beroepskracht-kindratio klopt",
                    "Uitstroom van pedagogisch medewerkers bij de keten"),
         "output": ("Aantal inspecties bij de locaties", "Aantal handhavingsbesluiten van gemeenten"),
         "nulmeting": "De inspectierapporten van het afgelopen jaar: op hoeveel locaties en hoe vaak was de ratio "
                      "overschreden?",
         "aanpak": "De houder helpen met roosters en inzet van personeel, het personeelstekort signaleren aan het "
                   "ministerie, en handhaven waar de houder het zelf kan oplossen.",
         "partners": "De gemeenten, de houder van de bso-keten en het Ministerie van SZW."},
        {"kandidaat": "Invalkrachten beginnen te werken voordat hun VOG en hun inschrijving in het personenregister "
                      "rond zijn.",
         "herkomst": "Wat toezichthouders van de GGD tijdens inspecties zien.",
         "definitie": "Invalkrachten zonder geldige VOG of inschrijving in het personenregister die bij "
                      "personeelstekort op bso-locaties worden ingezet.",
         "buiten": "Vaste medewerkers met een geldige VOG.",
         "dims": ("actortype", "werkwijze"),
         "effect": ("Aandeel invalkrachten met een geldige VOG op hun eerste werkdag",
                    "Aandeel locaties dat het personenregister op orde heeft"),
         "output": ("Aantal controles van het personenregister", "Aantal waarschuwingen aan de houder"),
         "nulmeting": "Een controle van het personenregister bij alle locaties van de keten.",
         "aanpak": "VOG en personenregister bij elke inspectie controleren, en met de houder afspreken dat niemand "
                   "begint zonder inschrijving.",
         "partners": "De gemeenten en de houder van de bso-keten."},
    ),
    "nla_uitzendwerk_arbeidsmigranten": (
        {"kandidaat": "Arbeidsmigranten in grote distributiecentra houden door inhoudingen voor huisvesting, vervoer "
                      "en verzekering een nettoloon over dat onder het minimumloon ligt. Zij klagen zelden.",
         "herkomst": "Loonstroken die inspecteurs zien; klachten komen er zelden.",
         "definitie": "Nettoloon onder het minimum door inhoudingen voor huisvesting bij arbeidsmigranten die via "
                      "uitzendbureaus in distributiecentra in regio X werken.",
         "buiten": "Werktijden en veiligheid op de werkvloer: dat is een apart project.",
         "dims": ("slachtoffers", "werkwijze", "plaats", "actortype"),
         "effect": ("Aandeel werkgevers dat ten minste het minimumloon uitbetaalt",
                    "Aandeel loonstroken met inhoudingen tot onder het minimumloon",
                    "Aandeel arbeidsmigranten dat weet waar ze een klacht kunnen melden"),
         "output": ("Aantal inspecties bij uitzendbureaus", "Aantal boetes voor onderbetaling"),
         "nulmeting": "Een steekproef van loonstroken bij uitzendbureaus in de regio, bij de start en na een jaar.",
         "aanpak": "Uitzendbureaus datagestuurd selecteren, boete en nabetaling bij onderbetaling, en opdrachtgevers "
                   "aanspreken op hun keten.",
         "partners": "Opdrachtgevers en distributiecentra, bonafide uitzendbureaus, vakbonden en gemeenten."},
        {"kandidaat": "Arbeidsmigranten wonen met te veel mensen in woningen zonder werkende rookmelders of "
                      "vluchtroute. Wie klaagt, verliest tegelijk zijn baan en zijn woning.",
         "herkomst": "Wat inspecteurs zien bij controles van huisvesting.",
         "definitie": "Overvolle, brandonveilige huisvesting van arbeidsmigranten die aan hun baan bij een "
                      "uitzendbureau is gekoppeld.",
         "buiten": "Huisvesting die niet via de werkgever of het uitzendbureau loopt.",
         "dims": ("slachtoffers", "werkwijze", "actortype"),
         "effect": ("Aandeel gecontroleerde woningen met werkende rookmelders en een vluchtroute",
                    "Aandeel arbeidsmigranten met een huurcontract los van hun arbeidsovereenkomst",
                    "Aantal branden in woningen van arbeidsmigranten"),
         "output": ("Aantal controles van huisvesting", "Aantal rapporten over huisvesting"),
         "nulmeting": "Een steekproef van woningen van arbeidsmigranten in de regio, samen met de gemeenten.",
         "aanpak": "Gezamenlijke controles van huisvesting met gemeenten, en meertalige informatie bij aankomst over "
                   "rechten als huurder en werknemer.",
         "partners": "Gemeenten, huisvesters, vakbonden en bonafide uitzendbureaus."},
    ),
}
#: Case-independent texts for the later stages.
LATER = {
    ("uitvoeren", "planning"): (
        "Een projectleider en twee inspecteurs; binnen twee maanden de eerste afspraken met de partners, daarna een "
        "proef van een half jaar.",
        "Eerst de nulmeting, dan de aanpak in één regio uitproberen en daarna opschalen.",
        "Het projectteam maakt een plan van aanpak; elke partner wijst een vaste contactpersoon aan.",
    ),
    ("uitvoeren", "bijsturen"): (
        "Elk kwartaal bespreken we de indicatoren met de partners.",
        "Na zes maanden kijken we of de indicatoren bewegen; zo niet, dan passen we de aanpak aan.",
        "Maandelijks kort overleg in het team en een evaluatie halverwege.",
    ),
    ("afsluiten", "klaar"): (
        "Als de indicatoren uit stap 3 een jaar lang op het afgesproken niveau blijven.",
        "Wanneer de schade zo klein is dat het gewone toezicht het kan bijhouden.",
    ),
    ("afsluiten", "borgen"): (
        "De indicatoren blijven in het risicobeeld van de inspectie.",
        "Een vaste contactpersoon blijft het probleem volgen en meldt het als de cijfers weer oplopen.",
    ),
    ("afsluiten", "vertellen"): (
        "In het jaarverslag en in een kort bericht aan de partners.",
        "Een presentatie voor de directie en de partners, met de cijfers van voor en na.",
    ),
}
