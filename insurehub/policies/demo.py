"""Demo catalogue (three insurers, a product in every category) and the demo customers' motor
policies, quoted and accepted through the services (the payments demo pays them, which
activates them). Idempotent: companies by name, products by (company, name), one policy per car.

Runs before the vehicles app (INSTALLED_APPS order), so it asks the vehicles demo for the cars.
"""

from decimal import Decimal

from insurehub.policies.models import InsuranceCompany, PaymentPlan, Policy, PolicyStatus, PolicyType

COMPANIES = [
    {"name": "Savannah General Insurance", "registration_number": "IRA/DEMO/001",
     "email": "service@savannah-general.example", "phone": "+254709000001", "website": "https://savannah-general.example"},
    {"name": "Kilimanjaro Mutual Assurance", "registration_number": "IRA/DEMO/002",
     "email": "care@kilimanjaro-mutual.example", "phone": "+254709000002", "website": "https://kilimanjaro-mutual.example"},
    {"name": "Rift Valley Insurance Company", "registration_number": "IRA/DEMO/003",
     "email": "hello@riftvalley-insurance.example", "phone": "+254709000003", "website": "https://riftvalley-insurance.example"},
]  # fmt: skip


def _coverage(covers, limits, excess, exclusions, addons=()):
    return {
        "covers": list(covers),
        "limits": dict(limits),
        "excess": {"amount": excess},
        "exclusions": list(exclusions),
        "addons": [{"code": code, "name": name, "price": price} for code, name, price in addons],
    }


# (company index, category, name, description, coverage, base premium, pricing rules, term in months)
PRODUCTS = [
    (0, "motor", "Motor Private Comprehensive", "Own damage, theft, fire and third-party cover for private cars.",
     _coverage(["Own damage", "Theft", "Fire", "Third-party bodily injury", "Third-party property"],
               {"third_party_property": "5000000.00", "windscreen": "50000.00", "radio": "30000.00"}, "15000.00",
               ["Driving under the influence", "Unlicensed driver", "Racing"],
               [("courtesy_car", "Courtesy car (10 days)", "3000.00"),
                ("pvt", "Political violence and terrorism", "2500.00")]),
     "5000.00", {"rate_of_value": "0.035", "min_premium": "37500.00", "max_vehicle_age": 15,
                 "age_loadings": [{"max_age": 5, "factor": "1.0"}, {"max_age": 10, "factor": "1.1"},
                                  {"max_age": 15, "factor": "1.25"}]}, 12),
    (1, "motor", "Motor Third Party Only", "The cover the law requires, for any age of vehicle.",
     _coverage(["Third-party bodily injury", "Third-party property"], {"third_party_property": "3000000.00"},
               "5000.00", ["Own damage", "Theft"]),
     "7500.00", {"min_premium": "7500.00"}, 12),
    (1, "health", "Family Health Plus", "Inpatient and outpatient cover for a family of up to six.",
     _coverage(["Inpatient", "Outpatient", "Maternity", "Dental", "Optical"],
               {"inpatient": "2000000.00", "outpatient": "150000.00", "maternity": "100000.00"}, "0.00",
               ["Cosmetic surgery", "Pre-existing conditions in the first year"]),
     "45000.00", {"rate_of_value": "0.01"}, 12),
    (2, "life", "Term Life Protector", "A lump sum for your family if you die within the term.",
     _coverage(["Death from any cause", "Terminal illness"], {"sum_assured": "10000000.00"}, "0.00",
               ["Suicide in the first year"]),
     "6000.00", {"rate_of_value": "0.002"}, 12),
    (0, "home", "Homeowners Package", "Buildings and contents against fire, burglary and natural perils.",
     _coverage(["Buildings", "Contents", "Burglary", "Fire and lightning", "Owner's liability"],
               {"contents": "2000000.00", "liability": "1000000.00"}, "10000.00", ["Wear and tear", "Vacant property"]),
     "8000.00", {"rate_of_value": "0.0025"}, 12),
    (2, "travel", "Travel Medical Worldwide", "Medical emergencies, baggage and trip cancellation abroad.",
     _coverage(["Emergency medical", "Evacuation", "Lost baggage", "Trip cancellation"],
               {"medical": "5000000.00", "baggage": "150000.00"}, "2500.00", ["Extreme sports"]),
     "3500.00", {}, 1),
    (0, "business", "SME Business Shield", "Stock, equipment, money and business interruption for small firms.",
     _coverage(["Fire and perils", "Burglary", "Money in transit", "Business interruption"],
               {"money_in_transit": "500000.00", "interruption_per_day": "20000.00"}, "20000.00", ["Bad debts"]),
     "25000.00", {"rate_of_value": "0.004"}, 12),
    (1, "agriculture", "Crop and Livestock Cover", "Drought, flood, disease and theft for farmers.",
     _coverage(["Drought", "Flood", "Livestock disease", "Livestock theft"], {"per_animal": "150000.00"}, "5000.00",
               ["Neglect"]),
     "12000.00", {"rate_of_value": "0.03"}, 12),
    (2, "marine", "Marine Cargo Open Cover", "Goods in transit by sea, air and road, warehouse to warehouse.",
     _coverage(["All risks in transit", "General average", "War and strikes"], {"per_shipment": "20000000.00"},
               "25000.00", ["Inadequate packing", "Delay"]),
     "15000.00", {"rate_of_value": "0.0015"}, 12),
    (0, "personal_accident", "Personal Accident Plan", "Accidental death, disability and medical expenses.",
     _coverage(["Accidental death", "Permanent disability", "Temporary disability", "Medical expenses"],
               {"medical_expenses": "200000.00"}, "0.00", ["Self-inflicted injury"]),
     "4000.00", {"rate_of_value": "0.002"}, 12),
    (1, "liability", "Professional Indemnity", "Claims of negligence against professionals and their firms.",
     _coverage(["Professional negligence", "Legal defence costs"], {"any_one_claim": "10000000.00"}, "50000.00",
               ["Fraud", "Fines and penalties"]),
     "30000.00", {"rate_of_value": "0.005"}, 12),
]  # fmt: skip

