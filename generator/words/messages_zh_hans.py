"""The Simplified Chinese (zh-Hans) message catalog; same keys and fields as the English one."""

from __future__ import annotations

ZH_HANS: dict[str, str] = {
    "thing.role": "角色",
    "thing.process": "流程",
    "thing.stage": "阶段",
    "thing.step": "步骤",
    "thing.alias": "别名",
    "thing.glossary": "词汇表",
    "thing.department": "部门",
    "field.value": "`{name}`",
    "field.item": "`{name}` 的第 {number} 项",
    "where.reports_to": "`reports_to`",
    "where.buddy": "`buddy`",
    "where.owner": "`owner`",
    "where.raci": "步骤 `{step}` 的 `{letter}`",
    "where.alias": "`{role}` 的别名列表",
    "load.too_big": "文件有 {size:,} 字节；手册文件最多 {kib} KiB（{limit:,} 字节）：请拆成几个文件",
    "load.cannot_read": "无法读取文件：{reason}",
    "load.not_regular": "读取时这个文件变成了快捷方式或特殊文件：请换回普通文件",
    "load.not_utf8": "文件不是 UTF-8 文字：请以 UTF-8 编码保存",
    "load.control_character": "文件含有 YAML 不允许的控制字符（代码 {code}）：请删除它",
    "load.bad_escape": (
        "引号里的 `{escape}` 不代表任何字符（只是半个字符代码，或超出范围）：请直接写出该字符，或删除这个转义码"
    ),
    "load.too_deep": "资料嵌套超过 {depth} 层；手册格式不需要这么深",
    "load.not_yaml": "这不是有效的 YAML：{hint}",
    "load.not_yaml_problem": "这不是有效的 YAML（{problem}）：请检查缩进，含特殊符号的文字请加上引号",
    "load.not_yaml_detail": "这不是有效的 YAML（{detail}）",
    "load.tab": "这一行用 Tab 缩进；YAML 只接受空白：请把 Tab 换成空白",
    "load.empty": "文件是空的：请在这里写下这个{kind}，从 `id:` 与 `title:` 开始",
    "hint.colon_in_value": "冒号后面接空白会在这里开始一个新的键；如果它是文字的一部分，请把整个值加上引号",
    "hint.missing_colon": "有一行的键后面少了冒号，或缩进没有对齐",
    "hint.indentation": "缩进和上面几行没有对齐",
    "hint.several_documents": "文件里有不只一份 YAML 文件（有一行 ---）；只保留一份",
    "hint.undefined_alias": "用了 *（别名参照），本手册不接受",
    "hint.unknown_escape": "双引号中的反斜线开始了一个未知的跳脱字符；请改用单引号",
    "hint.unclosed_quote": "有一个引号开了却没有关上",
    "hint.unclosed_bracket": "有一个引号或括号开了却没有关上",
    "load.odd_space": "这一行用全角空格或不换行空格（{code}）缩进；YAML 只接受半角空格：请换成半角空格",
    "hint.or": "{first}或{second}",
    "hint.item_column": "第 {column} 列（`{key}` 的项目）",
    "hint.align_item": "这个项目的 `-` 和上面的项目没有对齐：把 `-` 移到{choices}",
    "hint.key_column": "第 {column} 列（和 `{key}` 对齐）",
    "hint.align_key": "这一行和上面的键没有对齐：按它所属的区块，从{choices}开始写",
    "hint.align_item_to": (
        "这个项目比前后的项目缩进得少，所以下面几行被并进了它：把它的 `-` 移到第 {column} 列，和其他项目的 `-` 对齐"
    ),
    "hint.joined_key": (
        "这一行比第 {line} 行的 `{key}` 缩进得多，YAML 会把它并进那个值：请从第 {column} 列开始写，对齐 `{key}`"
    ),
    "hint.full_width_dash": "列表项目用了全角的 `－` 开头：请改打半角的 `-` 再加一个空格",
    "hint.space_after_dash": "列表项目的 `-` 后面要有一个空格：请写成 `- ` 再接文字",
    "hint.full_width_colon": "键后面用了全角冒号 `：`：请改用半角冒号 `:` 再加一个空格",
    "hint.quote_closed_later": (
        "这里开的引号没有在这一行关上，一路延续到第 {line} 行的引号：请在这个值的结尾关上引号，或把它删掉"
    ),
    "hint.text_after_quote": "结束的引号后面还有文字：请把整个值放进引号里，或把引号删掉",
    "hint.missing_colon_here": "这一行的键后面没有冒号：请写成「键」加半角冒号 `:`、一个空格，再接值",
    "hint.missing_dash": "这一行和上面的列表项目对齐，却没有 `-`：要当成一个项目，请在开头加上 `- `",
    "top_level.list": "一个列表",
    "top_level.value": "单一个值",
    "top_level_mapping": "文件内容是{found}；{kind}档必须从最左边的 `id:`、`title:` 等键开始",
    "duplicate_key": "键 `{key}` 出现两次，在第 {first} 行与第 {second} 行：只保留一个（YAML 会默默丢掉前一个）",
    "plain_yaml.tag": "请移除标签 `{detail}`；不允许使用标签（它们可能让 YAML 工具执行程序）",
    "plain_yaml.anchor": "请移除锚点 `{detail}`；把值完整写出来，不要重复引用",
    "plain_yaml.alias": "请把别名参照 `{detail}` 换成完整写出的值；别名参照会让审阅者看不到内容",
    "plain_yaml.merge_key": "请移除合并键 `<<`；把键完整写出来，让审阅者看得到",
    "place.file": "这个{kind}",
    "place.stage": "第 {stage} 个阶段",
    "place.step": "第 {stage} 个阶段的第 {step} 个步骤",
    "place.raci": "第 {stage} 个阶段第 {step} 个步骤的 raci",
    "schema.empty_value": "`{key}` 是空的：请写上值——这是必填字段",
    "schema.missing": "{place}没有 `{key}`：请加上 `{key}:`——这是必填字段",
    "schema.did_you_mean": "是不是要写 `{key}`？",
    "schema.unknown": "{place}中有未知的键 `{key}`：{hint}手册会忽略它，请改名或删除（可用的键：{allowed}）",
    "schema.what_value": "`{name}`",
    "schema.what_item": "`{name}` 的一个项目",
    "schema.type": "{what}必须是{wanted}，但{actual}{fix}",
    "schema.either": "{first}或{second}",
    "type.string": "文字",
    "type.array": "列表（以 `- ` 开头的几行）",
    "type.boolean": "true 或 false",
    "type.object": "下方带有键与值",
    "actual.empty": "它是空的",
    "actual.boolean": "YAML 把 `{text}` 读成 {value}（是／否的值）",
    "actual.number": "YAML 把 `{text}` 读成数字",
    "actual.date": "YAML 把 `{text}` 读成日期",
    "actual.binary": "`!!binary` 标签让它变成二进制数据",
    "actual.list": "它是一个列表",
    "actual.mapping": "它底下有键",
    "actual.text": "它是文字 `{value}`",
    "schema.space_after_dash": "：要写成列表，每个 `-` 后面都要有一个空格，例如 `- 品牌认知度`",
    "schema.quote_it": "：请加上引号，例如 '{text}'",
    "id.too_long": "长达 {length} 个字符；最多只能 {limit} 个",
    "id.reserved": "是保留字；请换一个 id",
    "id.not_slug": (
        "只能使用小写英文字母 a–z、数字，以及夹在中间的单一连字号；请写英文 id{hint}，中文名称放在 `title`"
    ),
    "id.such_as": "，例如 `{slug}`",
    "id_format": "{what} id `{id}` {reason}",
    "id_matches_file_name": (
        "{what} id `{id}` 与档名 `{stem}` 不同：请让两者一致（把 id 改成 `{stem}`，或把文件改名为 `{id}.yml`）"
    ),
    "unique_ids.same": "相同的 id",
    "unique_ids": "{what} id `{id}` 已经被使用：{where} 有{same}；每个{what}都要有自己的 id",
    "unique_ids.case": "只差在大小写的 id（`{original}`）",
    "known_roles.unknown": "{where}指定了角色 `{role}`，但 roles/ 中没有这个角色的文件{hint}",
    "known_roles.did_you_mean_titled": "——是不是要写 `{role}`（{title}）？",
    "known_roles.did_you_mean": "——是不是要写 `{role}`？",
    "no_reporting_cycle": "`reports_to` 绕成一个圈：{circle}；最上层的角色不能有 `reports_to`",
    # --- departments (HB070-HB077) ------------------------------------------------
    "known_department": "`{key}` 写的部门 `{department}` 在 departments/ 里没有文件{hint}",
    "known_department.did_you_mean": "——是不是 `{department}`？",
    "department_id.format": "部门 id `{id}` {reason}",
    "department_id.file_name": "部门 id `{id}` 与文件名 `{stem}` 不同：把文件改名为 {id}.yml，或修改 id",
    "department_id.duplicate": "部门 id `{id}` 已用于 {other}：每个部门要有自己的 id",
    "department_head.missing": "部门 `{department}` 没有写 `head`：加上 `head:`，写带领这个部门的角色 id",
    "department_head.unknown": "部门 `{department}` 的主管 `{role}` 在 roles/ 里没有文件：请写一个已有角色的 id",
    "department_head.no_department": (
        "部门 `{department}` 的主管 `{role}` 没有写所属部门：在该角色的文件加上 `department: {department}`"
    ),
    "department_head.elsewhere": (
        "部门 `{department}` 的主管 `{role}` 属于部门 `{other}`：请从 `{department}` 选一位主管，"
        "或在该角色写 `department: {department}` 把它移过来"
    ),
    "department_maintainers.missing": (
        "这个部门没有写 `maintainers`：加上负责批准本部门文件变更的人的 git 账号（@名称）或电子邮件"
    ),
    "department_maintainers.bad": (
        "`{maintainer}` 不是 git 账号（@名称 或 @组织/团队）也不是电子邮件，CODEOWNERS 无法使用："
        '请写成 "@wang-xiaoming"（加引号）或 name@example.com'
    ),
    "no_department_cycle": "`parent` 绕成一个圈：{circle}；最上层的部门不能有 `parent`",
    "department_named.role": (
        "角色 `{role}` 没有写 `department`：加上 `department:`，写 {choices} 之一（公司外的团队改写 `external: true`）"
    ),
    "department_named.process": (
        "流程 `{process}` 没有写 `department`：加上 `department:`，写负责这个流程的部门，{choices} 之一"
    ),
    "cross_department_manager": (
        "`{role}`（部门 `{department}`）向部门 `{other}` 的 `{manager}` 汇报：把这个角色移到 `{other}`；"
        "若它是 `{department}` 的主管，则把 `{other}` 写成 `{department}` 的 `parent`"
    ),
    "codeowners.stale": (
        "这个文件与部门数据及 mkdocs.yml 不符（自第 {line} 行起）：运行 `handbook codeowners` 并提交它写出的文件"
    ),
    "diff.departments": "部门与批准",
    "diff.departments_none": "没有任何部门的文件变更。",
    "diff.department_file": "{path}（部门 {owners}）：影响 {affected}",
    "diff.work_given": "{step}：{letter} ➕ 部门 {department} 的 {role}",
    "diff.work_taken": "{step}：{letter} ➖ 部门 {department} 的 {role}",
    "diff.approvals": "需要每个受影响部门的维护者批准：",
    "alias_claimed_twice": (
        "旧 id `{alias}` 已列在{what} `{owner}` 的 `aliases`（{where}）：一个旧网址只能通往一个角色或流程；"
        "请从其中一份清单删除它"
    ),
    "alias_is_live_id": (
        "`{role}` 的别名 `{alias}` 同时是 {path} 中{what}的 id：别名是已不再使用的旧 id；请把它从 `aliases` 删除"
    ),
    "deprecated_alias": "{where}使用了 `{alias}`，这是 `{role}`（{title}）的旧 id：请改写成 `{role}`",
    "safe_links": (
        "{field}连到 `{target}`：只允许 http://、https://、mailto: 与相对链接"
        "（其他种类如 javascript: 或 data: 可能执行程序或藏住内容）：请改用 https:// 网址或移除链接"
    ),
    "no_images": "{field}含有图片（`![…](…)`）：手册文字不能显示图片；请改成连到图片的链接，例如 [图](https://…)",
    "no_attribute_lists": "{field}含有 `{found}`，这是会改变文字周围页面的属性列表语法：请删除",
    "no_snippet_lines": "{field}含有 `--8<--`，它会让 MkDocs 把另一个文件贴进页面：请删除",
    "joined.item_dash": (
        "这一行被并进了上一个项目，现在读成「{value}」：要让它自成一项，请把它的 `-` 移到第 {column} 列，对齐上"
        "一个项目的 `-`"
    ),
    "joined.item": (
        "这一行被并进了上一个项目，现在读成「{value}」：要让它自成一项，请在第 {column} 列以 `- ` 开头，对齐上"
        "面的 `-`；如果它属于上一个项目，请把两行写成一行"
    ),
    "joined.value": (
        "这一行被并进了上面的 `{key}`，现在读成「{value}」：`{key}` 只能有一行，请把这段文字写在 `{key}` 那一行"
        "；如果它是新的键，请移到第 {column} 列，对齐 `{key}`"
    ),
    "comment_in_value": (
        "` #` 会开始一段注释，所以从 `#` 起的文字都被丢掉，{field} 只剩「{value}」：如果它属于这个值，请把整个"
        "值加上引号，例如 {example}；如果它是备注，请移到单独的一行"
    ),
    "list_in_paragraph": (
        "这一行以 `- ` 开头，却被并进了上面 `{key}` 的文字，在页面上只是段落中的一个破折号，不会成为列表项目："
        "请把各点写成句子，或放进 `checklist`、`responsibilities` 这类列表"
    ),
    "misplaced_item": (
        "这个项目下面的键（第 {line} 行的 `{key}` …）重复写进了第 {first} 行的项目，所以这个项目的 `-` 可能缩进"
        "得太多：如果它是和第 {first} 行并列的新项目，请把它的 `-` 移到第 {column} 列"
    ),
    "text_too_long": "{field}有 {length} 个字符，超过上限 {limit}：请缩短，或拆成几个列表项目",
    "one_line": "{field}只能有一行，但它有 {count} 行：请写成一行（或拆成几个列表项目）",
    "no_raw_html": (
        "{field}含有 HTML 标签 `{tag}`，网站会把它显示成文字而不会套用："
        "请改用 Markdown（**粗体**、[链接](https://…)）或删除"
    ),
    "bidi_control": (
        "{field}含有看不见的字符 {code}（{name}），它能改变文字显示的顺序，让审阅者读到的和实际内容不同：请删除"
    ),
    "invisible_character": (
        "{field}含有看不见的字符 {code}（{name}）：请删除（它常在从网页复制时混进来，并会干扰搜索）"
    ),
    "step_has_owner": "步骤 `{step}` 没有负责人：请在 `raci` 下加上 `A: <角色 id>`——为这个步骤负责的唯一角色",
    "single_owner": "步骤 `{step}` 有 {count} 位负责人（{names}）：`A` 只保留一个角色，其他的移到 `R` 或 `C`",
    "step_has_responsible": "步骤 `{step}` 的 `R` 没有任何角色：请加上 `R: [<角色 id>]`——实际执行工作的角色",
    "role_once_per_step": (
        "步骤 `{step}` 列了 `{role}` 不只一次（{letters}）：每个角色只给一个字母（只有 R 加 A 是常见的 RACI 写法）"
    ),
    "role_takes_part": (
        "角色 `{role}` 没有参与任何流程的任何步骤：请把它加进某个步骤的 raci，若这个角色已不存在，请删除文件"
    ),
    "external_not_accountable": (
        "步骤 `{step}` 让部门外的团队 `{role}` 当负责人：负责人（`A`）应该是部门内的角色；请把 `{role}` 放在 `R` 或 `C`"
    ),
    "buddy_internal": (
        "`{role}` 的带路伙伴 `{buddy}` 是部门以外的团队：请改成部门内、能带新人熟悉环境的角色，或删除 `buddy` 这一行"
    ),
    "buddy_not_self": (
        "`{role}` 把自己写成自己的带路伙伴：请写另一个部门角色的 id（已在做类似工作的同事），或删除 `buddy` 这一行"
    ),
    "buddy_not_manager": (
        "`{role}` 的带路伙伴 `{buddy}` 就是它的直属上级：页面上已经列出上级了；"
        "请改成可以问小问题的同事，或删除 `buddy` 这一行"
    ),
    "no_onboarding_on_external": (
        "部门以外的团队 `{role}` 写了 `{field}`，但它的页面没有入职计划，所以不会显示在任何地方："
        "请删除它；若这个角色其实属于部门，请删除 `external: true`"
    ),
    "onboarding_item_once": (
        "`{field}` 又列了一次「{item}」（第 {number} 项，和第 {first} 项相同）："
        "请删除第 {number} 项，或改成原本想写的内容"
    ),
    "stage_has_steps": "阶段 `{stage}` 没有任何步骤：请至少加一个步骤，或删除这个阶段",
    "site.no_site_url": (
        "mkdocs.yml 没有写网站发布的网址（`site_url`），人事从角色页复制到招聘启事的永久链接"
        "只会是 `roles/<角色 id>/`，在网站以外点开会找不到页面：请加上一行，例如 "
        "`site_url: https://handbook.example.com/`，换成网站实际的网址"
    ),
    "checklist_has_items": "步骤 `{step}` 的检查列表是空的：请加上项目，或删除 `checklist:` 这一行",
    "report.summary": "{errors} 个错误，{warnings} 个警告",
    "inputs.link": (
        "这是一个符号链接（指向别的文件或文件夹的快捷方式）；"
        "手册只读取并发布仓库里真正的文件：请把文件本身放在这里取代链接，或删除链接"
    ),
    "inputs.special": "这是{found}，不是普通文件；手册只读取普通文件：请删除它",
    "inputs.not_a_folder": "这里应该是文件夹，却是{found}：请改成普通的文件夹",
    "inputs.folder_not_file": "这是一个文件夹，但手册读取的是同名的文件：请把里面的东西移出来，再删除这个文件夹",
    "inputs.what.link": "符号链接",
    "inputs.what.pipe": "命名管道",
    "inputs.what.socket": "套接字（socket）",
    "inputs.what.device": "设备文件",
    "inputs.what.folder": "文件夹",
    "inputs.what.file": "文件",
    "inputs.unread_name": (
        "这个文件因为文件名而没有被读取（手册只读取以小写 `.yml` 或 `.yaml` 结尾、"
        "前后没有空格的文件名）：请改名为 `{meant}`"
    ),
    "inputs.unread_subfolder": "子文件夹里的文件不会被读取：请把这个文件移到 `{meant}`",
    "inputs.stray": (
        "这个文件没有被读取：只有直接放在 `{folder}/` 里的 `.yml` "
        "文件属于手册；如果它是备份或笔记，请删除，或放到 `{folder}/` "
        "以外的地方"
    ),
    "search.pagefind_missing": (
        "未安装大型手册使用的搜索工具 Pagefind：请运行 make（或 pip install pagefind[extended]），"
        "或在 mkdocs.yml 的 handbook: 下设置 search_engine: material"
    ),
    "search.pagefind_failed": (
        "Pagefind 无法为 {site} 的网站建立搜索：{output}；请重新构建，或在 mkdocs.yml 的 handbook: 下"
        "设置 search_engine: material"
    ),
    "write.link": "不写入 {path}：它是符号链接；请删除这个链接（不会写到它指向的地方）",
    "run.not_a_folder": "{path} 不是文件夹",
    "run.not_a_handbook": "{path} 没有 roles/ 或 processes/ 文件夹；它是手册吗？",
    "run.ok": "没有问题：{roles} 个角色、{processes} 个流程",
    "run.not_building": "不建置网站：请先修正上面的错误",
    "run.strict_warnings": "--strict：上面的警告都视为错误；请先修正",
    "run.has_errors": "手册有错误：",
    "skeleton.role_title": "新角色（请在这里写角色名称）",
    "skeleton.role_summary": "用一句话说明这个角色为团队做什么。",
    "skeleton.responsibility": "这个角色负责的一件事。",
    "skeleton.metric": "这个角色关注的一项指标。",
    "skeleton.process_title": "新流程（请在这里写流程名称）",
    "skeleton.process_summary": "用一句话说明这个流程的目的。",
    "skeleton.stage_title": "第一个阶段",
    "skeleton.step_title": "第一个步骤",
    "skeleton.checklist_item": "这个步骤要做的第一件事。",
    "skeleton.department_title": "新部门",
    "skeleton.department_summary": "一句话：这个部门为公司做什么。",
    "run.exists": "{path} 已经存在：请换一个 id，或直接编辑那个文件",
    "run.id_taken": "无法创建：`{id}` 已经是 {path} 中{what}的 id 或 `aliases` 里的旧 id：请换一个 id",
    "run.bad_new_id": "无法创建：{what} id `{id}` {reason}",
    "run.no_roles_yet": "请先创建一个角色（handbook new role ID）：流程的步骤需要一个角色当负责人",
    "run.wrote": "已写入 {path}",
    "mermaid.downloading": "正在从 npm 软件包仓库下载 Mermaid {version}（只需一次），让网站的图表不联网也能显示",
    "mermaid.failed": "错误：无法安装 Mermaid {version}：{error}",
    "diff.title": "谁负责什么：从 {base} 到 {head} 的变更",
    "diff.working_tree": "工作目录",
    "diff.none": "角色、汇报对象、标题、摘要、职责、RACI、检查清单、阶段与步骤都没有变更。",
    "diff.nobody": "无",
    "diff.empty": "（空白）",
    "diff.separator": "；",
    "diff.roles": "角色",
    "diff.role_added": "新增：{role}",
    "diff.role_removed": "删除：{role}",
    "diff.role_renamed": "改名：{old} → {role}",
    "diff.reporting": "汇报对象",
    "diff.reports_to_changed": "{role} 的汇报对象：{before} → {after}",
    "diff.texts": "标题与摘要",
    "diff.title_changed": "{thing} 的标题：{before} → {after}",
    "diff.summary_changed": "{thing} 的摘要：{before} → {after}",
    "diff.responsibilities": "职责",
    "diff.ownership": "流程维护者与各步骤的 RACI",
    "diff.process_owner_changed": "流程 {process} 的维护者：{before} → {after}",
    "diff.step_changes": "{step}：{changes}",
    "diff.letter_change": "{letter}：{change}",
    "diff.letter_R": "执行（`R`）",
    "diff.letter_A": "负责（`A`）",
    "diff.letter_C": "咨询（`C`）",
    "diff.letter_I": "知情（`I`）",
    "diff.checklists": "检查清单",
    "diff.structure": "流程、阶段与步骤",
    "diff.process_added": "新增流程：{process}",
    "diff.process_removed": "删除流程：{process}",
    "diff.stage_added": "新增阶段：{stage}",
    "diff.stage_removed": "删除阶段：{stage}",
    "diff.step_added": "新增步骤：{step}；负责人（`A`）：{owner}",
    "diff.step_removed": "删除步骤：{step}（原负责人（`A`）：{owner}）",
    "diff.step_moved": "移动步骤：{step}，从阶段 {before} 移到 {after}",
    # The command line's own status lines.
    "run.config_unreadable": "警告：无法读取 {path}：{error}",
    "run.no_site_config": "找不到 {path}：MkDocs 要靠它才知道怎么构建网站",
    "run.build_failed": "构建失败，{path} 保持原样：{error}",
    "run.preview": "预览：运行 make serve（或 handbook serve），再打开 http://127.0.0.1:8000",
    "run.not_exporting": "不导出：请先修正上面的错误",
    "run.cannot_write": "无法写入 {path}：{error}",
    # `handbook --help` (see generator.cli_help).
    "help.usage": "用法：",
    "help.section.options": "选项",
    "help.section.commands": "命令",
    "help.option.help": "显示这段说明后退出。",
    "help.main": "把角色手册（YAML 写的 roles/ 和 processes/）编译成网站。",
    "help.main.version": "显示版本后退出。",
    "help.lang": "消息的语言。默认：mkdocs.yml 的 theme.language，否则英文。",
    "help.directory": "手册所在的文件夹。",
    "help.validate": "检查每个角色与流程文件；有错误时退出码为 1，DIRECTORY 不是手册时为 2。",
    "help.validate.output_format": "问题的输出格式（默认：text）。",
    "help.validate.strict": "警告也算失败（退出码 1）。",
    "help.validate.no_cache": "每个文件都重新读取，不使用、也不写入 .cache/validate/ 里保存的结果。",
    "help.build": "先验证，再构建网站；构建失败时保留原来的网站。",
    "help.build.strict": "手册的警告和 MkDocs 的警告也算失败。",
    "help.build.site_dir": "网站要写到哪个文件夹。",
    "help.export": "把整本手册导出成一份给人事系统用的 JSON 文档（结构：export.schema.json）。",
    "help.export.output_format": "导出格式（默认：json）。",
    "help.export.output": "写进这个文件，而不是打印在屏幕上。",
    "help.diff": "列出 git 版本 BASE 到 HEAD（默认：工作目录）之间“谁负责什么”的变更，输出 Markdown。",
    "help.schema": "写出角色、流程与部门文件的 JSON Schema（验证器用的同一份），供编辑器使用。",
    "help.schema.output": "角色、流程与部门的 .schema.json 要写进的文件夹（默认：schema）。",
    "help.new": "写出一份可直接填写的 roles/ID.yml、processes/ID.yml 或 departments/ID.yml 骨架；绝不覆盖已有文件。",
    "help.codeowners": "依 departments/ 与 mkdocs.yml 写出 CODEOWNERS：每个部门的文件交给它的维护者审核。",
    "help.codeowners.syntax": "CODEOWNERS 的格式（GitHub 或 GitLab）。",
    "help.codeowners.output": (
        "写到这里（- 代表标准输出）；默认：已有的 CODEOWNERS 文件，否则 .github/ 或 .gitlab/CODEOWNERS。"
    ),
    "help.engine": "用什么构建网站：MkDocs（搭配 Material），或用 Zensical 构建插件生成的页面。",
    "help.serve": "预览网站：YAML 或 Markdown 一改，只重建受影响的页面；错误会显示在浏览器里。",
    "help.serve.dev_addr": "预览服务器的地址（默认：127.0.0.1:8000）。",
    # `handbook serve` (and the plugin in any preview): its address and one line per rebuild.
    "serve.address": "预览手册：{url}（文件变更时自动重新构建；按 Ctrl+C 停止）",
    "serve.rebuilt": "已重新构建：没有错误（{seconds} 秒）",
    "serve.rebuilt_warnings": "已重新构建：没有错误，{count} 个警告（{seconds} 秒）",
    "serve.rebuilt_errors": "已重新构建：{count} 个错误，修正前浏览器会显示错误列表（{seconds} 秒）",
    "serve.search_updated": "搜索已更新（{seconds} 秒）；这行出现之前，搜索结果来自重新构建前的网站",
    "serve.search_failed": "搜索没有更新：{error}",
    "serve.failed": "重新构建失败（{seconds} 秒）：{error}",
    "serve.errors_title": "手册有错误",
    "serve.errors_intro": "预览仍显示上一次成功构建的版本。请修正下列问题并保存，页面会自动更新。",
    "serve.no_errors": "没有错误：预览显示的是手册当前的内容。",
    "serve.engine_missing": "没有安装 {engine}：请运行 pip install {package}",
    "serve.engine_built": "已用 {engine} 构建 {path}（{seconds} 秒）",
}
