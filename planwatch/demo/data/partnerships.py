"""Partnership bodies, their memberships and work streams, as the reports describe them."""

COUNTYWIDE = "countywide-board"
THINK_COMMUNITIES = "think-communities-executive-board"

_DELIVERY_GROUP = (
    "A countywide Delivery Group of the Countywide Community Safety Strategic Board, working "
    "across Cambridgeshire and Peterborough to lead on a high-risk issue and report progress to "
    "the Board."
)


def _csp(slug, name, short_name, area):
    return {
        "slug": slug,
        "name": name,
        "short_name": short_name,
        "partnership_type": "csp",
        "area": area,
        "description": "The Community Safety Partnership for the district.",
    }


def _delivery_group(slug, name, extra=""):
    return {
        "slug": slug,
        "name": name,
        "partnership_type": "delivery_group",
        "area": "force",
        "parent": COUNTYWIDE,
        "description": f"{_DELIVERY_GROUP}{extra}",
    }


PARTNERSHIPS = [
    {
        "slug": COUNTYWIDE,
        "name": "Countywide Community Safety Strategic Board",
        "short_name": "CCSSB",
        "partnership_type": "strategic_board",
        "area": "force",
        "description": (
            "Chaired by the Commissioner, the Board defines and supports a joined-up approach to "
            "community safety service delivery across Cambridgeshire and Peterborough, bringing "
            "together Responsible Authorities and representatives from the Community Safety "
            "Partnerships and key strategic boards. Its countywide Delivery Groups lead on "
            "high-risk issues; it also co-ordinates prevention work through the Partnership "
            "Matrix and the Countywide Community Safety Agreement."
        ),
    },
    _delivery_group("mental-health-delivery-group", "Mental Health Delivery Group"),
    _delivery_group(
        "domestic-abuse-sexual-violence-delivery-group",
        "Domestic Abuse & Sexual Violence Delivery Group",
    ),
    _delivery_group("road-safety-delivery-group", "Road Safety Delivery Group"),
    _delivery_group(
        "child-exploitation-delivery-group",
        "Child Exploitation Delivery Group",
        " Covers child exploitation including gang activity and county lines.",
    ),
    _delivery_group("drug-alcohol-delivery-group", "Drug & Alcohol Delivery Group"),
    _delivery_group("youth-justice-delivery-group", "Youth Justice Delivery Group"),
    _delivery_group(
        "organised-crime-modern-slavery-delivery-group",
        "Organised Crime & Modern Slavery Delivery Group",
    ),
    _csp(
        "cambridge-city-csp",
        "Cambridge City Community Safety Partnership",
        "Cambridge City CSP",
        "cambridge",
    ),
    _csp(
        "east-cambridgeshire-csp",
        "East Cambridgeshire Community Safety Partnership",
        "East Cambridgeshire CSP",
        "east-cambridgeshire",
    ),
    _csp("fenland-csp", "Fenland Community Safety Partnership", "Fenland CSP", "fenland"),
    _csp(
        "huntingdonshire-csp",
        "Huntingdonshire Community Safety Partnership",
        "Huntingdonshire CSP",
        "huntingdonshire",
    ),
    _csp(
        "south-cambridgeshire-csp",
        "South Cambridgeshire Community Safety Partnership",
        "South Cambridgeshire CSP",
        "south-cambridgeshire",
    ),
    _csp(
        "safer-peterborough-partnership",
        "Safer Peterborough Partnership",
        "Safer Peterborough",
        "peterborough",
    ),
    {
        "slug": THINK_COMMUNITIES,
        "name": "Think Communities Executive Board",
        "partnership_type": "executive_board",
        "area": "force",
        "description": (
            "Facilitates joint working on Think Communities, the shared approach to community "
            "resilience developed by officers of the seven Cambridgeshire and Peterborough "
            "councils and the Constabulary: a pledge between the public sector and communities "
            "to solve problems together, make the best use of resources and think differently "
            "about what communities need to thrive. The OPCC provides representation and, where "
            "required, leadership."
        ),
    },
    {
        "slug": "capasp",
        "name": "Cambridgeshire and Peterborough Against Scams Partnership",
        "short_name": "CAPASP",
        "partnership_type": "partnership",
        "area": "force",
        "established": "2018-12-01",
        "description": (
            "Launched in December 2018, the partnership involves the public sector, businesses "
            "and the voluntary sector. Its model, developed using an asset based community "
            "development approach, has three tiers:\n\n"
            "- the Board, which brings together key bodies\n"
            "- Board Advisors, bringing in victim representation and community organisations "
            "working with vulnerable people\n"
            "- Supporters, who tap in to the capacity of local voluntary groups and people"
        ),
    },
    {
        "slug": "vision-zero",
        "name": "Vision Zero Partnership",
        "short_name": "Vision Zero",
        "partnership_type": "partnership",
        "area": "force",
        "description": (
            "The county's road safety partnership, formerly known as Cambridgeshire and "
            "Peterborough Road Safety Partnership. Its objective is no one being killed or "
            "seriously injured (KSI) on the county's roads, and a reduction of KSIs by 50% by "
            "2030."
        ),
    },
    {
        "slug": "bch",
        "name": "Bedfordshire, Cambridgeshire and Hertfordshire collaboration",
        "short_name": "BCH",
        "partnership_type": "collaboration",
        "description": (
            "The tri-force collaboration of the Bedfordshire, Cambridgeshire and Hertfordshire "
            "forces, through which services are commissioned and delivered."
        ),
    },
    {
        "slug": "seven-force",
        "name": "7 Force collaboration",
        "short_name": "7F",
        "partnership_type": "collaboration",
        "description": (
            "Collaboration at a seven force level: BCH, Norfolk, Suffolk, Essex and Kent. It "
            "includes the 7 Force Procurement Function, approved in January 2019, and a "
            "programme collaboration agreement extended in December 2019."
        ),
    },
    {
        "slug": "psd-governance-board",
        "name": "Professional Standards Department Governance Board",
        "short_name": "PSD Governance Board",
        "partnership_type": "strategic_board",
        "description": (
            "Responsible for the governance and oversight of all Professional Standards "
            "Department business. Meets every three months, chaired by the Constabulary's "
            "Deputy Chief Constable."
        ),
    },
    {
        "slug": "safeguarding-adults-board",
        "name": "Cambridgeshire and Peterborough Safeguarding Adults Board",
        "partnership_type": "strategic_board",
        "area": "force",
    },
    {
        "slug": "safeguarding-children-board",
        "name": "Cambridgeshire and Peterborough Safeguarding Children Board",
        "partnership_type": "strategic_board",
        "area": "force",
    },
]

