"""The demo site's content, in English and Spanish, loaded by `manage.py seed_demo`.

A translated value is an ("English", "Spanish") pair; a list of pairs is a text with one
line per pair (outcomes, fit criteria…). Checklist items are named "<criterion code>-<n>",
counting from 1. Dates are given as program weeks, so they follow each cohort's start.
"""

DEMO_PASSWORD = "ruta-demo-2026"  # noqa: S105 - published on purpose; the command runs only with DEBUG

# The four accounts printed at the end; the team members below share the password.
STAFF = {"email": "staff@example.com", "full_name": "Jordan Ellis"}
COACH = {"email": "coach@example.com", "full_name": "Camila Torres"}
DEMO_LOGINS = [
    ("staff@example.com", "program staff: the Wagtail admin, everything"),
    ("coach@example.com", "coach of Riverton and Villa Serena: the Wagtail admin, Coaching"),
    ("participant@example.com", "Riverton team lead (English sprint)"),
    ("participant2@example.com", "Villa Serena team lead (Spanish sprint), reads in Spanish"),
]

# --- Criteria -------------------------------------------------------------------------

CRITERIA = [
    {
        "code": "RDC7",
        "title": ("Open and shared procurement data", "Datos de contratación abiertos y compartidos"),
        "description": (
            "The city makes its procurement data open: published in a machine-readable format, kept "
            "up to date, covering several stages of the contracting process, and shared so that "
            "staff, vendors and residents can use it. Based on the What Works Cities Certification "
            "criteria for Results-Driven Contracting.",
            "La ciudad abre sus datos de contratación: los publica en un formato legible por máquina, "
            "los mantiene actualizados, abarcan varias etapas del proceso de contratación y los "
            "comparte para que el personal, los proveedores y la ciudadanía puedan usarlos. Basado en "
            "los criterios de Contratación Orientada a Resultados de la certificación What Works Cities.",
        ),
        "required_count": 3,
        "items": [
            {
                "text": (
                    "The city publishes procurement data (at least solicitations and awards) on a public "
                    "website in an open, machine-readable format such as CSV, JSON or the Open "
                    "Contracting Data Standard (OCDS).",
                    "La ciudad publica datos de contratación (al menos convocatorias y adjudicaciones) en "
                    "un sitio web público, en un formato abierto y legible por máquina, como CSV, JSON o "
                    "el Estándar de Datos de Contrataciones Abiertas (OCDS).",
                ),
                "guidance": (
                    "A public link to the dataset or portal, plus a sample file. Listings only in PDF or "
                    "HTML do not count, nor does data behind a login.",
                    "Un enlace público al conjunto de datos o al portal, y un archivo de muestra. Los "
                    "listados solo en PDF o HTML no cuentan, ni los datos que exigen iniciar sesión.",
                ),
            },
            {
                "text": (
                    "The published data is updated on a regular schedule, at least monthly, or "
                    "automatically from the source system.",
                    "Los datos publicados se actualizan con una periodicidad regular, al menos mensual, o "
                    "de forma automática desde el sistema de origen.",
                ),
                "guidance": (
                    "The dataset's metadata showing how often it is updated and when it was last "
                    "updated, or two snapshots at least a month apart. A written procedure naming who "
                    "updates it helps.",
                    "Los metadatos del conjunto de datos con su frecuencia y fecha de última "
                    "actualización, o dos capturas con al menos un mes de diferencia. Ayuda un "
                    "procedimiento escrito que indique quién lo actualiza.",
                ),
            },
            {
                "text": (
                    "The data covers more than one stage of the contracting process: planning, tender, "
                    "award, contract or implementation.",
                    "Los datos abarcan más de una etapa del proceso de contratación: planificación, "
                    "licitación, adjudicación, contrato o ejecución.",
                ),
                "guidance": (
                    "Your procurement data systems map showing the stages you publish, with a link to "
                    "each dataset. Award data alone covers a single stage.",
                    "Su mapa de sistemas de datos de contratación con las etapas que publica y un enlace "
                    "a cada conjunto de datos. Los datos de adjudicación por sí solos cubren una sola etapa.",
                ),
            },
            {
                "text": (
                    "Records use consistent identifiers (a contracting process ID, vendor IDs) so they "
                    "can be linked across stages and systems.",
                    "Los registros usan identificadores coherentes (del proceso de contratación y de cada "
                    "proveedor) que permiten vincularlos entre etapas y sistemas.",
                ),
                "guidance": (
                    "A data dictionary or OCDS mapping showing the identifiers, and one contracting "
                    "process followed from tender to contract.",
                    "Un diccionario de datos o un mapeo OCDS que muestre los identificadores, y un "
                    "proceso de contratación seguido desde la licitación hasta el contrato.",
                ),
            },
            {
                "text": (
                    "The city shares and uses the data beyond the purchasing office: a public dashboard, "
                    "reports to leadership or analysis that informs decisions.",
                    "La ciudad comparte y usa los datos más allá de la oficina de compras: un tablero "
                    "público, informes para la dirección o análisis que orientan decisiones.",
                ),
                "guidance": (
                    "A link to the dashboard, or a report, memo or meeting minutes from the last twelve "
                    "months that use the data.",
                    "Un enlace al tablero, o un informe, memorando o acta de los últimos doce meses que "
                    "use los datos.",
                ),
            },
        ],
    },
    {
        "code": "RDC8",
        "title": (
            "Supporting vendor participation and competition",
            "Apoyo a la participación y la competencia de proveedores",
        ),
        "description": (
            "The city works to bring more, and more diverse, vendors into its solicitations: it reaches "
            "out before opportunities open, removes barriers to bidding, listens to vendors and tracks "
            "participation against goals. Based on the What Works Cities Certification criteria for "
            "Results-Driven Contracting.",
            "La ciudad trabaja para atraer a más proveedores, y más diversos, a sus convocatorias: los "
            "contacta antes de abrir las oportunidades, elimina barreras para ofertar, escucha a los "
            "proveedores y mide la participación frente a metas. Basado en los criterios de Contratación "
            "Orientada a Resultados de la certificación What Works Cities.",
        ),
        "required_count": 4,
        "items": [
            {
                "text": (
                    "The city reaches out to vendors before solicitations are published, including "
                    "small, local, minority-owned and women-owned businesses.",
                    "La ciudad contacta a los proveedores antes de publicar las convocatorias, incluidas "
                    "las pequeñas empresas, las locales y las de propiedad de minorías o de mujeres.",
                ),
                "guidance": (
                    "An outreach plan, event announcements or a calendar of vendor sessions from the "
                    "last twelve months, with attendance numbers.",
                    "Un plan de difusión, anuncios de eventos o un calendario de sesiones con proveedores "
                    "de los últimos doce meses, con cifras de asistencia.",
                ),
            },
            {
                "text": (
                    "The city has reduced barriers to bidding: plain-language solicitations, simpler "
                    "forms, online submission, or insurance and bonding requirements matched to the risk.",
                    "La ciudad ha reducido las barreras para ofertar: convocatorias en lenguaje claro, "
                    "formularios más simples, presentación en línea o requisitos de seguros y garantías "
                    "proporcionales al riesgo.",
                ),
                "guidance": (
                    "A before-and-after example of a solicitation or form, or the policy or memo that "
                    "made the change.",
                    "Un ejemplo de convocatoria o formulario antes y después del cambio, o la política o "
                    "el memorando que lo estableció.",
                ),
            },
            {
                "text": (
                    "The city publishes a forecast of upcoming contracting opportunities so vendors can "
                    "prepare.",
                    "La ciudad publica un pronóstico de las próximas oportunidades de contratación para "
                    "que los proveedores puedan prepararse.",
                ),
                "guidance": (
                    "A public link to the forecast or pipeline, updated at least every quarter.",
                    "Un enlace público al pronóstico o a la lista de próximas licitaciones, actualizado "
                    "al menos cada trimestre.",
                ),
            },
            {
                "text": (
                    "The city tracks vendor participation: bids per solicitation, new vendors, and "
                    "solicitations with a single bid or none.",
                    "La ciudad mide la participación de proveedores: ofertas por licitación, proveedores "
                    "nuevos y licitaciones con una sola oferta o ninguna.",
                ),
                "guidance": (
                    "A report or dashboard with a baseline and at least one later measurement; your "
                    "baseline summary report counts.",
                    "Un informe o tablero con una línea base y al menos una medición posterior; su "
                    "informe de línea base es válido.",
                ),
            },
            {
                "text": (
                    "The city asks vendors for feedback (surveys, interviews, debriefs) and acts on "
                    "what it hears.",
                    "La ciudad pide su opinión a los proveedores (encuestas, entrevistas, reuniones de "
                    "retroalimentación) y actúa en consecuencia.",
                ),
                "guidance": (
                    "Interview notes or survey results, plus one change made in response. A vendor "
                    "journey map built from interviews counts.",
                    "Notas de entrevistas o resultados de encuestas, y un cambio hecho en respuesta. Un "
                    "mapa del recorrido del proveedor basado en entrevistas es válido.",
                ),
            },
            {
                "text": (
                    "The city has set goals for vendor participation (for example more bids per "
                    "solicitation, or more small and local businesses) and reports on them.",
                    "La ciudad ha fijado metas de participación de proveedores (por ejemplo, más ofertas "
                    "por licitación o más pequeñas empresas y empresas locales) e informa sobre ellas.",
                ),
                "guidance": (
                    "The adopted goal, in a plan, policy or budget document, and the latest progress report.",
                    "La meta adoptada, en un plan, una política o un documento presupuestario, y el "
                    "último informe de avance.",
                ),
            },
        ],
    },
]

