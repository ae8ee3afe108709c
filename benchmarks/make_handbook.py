"""Write a synthetic, valid handbook of any size: the input of the performance benchmark.

    python benchmarks/make_handbook.py --roles 1000 --processes 200 --seed 1 --out /tmp/big

The same arguments always give byte-identical files. Roles form one reporting
tree (a company head, department heads, team leads, specialists) plus a few
external teams. Each internal role and each process names its department, and
every department has a file in departments/ (head, parent, maintainers), so the
benchmarks and site tests cover a company-scale handbook; every step has one accountable internal role, one or two
responsible roles, and a checklist. Text mixes Traditional Chinese with the
English terms real teams use (KOL, ROI, CRM, SLA …). The files validate with
zero errors and zero warnings; the smoke test checks that.

The mkdocs.yml is the example's own (same theme, plugins and Markdown
extensions), with only the site's name and folders changed, so the benchmark
measures the configuration people actually build.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = REPO / "mkdocs.yml"

# (id part, Chinese name) of departments and of the functions inside them.
DEPARTMENTS = [
    ("marketing", "市場營銷部"),
    ("sales", "銷售部"),
    ("product", "產品部"),
    ("engineering", "研發部"),
    ("finance", "財務部"),
    ("people", "人力資源部"),
    ("legal", "法務部"),
    ("supply-chain", "供應鏈管理部"),
    ("customer-care", "客戶服務部"),
    ("data", "數據分析部"),
    ("design", "設計中心"),
    ("operations", "營運部"),
]
FUNCTIONS = [
    ("kol", "KOL 合作專員"),
    ("crm", "CRM 運營專員"),
    ("seo", "SEO 優化專員"),
    ("growth", "用戶增長經理"),
    ("brand", "品牌推廣專員"),
    ("content", "內容策劃"),
    ("analyst", "數據分析師"),
    ("pm", "產品經理"),
    ("qa", "品質保證工程師"),
    ("backend", "後端工程師"),
    ("buyer", "採購專員"),
    ("planner", "需求計劃員"),
    ("recruiter", "招聘專員"),
    ("trainer", "培訓講師"),
    ("accountant", "會計專員"),
    ("controller", "財務控制專員"),
    ("counsel", "法務顧問"),
    ("support", "客服專員"),
    ("success", "客戶成功經理"),
    ("ops", "營運專員"),
    ("designer", "視覺設計師"),
    ("ux", "UX 研究員"),
    ("events", "活動策劃"),
    ("pr", "公關專員"),
]
EXTERNAL_TEAMS = [
    ("agency", "外部廣告代理商"),
    ("vendor", "物流合作夥伴"),
    ("auditor", "外部稽核團隊"),
    ("partner", "通路合作夥伴"),
    ("studio", "外包影音工作室"),
]
REGIONS = ["華北區", "華東區", "華南區", "台灣區", "香港區", "東南亞", "北美", "歐洲"]

SUBJECTS = [
    "新品上市",
    "季度 OKR",
    "年度預算",
    "會員計劃",
    "雙十一促銷",
    "品牌升級",
    "KOL 合作",
    "CRM 名單",
    "官網改版",
    "App 推播",
    "供應商評估",
    "客訴處理",
    "新人培訓",
    "資料治理",
    "SLA 檢討",
    "A/B 測試",
    "直播帶貨",
    "私域流量",
]
VERBS = ["整理", "確認", "評估", "更新", "彙整", "檢查", "規劃", "追蹤", "比較", "撰寫", "審核", "同步"]
OBJECTS = [
    "GMV 與 ROI 數據",
    "用戶回饋",
    "競品動態",
    "預算執行率",
    "轉化率與客單價",
    "KPI 達成情況",
    "合約條款",
    "排期與分工",
    "風險清單",
    "素材與文案",
    "Dashboard 指標",
    "留存率與復購率",
    "供應商報價",
    "上線檢查表",
]
REASONS = [
    "確保各方對目標有一致的理解",
    "避免重工與資訊落差",
    "讓決策有數據可依",
    "在期限前留出調整空間",
    "讓新同仁也能照著做",
    "降低上線後的風險",
    "方便下一輪復盤比較",
]
DUES = ["每週一", "每月 5 日前", "每季開始前 2 週", "活動開始前 3 天", "上線前 1 週", "收到需求後 2 個工作天內"]
OUTPUTS = ["市場趨勢分析報告", "營銷執行方案", "週報", "月報", "復盤報告", "預算表", "驗收紀錄", "會議紀要"]
STAGES = [
    ("plan", "計劃"),
    ("prepare", "準備"),
    ("execute", "執行"),
    ("monitor", "監控"),
    ("review", "復盤"),
    ("launch", "上線"),
    ("handover", "交接"),
    ("close", "結案"),
]
PROCESS_TOPICS = [
    ("campaign", "營銷活動"),
    ("launch", "新品上市"),
    ("budget", "預算編列"),
    ("hiring", "招聘"),
    ("onboarding", "新人到職"),
    ("procurement", "採購"),
    ("release", "版本發布"),
    ("incident", "事故處理"),
    ("month-end", "月結"),
    ("contract", "合約審查"),
    ("complaint", "客訴處理"),
    ("report", "經營報告"),
]


@dataclass
class SyntheticRole:
    id: str
    title: str
    department: str
    reports_to: str | None
    external: bool
    responsibilities: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)


def sentence(rng: random.Random) -> str:
    """A plausible sentence mixing Chinese and English terms, e.g. 彙整 KOL 合作的 ROI 數據，讓決策有數據可依。"""
    return f"{rng.choice(VERBS)}{rng.choice(SUBJECTS)}的{rng.choice(OBJECTS)}，{rng.choice(REASONS)}。"


def make_roles(count: int, rng: random.Random) -> list[SyntheticRole]:
    """One reporting tree of internal roles (about six reports each) plus a few external teams."""
    external_count = max(1, count // 30) if count >= 4 else 0
    internal_count = count - external_count
    roles: list[SyntheticRole] = []
    for index in range(internal_count):
        if index == 0:
            roles.append(SyntheticRole("company-head", "總經理", "company", None, external=False))
            continue
        parent = roles[(index - 1) // 6]
        if parent.department == "company":
            dept_id, dept_name = DEPARTMENTS[(index - 1) % len(DEPARTMENTS)]
            role_id, title = f"{dept_id}-head-{index}", f"{dept_name}主管（{index}）"
        else:
            dept_id = parent.department
            dept_name = dict(DEPARTMENTS)[dept_id]
            func_id, func_name = rng.choice(FUNCTIONS)
            role_id = f"{dept_id}-{func_id}-{index}"
            title = f"{rng.choice(REGIONS)}{dept_name}{func_name}（{index}）"
        roles.append(SyntheticRole(role_id, title, dept_id, parent.id, external=False))
    for number in range(external_count):
        team_id, team_name = EXTERNAL_TEAMS[number % len(EXTERNAL_TEAMS)]
        roles.append(SyntheticRole(f"{team_id}-{number + 1}", f"{team_name} {number + 1}", "external", None, True))
    for role in roles:
        role.responsibilities = [sentence(rng) for _ in range(rng.randint(2, 5))]
        role.metrics = [f"{rng.choice(SUBJECTS)}的{rng.choice(OBJECTS)}" for _ in range(rng.randint(1, 3))]
    return roles


def role_yaml(role: SyntheticRole) -> str:
    lines = [
        "# yaml-language-server: $schema=../generator/schema/role.schema.json",
        f"id: {role.id}",
        f"title: {role.title}",
        f"summary: 負責{role.title}的日常工作，並與相關團隊協作達成部門目標。",
    ]
    if not role.external:
        lines.append(f"department: {role.department}")
    if role.reports_to:
        lines.append(f"reports_to: {role.reports_to}")
    if role.external:
        lines.append("external: true")
    lines.append("responsibilities:")
    lines.extend(f"  - {item}" for item in role.responsibilities)
    lines.append("metrics:")
    lines.extend(f"  - {item}" for item in role.metrics)
    return "\n".join(lines) + "\n"


def _cycle(items: list[SyntheticRole], rng: random.Random) -> Iterator[SyntheticRole]:
    """Every item once in a shuffled order, then again, forever: every role gets work."""
    while True:
        order = items[:]
        rng.shuffle(order)
        yield from order


def process_yaml(
    number: int, roles: list[SyntheticRole], rng: random.Random, doers: Iterator[SyntheticRole], stages: int, steps: int
) -> tuple[str, str]:
    """The id and the YAML text of one process."""
    internal = [role for role in roles if not role.external]
    by_id = {role.id: role for role in roles}
    topic_id, topic_name = PROCESS_TOPICS[number % len(PROCESS_TOPICS)]
    process_id = f"{topic_id}-{number + 1}"
    owner = rng.choice(internal)
    lines = [
        "# yaml-language-server: $schema=../generator/schema/process.schema.json",
        f"id: {process_id}",
        f"title: {topic_name}流程 {number + 1}",
        f"summary: 說明{topic_name}從{STAGES[0][1]}到{STAGES[-1][1]}的分工，{rng.choice(REASONS)}。",
        f"owner: {owner.id}",
        f"department: {owner.department}",
        "stages:",
    ]
    for stage_index in range(stages):
        stage_id, stage_name = STAGES[stage_index % len(STAGES)]
        suffix = f"-{stage_index // len(STAGES) + 1}" if stage_index >= len(STAGES) else ""
        lines += [
            f"  - id: {stage_id}{suffix}",
            f"    title: {stage_name}{suffix.replace('-', ' ')}",
            f"    summary: {sentence(rng)}",
            "    steps:",
        ]
        for step_index in range(steps):
            doer = next(doers)
            # The doer's manager is accountable; an external doer answers to the process owner.
            accountable = by_id[doer.reports_to] if doer.reports_to else (owner if doer.external else doer)
            taken = {doer.id, accountable.id}
            others = [role for role in rng.sample(roles, min(len(roles), 6)) if role.id not in taken]
            consulted, informed = others[: rng.randint(0, 2)], others[2 : 2 + rng.randint(0, 2)]
            verb, subject = rng.choice(VERBS), rng.choice(SUBJECTS)
            lines += [
                f"      - id: {stage_id}{suffix}-step-{step_index + 1}",
                f"        title: {verb}{subject}",
                f"        details: {sentence(rng)}{sentence(rng)}",
                "        raci:",
                f"          R: [{doer.id}]",
                f"          A: {accountable.id}",
                f"          C: [{', '.join(role.id for role in consulted)}]",
                f"          I: [{', '.join(role.id for role in informed)}]",
                "        checklist:",
            ]
            lines.extend(f"          - {rng.choice(VERBS)}{rng.choice(OBJECTS)}" for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.5:
                lines.append(f"        due: {rng.choice(DUES)}")
            if rng.random() < 0.3:
                lines += ["        outputs:", f"          - {rng.choice(OUTPUTS)}"]
    return process_id, "\n".join(lines) + "\n"


COMPANY = ("company", "總經理室")


def department_files(roles: list[SyntheticRole]) -> dict[str, str]:
    """departments/<id>.yml for the company and every department that has roles: its head is its top role."""
    names = dict([COMPANY, *DEPARTMENTS])
    heads: dict[str, str] = {}
    for role in roles:
        if not role.external:
            heads.setdefault(role.department, role.id)  # roles come top-down: the first is the head
    files: dict[str, str] = {}
    for department, head in heads.items():
        lines = [
            "# yaml-language-server: $schema=../generator/schema/department.schema.json",
            f"id: {department}",
            f"title: {names[department]}",
            f"summary: {names[department]}負責的角色與流程。",
            f"head: {head}",
        ]
        if department != COMPANY[0]:
            lines.append(f"parent: {COMPANY[0]}")
        lines += ["maintainers:", f'  - "@synthetic/{department}-leads"']
        files[f"{department}.yml"] = "\n".join(lines) + "\n"
    return files


def site_config(example: str, *, site_name: str, docs_dir: str) -> str:
    """The example's mkdocs.yml with another site name and docs folder; theme, plugins and extensions unchanged."""
    replacements = {
        "site_name": site_name,
        "site_description": f"{site_name}（效能測試用的合成手冊）",
        "docs_dir": docs_dir,
        "site_dir": "site",
        "edit_uri": f"edit/main/{docs_dir}/",
    }
    for key, value in replacements.items():
        example = re.sub(rf"^{key}:.*$", f"{key}: {value}", example, count=1, flags=re.MULTILINE)
    return example


