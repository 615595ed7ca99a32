"""Delivery updates on Communities priorities from the reports to the Business Coordination Board
of 25 February 2020 (Transformation theme) and November 2020 (Communities theme)."""

UPDATES = [
    {
        "priority": "c1.1",
        "meeting": "board-2020-02",
        "title": "Partnership Matrix embraces the public health approach to prevention",
        "source": "Business Coordination Board, February 2020, paragraphs 4.1–4.2",
        "narrative": (
            "As chair of Cambridgeshire and Peterborough’s Countywide Community Safety Strategic Board (“the CCSSB”), the Police and Crime Commissioner (“the PCC”) has set a clear direction in terms of countywide partnership groups not only managing risk but also co-ordinating prevention work.\n\n"
            "A partnership matrix has been developed which embraces the public health approach of:\n\n"
            "- Tertiary prevention – where specific partnerships have been put in place to reduce threat, risk and harm in priority areas agreed through the local Community Safety Agreement.\n"
            "- Secondary prevention – developing the role of Community Safety Partnerships (“CSPs”), Living Well Partnerships (“LWPs”) to promote integrated early intervention\n"
            "- Primary prevention – work with communities including schools to build resilience and ability to deter crime;"
        ),
        "organisations": ["opcc"],
        "partnerships": ["countywide-board"],
        "work_streams": [
            "Community Resilience",
            "Homelessness Prevention",
            "Integrated early intervention",
            "Reducing threat, risk and harm in priority areas",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2020-02",
        "title": "Think Communities: reducing demand by building on communities’ strengths",
        "source": "Business Coordination Board, February 2020, paragraphs 4.3–4.5",
        "narrative": (
            "The CCSSB work links closely with the broader Think Communities approach. Think Communities aims to reduce demand by building specific communities’ existing strengths and ensuring local public services seamlessly wrap support around people and places when and where it is needed.\n\n"
            "Think Communities is a system underpinned by a culture of understanding and responding to local needs utilising existing resources. Creating this change will require front line staff to be able to act more flexibly to work with clients and communities to resolve entrenched issues that matter to them.\n\n"
            "Think Communities is about creating “a public sector workforce that listens, engages with and aligns to communities and each other, through mobilisations of citizens and communities into positive action. For Think Communities to work it requires the system to commit to delivering services in ways that support communities to drive lasting change”."
        ),
        "partnerships": ["countywide-board"],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2020-02",
        "title": "Think Communities Executive Board established to drive eight work streams",
        "source": "Business Coordination Board, February 2020, paragraphs 4.6–4.7",
        "narrative": (
            "The Think Communities approach requires eight streams of work to be driven forward:\n\n"
            "- Strategic Coherence & System Facilitation\n"
            "- Communications\n"
            "- Community Engagement\n"
            "- Data and Intelligence\n"
            "- Estates and Buildings\n"
            "- Funding and Resources\n"
            "- Technology and Digital\n"
            "- Workforce Reform\n\n"
            "A Think Communities Executive Board has been established and will facilitate joint working. The OPCC is providing representation, and where required leadership at this Board."
        ),
        "organisations": ["opcc"],
        "partnerships": ["think-communities-executive-board"],
        "work_streams": [
            "Strategic Coherence & System Facilitation",
            "Communications",
            "Community Engagement",
            "Data and Intelligence",
            "Estates and Buildings",
            "Funding and Resources",
            "Technology and Digital",
            "Workforce Reform",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2020-02",
        "title": "Aligning Health and Wellbeing Boards, Safeguarding Boards and CSPs on vulnerability",
        "source": "Business Coordination Board, February 2020, paragraphs 4.8–4.9",
        "narrative": (
            "It is increasingly clear that Health and Wellbeing Board, Safeguarding Boards and CSPs are operating in a similar space with respect to vulnerability. Moving forward there are opportunities to look at formal alignment of their cultures, structures and the direct action they deliver, commission or coordinate.\n\n"
            "The OPCC continues to engage with and support continued dialogue regarding the transformation of CSPs, Health and Wellbeing Boards, and Safeguarding Boards directly and through partnership mechanisms such as the Countywide Community Safety Strategic Board."
        ),
        "organisations": ["opcc"],
        "partnerships": [
            "countywide-board",
            "safeguarding-adults-board",
            "safeguarding-children-board",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2020-02",
        "title": "PCC investment and external grants industrialise prevention",
        "source": "Business Coordination Board, February 2020, paragraph 4.10",
        "narrative": (
            "Investment from the PCC, and the securing of external grants, has been used to promote “industrialisation” of prevention processes and convergence of pathways across Cambridgeshire and Peterborough. Successes include:\n\n"
            "- Convergence of the approach to working with complex adults via the Making Every Adult Matter (“MEAM”) work).\n"
            "- Continued development of Cambridgeshire’s Victim and Witness Hub ensuring it is able to provide a seamless pathway of support for victims of crime\n"
            "- Improvement of housing pathways from the criminal justice system.\n"
            "- Huntingdonshire’s work to explore how place-based boards can be taken forward and align the objectives of CSPs, LWPs and Think Communities.\n"
            "- Successfully securing Early Intervention Youth funding of almost £400k for 2019/20 to provided trusted relationship support to those who are at high risk of child exploitation. The PCC has agreed to provide an extra £90k in 2020 /21 to enable this service to run for a full 12 months and undergo evaluation\n"
            "- Supporting a new a risk-based review of service for those affected by domestic abuse. New approaches are being proposed in partnership to manage the risk within the resource envelope available.\n"
            "- Supporting the expansion of the use of Mental Health Treatment Requirements\n"
            "- Supporting the Road Safety Partnership to refresh their strategy to ensure future prevention work has maximum impact"
        ),
        "areas": ["huntingdonshire"],
        "organisations": ["opcc"],
        "partnerships": [
            "vision-zero",
            "child-exploitation-delivery-group",
            "domestic-abuse-sexual-violence-delivery-group",
            "mental-health-delivery-group",
        ],
    },
    {
        "priority": "c3.2",
        "meeting": "board-2020-11",
        "title": "Independent Scrutiny Group: first steps taken with the Constabulary",
        "source": "Business Coordination Board, November 2020, paragraphs 4.1–4.4",
        "narrative": (
            "The Acting Commissioner has discussed with the Chief Constable the need for an independent scrutiny group – one that has a remit to look at the Constabulary’s use of stop and search and use of force, amongst other things.\n\n"
            "The Acting Commissioner is clear that having in place a group that is independent and representative of the communities the Constabulary serves will be hugely beneficial. It will bring community perspective to gain an understanding of the extent of any local concerns regarding integrity issues and an insight on policing policies and practices and their impact within these communities.\n\n"
            "The Acting Commissioner is pleased that following his discussions with the Chief Constable, the Constabulary has undertaken the first steps in the process to get this independent group in place. The OPCC and the Constabulary will continue to work together with an independent advisor to take this one group forward.\n\n"
            "Once the fundamental building blocks are put in place regarding its governance, the group will be led by the community with oversight from the Acting Commissioner and will act as a critical friend, providing constructive challenge, and influencing change."
        ),
        "organisations": ["opcc", "constabulary"],
    },
    {
        "priority": "c1.5",
        "meeting": "board-2020-11",
        "title": "Listening and responding online during Covid-19",
        "source": "Business Coordination Board, November 2020, paragraphs 5.1–5.2",
        "narrative": (
            "The Acting Commissioner continues to support the joining up of service provision to listen and respond to day to day community safety issues during Covid-19.\n\n"
            "He continues to represent the voice of communities, holding opportunities for stakeholders and members of the community to raise concerns about policing and crime. Following the need to adapt during Covid-19, the OPCC holds a range of ‘listening and responding’ opportunities online (both geographic and crime specific) such as briefings, round tables and surgeries."
        ),
        "organisations": ["opcc"],
    },
    {
        "priority": "c1.5",
        "meeting": "board-2020-11",
        "title": "Round Table for National Hate Crime Awareness Week with over 30 Community Leaders",
        "source": "Business Coordination Board, November 2020, paragraph 5.3",
        "narrative": (
            "A recent example of which is a Round Table held to mark National Hate Crime Awareness Week 2020. The Acting Commissioner and the Chief Constable hosted an opportunity for over 30 Community Leaders from across the county (including those representing faith and disability groups) to discuss community concerns and listen to presentations which included an update on the Acting Commissioner’s plans for an Independent Scrutiny Group, the importance of policing by consent, the ways in which victims of hate crime can report incidences and how victims are supported through the Victims and Witness Hub."
        ),
        "areas": ["force"],
        "organisations": ["opcc", "constabulary"],
    },
    {
        "priority": "c1.2",
        "meeting": "board-2020-11",
        "title": "Recite Me accessibility tool added to the Victim Services and Commissioner’s websites",
        "source": "Business Coordination Board, November 2020, paragraph 5.4",
        "narrative": (
            "Online Accessibility: Attendees were also reminded of an additional accessibility tool (Recite Me) now added to the Cambridgeshire Victim Services website. The same Accessibility Tool has also been added to the Acting Commissioner’s website to enable additional support for users. Recite Me enables users to select their individual access requirements from whatever device they are using including screen read outs, font increasing, an, ‘Open Dyslexia’ and 100 languages (including 35 with screen read out)."
        ),
        "organisations": ["opcc"],
    },
    {
        "priority": "c2.2",
        "meeting": "board-2020-11",
        "title": "Youth and Community Fund: £32,675 awarded April to September 2020",
        "source": "Business Coordination Board, November 2020, paragraph 5.5",
        "narrative": (
            "Since July, the Acting Commissioner has continued to award funding to charities supporting young people to adapt delivery of their services from his Youth and Community Fund, with £32,675 awarded between 1st April 2020 until 30th September 2020."
        ),
        "organisations": ["opcc"],
    },
    {
        "priority": "c1.3",
        "meeting": "board-2020-11",
        "title": "Vision Zero Partnership and a national road safety survey",
        "source": "Business Coordination Board, November 2020, paragraphs 5.6–5.7",
        "narrative": (
            "The Acting Commissioner remains an active member of the county’s Vision Zero Partnership (formerly known as Cambridgeshire and Peterborough Road Safety Partnership) which has the objective of no one being killed or seriously injured (KSI) on the county’s roads, and a reduction of KSIs by 50% by 2030. He continues to support preventative and educational road safety interventions through his Casualty Reduction and Support Fund. The Acting Commissioner is mindful of the role that Policing has in achieving Vision Zero, and has been pleased to see the Constabulary well engaged in the partnership.\n\n"
            "The OPCC recently supported a national road safety and enforcement survey commissioned through the Association of Police and Crime Commissioner (APCC). In Cambridgeshire and Peterborough, the survey received 2,220 responses out of a national total of 66,266 from all Force Areas across England and Wales."
        ),
        "areas": ["force"],
        "organisations": ["opcc", "constabulary", "apcc"],
        "partnerships": ["vision-zero"],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2020-11",
        "title": "Safer Streets Fund bid of over £545k for the Arbury area of Cambridge",
        "source": "Business Coordination Board, November 2020, paragraphs 5.8–5.9",
        "narrative": (
            "In July, the OPCC coordinated a bid for over £545k from the Home Office’s Safer Streets Fund together with partners from across the public and voluntary sector. The fund provides targeted home security improvements for vulnerable residents living in at risk properties. These will be complemented by a programme of community development events to provide residents the opportunity to shape how they would like to see residential burglary prevented in their community.\n\n"
            "Investment will be focused around the Arbury area of Cambridge City. During bid development, partners identified it as an area which met the Safer Streets Fund criteria set by the Home Office and was primed for residents to gain the most direct benefit from the funding."
        ),
        "areas": ["arbury", "cambridge"],
        "organisations": ["opcc", "home-office"],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2020-11",
        "title": "Safer Streets delivery in line with the Home Office milestones",
        "source": "Business Coordination Board, November 2020, paragraph 5.10",
        "narrative": (
            "The delivery of the bid is progressing in line with the milestones agreed with the Home Office. The work is also being monitored via the Constabulary’s Force Performance Board. Several community engagement events have been held, and key community and partner contacts established. Work to identify properties for interventions has begun and the delivery partners agreed. Works will be carried through Cambridge City Council contractors as well as the Cambridgeshire Bobby Scheme."
        ),
        "areas": ["arbury", "cambridge"],
        "organisations": ["home-office", "constabulary", "cambridge-city-council", "bobby-scheme"],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2020-11",
        "title": "Countywide Board meets on 20 October for the first time in six months",
        "source": "Business Coordination Board, November 2020, paragraph 5.11",
        "status": "some_disruption",
        "narrative": (
            "The Acting Commissioner held a meeting of the Countywide Community Safety Strategic Board on the 20th October bringing together Responsible Authorities and representatives from the County’s Community Safety Partnerships and key strategic boards to consider current community safety concerns. The Board met for the first time in six months (previously scheduled meetings were removed from diaries to reduce the demand on the county’s senior leaders time during the Covid pandemic as oversight and governance of this work was in place in other forums), and the Commissioner was keen to ensure that organisations remained in a position to coordinate preventative work, as well as responded to emerging risks."
        ),
        "organisations": ["opcc"],
        "partnerships": [
            "countywide-board",
            "cambridge-city-csp",
            "east-cambridgeshire-csp",
            "fenland-csp",
            "huntingdonshire-csp",
            "south-cambridgeshire-csp",
            "safer-peterborough-partnership",
        ],
    },
    {
        "priority": "c2.1",
        "meeting": "board-2020-11",
        "title": "More than 2,000 members of the public signed up to Speedwatch",
        "source": "Business Coordination Board, November 2020, paragraph 6.1",
        "narrative": (
            "More than 2,000 members of the public have now signed up to Cambridgeshire’s Speedwatch scheme to help keep the county’s roads safe. Volunteers continue to act as eyes and ears in communities alerting the Constabulary to local issues. The scheme continues to rely on the support of community volunteers and is proving an effective resource in tackling speeding."
        ),
        "areas": ["force"],
        "organisations": ["constabulary"],
    },
    {
        "priority": "c2.1",
        "meeting": "board-2020-11",
        "title": "Acting Commissioner supports Neighbourhood Watch volunteers",
        "source": "Business Coordination Board, November 2020, paragraph 6.2",
        "narrative": (
            "The Acting Commissioner continues to support Neighbourhood Watch volunteers across the county, supporting activities where possible and using these as opportunities to thank volunteers and remind them of the vital role they play in terms of providing local intelligence to the Constabulary."
        ),
        "organisations": ["opcc", "neighbourhood-watch"],
    },
    {
        "priority": "c3.2",
        "meeting": "board-2020-11",
        "title": "New complaints system: over 240 of over 260 complaints resolved, April to June 2020",
        "source": "Business Coordination Board, November 2020, paragraphs 7.1–7.2",
        "narrative": (
            "The new complaints system is working well in terms of the way the Constabulary are handling complaints through their Incident Resolution Team which aims to resolve complaints ‘there and then’.\n\n"
            "There have been over 260 complaints logged between April and June 2020 with the vast majority of these (over 240) resolved. If complaints are not resolved at this stage, the complainant has the right to make a formal complaint should they wish. Formal complaints are recorded by the Constabulary’s Professional Standards Department (PSD). For the period April to June 2020, PSD recorded 79 cases compared to 120 cases during the same period in 2019."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c3.2",
        "meeting": "board-2020-11",
        "title": "Learning from complaints; over 40 complaints dip sampled since October 2019",
        "source": "Business Coordination Board, November 2020, paragraphs 7.3–7.4",
        "narrative": (
            "Learning is key from complaint handling and the OPCC continues to work PSD to ensure any learning and observations from handling complaints and reviews is captured and cascaded into the Constabulary.\n\n"
            "The Acting Commissioner has dip sampled over 40 complaints through his oversight role since October 2019."
        ),
        "organisations": ["opcc", "constabulary"],
    },
    {
        "priority": "c3.2",
        "meeting": "board-2020-11",
        "title": "Nine complaint review requests since the Acting Commissioner became review body",
        "source": "Business Coordination Board, November 2020, paragraph 7.5",
        "narrative": (
            "As reported to this Board in July 2020, as of the 1st February 2020, the Acting Commissioner became the relevant review body for low level complaints and the Independent Office for Police Conduct (IOPC) being the responsible body for serious complaints such as Chief officer complaints or gross misconduct. To date the OPCC has received a total of nine complaint review requests since the 1st February 2020."
        ),
        "organisations": ["opcc", "iopc"],
    },
]
