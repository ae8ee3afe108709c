"""The editor at /admin/: Decap CMS, served from the site itself, configured from the schemas and the model.

bundle.py installs the pinned Decap CMS (`make`), site_files.py lists what a built site
gets under admin/, local_backend.py is the local backend `handbook edit` serves (Decap's
`decap-server` protocol, in Python, restricted to the handbook's own files).
"""
