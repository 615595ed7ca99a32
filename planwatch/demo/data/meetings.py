"""The meetings that received the five reports, their agenda items and recommendations, and
the Police and Crime Panel's questions of November 2019 with the Commissioner's responses.

The November 2019 Panel report and the late 2020 Board report print no meeting date: the Panel
met in November 2019, and the Board after the Countywide Board of 20 October 2020 that its
report describes.
"""

# slug (as Meeting.save() makes it) -> meeting
MEETINGS = {
    "board-2018-11": {"body": "board", "date": "2018-11-01"},
    "board-2019-07": {"body": "board", "date": "2019-07-31"},
    "panel-2019-11": {"body": "panel", "date": "2019-11-13"},
    "board-2020-02": {"body": "board", "date": "2020-02-25"},
    "countywide-2020-10": {"body": "countywide", "date": "2020-10-20"},
    "board-2020-11": {"body": "board", "date": "2020-11-24"},
}

# One agenda item per theme report; recommendations as (number, text, status).
AGENDA_ITEMS = [
    {
        "meeting": "board-2018-11",
        "number": "1",
        "title": "Police and Crime Plan Communities Theme",
        "theme": "communities",
        "presenter": "Chief Executive",
        "recommendations": [
            ("2.1", "For the Board to note the contents of the Communities update.", "proposed"),
            (
                "2.2",
                "The Commissioner signs the Decision Notice to release the agreed grant with "
                "Cambridgeshire County Council to deliver a partnership work programme to "
                "promote community resilience.",
                "proposed",
            ),
            (
                "5.1",
                "For the Board to note the update to be taken to the Police and Crime Panel.",
                "proposed",
            ),
        ],
    },
    {
        "meeting": "board-2019-07",
        "number": "9.1",
        "title": "Police & Crime Plan – Communities Theme – OPCC work to deliver broader "
        "partnership support",
        "theme": "communities",
        "presenter": "Chief Executive",
        "recommendations": [
            (
                "2.1",
                "The Board is recommended to note the contents of the report and in particular "
                "consider:\n\n"
                "- The potential role of the new place Based Delivery Boards in working with "
                "other organisations to manage demand management and how\n"
                "- How the constabulary’s work with volunteers can learn from the work of the "
                "Scam Partnership with their Supporters, as set out in para 5.5.",
                "noted",
            ),
        ],
    },
    {
        "meeting": "panel-2019-11",
        "number": "1",
        "title": "Monitoring the Delivery of the Police and Crime Commissioner’s Police and Crime "
        "Plan – Communities",
        "theme": "communities",
        "presenter": "",
        "recommendations": [
            ("2.1", "The Panel is recommended to note the attached reports.", "proposed"),
        ],
    },
    {
        "meeting": "board-2020-02",
        "number": "10.0",
        "title": "Police & Crime Plan – Transformation Theme",
        "theme": "transformation",
        "presenter": "Chief Executive",
        "recommendations": [
            ("2.1", "The Board is recommended to note the contents of the report.", "proposed"),
        ],
    },
    {
        "meeting": "board-2020-11",
        "number": "8.0",
        "title": "Police and Crime Plan – Communities Theme",
        "theme": "communities",
        "presenter": "",
        "recommendations": [
            (
                "2.1",
                "The Board is recommended to note the contents of the report and in particular "
                "the:\n\n"
                "- update on work to progress the OPCC and Constabulary’s Independent Scrutiny "
                "Group;\n"
                "- enhanced accessibility for communities to access online support;\n"
                "- progress against the Safer Streets Fund.",
                "proposed",
            ),
        ],
    },
]

