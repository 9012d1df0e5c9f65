"""A photo's image lives on its document (migration 0002 moved it there): the photo's own copy
fields and its hash index go; the document is required and protected while the photo shows it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_photo_images_to_documents"),
        ("documents", "0003_image_pipeline"),
    ]

    operations = [
        migrations.DeleteModel(name="PhotoHashBand"),
        migrations.RemoveField(model_name="photo", name="served_key"),
        migrations.RemoveField(model_name="photo", name="served_size"),
        migrations.RemoveField(model_name="photo", name="thumbnail_key"),
        migrations.RemoveField(model_name="photo", name="width"),
        migrations.RemoveField(model_name="photo", name="height"),
        migrations.RemoveField(model_name="photo", name="perceptual_hash"),
        migrations.RemoveField(model_name="photo", name="original_metadata"),
        migrations.AlterField(
            model_name="photo",
            name="document",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="assessment_photo",
                to="documents.document",
            ),
        ),
    ]
