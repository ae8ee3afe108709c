"""From files to the typed model: folder scan (`files`), YAML composed with positions
(`loading`), JSON Schema checks (`schema`), the model (`model`, `building`), and what the
model derives (`departments`, `documents`, `glossary`, `onboarding`, `codeowners`).

May import `generator.words`; nothing here imports rules, render, engines or commands.
"""
