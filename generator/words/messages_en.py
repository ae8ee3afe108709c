"""The English message catalog: every key the tool can say, and the fallback for other languages.

Parameters are `str.format` fields. A test checks that every other catalog has
the same keys with the same fields.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # --- words used inside other messages ---------------------------------------
    "thing.role": "role",
    "thing.process": "process",
    "thing.stage": "stage",
    "thing.step": "step",
    "thing.alias": "alias",
    "thing.glossary": "glossary",
    "thing.department": "department",
    "field.value": "`{name}`",
    "field.item": "item {number} of `{name}`",
    "where.reports_to": "`reports_to`",
    "where.buddy": "`buddy`",
    "where.owner": "`owner`",
    "where.raci": "`{letter}` of step `{step}`",
    "where.alias": "the alias list of `{role}`",
    # --- loading (HB001, HB002) ---------------------------------------------------
    "load.too_big": (
        "the file is {size:,} bytes; a handbook file may be at most {kib} KiB ({limit:,} bytes): "
        "split it into several files"
    ),
    "load.cannot_read": "the file cannot be read: {reason}",
    "load.not_regular": (
        "the file changed into a link or a special file while it was being read: replace it with an ordinary file"
    ),
    "load.not_utf8": "the file is not UTF-8 text: save it with the UTF-8 encoding",
    "load.control_character": (
        "the file contains a control character (code {code}) that YAML does not allow: delete it"
    ),
    "load.bad_escape": (
        "`{escape}` in quotes names no character (half of a pair, or past the last one): "
        "write the character itself, or remove the escape"
    ),
    "load.too_deep": "the data is nested more than {depth} levels deep; the handbook format never needs that",
    "load.not_yaml": "this is not valid YAML: {hint}",
    "load.not_yaml_problem": (
        "this is not valid YAML ({problem}): check the indentation and put text with special characters in quotes"
    ),
    "load.not_yaml_detail": "this is not valid YAML ({detail})",
    "load.tab": "this line is indented with a tab; YAML only accepts spaces: replace the tab with spaces",
    "load.empty": "the file is empty: write the {kind} here, starting with `id:` and `title:`",
    "hint.colon_in_value": (
        "a colon followed by a space starts a new key here; if it belongs to the text, put the whole value in quotes"
    ),
    "hint.missing_colon": "a line is missing the colon after its key, or the indentation is off",
    "hint.indentation": "the indentation does not line up with the lines above",
    "hint.several_documents": "the file holds more than one YAML document (a line with ---); keep one",
    "hint.undefined_alias": "uses * (an alias), which this handbook does not accept",
    "hint.unknown_escape": "a backslash in double quotes starts an unknown escape; use single quotes",
    "hint.unclosed_quote": "a quote is opened but never closed",
    "hint.unclosed_bracket": "a quote or bracket is opened but never closed",
    "load.odd_space": (
        "this line is indented with a full-width or no-break space ({code}); YAML only accepts half-width "
        "spaces: replace it with half-width spaces"
    ),
    "hint.or": "{first} or {second}",
    "hint.item_column": "column {column} (the items of `{key}`)",
    "hint.align_item": "the `-` of this item does not line up with the items above: move the `-` to {choices}",
    "hint.key_column": "column {column} (like `{key}`)",
    "hint.align_key": (
        "this line does not line up with the keys above: start it at {choices}, whichever it belongs with"
    ),
    "hint.align_item_to": (
        "this item is indented less than the items around it, so the lines below were joined to it: move its "
        "`-` to column {column}, in line with the other items"
    ),
    "hint.joined_key": (
        "this line is indented further than `{key}` on line {line}, so YAML joins it to that value: start it "
        "at column {column}, under `{key}`"
    ),
    "hint.full_width_dash": "a list item starts with the full-width `－`: type a half-width `-` followed by a space",
    "hint.space_after_dash": "a list item needs a space after its `-`: write `- ` and then the text",
    "hint.full_width_colon": (
        "the key is followed by the full-width colon `：`: use a half-width colon `:` followed by a space"
    ),
    "hint.quote_closed_later": (
        "the quote opened here is not closed on this line, so it runs on to the quote on line {line}: close it "
        "at the end of this value, or remove it"
    ),
    "hint.text_after_quote": "text follows the closing quote: put the whole value inside the quotes, or remove them",
    "hint.missing_colon_here": (
        "this line has no colon after its key: write the key, a half-width colon `:`, a space, then the value"
    ),
    "hint.missing_dash": (
        "this line is at the column of the list items above but has no `-`: to make it an item, start it with `- `"
    ),
    # --- the file's structure (HB003–HB005) ---------------------------------------
    "top_level.list": "a list",
    "top_level.value": "a single value",
    "top_level_mapping": (
        "the file holds {found}; a {kind} file must start with keys such as `id:` and `title:` at the left margin"
    ),
    "duplicate_key": (
        "the key `{key}` appears twice, on line {first} and line {second}: "
        "keep one (YAML would silently drop the first)"
    ),
    "plain_yaml.tag": "remove the tag `{detail}`; tags are not allowed (they can make YAML tools run code)",
    "plain_yaml.anchor": "remove the anchor `{detail}`; write the value out in full instead of reusing it",
    "plain_yaml.alias": (
        "replace the alias `{detail}` with the value written out in full; aliases hide content from review"
    ),
    "plain_yaml.merge_key": "remove the merge key `<<`; write the keys out in full so a reviewer sees them",
    # --- the schema (HB010–HB012) -------------------------------------------------
    "place.file": "this {kind}",
    "place.stage": "stage {stage}",
    "place.step": "step {step} of stage {stage}",
    "place.raci": "the raci of step {step} of stage {stage}",
    "schema.empty_value": "`{key}` is empty: write a value — it is required",
    "schema.missing": "{place} has no `{key}`: add `{key}:` — it is required",
    "schema.did_you_mean": "did you mean `{key}`? ",
    "schema.unknown": (
        "unknown key `{key}` in {place}: {hint}"
        "the handbook would ignore it, so rename or remove it (allowed: {allowed})"
    ),
    "schema.what_value": "`{name}`",
    "schema.what_item": "an item of `{name}`",
    "schema.type": "{what} must be {wanted}, but {actual}{fix}",
    "schema.either": "{first} or {second}",
    "type.string": "text",
    "type.array": "a list (lines starting with `- `)",
    "type.boolean": "true or false",
    "type.object": "keys with values below it",
    "actual.empty": "it is empty",
    "actual.boolean": "YAML reads `{text}` as {value} (a yes/no value)",
    "actual.number": "YAML reads `{text}` as a number",
    "actual.date": "YAML reads `{text}` as a date",
    "actual.binary": "the `!!binary` tag makes it binary data",
    "actual.list": "it is a list",
    "actual.mapping": "it holds keys",
    "actual.text": "it is the text `{value}`",
    "schema.space_after_dash": ": to make a list, put a space after each `-`, as in `- 品牌認知度`",
    "schema.quote_it": ": put it in quotes, e.g. '{text}'",
    # --- ids (HB020–HB022) --------------------------------------------------------
    "id.too_long": "is {length} characters long; at most {limit} are allowed",
    "id.reserved": "is a reserved word; choose another id",
    "id.not_slug": (
        "may only use lowercase letters a–z, digits and single hyphens between them; "
        "write an ASCII id{hint} and keep the Chinese name in `title`"
    ),
    "id.such_as": " such as `{slug}`",
    "id_format": "the {what} id `{id}` {reason}",
    "id_matches_file_name": (
        "the {what} id `{id}` differs from the file name `{stem}`: "
        "make them equal (change the id to `{stem}` or rename the file to `{id}.yml`)"
    ),
    "unique_ids.same": "the same id",
    "unique_ids.case": "an id equal up to case (`{original}`)",
    "unique_ids": "the {what} id `{id}` is already used: {same} at {where}; give each {what} its own id",
    # --- references (HB030–HB033) -------------------------------------------------
    "known_roles.unknown": "{where} names the role `{role}`, which has no file in roles/{hint}",
    "known_roles.did_you_mean_titled": " — did you mean `{role}` ({title})?",
    "known_roles.did_you_mean": " — did you mean `{role}`?",
    "no_reporting_cycle": "`reports_to` goes round in a circle: {circle}; the top role must have no `reports_to`",
    # --- departments (HB070-HB077) ------------------------------------------------
    "known_department": "`{key}` names the department `{department}`, which has no file in departments/{hint}",
    "known_department.did_you_mean": " — did you mean `{department}`?",
    "department_id.format": "the department id `{id}` {reason}",
    "department_id.file_name": (
        "the department id `{id}` differs from the file name `{stem}`: rename the file to {id}.yml, or change the id"
    ),
    "department_id.duplicate": "the department id `{id}` is already used in {other}: give each department its own id",
    "department_head.missing": (
        "the department `{department}` names no `head`: add `head:` with the id of the role that leads it"
    ),
    "department_head.unknown": (
        "the head `{role}` of the department `{department}` has no file in roles/: write the id of an existing role"
    ),
    "department_head.no_department": (
        "the head `{role}` of the department `{department}` names no department: "
        "add `department: {department}` to that role's file"
    ),
    "department_head.elsewhere": (
        "the head `{role}` of the department `{department}` belongs to the department `{other}`: "
        "choose a head from `{department}`, or move that role with `department: {department}`"
    ),
    "department_maintainers.missing": (
        "the department lists no `maintainers`: add the git-host handles (@name) or e-mail addresses "
        "of the people who approve changes to its files"
    ),
    "department_maintainers.bad": (
        "`{maintainer}` is not a git-host handle (@name or @org/team) or an e-mail address, "
        'so CODEOWNERS cannot use it: write it like "@wang-xiaoming" (in quotes) or name@example.com'
    ),
    "no_department_cycle": "`parent` goes round in a circle: {circle}; the top department must have no `parent`",
    "department_named.role": (
        "the role `{role}` names no `department`: add `department:` with one of {choices} "
        "(a team outside the company gets `external: true` instead)"
    ),
    "department_named.process": (
        "the process `{process}` names no `department`: add `department:` with the department that owns it, "
        "one of {choices}"
    ),
    "cross_department_manager": (
        "`{role}` (department `{department}`) reports to `{manager}` of the department `{other}`: move the role "
        "to `{other}`, or, if it heads `{department}`, make `{other}` the `parent` of `{department}`"
    ),
    "codeowners.stale": (
        "this file differs from what the departments and mkdocs.yml say (from line {line} on): "
        "run `handbook codeowners` and commit the file it writes"
    ),
    "diff.departments": "Departments and approvals",
    "diff.departments_none": "No department's files change.",
    "diff.department_file": "{path} (department {owners}): affects {affected}",
    "diff.work_given": "{step}: {letter} ➕ {role} of the department {department}",
    "diff.work_taken": "{step}: {letter} ➖ {role} of the department {department}",
    "diff.approvals": "Approval needed from the maintainers of each affected department:",
    "alias_claimed_twice": (
        "the former id `{alias}` is already listed under `aliases` of the {what} `{owner}` at {where}: "
        "an old address can lead to one role or process only; remove it from one of the two lists"
    ),
    "alias_is_live_id": (
        "the alias `{alias}` of `{role}` is also the id of the {what} in {path}: an alias is a former id "
        "that no {what} uses any more; remove it from `aliases`"
    ),
    "deprecated_alias": "{where} uses `{alias}`, the former id of `{role}` ({title}): write `{role}` instead",
    # --- safe text (HB050–HB057) --------------------------------------------------
    "safe_links": (
        "{field} links to `{target}`: only http://, https://, mailto: and relative links are allowed "
        "(other kinds, such as javascript: or data:, could run script or hide content): "
        "use an https:// address or remove the link"
    ),
    "no_images": (
        "{field} contains an image (`![…](…)`): handbook text may not show images; "
        "link to the picture instead, e.g. [圖](https://…)"
    ),
    "no_attribute_lists": (
        "{field} contains `{found}`, attribute-list syntax that would change the page around the text: remove it"
    ),
    "no_snippet_lines": "{field} contains `--8<--`, which asks MkDocs to paste another file into the page: remove it",
    "joined.item_dash": (
        "this line was joined to the item above, which now reads “{value}”: to make it an item of its own, "
        "move its `-` to column {column}, under the `-` of the item above"
    ),
    "joined.item": (
        "this line was joined to the item above, which now reads “{value}”: to make it an item of its own, "
        "start it with `- ` at column {column}, under the `-` above; if it belongs to that item, write both on "
        "one line"
    ),
    "joined.value": (
        "this line was joined to `{key}` above, which now reads “{value}”: `{key}` is one line, so write this "
        "text on the line of `{key}`; if it starts a new key, move it to column {column}, under `{key}`"
    ),
    "comment_in_value": (
        "` #` starts a comment, so everything from `#` on is dropped and {field} reads “{value}”: if it "
        "belongs to the value, put the whole value in quotes, like {example}; if it is a note, move it to a "
        "line of its own"
    ),
    "list_in_paragraph": (
        "this line starts with `- ` but is joined to the `{key}` text above, so it shows as a dash inside one "
        "paragraph, not as a list item: write the points as sentences, or put them in a list such as "
        "`checklist` or `responsibilities`"
    ),
    "misplaced_item": (
        "the keys below this item (`{key}` on line {line} …) are written again for the item on line {first}, "
        "so this item's `-` is probably indented too far: if it starts a new item next to the one on line "
        "{first}, move its `-` to column {column}"
    ),
    "text_too_long": (
        "{field} has {length} characters, more than the {limit} allowed: shorten it, or split it into several items"
    ),
    "one_line": (
        "{field} must be one line, but it has {count} lines: write it on one line (or split it into list items)"
    ),
    "no_raw_html": (
        "{field} contains the HTML tag `{tag}`, which the site shows as text and does not apply: "
        "use Markdown (**bold**, [link](https://…)) or remove it"
    ),
    "bidi_control": (
        "{field} contains the invisible character {code} ({name}), which can reorder how text is displayed "
        "so a reviewer reads something other than what is there: delete it"
    ),
    "invisible_character": (
        "{field} contains the invisible character {code} ({name}): delete it "
        "(it is often copied in from web pages and breaks search)"
    ),
    # --- RACI (HB101–HB108) -------------------------------------------------------
    "step_has_owner": (
        "step `{step}` has no owner: add `A: <role id>` under `raci` — the one role accountable for this step"
    ),
    "single_owner": (
        "step `{step}` has {count} owners ({names}): keep one role under `A` and move the others to `R` or `C`"
    ),
    "step_has_responsible": "step `{step}` has nobody under `R`: add `R: [<role id>]` — the roles that do the work",
    "role_once_per_step": (
        "step `{step}` lists `{role}` more than once ({letters}): give each role one letter "
        "(only R together with A is normal RACI)"
    ),
    "role_takes_part": (
        "the role `{role}` takes part in no step of any process: add it to a step's raci, "
        "or delete the file if the role is gone"
    ),
    "external_not_accountable": (
        "step `{step}` makes `{role}`, a team outside the department, its owner: "
        "the owner (`A`) should be a department role; put `{role}` under `R` or `C`"
    ),
    "buddy_internal": (
        "the buddy of `{role}` is `{buddy}`, a team outside the department: choose a department role "
        "whose holder can show a new hire around, or remove the `buddy` line"
    ),
    "buddy_not_self": (
        "`{role}` names itself as its own buddy: write the id of another department role "
        "(a colleague who already does similar work), or remove the `buddy` line"
    ),
    "buddy_not_manager": (
        "the buddy of `{role}` is `{buddy}`, the role it reports to: the page already names the manager; "
        "choose a colleague to ask the small questions, or remove the `buddy` line"
    ),
    "no_onboarding_on_external": (
        "`{field}` is written for `{role}`, a team outside the department, whose page has no onboarding plan, "
        "so it is shown nowhere: remove it, or remove `external: true` if the role belongs to the department"
    ),
    "onboarding_item_once": (
        '`{field}` lists "{item}" again (item {number}, already item {first}): remove item {number}, '
        "or change it to what it was meant to say"
    ),
    "stage_has_steps": "stage `{stage}` has no steps: add at least one step, or remove the stage",
    "checklist_has_items": "the checklist of step `{step}` is empty: add items, or remove the `checklist:` line",
    "site.no_site_url": (
        "mkdocs.yml does not say where the site is published (`site_url`), so the permanent link "
        "HR copies from a role page into job posts reads only `roles/<role id>/` and opens nothing "
        "outside the site: add a line such as `site_url: https://handbook.example.com/` "
        "with the site's real address"
    ),
    # --- the tool itself ------------------------------------------------------------
    "report.summary": "{errors} error(s), {warnings} warning(s)",
    # --- inputs: links, special files, names not read (HB006–HB008); writing --------
    "inputs.link": (
        "this is a symbolic link (a shortcut to another file or folder); the handbook reads and "
        "publishes only real files inside the repository: put the file itself here instead of the "
        "link, or delete the link"
    ),
    "inputs.special": ("this is {found}, not an ordinary file; the handbook reads only ordinary files: delete it"),
    "inputs.not_a_folder": "this should be a folder, but it is {found}: make it an ordinary folder",
    "inputs.folder_not_file": (
        "this is a folder, but the handbook reads a file by this name: move what is in it out, and delete the folder"
    ),
    "inputs.what.link": "a symbolic link",
    "inputs.what.pipe": "a named pipe",
    "inputs.what.socket": "a socket",
    "inputs.what.device": "a device file",
    "inputs.what.folder": "a folder",
    "inputs.what.file": "a file",
    "inputs.unread_name": (
        "this file is not read, because of its name (the handbook reads only names that end in "
        "`.yml` or `.yaml` in lower case, with no spaces before or after): rename it to `{meant}`"
    ),
    "inputs.unread_subfolder": "files in subfolders are not read: move this file to `{meant}`",
    "inputs.stray": (
        "this file is not read: only `.yml` files directly in `{folder}/` are part of the "
        "handbook; if it is a backup or a note, delete it or keep it outside `{folder}/`"
    ),
    "search.pagefind_missing": (
        "Pagefind, the search of big handbooks, is not installed: run `make` (or `pip install "
        "pagefind[extended]`), or set `search_engine: material` under `handbook:` in mkdocs.yml"
    ),
    "search.pagefind_failed": (
        "Pagefind could not build the search of the site in {site}: {output}; build again, or set "
        "`search_engine: material` under `handbook:` in mkdocs.yml"
    ),
    "write.link": (
        "not writing through {path}: it is a symbolic link; delete the link (nothing is written where it points)"
    ),
    "run.not_a_folder": "{path} is not a folder",
    "run.not_a_handbook": "{path} has no roles/ or processes/ folder; is it a handbook?",
    "run.ok": "ok: {roles} roles and {processes} processes, no problems",
    "run.not_building": "not building: fix the errors above first",
    "run.strict_warnings": "--strict: the warnings above count as errors; fix them first",
    "run.has_errors": "the handbook has errors:",
    "skeleton.role_title": "New role (write its name here)",
    "skeleton.role_summary": "One sentence: what this role does for the team.",
    "skeleton.responsibility": "Something this role is responsible for.",
    "skeleton.metric": "A metric this role watches.",
    "skeleton.process_title": "New process (write its name here)",
    "skeleton.process_summary": "One sentence: what this process is for.",
    "skeleton.stage_title": "First stage",
    "skeleton.step_title": "First step",
    "skeleton.checklist_item": "The first thing to do in this step.",
    "skeleton.department_title": "New department",
    "skeleton.department_summary": "One sentence: what this department does for the company.",
    "run.exists": "{path} already exists: choose another id, or edit that file",
    "run.id_taken": (
        "cannot create it: `{id}` is already the id, or a former id under `aliases`, of the {what} in {path}: "
        "choose another id"
    ),
    "run.bad_new_id": "cannot create it: the {what} id `{id}` {reason}",
    "run.no_roles_yet": "create a role first (handbook new role ID): a process step needs a role as its owner",
    "run.wrote": "wrote {path}",
    "mermaid.downloading": "Downloading Mermaid {version} from the npm registry (once), so the site's diagrams "
    "work without the internet",
    "mermaid.failed": "error: could not install Mermaid {version}: {error}",
    "diff.title": "Who owns what: changes from {base} to {head}",
    "diff.working_tree": "the working tree",
    "diff.none": "No changes to roles, reporting lines, titles, summaries, responsibilities, RACI, checklists, stages "
    "or steps.",
    "diff.nobody": "nobody",
    "diff.empty": "(empty)",
    "diff.separator": "; ",
    "diff.roles": "Roles",
    "diff.role_added": "Added: {role}",
    "diff.role_removed": "Removed: {role}",
    "diff.role_renamed": "Renamed: {old} → {role}",
    "diff.reporting": "Reporting lines",
    "diff.reports_to_changed": "{role} reports to {before} → {after}",
    "diff.texts": "Titles and summaries",
    "diff.title_changed": "Title of {thing}: {before} → {after}",
    "diff.summary_changed": "Summary of {thing}: {before} → {after}",
    "diff.responsibilities": "Responsibilities",
    "diff.ownership": "Process owners and RACI per step",
    "diff.process_owner_changed": "Owner of process {process}: {before} → {after}",
    "diff.step_changes": "{step}: {changes}",
    "diff.letter_change": "{letter}: {change}",
    "diff.letter_R": "Responsible (`R`)",
    "diff.letter_A": "Accountable (`A`)",
    "diff.letter_C": "Consulted (`C`)",
    "diff.letter_I": "Informed (`I`)",
    "diff.checklists": "Checklists",
    "diff.structure": "Processes, stages and steps",
    "diff.process_added": "Added process: {process}",
    "diff.process_removed": "Removed process: {process}",
    "diff.stage_added": "Added stage: {stage}",
    "diff.stage_removed": "Removed stage: {stage}",
    "diff.step_added": "Added step: {step}; Accountable (`A`): {owner}",
    "diff.step_removed": "Removed step: {step}; Accountable (`A`) was {owner}",
    "diff.step_moved": "Moved step: {step}, from stage {before} to {after}",
    # The command line's own status lines.
    "run.config_unreadable": "warning: cannot read {path}: {error}",
    "run.no_site_config": "{path} is missing; it tells MkDocs how to build the site",
    "run.build_failed": "the build failed, {path} is unchanged: {error}",
    "run.preview": "Preview it with: make serve (or handbook serve), then open http://127.0.0.1:8000",
    "run.not_exporting": "not exporting: fix the errors above first",
    "run.cannot_write": "cannot write {path}: {error}",
    # `handbook --help` (see generator.cli_help).
    "help.usage": "Usage:",
    "help.section.options": "Options",
    "help.section.commands": "Commands",
    "help.option.help": "Show this message and exit.",
    "help.main": "Compile a role handbook (roles/ and processes/ in YAML) into a website.",
    "help.main.version": "Show the version and exit.",
    "help.lang": "Language of the messages. Default: the theme language in mkdocs.yml, else English.",
    "help.directory": "The handbook.",
    "help.validate": (
        "Check every role and process file; exit 1 when there are errors, 2 when DIRECTORY is not a handbook."
    ),
    "help.validate.output_format": "How to print problems.",
    "help.validate.strict": "Warnings fail too (exit code 1).",
    "help.validate.no_cache": "Read every file again, ignoring and not writing the results kept in .cache/validate/.",
    "help.build": "Validate, then build the site; a failed build leaves the previous site untouched.",
    "help.build.strict": "Fail on handbook warnings and MkDocs warnings too.",
    "help.build.site_dir": "Where to write the site.",
    "help.export": "Write the whole handbook as one JSON document for HR systems (schema: export.schema.json).",
    "help.export.output_format": "Export format.",
    "help.export.output": "Write here, not to stdout.",
    "help.diff": "Who owns what, changed between git revision BASE and HEAD (default: the working tree), as Markdown.",
    "help.schema": (
        "Write the JSON Schemas of role, process and department files (the ones the validator uses), for editors."
    ),
    "help.schema.output": "Folder to write role, process and department .schema.json into.",
    "help.new": (
        "Write a skeleton roles/ID.yml, processes/ID.yml or departments/ID.yml to fill in; never overwrites a file."
    ),
    "help.codeowners": (
        "Write CODEOWNERS from the data: each department's files to its maintainers, the tool to the handbook's."
    ),
    "help.codeowners.syntax": "Whose CODEOWNERS.",
    "help.codeowners.output": (
        "Write here (- for stdout); default: the CODEOWNERS file already there, else .github/ or .gitlab/CODEOWNERS."
    ),
    "help.engine": "What builds the site: MkDocs (with Material), or Zensical from the pages the plugin generates.",
    "help.serve": (
        "Preview the site, rebuilding the pages a YAML or Markdown change touches; errors show in the browser."
    ),
    "help.serve.dev_addr": "Address to serve on.",
    # `handbook serve` (and the plugin in any preview): its address and one line per rebuild.
    "serve.address": "Previewing the handbook at {url} (rebuilds when a file changes; Ctrl+C stops)",
    "serve.rebuilt": "rebuilt: no errors ({seconds} s)",
    "serve.rebuilt_warnings": "rebuilt: no errors, {count} warnings ({seconds} s)",
    "serve.rebuilt_errors": "rebuilt: {count} errors, shown in the browser until they are fixed ({seconds} s)",
    "serve.search_updated": "search updated ({seconds} s); until this line, search answered from the site before",
    "serve.search_failed": "search was not updated: {error}",
    "serve.failed": "the rebuild failed ({seconds} s): {error}",
    "serve.errors_title": "The handbook has errors",
    "serve.errors_intro": (
        "This preview keeps the last version that built. Fix what is listed here and save: the page updates by itself."
    ),
    "serve.no_errors": "No errors: the preview shows the handbook as it is now.",
    "serve.engine_missing": "{engine} is not installed: pip install {package}",
    "serve.engine_built": "built {path} with {engine} ({seconds} s)",
}