# --- Building blocks shared by the programs -----------------------------------------------

FOCUS_AREAS = {
    "participation": {
        "name": ("Vendor participation and competition", "Participación y competencia de proveedores"),
        "description": (
            "Bring more, and more diverse, vendors to your solicitations: learn why vendors do not bid, "
            "cut the barriers in your process, reach out before solicitations open and track bids per "
            "solicitation.",
            "Atraer a más proveedores, y más diversos, a sus convocatorias: entender por qué no ofertan, "
            "reducir las barreras del proceso, contactarlos antes de abrir las convocatorias y medir las "
            "ofertas por licitación.",
        ),
    },
    "open_data": {
        "name": ("Open and shared procurement data", "Datos de contratación abiertos y compartidos"),
        "description": (
            "Publish procurement data in an open format, updated regularly and covering every stage "
            "from planning to implementation, following the Open Contracting Data Standard, so staff, "
            "vendors and residents can use it.",
            "Publicar los datos de contratación en formato abierto, actualizados con regularidad y "
            "cubriendo todas las etapas, de la planificación a la ejecución, según el Estándar de Datos "
            "de Contrataciones Abiertas, para que el personal, los proveedores y la ciudadanía puedan "
            "usarlos.",
        ),
    },
    "planning": {
        "name": ("Strategic procurement planning", "Planificación estratégica de compras"),
        "description": (
            "Plan purchases ahead with departments: an annual procurement forecast, a published "
            "pipeline of opportunities and a spend analysis that sets the year's priorities.",
            "Planificar las compras con anticipación junto con los departamentos: un pronóstico anual "
            "de compras, la publicación de las próximas oportunidades y un análisis del gasto que fije "
            "las prioridades del año.",
        ),
    },
    "contract_management": {
        "name": ("Contract management and performance", "Gestión y desempeño de contratos"),
        "description": (
            "Manage contracts for results once they are signed: clear performance measures, regular "
            "check-ins with vendors, and data on delivery, amendments and payments.",
            "Gestionar los contratos por resultados una vez firmados: indicadores de desempeño claros, "
            "seguimiento periódico con los proveedores y datos sobre entregas, modificaciones y pagos.",
        ),
    },
}

SPRINT_ROLES = [
    {
        "name": ("Team lead", "Líder del equipo"),
        "description": (
            "Usually the purchasing manager or chief procurement officer: leads the work, attends every "
            "session and meets the coach each week.",
            "Por lo general, la persona a cargo de compras: dirige el trabajo, asiste a todas las "
            "sesiones y se reúne con el coach cada semana.",
        ),
        "hours": 3,
        "period": "week",
        "min_count": 1,
        "max_count": 1,
    },
    {
        "name": ("Data lead", "Responsable de datos"),
        "description": (
            "From IT, open data or performance management: maps the data systems and publishes the data.",
            "De tecnología, datos abiertos o gestión del desempeño: mapea los sistemas de datos y publica "
            "los datos.",
        ),
        "hours": 2,
        "period": "week",
        "min_count": 1,
        "max_count": 1,
    },
    {
        "name": ("Team member", "Integrante del equipo"),
        "description": (
            "A buyer, contract manager or partner from a client department who joins the vendor "
            "interviews and the pilot.",
            "Una persona compradora, gestora de contratos o aliada de un departamento usuario que "
            "participa en las entrevistas con proveedores y en el piloto.",
        ),
        "hours": 2,
        "period": "week",
        "min_count": 1,
        "max_count": 3,
    },
]

# Assignment templates by key; each program lists the ones it uses with their due weeks.
TEMPLATES = {
    "workspace": {
        "kind": "document",
        "title": ("Team workspace and charter", "Espacio de trabajo y acta del equipo"),
        "instructions": (
            "Set up where your team keeps its work and agree how you will work together: who does "
            "what, when you meet, how decisions are made and what your executive sponsors expect.",
            "Definan dónde guardará el equipo su trabajo y cómo colaborarán: quién hace qué, cuándo se "
            "reúnen, cómo se toman las decisiones y qué esperan sus patrocinadores ejecutivos.",
        ),
        "items": [],
    },
    "environment-questionnaire": {
        "kind": "document",
        "title": ("Procurement environment questionnaire", "Cuestionario sobre el entorno de compras"),
        "instructions": (
            "Describe your procurement rules, thresholds, systems, staff and recent reforms. Attach your "
            "procurement code or policy manual and last year's purchasing volume.",
            "Describan sus normas de compras, umbrales, sistemas, personal y reformas recientes. Adjunten "
            "su reglamento o manual de compras y el volumen de compras del año anterior.",
        ),
        "items": [],
    },
    "stakeholder-interviews": {
        "kind": "stakeholder_interviews",
        "title": ("Stakeholder interviews", "Entrevistas a actores clave"),
        "instructions": (
            "Interview at least five vendors (including one who stopped bidding and one who never has) "
            "and three colleagues from client departments. Record who you spoke to, what you learned "
            "and the pain points you heard, in their words where you can.",
            "Entrevisten al menos a cinco proveedores (incluido uno que dejó de ofertar y otro que nunca "
            "lo ha hecho) y a tres colegas de departamentos usuarios. Registren con quién hablaron, qué "
            "aprendieron y los problemas que escucharon, con sus propias palabras cuando sea posible.",
        ),
        "items": ["RDC8-5"],
    },
    "vendor-journey-map": {
        "kind": "vendor_journey_map",
        "title": ("Vendor journey map", "Mapa del recorrido del proveedor"),
        "instructions": (
            "Pick one vendor persona, for example a small local contractor who has never bid, and walk "
            "through each stage from finding an opportunity to getting paid. For each stage note what "
            "the vendor does, where they deal with the city, what gets in their way and what you could "
            "change. Build it from your interviews.",
            "Elijan un perfil de proveedor, por ejemplo una pequeña empresa local que nunca ha ofertado, "
            "y recorran cada etapa, desde encontrar una oportunidad hasta recibir el pago. En cada etapa "
            "anoten qué hace el proveedor, dónde interactúa con la ciudad, qué obstáculos encuentra y qué "
            "podrían cambiar. Constrúyanlo a partir de sus entrevistas.",
        ),
        "items": ["RDC8-2", "RDC8-5"],
    },
    "data-systems-map": {
        "kind": "data_systems_map",
        "title": ("Procurement data systems map", "Mapa de sistemas de datos de contratación"),
        "instructions": (
            "List every system that holds procurement data (ERP, e-procurement portal, contract "
            "database, spreadsheets) and, for each, its owner, the data it holds, the OCDS stages it "
            "covers, its format, where it is published, known quality issues and how it links to the "
            "other systems.",
            "Enumeren todos los sistemas que contienen datos de contratación (ERP, portal de compras "
            "electrónicas, base de datos de contratos, hojas de cálculo) y, para cada uno, su "
            "responsable, los datos que guarda, las etapas OCDS que cubre, su formato, dónde se publica, "
            "los problemas de calidad conocidos y cómo se vincula con los demás sistemas.",
        ),
        "items": ["RDC7-3", "RDC7-4"],
    },
    "ocds-assessment": {
        "kind": "document",
        "title": ("OCDS technical assessment", "Evaluación técnica OCDS"),
        "instructions": (
            "With your data lead, compare the fields you hold with the Open Contracting Data Standard "
            "and note which can be published now, which need work and which you do not collect.",
            "Con su responsable de datos, comparen los campos que tienen con el Estándar de Datos de "
            "Contrataciones Abiertas e indiquen cuáles pueden publicarse ya, cuáles requieren trabajo y "
            "cuáles no recopilan.",
        ),
        "items": ["RDC7-1", "RDC7-4"],
    },
    "baseline-summary": {
        "kind": "document",
        "title": ("Baseline summary report", "Informe de línea base"),
        "instructions": (
            "Summarise where you start: average bids per solicitation, share of solicitations with one "
            "bid or none, share of new vendors and procurement cycle time over the last twelve months, "
            "with the data source of each figure.",
            "Resuman el punto de partida: promedio de ofertas por licitación, porcentaje de licitaciones "
            "con una sola oferta o ninguna, porcentaje de proveedores nuevos y duración del ciclo de "
            "compra en los últimos doce meses, con la fuente de cada cifra.",
        ),
        "items": ["RDC8-4", "RDC7-5"],
    },
    "opportunities-report": {
        "kind": "document",
        "title": ("Actionable opportunities report", "Informe de oportunidades de acción"),
        "instructions": (
            "From your maps, interviews and baseline, list the opportunities you found, rate each for "
            "impact and effort, and pick the one you will pilot.",
            "A partir de sus mapas, entrevistas y línea base, enumeren las oportunidades encontradas, "
            "califiquen cada una por impacto y esfuerzo, y elijan la que pondrán a prueba.",
        ),
        "items": [],
    },
    "pilot-plan": {
        "kind": "pilot_plan",
        "title": ("Pilot plan", "Plan piloto"),
        "instructions": (
            "State the problem and the change you will test, list the tasks with owners and dates, and "
            "choose the indicators that will tell you whether it worked, with their baselines and "
            "targets.",
            "Describan el problema y el cambio que van a probar, enumeren las tareas con responsables y "
            "fechas, y elijan los indicadores que les dirán si funcionó, con su línea base y su meta.",
        ),
        "items": ["RDC8-1", "RDC8-2"],
    },
    "action-plan": {
        "kind": "document",
        "title": ("Action plan", "Plan de acción"),
        "instructions": (
            "Set out what you will do in the next twelve months to keep the reforms going: actions, "
            "owners, dates, the data you will publish and the goals you will report on.",
            "Expongan lo que harán en los próximos doce meses para sostener las reformas: acciones, "
            "responsables, fechas, los datos que publicarán y las metas sobre las que informarán.",
        ),
        "items": ["RDC7-2", "RDC8-6"],
    },
}

