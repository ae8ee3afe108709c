"""The JSON Schemas of the handbook's files: data, read by the validator (generator.source.schema) and by editors.

The YAML files name them in their first line (`# yaml-language-server: $schema=../generator/schema/role.schema.json`),
so this folder stays where it is.
"""
