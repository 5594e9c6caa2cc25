"""Media in S3-compatible object storage (django-storages), the `default` storage when
AWS_STORAGE_BUCKET_NAME is set (portal/settings/base.py).

Images (Wagtail's `original_images/` and rendition `images/` folders) are meant to be public:
pages link to them on the bucket or its CDN. Documents are not: Wagtail's document view streams
them (WAGTAILDOCS_SERVE_METHOD = "serve_view") after checking the collection's privacy, so their
objects never need to be readable from outside. When objects get an ACL (AWS_DEFAULT_ACL, say
`public-read`), documents get `private` instead; with a bucket policy (buckets without ACLs),
grant public reads on the image folders only (docs/deployment.md).
"""

from storages.backends.s3 import S3Storage

PRIVATE_FOLDERS = ("documents/",)


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        relative = name
        if self.location:
            relative = name.removeprefix(self.location.strip("/") + "/")
        if self.default_acl and relative.startswith(PRIVATE_FOLDERS):
            params["ACL"] = "private"
        return params
