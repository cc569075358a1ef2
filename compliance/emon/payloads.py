"""EMON v2 payloads: field names and formats exactly as DOMAIN-KR §2.2.

regDate "YYYY-MM-DD HH:MM:SS" in KST, dates YYYYMMDD, ``classAgentPk`` "course id,run id",
``changeState`` C/U/D. ``seq`` and the agent id are added at sending time (``wire_row``).
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

KST = ZoneInfo("Asia/Seoul")

CREATE, UPDATE, DELETE = "C", "U", "D"

#: trneeSe 007 자사근로자: the default of 사업주훈련 (DOMAIN-KR §2.2).
TRAINEE_OWN_EMPLOYEE = "007"
#: irglbrSe 000 해당없음 (정규직 포함).
IRREGULAR_NONE = "000"

#: evalCd of score_hist (DOMAIN-KR §2.2) and the evalType of each weighted part.
EVAL_PROGRESS = "01"
PART_EVAL = {
    "progress": ("04", "진행평가_1"),
    "final": ("02", "시험_1"),
    "assignment": ("03", "과제_1"),
}

CENT = Decimal("0.01")


def reg_date(moment: datetime.datetime) -> str:
    return moment.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S")


def ymd(day: datetime.date | None) -> str:
    return f"{day:%Y%m%d}" if day else ""


def kst_ymd(moment: datetime.datetime | None) -> str:
    return moment.astimezone(KST).strftime("%Y%m%d") if moment else ""


def course_agent_pk(run) -> str:
    return str(run.course_id)


def class_agent_pk(run) -> str:
    return f"{run.course_id},{run.pk}"


def number(value: Decimal) -> float:
    """A decimal for the JSON body (EMON stores decimals): 2 places."""
    return float(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def user_hist(*, user, run, state: str, at: datetime.datetime) -> dict:
    return {
        "userAgentPk": str(user.pk),
        "courseAgentPk": course_agent_pk(run),
        "classAgentPk": class_agent_pk(run),
        "userName": user.name_ko or user.get_full_name(),
        "resNo": "",  # filled in at send time only (``wire_row``; see the package docstring)
        "encResNo": "",
        "email": user.email,
        "mobile": "-",
        "nwIno": "",
        "trneeSe": TRAINEE_OWN_EMPLOYEE,
        "irglbrSe": IRREGULAR_NONE,
        "changeState": state,
        "regDate": reg_date(at),
    }


def user_login_hist(*, user, address: str, at: datetime.datetime) -> dict:
    return {"userAgentPk": str(user.pk), "loginDate": reg_date(at), "loginIp": address}


def class_hist(*, run, state: str, at: datetime.datetime) -> dict:
    return {
        "courseAgentPk": course_agent_pk(run),
        "classAgentPk": class_agent_pk(run),
        "fullScore": 100,
        "startDt": ymd(run.training_start),
        "endDt": ymd(run.training_end),
        "changeState": state,
        "regDate": reg_date(at),
        "tracseTme": run.hrd_tracse_tme,
    }


def attend_hist(*, enrolment, fields: dict, state: str, at: datetime.datetime) -> dict:
    run = enrolment.run
    return {
        "userAgentPk": str(enrolment.user_id),
        "courseAgentPk": course_agent_pk(run),
        "classAgentPk": class_agent_pk(run),
        **fields,
        "changeState": state,
        "regDate": reg_date(at),
        "empInsFlag": str(run.emp_ins_flag),
    }


def score_hist(
    *,
    enrolment,
    eval_type: str,
    eval_cd: str,
    score: float,
    submit_date: str,
    access_ip: str,
    copied: str,
    state: str,
    at: datetime.datetime,
    chasi: int | None = None,
    start_end: str = "",
) -> dict:
    run = enrolment.run
    payload = {
        "userAgentPk": str(enrolment.user_id),
        "courseAgentPk": course_agent_pk(run),
        "classAgentPk": class_agent_pk(run),
        "evalType": eval_type,
        "evalCd": eval_cd,
        "score": score,
        "submitDate": submit_date,
        "submitDueDt": ymd(run.training_end),
        "accessIp": access_ip,
        "isCopiedAnswer": copied,
        "changeState": state,
        "regDate": reg_date(at),
    }
    if chasi is not None:
        payload["chasi"] = chasi
        payload["startEndFlag"] = start_end
    return payload


def phone_auth_hist(*, check, run) -> dict:
    eval_cd = str(check.eval_cd)
    return {
        "usrId": str(check.user.pk if hasattr(check.user, "pk") else check.user),
        "courseAgentPk": course_agent_pk(run),
        "classAgentPk": class_agent_pk(run),
        "evalCd": eval_cd,
        "evalType": EVAL_TYPES.get(eval_cd, ""),
        "classTme": f"{int(check.class_tme):02d}" if str(check.class_tme or "").strip() else "",
        "mRet": "T" if check.result in (True, "ok", "passed", "success", "T") else "F",
        "mRetCd": str(check.raw_code or ""),
        "mTrnId": str(check.provider_tx_id or ""),
        "mTrnDt": reg_date(check.at),
    }


#: EVAL_CD → EVAL_TYPE of the identity checks (DOMAIN-KR §1.7).
EVAL_TYPES = {
    "00": "입과",
    "01": "진도",
    "02": "시험",
    "03": "과제",
    "04": "진행평가",
    "05": "토론",
    "06": "기타평가",
    "07": "보충자료학습",
    "99": "기타",
}


def wire_row(record, *, res_no: str = "") -> dict:
    """The row as it is sent: the stored payload plus the agent id and ``seq`` (phone_auth_hist
    names the agent ``agtId`` and has no seq, as the senders seen do). ``res_no``: the trainee's
    주민등록번호, given by the sender only, at the moment of sending, for a payload that has the field;
    the stored payload and every preview keep it empty."""
    if record.endpoint == "phone_auth_hist":
        row = {"agtId": settings.ACADEMY_EMON_AGENT_PK, **record.payload}
    else:
        row = {"agentPk": settings.ACADEMY_EMON_AGENT_PK, "seq": record.seq, **record.payload}
    if "resNo" in row:
        row["resNo"] = res_no
    return row