SPRINT_TEMPLATES = [
    ("stakeholder-interviews", 3, False),
    ("vendor-journey-map", 4, False),
    ("data-systems-map", 7, False),
    ("baseline-summary", 8, False),
    ("pilot-plan", 10, False),
    ("action-plan", 12, True),
]

# --- Programs ---------------------------------------------------------------------------

ENGLISH_SPRINT = {
    "slug": "vendor-participation-open-data",
    "name": (
        "Vendor Participation and Open Data Sprint",
        "Sprint de participación de proveedores y datos abiertos",
    ),
    "kind": "sprint",
    "duration_weeks": 12,
    "default_weekday": 1,  # Tuesday
    "ta_cadence_days": 7,
    "team_size_min": 3,
    "team_size_max": 5,
    "mou_required": False,
    "summary": (
        "Twelve weeks for city procurement teams to bring more vendors to the table and open up their "
        "contracting data, working toward the What Works Cities criteria RDC7 and RDC8.",
        "Doce semanas para que los equipos de compras municipales atraigan a más proveedores y abran sus "
        "datos de contratación, avanzando hacia los criterios RDC7 y RDC8 de What Works Cities.",
    ),
    "audience": (
        "City purchasing teams, with a colleague from IT or open data, who want more bids per "
        "solicitation and procurement data that the public can use.",
        "Equipos municipales de compras, junto con una persona de tecnología o de datos abiertos, que "
        "buscan más ofertas por licitación y datos de contratación que la ciudadanía pueda usar.",
    ),
    "activities": [
        (
            "Weekly live sessions: masterclasses, hands-on workshops and calls with peer cities",
            "Sesiones semanales en vivo: clases magistrales, talleres prácticos y llamadas con ciudades "
            "pares",
        ),
        ("A weekly one-on-one session with your coach", "Una sesión individual semanal con su coach"),
        (
            "Interview vendors and map their journey through your procurement process",
            "Entrevistar a proveedores y mapear su recorrido por su proceso de compras",
        ),
        (
            "Map where your procurement data lives and what you already publish",
            "Mapear dónde están sus datos de contratación y qué publican ya",
        ),
        (
            "Design a pilot and present it at the final showtime",
            "Diseñar un piloto y presentarlo en la presentación final",
        ),
    ],
    "outcomes": [
        (
            "A vendor journey map built from real vendor interviews",
            "Un mapa del recorrido del proveedor basado en entrevistas reales",
        ),
        (
            "A map of your procurement data systems, stage by stage",
            "Un mapa de sus sistemas de datos de contratación, etapa por etapa",
        ),
        (
            "Baseline indicators: bids per solicitation, new vendors, cycle time",
            "Indicadores de línea base: ofertas por licitación, proveedores nuevos, duración del ciclo",
        ),
        (
            "A pilot plan with owners, dates and indicators",
            "Un plan piloto con responsables, fechas e indicadores",
        ),
        ("Documented progress toward RDC7 and RDC8", "Avance documentado hacia los criterios RDC7 y RDC8"),
    ],
    "best_results": [
        (
            "Protect three hours a week in the team lead's calendar",
            "Reserven tres horas por semana en la agenda de la persona líder",
        ),
        (
            "Bring your IT or open data colleague from the first week",
            "Sumen a su colega de tecnología o datos abiertos desde la primera semana",
        ),
        (
            "Talk to real vendors, including those who stopped bidding",
            "Hablen con proveedores reales, incluidos los que dejaron de ofertar",
        ),
        (
            "Bring one question from your own work to every session",
            "Traigan a cada sesión una pregunta de su propio trabajo",
        ),
    ],
    "fit_criteria": [
        (
            "A purchasing lead who can give three hours a week for twelve weeks",
            "Una persona a cargo de compras que pueda dedicar tres horas por semana durante doce semanas",
        ),
        (
            "A senior leader willing to support testing one change",
            "Una autoridad dispuesta a respaldar la prueba de un cambio",
        ),
        (
            "Access to the data of at least one procurement process",
            "Acceso a los datos de al menos un proceso de compras",
        ),
        (
            "Willingness to share what you learn with peer cities",
            "Disposición a compartir lo aprendido con ciudades pares",
        ),
    ],
    "roles": SPRINT_ROLES,
    "focus_areas": ["participation", "open_data"],
    "sessions": [
        {
            "week": 1,
            "kind": "masterclass",
            "minutes": 90,
            "title": (
                "Kickoff: why vendor participation and open data matter",
                "Lanzamiento: por qué importan la participación de proveedores y los datos abiertos",
            ),
            "description": (
                "The sprint's goals, the RDC7 and RDC8 criteria, and how peer cities raised the number "
                "of bids per solicitation.",
                "Los objetivos del sprint, los criterios RDC7 y RDC8, y cómo otras ciudades aumentaron "
                "el número de ofertas por licitación.",
            ),
        },
        {
            "week": 2,
            "kind": "workshop",
            "minutes": 90,
            "title": (
                "Vendor interviews: who to talk to and what to ask",
                "Entrevistas a proveedores: con quién hablar y qué preguntar",
            ),
            "description": (
                "Build your interview list and guide, and practise an interview in pairs.",
                "Preparen su lista y su guía de entrevistas, y practiquen una entrevista en parejas.",
            ),
        },
        {
            "week": 3,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("Reducing barriers to bidding", "Cómo reducir las barreras para ofertar"),
            "description": (
                "Plain-language solicitations, simpler forms, proportionate insurance and bonding, and "
                "prompt payment.",
                "Convocatorias en lenguaje claro, formularios más simples, seguros y garantías "
                "proporcionales, y pago oportuno.",
            ),
        },
        {
            "week": 4,
            "kind": "workshop",
            "minutes": 90,
            "title": ("Mapping the vendor journey", "Mapeo del recorrido del proveedor"),
            "description": (
                "Turn your interview notes into a journey map, stage by stage.",
                "Conviertan sus notas de entrevista en un mapa del recorrido, etapa por etapa.",
            ),
        },
        {
            "week": 5,
            "kind": "cohort_call",
            "minutes": 60,
            "title": (
                "Peer exchange: what vendors told us",
                "Intercambio entre pares: lo que nos dijeron los proveedores",
            ),
            "description": (
                "Each team shares one surprise from its interviews.",
                "Cada equipo comparte una sorpresa de sus entrevistas.",
            ),
        },
        {
            "week": 6,
            "kind": "masterclass",
            "minutes": 60,
            "title": (
                "Open contracting data and the OCDS",
                "Datos de contrataciones abiertas y el estándar OCDS",
            ),
            "description": (
                "What to publish, at which stage, and how the Open Contracting Data Standard links it "
                "together.",
                "Qué publicar, en qué etapa y cómo el Estándar de Datos de Contrataciones Abiertas lo "
                "vincula todo.",
            ),
        },
        {
            "week": 7,
            "kind": "workshop",
            "minutes": 90,
            "title": (
                "Mapping your procurement data systems",
                "Mapeo de sus sistemas de datos de contratación",
            ),
            "description": (
                "Trace where each piece of procurement data lives, who owns it and where it is published.",
                "Identifiquen dónde está cada dato de contratación, quién es responsable y dónde se publica.",
            ),
        },
        {
            "week": 8,
            "kind": "workshop",
            "minutes": 90,
            "title": ("Setting baselines and indicators", "Líneas base e indicadores"),
            "description": (
                "Calculate bids per solicitation, new vendors and cycle time from your own data.",
                "Calculen las ofertas por licitación, los proveedores nuevos y la duración del ciclo con "
                "sus propios datos.",
            ),
        },
        {
            "week": 9,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("Designing a procurement pilot", "Diseño de un piloto de compras"),
            "description": (
                "Scope a change you can test in eight weeks and measure.",
                "Delimiten un cambio que puedan probar y medir en ocho semanas.",
            ),
        },
        {
            "week": 10,
            "kind": "office_hours",
            "minutes": 60,
            "title": ("Office hours: pilot plans", "Horas de consulta: planes piloto"),
            "description": (
                "Drop in with questions about your pilot plan.",
                "Vengan con sus preguntas sobre el plan piloto.",
            ),
        },
        {
            "week": 11,
            "kind": "cohort_call",
            "minutes": 60,
            "title": ("Showtime rehearsal", "Ensayo de la presentación final"),
            "description": (
                "Five-minute practice runs with feedback from peers.",
                "Ensayos de cinco minutos con comentarios de sus pares.",
            ),
        },
        {
            "week": 12,
            "kind": "showtime",
            "minutes": 120,
            "title": (
                "Showtime: teams present their pilots",
                "Presentación final: los equipos presentan sus pilotos",
            ),
            "description": (
                "Each team presents its findings, its pilot and its next steps to sponsors and peers.",
                "Cada equipo presenta sus hallazgos, su piloto y sus próximos pasos ante sus "
                "patrocinadores y pares.",
            ),
        },
    ],
    "templates": SPRINT_TEMPLATES,
    "cohort": {
        "name": ("{month} — English", "{month} — inglés"),
        "language": "en",
        "time_zone": "America/New_York",
        "local_time": "11:00",
        "weeks_since_start": 4,
        "capacity": 12,
        "meeting_url": "https://meet.example.org/ruta-vendor-sprint",
    },
    "page": {
        "slug_es": "participacion-proveedores-datos-abiertos",
        "intro": (
            "<p>Run with practitioners from cities that have already done it: every week you leave "
            "with something you can use the next morning.</p>",
            "<p>Con especialistas de ciudades que ya lo lograron: cada semana se llevan algo que pueden "
            "usar a la mañana siguiente.</p>",
        ),
        "body": [
            ("heading", ("Who should apply", "Quién debería postularse")),
            (
                "paragraph",
                (
                    "<p>Teams of three to five: a purchasing lead, a data lead from IT or open data, and "
                    "one to three colleagues who buy or manage contracts. No prior open data experience "
                    "is needed.</p>",
                    "<p>Equipos de tres a cinco personas: quien dirige compras, una persona responsable de "
                    "datos (de tecnología o datos abiertos) y de una a tres personas que compran o "
                    "gestionan contratos. No se necesita experiencia previa en datos abiertos.</p>",
                ),
            ),
        ],
    },
}