DEMO_POLICIES = {  # customer key -> (product name, payment plan)
    "customer": ("Motor Private Comprehensive", PaymentPlan.QUARTERLY),
    "customer2": ("Motor Private Comprehensive", PaymentPlan.ANNUAL),
}


def seed_catalogue(*, admin) -> dict[str, PolicyType]:
    from insurehub.policies.services import company_create, policy_type_create

    companies = []
    for spec in COMPANIES:
        company = InsuranceCompany.objects.filter(name=spec["name"]).first()
        companies.append(company or company_create(created_by=admin, **spec))
    products = {}
    for index, category, name, description, coverage, base, rules, term in PRODUCTS:
        company = companies[index]
        product = PolicyType.objects.filter(company=company, name=name).first()
        if product is None:
            product = policy_type_create(
                created_by=admin,
                company=company,
                category_id=category,
                name=name,
                description=description,
                coverage_details=coverage,
                base_premium=Decimal(base),
                pricing_rules=rules,
                term_months=term,
            )
        products[name] = product
    return products


def seed(context: dict) -> None:
    from insurehub.policies.services import policy_accept, policy_quote_create
    from insurehub.vehicles import demo as vehicles_demo

    users = context["users"]
    products = seed_catalogue(admin=users["admin"])
    context["policy_types"] = products
    if "vehicles" not in context:
        vehicles_demo.seed(context)
    policies = context.setdefault("policies", {})
    for key, (product_name, plan) in DEMO_POLICIES.items():
        vehicle = context["vehicles"][key]
        policy = (
            Policy.objects.filter(vehicle=vehicle, policy_type__category_id="motor")
            .exclude(status__in=[PolicyStatus.CANCELLED, PolicyStatus.EXPIRED])
            .order_by("-created_at")
            .first()
        )
        if policy is None:
            quote = policy_quote_create(
                customer=users[key],
                policy_type=products[product_name],
                vehicle=vehicle,
                created_by=users[key],
                payment_plan=plan,
                addons=["courtesy_car"] if key == "customer" else [],
            )
            policy = policy_accept(policy=quote, accepted_by=users[key])
        policies[key] = policy