_CAPASP_BOARD = [
    "age-uk",
    "fenland-csp",
    "bobby-scheme",
    "natwest",
    "constabulary",
    "neighbourhood-watch",
    "county-council",
    "opcc",
    "fire-and-rescue",
    "peterborough-city-council",
    "care-network",
    "safe-local-trades",
    "citizens-advice-peterborough",
    "south-cambridgeshire-csp",
    "east-cambridgeshire-csp",
    "wisbech-town-council",
    "ersou",
]
_COUNCILS = [
    "county-council",
    "peterborough-city-council",
    "cambridge-city-council",
    "east-cambridgeshire-dc",
    "fenland-dc",
    "huntingdonshire-dc",
    "south-cambridgeshire-dc",
]

# partnership slug -> [(organisation key, role, note)]
MEMBERSHIPS = {
    COUNTYWIDE: [
        ("opcc", "chair", "The Commissioner chairs the Board."),
        ("constabulary", "member", "Responsible Authority"),
        ("county-council", "member", "Responsible Authority"),
        ("peterborough-city-council", "member", "Responsible Authority"),
        ("fire-and-rescue", "member", "Responsible Authority"),
        ("national-probation-service", "member", "Responsible Authority"),
    ],
    THINK_COMMUNITIES: [
        ("opcc", "member", "Provides representation and, where required, leadership."),
        ("constabulary", "member", ""),
        *[(key, "member", "") for key in _COUNCILS],
    ],
    "capasp": [
        *[(key, "member", "") for key in _CAPASP_BOARD],
        ("barclays", "supporter", "Scams awareness events at its branches and for businesses."),
        ("hsbc", "supporter", "A cybercrime event for SMEs."),
    ],
    "vision-zero": [
        ("opcc", "member", "The Deputy Commissioner chaired the Road Safety Partnership in 2019."),
        ("constabulary", "member", ""),
    ],
    "bch": [
        ("bedfordshire-police", "member", ""),
        ("constabulary", "member", ""),
        ("hertfordshire-constabulary", "member", ""),
    ],
    "seven-force": [
        ("bedfordshire-police", "member", ""),
        ("constabulary", "member", ""),
        ("hertfordshire-constabulary", "member", ""),
        ("norfolk-constabulary", "member", ""),
        ("suffolk-constabulary", "member", ""),
        ("essex-police", "member", ""),
        ("kent-police", "member", ""),
    ],
    "psd-governance-board": [
        ("constabulary", "chair", "Chaired by the Deputy Chief Constable."),
        ("bedfordshire-police", "member", ""),
        ("hertfordshire-constabulary", "member", ""),
        ("opcc", "member", ""),
        ("bedfordshire-opcc", "member", ""),
        ("hertfordshire-opcc", "member", ""),
    ],
}