SPANISH_SPRINT = {
    "slug": "open-contracting-sprint-spanish",
    "name": ("Open Contracting Sprint (in Spanish)", "Sprint de contratación abierta"),
    "kind": "sprint",
    "duration_weeks": 12,
    "default_weekday": 2,  # Wednesday
    "ta_cadence_days": 14,
    "team_size_min": 3,
    "team_size_max": 5,
    "mou_required": False,
    "summary": (
        "A twelve-week sprint taught in Spanish: four one-hour masterclasses, a coaching session every "
        "two weeks and a final showtime, for cities opening their procurement to more vendors.",
        "Un sprint de doce semanas en español: cuatro clases magistrales de una hora, una sesión con su "
        "coach cada dos semanas y una presentación final, para ciudades que quieren abrir sus compras a "
        "más proveedores.",
    ),
    "audience": (
        "Spanish-speaking procurement teams in municipalities of Latin America, Puerto Rico and the "
        "United States.",
        "Equipos de compras hispanohablantes de municipios de América Latina, Puerto Rico y los Estados "
        "Unidos.",
    ),
    "activities": [
        (
            "Four one-hour masterclasses with practitioners from the region",
            "Cuatro clases magistrales de una hora con especialistas de la región",
        ),
        ("A session with your coach every two weeks", "Una sesión con su coach cada dos semanas"),
        (
            "Interview vendors and map their journey",
            "Entrevistar a proveedores y mapear su recorrido",
        ),
        ("Present your pilot at the final showtime", "Presentar su piloto en la presentación final"),
    ],
    "outcomes": [
        ("A vendor journey map", "Un mapa del recorrido del proveedor"),
        ("A procurement data systems map", "Un mapa de sistemas de datos de contratación"),
        ("A pilot plan with indicators", "Un plan piloto con indicadores"),
        ("Documented progress toward RDC7 and RDC8", "Avance documentado hacia los criterios RDC7 y RDC8"),
    ],
    "best_results": [
        (
            "Come with a concrete solicitation you want more vendors to bid on",
            "Vengan con una licitación concreta a la que quieran atraer más ofertas",
        ),
        (
            "Do the assignment before each coaching session",
            "Completen la tarea antes de cada sesión con su coach",
        ),
    ],
    "fit_criteria": [
        (
            "A team of three to five that works in Spanish",
            "Un equipo de tres a cinco personas que trabaje en español",
        ),
        (
            "Two hours a week for each member for twelve weeks",
            "Dos horas por semana de cada integrante durante doce semanas",
        ),
    ],
    "roles": SPRINT_ROLES,
    "focus_areas": ["participation", "open_data"],
    "sessions": [
        {
            "week": 1,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("Open contracting: where to start", "Contratación abierta: por dónde empezar"),
            "description": (
                "The open contracting approach, the RDC7 and RDC8 criteria and examples from the region.",
                "El enfoque de contratación abierta, los criterios RDC7 y RDC8 y ejemplos de la región.",
            ),
        },
        {
            "week": 3,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("Listening to vendors", "Escuchar a los proveedores"),
            "description": (
                "How to interview vendors and turn what they say into a journey map.",
                "Cómo entrevistar a proveedores y convertir lo que dicen en un mapa del recorrido.",
            ),
        },
        {
            "week": 6,
            "kind": "masterclass",
            "minutes": 60,
            "title": (
                "Procurement data that people can use",
                "Datos de contratación que la gente pueda usar",
            ),
            "description": (
                "Mapping your data systems and publishing with the Open Contracting Data Standard.",
                "Cómo mapear sus sistemas de datos y publicar con el Estándar de Datos de Contrataciones "
                "Abiertas.",
            ),
        },
        {
            "week": 9,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("From diagnosis to pilot", "Del diagnóstico al piloto"),
            "description": (
                "Choosing one change, planning it and measuring it.",
                "Cómo elegir un cambio, planificarlo y medirlo.",
            ),
        },
        {
            "week": 12,
            "kind": "showtime",
            "minutes": 90,
            "title": (
                "Showtime: teams present their pilots",
                "Presentación final: los equipos presentan sus pilotos",
            ),
            "description": (
                "Each team presents its pilot and its next steps.",
                "Cada equipo presenta su piloto y sus próximos pasos.",
            ),
        },
    ],
    "templates": SPRINT_TEMPLATES,
    "cohort": {
        "name": ("{month} — Spanish", "{month} — español"),
        "language": "es",
        "time_zone": "America/Puerto_Rico",
        "local_time": "10:00",
        "weeks_since_start": 3,
        "capacity": 10,
        "meeting_url": "https://meet.example.org/ruta-sprint-es",
    },
    # The next run takes applications now, so a visitor can apply to the Spanish sprint.
    "later_cohorts": [
        {
            "name": ("{month} — Spanish", "{month} — español"),
            "language": "es",
            "time_zone": "America/Puerto_Rico",
            "local_time": "10:00",
            "weeks_since_start": -9,
            "capacity": 10,
            "meeting_url": "https://meet.example.org/ruta-sprint-es-next",
        }
    ],
    "page": {
        "slug_es": "sprint-contratacion-abierta",
        "intro": (
            "<p>Designed for the pace of small and mid-sized municipalities: one hour of class every "
            "few weeks, and your coach in between.</p>",
            "<p>Pensado para el ritmo de los municipios pequeños y medianos: una hora de clase cada "
            "pocas semanas y su coach entre una y otra.</p>",
        ),
        "body": [
            ("heading", ("Taught in Spanish", "En español")),
            (
                "paragraph",
                (
                    "<p>Every session, assignment and coaching call of this sprint is in Spanish.</p>",
                    "<p>Todas las sesiones, tareas y reuniones con el coach de este sprint son en "
                    "español.</p>",
                ),
            ),
        ],
    },
}