PANEL_QUESTIONS = [
    # Paragraph 5.1.12
    {
        "meeting": "panel-2019-11",
        "theme": "communities",
        "priority": "c1.1",
        "question": (
            "Given that Huntingdonshire and Peterborough are the pilot areas for the 'Think "
            "Communities and Place-Based Boards' initiative, what evaluation will be conducted of "
            "the successes and any problems with those pilots before Place-Based Boards are "
            "rolled out elsewhere?"
        ),
        "response": (
            "The Think Communities partnership approach was set up in 2018 with the overall aim "
            "of creating a shared vision, approach and priorities for building community "
            "resilience across the county, so that those delivering public services are able to "
            "work together more effectively together with communities at the heart of everything "
            "they do. Cambridgeshire County Council and Peterborough City Council are providing "
            "strategic leadership and system facilitation work which will include:\n\n"
            "- providing strategic advice and setting the framework for Think Communities\n"
            "- understanding the issues and barriers, including what does and doesn’t work "
            "across Cambridgeshire and Peterborough and working across the system to resolve\n"
            "- supporting services and organisations to embed the Think Communities model\n"
            "- holding the system to account for delivery\n"
            "- providing the system leadership and engagement to drive Think Communities\n"
            "- acting as a neutral arbiter across stakeholders, if required\n\n"
            "The Countywide Board has received regular updates on the development of the Think "
            "Communities work stream, enabling partners to engage, feedback and share learning "
            "to date. In October 2019, the Countywide Board received an update on the work "
            "within Huntingdonshire. Within this a description was given on the ‘Discover, "
            "Define, Develop and Deliver’ framework they are using to transform place-based "
            "working. This process of ‘Discover, Define, Develop and Deliver’ is a reflective "
            "approach which will ensure evaluation is built into the development and operation "
            "of Huntingdon’s Place-Based Board."
        ),
    },
    # Paragraph 5.1.13
    {
        "meeting": "panel-2019-11",
        "theme": "communities",
        "priority": "c1.1",
        "question": (
            "How will the Commissioner ensure that Place-Based Boards help achieve his Plan "
            "objectives for safer communities more effectively than CSPs?"
        ),
        "response": (
            "One of the Communities objectives listed in the Plan is to “Bring together services "
            "and systems to respond to community issues in a sustained and co-ordinated way”. "
            "The Think Communities partnership approach clearly supports this objective.\n\n"
            "The governance model for Place-based Boards, for any areas that chose to adopt "
            "them, are initially likely to build on the governance models of CSPs and Living "
            "Well Partnerships. These are existing Place-based Boards, with defined statutory "
            "functions and have their own existing governance arrangements. Any statutory "
            "functions held by existing Place-based Boards will remain statutory functions of "
            "any new co-ordinated Place-based Board.\n\n"
            "The Commissioner already utilises legislative provisions as set out in the "
            "Countywide Community Safety Agreement to drive efficiency and effectiveness within "
            "the place-based partnership landscape which includes CSPs.\n\n"
            "In line with the legislative provisions, the Commissioner provides grant funding to "
            "support the work of CSPs to more effectively work together to develop and deliver "
            "preventive and early intervention work.\n\n"
            "The Commissioner also utilises the legislative provision to bring together "
            "representatives of Responsible Authorities to assist in the formulation and "
            "implementation of relevant strategies.\n\n"
            "The Commissioner will continue to use these statutory instruments to support "
            "Place-based Boards, where they fulfil the statutory roles of CSPs.\n\n"
            "The Commissioner will also, with the support of the Countywide Board, update the "
            "Countywide Community Safety Agreement to reflect any new and emerging structures. "
            "The Commissioner and the OPCC remain engaged in the transformation process and will "
            "continue to have representatives attend place-based meetings to maintain a strong "
            "understanding of the strategic issues and blockers to effective partnership "
            "working.\n\n"
            "It should be noted that CSPs, as Place-based Boards are scrutinised by their local "
            "authorities’ relevant committee, providing key elected member involvement in the "
            "process, and placing a responsibility on elected members to ensure place-based "
            "boards are effective.\n\n"
            "The recently published Public Health England guidance on preventing serious "
            "violence (as referred to above) identified the importance of a Place-based "
            "approach."
        ),
    },
    # Paragraph 5.1.14
    {
        "meeting": "panel-2019-11",
        "theme": "communities",
        "priority": "c1.1",
        "question": (
            "In relation to funding bids for specific areas of work, could the Panel be informed "
            "on how these are assessed."
        ),
        "response": (
            "The Commissioner has made funding available to CSPs in 2019/20 & 2020/21, with "
            "approximately £24,000 available to each CSP per year. Whilst the Commissioner is "
            "not a Responsible Authority (as set out in the Crime and Disorder Act 1998), he is "
            "the only organisation making additional funding specifically available to CSPs.\n\n"
            "The Commissioner continues to issue Crime and Disorder Reduction Grants for the "
            "purpose of securing, or contributing to securing crime and disorder reduction. The "
            "funding made available for these grants is not ring-fenced funding, and "
            "recognising the positive impact this funding can have, the commissioner continues "
            "to make funding available, which means it is not available for mainstream "
            "policing.\n\n"
            "Any funding awarded is linked to a grant agreement and agreed delivery activities. "
            "CSPs receiving grants will be accountable for delivering and reporting on their "
            "agreed delivery activities, structured in a two-year “Understand, Plan, Do, Review” "
            "cycle. Some CSP areas follow “OSARA” (Objectives, Scanning Analysis, Response, "
            "Assessment), or “Double Diamond” (Discover, Define, Develop, Deliver) problem "
            "solving processes to understand local issues before designing a response. The "
            "Commissioner is happy that these processes closely align to the ‘Understand, Plan, "
            "Do, Review’ cycle.\n\n"
            "The Commissioner remains committed to a flexible grants process which allows for "
            "CSPs to complete problem solving processes and understand areas of work as part of "
            "the grants assessment and monitoring process.\n\n"
            "Where CSPs have not bid for funding for a full two years, the delivery and "
            "reporting processed will be suitably scaled to an appropriate timeline agreed with "
            "CSPs. Agreed delivery activities are aligned to supporting and developing "
            "system-wide preventative work streams identified in the Countywide Community Safety "
            "Agreement, and are mindful of the ongoing development of the Think Communities "
            "programme."
        ),
    },
    # Paragraph 5.1.15
    {
        "meeting": "panel-2019-11",
        "theme": "communities",
        "priority": "c1.1",
        "question": (
            "What are the criteria for assessment, who is involved in the assessment process?"
        ),
        "response": (
            "In January 2019, ahead of the start of the 2019/20 financial year, correspondence "
            "was sent to all CSPs outlining the direction to align CSP funding to the agreed "
            "countywide prevention work streams. This direction, aimed to support CSPs as system "
            "leaders and was endorsed by the Countywide Board. The OPCC Commissioning Team work "
            "to gain all relevant information to inform the Commissioner and seek his guidance "
            "or approval for progressing any funding decisions. This process is proportionate "
            "to the sums involved and is aimed at supporting CSPs to transform how Responsible "
            "Authorities’ work together and reduce crime and disorder."
        ),
    },
    # Paragraph 5.3.8
    {
        "meeting": "panel-2019-11",
        "theme": "communities",
        "priority": "c1.3",
        "question": (
            "How can the Commissioner assure the Panel that he has considered the anticipated "
            "community tensions post Brexit and that plans have been made to identify and "
            "intervene early?"
        ),
        "response": (
            "The Chief Constable regularly provides updates to the Commissioner regarding the "
            "Constabulary’s and the national police service response to preparations for "
            "Brexit. The Panel are asked to refer to the Constabulary’s report to the "
            "Commissioner’s Board on the 9th October 2019 entitled ‘Cambridgeshire Constabulary "
            "EU Exit Preparedness’."
        ),
    },
]
