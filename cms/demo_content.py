"""The demo site's content, in English and Spanish, loaded by `manage.py seed_demo`.

It follows ../shared/PROGRAMS.md: the three programs' own titles, audiences, fit criteria,
outputs, cadences, roles and challenge areas as their public descriptions state them. Where a
description is silent (a sprint's role hours, the track's curriculum), the demo says less rather
than inventing a fact, and says so in a comment.

A translated value is an ("English", "Spanish") pair; a list of pairs is a text with one line per
pair (outcomes, fit criteria…). Checklist items are named "<criterion code>-<n>", counting from 1.
Dates are given as program weeks, so they follow each cohort's start; a cohort's start is given
in weeks from the Monday of the week the demo is seeded (`starts_in_weeks`, negative when past).

Data for features other parts of the platform add (break weeks, a schedule agreed with the
participants through a poll, a recommended team size, application questions, the signed MOU,
the city's certification level) is kept here beside the rest; seed_demo hands it to one named
hook per feature (see `DemoSeeder` in cms/management/commands/seed_demo.py).
"""

DEMO_PASSWORD = "ruta-demo-2026"  # noqa: S105 - published on purpose; the command runs only with DEBUG

# The accounts printed at the end; the team members below share the password.
STAFF = {"email": "staff@example.com", "full_name": "Jordan Ellis"}
COACH = {"email": "coach@example.com", "full_name": "Camila Torres"}
GPL_COACH = {"email": "gpl.coach@example.com", "full_name": "Morgan Reyes"}
DEMO_LOGINS = [
    ("staff@example.com", "program staff: the Wagtail admin, everything"),
    ("coach@example.com", "coach of Riverton and Villa Serena: the Wagtail admin, Coaching"),
    ("participant@example.com", "Riverton team lead (English sprint, English cohort on Tuesdays)"),
    (
        "participant2@example.com",
        "Villa Serena team lead (English sprint, Spanish cohort on Wednesdays), reads in Spanish",
    ),
    ("gpl.coach@example.com", "GPL coach of Harbor City (Procurement Excellence Track): the Wagtail admin"),
]

# --- Criteria -------------------------------------------------------------------------
# PROGRAMS.md names RDC7 and RDC8 but does not give their checklists: the items below are an
# example set, and both the criterion description and every item's guidance say so.

#: The demo's criterion set: an example for staff to replace.
EXAMPLE_SET_LABEL = (
    "Results-Driven Contracting — example set",
    "Contratación orientada a resultados — conjunto de ejemplo",
)
#: Where a city's What Works Cities certification is published.
CERTIFICATION_EVIDENCE_URL = "https://whatworkscities.bloomberg.org/certification/"
EXAMPLE_SET = (
    "The checklist items below are an example set written for this demo, not the official What Works "
    "Cities text: staff replace them with the current criterion set.",
    "Los ítems de la lista de verificación son un conjunto de ejemplo redactado para esta demostración, "
    "no el texto oficial de What Works Cities: el personal los reemplaza por el conjunto de criterios "
    "vigente.",
)
# seed_demo puts this at the start of every item's guidance.
EXAMPLE_ITEM = (
    "Example item, to be replaced with the official checklist text. ",
    "Ítem de ejemplo, que debe reemplazarse por el texto oficial de la lista de verificación. ",
)