TRACK = {
    "slug": "procurement-excellence-track",
    "name": ("Procurement Excellence Track", "Programa de excelencia en compras"),
    "kind": "track",
    "duration_weeks": 26,
    "default_weekday": 3,  # Thursday
    "ta_cadence_days": 14,
    "team_size_min": 4,
    "team_size_max": 5,
    "mou_required": True,
    "summary": (
        "Six months with a dedicated coach for city teams ready to reform how they buy: from "
        "diagnosis to a tested pilot and a twelve-month action plan.",
        "Seis meses con un coach dedicado para equipos municipales listos para reformar cómo compran: "
        "del diagnóstico a un piloto probado y un plan de acción a doce meses.",
    ),
    "audience": (
        "Cities that have done a sprint or already publish some procurement data, with a head of "
        "purchasing and senior leaders committed to change.",
        "Ciudades que ya hicieron un sprint o publican algunos datos de contratación, con una jefatura "
        "de compras y autoridades comprometidas con el cambio.",
    ),
    "activities": [
        (
            "Monthly masterclasses and cohort calls with peer cities",
            "Clases magistrales y llamadas de cohorte mensuales con ciudades pares",
        ),
        ("A coaching session every two weeks", "Una sesión con su coach cada dos semanas"),
        (
            "The full open contracting diagnosis: questionnaire, interviews, journey and data maps, baseline",
            "El diagnóstico completo de contratación abierta: cuestionario, entrevistas, mapas del "
            "recorrido y de datos, línea base",
        ),
        ("Run a pilot and measure it", "Ejecutar un piloto y medirlo"),
    ],
    "outcomes": [
        ("A baseline summary report", "Un informe de línea base"),
        ("An actionable opportunities report", "Un informe de oportunidades de acción"),
        ("A pilot run and measured", "Un piloto ejecutado y medido"),
        ("A twelve-month action plan", "Un plan de acción a doce meses"),
        ("Evidence for RDC7 and RDC8", "Evidencia para los criterios RDC7 y RDC8"),
    ],
    "best_results": [
        (
            "Involve your executive sponsors at the kickoff, the mid-point review and the showtime",
            "Involucren a sus patrocinadores ejecutivos en el lanzamiento, la revisión intermedia y la "
            "presentación final",
        ),
        (
            "Give the deputy real time for the work, not only the meetings",
            "Den a la subjefatura tiempo real para el trabajo, no solo para las reuniones",
        ),
        (
            "Publish something early, even a small dataset",
            "Publiquen algo pronto, aunque sea un conjunto de datos pequeño",
        ),
    ],
    "fit_criteria": [
        (
            "A signed memorandum of understanding from the city",
            "Un memorando de entendimiento firmado por la ciudad",
        ),
        (
            "A head of purchasing, a deputy or buyer, and two or three executive sponsors",
            "Una jefatura de compras, una subjefatura o persona compradora y dos o tres patrocinadores "
            "ejecutivos",
        ),
        (
            "Authority to change at least one procurement practice within six months",
            "Facultad para cambiar al menos una práctica de compras en seis meses",
        ),
    ],
    "roles": [
        {
            "name": ("Head of purchasing", "Jefatura de compras"),
            "description": (
                "Leads the team, owns the action plan and attends every session and coaching call.",
                "Dirige el equipo, es responsable del plan de acción y asiste a todas las sesiones y "
                "reuniones con el coach.",
            ),
            "hours": 4,
            "period": "week",
            "min_count": 1,
            "max_count": 1,
        },
        {
            "name": ("Deputy or buyer", "Subjefatura o persona compradora"),
            "description": (
                "Does the day-to-day work: interviews, maps, data and the pilot.",
                "Realiza el trabajo diario: entrevistas, mapas, datos y el piloto.",
            ),
            "hours": 6,
            "period": "week",
            "min_count": 1,
            "max_count": 1,
        },
        {
            "name": ("Executive sponsor", "Patrocinador ejecutivo"),
            "description": (
                "A senior leader (city manager, finance director, CIO) who clears obstacles and joins "
                "the kickoff, the mid-point review and the showtime.",
                "Una autoridad (administración municipal, dirección de finanzas o de tecnología) que "
                "elimina obstáculos y participa en el lanzamiento, la revisión intermedia y la "
                "presentación final.",
            ),
            "hours": 2,
            "period": "month",
            "min_count": 2,
            "max_count": 3,
        },
    ],
    "focus_areas": ["participation", "open_data", "planning", "contract_management"],
    "sessions": [
        {
            "week": 1,
            "kind": "masterclass",
            "minutes": 90,
            "title": (
                "Kickoff: results-driven contracting",
                "Lanzamiento: contratación orientada a resultados",
            ),
            "description": (
                "The track's path, the RDC criteria and what sponsors can do, with your executive sponsors.",
                "El recorrido del programa, los criterios RDC y el papel de los patrocinadores, con sus "
                "patrocinadores ejecutivos.",
            ),
        },
        {
            "week": 3,
            "kind": "cohort_call",
            "minutes": 60,
            "title": ("Meet the cohort: our challenges", "Conozcan la cohorte: nuestros desafíos"),
            "description": (
                "Each city presents its challenge statement.",
                "Cada ciudad presenta su desafío.",
            ),
        },
        {
            "week": 5,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("Understanding vendors", "Entender a los proveedores"),
            "description": (
                "Stakeholder interviews and vendor journey maps.",
                "Entrevistas a actores clave y mapas del recorrido del proveedor.",
            ),
        },
        {
            "week": 6,
            "kind": "workshop",
            "minutes": 90,
            "title": ("Vendor journey mapping", "Mapeo del recorrido del proveedor"),
            "description": (
                "Build your map from your interviews.",
                "Construyan su mapa a partir de sus entrevistas.",
            ),
        },
        {
            "week": 9,
            "kind": "masterclass",
            "minutes": 60,
            "title": (
                "Open contracting data and the OCDS",
                "Datos de contrataciones abiertas y el estándar OCDS",
            ),
            "description": (
                "What to publish at each stage, and how.",
                "Qué publicar en cada etapa, y cómo.",
            ),
        },
        {
            "week": 10,
            "kind": "workshop",
            "minutes": 90,
            "title": (
                "Mapping your procurement data systems",
                "Mapeo de sus sistemas de datos de contratación",
            ),
            "description": (
                "Where your data lives, who owns it and what is published.",
                "Dónde están sus datos, quién es responsable y qué se publica.",
            ),
        },
        {
            "week": 13,
            "kind": "cohort_call",
            "minutes": 60,
            "title": ("Mid-point review with sponsors", "Revisión intermedia con los patrocinadores"),
            "description": (
                "Teams share their baselines and the opportunities they found.",
                "Los equipos comparten su línea base y las oportunidades que encontraron.",
            ),
        },
        {
            "week": 14,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("Strategic procurement planning", "Planificación estratégica de compras"),
            "description": (
                "Forecasts, pipelines and spend analysis.",
                "Pronósticos, listas de próximas licitaciones y análisis del gasto.",
            ),
        },
        {
            "week": 17,
            "kind": "workshop",
            "minutes": 90,
            "title": ("From opportunities to a pilot", "De las oportunidades al piloto"),
            "description": (
                "Choose, scope and plan the pilot.",
                "Elijan, delimiten y planifiquen el piloto.",
            ),
        },
        {
            "week": 20,
            "kind": "masterclass",
            "minutes": 60,
            "title": ("Contract management for results", "Gestión de contratos por resultados"),
            "description": (
                "Performance measures, vendor check-ins and contract data.",
                "Indicadores de desempeño, seguimiento con proveedores y datos de contratos.",
            ),
        },
        {
            "week": 22,
            "kind": "office_hours",
            "minutes": 60,
            "title": ("Office hours: action plans", "Horas de consulta: planes de acción"),
            "description": ("Bring your draft action plan.", "Traigan el borrador de su plan de acción."),
        },
        {
            "week": 24,
            "kind": "cohort_call",
            "minutes": 60,
            "title": ("Pilot results exchange", "Intercambio de resultados de los pilotos"),
            "description": (
                "What worked, what did not, and what the numbers say.",
                "Qué funcionó, qué no y qué dicen los números.",
            ),
        },
        {
            "week": 26,
            "kind": "showtime",
            "minutes": 120,
            "title": (
                "Showtime: results and action plans",
                "Presentación final: resultados y planes de acción",
            ),
            "description": (
                "Teams present their pilot results and action plans to sponsors and peers.",
                "Los equipos presentan los resultados de sus pilotos y sus planes de acción ante sus "
                "patrocinadores y pares.",
            ),
        },
    ],
    "templates": [
        ("workspace", 2, False),
        ("environment-questionnaire", 4, False),
        ("stakeholder-interviews", 7, False),
        ("vendor-journey-map", 8, False),
        ("data-systems-map", 11, False),
        ("ocds-assessment", 12, True),
        ("baseline-summary", 13, False),
        ("opportunities-report", 16, False),
        ("pilot-plan", 18, False),
        ("action-plan", 25, False),
    ],
    "cohort": {
        "name": ("{month} — English", "{month} — inglés"),
        "language": "en",
        "time_zone": "America/Chicago",
        "local_time": "13:00",
        "weeks_since_start": -8,  # starts in eight weeks; registration is open
        "capacity": 8,
        "meeting_url": "https://meet.example.org/ruta-excellence-track",
    },
    "page": {
        "slug_es": "programa-excelencia-compras",
        "intro": (
            "<p>For cities ready to go further after a sprint: six months, a coach for your city and "
            "a team with the authority to change how you buy.</p>",
            "<p>Para ciudades listas para ir más allá de un sprint: seis meses, un coach para su "
            "ciudad y un equipo con la autoridad para cambiar cómo compran.</p>",
        ),
        "body": [
            ("heading", ("A signed MOU", "Un memorando firmado")),
            (
                "paragraph",
                (
                    "<p>The track asks for a memorandum of understanding signed by the city, naming the "
                    "team and its executive sponsors. We send the template when your application is "
                    "accepted.</p>",
                    "<p>El programa requiere un memorando de entendimiento firmado por la ciudad, con el "
                    "equipo y sus patrocinadores ejecutivos. Enviamos el modelo cuando se acepta su "
                    "postulación.</p>",
                ),
            ),
        ],
    },
}