_CSA = "community_safety_agreement"
_MATRIX = "partnership_matrix"
_TC = "think_communities"

# (name, framework, prevention tier, partnership slug, description)
WORK_STREAMS = [
    (
        "Healthy and Safer Schools",
        _CSA,
        "",
        COUNTYWIDE,
        "Resilience at the centre of the Healthy Schools programme.",
    ),
    ("Children’s Early Help", _CSA, "", COUNTYWIDE, ""),
    ("Access to employment for vulnerable groups", _CSA, "", COUNTYWIDE, ""),
    ("Think Resilience", _CSA, "", COUNTYWIDE, ""),
    ("Housing Trailblazer", _CSA, "", COUNTYWIDE, "Transformation work to prevent homelessness."),
    (
        "Community Resilience",
        _MATRIX,
        "primary",
        COUNTYWIDE,
        "Work with communities including schools to build resilience and ability to deter crime.",
    ),
    (
        "Homelessness Prevention",
        _MATRIX,
        "secondary",
        COUNTYWIDE,
        "Preventing homelessness, building on the Housing Trailblazer.",
    ),
    (
        "Integrated early intervention",
        _MATRIX,
        "secondary",
        COUNTYWIDE,
        "Developing the role of Community Safety Partnerships and Living Well Partnerships to "
        "promote integrated early intervention.",
    ),
    (
        "Reducing threat, risk and harm in priority areas",
        _MATRIX,
        "tertiary",
        COUNTYWIDE,
        "Specific partnerships put in place to reduce threat, risk and harm in priority areas "
        "agreed through the local Community Safety Agreement.",
    ),
    ("Strategic Coherence & System Facilitation", _TC, "", THINK_COMMUNITIES, ""),
    ("Communications", _TC, "", THINK_COMMUNITIES, ""),
    ("Community Engagement", _TC, "", THINK_COMMUNITIES, ""),
    ("Data and Intelligence", _TC, "", THINK_COMMUNITIES, ""),
    ("Estates and Buildings", _TC, "", THINK_COMMUNITIES, ""),
    ("Funding and Resources", _TC, "", THINK_COMMUNITIES, ""),
    ("Technology and Digital", _TC, "", THINK_COMMUNITIES, ""),
    ("Workforce Reform", _TC, "", THINK_COMMUNITIES, ""),
]
