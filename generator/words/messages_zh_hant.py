"""The Traditional Chinese (zh-Hant) message catalog; same keys and fields as the English one."""

from __future__ import annotations

ZH_HANT: dict[str, str] = {
    "thing.role": "角色",
    "thing.process": "流程",
    "thing.stage": "階段",
    "thing.step": "步驟",
    "thing.alias": "別名",
    "thing.glossary": "詞彙表",
    "thing.department": "部門",
    "field.value": "`{name}`",
    "field.item": "`{name}` 的第 {number} 項",
    "where.reports_to": "`reports_to`",
    "where.buddy": "`buddy`",
    "where.owner": "`owner`",
    "where.raci": "步驟 `{step}` 的 `{letter}`",
    "where.alias": "`{role}` 的別名清單",
    "load.too_big": "檔案有 {size:,} 位元組；手冊檔案最多 {kib} KiB（{limit:,} 位元組）：請拆成幾個檔案",
    "load.cannot_read": "無法讀取檔案：{reason}",
    "load.not_regular": "讀取時這個檔案變成了捷徑或特殊檔案：請換回一般檔案",
    "load.not_utf8": "檔案不是 UTF-8 文字：請以 UTF-8 編碼儲存",
    "load.control_character": "檔案含有 YAML 不允許的控制字元（代碼 {code}）：請刪除它",
    "load.bad_escape": (
        "引號裡的 `{escape}` 不代表任何字元（只是半個字元代碼，或超出範圍）：請直接寫出該字元，或刪除這個跳脫碼"
    ),
    "load.too_deep": "資料巢狀超過 {depth} 層；手冊格式不需要這麼深",
    "load.not_yaml": "這不是有效的 YAML：{hint}",
    "load.not_yaml_problem": "這不是有效的 YAML（{problem}）：請檢查縮排，含特殊符號的文字請加上引號",
    "load.not_yaml_detail": "這不是有效的 YAML（{detail}）",
    "load.tab": "這一行用 Tab 縮排；YAML 只接受空白：請把 Tab 換成空白",
    "load.empty": "檔案是空的：請在這裡寫下這個{kind}，從 `id:` 與 `title:` 開始",
    "hint.colon_in_value": "冒號後面接空白會在這裡開始一個新的鍵；如果它是文字的一部分，請把整個值加上引號",
    "hint.missing_colon": "有一行的鍵後面少了冒號，或縮排沒有對齊",
    "hint.indentation": "縮排和上面幾行沒有對齊",
    "hint.several_documents": "檔案裡有不只一份 YAML 文件（有一行 ---）；只保留一份",
    "hint.undefined_alias": "用了 *（別名參照），本手冊不接受",
    "hint.unknown_escape": "雙引號中的反斜線開始了一個未知的跳脫字元；請改用單引號",
    "hint.unclosed_quote": "有一個引號開了卻沒有關上",
    "hint.unclosed_bracket": "有一個引號或括號開了卻沒有關上",
    "load.odd_space": "這一行用全形空白或不換行空白（{code}）縮排；YAML 只接受半形空白：請換成半形空白",
    "hint.or": "{first}或{second}",
    "hint.item_column": "第 {column} 欄（`{key}` 的項目）",
    "hint.align_item": "這個項目的 `-` 和上面的項目沒有對齊：把 `-` 移到{choices}",
    "hint.key_column": "第 {column} 欄（和 `{key}` 對齊）",
    "hint.align_key": "這一行和上面的鍵沒有對齊：依它所屬的區塊，從{choices}開始寫",
    "hint.align_item_to": (
        "這個項目比前後的項目縮排得少，所以下面幾行被併進了它：把它的 `-` 移到第 {column} 欄，和其他項目的 `-` 對齊"
    ),
    "hint.joined_key": (
        "這一行比第 {line} 行的 `{key}` 縮排得多，YAML 會把它併進那個值：請從第 {column} 欄開始寫，對齊 `{key}`"
    ),
    "hint.full_width_dash": "清單項目用了全形的 `－` 開頭：請改打半形的 `-` 再加一個空白",
    "hint.space_after_dash": "清單項目的 `-` 後面要有一個空白：請寫成 `- ` 再接文字",
    "hint.full_width_colon": "鍵後面用了全形冒號 `：`：請改用半形冒號 `:` 再加一個空白",
    "hint.quote_closed_later": (
        "這裡開的引號沒有在這一行關上，一路延續到第 {line} 行的引號：請在這個值的結尾關上引號，或把它刪掉"
    ),
    "hint.text_after_quote": "結束的引號後面還有文字：請把整個值放進引號裡，或把引號刪掉",
    "hint.missing_colon_here": "這一行的鍵後面沒有冒號：請寫成「鍵」加半形冒號 `:`、一個空白，再接值",
    "hint.missing_dash": "這一行和上面的清單項目對齊，卻沒有 `-`：要當成一個項目，請在開頭加上 `- `",
    "top_level.list": "一個清單",
    "top_level.value": "單一個值",
    "top_level_mapping": "檔案內容是{found}；{kind}檔必須從最左邊的 `id:`、`title:` 等鍵開始",
    "duplicate_key": "鍵 `{key}` 出現兩次，在第 {first} 行與第 {second} 行：只保留一個（YAML 會默默丟掉前一個）",
    "plain_yaml.tag": "請移除標籤 `{detail}`；不允許使用標籤（它們可能讓 YAML 工具執行程式）",
    "plain_yaml.anchor": "請移除錨點 `{detail}`；把值完整寫出來，不要重複引用",
    "plain_yaml.alias": "請把別名參照 `{detail}` 換成完整寫出的值；別名參照會讓審閱者看不到內容",
    "plain_yaml.merge_key": "請移除合併鍵 `<<`；把鍵完整寫出來，讓審閱者看得到",
    "place.file": "這個{kind}",
    "place.stage": "第 {stage} 個階段",
    "place.step": "第 {stage} 個階段的第 {step} 個步驟",
    "place.raci": "第 {stage} 個階段第 {step} 個步驟的 raci",
    "schema.empty_value": "`{key}` 是空的：請寫上值——這是必填欄位",
    "schema.missing": "{place}沒有 `{key}`：請加上 `{key}:`——這是必填欄位",
    "schema.did_you_mean": "是不是要寫 `{key}`？",
    "schema.unknown": "{place}中有未知的鍵 `{key}`：{hint}手冊會忽略它，請改名或刪除（可用的鍵：{allowed}）",
    "schema.what_value": "`{name}`",
    "schema.what_item": "`{name}` 的一個項目",
    "schema.type": "{what}必須是{wanted}，但{actual}{fix}",
    "schema.either": "{first}或{second}",
    "type.string": "文字",
    "type.array": "清單（以 `- ` 開頭的幾行）",
    "type.boolean": "true 或 false",
    "type.object": "下方帶有鍵與值",
    "actual.empty": "它是空的",
    "actual.boolean": "YAML 把 `{text}` 讀成 {value}（是／否的值）",
    "actual.number": "YAML 把 `{text}` 讀成數字",
    "actual.date": "YAML 把 `{text}` 讀成日期",
    "actual.binary": "`!!binary` 標籤讓它變成二進位資料",
    "actual.list": "它是一個清單",
    "actual.mapping": "它底下有鍵",
    "actual.text": "它是文字 `{value}`",
    "schema.space_after_dash": "：要寫成清單，每個 `-` 後面都要有一個空白，例如 `- 品牌認知度`",
    "schema.quote_it": "：請加上引號，例如 '{text}'",
    "id.too_long": "長達 {length} 個字元；最多只能 {limit} 個",
    "id.reserved": "是保留字；請換一個 id",
    "id.not_slug": (
        "只能使用小寫英文字母 a–z、數字，以及夾在中間的單一連字號；請寫英文 id{hint}，中文名稱放在 `title`"
    ),
    "id.such_as": "，例如 `{slug}`",
    "id_format": "{what} id `{id}` {reason}",
    "id_matches_file_name": (
        "{what} id `{id}` 與檔名 `{stem}` 不同：請讓兩者一致（把 id 改成 `{stem}`，或把檔案改名為 `{id}.yml`）"
    ),
    "unique_ids.same": "相同的 id",
    "unique_ids": "{what} id `{id}` 已經被使用：{where} 有{same}；每個{what}都要有自己的 id",
    "unique_ids.case": "只差在大小寫的 id（`{original}`）",
    "known_roles.unknown": "{where}指定了角色 `{role}`，但 roles/ 中沒有這個角色的檔案{hint}",
    "known_roles.did_you_mean_titled": "——是不是要寫 `{role}`（{title}）？",
    "known_roles.did_you_mean": "——是不是要寫 `{role}`？",
    "no_reporting_cycle": "`reports_to` 繞成一個圈：{circle}；最上層的角色不能有 `reports_to`",
    # --- departments (HB070-HB077) ------------------------------------------------
    "known_department": "`{key}` 寫的部門 `{department}` 在 departments/ 裡沒有檔案{hint}",
    "known_department.did_you_mean": "——是不是 `{department}`？",
    "department_id.format": "部門 id `{id}` {reason}",
    "department_id.file_name": "部門 id `{id}` 與檔名 `{stem}` 不同：把檔案改名為 {id}.yml，或修改 id",
    "department_id.duplicate": "部門 id `{id}` 已用於 {other}：每個部門要有自己的 id",
    "department_head.missing": "部門 `{department}` 沒有寫 `head`：加上 `head:`，寫帶領這個部門的角色 id",
    "department_head.unknown": "部門 `{department}` 的主管 `{role}` 在 roles/ 裡沒有檔案：請寫一個已有角色的 id",
    "department_head.no_department": (
        "部門 `{department}` 的主管 `{role}` 沒有寫所屬部門：在該角色的檔案加上 `department: {department}`"
    ),
    "department_head.elsewhere": (
        "部門 `{department}` 的主管 `{role}` 屬於部門 `{other}`：請從 `{department}` 選一位主管，"
        "或在該角色寫 `department: {department}` 把它移過來"
    ),
    "department_maintainers.missing": (
        "這個部門沒有寫 `maintainers`：加上負責核准本部門檔案變更的人的 git 帳號（@名稱）或電子郵件"
    ),
    "department_maintainers.bad": (
        "`{maintainer}` 不是 git 帳號（@名稱 或 @組織/團隊）也不是電子郵件，CODEOWNERS 無法使用："
        '請寫成 "@wang-xiaoming"（加引號）或 name@example.com'
    ),
    "no_department_cycle": "`parent` 繞成一個圈：{circle}；最上層的部門不能有 `parent`",
    "department_named.role": (
        "角色 `{role}` 沒有寫 `department`：加上 `department:`，寫 {choices} 之一（公司外的團隊改寫 `external: true`）"
    ),
    "department_named.process": (
        "流程 `{process}` 沒有寫 `department`：加上 `department:`，寫負責這個流程的部門，{choices} 之一"
    ),
    "cross_department_manager": (
        "`{role}`（部門 `{department}`）向部門 `{other}` 的 `{manager}` 匯報：把這個角色移到 `{other}`；"
        "若它是 `{department}` 的主管，則把 `{other}` 寫成 `{department}` 的 `parent`"
    ),
    "codeowners.stale": (
        "這個檔案與部門資料及 mkdocs.yml 不符（自第 {line} 行起）：執行 `handbook codeowners` 並提交它寫出的檔案"
    ),
    "diff.departments": "部門與核准",
    "diff.departments_none": "沒有任何部門的檔案變更。",
    "diff.department_file": "{path}（部門 {owners}）：影響 {affected}",
    "diff.work_given": "{step}：{letter} ➕ 部門 {department} 的 {role}",
    "diff.work_taken": "{step}：{letter} ➖ 部門 {department} 的 {role}",
    "diff.approvals": "需要每個受影響部門的維護者核准：",
    "alias_claimed_twice": (
        "舊 id `{alias}` 已列在{what} `{owner}` 的 `aliases`（{where}）：一個舊網址只能通往一個角色或流程；"
        "請從其中一份清單刪除它"
    ),
    "alias_is_live_id": (
        "`{role}` 的別名 `{alias}` 同時是 {path} 中{what}的 id：別名是已不再使用的舊 id；請把它從 `aliases` 刪除"
    ),
    "deprecated_alias": "{where}使用了 `{alias}`，這是 `{role}`（{title}）的舊 id：請改寫成 `{role}`",
    "safe_links": (
        "{field}連到 `{target}`：只允許 http://、https://、mailto: 與相對連結"
        "（其他種類如 javascript: 或 data: 可能執行程式或藏住內容）：請改用 https:// 網址或移除連結"
    ),
    "no_images": "{field}含有圖片（`![…](…)`）：手冊文字不能顯示圖片；請改成連到圖片的連結，例如 [圖](https://…)",
    "no_attribute_lists": "{field}含有 `{found}`，這是會改變文字周圍頁面的屬性清單語法：請刪除",
    "no_snippet_lines": "{field}含有 `--8<--`，它會讓 MkDocs 把另一個檔案貼進頁面：請刪除",
    "joined.item_dash": (
        "這一行被併進了上一個項目，現在讀成「{value}」：要讓它自成一項，請把它的 `-` 移到第 {column} 欄，對齊上"
        "一個項目的 `-`"
    ),
    "joined.item": (
        "這一行被併進了上一個項目，現在讀成「{value}」：要讓它自成一項，請在第 {column} 欄以 `- ` 開頭，對齊上"
        "面的 `-`；如果它屬於上一個項目，請把兩行寫成一行"
    ),
    "joined.value": (
        "這一行被併進了上面的 `{key}`，現在讀成「{value}」：`{key}` 只能有一行，請把這段文字寫在 `{key}` 那一行"
        "；如果它是新的鍵，請移到第 {column} 欄，對齊 `{key}`"
    ),
    "comment_in_value": (
        "` #` 會開始一段註解，所以從 `#` 起的文字都被丟掉，{field} 只剩「{value}」：如果它屬於這個值，請把整個"
        "值加上引號，例如 {example}；如果它是備註，請移到單獨的一行"
    ),
    "list_in_paragraph": (
        "這一行以 `- ` 開頭，卻被併進了上面 `{key}` 的文字，在頁面上只是段落中的一個破折號，不會成為清單項目："
        "請把各點寫成句子，或放進 `checklist`、`responsibilities` 這類清單"
    ),
    "misplaced_item": (
        "這個項目下面的鍵（第 {line} 行的 `{key}` …）重複寫進了第 {first} 行的項目，所以這個項目的 `-` 可能縮排"
        "得太多：如果它是和第 {first} 行並列的新項目，請把它的 `-` 移到第 {column} 欄"
    ),
    "text_too_long": "{field}有 {length} 個字元，超過上限 {limit}：請縮短，或拆成幾個清單項目",
    "one_line": "{field}只能有一行，但它有 {count} 行：請寫成一行（或拆成幾個清單項目）",
    "no_raw_html": (
        "{field}含有 HTML 標籤 `{tag}`，網站會把它顯示成文字而不會套用："
        "請改用 Markdown（**粗體**、[連結](https://…)）或刪除"
    ),
    "bidi_control": (
        "{field}含有看不見的字元 {code}（{name}），它能改變文字顯示的順序，讓審閱者讀到的和實際內容不同：請刪除"
    ),
    "invisible_character": (
        "{field}含有看不見的字元 {code}（{name}）：請刪除（它常在從網頁複製時混進來，並會干擾搜尋）"
    ),
    "step_has_owner": "步驟 `{step}` 沒有當責角色：請在 `raci` 下加上 `A: <角色 id>`——對這個步驟負最終責任的唯一角色",
    "single_owner": "步驟 `{step}` 有 {count} 個當責角色（{names}）：`A` 只保留一個角色，其他的移到 `R` 或 `C`",
    "step_has_responsible": "步驟 `{step}` 的 `R` 沒有任何角色：請加上 `R: [<角色 id>]`——實際執行工作的角色",
    "role_once_per_step": (
        "步驟 `{step}` 列了 `{role}` 不只一次（{letters}）：每個角色只給一個字母（只有 R 加 A 是常見的 RACI 寫法）"
    ),
    "role_takes_part": (
        "角色 `{role}` 沒有參與任何流程的任何步驟：請把它加進某個步驟的 raci，若這個角色已不存在，請刪除檔案"
    ),
    "external_not_accountable": (
        "步驟 `{step}` 讓部門外的團隊 `{role}` 當責：當責（`A`）應該是部門內的角色；請把 `{role}` 放在 `R` 或 `C`"
    ),
    "buddy_internal": (
        "`{role}` 的帶路夥伴 `{buddy}` 是部門以外的團隊：請改成部門內、能帶新人熟悉環境的角色，或刪除 `buddy` 這一行"
    ),
    "buddy_not_self": (
        "`{role}` 把自己寫成自己的帶路夥伴：請寫另一個部門角色的 id（已在做類似工作的同事），或刪除 `buddy` 這一行"
    ),
    "buddy_not_manager": (
        "`{role}` 的帶路夥伴 `{buddy}` 就是它的直屬主管：頁面上已經列出主管了；"
        "請改成可以問小問題的同事，或刪除 `buddy` 這一行"
    ),
    "no_onboarding_on_external": (
        "部門以外的團隊 `{role}` 寫了 `{field}`，但它的頁面沒有到職計畫，所以不會顯示在任何地方："
        "請刪除它；若這個角色其實屬於部門，請刪除 `external: true`"
    ),
    "onboarding_item_once": (
        "`{field}` 又列了一次「{item}」（第 {number} 項，和第 {first} 項相同）："
        "請刪除第 {number} 項，或改成原本想寫的內容"
    ),
    "stage_has_steps": "階段 `{stage}` 沒有任何步驟：請至少加一個步驟，或刪除這個階段",
    "site.no_site_url": (
        "mkdocs.yml 沒有寫網站發布的網址（`site_url`），人資從角色頁複製到職缺公告的永久連結"
        "只會是 `roles/<角色 id>/`，在網站以外點開會找不到頁面：請加上一行，例如 "
        "`site_url: https://handbook.example.com/`，換成網站實際的網址"
    ),
    "checklist_has_items": "步驟 `{step}` 的檢核清單是空的：請加上項目，或刪除 `checklist:` 這一行",
    "report.summary": "{errors} 個錯誤，{warnings} 個警告",
    "inputs.link": (
        "這是一個符號連結（指向別的檔案或資料夾的捷徑）；"
        "手冊只讀取並發布儲存庫裡真正的檔案：請把檔案本身放在這裡取代連結，或刪除連結"
    ),
    "inputs.special": "這是{found}，不是一般檔案；手冊只讀取一般檔案：請刪除它",
    "inputs.not_a_folder": "這裡應該是資料夾，卻是{found}：請改成一般的資料夾",
    "inputs.folder_not_file": "這是一個資料夾，但手冊讀取的是同名的檔案：請把裡面的東西移出來，再刪除這個資料夾",
    "inputs.what.link": "符號連結",
    "inputs.what.pipe": "具名管道",
    "inputs.what.socket": "通訊端（socket）",
    "inputs.what.device": "裝置檔",
    "inputs.what.folder": "資料夾",
    "inputs.what.file": "檔案",
    "inputs.unread_name": (
        "這個檔案因為檔名而沒有被讀取（手冊只讀取以小寫 `.yml` 或 `.yaml` 結尾、"
        "前後沒有空白的檔名）：請改名為 `{meant}`"
    ),
    "inputs.unread_subfolder": "子資料夾裡的檔案不會被讀取：請把這個檔案移到 `{meant}`",
    "inputs.stray": (
        "這個檔案沒有被讀取：只有直接放在 `{folder}/` 裡的 `.yml` "
        "檔屬於手冊；如果它是備份或筆記，請刪除，或放到 `{folder}/` "
        "以外的地方"
    ),
    "search.pagefind_missing": (
        "未安裝大型手冊使用的搜尋工具 Pagefind：請執行 make（或 pip install pagefind[extended]），"
        "或在 mkdocs.yml 的 handbook: 下設定 search_engine: material"
    ),
    "search.pagefind_failed": (
        "Pagefind 無法為 {site} 的網站建立搜尋：{output}；請重新建置，或在 mkdocs.yml 的 handbook: 下"
        "設定 search_engine: material"
    ),
    "write.link": "不寫入 {path}：它是符號連結；請刪除這個連結（不會寫到它指向的地方）",
    "run.not_a_folder": "{path} 不是資料夾",
    "run.not_a_handbook": "{path} 沒有 roles/ 或 processes/ 資料夾；它是手冊嗎？",
    "run.ok": "沒有問題：{roles} 個角色、{processes} 個流程",
    "run.not_building": "不建置網站：請先修正上面的錯誤",
    "run.strict_warnings": "--strict：上面的警告都視為錯誤；請先修正",
    "run.has_errors": "手冊有錯誤：",
    "skeleton.role_title": "新角色（請在這裡寫角色名稱）",
    "skeleton.role_summary": "用一句話說明這個角色為團隊做什麼。",
    "skeleton.responsibility": "這個角色負責的一件事。",
    "skeleton.metric": "這個角色關注的一項指標。",
    "skeleton.process_title": "新流程（請在這裡寫流程名稱）",
    "skeleton.process_summary": "用一句話說明這個流程的目的。",
    "skeleton.stage_title": "第一個階段",
    "skeleton.step_title": "第一個步驟",
    "skeleton.checklist_item": "這個步驟要做的第一件事。",
    "skeleton.department_title": "新部門",
    "skeleton.department_summary": "一句話：這個部門為公司做什麼。",
    "run.exists": "{path} 已經存在：請換一個 id，或直接編輯那個檔案",
    "run.id_taken": "無法建立：`{id}` 已經是 {path} 中{what}的 id 或 `aliases` 裡的舊 id：請換一個 id",
    "run.bad_new_id": "無法建立：{what} id `{id}` {reason}",
    "run.no_roles_yet": "請先建立一個角色（handbook new role ID）：流程的每個步驟都需要一個當責角色",
    "run.wrote": "已寫入 {path}",
    "mermaid.downloading": "正在從 npm 套件庫下載 Mermaid {version}（只需一次），讓網站的圖表不連網也能顯示",
    "mermaid.failed": "錯誤：無法安裝 Mermaid {version}：{error}",
    "diff.title": "誰負責什麼：從 {base} 到 {head} 的變更",
    "diff.working_tree": "工作目錄",
    "diff.none": "角色、匯報對象、標題、摘要、職責、RACI、檢查清單、階段與步驟都沒有變更。",
    "diff.nobody": "無",
    "diff.empty": "（空白）",
    "diff.separator": "；",
    "diff.roles": "角色",
    "diff.role_added": "新增：{role}",
    "diff.role_removed": "刪除：{role}",
    "diff.role_renamed": "改名：{old} → {role}",
    "diff.reporting": "匯報對象",
    "diff.reports_to_changed": "{role} 的匯報對象：{before} → {after}",
    "diff.texts": "標題與摘要",
    "diff.title_changed": "{thing} 的標題：{before} → {after}",
    "diff.summary_changed": "{thing} 的摘要：{before} → {after}",
    "diff.responsibilities": "職責",
    "diff.ownership": "流程維護者與各步驟的 RACI",
    "diff.process_owner_changed": "流程 {process} 的維護者：{before} → {after}",
    "diff.step_changes": "{step}：{changes}",
    "diff.letter_change": "{letter}：{change}",
    "diff.letter_R": "負責執行（`R`）",
    "diff.letter_A": "當責（`A`）",
    "diff.letter_C": "諮詢（`C`）",
    "diff.letter_I": "知會（`I`）",
    "diff.checklists": "檢查清單",
    "diff.structure": "流程、階段與步驟",
    "diff.process_added": "新增流程：{process}",
    "diff.process_removed": "刪除流程：{process}",
    "diff.stage_added": "新增階段：{stage}",
    "diff.stage_removed": "刪除階段：{stage}",
    "diff.step_added": "新增步驟：{step}；當責（`A`）：{owner}",
    "diff.step_removed": "刪除步驟：{step}（原當責（`A`）：{owner}）",
    "diff.step_moved": "移動步驟：{step}，從階段 {before} 移到 {after}",
    # The command line's own status lines.
    "run.config_unreadable": "警告：無法讀取 {path}：{error}",
    "run.no_site_config": "找不到 {path}：MkDocs 要靠它才知道怎麼建置網站",
    "run.build_failed": "建置失敗，{path} 維持原樣：{error}",
    "run.preview": "預覽：執行 make serve（或 handbook serve），再打開 http://127.0.0.1:8000",
    "run.not_exporting": "不匯出：請先修正上面的錯誤",
    "run.cannot_write": "無法寫入 {path}：{error}",
    # `handbook --help` (see generator.cli_help).
    "help.usage": "用法：",
    "help.section.options": "選項",
    "help.section.commands": "指令",
    "help.option.help": "顯示這段說明後結束。",
    "help.main": "把角色手冊（YAML 寫的 roles/ 和 processes/）編譯成網站。",
    "help.main.version": "顯示版本後結束。",
    "help.lang": "訊息的語言。預設：mkdocs.yml 的 theme.language，否則英文。",
    "help.directory": "手冊所在的資料夾。",
    "help.validate": "檢查每個角色與流程檔案；有錯誤時結束代碼為 1，DIRECTORY 不是手冊時為 2。",
    "help.validate.output_format": "問題的輸出格式（預設：text）。",
    "help.validate.strict": "警告也算失敗（結束代碼 1）。",
    "help.validate.no_cache": "每個檔案都重新讀取，不使用、也不寫入 .cache/validate/ 裡保存的結果。",
    "help.build": "先驗證，再建置網站；建置失敗時保留原本的網站。",
    "help.build.strict": "手冊的警告和 MkDocs 的警告也算失敗。",
    "help.build.site_dir": "網站要寫到哪個資料夾。",
    "help.export": "把整本手冊匯出成一份給人資系統用的 JSON 文件（結構：export.schema.json）。",
    "help.export.output_format": "匯出格式（預設：json）。",
    "help.export.output": "寫進這個檔案，而不是印在畫面上。",
    "help.diff": "列出 git 版本 BASE 到 HEAD（預設：工作目錄）之間「誰負責什麼」的變更，輸出 Markdown。",
    "help.schema": "寫出角色、流程與部門檔案的 JSON Schema（驗證器用的同一份），給編輯器使用。",
    "help.schema.output": "角色、流程與部門的 .schema.json 要寫進的資料夾（預設：schema）。",
    "help.new": "寫出一份可直接填寫的 roles/ID.yml、processes/ID.yml 或 departments/ID.yml 骨架；絕不覆寫現有檔案。",
    "help.codeowners": "依 departments/ 與 mkdocs.yml 寫出 CODEOWNERS：每個部門的檔案交給它的維護者審核。",
    "help.codeowners.syntax": "CODEOWNERS 的格式（GitHub 或 GitLab）。",
    "help.codeowners.output": (
        "寫到這裡（- 代表標準輸出）；預設：已有的 CODEOWNERS 檔案，否則 .github/ 或 .gitlab/CODEOWNERS。"
    ),
    "help.engine": "用什麼建置網站：MkDocs（搭配 Material），或用 Zensical 建置外掛產生的頁面。",
    "help.serve": "預覽網站：YAML 或 Markdown 一改，只重建受影響的頁面；錯誤會顯示在瀏覽器裡。",
    "help.serve.dev_addr": "預覽伺服器的位址（預設：127.0.0.1:8000）。",
    # `handbook serve` (and the plugin in any preview): its address and one line per rebuild.
    "serve.address": "預覽手冊：{url}（檔案變更時自動重新建置；按 Ctrl+C 停止）",
    "serve.rebuilt": "已重新建置：沒有錯誤（{seconds} 秒）",
    "serve.rebuilt_warnings": "已重新建置：沒有錯誤，{count} 個警告（{seconds} 秒）",
    "serve.rebuilt_errors": "已重新建置：{count} 個錯誤，修正前瀏覽器會顯示錯誤清單（{seconds} 秒）",
    "serve.search_updated": "搜尋已更新（{seconds} 秒）；這行出現之前，搜尋結果來自重新建置前的網站",
    "serve.search_failed": "搜尋沒有更新：{error}",
    "serve.failed": "重新建置失敗（{seconds} 秒）：{error}",
    "serve.errors_title": "手冊有錯誤",
    "serve.errors_intro": "預覽仍顯示上一次成功建置的版本。請修正下列問題並存檔，頁面會自動更新。",
    "serve.no_errors": "沒有錯誤：預覽顯示的是手冊目前的內容。",
    "serve.engine_missing": "沒有安裝 {engine}：請執行 pip install {package}",
    "serve.engine_built": "已用 {engine} 建置 {path}（{seconds} 秒）",
}