PROGRAMS = [ENGLISH_SPRINT, SPANISH_SPRINT, TRACK]

# Sent by program staff to each sprint cohort a few days ago: (program slug, title, body).
ANNOUNCEMENTS = [
    (
        ENGLISH_SPRINT["slug"],
        ("Showtime: save the date", "Showtime: reserven la fecha"),
        (
            "The final showtime is in week 12. Each team presents its pilot in five minutes; "
            "invite your executive sponsor.",
            "La presentación final es en la semana 12. Cada equipo presenta su piloto en cinco "
            "minutos; inviten a su patrocinador ejecutivo.",
        ),
    ),
    (
        SPANISH_SPRINT["slug"],
        ("Bring your data map to the workshop", "Traigan su mapa de datos al taller"),
        (
            "Bring your procurement data systems map to this week's workshop: we will compare them "
            "in small groups.",
            "Traigan su mapa de sistemas de datos de compras al taller de esta semana: los "
            "compararemos en grupos pequeños.",
        ),
    ),
]

# --- Pages ------------------------------------------------------------------------------

HOME_PAGE = {
    "title": ("Ruta", "Ruta"),
    "intro": (
        "<p>Ruta helps city procurement teams open up their contracting data and bring more vendors to "
        "the table, through cohort programs in English and Spanish.</p>",
        "<p>Ruta ayuda a los equipos de compras municipales a abrir sus datos de contratación y a atraer "
        "a más proveedores, mediante programas por cohortes en inglés y en español.</p>",
    ),
    "body": [
        ("heading", ("How it works", "Cómo funciona")),
        (
            "paragraph",
            (
                "<p>Apply as a city team. Each week you join a live session with peer cities, work on a "
                "practical assignment and meet your coach. By the end you have a pilot, the data to "
                "measure it and evidence toward the What Works Cities criteria RDC7 and RDC8.</p>",
                "<p>Postúlense como equipo municipal. Cada semana participan en una sesión en vivo con "
                "ciudades pares, avanzan en una tarea práctica y se reúnen con su coach. Al final tienen "
                "un piloto, los datos para medirlo y evidencia para los criterios RDC7 y RDC8 de What "
                "Works Cities.</p>",
            ),
        ),
    ],
}

PROGRAM_INDEX_PAGE = {
    "title": ("Programs", "Programas"),
    "slug": ("programs", "programas"),
    "intro": (
        "<p>Sprints and tracks for city procurement teams, in English and in Spanish. Pick a program, "
        "then the cohort that fits your language and calendar.</p>",
        "<p>Sprints y programas para equipos de compras municipales, en inglés y en español. Elijan un "
        "programa y luego la cohorte que se ajuste a su idioma y a su calendario.</p>",
    ),
}

ABOUT_PAGE = {
    "title": ("About Ruta", "Acerca de Ruta"),
    "slug": ("about", "acerca"),
    "intro": (
        "<p>Ruta runs learning programs for the people who buy goods and services for cities.</p>",
        "<p>Ruta ofrece programas de aprendizaje para quienes compran bienes y servicios para las "
        "ciudades.</p>",
    ),
    "body": [
        ("heading", ("Why procurement", "Por qué las compras públicas")),
        (
            "paragraph",
            (
                "<p>Cities spend about a third of their budgets through contracts. When more vendors bid "
                "and contracting data is open, cities get better value, new businesses get a fair chance "
                "and residents can see how their money is spent.</p>",
                "<p>Las ciudades gastan cerca de un tercio de su presupuesto mediante contratos. Cuando "
                "más proveedores ofertan y los datos de contratación son abiertos, las ciudades obtienen "
                "mejor valor, las empresas nuevas tienen una oportunidad justa y la ciudadanía puede ver "
                "cómo se gasta su dinero.</p>",
            ),
        ),
        ("heading", ("How we work", "Cómo trabajamos")),
        (
            "paragraph",
            (
                "<p>Teams learn together in cohorts, in English or in Spanish, and each team has a coach. "
                "Everything we teach builds toward the What Works Cities Results-Driven Contracting "
                "criteria and the Open Contracting Data Standard.</p>",
                "<p>Los equipos aprenden juntos en cohortes, en inglés o en español, y cada equipo tiene "
                "un coach. Todo lo que enseñamos apunta a los criterios de Contratación Orientada a "
                "Resultados de What Works Cities y al Estándar de Datos de Contrataciones Abiertas.</p>",
            ),
        ),
    ],
}

# --- TA topics ---------------------------------------------------------------------------

