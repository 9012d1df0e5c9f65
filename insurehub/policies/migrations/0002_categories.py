from django.db import migrations

CATEGORIES = [
    ("motor", "Motor", "car", "Private and commercial vehicles"),
    ("health", "Health", "heart-pulse", "Inpatient, outpatient and family cover"),
    ("life", "Life", "shield-heart", "Term life, whole life and education plans"),
    ("home", "Home and property", "house", "Buildings, contents and domestic package"),
    ("travel", "Travel", "plane", "Medical, baggage and trip cancellation abroad"),
    ("business", "Business", "briefcase", "SME packages, stock and business interruption"),
    ("agriculture", "Agriculture", "wheat", "Crops and livestock"),
    ("marine", "Marine", "ship", "Cargo and hull"),
    ("personal_accident", "Personal accident", "bandage", "Accidental death, disability and medical costs"),
    ("liability", "Liability", "scale", "Public, product and professional liability"),
]


def seed(apps, schema_editor):
    PolicyCategory = apps.get_model("policies", "PolicyCategory")
    for position, (slug, name, icon, description) in enumerate(CATEGORIES):
        PolicyCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "icon": icon, "description": description, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
