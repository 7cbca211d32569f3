"""Reading IT systems, usages, contracts and data-processing registrations from KITOS."""