TOPICS = [
    ("data-mapping", ("Data mapping", "Mapeo de datos")),
    ("vendor-outreach", ("Vendor outreach", "Difusión a proveedores")),
    ("rdc7", ("RDC7: open procurement data", "RDC7: datos de contratación abiertos")),
    ("rdc8", ("RDC8: vendor participation", "RDC8: participación de proveedores")),
    ("pilot-design", ("Pilot design", "Diseño del piloto")),
    ("stakeholder-interviews", ("Stakeholder interviews", "Entrevistas a actores clave")),
    ("ocds", ("Open Contracting Data Standard", "Estándar de Datos de Contrataciones Abiertas")),
    ("indicators", ("Indicators and baselines", "Indicadores y líneas base")),
    ("solicitation-design", ("Solicitation design", "Diseño de convocatorias")),
    ("leadership", ("Leadership support", "Apoyo de la dirección")),
]

# --- City teams --------------------------------------------------------------------------
# Members are accounts (password DEMO_PASSWORD) taking a role of the team's program; the first
# member applied. Weeks are program weeks of the team's cohort; "day" counts from its Monday.

TEAMS = [
    {
        "program": "vendor-participation-open-data",
        "name": "Riverton Purchasing",
        "city": "Riverton",
        "jurisdiction": "Ohio",
        "time_zone": "America/New_York",
        "focus_area": "participation",
        "challenge": (
            "Half of our solicitations for construction and professional services receive two bids or "
            "fewer, and local small businesses tell us our process is too hard to follow. Our bid "
            "results are only posted as scanned PDFs."
        ),
        "coached": True,
        "members": [
            {
                "email": "participant@example.com",
                "full_name": "Dana Whitfield",
                "title": "Purchasing Manager",
                "department": "Finance — Purchasing Division",
                "role": "Team lead",
            },
            {
                "email": "marcus.lee@riverton.example.gov",
                "full_name": "Marcus Lee",
                "title": "Open Data Coordinator",
                "department": "Information Technology",
                "role": "Data lead",
            },
            {
                "email": "priya.nair@riverton.example.gov",
                "full_name": "Priya Nair",
                "title": "Senior Buyer",
                "department": "Finance — Purchasing Division",
                "role": "Team member",
            },
        ],
        "ta_sessions": [
            {
                "week": 1,
                "topics": ["rdc8", "stakeholder-interviews"],
                "pain_points": (
                    "Vendors say the bid portal registration takes weeks; nobody owns vendor outreach."
                ),
                "summary": (
                    "Kickoff call. We agreed the team's focus: construction solicitations with two bids or "
                    "fewer. The team will interview five vendors, including two who stopped bidding."
                ),
                "private_notes": (
                    "Dana is strongly motivated; the CFO has not yet been briefed on the sprint."
                ),
                "action_items": [
                    {
                        "description": "Schedule interviews with five vendors, two of whom stopped bidding",
                        "owner": "participant@example.com",
                        "due_week": 2,
                        "status": "done",
                    },
                    {
                        "description": "Export last year's solicitations and bid counts from the ERP",
                        "owner": "marcus.lee@riverton.example.gov",
                        "due_week": 3,
                        "status": "done",
                    },
                ],
            },
            {
                "week": 2,
                "topics": ["stakeholder-interviews", "vendor-outreach"],
                "pain_points": "Insurance requirements are the same for a $5,000 job and a $5 million one.",
                "summary": (
                    "Reviewed the first three interviews. A common thread: insurance and bonding "
                    "requirements keep small contractors out. Priya will start the journey map."
                ),
                "private_notes": "Marcus could only join for ten minutes; check his availability with Dana.",
                "action_items": [
                    {
                        "description": "Draft the vendor journey map from the first three interviews",
                        "owner": "priya.nair@riverton.example.gov",
                        "due_week": 4,
                        "status": "done",
                    },
                    {
                        "description": "List every system that holds procurement data",
                        "owner": "marcus.lee@riverton.example.gov",
                        "due_week": 4,
                        "status": "open",
                    },
                ],
            },
            {
                "week": 4,
                "topics": ["data-mapping", "rdc7", "ocds"],
                "pain_points": "Award data lives in the ERP but the public only sees scanned tabulations.",
                "summary": (
                    "Walked through the journey map: strong on finding opportunities, thin on award and "
                    "payment. Discussed publishing award notices as CSV from the ERP as a first step "
                    "toward RDC7."
                ),
                "private_notes": "The systems list is a week late; raise it gently at the next call.",
                "action_items": [
                    {
                        "description": "Add the award and payment stages to the journey map",
                        "owner": "priya.nair@riverton.example.gov",
                        "due_week": 5,
                        "status": "open",
                    },
                    {
                        "description": "Ask Finance whether award notices can be exported as CSV each month",
                        "owner": "participant@example.com",
                        "due_week": 6,
                        "status": "open",
                    },
                ],
            },
        ],
        "submissions": [
            {
                "template": "stakeholder-interviews",
                "status": "accepted",
                "week": 3,
                "author": "priya.nair@riverton.example.gov",
                "feedback": ("accepted", "Thorough and in the vendors' own words. Accepted."),
                "content": {
                    "interviews": [
                        {
                            "interviewee_type": "Small local contractor (stopped bidding)",
                            "findings": "Stopped bidding after two losses with no debrief.",
                            "pain_points": "Insurance minimums; no feedback after losing.",
                        },
                        {
                            "interviewee_type": "Woman-owned landscaping firm",
                            "findings": "Finds opportunities by word of mouth, not on the portal.",
                            "pain_points": "Portal registration took three weeks.",
                        },
                        {
                            "interviewee_type": "Parks department project manager",
                            "findings": "Specifications are copied from old solicitations.",
                            "pain_points": "Few bidders means higher prices.",
                        },
                    ]
                },
            },
            {
                "template": "vendor-journey-map",
                "status": "changes_requested",
                "week": 4,
                "author": "priya.nair@riverton.example.gov",
                "feedback": (
                    "changes_requested",
                    "Good start. Add the award and payment stages, where your interviews found the "
                    "biggest pain points.",
                ),
                "content": {
                    "vendor_persona": "A small local contractor who has never bid with the city",
                    "stages": [
                        {
                            "name": "Finding the opportunity",
                            "vendor_actions": "Hears about it from another contractor.",
                            "touchpoints": "Bid portal, newspaper notice",
                            "pain_points": "Notices are hard to find and full of jargon.",
                            "opportunities": "Email alerts by trade; plain-language summaries.",
                        },
                        {
                            "name": "Registering and preparing a bid",
                            "vendor_actions": "Registers on the portal, gathers insurance certificates.",
                            "touchpoints": "Bid portal, Purchasing help line",
                            "pain_points": "Registration takes weeks; insurance minimums are high.",
                            "opportunities": "Same-day registration; insurance matched to the risk.",
                        },
                    ],
                },
            },
            {
                "template": "data-systems-map",
                "status": "draft",
                "week": 5,
                "author": "marcus.lee@riverton.example.gov",
                "content": {
                    "systems": [
                        {
                            "name": "ERP (financials)",
                            "owner": "Finance",
                            "data_held": "Purchase orders, contracts, payments",
                            "stages": ["award", "contract", "implementation"],
                            "format": "Database; CSV export",
                            "published_where": "Not published",
                            "quality_issues": "Vendor names are not standardised.",
                            "linked_systems": ["Bid portal"],
                        },
                        {
                            "name": "Bid portal",
                            "owner": "Purchasing",
                            "data_held": "Solicitations, addenda, bid tabulations",
                            "stages": ["tender", "award"],
                            "format": "HTML and scanned PDF",
                            "published_where": "City website",
                            "linked_systems": ["ERP (financials)"],
                        },
                    ]
                },
            },
        ],
        "progress": [
            {
                "item": "RDC8-5",
                "status": "met",
                "verified_week": 4,
                "comment": "Interviews with five vendors, documented in the stakeholder interviews.",
                "evidence": {"submission": "stakeholder-interviews", "note": "Our vendor interviews."},
            },
            {
                "item": "RDC8-2",
                "status": "in_progress",
                "evidence": {
                    "url": "https://www.riverton.example.gov/purchasing/insurance-requirements",
                    "note": "Draft policy tiering insurance requirements by contract size.",
                },
            },
            {"item": "RDC7-1", "status": "in_progress"},
            {"item": "RDC7-3", "status": "not_started"},
        ],
        "indicators": [
            {
                "name": "Average bids per solicitation",
                "unit": "bids",
                "direction": "higher",
                "data_source": "ERP bid tabulations",
                "baseline": "2.10",
                "measurements": [("2.40", 4, "Construction solicitations in the first month of the sprint")],
            },
            {
                "name": "Solicitations with a single bid",
                "unit": "%",
                "direction": "lower",
                "data_source": "ERP bid tabulations",
                "baseline": "31.00",
                "measurements": [],
            },
        ],
    },
    {
        "program": "open-contracting-sprint-spanish",
        "name": "Compras Villa Serena",
        "city": "Villa Serena",
        "jurisdiction": "Puerto Rico",
        "time_zone": "America/Puerto_Rico",
        "focus_area": "open_data",
        "challenge": (
            "Publicamos las adjudicaciones solo en PDF y con meses de retraso, y los proveedores locales "
            "no saben qué compras vienen. Queremos publicar datos abiertos y atraer a más empresas locales."
        ),
        "coached": True,
        "members": [
            {
                "email": "participant2@example.com",
                "full_name": "María Fernanda Ruiz",
                "title": "Directora de Compras",
                "department": "Oficina de Compras",
                "role": "Team lead",
            },
            {
                "email": "luis.ortega@villaserena.example.gov",
                "full_name": "Luis Ortega",
                "title": "Analista de datos",
                "department": "Oficina de Tecnología",
                "role": "Data lead",
            },
            {
                "email": "ana.beltran@villaserena.example.gov",
                "full_name": "Ana Beltrán",
                "title": "Compradora",
                "department": "Oficina de Compras",
                "role": "Team member",
            },
        ],
        "ta_sessions": [
            {
                "week": 1,
                "topics": ["rdc7", "data-mapping"],
                "pain_points": "Las adjudicaciones se publican en PDF escaneado, tres meses después.",
                "summary": (
                    "Primera sesión. Acordamos empezar por las adjudicaciones: Luis revisará qué campos "
                    "tiene el sistema financiero y María Fernanda hablará con la Secretaría Municipal."
                ),
                "private_notes": "El equipo es pequeño; Ana tiene poco tiempo por el cierre fiscal.",
                "action_items": [
                    {
                        "description": "Listar los campos de adjudicación del sistema financiero",
                        "owner": "luis.ortega@villaserena.example.gov",
                        "due_week": 2,
                        "status": "done",
                    },
                    {
                        "description": "Reunirse con la Secretaría Municipal sobre la publicación de datos",
                        "owner": "participant2@example.com",
                        "due_week": 3,
                        "status": "open",
                    },
                ],
            },
            {
                "week": 3,
                "topics": ["stakeholder-interviews", "vendor-outreach"],
                "pain_points": "Los proveedores locales no conocen el calendario de compras.",
                "summary": (
                    "Revisamos las entrevistas: los proveedores piden conocer las compras con "
                    "anticipación. Propusimos publicar un calendario trimestral de compras."
                ),
                "private_notes": "Buena energía; la reunión con la Secretaría sigue pendiente.",
                "action_items": [
                    {
                        "description": "Redactar un calendario trimestral de próximas compras",
                        "owner": "ana.beltran@villaserena.example.gov",
                        "due_week": 5,
                        "status": "open",
                    },
                ],
            },
        ],
        "submissions": [
            {
                "template": "stakeholder-interviews",
                "status": "submitted",
                "week": 3,
                "author": "participant2@example.com",
                "feedback": (
                    "comment",
                    "Muy buen trabajo. Para la próxima versión, agreguen una entrevista a un proveedor "
                    "que nunca haya ofertado.",
                ),
                "content": {
                    "interviews": [
                        {
                            "interviewee_type": "Ferretería local",
                            "findings": "Se entera de las compras cuando ya cerraron.",
                            "pain_points": "No hay aviso previo ni calendario.",
                        },
                        {
                            "interviewee_type": "Empresa de limpieza",
                            "findings": "Oferta seguido, pero nunca sabe por qué pierde.",
                            "pain_points": "No recibe explicación de la adjudicación.",
                        },
                    ]
                },
            },
            {
                "template": "vendor-journey-map",
                "status": "draft",
                "week": 4,
                "author": "ana.beltran@villaserena.example.gov",
                "content": {
                    "vendor_persona": "Una ferretería familiar que nunca ha vendido al municipio",
                    "stages": [
                        {
                            "name": "Enterarse de la compra",
                            "vendor_actions": "Pregunta a conocidos en el municipio.",
                            "touchpoints": "Tablón de anuncios del ayuntamiento",
                            "pain_points": "No hay información en línea.",
                            "opportunities": "Publicar un calendario de compras en la web.",
                        },
                    ],
                },
            },
        ],
        "progress": [
            {
                "item": "RDC7-1",
                "status": "met",
                "verified_week": 3,
                "comment": "El conjunto de datos de adjudicaciones ya está publicado en CSV.",
                "evidence": {
                    "url": "https://datos.villaserena.example.gov/compras/adjudicaciones.csv",
                    "note": "Adjudicaciones del último año en CSV.",
                },
            },
            {"item": "RDC8-3", "status": "in_progress"},
        ],
        "indicators": [
            {
                "name": "Días entre la adjudicación y su publicación",
                "unit": "días",
                "direction": "lower",
                "data_source": "Sistema financiero municipal",
                "baseline": "90.00",
                "measurements": [("30.00", 3, "Primera publicación mensual en CSV")],
            },
        ],
    },
    {
        "program": "vendor-participation-open-data",
        "name": "Lakeview Procurement",
        "city": "Lakeview",
        "jurisdiction": "Michigan",
        "time_zone": "America/Detroit",
        "focus_area": "open_data",
        "challenge": (
            "We publish contracts on our website but residents and vendors cannot search them, and we "
            "do not know how many new vendors we bring in each year."
        ),
        "coached": False,  # waiting for staff to assign a coach
        "members": [
            {
                "email": "tom.becker@lakeview.example.gov",
                "full_name": "Tom Becker",
                "title": "Procurement Director",
                "department": "Procurement",
                "role": "Team lead",
            },
            {
                "email": "grace.kim@lakeview.example.gov",
                "full_name": "Grace Kim",
                "title": "Data Analyst",
                "department": "Innovation and Technology",
                "role": "Data lead",
            },
            {
                "email": "luis.romero@lakeview.example.gov",
                "full_name": "Luis Romero",
                "title": "Contract Specialist",
                "department": "Procurement",
                "role": "Team member",
            },
            {
                "email": "ruth.okafor@lakeview.example.gov",
                "full_name": "Ruth Okafor",
                "title": "Budget Analyst",
                "department": "Office of Budget",
                "role": "Team member",
            },
        ],
        "ta_sessions": [],
        "submissions": [
            {
                "template": "stakeholder-interviews",
                "status": "draft",
                "week": 3,
                "author": "luis.romero@lakeview.example.gov",
                "content": {
                    "interviews": [
                        {
                            "interviewee_type": "IT services vendor",
                            "findings": "Searches contracts by hand to find renewal dates.",
                            "pain_points": "No searchable list of contracts.",
                        },
                    ]
                },
            },
        ],
        "progress": [{"item": "RDC7-1", "status": "in_progress"}],
        "indicators": [],
    },
]

