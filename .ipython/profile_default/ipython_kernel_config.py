# Project-local kernel settings used by the site build (see conf.py).
c = get_config()  # noqa: F821
c.IPKernelApp.log_level = "ERROR"