CRITERIA = [
    {
        "code": "RDC7",
        "title": ("Open and Shared Procurement Data", "Datos de contratación abiertos y compartidos"),
        "description": (
            "The city makes its procurement data open: published in a machine-readable format, kept "
            "up to date, covering several stages of the contracting process, and shared so that "
            "staff, vendors and residents can use it. " + EXAMPLE_SET[0],
            "La ciudad abre sus datos de contratación: los publica en un formato legible por máquina, "
            "los mantiene actualizados, abarcan varias etapas del proceso de contratación y los "
            "comparte para que el personal, los proveedores y la ciudadanía puedan usarlos. "
            + EXAMPLE_SET[1],
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
            "Supporting Vendor Participation and Competition",
            "Apoyo a la participación de proveedores y a la competencia",
        ),
        "description": (
            "The city works to bring more, and more diverse, vendors into its solicitations: it reaches "
            "out before opportunities open, removes barriers to bidding, listens to vendors and tracks "
            "participation against goals. " + EXAMPLE_SET[0],
            "La ciudad trabaja para atraer a más proveedores, y más diversos, a sus convocatorias: los "
            "contacta antes de abrir las oportunidades, elimina barreras para ofertar, escucha a los "
            "proveedores y mide la participación frente a metas. " + EXAMPLE_SET[1],
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

#: The items a report of the city's own procurement data can support (the rest need other evidence).
DATA_EVIDENCE = {
    "RDC7-1": "published",
    "RDC7-2": "up_to_date",
    "RDC7-3": "stages",
    "RDC7-4": "identifiers",
    "RDC8-4": "participation",
}


# --- Assignment templates ------------------------------------------------------------------
# By key; each program lists the ones it uses with their due week and whether they are optional.

TEMPLATES = {
    # The English sprint's outputs (PROGRAMS.md §1).
    "stakeholder-interviews": {
        "kind": "stakeholder_interviews",
        "title": ("Stakeholder interviews", "Entrevistas a actores clave"),
        "instructions": (
            "Interview vendors (including one who stopped bidding and one who never has) and colleagues "
            "from buyer agencies. Record who you spoke to, what you learned and the pain points you heard, "
            "in their words where you can. A template and guidance are provided.",
            "Entrevisten a proveedores (incluido uno que dejó de ofertar y otro que nunca lo ha hecho) y a "
            "colegas de las dependencias compradoras. Registren con quién hablaron, qué aprendieron y los "
            "problemas que escucharon, con sus propias palabras cuando sea posible. Se proporcionan una "
            "plantilla y orientaciones.",
        ),
        "items": ["RDC8-5"],
    },
    "vendor-journey-map": {
        "kind": "vendor_journey_map",
        "title": ("Vendor journey map", "Mapa del recorrido del proveedor"),
        "instructions": (
            "Pick one vendor persona, for example a small local business that has never bid, and walk "
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
    "data-mapping": {
        "kind": "data_systems_map",
        "title": (
            "Procurement data mapping (if time and capacity allow)",
            "Mapeo de datos de contratación (si el tiempo y la capacidad lo permiten)",
        ),
        "instructions": (
            "Optional: complete it if your time and capacity allow. List the systems that hold procurement "
            "data (ERP, e-procurement portal, contract database, spreadsheets) and, for each, its owner, "
            "the data it holds, the procurement stages it covers, its format, where it is published, known "
            "quality issues and how it links to the other systems.",
            "Opcional: complétenlo si su tiempo y su capacidad lo permiten. Enumeren los sistemas que "
            "contienen datos de contratación (ERP, portal de compras electrónicas, base de datos de "
            "contratos, hojas de cálculo) y, para cada uno, su responsable, los datos que guarda, las "
            "etapas de la contratación que cubre, su formato, dónde se publica, los problemas de calidad "
            "conocidos y cómo se vincula con los demás sistemas.",
        ),
        "items": ["RDC7-3", "RDC7-4"],
    },
    "pilot-plan": {
        "kind": "pilot_plan",
        "title": ("Pilot solution plan", "Plan de la solución piloto"),
        "instructions": (
            "Design a pilot solution for one pain point you found in vendor engagement, then implement "
            "it: state the problem and the change, list the tasks with owners and dates, and choose the "
            "indicators that will tell you whether it worked. Vendor surveys, vendor-friendly marketing "
            "materials, a platform usability assessment or a process improvement plan can all be pilots.",
            "Diseñen una solución piloto para un problema que hayan encontrado en la relación con los "
            "proveedores y pónganla en marcha: describan el problema y el cambio, enumeren las tareas con "
            "responsables y fechas, y elijan los indicadores que les dirán si funcionó. Una encuesta a "
            "proveedores, materiales de difusión pensados para proveedores, una evaluación de usabilidad "
            "de la plataforma o un plan de mejora de procesos pueden ser pilotos.",
        ),
        "items": ["RDC8-1", "RDC8-2"],
    },
    # The Spanish sprint's outputs (PROGRAMS.md §2).
    "process-systems-map": {
        "kind": "data_systems_map",
        "title": ("Process and systems mapping", "Mapeo de procesos y sistemas"),
        "instructions": (
            "Depending on your capacity: map the steps of your procurement process and the systems that "
            "hold its data (who owns each, what it holds, which stages it covers, its format and where it "
            "is published), as material for releasing contracting data.",
            "Según su capacidad: mapeen los pasos de su proceso de compras y los sistemas que guardan sus "
            "datos (quién es responsable de cada uno, qué contiene, qué etapas cubre, su formato y dónde "
            "se publica), como material para publicar datos de contratación.",
        ),
        "items": ["RDC7-3", "RDC7-4"],
    },
    "supplier-issues-map": {
        "kind": "vendor_journey_map",
        "title": (
            "Mapping for supplier issue identification",
            "Mapeo para la identificación de problemas de los proveedores",
        ),
        "instructions": (
            "Depending on your capacity: follow a supplier through each stage of a purchase and note, "
            "stage by stage, what the supplier does, where it deals with the city, the issues it meets and "
            "what could change.",
            "Según su capacidad: sigan a un proveedor por cada etapa de una compra y anoten, etapa por "
            "etapa, qué hace el proveedor, dónde interactúa con el municipio, los problemas que encuentra "
            "y qué podría cambiar.",
        ),
        "items": ["RDC8-5"],
    },
    "pain-point-plan": {
        "kind": "pilot_plan",
        "title": ("Plan for a pain point", "Plan para un problema concreto"),
        "instructions": (
            "Choose one specific pain point in your data system or in supplier advocacy and plan what you "
            "will do about it: the problem, the change, the tasks with owners and dates, and the "
            "performance indicators you will follow.",
            "Elijan un problema concreto de su sistema de datos o de la atención a proveedores y planifiquen "
            "qué harán al respecto: el problema, el cambio, las tareas con responsables y fechas, y los "
            "indicadores de desempeño que seguirán.",
        ),
        "items": ["RDC7-2", "RDC8-1"],
    },
    # The track: the Open Contracting process templates (PROGRAMS.md §4), in the order of its
    # phases — diagnostic, then design, then the OCDS technical assessment of implementation.
    "workspace": {
        "kind": "document",
        "title": ("Team workspace", "Espacio de trabajo del equipo"),
        "instructions": (
            "Set up your team's workspace: your short- and long-term goals, a timeline, meeting agendas "
            "and notes, and links to your deliverables.",
            "Preparen el espacio de trabajo del equipo: sus metas a corto y largo plazo, un cronograma, las "
            "agendas y notas de las reuniones, y enlaces a sus entregables.",
        ),
        "items": [],
    },
    "environment-questionnaire": {
        "kind": "environment_questionnaire",
        "title": ("Environment questionnaire", "Cuestionario sobre el entorno"),
        "instructions": (
            "Answer the process's four topics: your goals, the political support you have and your pain "
            "points; the issue you focus on; how your procurement data is governed; and how performance "
            "is managed. Rate political support, data governance and performance management honestly: "
            "the ratings are a starting point, not a grade.",
            "Respondan los cuatro temas del proceso: sus metas, el apoyo político con que cuentan y sus "
            "problemas; el tema en el que se centran; cómo se gobiernan sus datos de contratación; y cómo "
            "se gestiona el desempeño. Califiquen con franqueza el apoyo político, la gobernanza de datos "
            "y la gestión del desempeño: las calificaciones son un punto de partida, no una nota.",
        ),
        "items": [],
    },
    "key-informant-interviews": {
        "kind": "key_informant_guide",
        "title": ("Key-informant interview guide", "Guía de entrevistas a informantes clave"),
        "instructions": (
            "Write your questions for each type of interviewee, plan at most about ten key informants and "
            "any focus groups (at most about eight people each), and name the interviewer and the "
            "notetaker.",
            "Redacten sus preguntas para cada tipo de persona entrevistada, planifiquen como máximo unos "
            "diez informantes clave y los grupos focales que hagan falta (de como máximo unas ocho "
            "personas cada uno), e indiquen quién entrevista y quién toma notas.",
        ),
        "items": ["RDC8-5"],
    },
    "outreach-tracker": {
        "kind": "outreach_tracker",
        "title": ("Interview outreach tracker", "Registro de contactos para entrevistas"),
        "instructions": (
            "Keep track of everyone you contact for an interview: role, organisation, where each stands "
            "(to contact, contacted, scheduled, interviewed, declined) and the date. It starts from the "
            "informants planned in your guide.",
            "Lleven el registro de cada persona que contactan para una entrevista: cargo, organización, en "
            "qué punto está (por contactar, contactada, agendada, entrevistada, declinó) y la fecha. "
            "Empieza con los informantes previstos en su guía.",
        ),
        "items": [],
    },
    "interview-notes": {
        "kind": "interview_notes",
        "title": ("Interview notes and coding", "Notas de entrevistas y codificación"),
        "instructions": (
            "For each interview, pick the person from your outreach tracker and summarise it; then record "
            "each observation and give it one or more short codes. The codes are what your baseline "
            "observations will group into challenge areas.",
            "Para cada entrevista, elijan a la persona en su registro de contactos y resúmanla; luego "
            "anoten cada observación y asígnenle uno o más códigos breves. Sus observaciones de línea base "
            "agruparán esos códigos en áreas de desafío.",
        ),
        "items": ["RDC8-5"],
    },
    "baseline-observations": {
        "kind": "baseline_observations",
        "title": ("Baseline observations", "Observaciones de línea base"),
        "instructions": (
            "Record how staff rate the main issues, then synthesise four to six challenge areas from your "
            "coded observations: for each, the codes it brings together.",
            "Registren cómo califica el personal los temas principales y luego sinteticen de cuatro a seis "
            "áreas de desafío a partir de sus observaciones codificadas: para cada una, los códigos que "
            "reúne.",
        ),
        "items": [],
    },
    "data-systems-map": {
        "kind": "data_systems_map",
        "title": ("Data systems map", "Mapa de sistemas de datos"),
        "instructions": (
            "List your procurement systems, the data each holds, how they link, their quality issues and "
            "which OCDS stages and fields they cover.",
            "Enumeren sus sistemas de compras, los datos de cada uno, cómo se vinculan, sus problemas de "
            "calidad y qué etapas y campos OCDS cubren.",
        ),
        "items": ["RDC7-3", "RDC7-4"],
    },
    "baseline-summary": {
        "kind": "baseline_summary",
        "title": ("Baseline summary report", "Informe resumen de línea base"),
        "instructions": (
            "Summarise where you start. The challenge areas come from your baseline observations and the "
            "coverage by procurement stage from your data systems map; add what the baseline shows for "
            "each area, your baseline indicators with the data source of each figure, and next steps.",
            "Resuman el punto de partida. Las áreas de desafío vienen de sus observaciones de línea base y "
            "la cobertura por etapa de su mapa de sistemas de datos; agreguen lo que muestra la línea base "
            "en cada área, sus indicadores de línea base con la fuente de cada cifra, y los próximos pasos.",
        ),
        "items": ["RDC8-4", "RDC7-5"],
    },
    "data-user-guide": {
        "kind": "data_user_guide",
        "title": ("Data-user interview guide", "Guía de entrevistas a usuarios de datos"),
        "instructions": (
            "Plan interviews with the people who use, or could use, your contracting data: journalists, "
            "businesses, academics and your own analysts. For each type of user write who they are, the "
            "questions you will ask, the data they need and in what form.",
            "Planifiquen entrevistas con las personas que usan, o podrían usar, sus datos de contratación: "
            "periodistas, empresas, academia y sus propios analistas. Para cada tipo de usuario anoten "
            "quiénes son, las preguntas que harán, los datos que necesitan y en qué formato.",
        ),
        "items": ["RDC7-5"],
    },
    "design-research": {
        "kind": "design_research_framework",
        "title": ("Design research framework", "Marco de investigación de diseño"),
        "instructions": (
            "Frame your design research: the research questions, the methods you will use, the "
            "participants and how you will recruit them, the hypotheses and assumptions to test, and a "
            "timeline that ends with the synthesis workshop.",
            "Definan su investigación de diseño: las preguntas de investigación, los métodos que usarán, "
            "los participantes y cómo los convocarán, las hipótesis y supuestos que pondrán a prueba, y "
            "un cronograma que termine con el taller de síntesis.",
        ),
        "items": [],
    },
    "opportunities-report": {
        "kind": "opportunities_report",
        "title": ("Actionable opportunities report", "Informe de oportunidades de acción"),
        "instructions": (
            "Start from the challenge areas of your baseline observations. For each, list the "
            "opportunities you found with their horizon (short, medium or long term), the impact and "
            "feasibility the core team gave them in the synthesis workshop, and the OCDS fields each "
            "needs. The report shows them on the impact and feasibility grid; once reviewed it is "
            "published as a PDF.",
            "Partan de las áreas de desafío de sus observaciones de línea base. Para cada una, enumeren las "
            "oportunidades encontradas con su horizonte (corto, mediano o largo plazo), el impacto y la "
            "viabilidad que les dio el equipo central en el taller de síntesis, y los campos OCDS que "
            "requiere cada una. El informe las muestra en la matriz de impacto y viabilidad; una vez "
            "revisado, se publica en PDF.",
        ),
        "items": [],
    },
    "action-plan": {
        "kind": "action_plan",
        "title": ("Action plan", "Plan de acción"),
        "instructions": (
            "Write an executive summary; list the tasks, each with its owner (the city or the "
            "practitioners, and a named person), dates, the tasks it depends on and the opportunity it "
            "acts on; add a data wishlist; and write the public summary and choose the tasks the public "
            "version shows.",
            "Escriban un resumen ejecutivo; enumeren las tareas, cada una con su responsable (la ciudad o "
            "el equipo de especialistas, y una persona con nombre), fechas, las tareas de las que depende "
            "y la oportunidad sobre la que actúa; agreguen una lista de datos deseados; y redacten el "
            "resumen público y elijan las tareas que muestra la versión pública.",
        ),
        "items": ["RDC7-2", "RDC8-6"],
    },
    "beacon-project-plan": {
        "kind": "pilot_plan",
        "title": ("Beacon project plan", "Plan del proyecto emblemático"),
        "instructions": (
            "The city's beacon project, in the focus your executive sponsors chose: the problem, the "
            "change, the tasks with owners and dates, and the indicators that will show residents' "
            "outcomes improving.",
            "El proyecto emblemático de la ciudad, en el enfoque que eligieron sus patrocinadores "
            "ejecutivos: el problema, el cambio, las tareas con responsables y fechas, y los indicadores "
            "que mostrarán la mejora en los resultados para la ciudadanía.",
        ),
        "items": ["RDC8-1"],
    },
    "ocds-assessment": {
        "kind": "ocds_assessment",
        "title": ("OCDS technical assessment", "Evaluación técnica OCDS"),
        "instructions": (
            "Assess your data against the Open Contracting Data Standard in three stages: first the core "
            "team, then your IT and procurement staff, then the help desk that will answer data users. "
            "For each question record the finding, its status and the date.",
            "Evalúen sus datos frente al Estándar de Datos de Contrataciones Abiertas en tres etapas: "
            "primero el equipo central, luego su personal de tecnología y de compras, y por último la mesa "
            "de ayuda que atenderá a quienes usan los datos. Para cada pregunta registren el hallazgo, su "
            "estado y la fecha.",
        ),
        "items": ["RDC7-1", "RDC7-4"],
    },
    "ocds-work-plan": {
        "kind": "ocds_work_plan",
        "title": ("OCDS work plan", "Plan de trabajo OCDS"),
        "instructions": (
            "Plan the steps to publish your data as OCDS: each step with its owner, due date, status, the "
            "OCDS sections and fields it concerns and the assessment findings it answers.",
            "Planifiquen los pasos para publicar sus datos en OCDS: cada paso con su responsable, fecha "
            "límite, estado, las secciones y campos OCDS que abarca y los hallazgos de la evaluación a los "
            "que responde.",
        ),
        "items": ["RDC7-1"],
    },
}

# --- The chain team's Design and Implementation deliverables (seed_design_deliverables) -------
# Bayview (the previous track run's team, "design_deliverables": True) fills the Design phase's
# data-user guide, design research framework, opportunities report and action plan and the
# Implementation phase's OCDS assessment and work plan. Every text is an (English, Spanish) pair:
# the team's cohort language is seeded, the other is the translation a published page can carry.
# Challenge areas: the opportunities report takes them from the team's baseline observations when
# those are seeded (matched by position), else it carries these four. Task and step dates are
# (first week, last week) counted from the cohort's start.
CHAIN_CHALLENGE_AREAS = [
    {
        "id": "approvals",
        "title": ("Slow, sequential approvals", "Aprobaciones lentas y en serie"),
        "description": (
            "A requisition waits for budget, legal and risk sign-offs one after the other: 41 of the "
            "median 148 days from request to award are spent in approval queues.",
            "Una requisición espera las firmas de presupuesto, jurídico y riesgos una tras otra: 41 de los "
            "148 días medianos entre la solicitud y la adjudicación se van en colas de aprobación.",
        ),
    },
    {
        "id": "specifications",
        "title": ("Unclear scopes and specifications", "Alcances y especificaciones poco claros"),
        "description": (
            "Departments send incomplete scopes; buyers rewrite them and a third of solicitations need "
            "an addendum after they are posted.",
            "Las dependencias envían alcances incompletos; los compradores los reescriben y un tercio de "
            "las convocatorias necesita una adenda después de publicarse.",
        ),
    },
    {
        "id": "reach",
        "title": ("Narrow vendor reach", "Alcance limitado a proveedores"),
        "description": (
            "Half of the solicitations get two bids or fewer, mostly from incumbents; small local firms "
            "say they never see the notices.",
            "La mitad de las convocatorias recibe dos ofertas o menos, casi siempre de proveedores "
            "habituales; las pequeñas empresas locales dicen que nunca ven los avisos.",
        ),
    },
    {
        "id": "data",
        "title": ("Scattered, unpublished data", "Datos dispersos y sin publicar"),
        "description": (
            "Solicitations live in the e-procurement portal, contracts and payments in the ERP; nobody "
            "can measure cycle time, and awards are not published openly.",
            "Las convocatorias están en el portal de compras y los contratos y pagos en el ERP; nadie "
            "puede medir el tiempo del ciclo y las adjudicaciones no se publican en abierto.",
        ),
    },
]

CHAIN_DESIGN = {
    "data-user-guide": {
        "purpose": (
            "Learn who would use Bayview's contracting data once it is published, what they would "
            "do with it and in what form, so the OCDS publication answers real questions.",
            "Conocer quiénes usarían los datos de contratación de Bayview una vez publicados, qué "
            "harían con ellos y en qué formato, para que la publicación OCDS responda preguntas reales.",
        ),
        "users": [
            {
                "id": "journalists",
                "user_type": "journalists",
                "who": ("City hall reporter, Bayview Gazette", "Periodista de la alcaldía, Bayview Gazette"),
                "questions": [
                    (
                        "Which contracts have you written about this year, and where did the data come from?",
                        "¿Sobre qué contratos ha escrito este año y de dónde salieron los datos?",
                    ),
                    (
                        "What would you check first in a list of awards?",
                        "¿Qué revisaría primero en una lista de adjudicaciones?",
                    ),
                    (
                        "How quickly do you need new awards after they are signed?",
                        "¿Con qué rapidez necesita las nuevas adjudicaciones después de firmarse?",
                    ),
                ],
                "data_needed": (
                    "Awards with supplier, amount, department and date; amendments to contract value.",
                    "Adjudicaciones con proveedor, monto, dependencia y fecha; modificaciones del valor "
                    "de los contratos.",
                ),
                "formats": ["csv", "dashboard"],
                "notes": (
                    "Files public records requests for award lists today.",
                    "Hoy presenta solicitudes de acceso a la información para obtener las listas.",
                ),
            },
            {
                "id": "businesses",
                "user_type": "businesses",
                "who": (
                    "Owners of small local construction and services firms",
                    "Dueños de pequeñas empresas locales de construcción y servicios",
                ),
                "questions": [
                    (
                        "How do you find out about city solicitations today?",
                        "¿Cómo se entera hoy de las convocatorias de la ciudad?",
                    ),
                    (
                        "Would past awards and prices help you decide whether to bid?",
                        "¿Le ayudarían las adjudicaciones y precios anteriores a decidir si ofertar?",
                    ),
                ],
                "data_needed": (
                    "Upcoming solicitations by category, past winners and prices, contract end dates.",
                    "Convocatorias próximas por categoría, ganadores y precios anteriores, fechas de fin "
                    "de los contratos.",
                ),
                "formats": ["spreadsheet", "dashboard"],
                "notes": ("", ""),
            },
            {
                "id": "academics",
                "user_type": "academics",
                "who": (
                    "Public policy researchers, Bayview State University",
                    "Investigadores de políticas públicas, Universidad Estatal de Bayview",
                ),
                "questions": [
                    (
                        "Which analyses of competition would you run with five years of data?",
                        "¿Qué análisis de competencia haría con cinco años de datos?",
                    ),
                ],
                "data_needed": (
                    "Full tender-to-contract records with stable identifiers.",
                    "Registros completos de la convocatoria al contrato con identificadores estables.",
                ),
                "formats": ["ocds_json", "api"],
                "notes": ("", ""),
            },
            {
                "id": "analysts",
                "user_type": "internal_analysts",
                "who": ("Office of Performance analysts", "Analistas de la Oficina de Desempeño"),
                "questions": [
                    (
                        "Which procurement measures does the Mayor's dashboard lack?",
                        "¿Qué medidas de compras le faltan al tablero del alcalde?",
                    ),
                    (
                        "How do you compute cycle time today, and from which systems?",
                        "¿Cómo calculan hoy el tiempo del ciclo y con qué sistemas?",
                    ),
                ],
                "data_needed": (
                    "Request, posting, award and signature dates for every purchase.",
                    "Fechas de solicitud, publicación, adjudicación y firma de cada compra.",
                ),
                "formats": ["api", "dashboard"],
                "notes": ("", ""),
            },
        ],
    },
    "design-research": {
        "objective": (
            "Understand where purchases wait between a department's request and the award, and which "
            "changes departments, buyers and vendors would adopt.",
            "Entender dónde esperan las compras entre la solicitud de una dependencia y la adjudicación, "
            "y qué cambios adoptarían las dependencias, los compradores y los proveedores.",
        ),
        "questions": [
            {
                "id": "rq1",
                "question": (
                    "Where do requisitions wait longest, and why?",
                    "¿Dónde esperan más las requisiciones y por qué?",
                ),
            },
            {
                "id": "rq2",
                "question": (
                    "What makes a scope complete enough to post without an addendum?",
                    "¿Qué hace que un alcance esté lo bastante completo para publicarse sin adenda?",
                ),
            },
            {
                "id": "rq3",
                "question": (
                    "What keeps small local firms from bidding?",
                    "¿Qué impide que las pequeñas empresas locales oferten?",
                ),
            },
        ],
        "methods": [
            {
                "method": "interviews",
                "description": (
                    "One-hour interviews, one interviewer and one notetaker.",
                    "Entrevistas de una hora, con una persona que entrevista y otra que toma notas.",
                ),
                "participants": (
                    "Buyers, department requesters, vendors",
                    "Compradores, solicitantes, proveedores",
                ),
            },
            {
                "method": "data_analysis",
                "description": (
                    "Timestamps of 200 purchases from the portal and the ERP.",
                    "Fechas de 200 compras del portal y del ERP.",
                ),
                "participants": ("Office of Performance", "Oficina de Desempeño"),
            },
            {
                "method": "workshop",
                "description": (
                    "Synthesis workshop: rate opportunities by impact and feasibility.",
                    "Taller de síntesis: calificar las oportunidades por impacto y viabilidad.",
                ),
                "participants": (
                    "Core team and executive sponsors",
                    "Equipo central y patrocinadores ejecutivos",
                ),
            },
        ],
        "participants": [
            {
                "group": ("Department requesters", "Solicitantes de las dependencias"),
                "number": 8,
                "recruitment": (
                    "Through the department directors' meeting.",
                    "A través de la reunión de directores.",
                ),
            },
            {
                "group": (
                    "Vendors, including two who stopped bidding",
                    "Proveedores, incluidos dos que dejaron de ofertar",
                ),
                "number": 6,
                "recruitment": (
                    "From the vendor list and the chamber of commerce.",
                    "De la lista de proveedores y la cámara de comercio.",
                ),
            },
        ],
        "hypotheses": [
            {
                "assumption": (
                    "Legal review is the longest wait.",
                    "La revisión jurídica es la espera más larga.",
                ),
                "how_to_test": (
                    "Compare the time in each approval queue.",
                    "Comparar el tiempo en cada cola de aprobación.",
                ),
                "status": "refuted",
            },
            {
                "assumption": (
                    "Vendors would bid more if they got alerts by category.",
                    "Los proveedores ofertarían más si recibieran alertas por categoría.",
                ),
                "how_to_test": (
                    "Ask in vendor interviews; pilot alerts for one category.",
                    "Preguntarlo en las entrevistas; probar alertas en una categoría.",
                ),
                "status": "confirmed",
            },
        ],
        "timeline": [
            {"activity": ("Interviews", "Entrevistas"), "weeks": (12, 14)},
            {"activity": ("Timestamp analysis", "Análisis de fechas"), "weeks": (12, 15)},
            {"activity": ("Synthesis workshop", "Taller de síntesis"), "weeks": (15, 15)},
        ],
    },
    "opportunities-report": {
        "summary": (
            "Our interviews and the timestamps of 200 purchases point to four challenge areas. In the "
            "synthesis workshop the core team and the executive sponsors rated eight opportunities; "
            "parallel reviews and scope templates are the quick wins.",
            "Las entrevistas y las fechas de 200 compras señalan cuatro áreas de desafío. En el taller de "
            "síntesis, el equipo central y los patrocinadores ejecutivos calificaron ocho oportunidades; "
            "las revisiones en paralelo y las plantillas de alcance son las victorias rápidas.",
        ),
        "opportunities": [
            {
                "id": "parallel",
                "area": 0,
                "title": ("Parallel budget and legal review", "Revisión presupuestal y jurídica en paralelo"),
                "description": (
                    "Send requisitions to budget and legal at the same time.",
                    "Enviar las requisiciones a presupuesto y a jurídico al mismo tiempo.",
                ),
                "horizon": "short",
                "impact": 5,
                "feasibility": 4,
                "ocds_fields": ["tender/tenderPeriod", "tender/status"],
            },
            {
                "id": "delegation",
                "area": 0,
                "title": (
                    "Delegated sign-off under $100,000",
                    "Firma delegada por debajo de 100.000 dólares",
                ),
                "description": ("", ""),
                "horizon": "medium",
                "impact": 4,
                "feasibility": 3,
                "ocds_fields": ["tender/value", "tender/procurementMethod"],
            },
            {
                "id": "templates",
                "area": 1,
                "title": (
                    "Scope templates for common services",
                    "Plantillas de alcance para servicios frecuentes",
                ),
                "description": (
                    "Templates for the ten most bought services.",
                    "Plantillas para los diez servicios que más se compran.",
                ),
                "horizon": "short",
                "impact": 4,
                "feasibility": 5,
                "ocds_fields": ["tender/items", "tender/description"],
            },
            {
                "id": "prereview",
                "area": 1,
                "title": ("Pre-solicitation review with departments", "Revisión previa con las dependencias"),
                "description": ("", ""),
                "horizon": "medium",
                "impact": 3,
                "feasibility": 4,
                "ocds_fields": ["planning/rationale"],
            },
            {
                "id": "alerts",
                "area": 2,
                "title": ("Solicitation alerts by category", "Alertas de convocatorias por categoría"),
                "description": ("", ""),
                "horizon": "short",
                "impact": 3,
                "feasibility": 5,
                "ocds_fields": ["tender/title", "tender/items/classification", "tender/tenderPeriod"],
            },
            {
                "id": "smallbiz",
                "area": 2,
                "title": ("Small business outreach program", "Programa de acercamiento a pequeñas empresas"),
                "description": ("", ""),
                "horizon": "long",
                "impact": 4,
                "feasibility": 2,
                "ocds_fields": ["parties/details/scale"],
            },
            {
                "id": "dashboard",
                "area": 3,
                "title": ("Cycle-time dashboard", "Tablero del tiempo del ciclo"),
                "description": (
                    "Request, posting, award and signature dates in one view for the Mayor's office.",
                    "Fechas de solicitud, publicación, adjudicación y firma en una sola vista para la "
                    "alcaldía.",
                ),
                "horizon": "medium",
                "impact": 5,
                "feasibility": 3,
                "ocds_fields": ["tender/tenderPeriod", "awards/date", "contracts/dateSigned"],
            },
            {
                "id": "ocds",
                "area": 3,
                "title": (
                    "Publish tenders and awards as OCDS",
                    "Publicar convocatorias y adjudicaciones en OCDS",
                ),
                "description": ("", ""),
                "horizon": "long",
                "impact": 5,
                "feasibility": 2,
                "ocds_fields": ["ocid", "tender/title", "awards/value", "awards/suppliers"],
            },
        ],
    },
    "action-plan": {
        "executive_summary": (
            "Bayview will cut the median time from request to award from 148 to 100 days within a "
            "year. We start with the quick wins of the synthesis workshop (parallel reviews and scope "
            "templates), measure cycle time from the portal and the ERP, and prepare the OCDS "
            "publication of tenders and awards.",
            "Bayview reducirá la mediana del tiempo entre la solicitud y la adjudicación de 148 a 100 "
            "días en un año. Empezamos por las victorias rápidas del taller de síntesis (revisiones en "
            "paralelo y plantillas de alcance), medimos el tiempo del ciclo con el portal y el ERP, y "
            "preparamos la publicación OCDS de convocatorias y adjudicaciones.",
        ),
        "public_summary": (
            "City purchases take about five months from request to award. Over the next year we will "
            "make approvals run in parallel, give departments clear templates, alert local businesses "
            "to new solicitations and publish our contracting data openly.",
            "Las compras de la ciudad tardan unos cinco meses entre la solicitud y la adjudicación. En el "
            "próximo año haremos que las aprobaciones avancen en paralelo, daremos plantillas claras a las "
            "dependencias, avisaremos a las empresas locales de las nuevas convocatorias y publicaremos "
            "nuestros datos de contratación en abierto.",
        ),
        "tasks": [
            {
                "id": "mapapprovals",
                "title": (
                    "Map the approval steps and their owners",
                    "Mapear los pasos de aprobación y sus responsables",
                ),
                "owner_side": "city",
                "owner": "Omar Haddad",
                "weeks": (19, 20),
                "depends_on": [],
                "opportunity": "parallel",
                "public": False,
            },
            {
                "id": "pilot",
                "title": (
                    "Pilot parallel budget and legal review",
                    "Piloto de revisión presupuestal y jurídica en paralelo",
                ),
                "owner_side": "city",
                "owner": "Maya Chen",
                "weeks": (21, 28),
                "depends_on": ["mapapprovals"],
                "opportunity": "parallel",
                "public": True,
            },
            {
                "id": "coachreview",
                "title": (
                    "Coach review of the pilot's first month",
                    "Revisión del primer mes del piloto con la coach",
                ),
                "owner_side": "practitioners",
                "owner": "Morgan Reyes",
                "weeks": (25, 25),
                "depends_on": ["pilot"],
                "opportunity": "parallel",
                "public": False,
            },
            {
                "id": "templates",
                "title": (
                    "Write scope templates for ten common services",
                    "Redactar plantillas de alcance para diez servicios frecuentes",
                ),
                "owner_side": "city",
                "owner": "Omar Haddad",
                "weeks": (20, 24),
                "depends_on": [],
                "opportunity": "templates",
                "public": True,
            },
            {
                "id": "alerts",
                "title": (
                    "Launch solicitation alerts by category",
                    "Lanzar alertas de convocatorias por categoría",
                ),
                "owner_side": "city",
                "owner": "Maya Chen",
                "weeks": (22, 26),
                "depends_on": [],
                "opportunity": "alerts",
                "public": True,
            },
            {
                "id": "dashboard",
                "title": ("Build the cycle-time dashboard", "Construir el tablero del tiempo del ciclo"),
                "owner_side": "city",
                "owner": "Grace Holm",
                "weeks": (21, 30),
                "depends_on": ["mapapprovals"],
                "opportunity": "dashboard",
                "public": False,
            },
            {
                "id": "ocdsmapping",
                "title": (
                    "Map portal and ERP fields to OCDS",
                    "Mapear los campos del portal y del ERP a OCDS",
                ),
                "owner_side": "practitioners",
                "owner": "Morgan Reyes",
                "weeks": (24, 30),
                "depends_on": [],
                "opportunity": "ocds",
                "public": True,
            },
        ],
        "wishlist": [
            {
                "dataset": ("Requisition timestamps", "Fechas de las requisiciones"),
                "why": (
                    "To measure the time before a solicitation is posted.",
                    "Para medir el tiempo antes de publicar una convocatoria.",
                ),
                "ocds_fields": ["planning/milestones", "tender/tenderPeriod"],
                "owner": ("Department of Finance — ERP team", "Departamento de Finanzas — equipo del ERP"),
            },
            {
                "dataset": (
                    "Award notices with supplier identifiers",
                    "Avisos de adjudicación con identificadores de proveedores",
                ),
                "why": (
                    "To publish awards and count first-time winners.",
                    "Para publicar adjudicaciones y contar ganadores nuevos.",
                ),
                "ocds_fields": ["awards/suppliers", "parties/identifier"],
                "owner": ("Procurement", "Compras"),
            },
        ],
    },
    "ocds-assessment": {
        "scope": (
            "Tenders and awards from the e-procurement portal and contracts from the ERP, from 2022 on.",
            "Convocatorias y adjudicaciones del portal de compras y contratos del ERP, desde 2022.",
        ),
        "findings": [
            {
                "id": "fields",
                "stage": "core_team",
                "question": ("Which OCDS fields do we already hold?", "¿Qué campos OCDS ya tenemos?"),
                "finding": (
                    "Tender title, value, period and status; award supplier and value; contract "
                    "signature date.",
                    "Título, valor, plazo y estado de la convocatoria; proveedor y valor de la "
                    "adjudicación; fecha de firma del contrato.",
                ),
                "status": "done",
                "weeks": 22,
            },
            {
                "id": "identifiers",
                "stage": "core_team",
                "question": (
                    "Can a contract be linked to its tender?",
                    "¿Se puede vincular un contrato con su convocatoria?",
                ),
                "finding": (
                    "Only by hand: the ERP does not store the solicitation number.",
                    "Solo a mano: el ERP no guarda el número de la convocatoria.",
                ),
                "status": "done",
                "weeks": 22,
            },
            {
                "id": "export",
                "stage": "it_procurement",
                "question": (
                    "Can the portal export tenders and awards every week?",
                    "¿Puede el portal exportar convocatorias y adjudicaciones cada semana?",
                ),
                "finding": (
                    "Yes, as CSV through its reporting module; IT can schedule it.",
                    "Sí, en CSV con su módulo de reportes; TI puede programarlo.",
                ),
                "status": "in_progress",
                "weeks": 24,
            },
            {
                "id": "helpdesk",
                "stage": "help_desk",
                "question": (
                    "Who answers data users' questions?",
                    "¿Quién responde las preguntas de quienes usan los datos?",
                ),
                "finding": ("", ""),
                "status": "not_started",
                "weeks": None,
            },
        ],
    },
    "ocds-work-plan": {
        "goal": (
            "Publish tenders and awards as OCDS every week from the portal, with contracts linked from "
            "the ERP by the end of the year.",
            "Publicar cada semana convocatorias y adjudicaciones en OCDS desde el portal, con los contratos "
            "del ERP vinculados antes de fin de año.",
        ),
        "steps": [
            {
                "id": "mapping",
                "task": ("Map portal fields to OCDS", "Mapear los campos del portal a OCDS"),
                "owner": ("Morgan Reyes", "Morgan Reyes"),
                "weeks": 25,
                "status": "in_progress",
                "sections": ["tender", "award"],
                "ocds_fields": ["tender/title", "tender/value", "awards/suppliers"],
                "findings": ["fields"],
            },
            {
                "id": "weeklyexport",
                "task": ("Schedule the weekly export", "Programar la exportación semanal"),
                "owner": ("IT — portal team", "TI — equipo del portal"),
                "weeks": 26,
                "status": "not_started",
                "sections": ["tender", "award"],
                "ocds_fields": [],
                "findings": ["export"],
            },
            {
                "id": "solicitationnumber",
                "task": (
                    "Add the solicitation number to ERP contracts",
                    "Agregar el número de convocatoria a los contratos del ERP",
                ),
                "owner": ("Department of Finance — ERP team", "Departamento de Finanzas — equipo del ERP"),
                "weeks": 30,
                "status": "not_started",
                "sections": ["contract"],
                "ocds_fields": ["contracts/awardID"],
                "findings": ["identifiers"],
            },
            {
                "id": "helpdesk",
                "task": (
                    "Name the data help desk and its inbox",
                    "Designar la mesa de ayuda de datos y su buzón",
                ),
                "owner": ("Maya Chen", "Maya Chen"),
                "weeks": 27,
                "status": "not_started",
                "sections": [],
                "ocds_fields": [],
                "findings": ["helpdesk"],
            },
        ],
    },
}

# --- Programs ---------------------------------------------------------------------------
# Cohorts: `starts_in_weeks` counts from the Monday of the week the demo is seeded; registration
# opens `opens_weeks_before` weeks and closes `deadline_days_before` days before the start (the
# English sprint's real run: deadline Friday 18 Oct 2024, start Monday 28 Oct 2024). `key` names
# the cohort for the teams and announcements below.
#
# `break_weeks` (for seed_breaks): the calendar weeks, counted from 1 at the start week, that are
# breaks. The real English sprint spread 12 program weeks over 17 calendar weeks; the Spanish one
# over 15.
# `schedule_poll` (for seed_schedule_poll): the cohort's day and time are chosen with the
# participants; `slots` are the candidate (weekday, local time) pairs staff propose, `votes` the
# slots each accepted member can attend, and `confirmed` the slot staff confirmed (None while it
# is being agreed: no session is generated until then).

#: What each of a cohort's breaks is for, in order (seed_breaks).
BREAK_REASONS = [
    ("Holiday week", "Semana festiva"),
    ("Winter holidays", "Vacaciones de invierno"),
    ("Pause between phases", "Pausa entre fases"),
]

ENGLISH_SPRINT = {
    "slug": "opening-up-opportunity-city-contracting",
    "name": (
        "Opening Up Opportunity in City Contracting: Improving Your Vendor Participation Through "
        "Outreach and Data Sprint",
        "Abrir oportunidades en la contratación municipal: mejore la participación de sus proveedores "
        "mediante la difusión y los datos (sprint)",
    ),
    "kind": "sprint",
    "duration_weeks": 12,
    "default_weekday": 1,  # Tuesday; the Spanish cohort meets on Wednesdays
    "ta_cadence_days": 7,  # weekly one-on-one technical assistance
    # "Ideally 3 people" is a recommendation, not a limit: no hard range.
    "team_size_min": None,
    "team_size_max": None,
    "team_size_recommended": 3,
    "mou_required": False,
    "summary": (
        "A 12-week sprint to open up procurement and expand vendor participation: learn open "
        "contracting strategies, from making procurement data useful for vendors and city staff to "
        "engaging the vendor community, find actionable pain points in the vendor experience, and "
        "design and implement a pilot solution.",
        "Un sprint de 12 semanas para abrir la contratación y ampliar la participación de proveedores: "
        "aprenda estrategias de contratación abierta, desde hacer que los datos de contratación sean "
        "útiles para los proveedores y el personal municipal hasta relacionarse con la comunidad de "
        "proveedores, identifique problemas concretos en la experiencia de los proveedores, y diseñe y "
        "ponga en marcha una solución piloto.",
    ),
    "audience": (
        "Cross-departmental city teams: procurement staff, open data program managers, buyer agencies, "
        "community engagement staff or other relevant departments. All seniority levels are welcome, "
        "and the sprint is open to cities at every maturity level. Teams of ideally three people.",
        "Equipos municipales de varias áreas: personal de compras, responsables de programas de datos "
        "abiertos, dependencias compradoras, personal de participación comunitaria u otros "
        "departamentos pertinentes. Son bienvenidas todas las jerarquías, y el sprint está abierto a "
        "ciudades de cualquier nivel de madurez. Equipos de idealmente tres personas.",
    ),
    "activities": [
        ("Two virtual workshops", "Dos talleres virtuales"),
        ("Two cohort calls with peer cities", "Dos llamadas de cohorte con ciudades pares"),
        (
            "Weekly one-on-one technical assistance in between",
            "Asistencia técnica individual semanal entre una y otra",
        ),
        (
            "Two parallel language cohorts: English on Tuesdays, Spanish on Wednesdays; every session has "
            "an English and a Spanish version",
            "Dos cohortes paralelas por idioma: inglés los martes y español los miércoles; cada sesión "
            "tiene una versión en inglés y otra en español",
        ),
    ],
    "outcomes": [
        (
            "Tangible progress on RDC7 (Open and Shared Procurement Data) and RDC8 (Supporting Vendor "
            "Participation and Competition)",
            "Avances concretos en RDC7 (Datos de contratación abiertos y compartidos) y RDC8 (Apoyo a la "
            "participación de proveedores y a la competencia)",
        ),
        ("Completed stakeholder interviews", "Entrevistas a actores clave completadas"),
        ("A vendor journey map", "Un mapa del recorrido del proveedor"),
        (
            "A procurement data mapping exercise, if time and capacity allow",
            "Un ejercicio de mapeo de datos de contratación, si el tiempo y la capacidad lo permiten",
        ),
        (
            "A pilot solution designed and implemented for a pain point found in vendor engagement",
            "Una solución piloto diseñada y puesta en marcha para un problema detectado en la relación "
            "con los proveedores",
        ),
        (
            "Possibly also vendor surveys, vendor-friendly marketing materials, platform usability "
            "assessments, process improvement plans or procurement data maps",
            "Posiblemente también encuestas a proveedores, materiales de difusión pensados para "
            "proveedores, evaluaciones de usabilidad de la plataforma, planes de mejora de procesos o "
            "mapas de datos de contratación",
        ),
        ("Templates and guidance are provided", "Se proporcionan plantillas y orientaciones"),
    ],
    "best_results": ("", ""),  # the description gives no such advice
    "fit_criteria": [
        (
            "A specific challenge in procurement data and vendor engagement",
            "Un desafío concreto en datos de contratación y relación con los proveedores",
        ),
        (
            "A cross-departmental team, ideally of three people, of any seniority",
            "Un equipo de varias áreas, idealmente de tres personas, de cualquier jerarquía",
        ),
        (
            "Cities at every maturity level are welcome",
            "Son bienvenidas ciudades de cualquier nivel de madurez",
        ),
        (
            "An electronic procurement system helps but is not required",
            "Un sistema de compras electrónicas ayuda, pero no es obligatorio",
        ),
    ],
    # The description names the departments a team comes from, not seats with hours: one hour a
    # week stands for the weekly session or TA slot it describes.
    "roles": [
        {
            "name": ("Procurement staff", "Personal de compras"),
            "description": (
                "Procurement or purchasing staff, including buyers in buyer agencies, of any seniority.",
                "Personal de compras o adquisiciones, incluidas las personas compradoras de las "
                "dependencias, de cualquier jerarquía.",
            ),
            "hours": 1,
            "period": "week",
            "min_count": 1,
            "max_count": 4,
            "required": True,
        },
        {
            "name": ("Open data program manager", "Responsable del programa de datos abiertos"),
            "description": (
                "Manages the city's open data program or its procurement data.",
                "Gestiona el programa de datos abiertos de la ciudad o sus datos de contratación.",
            ),
            "hours": 1,
            "period": "week",
            "min_count": 0,
            "max_count": 2,
            "required": False,
        },
        {
            "name": (
                "Community engagement or other department",
                "Participación comunitaria u otro departamento",
            ),
            "description": (
                "Community engagement staff, or a colleague from another relevant department.",
                "Personal de participación comunitaria, o una persona de otro departamento pertinente.",
            ),
            "hours": 1,
            "period": "week",
            "min_count": 0,
            "max_count": 2,
            "required": False,
        },
    ],
    "focus_areas": [
        {
            "key": "data",
            "name": (
                "Open and shared procurement data (RDC7)",
                "Datos de contratación abiertos y compartidos (RDC7)",
            ),
            "description": (
                "Open up procurement data so that vendors and city staff can use it.",
                "Abrir los datos de contratación para que los proveedores y el personal municipal puedan "
                "usarlos.",
            ),
        },
        {
            "key": "vendors",
            "name": (
                "Vendor participation and competition (RDC8)",
                "Participación de proveedores y competencia (RDC8)",
            ),
            "description": (
                "Engage the vendor community and remove the pain points that keep vendors from bidding.",
                "Relacionarse con la comunidad de proveedores y eliminar los problemas que les impiden "
                "ofertar.",
            ),
        },
    ],
    # Exactly two virtual workshops and two cohort calls; weekly one-on-one TA in the other weeks.
    "sessions": [
        {
            "week": 1,
            "kind": "workshop",
            "minutes": 90,
            "title": (
                "Workshop 1: open contracting and the vendor experience",
                "Taller 1: la contratación abierta y la experiencia de los proveedores",
            ),
            "description": (
                "Open contracting strategies, RDC7 and RDC8, and how to plan your stakeholder interviews.",
                "Estrategias de contratación abierta, RDC7 y RDC8, y cómo planificar sus entrevistas a "
                "actores clave.",
            ),
        },
        {
            "week": 4,
            "kind": "cohort_call",
            "minutes": 60,
            "title": (
                "Cohort call 1: what vendors told us",
                "Llamada de cohorte 1: lo que nos dijeron los proveedores",
            ),
            "description": (
                "Each team shares the pain points from its interviews and its first vendor journey map.",
                "Cada equipo comparte los problemas que surgieron en sus entrevistas y su primer mapa del "
                "recorrido del proveedor.",
            ),
        },
        {
            "week": 7,
            "kind": "workshop",
            "minutes": 90,
            "title": (
                "Workshop 2: procurement data and pilot design",
                "Taller 2: datos de contratación y diseño del piloto",
            ),
            "description": (
                "Mapping your procurement data and designing a pilot solution for one pain point.",
                "Cómo mapear sus datos de contratación y diseñar una solución piloto para un problema "
                "concreto.",
            ),
        },
        {
            "week": 12,
            "kind": "cohort_call",
            "minutes": 60,
            "title": (
                "Cohort call 2: pilots and next steps",
                "Llamada de cohorte 2: pilotos y próximos pasos",
            ),
            "description": (
                "Teams present their pilot solutions and the progress they made on RDC7 and RDC8.",
                "Los equipos presentan sus soluciones piloto y los avances logrados en RDC7 y RDC8.",
            ),
        },
    ],
    "templates": [
        ("stakeholder-interviews", 3, False),
        ("vendor-journey-map", 6, False),
        ("data-mapping", 9, True),
        ("pilot-plan", 11, False),
    ],
    "cohorts": [
        # The run under way, in its two parallel language cohorts: same curriculum and start.
        {
            "key": "english-sprint-en",
            "name": ("{month} — English, Tuesdays", "{month} — inglés, martes"),
            "language": "en",
            "weekday": 1,
            "time_zone": "America/New_York",
            "local_time": "11:00",
            "starts_in_weeks": -4,
            "opens_weeks_before": 10,
            "deadline_days_before": 10,
            "capacity": 12,
            "meeting_url": "https://meet.example.org/ruta-vendor-sprint-en",
            "break_weeks": [6, 9, 10, 13, 14],  # the first one next week
        },
        {
            "key": "english-sprint-es",
            "name": ("{month} — Spanish, Wednesdays", "{month} — español, miércoles"),
            "language": "es",
            "weekday": 2,
            "time_zone": "America/New_York",
            "local_time": "11:00",
            "starts_in_weeks": -4,
            "opens_weeks_before": 10,
            "deadline_days_before": 10,
            "capacity": 12,
            "meeting_url": "https://meet.example.org/ruta-vendor-sprint-es",
            "break_weeks": [6, 9, 10, 13, 14],
        },
        # The next run takes applications now, in both languages ("further cohorts may follow").
        {
            "key": "english-sprint-next-en",
            "name": ("{month} — English, Tuesdays", "{month} — inglés, martes"),
            "language": "en",
            "weekday": 1,
            "time_zone": "America/New_York",
            "local_time": "11:00",
            "starts_in_weeks": 15,
            "opens_weeks_before": 16,
            "deadline_days_before": 10,
            "capacity": 12,
            "meeting_url": "https://meet.example.org/ruta-vendor-sprint-next-en",
            "break_weeks": [],
        },
        {
            "key": "english-sprint-next-es",
            "name": ("{month} — Spanish, Wednesdays", "{month} — español, miércoles"),
            "language": "es",
            "weekday": 2,
            "time_zone": "America/New_York",
            "local_time": "11:00",
            "starts_in_weeks": 15,
            "opens_weeks_before": 16,
            "deadline_days_before": 10,
            "capacity": 12,
            "meeting_url": "https://meet.example.org/ruta-vendor-sprint-next-es",
            "break_weeks": [],
        },
    ],
    "application_questions": [],
    "page": {
        "slug_es": "abrir-oportunidades-contratacion-municipal",
        "intro": (
            "<p>Through design workshops, peer learning and one-on-one technical assistance, dive into "
            "your own challenge and context and leave with a pilot that boosts vendor participation.</p>",
            "<p>Con talleres de diseño, aprendizaje entre pares y asistencia técnica individual, "
            "trabajen sobre su propio desafío y contexto y terminen con un piloto que aumente la "
            "participación de proveedores.</p>",
        ),
        "body": [
            ("heading", ("Registration", "Inscripción")),
            (
                "paragraph",
                (
                    "<p>Space is limited: registering does not guarantee a place. Further cohorts may "
                    "follow.</p>",
                    "<p>Los cupos son limitados: inscribirse no garantiza un lugar. Es posible que haya "
                    "más cohortes.</p>",
                ),
            ),
        ],
    },
}

SPANISH_SPRINT = {
    "slug": "seizing-opportunities-public-procurement",
    "name": (
        "Seizing Opportunities in Public Procurement: Using Data to Improve Spending and Increase "
        "Supplier Engagement",
        "Aprovechar las oportunidades en las compras públicas: usar los datos para mejorar el gasto y "
        "aumentar la participación de proveedores",
    ),
    "kind": "sprint",
    "duration_weeks": 12,
    "default_weekday": 2,  # a placeholder: the day and time are chosen with the participants
    "ta_cadence_days": 14,  # individual support every two weeks
    "team_size_min": None,  # "ideally three": a recommendation, as in the English sprint
    "team_size_max": None,
    "team_size_recommended": 3,
    "mou_required": False,
    "summary": (
        "A 12-week sprint taught in Spanish: use procurement data to improve spending and increase "
        "supplier engagement, with four one-hour masterclass and practical sessions, individual support "
        "every two weeks and a final showtime.",
        "Un sprint de 12 semanas en español: usen los datos de compras para mejorar el gasto y aumentar "
        "la participación de proveedores, con cuatro sesiones magistrales y prácticas de una hora, "
        "acompañamiento individual cada dos semanas y una presentación final.",
    ),
    "audience": (
        "Cross-departmental city teams of ideally three people: procurement and finance, open data or IT "
        "program managers, supplier-advocacy staff and buying agencies. All seniority and maturity levels "
        "are welcome; procurement and data team members are strongly encouraged to take part.",
        "Equipos municipales de varias áreas, idealmente de tres personas: compras y finanzas, "
        "responsables de programas de datos abiertos o de tecnología, personal de atención a proveedores "
        "y dependencias compradoras. Son bienvenidos todos los niveles de jerarquía y de madurez; se "
        "recomienda especialmente la participación de integrantes de los equipos de compras y de datos.",
    ),
    "activities": [
        (
            "Four one-hour masterclass and practical sessions",
            "Cuatro sesiones magistrales y prácticas de una hora",
        ),
        ("A final showtime session", "Una sesión de presentación final"),
        (
            "Individual support (technical assistance) every two weeks",
            "Acompañamiento individual (asistencia técnica) cada dos semanas",
        ),
        (
            "A weekly rhythm, on a day and at a time the participants choose together",
            "Un ritmo semanal, con el día y la hora que eligen en conjunto los participantes",
        ),
    ],
    "outcomes": [
        (
            "Progress on RDC7 (Open and Shared Contracting Data) and RDC8 (Supporting Supplier Engagement "
            "and Competition)",
            "Avances en RDC7 (Datos de contratación abiertos y compartidos) y RDC8 (Apoyo a la "
            "participación de proveedores y a la competencia)",
        ),
        (
            "Depending on capacity, data-release materials such as a process and systems mapping or a "
            "mapping for supplier issue identification",
            "Según la capacidad, materiales para la publicación de datos, como un mapeo de procesos y "
            "sistemas o un mapeo para la identificación de problemas de los proveedores",
        ),
        (
            "Plans for a specific pain point in the data system or in supplier advocacy",
            "Planes para un problema concreto del sistema de datos o de la atención a proveedores",
        ),
        (
            "Possible outcomes: publishing procurement data, performance indicators, user and supplier "
            "research, strategic procurement improvement plans",
            "Resultados posibles: publicación de datos de compras, indicadores de desempeño, "
            "investigación con usuarios y proveedores, planes estratégicos de mejora de las compras",
        ),
        (
            "Past participants raised their What Works Cities certification level",
            "Participantes de ediciones anteriores elevaron su nivel de certificación What Works Cities",
        ),
    ],
    "best_results": ("", ""),
    "fit_criteria": [
        (
            "A cross-departmental team, ideally of three people, that works in Spanish",
            "Un equipo de varias áreas, idealmente de tres personas, que trabaje en español",
        ),
        (
            "Members from the procurement and data teams (strongly encouraged)",
            "Integrantes de los equipos de compras y de datos (muy recomendable)",
        ),
        (
            "Any seniority and any maturity level",
            "Cualquier nivel de jerarquía y de madurez",
        ),
    ],
    # As for the English sprint: departments rather than seats with stated hours.
    "roles": [
        {
            "name": ("Procurement or finance staff", "Personal de compras o finanzas"),
            "description": (
                "From procurement and finance or a buying agency, of any seniority.",
                "De compras y finanzas o de una dependencia compradora, de cualquier jerarquía.",
            ),
            "hours": 1,
            "period": "week",
            "min_count": 1,
            "max_count": 4,
            "required": True,
        },
        {
            "name": ("Open data or IT program manager", "Responsable de datos abiertos o de tecnología"),
            "description": (
                "Manages an open data or IT program; data team members are strongly encouraged to join.",
                "Gestiona un programa de datos abiertos o de tecnología; se recomienda especialmente la "
                "participación del equipo de datos.",
            ),
            "hours": 1,
            "period": "week",
            "min_count": 0,
            "max_count": 2,
            "required": False,
        },
        {
            "name": ("Supplier-advocacy staff", "Personal de atención a proveedores"),
            "description": (
                "Works with suppliers: outreach, support or advocacy.",
                "Trabaja con los proveedores: difusión, apoyo o acompañamiento.",
            ),
            "hours": 1,
            "period": "week",
            "min_count": 0,
            "max_count": 2,
            "required": False,
        },
    ],
    "focus_areas": [
        {
            "key": "data",
            "name": (
                "Open and shared contracting data (RDC7)",
                "Datos de contratación abiertos y compartidos (RDC7)",
            ),
            "description": (
                "Use and publish contracting data to improve spending.",
                "Usar y publicar datos de contratación para mejorar el gasto.",
            ),
        },
        {
            "key": "suppliers",
            "name": (
                "Supplier engagement and competition (RDC8)",
                "Participación de proveedores y competencia (RDC8)",
            ),
            "description": (
                "Increase supplier engagement and competition in the city's purchases.",
                "Aumentar la participación de proveedores y la competencia en las compras municipales.",
            ),
        },
    ],
    # Four one-hour masterclass / practical sessions and a final showtime.
    "sessions": [
        {
            "week": 1,
            "kind": "masterclass",
            "minutes": 60,
            "title": (
                "Masterclass 1: data to improve spending",
                "Sesión magistral 1: datos para mejorar el gasto",
            ),
            "description": (
                "Open contracting, RDC7 and RDC8, and what your procurement data can tell you.",
                "La contratación abierta, RDC7 y RDC8, y lo que sus datos de compras pueden decirles.",
            ),
        },
        {
            "week": 4,
            "kind": "masterclass",
            "minutes": 60,
            "title": (
                "Masterclass 2: mapping processes and systems",
                "Sesión magistral 2: mapeo de procesos y sistemas",
            ),
            "description": (
                "A practical session: map your procurement process and the systems that hold its data.",
                "Sesión práctica: mapeen su proceso de compras y los sistemas que guardan sus datos.",
            ),
        },
        {
            "week": 7,
            "kind": "masterclass",
            "minutes": 60,
            "title": (
                "Masterclass 3: identifying supplier issues",
                "Sesión magistral 3: identificación de problemas de los proveedores",
            ),
            "description": (
                "A practical session: follow a supplier through a purchase and find where it gets stuck.",
                "Sesión práctica: sigan a un proveedor a lo largo de una compra y encuentren dónde se traba.",
            ),
        },
        {
            "week": 10,
            "kind": "masterclass",
            "minutes": 60,
            "title": (
                "Masterclass 4: a plan for one pain point",
                "Sesión magistral 4: un plan para un problema concreto",
            ),
            "description": (
                "Choosing one pain point, planning the change and its performance indicators.",
                "Cómo elegir un problema, planificar el cambio y sus indicadores de desempeño.",
            ),
        },
        {
            "week": 12,
            "kind": "showtime",
            "minutes": 90,
            "title": ("Final showtime", "Presentación final"),
            "description": (
                "Each team presents its plan and what it has achieved.",
                "Cada equipo presenta su plan y lo que ha logrado.",
            ),
        },
    ],
    "templates": [
        ("process-systems-map", 5, True),
        ("supplier-issues-map", 8, True),
        ("pain-point-plan", 11, False),
    ],
    "cohorts": [
        # The run about to start: registration closed (12 days before the start, as the real run's
        # Wednesday 9 April deadline for the week of 21 April), the day and time being agreed.
        {
            "key": "spanish-sprint",
            "name": ("{month} — Spanish", "{month} — español"),
            "language": "es",
            "weekday": 2,  # a placeholder until the agreed slot is confirmed
            "time_zone": "America/Bogota",
            "local_time": "10:00",
            "starts_in_weeks": 1,
            "opens_weeks_before": 10,
            "deadline_days_before": 12,
            "capacity": 10,
            "meeting_url": "https://meet.example.org/ruta-sprint-es",
            "break_weeks": [5, 9, 10],
            "schedule_poll": {
                "slots": [(1, "10:00"), (2, "10:00"), (3, "15:00")],
                "votes": {
                    "paula.rincon@vallealto.example.gov": [(2, "10:00"), (3, "15:00")],
                    "andres.mejia@vallealto.example.gov": [(2, "10:00")],
                    "lucia.gaviria@vallealto.example.gov": [(1, "10:00"), (2, "10:00")],
                },
                "confirmed": None,
            },
        },
        # The previous run, finished; its day and time were agreed with the participants.
        {
            "key": "spanish-sprint-previous",
            "name": ("{month} — Spanish", "{month} — español"),
            "language": "es",
            "weekday": 3,
            "time_zone": "America/Mexico_City",
            "local_time": "10:00",
            "starts_in_weeks": -32,
            "opens_weeks_before": 10,
            "deadline_days_before": 12,
            "capacity": 10,
            "meeting_url": "https://meet.example.org/ruta-sprint-es-previous",
            "break_weeks": [5, 9, 10],
            "schedule_poll": {
                "slots": [(2, "10:00"), (3, "10:00")],
                "votes": {},
                "confirmed": (3, "10:00"),
            },
        },
    ],
    "application_questions": [],
    "page": {
        "slug_es": "aprovechar-oportunidades-compras-publicas",
        "intro": (
            "<p>Taught in Spanish. The day and time of the weekly sessions are chosen together by the "
            "participants once the cohort is formed.</p>",
            "<p>En español. El día y la hora de las sesiones semanales los eligen en conjunto los "
            "participantes una vez formada la cohorte.</p>",
        ),
        "body": [
            ("heading", ("Taught in Spanish", "En español")),
            (
                "paragraph",
                (
                    "<p>Every session, assignment and support call of this sprint is in Spanish.</p>",
                    "<p>Todas las sesiones, tareas y reuniones de acompañamiento de este sprint son en "
                    "español.</p>",
                ),
            ),
        ],
    },
}

TRACK = {
    "slug": "procurement-excellence-track",
    "name": ("Procurement Excellence Track", "Programa de Excelencia en Compras"),
    "kind": "track",
    "duration_weeks": 26,  # six months
    "default_weekday": 3,  # not stated in the description: the demo's choice
    "ta_cadence_days": 14,  # not stated either: each city has a GPL coach
    "team_size_min": 4,
    "team_size_max": 5,
    "mou_required": True,
    "summary": (
        "Six months, starting together with the City Data Alliance Accelerator, with the Harvard Kennedy "
        "School Government Performance Lab (GPL): a GPL coach for each city and a team of four to five "
        "staff who pick one citywide focus among four challenge areas.",
        "Seis meses, que comienzan junto con el Acelerador de la City Data Alliance, con el Government "
        "Performance Lab (GPL) de la Harvard Kennedy School: un coach del GPL para cada ciudad y un equipo "
        "de cuatro a cinco personas que eligen un enfoque para toda la ciudad entre cuatro áreas de "
        "desafío.",
    ),
    "audience": (
        "City teams of four to five staff: the head of purchasing or procurement, a purchasing or "
        "procurement deputy or buyer, and two or three executive sponsors, for example the Budget or "
        "Finance Director, a representative of the Mayor's Office or the Chief Performance Officer.",
        "Equipos municipales de cuatro a cinco personas: la jefatura de compras o adquisiciones, una "
        "subjefatura o persona compradora, y dos o tres patrocinadores ejecutivos, por ejemplo la "
        "dirección de presupuesto o de finanzas, una persona representante de la oficina de la alcaldía "
        "o la dirección de desempeño.",
    ),
    "activities": [
        (
            "Six months alongside the City Data Alliance Accelerator",
            "Seis meses junto con el Acelerador de la City Data Alliance",
        ),
        ("A GPL coach for your city", "Un coach del GPL para su ciudad"),
        (
            "Pick one citywide focus among the four challenge areas",
            "Elegir un enfoque para toda la ciudad entre las cuatro áreas de desafío",
        ),
        (
            "Executive sponsors decide the focus of the city's beacon project",
            "Los patrocinadores ejecutivos deciden el enfoque del proyecto emblemático de la ciudad",
        ),
    ],
    "outcomes": [
        (
            "A citywide procurement focus in one of the four challenge areas",
            "Un enfoque de compras para toda la ciudad en una de las cuatro áreas de desafío",
        ),
        (
            "A beacon project that shows how the change improves residents' outcomes",
            "Un proyecto emblemático que muestra cómo el cambio mejora los resultados para la ciudadanía",
        ),
    ],
    "best_results": ("", ""),
    "fit_criteria": [
        (
            "A vision of what must change and how it improves residents' outcomes",
            "Una visión de lo que debe cambiar y de cómo mejora los resultados para la ciudadanía",
        ),
        (
            "Interest in one of the four challenge areas",
            "Interés en una de las cuatro áreas de desafío",
        ),
        (
            "The city's legal department completes a Harvard Kennedy School MOU before the engagement starts",
            "El departamento jurídico de la ciudad completa un memorando de entendimiento con la Harvard "
            "Kennedy School antes de que comience el acompañamiento",
        ),
    ],
    "roles": [
        {
            "name": ("Head of purchasing / procurement", "Jefatura de compras / adquisiciones"),
            "description": (
                "Champions the reform to the Mayor and the executive sponsors.",
                "Impulsa la reforma ante la alcaldía y los patrocinadores ejecutivos.",
            ),
            "hours": 3,
            "period": "week",
            "min_count": 1,
            "max_count": 1,
            "required": True,
        },
        {
            "name": (
                "Purchasing / procurement deputy or buyer",
                "Subjefatura de compras / adquisiciones o persona compradora",
            ),
            "description": (
                "Maps the procurement process, finds pain points and implements fixes.",
                "Mapea el proceso de compras, encuentra los problemas y pone en marcha las soluciones.",
            ),
            "hours": 3,
            "period": "week",
            "min_count": 1,
            "max_count": 1,
            "required": True,
        },
        {
            "name": ("Executive sponsor", "Patrocinador ejecutivo"),
            "description": (
                "For example the Budget or Finance Director, a representative of the Mayor's Office or the "
                "Chief Performance Officer. Makes key decisions, including the focus of the city's beacon "
                "project.",
                "Por ejemplo, la dirección de presupuesto o de finanzas, una persona representante de la "
                "oficina de la alcaldía o la dirección de desempeño. Toma las decisiones clave, incluido el "
                "enfoque del proyecto emblemático de la ciudad.",
            ),
            "hours": 3,
            "period": "month",
            "min_count": 2,
            "max_count": 3,
            "required": True,
        },
    ],
    "focus_areas": [
        {
            "key": "efficiency",
            "name": ("Efficiency and fairness", "Eficiencia e imparcialidad"),
            "description": (
                "For example shorter cycle times, budget savings, less administrative burden, more "
                "competition, and vendor and bidder satisfaction.",
                "Por ejemplo, ciclos más cortos, ahorros presupuestarios, menos carga administrativa, más "
                "competencia y mayor satisfacción de proveedores y oferentes.",
            ),
        },
        {
            "key": "results",
            "name": ("Results-driven procurement", "Compras orientadas a resultados"),
            "description": (
                "Solicitations that support better services and outcomes.",
                "Convocatorias que contribuyen a mejores servicios y resultados.",
            ),
        },
        {
            "key": "equity",
            "name": ("Equity", "Equidad"),
            "description": (
                "For example vendor diversity and equitable service delivery.",
                "Por ejemplo, diversidad de proveedores y prestación equitativa de los servicios.",
            ),
        },
        {
            "key": "strategic",
            "name": ("Procurement as a strategic function", "Las compras como función estratégica"),
            "description": (
                "For example accountability and visibility, staff training, and tools and templates.",
                "Por ejemplo, rendición de cuentas y visibilidad, capacitación del personal, y "
                "herramientas y plantillas.",
            ),
        },
    ],
    # The description gives no session calendar: the demo's is an illustration for staff to edit.
    "sessions": [
        {
            "week": 1,
            "kind": "masterclass",
            "minutes": 90,
            "title": (
                "Kickoff with the executive sponsors",
                "Lanzamiento con los patrocinadores ejecutivos",
            ),
            "description": (
                "The six months ahead, the four challenge areas and the role of the executive sponsors.",
                "Los seis meses por delante, las cuatro áreas de desafío y el papel de los patrocinadores "
                "ejecutivos.",
            ),
        },
        {
            "week": 4,
            "kind": "workshop",
            "minutes": 90,
            "title": ("Choosing the citywide focus", "Elegir el enfoque para toda la ciudad"),
            "description": (
                "Teams weigh the four challenge areas against their city's vision and pick one.",
                "Los equipos comparan las cuatro áreas de desafío con la visión de su ciudad y eligen una.",
            ),
        },
        {
            "week": 8,
            "kind": "cohort_call",
            "minutes": 60,
            "title": ("Cohort call: mapping the process", "Llamada de cohorte: mapeo del proceso"),
            "description": (
                "Deputies and buyers share their process maps and the pain points they found.",
                "Las subjefaturas y personas compradoras comparten sus mapas del proceso y los problemas "
                "que encontraron.",
            ),
        },
        {
            "week": 12,
            "kind": "workshop",
            "minutes": 90,
            "title": ("Designing the beacon project", "Diseño del proyecto emblemático"),
            "description": (
                "From the opportunities found to the beacon project the executive sponsors decide on.",
                "De las oportunidades encontradas al proyecto emblemático que deciden los patrocinadores "
                "ejecutivos.",
            ),
        },
        {
            "week": 18,
            "kind": "cohort_call",
            "minutes": 60,
            "title": (
                "Cohort call: beacon projects under way",
                "Llamada de cohorte: proyectos emblemáticos en marcha",
            ),
            "description": (
                "What is working, what is not, and what the indicators say.",
                "Qué funciona, qué no y qué dicen los indicadores.",
            ),
        },
        {
            "week": 26,
            "kind": "showtime",
            "minutes": 120,
            "title": ("Showtime: results for residents", "Presentación final: resultados para la ciudadanía"),
            "description": (
                "Teams present their beacon projects and the results for residents to their sponsors and "
                "peers.",
                "Los equipos presentan sus proyectos emblemáticos y los resultados para la ciudadanía ante "
                "sus patrocinadores y pares.",
            ),
        },
    ],
    # In the order of the phases below (PROGRAMS.md §4): the baseline summary report closes the
    # Diagnostic, the opportunities report and action plan close the Design, and the OCDS technical
    # assessment and work plan belong to Implementation.
    "templates": [
        ("workspace", 2, False),
        ("environment-questionnaire", 4, False),
        ("key-informant-interviews", 5, False),
        ("outreach-tracker", 6, False),
        ("interview-notes", 7, False),
        ("baseline-observations", 8, False),
        ("data-systems-map", 9, False),
        ("baseline-summary", 10, False),
        ("data-user-guide", 12, False),
        ("design-research", 13, False),
        ("opportunities-report", 15, False),
        ("action-plan", 18, False),
        ("beacon-project-plan", 20, False),
        ("ocds-assessment", 22, True),
        ("ocds-work-plan", 24, True),
    ],
    # For seed_phase_plan: the Open Contracting process's phases (PROGRAMS.md §4) fitted into the
    # track's 26 weeks. Scoping (choosing the cities) is the track's application and review, done
    # before week 1; Diagnostic and Design keep most of their two months each; Implementation, six
    # months in the longer engagement, gets the last eight weeks: the track starts it (the OCDS
    # assessment and work plan, the beacon project) and the city carries it on afterwards.
    "phases": [
        {
            "name": ("Diagnostic", "Diagnóstico"),
            "weeks": 10,
            "description": (
                "Understand where the city starts: the environment questionnaire, key-informant "
                "interviews, the data systems map, baseline indicators and the baseline summary report. "
                "First site visit.",
                "Entender el punto de partida de la ciudad: el cuestionario sobre el entorno, las "
                "entrevistas a informantes clave, el mapa de sistemas de datos, los indicadores de línea "
                "base y el informe resumen de línea base. Primera visita de campo.",
            ),
        },
        {
            "name": ("Design", "Diseño"),
            "weeks": 8,
            "description": (
                "Design the change with its users: data-user interviews, design research, the synthesis "
                "workshop where the core team rates opportunities by impact and feasibility, the "
                "actionable opportunities report and the action plan. Second site visit.",
                "Diseñar el cambio con sus usuarios: entrevistas a usuarios de datos, investigación de "
                "diseño, el taller de síntesis donde el equipo central califica las oportunidades por "
                "impacto y viabilidad, el informe de oportunidades de acción y el plan de acción. "
                "Segunda visita de campo.",
            ),
        },
        {
            "name": ("Implementation", "Implementación"),
            "weeks": 8,
            "description": (
                "Start the beacon project, assess the city's data against the Open Contracting Data "
                "Standard and plan its publication, and re-measure the baseline indicators.",
                "Poner en marcha el proyecto emblemático, evaluar los datos de la ciudad frente al "
                "Estándar de Datos de Contrataciones Abiertas y planificar su publicación, y volver a "
                "medir los indicadores de línea base.",
            ),
        },
    ],
    "cohorts": [
        {
            "key": "track",
            "name": ("{month} — English", "{month} — inglés"),
            "language": "en",
            "weekday": 3,
            "time_zone": "America/Chicago",
            "local_time": "13:00",
            "starts_in_weeks": 8,
            "opens_weeks_before": 12,
            "deadline_days_before": 21,
            "capacity": 8,
            "meeting_url": "https://meet.example.org/ruta-excellence-track",
            "break_weeks": [],
        },
        # The previous run, finished: its team walked the whole Open Contracting chain.
        {
            "key": "track-previous",
            "name": ("{month} — English", "{month} — inglés"),
            "language": "en",
            "weekday": 3,
            "time_zone": "America/Chicago",
            "local_time": "13:00",
            "starts_in_weeks": -40,
            "opens_weeks_before": 12,
            "deadline_days_before": 21,
            "capacity": 8,
            "meeting_url": "https://meet.example.org/ruta-excellence-track-previous",
            "break_weeks": [],
        },
    ],
    # For seed_application_questions: what the track asks every applicant (issue #14).
    "application_questions": [
        {
            "text": (
                "How will the change you want improve residents' outcomes?",
                "¿Cómo mejorará el cambio que buscan los resultados para la ciudadanía?",
            ),
            "help_text": ("The vision of what must change, and for whom.", "Qué debe cambiar, y para quién."),
            "kind": "long_text",
            "required": True,
        },
        {
            "text": (
                "Which electronic procurement systems does your city use?",
                "¿Qué sistemas de compras electrónicas usa su ciudad?",
            ),
            "help_text": (
                "For example a bid portal, an ERP or a contract management system.",
                "Por ejemplo, un portal de licitaciones, un ERP o un sistema de gestión de contratos.",
            ),
            "kind": "short_text",
            "required": False,
        },
        {
            "text": (
                "How mature is your city's procurement function?",
                "¿Qué nivel de madurez tiene la función de compras de su ciudad?",
            ),
            "help_text": (
                "Planning, written procedures, measures, published data.",
                "Planificación, procedimientos escritos, indicadores, datos publicados.",
            ),
            "kind": "long_text",
            "required": True,
        },
    ],
    "page": {
        "slug_es": "programa-excelencia-compras",
        "intro": (
            "<p>Part of the City Data Alliance, with the Harvard Kennedy School Government Performance "
            "Lab: six months, a GPL coach for your city and a team with the authority to change how the "
            "city buys.</p>",
            "<p>Parte de la City Data Alliance, con el Government Performance Lab de la Harvard Kennedy "
            "School: seis meses, un coach del GPL para su ciudad y un equipo con la autoridad para "
            "cambiar cómo compra la ciudad.</p>",
        ),
        "body": [
            ("heading", ("A signed MOU", "Un memorando firmado")),
            (
                "paragraph",
                (
                    "<p>The city's legal department completes a memorandum of understanding with the "
                    "Harvard Kennedy School before the engagement starts.</p>",
                    "<p>El departamento jurídico de la ciudad completa un memorando de entendimiento con "
                    "la Harvard Kennedy School antes de que comience el acompañamiento.</p>",
                ),
            ),
        ],
    },
}

PROGRAMS = [ENGLISH_SPRINT, SPANISH_SPRINT, TRACK]

# Sent by program staff a few days ago: (cohort key, title, body).
ANNOUNCEMENTS = [
    (
        "english-sprint-en",
        ("Cohort call 2: save the date", "Llamada de cohorte 2: reserven la fecha"),
        (
            "In the second cohort call, in week 12, each team presents its pilot solution in five minutes. "
            "Invite the colleagues who will carry it forward.",
            "En la segunda llamada de cohorte, en la semana 12, cada equipo presenta su solución piloto "
            "en cinco minutos. Inviten a los colegas que le darán continuidad.",
        ),
    ),
    (
        "english-sprint-es",
        ("Bring your journey map to workshop 2", "Traigan su mapa del recorrido al taller 2"),
        (
            "Bring your vendor journey map to workshop 2: we will choose the pain point for each team's "
            "pilot in small groups.",
            "Traigan su mapa del recorrido del proveedor al taller 2: en grupos pequeños elegiremos el "
            "problema para el piloto de cada equipo.",
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
                "<p>Apply as a city team. You join workshops, masterclasses and cohort calls with peer "
                "cities, work on practical assignments with templates and guidance, and meet your coach "
                "one-on-one. Along the way you gather evidence toward the What Works Cities criteria RDC7 "
                "and RDC8.</p>",
                "<p>Postúlense como equipo municipal. Participan en talleres, sesiones magistrales y "
                "llamadas de cohorte con ciudades pares, avanzan en tareas prácticas con plantillas y "
                "orientaciones, y se reúnen individualmente con su coach. En el camino reúnen evidencia "
                "para los criterios RDC7 y RDC8 de What Works Cities.</p>",
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
                "<p>Cities spend a large share of their budgets through contracts. When more vendors bid "
                "and contracting data is open, cities get better value for money, businesses get a fair "
                "chance and residents can see how their money is spent.</p>",
                "<p>Las ciudades gastan una gran parte de su presupuesto mediante contratos. Cuando más "
                "proveedores ofertan y los datos de contratación son abiertos, las ciudades obtienen "
                "mejor valor por su dinero, las empresas tienen una oportunidad justa y la ciudadanía "
                "puede ver cómo se gasta su dinero.</p>",
            ),
        ),
        ("heading", ("How we work", "Cómo trabajamos")),
        (
            "paragraph",
            (
                "<p>Teams learn together in cohorts, in English or in Spanish, and each team has a coach. "
                "The work builds toward the What Works Cities Results-Driven Contracting criteria and the "
                "Open Contracting Data Standard.</p>",
                "<p>Los equipos aprenden juntos en cohortes, en inglés o en español, y cada equipo tiene "
                "un coach. El trabajo apunta a los criterios de Contratación Orientada a Resultados de "
                "What Works Cities y al Estándar de Datos de Contrataciones Abiertas.</p>",
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
        "cohort": "english-sprint-en",
        "name": "Riverton Purchasing",
        "city": "Riverton",
        "jurisdiction": "Ohio",
        "time_zone": "America/New_York",
        "focus_area": "vendors",
        "challenge": (
            "Half of our solicitations for construction and professional services receive two bids or "
            "fewer, and local small businesses tell us our process is too hard to follow. Our bid "
            "results are only posted as scanned PDFs."
        ),
        "coach": "coach",
        "members": [
            {
                "email": "participant@example.com",
                "full_name": "Dana Whitfield",
                "title": "Purchasing Manager",
                "department": "Finance — Purchasing Division",
                "role": "Procurement staff",
            },
            {
                "email": "marcus.lee@riverton.example.gov",
                "full_name": "Marcus Lee",
                "title": "Open Data Coordinator",
                "department": "Information Technology",
                "role": "Open data program manager",
            },
            {
                "email": "priya.nair@riverton.example.gov",
                "full_name": "Priya Nair",
                "title": "Senior Buyer",
                "department": "Finance — Purchasing Division",
                "role": "Procurement staff",
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
                "template": "data-mapping",
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
        "cohort": "english-sprint-es",
        "name": "Compras Villa Serena",
        "city": "Villa Serena",
        "jurisdiction": "Puerto Rico",
        "time_zone": "America/Puerto_Rico",
        "focus_area": "data",
        "challenge": (
            "Publicamos las adjudicaciones solo en PDF y con meses de retraso, y los proveedores locales "
            "no saben qué compras vienen. Queremos publicar datos abiertos y atraer a más empresas locales."
        ),
        "coach": "coach",
        "members": [
            {
                "email": "participant2@example.com",
                "full_name": "María Fernanda Ruiz",
                "title": "Directora de Compras",
                "department": "Oficina de Compras",
                "role": "Procurement staff",
            },
            {
                "email": "luis.ortega@villaserena.example.gov",
                "full_name": "Luis Ortega",
                "title": "Analista de datos",
                "department": "Oficina de Tecnología",
                "role": "Open data program manager",
            },
            {
                "email": "ana.beltran@villaserena.example.gov",
                "full_name": "Ana Beltrán",
                "title": "Compradora",
                "department": "Oficina de Compras",
                "role": "Procurement staff",
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
        "cohort": "english-sprint-en",
        "name": "Lakeview Procurement",
        "city": "Lakeview",
        "jurisdiction": "Michigan",
        "time_zone": "America/Detroit",
        "focus_area": "data",
        "challenge": (
            "We publish contracts on our website but residents and vendors cannot search them, and we "
            "do not know how many new vendors we bring in each year."
        ),
        "coach": None,  # waiting for staff to assign a coach
        "members": [
            {
                "email": "tom.becker@lakeview.example.gov",
                "full_name": "Tom Becker",
                "title": "Procurement Director",
                "department": "Procurement",
                "role": "Procurement staff",
            },
            {
                "email": "grace.kim@lakeview.example.gov",
                "full_name": "Grace Kim",
                "title": "Data Analyst",
                "department": "Innovation and Technology",
                "role": "Open data program manager",
            },
            {
                "email": "luis.romero@lakeview.example.gov",
                "full_name": "Luis Romero",
                "title": "Contract Specialist",
                "department": "Procurement",
                "role": "Procurement staff",
            },
            {
                "email": "ruth.okafor@lakeview.example.gov",
                "full_name": "Ruth Okafor",
                "title": "Budget Analyst",
                "department": "Office of Budget",
                "role": "Community engagement or other department",
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
    # Accepted into the Spanish sprint that starts next week; its members are choosing the day and
    # time of the sessions (the cohort's schedule_poll).
    {
        "cohort": "spanish-sprint",
        "name": "Compras Valle Alto",
        "city": "Valle Alto",
        "jurisdiction": "Antioquia, Colombia",
        "time_zone": "America/Bogota",
        "focus_area": "suppliers",
        "challenge": (
            "Muchas de nuestras compras reciben una sola oferta y no sabemos por qué los proveedores "
            "locales no participan. Queremos usar nuestros datos de compras para entenderlo."
        ),
        "coach": None,  # staff assign a coach when the sprint starts
        "members": [
            {
                "email": "paula.rincon@vallealto.example.gov",
                "full_name": "Paula Rincón",
                "title": "Directora de Compras",
                "department": "Secretaría de Hacienda",
                "role": "Procurement or finance staff",
            },
            {
                "email": "andres.mejia@vallealto.example.gov",
                "full_name": "Andrés Mejía",
                "title": "Profesional de datos",
                "department": "Oficina de Tecnología",
                "role": "Open data or IT program manager",
            },
            {
                "email": "lucia.gaviria@vallealto.example.gov",
                "full_name": "Lucía Gaviria",
                "title": "Enlace con proveedores",
                "department": "Secretaría de Desarrollo Económico",
                "role": "Supplier-advocacy staff",
            },
        ],
        "ta_sessions": [],
        "submissions": [],
        "progress": [],
        "indicators": [],
    },
    # Finished the previous Spanish sprint: support every two weeks, its plan accepted, and (for
    # seed_certification) a What Works Cities certification level raised from none to silver.
    {
        "cohort": "spanish-sprint-previous",
        "name": "Compras Puerto Claro",
        "city": "Puerto Claro",
        "jurisdiction": "Veracruz, México",
        "time_zone": "America/Mexico_City",
        "focus_area": "data",
        "challenge": (
            "Nuestros datos de compras están repartidos entre el sistema financiero y hojas de cálculo, "
            "y no publicamos nada que los proveedores puedan usar."
        ),
        "coach": "coach_until_end",
        "certification": {"from": "none", "to": "silver", "week": 12},
        "members": [
            {
                "email": "elena.vazquez@puertoclaro.example.gob.mx",
                "full_name": "Elena Vázquez",
                "title": "Jefa de Adquisiciones",
                "department": "Tesorería Municipal",
                "role": "Procurement or finance staff",
            },
            {
                "email": "jorge.salinas@puertoclaro.example.gob.mx",
                "full_name": "Jorge Salinas",
                "title": "Coordinador de Datos Abiertos",
                "department": "Dirección de Innovación",
                "role": "Open data or IT program manager",
            },
            {
                "email": "rosa.campos@puertoclaro.example.gob.mx",
                "full_name": "Rosa Campos",
                "title": "Analista de Compras",
                "department": "Tesorería Municipal",
                "role": "Procurement or finance staff",
            },
        ],
        "ta_sessions": [
            {
                "week": week,
                "topics": topics,
                "pain_points": pain_points,
                "summary": summary,
                "private_notes": "",
                "action_items": [],
            }
            for week, topics, pain_points, summary in [
                (
                    1,
                    ["rdc7", "data-mapping"],
                    "Los datos de compras están en tres lugares distintos.",
                    "Primera sesión: acordamos mapear los sistemas que guardan datos de compras.",
                ),
                (
                    3,
                    ["data-mapping"],
                    "Nadie es responsable de las hojas de cálculo de contratos.",
                    "Revisamos el mapeo de sistemas y nombramos una persona responsable de cada fuente.",
                ),
                (
                    5,
                    ["vendor-outreach", "stakeholder-interviews"],
                    "Los proveedores no encuentran las convocatorias.",
                    "Planificamos conversaciones con cinco proveedores locales.",
                ),
                (
                    7,
                    ["rdc8"],
                    "Las convocatorias se publican solo en el tablero del palacio municipal.",
                    "Mapeamos el recorrido de un proveedor e identificamos tres problemas.",
                ),
                (
                    9,
                    ["pilot-design", "indicators"],
                    "No hay indicadores de participación.",
                    "Elegimos el problema del plan: publicar las convocatorias en línea cada semana.",
                ),
                (
                    11,
                    ["indicators"],
                    "Falta la línea base de ofertas por convocatoria.",
                    "Cerramos el plan con sus indicadores y preparamos la presentación final.",
                ),
            ]
        ],
        "submissions": [
            {
                "template": "process-systems-map",
                "status": "accepted",
                "week": 5,
                "author": "jorge.salinas@puertoclaro.example.gob.mx",
                "feedback": ("accepted", "Mapeo completo y claro. Aceptado."),
                "content": {
                    "systems": [
                        {
                            "name": "Sistema financiero municipal",
                            "owner": "Tesorería",
                            "data_held": "Órdenes de compra, contratos y pagos",
                            "stages": ["award", "contract", "implementation"],
                            "format": "Base de datos; exportación a CSV",
                            "published_where": "No se publica",
                            "linked_systems": ["Hojas de cálculo de contratos"],
                        },
                        {
                            "name": "Hojas de cálculo de contratos",
                            "owner": "Adquisiciones",
                            "data_held": "Convocatorias y adjudicaciones",
                            "stages": ["tender", "award"],
                            "format": "Excel",
                            "published_where": "No se publica",
                            "quality_issues": "Nombres de proveedores escritos de formas distintas.",
                        },
                    ]
                },
            },
            {
                "template": "pain-point-plan",
                "status": "accepted",
                "week": 11,
                "author": "elena.vazquez@puertoclaro.example.gob.mx",
                "feedback": ("accepted", "Un plan concreto y medible. Aceptado."),
                "content": {
                    "problem": "Los proveedores locales no se enteran de las convocatorias.",
                    "solution": "Publicar cada semana las convocatorias abiertas en el sitio web, en CSV.",
                    "tasks": [
                        {
                            "description": "Exportar las convocatorias abiertas cada lunes",
                            "owner": "Rosa Campos",
                        },
                        {
                            "description": "Publicar el archivo en el portal de datos",
                            "owner": "Jorge Salinas",
                        },
                    ],
                    "indicators": [
                        {"name": "Ofertas por convocatoria", "baseline": "1,4", "target": "2,5"},
                    ],
                },
            },
        ],
        "progress": [
            {
                "item": "RDC7-1",
                "status": "met",
                "verified_week": 12,
                "comment": "Las convocatorias se publican cada semana en CSV.",
                "evidence": {
                    "url": "https://datos.puertoclaro.example.gob.mx/compras/convocatorias.csv",
                    "note": "Convocatorias abiertas, actualizadas cada lunes.",
                },
            },
        ],
        "indicators": [
            {
                "name": "Ofertas por convocatoria",
                "unit": "ofertas",
                "direction": "higher",
                "data_source": "Hojas de cálculo de contratos",
                "baseline": "1.40",
                "measurements": [("1.90", 12, "Primeros tres meses de publicación semanal")],
            },
        ],
    },
    # Accepted into the track before its deadline, with a GPL coach; its signed MOU is not recorded
    # yet (for seed_mou: the first open step the team and staff see).
    {
        "cohort": "track",
        "name": "Harbor City Procurement Excellence",
        "city": "Harbor City",
        "jurisdiction": "Maryland",
        "time_zone": "America/New_York",
        "focus_area": "efficiency",
        "challenge": (
            "Our solicitations take five months from request to award, and vendors tell us the process is "
            "slow and unpredictable. The Mayor wants shorter cycle times without losing fairness."
        ),
        "coach": "gpl_coach",
        "mou": {"signed": False, "counterparty": "Harvard Kennedy School"},
        # For seed_phase_plan: the team's milestones, in the team's language. `week` is a program
        # week; a site visit is on `weekday` (0 = Monday) at `time` in the team's time zone,
        # anything else is due the last day of its week. `participants` are members' emails.
        "milestones": [
            {
                "kind": "site_visit",
                "title": "First site visit: the procurement process as it is",
                "week": 3,
                "weekday": 1,
                "time": "10:00",
                "place": "Harbor City Hall, Department of Finance — Procurement, 2nd floor",
                "agenda": [
                    "Welcome from the Mayor's Office and the executive sponsors",
                    "Walk through one solicitation from request to award with the buyers",
                    "Tour of the e-procurement portal and the ERP with IT",
                    "Agree the key informants and the interview schedule",
                    "Wrap-up: what we heard, next steps",
                ],
                "participants": [
                    "nadia.brooks@harborcity.example.gov",
                    "eli.warren@harborcity.example.gov",
                    "kevin.osei@harborcity.example.gov",
                ],
                "other_participants": [
                    "Morgan Reyes — GPL coach",
                    "Lead coordinator, Department of Information Technology",
                ],
            },
            {"kind": "deliverable", "template": "baseline-summary"},
            {
                "kind": "review",
                "title": "Diagnostic review with the executive sponsors",
                "week": 10,
            },
            {
                "kind": "site_visit",
                "title": "Second site visit: synthesis workshop",
                "week": 14,
                "weekday": 2,
                "time": "09:30",
                "place": "Harbor City Hall, Conference Room B",
                "agenda": [
                    "The challenge areas from the baseline report",
                    "Synthesis workshop: rate each opportunity by impact and feasibility",
                    "Choose the beacon project with the executive sponsors",
                ],
                "participants": [
                    "nadia.brooks@harborcity.example.gov",
                    "eli.warren@harborcity.example.gov",
                    "gloria.mendez@harborcity.example.gov",
                    "kevin.osei@harborcity.example.gov",
                    "hannah.lind@harborcity.example.gov",
                ],
                "other_participants": ["Morgan Reyes — GPL coach"],
            },
            {"kind": "deliverable", "template": "action-plan"},
            {"kind": "review", "title": "Action plan sign-off by the Mayor's Office", "week": 18},
        ],
        "application_answers": [
            "Shorter cycle times mean road repairs and park maintenance start months earlier.",
            "An e-procurement portal for solicitations; contracts and payments in the ERP.",
            "Centralised purchasing with written procedures, but no performance measures yet.",
        ],
        "members": [
            {
                "email": "nadia.brooks@harborcity.example.gov",
                "full_name": "Nadia Brooks",
                "title": "Chief Procurement Officer",
                "department": "Department of Finance — Procurement",
                "role": "Head of purchasing / procurement",
            },
            {
                "email": "eli.warren@harborcity.example.gov",
                "full_name": "Eli Warren",
                "title": "Senior Buyer",
                "department": "Department of Finance — Procurement",
                "role": "Purchasing / procurement deputy or buyer",
            },
            {
                "email": "gloria.mendez@harborcity.example.gov",
                "full_name": "Gloria Méndez",
                "title": "Budget Director",
                "department": "Office of Budget",
                "role": "Executive sponsor",
            },
            {
                "email": "kevin.osei@harborcity.example.gov",
                "full_name": "Kevin Osei",
                "title": "Deputy Chief of Staff",
                "department": "Office of the Mayor",
                "role": "Executive sponsor",
            },
            {
                "email": "hannah.lind@harborcity.example.gov",
                "full_name": "Hannah Lind",
                "title": "Chief Performance Officer",
                "department": "Office of Performance",
                "role": "Executive sponsor",
            },
        ],
        "ta_sessions": [],
        "submissions": [],
        "progress": [],
        "indicators": [],
    },
    # Finished the previous run of the track with a GPL coach: the team that walked the whole Open
    # Contracting chain (seed_diagnostic_deliverables, seed_design_deliverables), its action plan's
    # public version published on the program page (seed_published_action_plan).
    {
        "cohort": "track-previous",
        "name": "Bayview Procurement Excellence",
        "city": "Bayview",
        "jurisdiction": "Oregon",
        "time_zone": "America/Los_Angeles",
        "focus_area": "efficiency",
        "challenge": (
            "Our solicitations take five months from request to award, and vendors tell us the process is "
            "slow and unpredictable. The Mayor wants shorter cycle times without losing fairness."
        ),
        "coach": "gpl_coach_until_end",
        "mou": {"signed": True, "counterparty": "Harvard Kennedy School"},
        "design_deliverables": True,
        # For seed_published_action_plan: the public version of its accepted action plan.
        "published_action_plan": {
            "slug": "bayview-action-plan",
            "title": (
                "Bayview's action plan: faster, fairer purchasing",
                "El plan de acción de Bayview: compras más rápidas y justas",
            ),
            "published_days_ago": 20,
        },
        "members": [
            {
                "email": "maya.chen@bayview.example.gov",
                "full_name": "Maya Chen",
                "title": "Chief Procurement Officer",
                "department": "Department of Finance — Procurement",
                "role": "Head of purchasing / procurement",
            },
            {
                "email": "omar.haddad@bayview.example.gov",
                "full_name": "Omar Haddad",
                "title": "Senior Buyer",
                "department": "Department of Finance — Procurement",
                "role": "Purchasing / procurement deputy or buyer",
            },
            {
                "email": "lucia.ortega@bayview.example.gov",
                "full_name": "Lucía Ortega",
                "title": "Budget Director",
                "department": "Office of Budget",
                "role": "Executive sponsor",
            },
            {
                "email": "daniel.park@bayview.example.gov",
                "full_name": "Daniel Park",
                "title": "Deputy Chief of Staff",
                "department": "Office of the Mayor",
                "role": "Executive sponsor",
            },
            {
                "email": "grace.holm@bayview.example.gov",
                "full_name": "Grace Holm",
                "title": "Chief Performance Officer",
                "department": "Office of Performance",
                "role": "Executive sponsor",
            },
        ],
        "ta_sessions": [],
        "submissions": [],
        "progress": [],
        "indicators": [],
    },
]

# An application waiting for staff review in the track's open registration.
PENDING_REGISTRATION = {
    "cohort": "track",
    "city": "Port Alder",
    "jurisdiction": "Washington",
    "time_zone": "America/Los_Angeles",
    "name": "Port Alder Procurement Excellence",
    "focus_area": "strategic",
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
            "role": "Head of purchasing / procurement",
        },
        {
            "email": "sam.hughes@portalder.example.gov",
            "full_name": "Sam Hughes",
            "title": "Buyer II",
            "department": "Finance",
            "role": "Purchasing / procurement deputy or buyer",
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
    # For seed_application_questions: the answers to the track's three questions, in their order.
    "application_answers": [
        "Purchases planned a year ahead reach residents sooner and cost less than emergency buys.",
        "A bid portal for formal solicitations; everything else by email.",
        "Early: a small central office, no procurement plan and no published data.",
    ],
}


# --- The Diagnostic phase, filled in by the chain team (seed_diagnostic_deliverables) ---------
# The track team that walks the whole chain (observations → baseline report → opportunities →
# action plan → its public version on the program page): Bayview, which finished the previous run
# of the track. Every text is an (English, Spanish) pair: the
# team's deliverables are seeded in its cohort's language, and both versions validate against the
# kinds' schemas (tests/test_command_seed_demo.py). Row ids are fixed, readable and stable: the
# challenge areas' ids ("intake", "specs", "approvals", "visibility", "cycledata") are the ones
# the opportunities report starts from.

DIAGNOSTIC_CHAIN_TEAM = "Bayview Procurement Excellence"

# The coach's word on each of the chain team's Design and Implementation deliverables (a finished run).
CHAIN_ACCEPTED_FEEDBACK = (
    "Accepted: clear, grounded in your observations and ready to build on.",
    "Aceptado: claro, basado en sus observaciones y listo para seguir construyendo.",
)


def _contact(key, person, role, organisation, status, day, notes=("", "")):
    return {
        "id": key,
        "person": person,
        "role": role,
        "organisation": organisation,
        "status": status,
        "date": day,
        "notes": notes,
    }


def _observation(key, contact, text, quote, codes):
    return {"id": key, "contact": contact, "text": text, "quote": quote, "codes": codes}


# `day` values are days before the seeding date (the demo places every date relative to today).
DIAGNOSTIC_DELIVERABLES = [
    {
        "template": "environment-questionnaire",
        "status": "accepted",
        "days_ago": 40,
        "author": "maya.chen@bayview.example.gov",
        "feedback": (
            "accepted",
            (
                "Clear and candid, especially on political support. Accepted.",
                "Claro y franco, sobre todo en cuanto al apoyo político. Aceptado.",
            ),
        ),
        "content": {
            "goals_short_term": (
                "Agree one citywide measure of cycle time (request to award) and publish it monthly; "
                "cut the time from a complete request to a posted solicitation to 30 days.",
                "Acordar una única medida municipal del tiempo de ciclo (de la solicitud a la adjudicación) "
                "y publicarla cada mes; reducir a 30 días el tiempo entre una solicitud completa y la "
                "publicación del llamado.",
            ),
            "goals_long_term": (
                "Halve the median cycle time from about five months, so road repairs and park maintenance "
                "start a season earlier, while keeping competition open and fair.",
                "Reducir a la mitad la mediana del tiempo de ciclo, hoy de unos cinco meses, para que las "
                "reparaciones viales y el mantenimiento de parques empiecen una temporada antes, sin "
                "perder una competencia abierta y justa.",
            ),
            "political_support": (
                "The Mayor named faster procurement in the State of the City address; the Deputy Chief of "
                "Staff and the Budget Director sponsor the work. Two council members worry that speed will "
                "cost local vendors their chance to bid.",
                "El alcalde mencionó una contratación más ágil en su informe anual; la subjefa de gabinete "
                "y la directora de Presupuesto patrocinan el trabajo. Dos concejales temen que la rapidez "
                "quite a los proveedores locales la oportunidad de ofertar.",
            ),
            "political_support_rating": 4,
            "pain_points": (
                "Requests arrive late and incomplete; specifications are copied from old solicitations; "
                "legal review and approvals run one after another; vendors call to ask where things stand.",
                "Las solicitudes llegan tarde e incompletas; las especificaciones se copian de llamados "
                "anteriores; la revisión jurídica y las aprobaciones van una tras otra; los proveedores "
                "llaman para preguntar en qué punto está su oferta.",
            ),
            "issue_focus": "efficiency_fairness",
            "issue_description": (
                "Solicitations take five months from request to award, and nobody can say where the "
                "time goes.",
                "Los procesos tardan cinco meses de la solicitud a la adjudicación, y nadie sabe decir "
                "en qué se va el tiempo.",
            ),
            "issue_evidence": (
                "A sample of 40 solicitations from last year: median 148 days; 7 were re-issued because "
                "specifications were incomplete.",
                "Una muestra de 40 procesos del año pasado: mediana de 148 días; 7 se volvieron a publicar "
                "porque las especificaciones estaban incompletas.",
            ),
            "data_owners": (
                "Procurement owns the e-procurement portal; Finance owns the ERP (contracts and payments); "
                "the Office of Budget owns the capital plan.",
                "Compras administra el portal de compras electrónicas; Finanzas, el ERP (contratos y pagos); "
                "la Oficina de Presupuesto, el plan de inversiones.",
            ),
            "data_policies": (
                "An open data executive order (2021) that names no procurement datasets; the state public "
                "records act.",
                "Un decreto de datos abiertos (2021) que no menciona conjuntos de datos de contratación; la "
                "ley estatal de acceso a registros públicos.",
            ),
            "data_published": (
                "Open solicitations on the portal; award notices as PDFs; nothing on contracts or payments.",
                "Los llamados abiertos en el portal; los avisos de adjudicación en PDF; nada sobre contratos "
                "ni pagos.",
            ),
            "data_governance_rating": 2,
            "performance_measures": (
                "Spend by department, once a year. No cycle-time or competition measure.",
                "El gasto por departamento, una vez al año. Ninguna medida de tiempos de ciclo ni de "
                "competencia.",
            ),
            "performance_routines": (
                "The Office of Performance runs monthly stat meetings for public works and parks, but "
                "procurement has never been on the agenda.",
                "La Oficina de Desempeño dirige reuniones mensuales de seguimiento con obras públicas y "
                "parques, pero la contratación nunca ha estado en la agenda.",
            ),
            "performance_use": (
                "Figures are compiled for the budget book, not to manage.",
                "Las cifras se recopilan para el libro del presupuesto, no para gestionar.",
            ),
            "performance_rating": 2,
        },
    },
    {
        "template": "key-informant-interviews",
        "status": "accepted",
        "days_ago": 34,
        "author": "omar.haddad@bayview.example.gov",
        "feedback": (
            "accepted",
            (
                "Good mix of departments and vendors. Accepted.",
                "Buena combinación de departamentos y proveedores. Aceptado.",
            ),
        ),
        "content": {
            "purpose": (
                "We are mapping where time goes between a department's request and a contract award. "
                "Your answers are confidential; we report themes, not names.",
                "Estamos identificando en qué se va el tiempo entre la solicitud de un departamento y la "
                "adjudicación. Sus respuestas son confidenciales; informamos temas, no nombres.",
            ),
            "interviewer": ("Omar Haddad", "Omar Haddad"),
            "notetaker": ("Grace Holm", "Grace Holm"),
            "question_groups": [
                {
                    "id": "qbuyers",
                    "interviewee_type": (
                        "Department requesters",
                        "Personas solicitantes de los departamentos",
                    ),
                    "questions": [
                        (
                            "Walk us through your last purchase request, from idea to award.",
                            "Cuéntenos su última solicitud de compra, de la idea a la adjudicación.",
                        ),
                        ("Where did it wait longest, and why?", "¿Dónde esperó más, y por qué?"),
                        (
                            "What would you need from Procurement to write a complete request?",
                            "¿Qué necesitaría de Compras para redactar una solicitud completa?",
                        ),
                    ],
                },
                {
                    "id": "qstaff",
                    "interviewee_type": ("Procurement and legal staff", "Personal de compras y jurídico"),
                    "questions": [
                        (
                            "Which steps of a solicitation take the most of your time?",
                            "¿Qué pasos de un proceso le llevan más tiempo?",
                        ),
                        ("What makes a request come back?", "¿Qué hace que una solicitud se devuelva?"),
                        ("Which figures do you wish you had?", "¿Qué cifras le gustaría tener?"),
                    ],
                },
                {
                    "id": "qvendors",
                    "interviewee_type": ("Vendors", "Proveedores"),
                    "questions": [
                        (
                            "How do you find out about our solicitations?",
                            "¿Cómo se enteran de nuestros llamados?",
                        ),
                        (
                            "What happens after you submit a bid?",
                            "¿Qué ocurre después de que presentan una oferta?",
                        ),
                    ],
                },
            ],
            "informants": [
                {
                    "id": "c01",
                    "name": ("Marta Ruiz", "Marta Ruiz"),
                    "role": ("Capital projects manager", "Gerente de proyectos de inversión"),
                    "organisation": ("Department of Public Works", "Departamento de Obras Públicas"),
                    "interviewee_type": ("Department requester", "Solicitante de departamento"),
                    "why": ("Largest volume of requests", "Mayor volumen de solicitudes"),
                },
                {
                    "id": "c02",
                    "name": ("Tom Becker", "Tom Becker"),
                    "role": ("Operations chief", "Jefe de operaciones"),
                    "organisation": ("Parks and Recreation", "Parques y Recreación"),
                    "interviewee_type": ("Department requester", "Solicitante de departamento"),
                    "why": ("Seasonal deadlines", "Plazos estacionales"),
                },
                {
                    "id": "c03",
                    "name": ("Aisha Khan", "Aisha Khan"),
                    "role": ("Assistant city attorney", "Abogada municipal adjunta"),
                    "organisation": ("Law Department", "Departamento Jurídico"),
                    "interviewee_type": ("Legal staff", "Personal jurídico"),
                    "why": ("Reviews every contract", "Revisa todos los contratos"),
                },
                {
                    "id": "c04",
                    "name": ("Ray Donovan", "Ray Donovan"),
                    "role": ("Buyer", "Comprador"),
                    "organisation": ("Procurement", "Compras"),
                    "interviewee_type": ("Procurement staff", "Personal de compras"),
                    "why": ("Twenty years of solicitations", "Veinte años de procesos"),
                },
                {
                    "id": "c05",
                    "name": ("Lisa Tran", "Lisa Tran"),
                    "role": ("ERP administrator", "Administradora del ERP"),
                    "organisation": ("Department of Finance", "Departamento de Finanzas"),
                    "interviewee_type": ("IT and data staff", "Personal de TI y datos"),
                    "why": (
                        "Owns contract and payment data",
                        "Responsable de los datos de contratos y pagos",
                    ),
                },
                {
                    "id": "c06",
                    "name": ("Joe Alvarez", "Joe Alvarez"),
                    "role": ("Owner", "Propietario"),
                    "organisation": ("Alvarez Paving", "Pavimentos Alvarez"),
                    "interviewee_type": ("Vendor", "Proveedor"),
                    "why": ("Local contractor, bids every year", "Contratista local, oferta cada año"),
                },
                {
                    "id": "c07",
                    "name": ("Denise Carter", "Denise Carter"),
                    "role": ("Founder", "Fundadora"),
                    "organisation": ("GreenLeaf Grounds", "GreenLeaf Grounds"),
                    "interviewee_type": ("Vendor", "Proveedor"),
                    "why": ("Stopped bidding in 2023", "Dejó de ofertar en 2023"),
                },
                {
                    "id": "c08",
                    "name": ("Paul Greene", "Paul Greene"),
                    "role": ("Council staff director", "Director del personal del concejo"),
                    "organisation": ("City Council", "Concejo Municipal"),
                    "interviewee_type": ("Political stakeholder", "Actor político"),
                    "why": (
                        "Council concern for local vendors",
                        "Preocupación del concejo por los proveedores locales",
                    ),
                },
            ],
            "focus_groups": [
                {
                    "id": "fgvendors",
                    "topic": ("Small local vendors", "Pequeños proveedores locales"),
                    "date": None,
                    "participants": [
                        ("Two paving contractors", "Dos contratistas de pavimentación"),
                        ("A landscaping firm", "Una empresa de jardinería"),
                        ("An electrical contractor", "Un contratista eléctrico"),
                        ("A janitorial services firm", "Una empresa de limpieza"),
                        (
                            "The chamber of commerce's small business lead",
                            "La responsable de pequeñas empresas de la cámara de comercio",
                        ),
                    ],
                },
            ],
        },
    },
    {
        "template": "outreach-tracker",
        "status": "draft",
        "days_ago": 20,
        "author": "omar.haddad@bayview.example.gov",
        "content": {
            "contacts": [
                _contact(
                    "c01",
                    ("Marta Ruiz", "Marta Ruiz"),
                    ("Capital projects manager", "Gerente de proyectos de inversión"),
                    ("Department of Public Works", "Departamento de Obras Públicas"),
                    "done",
                    30,
                ),
                _contact(
                    "c02",
                    ("Tom Becker", "Tom Becker"),
                    ("Operations chief", "Jefe de operaciones"),
                    ("Parks and Recreation", "Parques y Recreación"),
                    "done",
                    29,
                ),
                _contact(
                    "c03",
                    ("Aisha Khan", "Aisha Khan"),
                    ("Assistant city attorney", "Abogada municipal adjunta"),
                    ("Law Department", "Departamento Jurídico"),
                    "done",
                    27,
                ),
                _contact(
                    "c04",
                    ("Ray Donovan", "Ray Donovan"),
                    ("Buyer", "Comprador"),
                    ("Procurement", "Compras"),
                    "done",
                    26,
                ),
                _contact(
                    "c05",
                    ("Lisa Tran", "Lisa Tran"),
                    ("ERP administrator", "Administradora del ERP"),
                    ("Department of Finance", "Departamento de Finanzas"),
                    "done",
                    24,
                ),
                _contact(
                    "c06",
                    ("Joe Alvarez", "Joe Alvarez"),
                    ("Owner", "Propietario"),
                    ("Alvarez Paving", "Pavimentos Alvarez"),
                    "done",
                    22,
                ),
                _contact(
                    "c07",
                    ("Denise Carter", "Denise Carter"),
                    ("Founder", "Fundadora"),
                    ("GreenLeaf Grounds", "GreenLeaf Grounds"),
                    "declined",
                    21,
                    ("Prefers the focus group", "Prefiere el grupo focal"),
                ),
                _contact(
                    "c08",
                    ("Paul Greene", "Paul Greene"),
                    ("Council staff director", "Director del personal del concejo"),
                    ("City Council", "Concejo Municipal"),
                    "scheduled",
                    -3,
                ),
            ]
        },
    },
    {
        "template": "interview-notes",
        "status": "submitted",
        "days_ago": 18,
        "author": "grace.holm@bayview.example.gov",
        "content": {
            "interviews": [
                {
                    "id": "n01",
                    "contact": "c01",
                    "date": 30,
                    "interviewer": ("Omar Haddad", "Omar Haddad"),
                    "notetaker": ("Grace Holm", "Grace Holm"),
                    "summary": (
                        "Public Works sends requests when the budget is adopted, all at once, with scopes "
                        "still being written.",
                        "Obras Públicas envía las solicitudes cuando se aprueba el presupuesto, todas a la "
                        "vez, con los alcances aún a medio redactar.",
                    ),
                },
                {
                    "id": "n02",
                    "contact": "c02",
                    "date": 29,
                    "interviewer": ("Omar Haddad", "Omar Haddad"),
                    "notetaker": ("Grace Holm", "Grace Holm"),
                    "summary": (
                        "Parks misses the planting season every other year.",
                        "Parques pierde la temporada de siembra un año sí y otro no.",
                    ),
                },
                {
                    "id": "n03",
                    "contact": "c03",
                    "date": 27,
                    "interviewer": ("Maya Chen", "Maya Chen"),
                    "notetaker": ("Grace Holm", "Grace Holm"),
                    "summary": (
                        "Legal reviews every contract in full, whatever its size, after Procurement is done.",
                        "Jurídico revisa cada contrato completo, sea cual sea su monto, después de que "
                        "Compras termina.",
                    ),
                },
                {
                    "id": "n04",
                    "contact": "c04",
                    "date": 26,
                    "interviewer": ("Maya Chen", "Maya Chen"),
                    "notetaker": ("Omar Haddad", "Omar Haddad"),
                    "summary": (
                        "Buyers rewrite specifications that departments copied from old solicitations.",
                        "Los compradores reescriben especificaciones que los departamentos copiaron de "
                        "procesos anteriores.",
                    ),
                },
                {
                    "id": "n05",
                    "contact": "c05",
                    "date": 24,
                    "interviewer": ("Omar Haddad", "Omar Haddad"),
                    "notetaker": ("Grace Holm", "Grace Holm"),
                    "summary": (
                        "The ERP records the award date but not the request date.",
                        "El ERP registra la fecha de adjudicación, pero no la de la solicitud.",
                    ),
                },
                {
                    "id": "n06",
                    "contact": "c06",
                    "date": 22,
                    "interviewer": ("Omar Haddad", "Omar Haddad"),
                    "notetaker": ("Lucía Ortega", "Lucía Ortega"),
                    "summary": (
                        "Bids every year, never knows when an award will come.",
                        "Oferta cada año y nunca sabe cuándo llegará la adjudicación.",
                    ),
                },
            ],
            "observations": [
                _observation(
                    "o01",
                    "c01",
                    (
                        "Requests reach Procurement in a rush after the budget is adopted.",
                        "Las solicitudes llegan a Compras de golpe tras la aprobación del presupuesto.",
                    ),
                    ("We all hit send the same week in July.", "Todos enviamos la misma semana de julio."),
                    [("late requests", "solicitudes tardías")],
                ),
                _observation(
                    "o02",
                    "c01",
                    (
                        "Scopes are still being written when the request is sent.",
                        "Los alcances todavía se están redactando cuando se envía la solicitud.",
                    ),
                    ("", ""),
                    [("incomplete requests", "solicitudes incompletas")],
                ),
                _observation(
                    "o03",
                    "c02",
                    (
                        "Seasonal work is requested without lead time for a formal solicitation.",
                        "El trabajo estacional se solicita sin margen para un proceso formal.",
                    ),
                    ("", ""),
                    [("late requests", "solicitudes tardías")],
                ),
                _observation(
                    "o04",
                    "c04",
                    (
                        "A third of requests come back for missing specifications.",
                        "Un tercio de las solicitudes se devuelve por falta de especificaciones.",
                    ),
                    (
                        "I rewrite the same mowing spec every spring.",
                        "Reescribo la misma especificación de corte de césped cada primavera.",
                    ),
                    [
                        ("incomplete requests", "solicitudes incompletas"),
                        ("old specifications", "especificaciones antiguas"),
                    ],
                ),
                _observation(
                    "o05",
                    "c03",
                    (
                        "Every contract gets a full legal review, even small renewals.",
                        "Cada contrato recibe una revisión jurídica completa, incluso las renovaciones "
                        "pequeñas.",
                    ),
                    ("", ""),
                    [("legal review", "revisión jurídica")],
                ),
                _observation(
                    "o06",
                    "c03",
                    (
                        "Legal starts only after Procurement finishes; the two never work in parallel.",
                        "Jurídico empieza solo cuando Compras termina; nunca trabajan en paralelo.",
                    ),
                    ("", ""),
                    [
                        ("sequential approvals", "aprobaciones secuenciales"),
                        ("legal review", "revisión jurídica"),
                    ],
                ),
                _observation(
                    "o07",
                    "c02",
                    (
                        "Four signatures are needed above $50,000, collected one after another.",
                        "Por encima de 50.000 dólares se necesitan cuatro firmas, reunidas una tras otra.",
                    ),
                    ("", ""),
                    [("sequential approvals", "aprobaciones secuenciales")],
                ),
                _observation(
                    "o08",
                    "c06",
                    (
                        "Vendors cannot see where a solicitation stands after bidding.",
                        "Los proveedores no pueden ver en qué punto está un proceso después de ofertar.",
                    ),
                    (
                        "I call the buyer every Friday to ask if there is news.",
                        "Llamo al comprador todos los viernes para preguntar si hay novedades.",
                    ),
                    [("status visibility", "visibilidad del estado")],
                ),
                _observation(
                    "o09",
                    "c04",
                    (
                        "Buyers spend hours answering vendors' status calls.",
                        "Los compradores pasan horas respondiendo llamadas de proveedores sobre el estado.",
                    ),
                    ("", ""),
                    [("status visibility", "visibilidad del estado")],
                ),
                _observation(
                    "o10",
                    "c05",
                    (
                        "No system records when a request was received, so cycle time cannot be measured.",
                        "Ningún sistema registra cuándo se recibió una solicitud, así que no se puede "
                        "medir el tiempo de ciclo.",
                    ),
                    ("", ""),
                    [("no cycle data", "sin datos de ciclo")],
                ),
                _observation(
                    "o11",
                    "c05",
                    (
                        "Award notices are PDFs; the ERP could export them as data.",
                        "Los avisos de adjudicación son PDF; el ERP podría exportarlos como datos.",
                    ),
                    ("", ""),
                    [("no cycle data", "sin datos de ciclo")],
                ),
            ],
        },
    },
    {
        "template": "baseline-observations",
        "status": "accepted",
        "days_ago": 12,
        "author": "maya.chen@bayview.example.gov",
        "feedback": (
            "accepted",
            (
                "Five well-grounded challenge areas: ready for the synthesis workshop. Accepted.",
                "Cinco áreas de desafío bien fundamentadas: listas para el taller de síntesis. Aceptado.",
            ),
        ),
        "content": {
            "ratings": [
                {
                    "id": "r01",
                    "issue": (
                        "Requests arrive complete and on time",
                        "Las solicitudes llegan completas y a tiempo",
                    ),
                    "rating": 2,
                    "respondents": (
                        "14 buyers and 6 department heads",
                        "14 compradores y 6 jefaturas de departamento",
                    ),
                    "comment": ("Worst in July and August.", "Peor en julio y agosto."),
                },
                {
                    "id": "r02",
                    "issue": (
                        "Approvals and legal review are proportionate to risk",
                        "Las aprobaciones y la revisión jurídica son proporcionales al riesgo",
                    ),
                    "rating": 1,
                    "respondents": (
                        "14 buyers and 6 department heads",
                        "14 compradores y 6 jefaturas de departamento",
                    ),
                    "comment": ("", ""),
                },
                {
                    "id": "r03",
                    "issue": (
                        "Vendors can follow their bids",
                        "Los proveedores pueden seguir sus ofertas",
                    ),
                    "rating": 2,
                    "respondents": ("14 buyers", "14 compradores"),
                    "comment": ("", ""),
                },
                {
                    "id": "r04",
                    "issue": (
                        "We know how long solicitations take",
                        "Sabemos cuánto tardan los procesos",
                    ),
                    "rating": 1,
                    "respondents": (
                        "14 buyers and 6 department heads",
                        "14 compradores y 6 jefaturas de departamento",
                    ),
                    "comment": (
                        "Estimates ranged from 6 weeks to 9 months.",
                        "Las estimaciones iban de 6 semanas a 9 meses.",
                    ),
                },
            ],
            "challenge_areas": [
                {
                    "id": "intake",
                    "title": ("Late and incomplete requests", "Solicitudes tardías e incompletas"),
                    "description": (
                        "Departments send requests in a rush after budget adoption, often without a finished "
                        "scope, so solicitations start late and come back.",
                        "Los departamentos envían las solicitudes de golpe tras la aprobación del "
                        "presupuesto, a menudo sin un alcance terminado, por lo que los procesos "
                        "empiezan tarde y se devuelven.",
                    ),
                    "codes": [
                        ("late requests", "solicitudes tardías"),
                        ("incomplete requests", "solicitudes incompletas"),
                    ],
                },
                {
                    "id": "specs",
                    "title": ("Outdated specifications", "Especificaciones desactualizadas"),
                    "description": (
                        "Specifications are copied from old solicitations and rewritten by buyers each time.",
                        "Las especificaciones se copian de procesos anteriores y los compradores las "
                        "reescriben cada vez.",
                    ),
                    "codes": [("old specifications", "especificaciones antiguas")],
                },
                {
                    "id": "approvals",
                    "title": ("Sequential approvals and review", "Aprobaciones y revisión secuenciales"),
                    "description": (
                        "Legal review and signatures happen one after another and apply the same depth to "
                        "every contract.",
                        "La revisión jurídica y las firmas ocurren una tras otra y aplican la misma "
                        "profundidad a todos los contratos.",
                    ),
                    "codes": [
                        ("legal review", "revisión jurídica"),
                        ("sequential approvals", "aprobaciones secuenciales"),
                    ],
                },
                {
                    "id": "visibility",
                    "title": (
                        "No status visibility for vendors",
                        "Sin visibilidad del estado para los proveedores",
                    ),
                    "description": (
                        "Vendors cannot follow a solicitation after bidding, and buyers answer status calls.",
                        "Los proveedores no pueden seguir un proceso después de ofertar, y los compradores "
                        "atienden llamadas sobre el estado.",
                    ),
                    "codes": [("status visibility", "visibilidad del estado")],
                },
                {
                    "id": "cycledata",
                    "title": ("No shared cycle-time data", "Sin datos compartidos de tiempos de ciclo"),
                    "description": (
                        "No system records when a request was received, and award data is published only as "
                        "PDFs, so cycle time cannot be measured or managed.",
                        "Ningún sistema registra cuándo se recibió una solicitud, y los datos de "
                        "adjudicación solo se publican en PDF, así que el tiempo de ciclo no se puede "
                        "medir ni gestionar.",
                    ),
                    "codes": [("no cycle data", "sin datos de ciclo")],
                },
            ],
        },
    },
    {
        "template": "data-systems-map",
        "status": "accepted",
        "days_ago": 10,
        "author": "omar.haddad@bayview.example.gov",
        "content": {
            "systems": [
                {
                    "name": ("Budget system", "Sistema de presupuesto"),
                    "owner": ("Office of Budget", "Oficina de Presupuesto"),
                    "data_held": (
                        "The capital plan and adopted budget lines",
                        "El plan de inversiones y las partidas aprobadas",
                    ),
                    "stages": ["planning"],
                    "format": ("Database", "Base de datos"),
                    "published_where": ("", ""),
                    "quality_issues": (
                        "Projects are not linked to requests",
                        "Los proyectos no se vinculan con las solicitudes",
                    ),
                    "linked_systems": [],
                    "ocds_fields": ["planning/budget/amount"],
                },
                {
                    "name": ("E-procurement portal", "Portal de compras electrónicas"),
                    "owner": ("Procurement", "Compras"),
                    "data_held": (
                        "Solicitations, addenda, bid lists, award notices (PDF)",
                        "Llamados, adendas, listas de ofertas, avisos de adjudicación (PDF)",
                    ),
                    "stages": ["tender", "award"],
                    "format": ("Web pages and PDF", "Páginas web y PDF"),
                    "published_where": (
                        "https://bids.bayview.example.gov",
                        "https://bids.bayview.example.gov",
                    ),
                    "quality_issues": (
                        "Award values only inside PDFs",
                        "Los montos adjudicados solo figuran en los PDF",
                    ),
                    "linked_systems": [("ERP", "ERP")],
                    "ocds_fields": ["tender/title", "tender/tenderPeriod", "awards/date"],
                },
                {
                    "name": ("ERP", "ERP"),
                    "owner": ("Department of Finance", "Departamento de Finanzas"),
                    "data_held": (
                        "Contracts, purchase orders, payments",
                        "Contratos, órdenes de compra, pagos",
                    ),
                    "stages": ["contract", "implementation"],
                    "format": ("Database", "Base de datos"),
                    "published_where": ("", ""),
                    "quality_issues": (
                        "No request date; vendor names typed by hand",
                        "Sin fecha de solicitud; nombres de proveedores escritos a mano",
                    ),
                    "linked_systems": [("E-procurement portal", "Portal de compras electrónicas")],
                    "ocds_fields": ["contracts/value", "contracts/period"],
                },
            ]
        },
    },
    {
        "template": "baseline-summary",
        "status": "submitted",
        "days_ago": 5,
        "author": "maya.chen@bayview.example.gov",
        "content": {
            "overview": (
                "Bayview's solicitations take a median of 148 days from request to award. The time is "
                "lost before the solicitation starts (late, incomplete requests) and after bids close "
                "(sequential review), and nobody can see it because no system records when a request "
                "arrives.",
                "Los procesos de Bayview tardan una mediana de 148 días de la solicitud a la "
                "adjudicación. El tiempo se pierde antes de que empiece el proceso (solicitudes tardías e "
                "incompletas) y después del cierre de ofertas (revisión secuencial), y nadie lo ve porque "
                "ningún sistema registra cuándo llega una solicitud.",
            ),
            "method": (
                "The environment questionnaire; key-informant interviews: 6 of the 8 people on the outreach "
                "tracker; a staff survey of 14 buyers and 6 department heads; a sample of 40 solicitations.",
                "El cuestionario sobre el entorno; entrevistas a informantes clave: 6 de las 8 personas del "
                "registro de contactos; una encuesta a 14 compradores y 6 jefaturas de departamento; una "
                "muestra de 40 procesos.",
            ),
            "challenge_areas": [
                {
                    "id": "intake",
                    "title": ("Late and incomplete requests", "Solicitudes tardías e incompletas"),
                    "description": ("", ""),
                    "findings": (
                        "A third of requests come back at least once; July and August carry half the year's "
                        "requests.",
                        "Un tercio de las solicitudes se devuelve al menos una vez; julio y agosto "
                        "concentran la mitad de las solicitudes del año.",
                    ),
                },
                {
                    "id": "specs",
                    "title": ("Outdated specifications", "Especificaciones desactualizadas"),
                    "description": ("", ""),
                    "findings": (
                        "7 of 40 sampled solicitations were re-issued for incomplete specifications.",
                        "7 de los 40 procesos de la muestra se volvieron a publicar por especificaciones "
                        "incompletas.",
                    ),
                },
                {
                    "id": "approvals",
                    "title": ("Sequential approvals and review", "Aprobaciones y revisión secuenciales"),
                    "description": ("", ""),
                    "findings": (
                        "Staff rate proportionality of review 1 out of 5; four signatures above $50,000.",
                        "El personal califica con 1 de 5 la proporcionalidad de la revisión; cuatro firmas "
                        "por encima de 50.000 dólares.",
                    ),
                },
                {
                    "id": "visibility",
                    "title": (
                        "No status visibility for vendors",
                        "Sin visibilidad del estado para los proveedores",
                    ),
                    "description": ("", ""),
                    "findings": (
                        "Buyers estimate four hours a week on status calls.",
                        "Los compradores calculan cuatro horas semanales en llamadas sobre el estado.",
                    ),
                },
                {
                    "id": "cycledata",
                    "title": ("No shared cycle-time data", "Sin datos compartidos de tiempos de ciclo"),
                    "description": ("", ""),
                    "findings": (
                        "Staff estimates of a typical cycle ranged from 6 weeks to 9 months.",
                        "Las estimaciones del personal sobre un ciclo típico iban de 6 semanas a 9 meses.",
                    ),
                },
            ],
            "data_findings": (
                "Planning data sits in the budget system and contracts and payments in the ERP, and "
                "neither is published; only tender and award data reach the public, award values "
                "inside PDFs.",
                "Los datos de planificación están en el sistema de presupuesto y los contratos y pagos en el "
                "ERP, y ninguno se publica; solo los datos de licitación y adjudicación llegan al público, "
                "con los montos dentro de PDF.",
            ),
            "indicators": [
                {
                    "id": "i01",
                    "name": (
                        "Median days from request to award",
                        "Mediana de días de la solicitud a la adjudicación",
                    ),
                    "baseline": ("148", "148"),
                    "unit": ("days", "días"),
                    "as_of": 14,
                    "data_source": (
                        "Sample of 40 solicitations (portal and ERP)",
                        "Muestra de 40 procesos (portal y ERP)",
                    ),
                },
                {
                    "id": "i02",
                    "name": (
                        "Requests returned for missing information",
                        "Solicitudes devueltas por falta de información",
                    ),
                    "baseline": ("33", "33"),
                    "unit": ("%", "%"),
                    "as_of": 14,
                    "data_source": ("Buyers' logs", "Registros de los compradores"),
                },
                {
                    "id": "i03",
                    "name": ("Average bids per solicitation", "Promedio de ofertas por proceso"),
                    "baseline": ("2.6", "2,6"),
                    "unit": ("bids", "ofertas"),
                    "as_of": 14,
                    "data_source": ("E-procurement portal bid lists", "Listas de ofertas del portal"),
                },
            ],
            "next_steps": (
                "Take the five challenge areas to the synthesis workshop in the Design phase.",
                "Llevar las cinco áreas de desafío al taller de síntesis de la fase de Diseño.",
            ),
        },
    },
]
# The weekly check-ins and the momentum signal (coaching.momentum), seeded by
# DemoSeeder.seed_momentum. Compras Villa Serena slides into a dip in the current week
# (week 5 of the running sprint): low check-ins, political support weakening, no TA session
# since week 3 (the sprint's cadence is weekly) and a next step overdue since week 3. Riverton
# Purchasing stays steady: good check-ins and a short TA call on the last working day.
# Check-ins: (week, rating 1–5, political support, blockers in the team's own words).
MOMENTUM = {
    "Compras Villa Serena": {
        "checkins": [
            (1, 4, "strong", ""),
            (2, 4, "steady", ""),
            (3, 3, "steady", ""),
            (
                4,
                2,
                "weakening",
                "La asesoría jurídica todavía no autoriza publicar las adjudicaciones como datos abiertos.",
            ),
            (
                5,
                1,
                "weakening",
                "La alcaldía pidió frenar la publicación hasta aprobar el presupuesto, y nadie de tecnología "
                "responde sobre el portal.",
            ),
        ],
        # What the coach did about week 4 (coach-private).
        "notes": [
            (
                4,
                "Llamé a María Fernanda: propuse una reunión con la asesoría jurídica y la patrocinadora "
                "para la semana 5.",
            ),
        ],
    },
    "Riverton Purchasing": {
        "checkins": [
            (1, 4, "strong", ""),
            (2, 4, "strong", ""),
            (3, 5, "strong", ""),
            (4, 4, "steady", ""),
            (5, 4, "strong", ""),
        ],
        "notes": [],
        "ta_call": {
            "minutes": 30,
            "summary": "Short call: the data systems map comments are clear; the team resubmits this week.",
            "private_notes": "Momentum is good; the sponsor joined the call.",
        },
    },
}


# Peer support and a shared result (seed_peers_and_results): Villa Serena, opening up its procurement
# data in the English sprint's Spanish cohort, is paired with Puerto Claro, which did the same in the
# previous Spanish sprint (both programs name the challenge area "Datos de contratación abiertos y
# compartidos (RDC7)"); Puerto Claro's case story, written in Spanish and translated, is published
# on the Spanish sprint's page.
PEER_SUPPORT = {
    "team": "Compras Villa Serena",
    "peer": "Compras Puerto Claro",
    "note": (
        "Puerto Claro published its open solicitations weekly as CSV in the previous Spanish sprint; "
        "Villa Serena is starting the same work."
    ),
    # (days ago, the writing team's key, the author's email, the message)
    "messages": [
        (
            9,
            "team",
            "participant2@example.com",
            "Hola, equipo de Puerto Claro. Estamos empezando a publicar nuestras convocatorias en datos "
            "abiertos. ¿Cómo decidieron qué campos incluir en su primer archivo CSV?",
        ),
        (
            8,
            "peer",
            "jorge.salinas@puertoclaro.example.gob.mx",
            "¡Hola! Empezamos con lo mínimo: número de convocatoria, objeto, fecha de cierre y enlace a "
            "las bases. Lo publicamos cada lunes y luego fuimos agregando campos según lo que pedían los "
            "proveedores.",
        ),
        (
            6,
            "team",
            "participant2@example.com",
            "Muy útil, gracias. ¿Quién se encarga de la exportación semanal en su equipo?",
        ),
        (
            5,
            "peer",
            "rosa.campos@puertoclaro.example.gob.mx",
            "Yo la hago cada lunes desde la hoja de cálculo de contratos; son quince minutos. Les "
            "compartimos nuestra lista de verificación si la quieren.",
        ),
    ],
    "result": {
        "slug": "convocatorias-abiertas-cada-semana",
        "published_days_ago": 20,
        "title": (
            "Open solicitations published every week",
            "Convocatorias abiertas publicadas cada semana",
        ),
        "problem": (
            "Local suppliers did not hear about the city's solicitations: they were only posted on the "
            "notice board at city hall, and most received a single bid.",
            "Los proveedores locales no se enteraban de las convocatorias del municipio: solo se "
            "publicaban en el tablero del palacio municipal, y la mayoría recibía una sola oferta.",
        ),
        "what_changed": (
            "Every Monday the procurement team exports the open solicitations from its contracts "
            "spreadsheet and publishes them as CSV on the city's data portal, with a link to each "
            "call. Suppliers now find them online, and bids per solicitation rose in three months.",
            "Cada lunes el equipo de compras exporta las convocatorias abiertas de su hoja de cálculo "
            "de contratos y las publica en CSV en el portal de datos del municipio, con un enlace a "
            "cada convocatoria. Los proveedores ahora las encuentran en línea, y las ofertas por "
            "convocatoria aumentaron en tres meses.",
        ),
    },
}