# An application waiting for staff review in the track's open registration.
PENDING_REGISTRATION = {
    "program": "procurement-excellence-track",
    "city": "Port Alder",
    "jurisdiction": "Washington",
    "time_zone": "America/Los_Angeles",
    "name": "Port Alder Procurement Excellence",
    "focus_area": "planning",
    "challenge": (
        "Departments send us purchase requests with a few weeks' notice, so we run most purchases as "
        "emergencies. We want an annual procurement plan and a published forecast for vendors."
    ),
    "members": [
        {
            "email": "alex.morgan@portalder.example.gov",
            "full_name": "Alex Morgan",
            "title": "Purchasing Manager",
            "department": "Finance",
            "role": "Head of purchasing",
        },
        {
            "email": "sam.hughes@portalder.example.gov",
            "full_name": "Sam Hughes",
            "title": "Buyer II",
            "department": "Finance",
            "role": "Deputy or buyer",
        },
        {
            "email": "lena.park@portalder.example.gov",
            "full_name": "Lena Park",
            "title": "City Manager",
            "department": "City Manager's Office",
            "role": "Executive sponsor",
        },
        {
            "email": "omar.haddad@portalder.example.gov",
            "full_name": "Omar Haddad",
            "title": "Finance Director",
            "department": "Finance",
            "role": "Executive sponsor",
        },
    ],
}
