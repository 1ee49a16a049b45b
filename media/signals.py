"""Remove a deleted video's stored files, which the database row alone does not own."""

import logging

from django.db import transaction

from .services.publishing import OUTPUT_ROOT, delete_tree

logger = logging.getLogger(__name__)


def delete_video_files(sender, instance, **kwargs) -> None:
    source_name = instance.source.name
    storage = instance.source.storage
    key = instance.public_key

    def delete_files():
        # After commit, so a rolled-back delete keeps its files.
        if source_name:
            storage.delete(source_name)
        delete_tree(f"{OUTPUT_ROOT}/{key}")
        logger.info("video files deleted public_key_prefix=%s", key[:4])

    transaction.on_commit(delete_files)


def delete_caption_file(sender, instance, **kwargs) -> None:
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
