"""Delivery updates from the Communities report to the Police and Crime Panel, November 2019:
the second and third objectives (sections 5.7, 5.8 and 6)."""

UPDATES = [
    {
        "priority": "c2.1",
        "meeting": "panel-2019-11",
        "title": "Commissioner funds Watch schemes and a Watch Coordinator",
        "source": "Police and Crime Panel, November 2019, paragraph 5.7.1",
        "narrative": (
            "The Commissioner continues to fund a number of ‘Watch Schemes’ encouraging members of the public to become active citizens. A Watch Coordinator funded by the Commissioner sits within the Constabulary to support communities to set up Neighbourhood Watch and Speedwatch schemes. There is also an active Countryside Watch in Cambridgeshire."
        ),
        "organisations": ["opcc", "constabulary", "neighbourhood-watch", "countryside-watch"],
    },
    {
        "priority": "c2.1",
        "meeting": "panel-2019-11",
        "title": "Neighbourhood Watch volunteers provide local intelligence",
        "source": "Police and Crime Panel, November 2019, paragraph 5.7.2",
        "narrative": (
            "The Commissioner continues to support Neighbourhood Watch volunteers across the county and has regular 1-1 meetings with the Neighbourhood Watch Chair. He also attended the Neighbourhood Watch Conference and regularly supports activities, using these as engagement opportunities to thank volunteers and remind them of the vital role they play in terms of providing local intelligence to the Constabulary. The Commissioner encourages members to contribute to community social media groups, to help reassure people when local crimes are being reported and to continue to report concerns to the police."
        ),
        "organisations": ["opcc", "neighbourhood-watch"],
    },
    {
        "priority": "c2.2",
        "meeting": "panel-2019-11",
        "title": "Youth and Community Fund: 17 grass roots projects, £42,085 to date",
        "source": "Police and Crime Panel, November 2019, paragraphs 5.7.3–5.7.4",
        "narrative": (
            "The Commissioner’s Youth and Community Fund, now in its 4th year, which supports young people to actively participate and contribute where they live, helping them to become positive citizens and lead more fulfilling lives.\n\n"
            "Over the last six months, the Commissioner has funded 17 grass roots projects helping young people across Cambridgeshire and Peterborough to get involved in their local communities. This total funding to date is £42,085."
        ),
        "areas": ["force"],
        "organisations": ["opcc"],
    },
    {
        "priority": "c2.2",
        "meeting": "panel-2019-11",
        "title": "Independent Custody Visitors: 12 new volunteers in training",
        "source": "Police and Crime Panel, November 2019, paragraphs 5.7.5–5.7.6",
        "narrative": (
            "The Commissioner also manages the Independent Custody Visitors scheme which involves volunteers making unannounced visits into police custody to check on the treatment and welfare of detainees. A recent campaign attracted 12 new volunteers into the scheme who are currently undergoing training.\n\n"
            "The Commissioner and the Constabulary both acknowledge the good work being undertaken in support of them by citizens in policing, providing real benefits to communities and the policing family."
        ),
        "organisations": ["opcc", "constabulary"],
    },
    {
        "priority": "c2.3",
        "meeting": "panel-2019-11",
        "title": "OPCC supports CAPASP to help vulnerable members of the community",
        "source": "Police and Crime Panel, November 2019, paragraph 5.8.1",
        "narrative": (
            "The OPCC have provided support to The Cambridgeshire and Peterborough Against Scams Partnership (CAPASP), recognising this was both an issue of significant public concern and an area where the assets and skills of the community can be used to address risk and support vulnerable members of their community."
        ),
        "organisations": ["opcc"],
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "panel-2019-11",
        "title": "CAPASP: 2,787 Friends Against Scams and 16 Scam Champions since December 2018",
        "source": "Police and Crime Panel, November 2019, paragraph 5.8.2",
        "narrative": (
            "Launched in December 2018, a model has been developed by CAPASP using an asset based community development approach which successfully builds on the strengths within communities. A three-tier model governance and delivery model has been developed involving a Board, Board Advisors and Supporters. The partnership which involves public sector, businesses, and the voluntary sector has (to date) registered 2,787 Friends Against Scams, and created 16 Scam Champions. Board members include victims and community organisations working with vulnerable people."
        ),
        "areas": ["force"],
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "panel-2019-11",
        "title": "CAPASP Board brings together key bodies",
        "source": "Police and Crime Panel, November 2019, paragraph 5.8.3",
        "narrative": (
            "The Board brings together key bodies such the Constabulary, the OPCC, Age UK Cambs & Peterborough, Fenland CSP, South Cambs CSP, East Cambs CSP, The Bobby Scheme, NatWest Bank, Neighbourhood Watch Cambridgeshire, Cambridgeshire County Council, Cambridgeshire Fire and Rescue Service, Peterborough City Council, Care Network, Safe Local Trades, Citizens Advice Peterborough, Wisbech Town Council and Eastern Region Special Operations Unit."
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
        "meeting": "panel-2019-11",
        "title": "CAPASP Supporters tap into the capacity of local groups and people",
        "source": "Police and Crime Panel, November 2019, paragraph 5.8.4",
        "narrative": (
            "Supporters tap in to the capacity of local voluntary groups and people. Supporters:\n\n"
            "- receive and share communications\n"
            "- carry out the ‘5 Simple Steps’ to protect their friends, neighbours, customers etc. from scams\n"
            "- encouraged to self-serve from downloadable resources available on the CAPASP website\n"
            "- identify of scam Champions\n\n"
            "This approach to developing the skills of the community and tapping into the new energy to help could be replicated for other topics of importance for the community."
        ),
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "panel-2019-11",
        "title": "Scams Awareness Fortnight, a business event with Barclays and ‘Community Eyes and Ears’ in Ely",
        "source": "Police and Crime Panel, November 2019, paragraph 5.8.5",
        "narrative": (
            "Supporters are becoming increasingly active, examples include partner participation in Scams Awareness Fortnight (10th – 23rd June) and Neighbourhood Watch Week (17th – 23rd June), scams awareness events including one specifically for businesses in September with Barclays Bank and the very recent ‘Community Eyes and Ears’ event in Ely in October 2019."
        ),
        "areas": ["east-cambridgeshire"],
        "organisations": ["neighbourhood-watch", "barclays"],
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "panel-2019-11",
        "title": "July 2019 Board: 20 organisations supporting CAPASP activity",
        "source": "Police and Crime Panel, November 2019, paragraph 5.8.6",
        "narrative": (
            "At the Commissioner’s July 2019 Board meeting, the beneficial work of the CAPASP to increase public involvement to improve community understanding and resilience was discussed. 20 organisations were currently supporting activity, which was a demonstration of excellent active citizenship and providing a beneficial return on a minimal monetary investment."
        ),
        "partnerships": ["capasp"],
    },
    {
        "priority": "c2.3",
        "meeting": "panel-2019-11",
        "title": "Rural communities: work continues on a Rural Crime Advisory Group",
        "source": "Police and Crime Panel, November 2019, paragraph 5.8.7",
        "narrative": (
            "The Commissioner continues to engage with people living and working in rural communities. He regularly attends partner meetings hosted by Countryside Watch and the National Farmers’ Union as well as representing issues such as hare coursing at regional and national level. Recognising that tackling rural crime cannot be done in isolation, work to progress a Rural Crime Advisory Group continues with plans in place, members to be identified, and meeting dates to be arranged."
        ),
        "organisations": ["opcc", "countryside-watch", "nfu"],
    },
    {
        "priority": "c3.1",
        "meeting": "panel-2019-11",
        "title": "Constabulary uses positive action to build a representative workforce",
        "source": "Police and Crime Panel, November 2019, paragraphs 6.1.1–6.1.2",
        "narrative": (
            "The National Police Chief Councils’ (NPCC) and Association of Police and Crime Commissioners Policing Vision 2025 states that (by 2025) policing will be a profession with a more representative workforce that will align the right skills, powers and experiences to meet challenging requirements. The Constabulary aims to meet the demands of the communities by embracing and valuing equality and diversity.\n\n"
            "In order to ensure equality and diversity is considered in everything the Constabulary do, one of their six core objectives relates to building a diverse workforce through shaping their recruitment, retention and progression activity of Officers and staff. The Constabulary are actively using positive action to engage with minority and under-represented groups and encourage applications from a wide range of applicants. They are working in line with the NPCC Workforce Representation, Attraction, Recruitment and Progression Toolkit."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c3.1",
        "meeting": "panel-2019-11",
        "title": "More BME and female officers recruited in 2018/19; BME representation below the national average",
        "source": "Police and Crime Panel, November 2019, paragraph 6.1.3",
        "narrative": (
            "The Commissioner gains assurance regarding both the Constabulary and the wider tri-force equality and diversity work by his office being a member of the respective Equality, Diversity and Inclusion Boards. The action being undertaken in respect of recruitment, retention and progression policies are discussed and monitored. The Constabulary report annually (in July) on the previous financial years’ equality and diversity. Therefore, the latest publicly available figures for April 2018 – March 2019 are given below. Over this period there has been a positive increase in the number of BME officers but it is recognised this is below the national average. Recruitment during that reporting period did however deliver an increase in both BME and female officers."
        ),
        "organisations": [
            "opcc",
            "constabulary",
            "bedfordshire-police",
            "hertfordshire-constabulary",
        ],
    },
    {
        "priority": "c3.1",
        "meeting": "panel-2019-11",
        "title": "Officer recruitment on track for a record establishment of 1,497",
        "source": "Police and Crime Panel, November 2019, paragraph 6.1.4",
        "narrative": (
            "The Constabulary’s Police Officer recruitment for 2019/20 as originally planned for is on track to have the 1497 establishment by the end of March 2020; a record numbers of Officers. As part of the uplift in Officers, the NPCC Toolkit advocates a range of ways in which police forces can pro-actively undertake diversity recruitment with a priority focus on BME. The Deputy Chief Constable is leading the tri-force Policing Uplift Programme Board to deliver the recruitment for all three forces, with actions being undertaken in line with the national toolkit. Action such as looking to encourage greater access to the recruitment process using community located venues where Officers from diverse communities can share their experiences, and the provision of mentoring and coaching at all stages of the recruitment process, aims to encourage applicants representative of the county."
        ),
        "organisations": ["constabulary", "bedfordshire-police", "hertfordshire-constabulary"],
    },
    {
        "priority": "c3.2",
        "meeting": "panel-2019-11",
        "title": "Commissioner monitors complaint handling through the PSD Governance Board",
        "source": "Police and Crime Panel, November 2019, paragraph 6.2.1",
        "narrative": (
            "The Commissioner has a statutory responsibility to monitor the police complaints system. This is carried out in a number of ways from correspondence received into his office, dip sampling of the Constabulary’s complaint handling, through to being represented on the Professional Standards Department Governance Board, and meetings with the Independent Office of Police Conduct. The Governance Board meets every three months and is chaired by the Constabulary’s Deputy Chief Constable with senior level membership from the Constabulary, Bedfordshire Police and Hertfordshire Constabulary, along with the Bedfordshire, Cambridgeshire, and Hertfordshire OPCCs. The Board is responsible for the governance and oversight of all PSD business."
        ),
        "organisations": [
            "opcc",
            "constabulary",
            "bedfordshire-police",
            "hertfordshire-constabulary",
            "bedfordshire-opcc",
            "hertfordshire-opcc",
            "iopc",
        ],
        "partnerships": ["psd-governance-board"],
    },
]