HOME = """\
# {name}

這是一份由 `benchmarks/make_handbook.py` 產生的合成手冊，用來量測建置與驗證的速度。
內容是隨機組合的句子，請勿當成真實流程參考。
"""


def write_handbook(out: Path, *, roles: int, processes: int, stages: int, steps: int, seed: int) -> None:
    """Write roles/, processes/, docs/index.md and mkdocs.yml into `out`, replacing what was there."""
    rng = random.Random(seed)
    for folder in ("roles", "processes", "docs", "departments"):
        shutil.rmtree(out / folder, ignore_errors=True)
        (out / folder).mkdir(parents=True)
    synthetic_roles = make_roles(roles, rng)
    for role in synthetic_roles:
        (out / "roles" / f"{role.id}.yml").write_text(role_yaml(role), encoding="utf-8")
    for name, text in department_files(synthetic_roles).items():
        (out / "departments" / name).write_text(text, encoding="utf-8")
    doers = _cycle(synthetic_roles, rng)
    for number in range(processes):
        process_id, text = process_yaml(number, synthetic_roles, rng, doers, stages, steps)
        (out / "processes" / f"{process_id}.yml").write_text(text, encoding="utf-8")
    name = f"合成手冊：{roles} 個角色、{processes} 個流程"
    (out / "docs" / "index.md").write_text(HOME.format(name=name), encoding="utf-8")
    config = site_config(EXAMPLE_CONFIG.read_text(encoding="utf-8"), site_name=name, docs_dir="docs")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, required=True, help="number of role files (at least 2)")
    parser.add_argument("--processes", type=int, required=True, help="number of process files")
    parser.add_argument("--stages-per-process", type=int, default=5)
    parser.add_argument("--steps-per-stage", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="folder to write (its roles/ processes/ departments/ docs/ are replaced)",
    )
    args = parser.parse_args()
    if args.roles < 2 or args.processes < 1 or args.stages_per_process < 1 or args.steps_per_stage < 1:
        parser.error("need at least 2 roles, 1 process, 1 stage per process and 1 step per stage")
    write_handbook(
        args.out,
        roles=args.roles,
        processes=args.processes,
        stages=args.stages_per_process,
        steps=args.steps_per_stage,
        seed=args.seed,
    )
    steps = args.processes * args.stages_per_process * args.steps_per_stage
    print(f"wrote {args.roles} roles, {args.processes} processes and {steps} steps to {args.out}")


if __name__ == "__main__":
    main()
