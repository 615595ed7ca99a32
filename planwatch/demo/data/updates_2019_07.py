"""Delivery updates from the report to the Business Coordination Board of 31 July 2019."""

UPDATES = [
    {
        "priority": "c1.1",
        "meeting": "board-2019-07",
        "title": "Mapping exercise leads to risk-focused countywide Delivery Groups",
        "source": "Business Coordination Board, July 2019, paragraphs 4.1–4.2",
        "narrative": (
            "In order to progress a countywide approach to managing risk, a mapping exercise carried out by the OPCC clarified the need to improve accountability with regards to high risk safeguarding and community safety priorities between the Community Safety Partnerships (CSPs).\n\n"
            "The exercise, supported by Cambridgeshire and Peterborough Countywide Community Safety Strategic Board (CCSSB), Cambridgeshire and Peterborough’s Health and Wellbeing Boards, Cambridgeshire and Peterborough Safeguarding Adults Board and Cambridgeshire and Peterborough Safeguarding Children Board, risk-focused County Wide Delivery Groups working across Cambridgeshire and Peterborough appointed for each priority with accountability of various work streams."
        ),
        "areas": ["force"],
        "organisations": ["opcc"],
        "partnerships": [
            "countywide-board",
            "safeguarding-adults-board",
            "safeguarding-children-board",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2019-07",
        "title": "Prevention work streams codified in the Countywide Community Safety Agreement",
        "source": "Business Coordination Board, July 2019, paragraph 4.3",
        "narrative": (
            "In order to progress work on prevention the following work steams were codified within the countywide community safety agreement:\n\n"
            "- Healthy and Safer Schools\n"
            "- Children’s Early Help\n"
            "- Access to employment for vulnerable groups\n"
            "- Think Resilience\n"
            "- Housing Trailblazer"
        ),
        "partnerships": ["countywide-board"],
        "work_streams": [
            "Healthy and Safer Schools",
            "Children’s Early Help",
            "Access to employment for vulnerable groups",
            "Think Resilience",
            "Housing Trailblazer",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2019-07",
        "title": "Place-based Partnerships to align CSP and Living Well Partnership delivery",
        "source": "Business Coordination Board, July 2019, paragraphs 4.4–4.5",
        "narrative": (
            "During the last quarter work has been on going to improve communication channels between place-based CSPs and the risk-focused County Wide Delivery Groups and prevention work streams.\n\n"
            "It is intended that new Place-based Partnerships will evolve and better align the place-based delivery by CSPs and Living Well Partnerships with their aims and objectives informed by Think Communities principles. Place-based Partnerships will ultimately be in a stronger place to embrace CSP statutory functions and improve flexibility of local delivery, led by communities and helping to improve community resilience."
        ),
        "partnerships": [
            "cambridge-city-csp",
            "east-cambridgeshire-csp",
            "fenland-csp",
            "huntingdonshire-csp",
            "south-cambridgeshire-csp",
            "safer-peterborough-partnership",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2019-07",
        "title": "Community Safety officers attend a Think Communities workshop",
        "source": "Business Coordination Board, July 2019, paragraph 4.6",
        "narrative": (
            "Community Safety officers attended a Think Communities workshop in June, looking at opportunities to transform place-based partnerships and to start thinking about the practical implications of this. The workshop was productive and helped highlight how, whilst partners were all at different starting points and systems remain complex, officers are open to change."
        ),
    },
    {
        "priority": "c1.1",
        "meeting": "board-2019-07",
        "title": "About £24k a year for each CSP in 2019/20 and 2020/21",
        "source": "Business Coordination Board, July 2019, paragraph 4.7",
        "narrative": (
            "To support Partnership working, the Police and Crime Commissioner has made funding available to CSPs in 2019/20 & 2020/21, with approximately £24k available to each CSP per year. Funding is linked to agreed delivery activities. CSPs receiving grants will be accountable for delivering and reporting on their agreed delivery activities, structured in a two-year “Understand, Plan, Do, Review” cycle. Agreed delivery activities will be aligned to supporting and developing the work streams identified in the Partnership Matrix, and link to the ongoing development of the new Think Communities Demand Management Hub."
        ),
        "organisations": ["opcc"],
        "partnerships": [
            "cambridge-city-csp",
            "east-cambridgeshire-csp",
            "fenland-csp",
            "huntingdonshire-csp",
            "south-cambridgeshire-csp",
            "safer-peterborough-partnership",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2019-07",
        "title": "CSPs agree delivery activities on Partnership Matrix work streams",
        "source": "Business Coordination Board, July 2019, paragraphs 4.8–4.9",
        "narrative": (
            "Work continues with individual CSPs to agree delivery activities based on their local priorities, and look at how this work can be industrialised to develop system-wide prevention work.\n\n"
            "Fenland CSP have committed to developing the Homelessness Prevention work stream. East Cambridgeshire CSP and Huntingdonshire CSP are keen to develop the Community resilience work stream. South Cambridgeshire CSP and Cambridge City CSP to finalise bids. Opportunities for Peterborough remain open."
        ),
        "areas": [
            "cambridge",
            "east-cambridgeshire",
            "fenland",
            "huntingdonshire",
            "south-cambridgeshire",
            "peterborough",
        ],
        "partnerships": [
            "cambridge-city-csp",
            "east-cambridgeshire-csp",
            "fenland-csp",
            "huntingdonshire-csp",
            "south-cambridgeshire-csp",
            "safer-peterborough-partnership",
        ],
        "work_streams": ["Homelessness Prevention", "Community Resilience"],
    },
    {
        "priority": "c2.3",
        "meeting": "board-2019-07",
        "title": "OPCC supports the Cambridgeshire and Peterborough Against Scams Partnership",
        "source": "Business Coordination Board, July 2019, paragraphs 5.1–5.2",
        "narrative": (
            "Cambridgeshire OPCC have provided support to The Cambridgeshire and Peterborough Against Scams Partnership (CAPASP), recognising this was both an issue of significant public concern and an area where the assets and skills of the community can be used to address risk.\n\n"
            "A model has been developed by the Partnership using an asset based community development approach which successfully builds on the strengths within communities. A three tier model governance and delivery model has been developed involving a Board, Board Advisors and Supporters."
        ),
        "organisations": ["opcc"],
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "board-2019-07",
        "title": "CAPASP Board brings together 17 key bodies",
        "source": "Business Coordination Board, July 2019, paragraph 5.3",
        "narrative": (
            "The Board brings together key bodies such as Age UK Cambs & Peterborough, Fenland Community Safety Partnership, The Bobby Scheme, NatWest Bank, Cambridgeshire Constabulary, Neighbourhood Watch Cambridgeshire, Cambridgeshire County Council, Office of the Police and Crime Commissioner, Cambridgeshire Fire and Rescue Service, Peterborough City Council, Care Network, Safe Local Trades, Citizens Advice Peterborough, South Cambs Community Safety Partnership, East Cambs Community Safety Partnership, Wisbech Town Council and Eastern Region Special Operations Unit."
        ),
        "organisations": [
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
        ],
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "board-2019-07",
        "title": "CAPASP Board Advisors and Supporters",
        "source": "Business Coordination Board, July 2019, paragraphs 5.4–5.5",
        "narrative": (
            "Board Advisors, bringing in victim representation and community organisations working with vulnerable people.\n\n"
            "Supporters tap in to the capacity of local voluntary groups and people. Supporters:\n\n"
            "- Receive and share communications\n"
            "- Carry out the ‘5 Simple Steps’ to protect their friends, neighbours, customers etc. from scam\n"
            "- Encouraged to self-serve from downloadable resources available on the CAPASP website\n"
            "- Identify of scam Champions\n\n"
            "This approach to developing the skills of the community and tapping into the new energy to help could be replicated for other topics of importance for the community."
        ),
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "board-2019-07",
        "title": "CAPASP registers 2,787 Friends Against Scams and creates 16 Scam Champions",
        "source": "Business Coordination Board, July 2019, paragraph 5.6",
        "narrative": (
            "Launched in December 2018, the partnership which involves public sector, businesses, and the voluntary sector has (to date) registered 2,787 Friends Against Scams, and created 16 SCAM Champions. Board members include victims and community organisations working with vulnerable people."
        ),
        "areas": ["force"],
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "board-2019-07",
        "title": "CAPASP Supporters take part in scams awareness events",
        "source": "Business Coordination Board, July 2019, paragraph 5.7",
        "narrative": (
            "Supporters are becoming increasingly active, examples include partner participation in the recent Scams Awareness Fortnight (10th – 23rd June) and Neighbourhood Watch Week (17th – 23rd June), scams awareness events in Houghton and Wyton, Gamlingay and Soham, at Barclays Bank branches and an HSBC cybercrime event for SMEs."
        ),
        "areas": ["huntingdonshire", "south-cambridgeshire", "east-cambridgeshire"],
        "organisations": ["neighbourhood-watch", "barclays", "hsbc"],
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.2",
        "meeting": "board-2019-07",
        "title": "Think Communities approaches: Get Lippy, I love Wisbech and safeguarding training",
        "source": "Business Coordination Board, July 2019, paragraph 5.8",
        "narrative": (
            "Other examples of Think Communities partnership approaches include: a new youth and community partnership initiative called ‘Get Lippy’ (Local Information Platform exploring Priorities for Youth) set up as a result of two public meetings held in Cambridge on County Lines; ‘I love Wisbech’, a community project set up to improve wellbeing outcomes; an ‘Introduction to Safeguarding” course for community groups including a county lines element to help identify vulnerable young people; and peer learning events, recognising the role of local Town and Parish Councils in supporting their communities, including one on ‘Supporting Older People’."
        ),
        "areas": ["cambridge", "fenland"],
    },
    {
        "priority": "c1.5",
        "meeting": "board-2019-07",
        "title": "Listening and responding: 1,589 pieces of correspondence and 12 public surgeries in 2018/19",
        "source": "Business Coordination Board, July 2019, paragraph 5.9",
        "narrative": (
            "The Commissioner continues OPCC led listening and responding to local residents in a number of ways including regular 1-1 public surgeries, Parish Council Meetings, Public Surveys, Contact Points and street surgeries. People living and working in the county are encouraged to contact the Commissioner through press releases, newsletters and social media. Over the last year (April 2018 to March 2019, the Commissioner received 1,589 pieces of correspondence, carried out 12 public surgeries, 27 media interviews. Social media engagement continues to grow with over 3,200 followers on Twitter and almost 80,000 people reached via Facebook posts."
        ),
        "organisations": ["opcc"],
    },
    {
        "priority": "c2.3",
        "meeting": "board-2019-07",
        "title": "Engaging rural communities on hare coursing and heritage crime",
        "source": "Business Coordination Board, July 2019, paragraph 5.10",
        "narrative": (
            "The Commissioner continues to engage with people living and working in rural communities. He regularly attends partner meetings hosted by Countryside Watch and the NFU as well as representing issues such as hare coursing at regional and national level. Examples of recent activity include attendance at a meeting in March 2019 with Lord Randall, the Government’s Special Environment Advisor, and local MPs to discuss the problems faced by police forces in combatting hare coursing; and an interview on BBC Radio Cambridgeshire following a recent spike in heritage crime from local churches. Recognising that tackling rural crime cannot be done in isolation, work to progress a Rural Crime Advisory Group continues with plans in place, members to be identified, and meeting dates to be arranged."
        ),
        "organisations": ["opcc", "countryside-watch", "nfu"],
    },
]
